"""Admin viewsets of the managed lists (snippets): columns, filters, search, export."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from publications.models import ActionFormat, Audience, Organisation, Person, PublicationCollection, Territory, Theme


class NamedSnippetViewSet(SnippetViewSet):
    list_display = ["name", "slug"]
    list_export = ["name", "slug", "description"]
    search_fields = ["name"]
    ordering = ["name"]


class ThemeViewSet(NamedSnippetViewSet):
    model = Theme
    icon = "tag"


class AudienceViewSet(NamedSnippetViewSet):
    model = Audience
    icon = "group"


class CollectionViewSet(NamedSnippetViewSet):
    model = PublicationCollection
    icon = "folder-inverse"


class ActionFormatViewSet(NamedSnippetViewSet):
    model = ActionFormat
    icon = "list-ul"
    list_display = ["name", "sort_order"]
    ordering = ["sort_order", "name"]


class TerritoryViewSet(SnippetViewSet):
    model = Territory
    icon = "site"
    list_display = ["name", "kind", "code", "parent"]
    list_filter = ["kind"]
    list_export = ["name", "kind", "code", "parent"]
    search_fields = ["name", "code"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "home"
    list_display = ["name", "acronym", "kind", "territory"]
    list_filter = ["kind"]
    list_export = ["name", "acronym", "kind", "website", "territory"]
    search_fields = ["name", "acronym"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["last_name", "first_name", "position", "organisation"]
    list_filter = ["organisation"]
    list_export = ["first_name", "last_name", "position", "organisation"]
    search_fields = ["first_name", "last_name", "position"]


class ClassificationGroup(SnippetViewSetGroup):
    menu_label = _("Listes de référence")
    menu_icon = "list-ul"
    menu_order = 200
    items = (ThemeViewSet, ActionFormatViewSet, AudienceViewSet, CollectionViewSet, TerritoryViewSet)


class PeopleGroup(SnippetViewSetGroup):
    menu_label = _("Personnes et organisations")
    menu_icon = "group"
    menu_order = 210
    items = (PersonViewSet, OrganisationViewSet)
