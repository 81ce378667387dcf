"""Exports that a spreadsheet opens: no cell a visitor typed may become a formula (CSV injection).

A subscriber's name or organisation comes from the public form. Wagtail's XLSX export already
writes every cell as text; a CSV cell has no type, so a spreadsheet evaluates one that starts
like a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, or a tab or carriage return before one). OWASP's
remedy: such a cell starts with a quote, which spreadsheets show as text and do not evaluate.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # What the mixin below is mixed into, so that mypy finds what its super() call reaches.
    from wagtail.admin.views.mixins import SpreadsheetExportMixin as _ExportBase
else:
    _ExportBase = object

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell_escape(value: Any) -> Any:
    """The value, with a leading quote if it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


class FormulaSafeExportMixin(_ExportBase):
    """For a view with Wagtail's SpreadsheetExportMixin: every CSV cell goes through spreadsheet_cell_escape."""

    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_cell_escape(value) if export_format == self.FORMAT_CSV else value
