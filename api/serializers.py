"""Serializers of the snippets and media that API v2 expands inside pages.

Plain serializers with no model import, so that the page models can name them in their
``api_fields`` without an import cycle.
"""

from typing import Any

from rest_framework import serializers

from api.schemas import absolute, visible_ref
from publications.visibility import page_is_visible, pages_visible, without_restricted_documents


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
    online_url = serializers.CharField(source="public_online_url")
    accessibility_notes = serializers.CharField()
    cancelled = serializers.BooleanField()


class ProgressNoteSerializer(serializers.Serializer):
    date = serializers.DateField()
    status = serializers.CharField()
    text = serializers.CharField()


class DeliverableSerializer(serializers.Serializer):
    label = serializers.SerializerMethodField()
    url = serializers.CharField()
    publication_id = serializers.SerializerMethodField()

    def get_label(self, obj: Any) -> str:
        return obj.title or (obj.publication.title if visible_ref(obj.publication) else "")

    def get_publication_id(self, obj: Any) -> int | None:
        return obj.publication_id if visible_ref(obj.publication) else None


class AxisSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    question = serializers.CharField()
    stance = serializers.CharField()


class ProgressPointSerializer(serializers.Serializer):
    date = serializers.DateField()
    title = serializers.CharField()
    summary = serializers.CharField()


class PublicDocumentLinksSerializer(serializers.ListSerializer):
    """A page's files, minus those of restricted collections."""

    def to_representation(self, data: Any) -> list[Any]:
        return super().to_representation(without_restricted_documents(data.all()).select_related("document"))


class DocumentLinkSerializer(serializers.Serializer):
    """A publication's file: its label, download URL, size and format."""

    class Meta:
        list_serializer_class = PublicDocumentLinksSerializer

    id = serializers.IntegerField(source="document.pk")
    title = serializers.CharField(source="document.title")
    label = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    file_extension = serializers.CharField(source="document.file_extension")
    file_size = serializers.IntegerField(source="document.file_size", allow_null=True)

    def get_label(self, obj: Any) -> str:
        return obj.label or obj.document.title

    def get_url(self, obj: Any) -> str:
        return absolute(obj.document.url)


class AudioSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    duration = serializers.FloatField(allow_null=True)
    file_size = serializers.IntegerField(allow_null=True)
    mime_type = serializers.CharField()

    def get_url(self, obj: Any) -> str:
        return absolute(obj.file.url)


class ChapterSerializer(serializers.Serializer):
    start = serializers.SerializerMethodField()
    title = serializers.CharField()

    def get_start(self, obj: Any) -> float:
        return obj.start.total_seconds()


class NewsletterListSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()
    frequency = serializers.CharField()


class PageRefSerializer(serializers.Serializer):
    """A linked page, named only while the public may read it."""

    id = serializers.IntegerField()
    title = serializers.CharField()

    def to_representation(self, instance: Any) -> Any:
        if not page_is_visible(instance):
            return None
        return super().to_representation(instance)


class LivePagesSerializer(serializers.Serializer):
    """A many-to-many of pages, keeping only the visible ones."""

    def to_representation(self, instance: Any) -> list[dict[str, Any]]:
        return [{"id": page.pk, "title": page.title} for page in pages_visible(instance.all())]
