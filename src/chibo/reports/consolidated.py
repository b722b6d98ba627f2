"""Báo cáo kết quả học tập, quán triệt of the receiving level for its superior (the province): per
document the study sessions held, members studied out of those required and the rate ("35.599/
35.900 đảng viên, đạt 99,16%"), make-ups, essays by grade, the cells' programmes and members'
plans, non-members reached and the forms of study; the cells below the target named, with a chart
of each cell's rate; and, attached on landscape pages, the table of every cell and the total.

A numbered paper (BC), issued like the cell's own study report (`papers`). Every figure comes from
the summed figures the caller passes in (`sync.summary.consolidated`: SQL aggregates over the
cells' rows, as of the paper's date); nothing is typed in."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import KeepTogether, Paragraph, Spacer

from chibo.reports.common import letterhead, report_recipients, secretary_signature
from chibo.reports.consolidated_data import ALL_DOCUMENTS, DocumentTable, document_tables, forms_text, rate
from chibo.reports.consolidated_table import document_table, rate_chart
from chibo.reports.flowables import Heading
from chibo.reports.layout import Paper, signature_block, text
from chibo.reports.wording import document_citation, document_name
from chibo.services.lookups import local_unit
from chibo.services.settings import load_rules
from chibo.text import body_date, format_count, format_percent

APPENDIX_TITLE = "Biểu tổng hợp kết quả học tập, quán triệt của các chi bộ"
NAMED_BELOW = 20  # cells below the target named in the body; the rest are in the attached table


def _name(table: DocumentTable) -> str:
    return document_name(table.document) if table.document else f"văn bản số {table.symbol}"


def _rate_words(figures) -> str:
    """ "35.599/35.900 đảng viên, đạt 99,16%" """
    value = rate(figures)
    words = f"{format_count(figures.studied)}/{format_count(figures.required)} đảng viên"
    return words + (f", đạt {format_percent(value)}" if value is not None else "")


def _grades(figures, grades: list[str]) -> str:
    return "; ".join(f"{text(g)}: {format_count(figures.essays_by_grade.get(g, 0))}" for g in grades)


def _document_lines(paper: Paper, table: DocumentTable, target: float) -> None:
    total, s = table.total, paper.styles
    forms = forms_text(total.forms)
    paper.para(f"- Số chi bộ đã tổ chức học tập, quán triệt: {format_count(table.units_studied)}/"
               f"{format_count(len(table.rows))} chi bộ, với {format_count(total.sessions)} buổi"
               + (f" ({text(forms.lower())})" if forms else "") + f" và {format_count(total.makeups)} buổi học bù.")
    missing = total.required - total.studied
    # Who came to a cell after its last session on the document is still owed it (a make-up) and
    # counts as not studied: the province reads why a cell that studied in full is below 100%.
    came_after = (f" (trong đó {format_count(total.came_after)} đồng chí vào chi bộ sau buổi học cuối của chi bộ, "
                  "cần học bù)") if getattr(total, "came_after", 0) and missing else ""
    paper.para(f"- Số đảng viên đã học tập: <b>{_rate_words(total)}</b> (trong đó học bù: "
               f"{format_count(total.studied_in_makeup)} đồng chí); chưa học: {format_count(missing)} đồng chí"
               f"{came_after}.")
    if table.document is None or table.document.requires_essay or sum(total.essays_by_grade.values()):
        written = sum(total.essays_by_grade.values())
        paper.para(f"- Bài thu hoạch: {format_count(written)} bài đã chấm ({_grades(total, table.grades)}); chưa nộp: "
                   f"{format_count(total.essays_missing)}; phải viết lại: {format_count(total.essays_to_rewrite)}.")
    paper.para(f"- Chương trình, kế hoạch hành động: {format_count(total.cell_plans)} chương trình, kế hoạch của chi bộ; "
               f"{format_count(total.individual_plans)} kế hoạch hành động cá nhân của đảng viên.")
    paper.para(f"- Tuyên truyền cho quần chúng: {format_count(total.non_members_reached)} lượt người ngoài Đảng.")
    below = sorted(((label, figures) for label, figures in table.rows if figures.required and rate(figures) < target),
                   key=lambda item: (rate(item[1]), item[0]))
    target_words = format_percent(target, 0)
    if below:
        names = "; ".join(f"{text(label)} ({format_percent(rate(figures))})" for label, figures in below[:NAMED_BELOW])
        more = (f"; và {format_count(len(below) - NAMED_BELOW)} chi bộ khác (tại Biểu tổng hợp kèm theo)"
                if len(below) > NAMED_BELOW else "")
        paper.para(f"- Chi bộ chưa đạt chỉ tiêu {target_words}: {format_count(len(below))} chi bộ"
                   + (f", thấp nhất: {names}{more}." if more else f": {names}."))
    elif table.units_required:
        paper.para(f"- Tất cả các chi bộ đạt chỉ tiêu {target_words} đảng viên được học tập.")
    if table.units_required:
        chart, cut = rate_chart(table, target)
        title = f"Tỷ lệ đảng viên đã học tập {_name(table)} của từng chi bộ" + (
            " (các chi bộ có tỷ lệ thấp nhất)" if cut else "")
        paper.body.append(KeepTogether([Paragraph(f"<i>{text(title)}</i>", s.note), chart]))  # never apart


def build_consolidated(db, units, total, *, symbol: str = ALL_DOCUMENTS, as_of: date | None = None,
                       number: str | None = None) -> bytes:
    """The report on `symbol` (every document by default), as of `as_of`, carrying `number`
    ("03-BC/ĐU"); `units` and `total` are the summed figures as of that day."""
    as_of = as_of or date.today()
    tables = document_tables(db, units, total, symbol)
    target = load_rules(db).study_target_percent
    unit = local_unit(db)
    one = tables[0] if symbol != ALL_DOCUMENTS else None
    summary = (f"Kết quả học tập, quán triệt {_name(one)}" if one
               else "Kết quả học tập, quán triệt các văn bản của Đảng")
    paper = Paper(letterhead(db, as_of, number), "Báo cáo", summary, author=unit.name)
    s = paper.styles
    cells = len({label for table in tables for label, _figures in table.rows})
    what = (f"việc học tập, quán triệt {text(document_citation(one.document))}" if one and one.document
            else "việc học tập, quán triệt các văn bản của Đảng")
    paper.para(f"Thực hiện {what}, {text(unit.name)} báo cáo kết quả trong {format_count(cells)} chi bộ trực thuộc, "
               f"tổng hợp từ sổ sách các chi bộ gửi lên, tính đến ngày {body_date(as_of)}, như sau:")
    paper.heading("I. KẾT QUẢ HỌC TẬP, QUÁN TRIỆT")
    for index, table in enumerate(tables, 1):
        if not one:
            deadline = (f", thời hạn hoàn thành ngày {body_date(table.document.deadline)}"
                        if table.document and table.document.deadline else "")
            paper.heading(f"{index}. {_name(table)}{deadline}")
        elif table.document and table.document.deadline:
            paper.para(f"Thời hạn hoàn thành: ngày {body_date(table.document.deadline)}.")
        _document_lines(paper, table, target)
    paper.heading("II. KẾT QUẢ CỦA TỪNG CHI BỘ")
    paper.para("Số liệu của từng chi bộ: tại Biểu tổng hợp kèm theo báo cáo này.")
    paper.close_with_recipients(report_recipients(db), signature_block(s, secretary_signature(db, as_of)))
    number_words = f"số {text(number)}, " if number and not number.startswith(".") else ""
    paper.appendix = [Paragraph(text(APPENDIX_TITLE.upper()), s.summary),
                      Paragraph(f"<i>(Kèm theo Báo cáo {number_words}ngày {body_date(as_of)} của {text(unit.name)})</i>",
                                s.date_line),
                      Spacer(1, 6)]
    for table in tables:
        deadline = f" (hạn hoàn thành {body_date(table.document.deadline)})" if table.document and \
            table.document.deadline else ""
        paper.appendix.append(Heading(f"<b>{text(_name(table))}</b>{deadline}", s.body_left))
        paper.appendix.append(document_table(table))
    return paper.build()
