"""Admin glue: register the managed lists under two menus."""

from wagtail.snippets.models import register_snippet

from publications.viewsets import ClassificationGroup, PeopleGroup

register_snippet(ClassificationGroup)
register_snippet(PeopleGroup)
