"""The « Abonnés » admin: Wagtail's ModelViewSet with filters, export, inspect, erasure and import."""

from typing import TYPE_CHECKING

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.coreutils import multigetattr

from centres.admin_scope import CentreScopedIndexMixin, CentreScopedObjectMixin
from newsletters.selectors import lists_for_user
from subscribers import admin_views, gdpr, services
from subscribers.admin_forms import SubscriberAdminForm
from subscribers.models import Subscriber, Subscription, SubscriptionStatus
from subscribers.selectors import SUBSCRIBER_CENTRE, subscribers_erasable_by
from subscribers.spreadsheets import FormulaSafeExportMixin


class SubscriberFilterSet(WagtailFilterSet):
    newsletter_list = django_filters.ModelChoiceFilter(
        label=_("Liste"),
        # The user's centres' lists only (the listing is confined the same way).
        queryset=lambda request: lists_for_user(request.user),  # type: ignore[arg-type]
        method="filter_noop",
    )
    status = django_filters.ChoiceFilter(
        label=_("État de l'abonnement"), choices=SubscriptionStatus.choices, method="filter_noop"
    )
    suppressed = django_filters.BooleanFilter(
        label=_("Exclu·e"), field_name="suppressed_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Subscriber
        fields = ["role", "territory"]

    def filter_noop(self, queryset: QuerySet, name: str, value: object) -> QuerySet:
        return queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        # List and status apply to the same subscription: « confirmé sur Résonances ».
        conditions = {}
        if self.form.cleaned_data.get("newsletter_list"):
            conditions["newsletter_list"] = self.form.cleaned_data["newsletter_list"]
        if self.form.cleaned_data.get("status"):
            conditions["status"] = self.form.cleaned_data["status"]
        if conditions:
            queryset = queryset.filter(Exists(Subscription.objects.filter(subscriber=OuterRef("pk"), **conditions)))
        return queryset


class SubscriberIndexView(FormulaSafeExportMixin, CentreScopedIndexMixin, generic.IndexView):
    centre_lookup = SUBSCRIBER_CENTRE

    def get_base_queryset(self) -> QuerySet:
        return (
            super().get_base_queryset().select_related("territory").prefetch_related("subscriptions__newsletter_list")
        )

    @cached_property
    def header_buttons(self) -> list:
        buttons = super().header_buttons
        if self.request.user.has_perm("subscribers.add_subscriber"):
            buttons.append(
                HeaderButton(_("Importer un CSV"), url=reverse("subscribers_subscriber:import"), icon_name="upload")
            )
        return buttons

    def to_row_dict(self, item: Subscriber) -> dict:
        return {
            field: confirmed_lists(item) if field == "lists" else multigetattr(item, field)
            for field in self.list_export
        }


def confirmed_lists(subscriber: Subscriber) -> str:
    return ", ".join(
        sorted(
            subscription.newsletter_list.name
            for subscription in subscriber.subscriptions.all()
            if subscription.status == SubscriptionStatus.CONFIRMED
        )
    )


def _gdpr_buttons(view: generic.InspectView | generic.EditView, buttons: list) -> list:
    subscriber = view.object
    if view.request.user.has_perm("subscribers.view_subscriber"):
        buttons.append(
            Button(
                _("Exporter ses données"),
                url=admin_views.data_export_url(subscriber),
                icon_name="download",
                priority=30,
            )
        )
    if view.request.user.has_perm("subscribers.delete_subscriber"):
        buttons.append(
            Button(
                _("Effacer"),
                url=reverse("subscribers_subscriber:delete", args=[subscriber.pk]),
                icon_name="bin",
                priority=40,
            )
        )
    return buttons


class SubscriberInspectView(CentreScopedObjectMixin, generic.InspectView):
    centre_lookup = SUBSCRIBER_CENTRE

    template_name = "subscribers/admin/inspect.html"

    @cached_property
    def header_more_buttons(self) -> list:
        # Wagtail's own delete button becomes « Effacer » below.
        buttons = [button for button in super().header_more_buttons if button.icon_name != "bin"]
        return _gdpr_buttons(self, buttons)

    def get_context_data(self, **kwargs: object) -> dict:
        context = super().get_context_data(**kwargs)
        context["subscriptions"] = self.object.subscriptions.select_related("newsletter_list").order_by(
            "newsletter_list__name"
        )
        context["consents"] = self.object.consents.select_related("newsletter_list")
        return context


if TYPE_CHECKING:
    # What the mixin below is mixed into, so that mypy finds what its super() call reaches.
    from wagtail.admin.views.generic import CreateView as _SaveBase  # or EditView: both have save_instance()
else:
    _SaveBase = object


class SubscriberListsSaveMixin(_SaveBase):
    """The form's lists and legal basis become the subscriber's subscriptions once it is saved."""

    def save_instance(self) -> Subscriber:
        instance = super().save_instance()
        services.subscriber_lists_set_by_admin(
            subscriber=instance,
            list_ids=[item.pk for item in self.form.cleaned_data["lists"]],
            reachable_ids=set(lists_for_user(self.request.user).values_list("pk", flat=True)),
            legal_basis=self.form.cleaned_data["legal_basis"],
        )
        return instance


class SubscriberCreateView(SubscriberListsSaveMixin, generic.CreateView):
    pass


class SubscriberEditView(SubscriberListsSaveMixin, CentreScopedObjectMixin, generic.EditView):
    centre_lookup = SUBSCRIBER_CENTRE

    @cached_property
    def header_more_buttons(self) -> list:
        buttons = [button for button in super().header_more_buttons if button.icon_name != "bin"]
        return _gdpr_buttons(self, buttons)


class SubscriberEraseView(generic.DeleteView):
    """Deleting a subscriber is the GDPR erasure: everything goes but a keyed fingerprint."""

    page_title = _("Effacer")
    template_name = "subscribers/admin/erase.html"

    def get_object(self, queryset: QuerySet | None = None) -> Subscriber:
        subscriber = super().get_object(queryset)
        if not subscribers_erasable_by(self.request.user).filter(pk=subscriber.pk).exists():
            raise PermissionDenied
        return subscriber

    def get_success_message(self) -> str:
        return str(_("Les données de l'abonné·e ont été effacées."))

    def delete_action(self) -> None:
        gdpr.subscriber_erase(subscriber=self.object)


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "group"
    menu_label = _("Abonnés")
    menu_order = 225
    add_to_admin_menu = True
    url_prefix = "abonnes"
    name = "subscribers_subscriber"
    index_view_class = SubscriberIndexView
    add_view_class = SubscriberCreateView
    edit_view_class = SubscriberEditView
    delete_view_class = SubscriberEraseView
    inspect_view_class = SubscriberInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = SubscriberFilterSet
    search_fields = ["email", "name", "organisation"]
    search_backend_name = None
    list_display = [
        "email",
        "name",
        "organisation",
        "role",
        Column("lists", label=_("Listes confirmées"), accessor=confirmed_lists),
        DateColumn("suppressed_at", label=_("Exclu·e le")),
        DateColumn("created_at", label=_("Créé le")),
    ]
    list_export = [
        "email",
        "name",
        "organisation",
        "role",
        "territory",
        "lists",
        "suppressed_at",
        "suppression_reason",
        "created_at",
    ]
    export_headings = {"lists": _("Listes confirmées")}
    export_filename = "abonnes"
    inspect_view_fields = [
        "email",
        "name",
        "organisation",
        "role",
        "territory",
        "suppressed_at",
        "suppression_reason",
        "created_at",
        "updated_at",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("email"),
            FieldRowPanel([FieldPanel("name"), FieldPanel("organisation")]),
            FieldRowPanel([FieldPanel("role"), FieldPanel("territory")]),
            FieldPanel("lists"),
            FieldPanel("legal_basis"),
        ],
        base_form_class=SubscriberAdminForm,
    )

    def get_urlpatterns(self) -> list:
        return [
            *super().get_urlpatterns(),
            path("importer/", admin_views.import_view, name="import"),
            path("<id:pk>/donnees/", admin_views.data_export_view, name="data_export"),
        ]
