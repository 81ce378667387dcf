"""The project's own image, document and media models (set from day one: swapping later is painful)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage
from wagtailmedia.models import AbstractMedia

from assets.audio import audio_facts_read
from assets.upload_limits import upload_size_validate


def _file_size_validate(*, field: str, file: File | None, max_bytes: int) -> None:
    try:
        upload_size_validate(file=file, max_bytes=max_bytes)
    except ValidationError as error:
        raise ValidationError({field: error}) from error


class CustomImage(AbstractImage):
    alt_text = models.CharField(
        _("texte alternatif"),
        max_length=255,
        blank=True,
        help_text=_("Décrit l'image pour qui ne la voit pas ; laisser vide si elle est décorative."),
    )
    credit = models.CharField(_("crédit"), max_length=255, blank=True)

    admin_form_fields = (*WagtailImage.admin_form_fields, "alt_text", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("langue"), max_length=8, default="fr")

    admin_form_fields = (*WagtailDocument.admin_form_fields, "description", "language")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def clean(self) -> None:
        super().clean()
        _file_size_validate(field="file", file=self.file, max_bytes=settings.DOCUMENTS_MAX_UPLOAD_BYTES)


class CustomMedia(AbstractMedia):
    """Audio and video files; audio facts are read from the file, never typed in."""

    file_size = models.PositiveBigIntegerField(_("taille (octets)"), null=True, editable=False)
    mime_type = models.CharField(_("type MIME"), max_length=64, blank=True, editable=False)

    admin_form_fields = ("title", "file", "collection", "thumbnail", "tags")

    class Meta(AbstractMedia.Meta):
        verbose_name = _("média")
        verbose_name_plural = _("médias")

    def clean(self) -> None:
        super().clean()
        # Before reading the file: an oversize upload is refused unread.
        _file_size_validate(field="file", file=self.file, max_bytes=settings.MEDIA_MAX_UPLOAD_BYTES)
        _file_size_validate(field="thumbnail", file=self.thumbnail, max_bytes=settings.IMAGES_MAX_UPLOAD_BYTES)
        if self.type == "audio" and self.file:
            try:
                facts = audio_facts_read(file=self.file)
            except ValidationError as error:
                raise ValidationError({"file": error}) from error
            self.duration = facts.duration
            self.file_size = facts.size
            self.mime_type = facts.mime_type
