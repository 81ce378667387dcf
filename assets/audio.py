"""Reading the facts of an audio file (duration, size, type) from its bytes."""

import mimetypes
from dataclasses import dataclass
from typing import BinaryIO, cast

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext_lazy as _
from tinytag import TinyTag, TinyTagException


@dataclass(frozen=True)
class AudioFacts:
    duration: float
    size: int
    mime_type: str


def audio_facts_read(*, file: File) -> AudioFacts:
    """Return duration (seconds), byte size and MIME type, or raise a French ValidationError."""
    file.seek(0)
    try:
        # A Django File proxies the binary file it wraps.
        tag = TinyTag.get(file_obj=cast(BinaryIO, file))
    except (TinyTagException, OSError, ValueError) as error:
        raise ValidationError(
            _("Ce fichier n'est pas un fichier audio lisible (MP3, M4A, OGG, WAV ou FLAC)."),
            code="unreadable_audio",
        ) from error
    finally:
        file.seek(0)
    if not tag.duration:
        raise ValidationError(_("La durée de ce fichier audio est introuvable."), code="no_duration")
    mime_type = mimetypes.guess_type(file.name or "")[0] or "audio/mpeg"
    return AudioFacts(duration=round(tag.duration, 3), size=file.size, mime_type=mime_type)
