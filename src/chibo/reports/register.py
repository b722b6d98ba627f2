"""Sổ đăng ký văn bản đi: the numbered papers the unit issued in the current term, printed in
the Party's format on landscape A4 (its six columns do not fit a portrait page at 12 pt)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.platypus import Spacer

from chibo.reports.common import cell_name, letterhead
from chibo.reports.layout import LANDSCAPE_TEXT_WIDTH, Paper, grid_table
from chibo.services.issuing import ARCHIVE_STATE_LABELS, archive_state, register_rows
from chibo.services.numbering import term_start
from chibo.text import body_date, format_count, format_date

HEADER = ["TT", "Số, ký hiệu", "Ngày tháng", "Tên loại và trích yếu nội dung", "Nơi nhận", "Bản lưu"]
WIDTHS_MM = [10, 28, 24, 88, 72, 30]  # 252 mm: the text width of landscape A4 with Party margins


def build_register(db, folder: Path, *, today: date | None = None) -> bytes:
    """The outgoing register of the current term, dated `today`."""
    today = today or date.today()
    start = term_start(db)
    paper = Paper(letterhead(db, today), "Sổ đăng ký văn bản đi",
                  f"Nhiệm kỳ từ ngày {body_date(start)}, đến ngày {body_date(today)}", author=cell_name(db), wide=True)
    rows = register_rows(db)
    if not rows:
        paper.para("Chưa có văn bản nào được cấp số trong nhiệm kỳ.")
        return paper.build()
    lines = [[str(index), row.number_symbol, format_date(row.issued_on), row.summary, row.recipients,
              ARCHIVE_STATE_LABELS[archive_state(folder, row)]] for index, row in enumerate(rows, 1)]
    paper.body.append(grid_table(paper.styles, HEADER, lines, WIDTHS_MM, center_columns=(0, 1, 2),
                                 width=LANDSCAPE_TEXT_WIDTH))
    paper.body.append(Spacer(1, 6))
    paper.para(f"Tổng số: {format_count(len(rows))} văn bản.", paper.styles.body_left)
    return paper.build()
