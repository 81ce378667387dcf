"""Admin forms of documents and audio/video media: Wagtail's, with an upload size limit.

Wagtail builds every add, edit, multiple-upload and chooser-upload form on these bases
(``WAGTAILDOCS_DOCUMENT_FORM_BASE``, ``WAGTAILMEDIA["MEDIA_FORM_BASE"]``). Images need none:
Wagtail's image field enforces ``WAGTAILIMAGES_MAX_UPLOAD_SIZE``.
"""

from django.conf import settings
from wagtail.documents.forms import BaseDocumentForm
from wagtailmedia.forms import BaseMediaForm

from assets.upload_limits import upload_size_validate


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        upload_size_validate(file=file, max_bytes=settings.DOCUMENTS_MAX_UPLOAD_BYTES)
        return file


class MediaForm(BaseMediaForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        upload_size_validate(file=file, max_bytes=settings.MEDIA_MAX_UPLOAD_BYTES)
        return file

    def clean_thumbnail(self):
        thumbnail = self.cleaned_data.get("thumbnail")
        upload_size_validate(file=thumbnail, max_bytes=settings.IMAGES_MAX_UPLOAD_BYTES)
        return thumbnail
