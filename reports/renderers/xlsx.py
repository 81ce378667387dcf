"""The XLSX of a layout's figures, with openpyxl: one sheet per table, numbers as numbers."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from reports import layout as blocks

# Excel refuses sheet names over 31 characters or with these.
_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def render(layout: blocks.Layout) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = layout.title
    workbook.properties.creator = layout.centre.name
    for sheet in layout.sheets:
        worksheet = workbook.create_sheet(sheet.name.translate(_FORBIDDEN)[:31])
        worksheet.append([layout.title])
        worksheet["A1"].font = Font(bold=True, size=13)
        worksheet.append([layout.subtitle])
        worksheet.append([])
        worksheet.append(sheet.header)
        for cell in worksheet[4]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            worksheet.append(row)
        worksheet.freeze_panes = "A5"
        for index, title in enumerate(sheet.header, start=1):
            longest = max([len(str(title)), *(len(str(row[index - 1] or "")) for row in sheet.rows)])
            worksheet.column_dimensions[get_column_letter(index)].width = min(max(10, longest + 2), 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
