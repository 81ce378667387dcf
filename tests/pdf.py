"""Reading the text of the PDF files the site makes (reportlab, standard fonts), without a PDF library.

Each page's content stream is inflated (reportlab writes ASCII85 then Flate, or plain), and the
strings its text operators show are decoded from the PDF string syntax and WinAnsi. Enough to check
what a sheet says; not a general PDF reader.
"""

import base64
import re
import zlib

_STREAM = re.compile(rb"<<([^<>]*)>>\s*stream\r?\n(.*?)\s*endstream", re.DOTALL)
_SHOWN = re.compile(rb"\(((?:\\.|[^\\)])*)\)\s*Tj")
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"(": b"(", b")": b")", b"\\": b"\\"}


def _unescape(raw: bytes) -> bytes:
    out = bytearray()
    index = 0
    while index < len(raw):
        byte = raw[index : index + 1]
        if byte != b"\\":
            out += byte
            index += 1
            continue
        following = raw[index + 1 : index + 2]
        octal = re.match(rb"[0-7]{1,3}", raw[index + 1 : index + 4])
        if octal:
            out.append(int(octal.group(), 8))
            index += 1 + len(octal.group())
        else:
            out += _ESCAPES.get(following, following)
            index += 2
    return bytes(out)


def _streams(data: bytes) -> list[bytes]:
    streams = []
    for dictionary, body in _STREAM.findall(data):
        if b"ASCII85Decode" in dictionary:
            body = base64.a85decode(body.strip().removesuffix(b"~>"))
        if b"FlateDecode" in dictionary:
            body = zlib.decompress(body)
        streams.append(body)
    return streams


def pdf_pages(data: bytes) -> list[str]:
    """The text shown by each content stream (one per page for reportlab's output), in order."""
    pages = []
    for stream in _streams(data):
        # One line per text object (BT … ET): a paragraph's words are shown piece by piece.
        blocks = [b"".join(_unescape(raw) for raw in _SHOWN.findall(block)) for block in stream.split(b"ET")]
        shown = [block.decode("cp1252") for block in blocks if block]
        if shown:
            pages.append("\n".join(shown))
    return pages


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages(data))
