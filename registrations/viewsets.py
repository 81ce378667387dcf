"""The « Inscriptions » admin: each action's settings, the registrations with filters and export, and
the sessions with their attendance."""

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from centres.admin_scope import CentreFieldMixin, CentreScopedIndexMixin, CentreScopedObjectMixin
from centres.selectors import user_pages
from publications.models import ActionPage, ActionSession
from registrations import admin_views
from registrations.admin_forms import RegistrationSettingsForm, SessionChoiceField
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


class SettingsIndexView(CentreScopedIndexMixin, generic.IndexView):
    page_lookup = "action"


class SettingsCreateView(CentreFieldMixin, generic.CreateView):
    page_field = "action"


class SettingsEditView(CentreFieldMixin, CentreScopedObjectMixin, generic.EditView):
    page_field = page_lookup = "action"


class SettingsDeleteView(CentreScopedObjectMixin, generic.DeleteView):
    page_lookup = "action"


class RegistrationSettingsViewSet(ModelViewSet):
    """The actions of the user's centres only (centres.admin_scope)."""

    model = RegistrationSettings
    index_view_class = SettingsIndexView
    add_view_class = SettingsCreateView
    edit_view_class = SettingsEditView
    delete_view_class = SettingsDeleteView
    copy_view_enabled = False
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
        # The user's centres' actions only (the listing is confined the same way).
        queryset=lambda request: ActionPage.objects.filter(  # type: ignore[arg-type]
            registration_settings__isnull=False, pk__in=user_pages(request.user).values("pk")
        ).order_by("title"),
    )
    session = django_filters.ModelChoiceFilter(
        label=_("Séance"),
        queryset=lambda request: (  # type: ignore[arg-type]
            ActionSession.objects.filter(page__registration_settings__isnull=False, page__in=user_pages(request.user))
            .select_related("page")
            .order_by("-starts_at")
        ),
    )
    status = django_filters.ChoiceFilter(label=_("État"), choices=RegistrationStatus.choices)

    class Meta:
        model = Registration
        fields = ["action", "session", "status", "role"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Sessions named by their action and date, not by their row.
        self.filters["session"].field_class = SessionChoiceField


class RegistrationIndexView(FormulaSafeExportMixin, CentreScopedIndexMixin, generic.IndexView):
    page_lookup = "action"

    def get_base_queryset(self) -> QuerySet:
        return super().get_base_queryset().select_related("action", "session", "territory")

    def get_list_more_buttons(self, instance: Registration) -> list:
        buttons = super().get_list_more_buttons(instance)
        movable = instance.session_id is not None and instance.status in (
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.WAITING,
        )
        if movable and self.request.user.has_perm("registrations.change_registration"):
            buttons.append(
                ListingButton(
                    _("Changer de séance"),
                    url=reverse("registrations_attendance:move", args=[instance.pk]),
                    icon_name="resubmit",
                    priority=15,
                )
            )
        return buttons


class RegistrationEditView(CentreScopedObjectMixin, generic.EditView):
    page_lookup = "action"


class RegistrationDeleteView(CentreScopedObjectMixin, generic.DeleteView):
    page_lookup = "action"


class RegistrationViewSet(ModelViewSet):
    model = Registration
    edit_view_class = RegistrationEditView
    delete_view_class = RegistrationDeleteView
    copy_view_enabled = False
    name = "registrations_registration"
    icon = "group"
    menu_label = _("Inscrit·e·s")
    add_to_admin_menu = False
    index_view_class = RegistrationIndexView
    filterset_class = RegistrationFilterSet
    # The state changes only through the services (seats, waiting list, attendance), never by hand here.
    form_fields = ["name", "organisation", "role", "territory", "accessibility_needs"]
    list_display = [
        "name",
        "email",
        "organisation",
        Column("action", label=_("Action")),
        Column("session", label=_("Séance")),
        Column("status", label=_("État"), accessor="get_status_display"),
        Column("added_by_hand", label=_("Ajout à la main")),
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
        "added_by_hand",
        "created_at",
    ]
    export_filename = "inscriptions"
    search_fields = ["name", "email", "organisation"]
    url_prefix = "inscriptions/personnes"

    @property
    def add_view(self) -> Any:
        # Through the registration service (seats, waiting list, the reason kept), not a bare model form.
        return admin_views.registration_add_view


class AttendanceViewSet(ViewSet):
    """The sessions of the actions taking registrations: their attendance page and printable sheet."""

    name = "registrations_attendance"
    icon = "tasks"
    menu_label = _("Séances et émargement")
    url_prefix = "inscriptions/seances"

    def get_urlpatterns(self) -> list:
        return [
            path("", admin_views.sessions_view, name="index"),
            path("<id:session_id>/emargement/", admin_views.attendance_view, name="attendance"),
            path("<id:session_id>/feuille.pdf", admin_views.attendance_sheet_view, name="sheet"),
            path("changer-de-seance/<id:pk>/", admin_views.registration_move_view, name="move"),
        ]

    @property
    def menu_item_class(self) -> type[MenuItem]:
        return _SeeRegistrationsMenuItem


class _SeeRegistrationsMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return bool(request.user.has_perm("registrations.view_registration"))


class RegistrationsGroup(ViewSetGroup):
    menu_label = _("Inscriptions")
    menu_icon = "calendar-check"
    items = (RegistrationSettingsViewSet, RegistrationViewSet, AttendanceViewSet)
