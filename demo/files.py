"""Small but real files for the demo: WAV audio, PDF documents, PNG images."""

import io
import math
import struct
import wave

from PIL import Image, ImageDraw


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


def png_bytes(*, width: int, height: int, colour: tuple[int, int, int], label: str = "") -> bytes:
    """A flat-coloured picture with an optional caption, PNG-compressed to a few kilobytes."""
    image = Image.new("RGB", (width, height), colour)
    if label:
        draw = ImageDraw.Draw(image)
        draw.text((width // 12, height // 2), label, fill=(255, 255, 255), font_size=max(12, width // 14))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
