"""The largest file the admin accepts for each kind of upload."""

from django.core.exceptions import ValidationError
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


def upload_size_validate(*, file: File | None, max_bytes: int) -> None:
    """Refuse a new file (a model's FieldFile not yet saved) larger than ``max_bytes``, in French.

    Only fresh uploads are measured: a file already stored was accepted under the limit of its day.
    """
    if file and not getattr(file, "_committed", True) and file.size > max_bytes:
        raise ValidationError(
            # Wagtail's own wording for images, so that every upload refuses alike.
            _("Ce fichier est trop gros (%(file_size)s). La taille de fichier maximale est de %(max_filesize)s."),
            code="file_too_large",
            params={"file_size": filesizeformat(file.size), "max_filesize": filesizeformat(max_bytes)},
        )
