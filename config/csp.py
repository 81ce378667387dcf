"""One Content-Security-Policy for the public site, a looser script-src for Wagtail's admin.

The public pages run no inline script (their scripts are static files, their JSON-LD is a data
block that script-src does not govern), so their policy needs neither 'unsafe-inline' nor a
per-response nonce, and a cached page stays valid for every visitor. Wagtail's admin (its own
previews included, which render public templates under /admin/) needs inline scripts: every
response under the admin's address gets CSP_ADMIN_REPLACE on top of the policy, unless the view
chose its own replacement with django-csp's decorators.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse


def csp_is_admin_path(*, request: HttpRequest) -> bool:
    """Whether the request is for Wagtail's admin, wherever config/urls.py mounts it."""
    return request.path.startswith(reverse("wagtailadmin_home"))


class AdminAwareCSPMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request=request, response=response, report_only=report_only)
        if not report_only and csp_is_admin_path(request=request):
            parts.replace = {**settings.CSP_ADMIN_REPLACE, **(parts.replace or {})}
        return parts
