"""The « Inscriptions » admin: each action's settings, and the registrations with filters and export."""

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from publications.models import ActionPage
from registrations.admin_forms import RegistrationSettingsForm
from registrations.models import Registration, RegistrationSettings, RegistrationStatus
from subscribers.spreadsheets import FormulaSafeExportMixin


class SessionSeatsPanel(Panel):
    """The seats of each session, fields the settings form adds once the action is known."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "registrations/admin/seats_panel.html"

        def is_shown(self) -> bool:
            return any(name.startswith("seats_") for name in self.form.fields)

        def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            context["fields"] = [self.form[name] for name in self.form.fields if name.startswith("seats_")]
            return context


class RegistrationSettingsViewSet(ModelViewSet):
    model = RegistrationSettings
    icon = "calendar-check"
    menu_label = _("Actions ouvertes")
    add_to_admin_menu = False
    list_display = ["action", "scope", "opens_at", "closes_at"]
    search_fields = ["action__title"]
    url_prefix = "inscriptions/actions"

    def get_edit_handler(self) -> ObjectList:
        return ObjectList(
            [
                FieldPanel("action"),
                FieldPanel("scope"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list")]),
                SessionSeatsPanel(heading=_("Places par séance")),
                FieldPanel("reminder_hours"),
                InlinePanel("questions", heading=_("Questions du formulaire"), label=_("Question")),
            ],
            base_form_class=RegistrationSettingsForm,
        ).bind_to_model(self.model)


class RegistrationFilterSet(WagtailFilterSet):
    action = django_filters.ModelChoiceFilter(
        label=_("Action"),
        queryset=ActionPage.objects.filter(registration_settings__isnull=False).order_by("title"),
    )
    status = django_filters.ChoiceFilter(label=_("État"), choices=RegistrationStatus.choices)

    class Meta:
        model = Registration
        fields = ["action", "status", "role"]


class RegistrationIndexView(FormulaSafeExportMixin, generic.IndexView):
    def get_base_queryset(self) -> QuerySet:
        return super().get_base_queryset().select_related("action", "session", "territory")


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Inscrit·e·s")
    add_to_admin_menu = False
    index_view_class = RegistrationIndexView
    filterset_class = RegistrationFilterSet
    form_fields = ["name", "organisation", "role", "territory", "accessibility_needs", "status"]
    list_display = [
        "name",
        "email",
        "organisation",
        Column("action", label=_("Action")),
        Column("session", label=_("Séance")),
        Column("status", label=_("État"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Inscrit·e le")),
    ]
    list_export = [
        "name",
        "email",
        "organisation",
        "role",
        "territory",
        "action",
        "session",
        "status",
        "accessibility_needs",
        "answers",
        "created_at",
    ]
    export_filename = "inscriptions"
    search_fields = ["name", "email", "organisation"]
    url_prefix = "inscriptions/personnes"


class RegistrationsGroup(ViewSetGroup):
    menu_label = _("Inscriptions")
    menu_icon = "calendar-check"
    items = (RegistrationSettingsViewSet, RegistrationViewSet)
