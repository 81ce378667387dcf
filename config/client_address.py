"""Who the client is: the one rule that throttles, login lock-outs and consent records read.

Each reverse proxy in front of the app appends to X-Forwarded-For the address its connection came
from, and the nearest one is REMOTE_ADDR. Behind TRUSTED_PROXY_COUNT proxies, the client is
therefore the TRUSTED_PROXY_COUNT-th address from the right of X-Forwarded-For: the outermost
trusted proxy wrote it. Everything to its left was sent by the client and is never believed, so a
forged header moves nothing. With 0 (development, tests, an app reached directly) only REMOTE_ADDR
counts. A header shorter than the proxy count means the request skipped a proxy: REMOTE_ADDR then.

Low layer: settings and the standard request only, so that every app (and django-axes, through
AXES_CLIENT_IP_CALLABLE) can import it.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest
from ipware.ip import get_client_ip

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"


def _address(value: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address(value)) if value else None
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    """The client's address in canonical form, or None when the request carries none that parses."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        # ipware counts the proxies listed in the header, after the client: the nearest proxy
        # is REMOTE_ADDR, not in the header, hence one fewer. Non-strict: an unparsable entry
        # can only have come from the client, to the left of the addresses proxies wrote.
        forwarded, _routable = get_client_ip(
            request,
            proxy_count=proxies - 1,
            request_header_order=(FORWARDED_FOR,),
            strict=False,
            algorithm="modern",
        )
        if forwarded:
            return forwarded
    return _address(request.META.get("REMOTE_ADDR"))
