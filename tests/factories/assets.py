"""Factories of the media library: images, documents, and audio/video media with real bytes."""

import io
import mimetypes
import wave

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from PIL import Image
from wagtail.models import Collection

from assets.models import CustomDocument, CustomImage, CustomMedia
from tests.factories.centres import default_centre

# The smallest well-formed PDF a browser opens: enough for a download link.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

# The first bytes of an MP4 container: enough for wagtailmedia, not a playable video.
MINIMAL_MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


# One silent MPEG-1 Layer III frame: 128 kbit/s, 44.1 kHz, mono (an all-zero side info decodes to
# silence), 417 bytes for 1,152 samples.
MP3_FRAME = b"\xff\xfb\x90\xc0" + b"\x00" * 413


def mp3_bytes(*, frames: int = 40) -> bytes:
    """Return a silent MP3 of `frames` frames (40 last about a second), readable by tinytag and browsers."""
    return MP3_FRAME * frames


def png_bytes(*, width: int = 16, height: int = 16) -> bytes:
    """Return a small PNG in the centre's blue."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#1d4f91").save(buffer, format="PNG")
    return buffer.getvalue()


def wav_bytes(*, seconds: float = 2.0, rate: int = 8000) -> bytes:
    """Return a silent mono 16-bit WAV file of the given length, readable by tinytag."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(b"\x00\x00" * round(seconds * rate))
    return buffer.getvalue()


def _root_collection() -> Collection:
    """The default centre's collection (a child of the root): its roles' library."""
    return default_centre().collection


class CustomImageFactory(wagtail_factories.ImageFactory):
    """An image in the default centre's collection (wagtail_factories would add a new root collection each time)."""

    class Meta:
        model = CustomImage

    title = factory.Sequence(lambda n: f"Visuel de la rencontre des conseils citoyens n° {n}")
    collection = factory.LazyFunction(_root_collection)
    file = factory.django.ImageField(width=800, height=600, color="#1d4f91", filename="visuel.png", format="PNG")
    alt_text = "Des habitant·e·s et des élu·e·s réuni·e·s autour d'une table"
    credit = "Profession Banlieue"


class CustomDocumentFactory(wagtail_factories.DocumentFactory):
    class Meta:
        model = CustomDocument

    title = factory.Sequence(lambda n: f"Actes de la journée d'étude n° {n}")
    collection = factory.LazyFunction(_root_collection)
    file = factory.django.FileField(filename="actes-journee-etude.pdf", data=MINIMAL_PDF)
    description = "Synthèse des échanges entre élu·e·s, agent·e·s de l'État et associations."
    language = "fr"


class CustomMediaFactory(factory.django.DjangoModelFactory):
    """An audio file (a real WAV, `seconds` long) whose facts match its bytes; `video=True` for a video."""

    class Meta:
        model = CustomMedia

    class Params:
        seconds = 2.0
        wav = factory.LazyAttribute(lambda o: wav_bytes(seconds=o.seconds))
        video = factory.Trait(
            type="video",
            file=factory.LazyFunction(lambda: ContentFile(MINIMAL_MP4, name="reportage.mp4")),
            duration=12.0,
            width=1280,
            height=720,
            file_size=len(MINIMAL_MP4),
            mime_type="video/mp4",
        )

    title = factory.Sequence(lambda n: f"Penser le 9-3, épisode {n} (audio)")
    collection = factory.LazyFunction(_root_collection)
    type = "audio"
    file = factory.LazyAttribute(lambda o: ContentFile(o.wav, name="penser-le-9-3.wav"))
    duration = factory.LazyAttribute(lambda o: o.seconds)
    file_size = factory.LazyAttribute(lambda o: len(o.wav))
    mime_type = factory.LazyFunction(lambda: mimetypes.guess_type("episode.wav")[0])
