"""Danh sách chi bộ chưa gửi báo cáo: the list the commune's office phones from. For a month, the
cells whose report has not arrived (overdue, or not yet due while the month is open), each with
its secretary's name and phone as its own member register says; then, for each document with a
deadline already past, the cells that have not reported on it. A working list, not a numbered
paper: built from the completeness the caller computed (`sync.completeness`)."""

from __future__ import annotations

from datetime import date

from chibo.reports.common import letterhead, own_file
from chibo.reports.layout import Paper, Signature, grid_table, signature_block
from chibo.services.lookups import local_unit
from chibo.services.signers import load_signers
from chibo.text import body_date, format_count, format_date, format_percent, percent_of
from chibo.vocabulary import TIMELINESS_LABELS, Timeliness

HEADER = ["TT", "Chi bộ", "Bí thư", "Điện thoại", "Gói cuối đã nhận", "Tình trạng"]
WIDTHS_MM = [10, 44, 36, 27, 25, 23]  # 165 mm: the text width of A4 with Party margins
DOCUMENT_HEADER = ["TT", "Chi bộ", "Bí thư", "Điện thoại", "Hạn báo cáo"]
DOCUMENT_WIDTHS_MM = [10, 56, 42, 30, 27]
NOT_REPORTED = (Timeliness.MISSING, Timeliness.NOT_DUE)


def _secretary(cell) -> tuple[str, str]:
    if cell.secretary is None:
        return "(sổ chưa có bí thư)", ""
    name = cell.secretary.full_name
    if cell.secretary.title != "Bí thư":
        name += f" ({cell.secretary.title})"
    return name, cell.secretary.phone or "(chưa có)"


def _last_bundle(cell) -> str:
    if not cell.last_seq:
        return "Chưa có"
    return f"Số {cell.last_seq}, {format_date(cell.last_bundle_on)}" if cell.last_bundle_on else f"Số {cell.last_seq}"


def _rates(month) -> str:
    expected = month.expected
    on_time = month.counts[Timeliness.ON_TIME]
    if not expected:
        return "Chưa có chi bộ nào gửi báo cáo về Đảng ủy."
    return (f"đã nhận báo cáo của {format_count(month.received)}/{format_count(expected)} chi bộ, đạt "
            f"{format_percent(percent_of(month.received, expected))}; trong đó đúng hạn {format_count(on_time)} chi bộ "
            f"({format_percent(percent_of(on_time, expected))}).")


def build_missing_list(db, report, *, today: date | None = None) -> bytes:
    """The list for `report` (a `CompletenessReport`), dated `today`."""
    today = today or report.today or date.today()
    month = report.period
    paper = Paper(letterhead(db, today), "Danh sách", f"Chi bộ chưa gửi báo cáo {month.title}",
                  author=local_unit(db).name)
    s = paper.styles
    paper.para(f"Hạn gửi báo cáo {month.title}: ngày {body_date(month.due)} (ngày cuối tháng và "
               f"{report.grace_days} ngày gia hạn). Đến ngày {body_date(today)}, Đảng ủy " + _rates(month))
    if month.closed_on:
        paper.para(f"Số liệu {month.title} đã chốt ngày {body_date(month.closed_on)}; báo cáo đến sau vẫn được "
                   "nhận và ghi là muộn.")
    waiting = [c for c in month.cells if c.status in NOT_REPORTED]
    if waiting:
        rows = [[str(i), c.label, *_secretary(c), _last_bundle(c), TIMELINESS_LABELS[c.status]]
                for i, c in enumerate(waiting, 1)]
        paper.body.append(grid_table(s, HEADER, rows, WIDTHS_MM, center_columns=(0, 3, 4)))
    elif month.expected:
        paper.para(f"Tất cả {format_count(month.expected)} chi bộ đã gửi báo cáo {month.title}.")
    overdue = [d for d in report.documents if d.due < today and any(c.status == Timeliness.MISSING for c in d.cells)]
    if overdue:
        paper.heading("Chi bộ chưa báo cáo kết quả học tập các văn bản đã quá hạn")
    for document in overdue:
        missing = [c for c in document.cells if c.status == Timeliness.MISSING]
        paper.para(f"Văn bản số {document.key}, hạn hoàn thành ngày {body_date(document.deadline)}: "
                   f"{format_count(len(missing))}/{format_count(document.expected)} chi bộ chưa báo cáo.", s.body_left)
        rows = [[str(i), c.label, *_secretary(c), format_date(c.due)] for i, c in enumerate(missing, 1)]
        paper.body.append(grid_table(s, DOCUMENT_HEADER, rows, DOCUMENT_WIDTHS_MM, center_columns=(0, 3, 4)))
    paper.para("Bí thư và số điện thoại lấy từ danh sách đảng viên chi bộ gửi lên trong gói báo cáo gần nhất.",
               s.note)
    paper.close([], signature_block(s, Signature(title="Người lập danh sách", name=load_signers(db).compiler)))
    paper.recipients = [own_file(db)]
    return paper.build()
