"""Small but real files for the demo: WAV audio, PDF documents, PNG images.

The episodes' audio is `data/audio/demo-tone.mp3` (MP3 is what Apple Podcasts accepts, WAV is not):
a 10-second tone from `wav_bytes(seconds=10, frequency=330, rate=44100)`, encoded once with
Debian's LAME (`lame -m m -b 64`), since neither the standard library nor the project's
dependencies write MP3.
"""

import io
import math
import struct
import textwrap
import unicodedata
import wave
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

DEMO_AUDIO = Path(__file__).resolve().parent / "data" / "audio" / "demo-tone.mp3"
# Tried in turn for captions; Pillow's own font, the last resort, has ASCII letters only.
_CAPTION_FONTS = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf", "Arial.ttf")
# What ASCII stands in for, when only Pillow's font is there, beside the accents NFKD removes.
_ASCII_STAND_INS = str.maketrans({"—": "-", "–": "-", "’": "'", "«": '"', "»": '"', "·": "-", "\u00a0": " "})


def wav_bytes(*, seconds: float, frequency: float = 440.0, rate: int = 8000) -> bytes:
    """A mono 16-bit tone; a few seconds weigh a few tens of kilobytes."""
    frames = int(seconds * rate)
    samples = (int(8000 * math.sin(2 * math.pi * frequency * i / rate)) for i in range(frames))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return buffer.getvalue()


def _pdf_text(value: str) -> str:
    # Standard PDF fonts use WinAnsi: keep Latin-1 letters, escape the syntax characters.
    latin = value.encode("cp1252", errors="replace").decode("latin-1")
    return latin.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(*, title: str, paragraphs: list[str], pages: int = 2) -> bytes:
    """A valid multi-page PDF 1.4 with a title and wrapped text on each page."""
    lines: list[str] = []
    for paragraph in paragraphs:
        words, line = paragraph.split(), ""
        for word in words:
            if len(line) + len(word) > 85:
                lines.append(line)
                line = ""
            line = f"{line} {word}".strip()
        lines.extend([line, ""])
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(pages)]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    font_id = 3 + 2 * pages
    for number in range(pages):
        body = [f"BT /F1 16 Tf 56 780 Td ({_pdf_text(title)}) Tj ET"]
        y = 750
        for text in lines[number * 40 : (number + 1) * 40] or [""]:
            body.append(f"BT /F1 10 Tf 56 {y} Td ({_pdf_text(text)}) Tj ET")
            y -= 16
        body.append(f"BT /F1 9 Tf 280 40 Td (- {number + 1} -) Tj ET")
        stream = "\n".join(body).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {page_ids[number] + 1} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body_bytes in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body_bytes + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


@cache
def caption_font(size: int) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, bool]:
    """A bold font for captions and whether it draws French letters (False: Pillow's ASCII-only font)."""
    for name in _CAPTION_FONTS:
        try:
            return ImageFont.truetype(name, size), True
        except OSError:
            continue
    return ImageFont.load_default(size=size), False


def caption_text(label: str, *, full_glyphs: bool) -> str:
    """The label as the font can draw it: without a font for French, accents dropped rather than boxes drawn."""
    if full_glyphs:
        return label
    folded = unicodedata.normalize("NFKD", label.translate(_ASCII_STAND_INS))
    return folded.encode("ascii", "ignore").decode("ascii")


def png_bytes(
    *, width: int, height: int, colour: tuple[int, int, int], label: str = "", font_size: int | None = None
) -> bytes:
    """A flat-coloured picture with an optional caption, wrapped to its width, PNG-compressed."""
    image = Image.new("RGB", (width, height), colour)
    if label:
        draw = ImageDraw.Draw(image)
        size = font_size or max(12, width // 14)
        font, full_glyphs = caption_font(size)
        margin = width // 12
        # French puts a space before « : » and « ; »: a non-breaking one, so no line starts with them.
        label = label.replace(" :", "\u00a0:").replace(" ;", "\u00a0;")
        columns = max(2, int((width - 2 * margin) / (size * 0.62)))
        text = "\n".join(textwrap.wrap(caption_text(label, full_glyphs=full_glyphs), width=columns)[:5])
        box = draw.multiline_textbbox((0, 0), text, font=font, spacing=size // 3)
        top = max(margin, (height - (box[3] - box[1])) // 2)
        draw.multiline_text((margin, top), text, fill=(255, 255, 255), font=font, spacing=size // 3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
