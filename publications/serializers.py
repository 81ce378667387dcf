"""How API v2 represents the snippets, media and linked rows of the content pages.

A page's representation belongs with the content: the page models name these in their
``api_fields``. Plain serializers with no model import, so that the models can import them.
"""

from collections.abc import Callable
from typing import Any

from rest_framework import serializers
from wagtail.models import Page

from config.public_url import absolute_url
from publications.visibility import page_is_visible, pages_visible, without_restricted_documents

# The context key API v2's listing sets once it has prefetched page and document relations
# narrowed to what the public may read (`api.v2_prefetch`).
PUBLIC_RELATIONS = "public_relations_prefetched"


def _prefetched_public(serializer: serializers.Field) -> bool:
    return bool(serializer.context.get(PUBLIC_RELATIONS))


def _linked_visible(serializer: serializers.Field, page: Page | None) -> bool:
    """A prefetched link to a hidden page is already ``None``; any other link is checked here."""
    if _prefetched_public(serializer):
        return page is not None
    return page_is_visible(page)


# Facts a higher app adds to the representation of a content row (registrations: the seats of a
# session, the attendance of an action), registered from that app's ``ready()``: the content stays
# ignorant of it, and the field reads None while no app provides the fact.
_FACTS: dict[str, Callable[[Any], Any]] = {}


def api_fact_register(name: str, provider: Callable[[Any], Any]) -> None:
    _FACTS[name] = provider


class RegisteredFactField(serializers.Field):
    def __init__(self, fact: str, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)
        self.fact = fact

    def to_representation(self, value: Any) -> Any:
        provider = _FACTS.get(self.fact)
        return provider(value) if provider else None


class NamedSnippetSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()


class TerritorySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()
    code = serializers.CharField()
    parent_id = serializers.IntegerField(allow_null=True)


class OrganisationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    acronym = serializers.CharField()
    kind = serializers.CharField()
    website = serializers.CharField()


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    position = serializers.CharField()
    organisation = OrganisationSerializer(allow_null=True)


class PersonRoleSerializer(serializers.Serializer):
    role = serializers.CharField()
    role_label = serializers.SerializerMethodField()
    person = PersonSerializer()

    def get_role_label(self, obj: Any) -> str:
        display = getattr(obj, "get_role_display", None)
        return str(display()) if display else str(obj.role)


class OrganisationRoleSerializer(serializers.Serializer):
    role = serializers.CharField()
    role_label = serializers.CharField(source="get_role_display")
    organisation = OrganisationSerializer()


class SessionSerializer(serializers.Serializer):
    uid = serializers.UUIDField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    attendance_mode = serializers.CharField()
    venue = serializers.CharField()
    address = serializers.CharField()
    town = TerritorySerializer(allow_null=True)
    online_url = serializers.CharField(source="connection_link")
    accessibility_notes = serializers.CharField()
    cancelled = serializers.BooleanField()
    registration = RegisteredFactField("session_registration")


class ProgressNoteSerializer(serializers.Serializer):
    date = serializers.DateField()
    status = serializers.CharField()
    text = serializers.CharField()


class DeliverableSerializer(serializers.Serializer):
    # A declared field, which DRF's metaclass takes off the class: it never shadows Field.label.
    label = serializers.SerializerMethodField()  # type: ignore[assignment]
    url = serializers.CharField()
    publication_id = serializers.SerializerMethodField()

    def get_label(self, obj: Any) -> str:
        return obj.title or (obj.publication.title if _linked_visible(self, obj.publication) else "")

    def get_publication_id(self, obj: Any) -> int | None:
        return obj.publication_id if _linked_visible(self, obj.publication) else None


class AxisSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    parent_id = serializers.IntegerField(allow_null=True)
    question = serializers.CharField()
    stance = serializers.CharField()


class CycleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()


class AxisRefSerializer(serializers.Serializer):
    """An axis named from an action (the other axes it is listed under)."""

    id = serializers.IntegerField()
    title = serializers.CharField()


class FundingSerializer(serializers.Serializer):
    funder = OrganisationSerializer()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    year = serializers.IntegerField(allow_null=True)
    amount = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    note = serializers.CharField()


class IndicatorSerializer(serializers.Serializer):
    name = serializers.CharField()
    target = serializers.IntegerField(allow_null=True)
    values = serializers.SerializerMethodField()
    projection = serializers.IntegerField(allow_null=True)
    projection_note = serializers.CharField()

    def get_values(self, obj: Any) -> list[dict[str, Any]]:
        return [{"date": day.isoformat(), "value": value, "note": note} for day, value, note in obj.readings()]


class ProgressPointSerializer(serializers.Serializer):
    date = serializers.DateField()
    title = serializers.CharField()
    summary = serializers.CharField()


class PublicDocumentLinksSerializer(serializers.ListSerializer):
    """A page's files, minus those of restricted collections."""

    def to_representation(self, data: Any) -> list[Any]:
        if _prefetched_public(self):
            return super().to_representation(data.all())
        return super().to_representation(without_restricted_documents(data.all()).select_related("document"))


class DocumentLinkSerializer(serializers.Serializer):
    """A publication's file: its label, download URL, size and format."""

    class Meta:
        list_serializer_class = PublicDocumentLinksSerializer

    id = serializers.IntegerField(source="document.pk")
    title = serializers.CharField(source="document.title")
    label = serializers.SerializerMethodField()  # type: ignore[assignment]  # as in DeliverableSerializer
    url = serializers.SerializerMethodField()
    file_extension = serializers.CharField(source="document.file_extension")
    file_size = serializers.IntegerField(source="document.file_size", allow_null=True)

    def get_label(self, obj: Any) -> str:
        return obj.label or obj.document.title

    def get_url(self, obj: Any) -> str:
        return absolute_url(obj.document.url)


class AudioSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    duration = serializers.FloatField(allow_null=True)
    file_size = serializers.IntegerField(allow_null=True)
    mime_type = serializers.CharField()

    def get_url(self, obj: Any) -> str:
        return absolute_url(obj.file.url)


class ChapterSerializer(serializers.Serializer):
    start = serializers.SerializerMethodField()
    title = serializers.CharField()

    def get_start(self, obj: Any) -> float:
        return obj.start.total_seconds()


class PageRefSerializer(serializers.Serializer):
    """A linked page, named only while the public may read it."""

    id = serializers.IntegerField()
    title = serializers.CharField()

    def to_representation(self, instance: Any) -> Any:
        if not _linked_visible(self, instance):
            return None
        return super().to_representation(instance)


class LivePagesSerializer(serializers.Serializer):
    """A many-to-many of pages, keeping only the visible ones."""

    # A list, as the field of a many-to-many: the stubs expect every Serializer to give a dict.
    def to_representation(self, instance: Any) -> list[dict[str, Any]]:  # type: ignore[override]
        pages = instance.all() if _prefetched_public(self) else pages_visible(instance.all())
        return [{"id": page.pk, "title": page.title} for page in pages]
