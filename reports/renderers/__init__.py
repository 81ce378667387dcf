"""PDF, DOCX and XLSX renderers of a layout (``reports.layout``)."""

from collections.abc import Callable

from reports import layout
from reports.renderers import docx, pdf, xlsx

RENDERERS: dict[str, Callable[[layout.Layout], bytes]] = {"pdf": pdf.render, "docx": docx.render, "xlsx": xlsx.render}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
