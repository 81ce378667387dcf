"""Admin views of subscribers beyond Wagtail's generic ones: CSV import, GDPR export."""

import json
import uuid
from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from newsletters.selectors import lists_for_user
from subscribers import gdpr, imports
from subscribers.admin_forms import ImportConfirmForm, ImportForm
from subscribers.selectors import subscribers_for_user

_IMPORT_TTL = 3600


def _cache_key(request: HttpRequest, key: str) -> str:
    # Bound to the user: another administrator cannot apply someone else's upload.
    return f"subscribers:import:{request.user.pk}:{key}"


def _require(request: HttpRequest, codename: str) -> None:
    if not request.user.has_perm(f"subscribers.{codename}"):
        raise PermissionDenied


def import_view(request: HttpRequest) -> HttpResponse:
    """Upload and preview; then, from the preview, apply."""
    _require(request, "add_subscriber")
    template = "subscribers/admin/import.html"
    if request.method == "POST" and "import_key" in request.POST:
        return _import_apply(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    form.fields["newsletter_list"].queryset = lists_for_user(request.user)  # type: ignore[attr-defined]
    if request.method != "POST" or not form.is_valid():
        return TemplateResponse(request, template, {"form": form})
    upload = form.cleaned_data["csv_file"]
    try:
        if upload.size > imports.settings.SUBSCRIBERS_IMPORT_MAX_BYTES:
            raise imports.ImportFileError(
                _("Le fichier dépasse %(size)d Mo.")
                % {"size": imports.settings.SUBSCRIBERS_IMPORT_MAX_BYTES // (1024 * 1024)}
            )
        data = upload.read()
        lines, problems = imports.csv_read(data)
    except imports.ImportFileError as error:
        form.add_error("csv_file", str(error))
        return TemplateResponse(request, template, {"form": form}, status=400)
    key = uuid.uuid4().hex
    cache.set(_cache_key(request, key), data, timeout=_IMPORT_TTL)
    newsletter_list = form.cleaned_data["newsletter_list"]
    context = {
        "plan": imports.import_plan(lines, problems, newsletter_list),
        "newsletter_list": newsletter_list,
        "legal_basis": form.cleaned_data["legal_basis"],
        "import_key": key,
    }
    return TemplateResponse(request, "subscribers/admin/import_preview.html", context)


def _import_apply(request: HttpRequest) -> HttpResponse:
    form = ImportConfirmForm(request.POST)
    form.fields["newsletter_list"].queryset = lists_for_user(request.user)  # type: ignore[attr-defined]
    data = cache.get(_cache_key(request, request.POST.get("import_key", ""))) if form.is_valid() else None
    if data is None:
        messages.error(request, _("L'aperçu a expiré ou n'est pas valable : déposez le fichier de nouveau."))
        return redirect("subscribers_subscriber:import")
    lines, problems = imports.csv_read(data)
    plan = imports.import_apply(
        lines,
        problems,
        newsletter_list=form.cleaned_data["newsletter_list"],
        legal_basis=form.cleaned_data["legal_basis"],
    )
    cache.delete(_cache_key(request, form.cleaned_data["import_key"]))
    messages.success(
        request,
        _(
            "Import terminé dans « %(list)s » : %(created)d abonné·es créé·es, %(added)d abonnements ajoutés, "
            "%(unchanged)d déjà abonné·es, %(refused)d refusé·es, %(malformed)d lignes mal formées."
        )
        % {
            "list": form.cleaned_data["newsletter_list"],
            "created": len(plan.created),
            "added": len(plan.added),
            "unchanged": len(plan.unchanged),
            "refused": len(plan.refused),
            "malformed": len(plan.malformed),
        },
    )
    return redirect("subscribers_subscriber:index")


def data_export_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The GDPR export of one person, as a JSON download."""
    _require(request, "view_subscriber")
    subscriber = get_object_or_404(subscribers_for_user(request.user), pk=pk)
    body = json.dumps(gdpr.subscriber_data_export(subscriber), cls=gdpr.ENCODER, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="abonne-{subscriber.pk}.json"'
    return response


def data_export_url(subscriber: Any) -> str:
    return reverse("subscribers_subscriber:data_export", args=[subscriber.pk])
