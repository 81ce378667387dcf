"""The admin of the centres: who they are, which site and media collection they own."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from centres.models import Centre


class CentreViewSet(SnippetViewSet):
    model = Centre
    icon = "home"
    menu_label = _("Centres")
    menu_order = 150
    add_to_admin_menu = True
    list_display = ["name", "acronym", "legal_form", "site"]
    list_filter = ["legal_form"]
    search_fields = ["name", "acronym"]
    ordering = ["name"]
