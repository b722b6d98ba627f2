"""The consolidated report's landscape annex as a reader turns its pages: a table broken over pages
keeps its "Tổng cộng" row with at least the last cell's row, never alone under the repeated header.

The figures are passed in as `sync.summary.consolidated` would give them (the paper takes them as
arguments); only the number of cells changes the layout here."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date

import pytest
from pypdf import PdfReader

from chibo.reports.consolidated import build_consolidated
from chibo.services.documents import add_document
from chibo.sync.summary import DocumentTotal, UnitSummary

SYMBOL = "57-NQ/TW"


def _figures(cells: int) -> tuple[list[UnitSummary], UnitSummary]:
    """`cells` cells with one line or three (a two-form "Hình thức học tập") in turn, and their total."""
    units, total = [], UnitSummary("", "", "", 0, None)
    for index in range(1, cells + 1):
        document = DocumentTotal(SYMBOL, required=30 + index % 7, studied=28 + index % 5, sessions=1,
                                 makeups=index % 2, forms=Counter({"truc_tiep": 1, "long_ghep": index % 2}),
                                 essays_by_grade=Counter({"Tốt": 10, "Khá": 12}), essays_missing=2, cell_plans=1,
                                 individual_plans=25)
        name = f"Chi bộ bản số {index}"
        unit = UnitSummary(f"unit-{index}", name, "", 1, None, label=name, documents={SYMBOL: document})
        units.append(unit)
        total.add(unit)
    return units, total


# Built with 1 to 59 cells before the fix, the total stood alone on the annex's last page with 11,
# 24, 37 and 50 cells (13 cell rows to a landscape page after the first).
@pytest.mark.parametrize("cells", [11, 24])
def test_the_total_row_never_stands_alone_on_a_page_of_the_annex(receiving, cells):
    with receiving.session() as db:
        add_document(db, number_symbol=SYMBOL, title="về đột phá phát triển khoa học, công nghệ",
                     issued_on=date(2024, 12, 22))
        units, total = _figures(cells)
        pdf = build_consolidated(db, units, total, symbol=SYMBOL, as_of=date(2026, 6, 20))
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]
    with_total = [page for page in pages if "Tổng cộng" in page]
    assert len(with_total) == 1
    page = with_total[0]
    assert "BIỂU TỔNG HỢP" not in page  # the table did break over pages: this is a page after the annex's first
    assert page.startswith(str(pages.index(page) + 1) + " TT Chi bộ")  # under the repeated header
    assert f"{cells} Chi bộ bản số {cells} " in page  # the last cell's row stays with the total
    odd = cells // 2 + cells % 2
    assert f"Tổng cộng {cells} {odd} " in page  # the total's sessions and make-ups: one of each in every odd cell
