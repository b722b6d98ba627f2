"""The consolidated report's tables as an Excel workbook for the province: a sheet "Tổng hợp" with
a row per document, and a sheet per document with a row per cell and the total, the same figures
as the PDF's attached table (`consolidated_data`). Real numbers with number formats (a rate is a
fraction shown as a percentage), the header frozen, totals written as the values the PDF prints
(a sheet opened in a viewer that does not recalculate still shows them)."""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO

from chibo import __version__
from chibo.reports.consolidated_data import ALL_DOCUMENTS, DocumentTable, document_tables, forms_text
from chibo.reports.consolidated_table import header_rows
from chibo.reports.wording import document_name
from chibo.services.lookups import local_unit
from chibo.text import body_date

COUNT_FORMAT = "#,##0"
RATE_FORMAT = "0.00%"
HEAD_ROW = 4  # rows 1–2: title; row 4–5: the two header rows; figures from row 6
FIRST_ROW = HEAD_ROW + 2


def sheet_name(symbol: str, taken: set[str]) -> str:
    """ "57-NQ/TW" -> "57-NQ-TW": Excel refuses / \\ ? * [ ] : and more than 31 characters."""
    name = re.sub(r"[/\\?*\[\]:]", "-", symbol)[:31] or "Văn bản"
    base, index = name, 2
    while name in taken:
        name = f"{base[:28]}-{index}"
        index += 1
    taken.add(name)
    return name


def _values(figures, grades: list[str]) -> list:
    """The row's figures as numbers, in the columns of `header_rows` after TT and the name."""
    studied_rate = figures.studied / figures.required if figures.required else None
    return [figures.sessions, figures.makeups, figures.required, figures.studied, studied_rate,
            figures.studied_in_makeup, *(figures.essays_by_grade.get(g, 0) for g in grades), figures.essays_missing,
            figures.cell_plans, figures.individual_plans, figures.non_members_reached, forms_text(figures.forms)]


def _cell_styles(book) -> None:
    """The body's cell styles, named once for the workbook: a style object set on each of tens of
    thousands of cells is hashed each time and costs most of the time of a large table."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for kind, number_format, wrap in (("count", COUNT_FORMAT, False), ("rate", RATE_FORMAT, False),
                                      ("text", "General", False), ("wrapped", "General", True)):
        for bold in (False, True):
            book.add_named_style(NamedStyle(f"{kind}-bold" if bold else kind, font=Font(bold=bold), border=box,
                                            number_format=number_format,
                                            alignment=Alignment(vertical="center", wrap_text=wrap)))


def _write_sheet(sheet, title: str, subtitle: str, first: str, second: str, grades: list[str], rows: list[tuple],
                 total: tuple | None) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    top, below = header_rows(grades)
    top[0:2], below[0:2] = [first, second], ["", ""]
    width = len(top)
    sheet["A1"], sheet["A2"] = title, subtitle
    sheet["A1"].font, sheet["A2"].font = Font(bold=True, size=13), Font(italic=True)
    for column, (upper, lower) in enumerate(zip(top, below, strict=True), 1):
        for row, value in ((HEAD_ROW, upper), (HEAD_ROW + 1, lower)):
            cell = sheet.cell(row=row, column=column, value=value or None)
            cell.font, cell.border = Font(bold=True), box
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    # Group titles over their columns; a title alone in its column over both header rows.
    spans = [(1, 1), (2, 2), (3, 4), (5, 8), (9, 9 + len(grades)), (10 + len(grades), 11 + len(grades)),
             (width - 1, width - 1), (width, width)]
    for start, end in spans:
        if start == end:
            sheet.merge_cells(start_row=HEAD_ROW, start_column=start, end_row=HEAD_ROW + 1, end_column=end)
        else:
            sheet.merge_cells(start_row=HEAD_ROW, start_column=start, end_row=HEAD_ROW, end_column=end)
    for offset, (cells, bold) in enumerate([(r, False) for r in rows] + ([(total, True)] if total else [])):
        for column, value in enumerate(cells, 1):
            cell = sheet.cell(row=FIRST_ROW + offset, column=column, value=value)
            kind = "rate" if column == 7 else "count" if isinstance(value, int) and column > 2 else \
                "wrapped" if column in (2, width) else "text"
            cell.style = f"{kind}-bold" if bold else kind
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=3)  # the header and the names stay on screen
    for column in range(1, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = {1: 6, 2: 34, width: 30}.get(column, 11)
    sheet.row_dimensions[HEAD_ROW + 1].height = 45


def build_consolidated_xlsx(db, units, total, *, symbol: str = ALL_DOCUMENTS, as_of: date | None = None,
                            number: str | None = None) -> bytes:
    """The workbook of the report on `symbol` as of `as_of`; `number` names the report it goes with."""
    from openpyxl import Workbook

    as_of = as_of or date.today()
    tables = document_tables(db, units, total, symbol)
    unit = local_unit(db).name
    subtitle = (f"(Kèm theo Báo cáo số {number}, ngày {body_date(as_of)} của {unit})" if number
                else f"(Số liệu tổng hợp đến ngày {body_date(as_of)}, {unit})")
    book = Workbook()
    _cell_styles(book)
    book.properties.creator, book.properties.title = f"chibo {__version__}", "Biểu tổng hợp kết quả học tập, quán triệt"
    grades = list(dict.fromkeys(g for table in tables for g in table.grades))
    summary = book.active
    summary.title = "Tổng hợp"
    _write_sheet(summary, "BIỂU TỔNG HỢP KẾT QUẢ HỌC TẬP, QUÁN TRIỆT CÁC VĂN BẢN", subtitle, "TT", "Văn bản",
                 grades, [(index, _label(table), *_values(table.total, grades)) for index, table in enumerate(tables, 1)],
                 None)
    taken = {summary.title}
    for table in tables:
        sheet = book.create_sheet(sheet_name(table.symbol, taken))
        rows = [(index, label, *_values(figures, table.grades)) for index, (label, figures) in enumerate(table.rows, 1)]
        _write_sheet(sheet, f"BIỂU TỔNG HỢP KẾT QUẢ HỌC TẬP, QUÁN TRIỆT {_label(table).upper()}", subtitle, "TT",
                     "Chi bộ", table.grades, rows, (None, "Tổng cộng", *_values(table.total, table.grades)))
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _label(table: DocumentTable) -> str:
    return document_name(table.document) if table.document else f"Văn bản số {table.symbol}"


def workbook_for(db, symbol: str, figures, as_of: date | None = None) -> tuple[bytes, date, str | None]:
    """The workbook that goes with the consolidated report on `symbol`: the figures as of the day of
    the report issued last (with its number), or as of `as_of` (today) when none was issued for
    that day. `figures(db, day)` gives the summed figures. Returns the bytes, the day, the number."""
    from chibo.reports.consolidated_data import record_id
    from chibo.services.issuing import issued_for

    issued = issued_for(db, "consolidated", record_id(symbol))
    if issued is not None and as_of in (None, issued.issued_on):
        day, number = issued.issued_on, issued.number_symbol
    else:
        day, number = as_of or date.today(), None
    units, total = figures(db, day)
    return build_consolidated_xlsx(db, units, total, symbol=symbol, as_of=day, number=number), day, number
