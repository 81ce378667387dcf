"""Admin views: download the site's records as an exchange file, import one as drafts."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import require_admin_access
from wagtail.models import Site

from publications.exchange.export import experiences_exchange_file
from publications.exchange.imports import MAX_BYTES, TOO_LARGE, ExchangeError, experiences_import
from publications.models import ExperienceIndexPage


def importable_parents(user: Any) -> list[ExperienceIndexPage]:
    """The lists of experience records where `user` may add a page: where imports may go."""
    return [
        index
        for index in ExperienceIndexPage.objects.order_by("path")
        if index.permissions_for_user(user).can_add_subpage()
    ]


class ExperienceIndexField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        site = obj.get_site()
        return f"{site.site_name or site.hostname} — {obj.title}" if site else obj.title


class ImportForm(forms.Form):
    parent = ExperienceIndexField(queryset=ExperienceIndexPage.objects.none(), label=_("Importer dans"))
    file = forms.FileField(label=_("Fichier d'échange (JSON, version 1)"))

    def __init__(self, *args: Any, parents: list[ExperienceIndexPage], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = ExperienceIndexPage.objects.filter(  # type: ignore[attr-defined]
            pk__in=[parent.pk for parent in parents]
        )
        self.fields["parent"].initial = parents[0].pk

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(TOO_LARGE)
        return upload


@require_admin_access
def exchange_view(request: HttpRequest) -> HttpResponse:
    parents = importable_parents(request.user)
    if not parents:
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, parents=parents)
    refusals: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            report = experiences_import(
                payload=form.cleaned_data["file"].read(), parent=form.cleaned_data["parent"], user=request.user
            )
        except ExchangeError as error:
            refusals = error.messages
        else:
            messages.success(request, _("Import terminé : %(summary)s") % {"summary": report.summary()})
            for warning in report.warnings:
                messages.warning(request, warning)
            return redirect("experiences_exchange")
    sites = Site.objects.filter(root_page__in=[parent.get_parent() for parent in parents]).order_by("hostname")
    context = {"form": form, "refusals": refusals, "sites": sites, "page_title": _("Échange de fiches d'expérience")}
    return TemplateResponse(request, "publications/exchange/index.html", context)


@require_admin_access
def exchange_export_view(request: HttpRequest, site_id: int) -> HttpResponse:
    parents = importable_parents(request.user)
    # The sites the user may import into are the ones they may export: not another centre's.
    site = Site.objects.filter(pk=site_id, root_page__in=[parent.get_parent() for parent in parents]).first()
    if site is None:
        raise PermissionDenied
    exchange = experiences_exchange_file(site=site)
    response = HttpResponse(exchange.model_dump_json(indent=2), content_type="application/json; charset=utf-8")
    filename = f"fiches-experience-{site.hostname}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
