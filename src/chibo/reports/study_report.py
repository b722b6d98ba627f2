"""Báo cáo kết quả học tập, quán triệt a document: every figure computed from the records."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Paragraph

from chibo.reports.common import letterhead, persons, secretary_signature
from chibo.reports.layout import Paper, recipients_block, signature_block, text
from chibo.services.common import alive, get_alive
from chibo.services.figures import document_figures
from chibo.services.meetings import session_title
from chibo.services.numbering import report_number
from chibo.services.plans import plan_progress
from chibo.services.settings import load_rules
from chibo.services.units import local_unit
from chibo.sync.keys import key_fingerprint
from chibo.store.models import ActionPlan, Document, Presenter
from chibo.text import fold, format_count, format_date, format_percent
from chibo.vocabulary import DOCUMENT_KIND_LABELS, ISSUING_LEVEL_LABELS, SESSION_FORM_LABELS, ItemStatus, label


def document_name(document: Document) -> str:
    """ "Nghị quyết số 29-NQ/TW" """
    return f"{label(document.kind, DOCUMENT_KIND_LABELS)} số {document.number_symbol}"


def document_subject(document: Document) -> str:
    """What the document is about, to follow its name: "về tiếp tục đẩy mạnh …". A summary that
    repeats the kind ("Kết luận về …") loses the repetition."""
    title = document.title.strip()
    kind = label(document.kind, DOCUMENT_KIND_LABELS)
    if fold(title).startswith(fold(kind) + " "):
        title = title[len(kind):].strip()
    return title if fold(title).startswith("ve ") else f"về {title}"


def _session_line(db, meeting) -> str:
    line = f"- Ngày {format_date(meeting.held_on)}: {text(session_title(meeting))}, hình thức {text(label(meeting.form, SESSION_FORM_LABELS).lower())}"
    if meeting.presenter_id:
        line += f", báo cáo viên: đồng chí {text(get_alive(db, Presenter, meeting.presenter_id).full_name)}"
    return line + "."


def build_study_report(db, document_id: str, *, as_of: date | None = None, number: str | None = None) -> bytes:
    """The cell's report on the study of a document, as of `as_of` (today by default)."""
    document = get_alive(db, Document, document_id)
    as_of = as_of or date.today()
    number_symbol = report_number(db, document.id, as_of, number)
    figures = document_figures(db, document.id, as_of)
    rules = load_rules(db)
    unit = local_unit(db)
    paper = Paper(letterhead(db, as_of, number_symbol), "Báo cáo",
                  f"Kết quả học tập, quán triệt {document_name(document)}", author=unit.name)
    s = paper.styles

    issued = f" ngày {format_date(document.issued_on)}" if document.issued_on else ""
    level = label(document.issuing_level, ISSUING_LEVEL_LABELS)
    paper.para(f"Thực hiện việc học tập, quán triệt {text(document_name(document))}{issued} của {text(level)} "
               f"{text(document_subject(document))}, {text(unit.name)} báo cáo kết quả như sau:")
    if document.deadline:
        paper.para(f"Thời hạn cấp trên giao: hoàn thành trước ngày {format_date(document.deadline)}.")

    paper.heading("I. CÔNG TÁC TỔ CHỨC")
    paper.para(f"Chi bộ đã tổ chức {len(figures.sessions)} buổi học tập, quán triệt"
               + (":" if figures.sessions else "."))
    for meeting in figures.sessions:
        paper.para(_session_line(db, meeting))
    if figures.makeups:
        paper.para(f"Tổ chức {len(figures.makeups)} buổi học bù:")
        for meeting in figures.makeups:
            paper.para(_session_line(db, meeting))

    paper.heading("II. KẾT QUẢ")
    paper.para(f"1. Số đảng viên phải học tập (đến ngày {format_date(as_of)}): {persons(figures.required)} "
               "(không tính đảng viên miễn sinh hoạt và đảng viên đi sinh hoạt tạm thời nơi khác).")
    if figures.required:
        rate = format_percent(figures.percent)
        target = format_percent(rules.study_target_percent, 0)
        verdict = "đạt" if figures.percent >= rules.study_target_percent else "chưa đạt"
        paper.para(f"Số đảng viên đã học tập: {figures.studied_count}/{figures.required} đồng chí, đạt <b>{rate}</b> "
                   f"(trong đó học bù: {figures.studied_in_makeup} đồng chí); {verdict} chỉ tiêu {target}.")
    if figures.missing:
        paper.para(f"2. Đảng viên chưa học tập: {persons(len(figures.missing))}:")
        for index, missing in enumerate(figures.missing, 1):
            paper.para(f"{index}) Đồng chí {text(missing.full_name)}: {text(missing.reason)}.")
    else:
        paper.para("2. Đảng viên chưa học tập: không.")
    if document.requires_essay:
        written = sum(figures.essays_by_grade.values())
        grades = "; ".join(f"{text(grade)}: {count}" for grade, count in figures.essays_by_grade.items())
        paper.para(f"3. Bài thu hoạch: {written} bài đã chấm ({grades}); chưa nộp: {figures.essays_missing}; "
                   f"phải viết lại: {figures.essays_to_rewrite}.")
    else:
        paper.para("3. Văn bản này không yêu cầu viết bài thu hoạch.")
    paper.para(f"4. Tuyên truyền cho quần chúng: {format_count(figures.non_members_reached)} lượt người "
               "ngoài Đảng được tiếp cận nội dung văn bản.")

    paper.heading("III. XÂY DỰNG VÀ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG")
    plans = list(db.exec(alive(ActionPlan).where(ActionPlan.document_id == document.id)))
    if not plans:
        paper.para("Chi bộ chưa xây dựng chương trình, kế hoạch hành động thực hiện văn bản này.")
    for plan in plans:
        progress = plan_progress(db, plan.id, as_of)
        numbered = f" (số {text(plan.number_symbol)})" if plan.number_symbol else ""
        paper.para(f"- {text(plan.title)}{numbered}: {progress['total']} nội dung; hoàn thành "
                   f"{progress[ItemStatus.DONE]}, đang thực hiện {progress[ItemStatus.IN_PROGRESS]}, chưa thực hiện "
                   f"{progress[ItemStatus.NOT_STARTED]}; quá hạn {progress['overdue']}.")

    recipients = [f"{unit.superior_name} (để báo cáo)"] if unit.superior_name else []
    recipients.append("Lưu chi bộ")
    left = recipients_block(s, recipients)
    if unit.signing_key:  # compared on paper by the receiving level before it trusts the cell's bundles
        left.append(Paragraph(f"<br/>Mã khóa dữ liệu của chi bộ:<br/><b>{key_fingerprint(unit.signing_key)}</b>",
                              s.recipients))
    paper.close(left, signature_block(s, secretary_signature(db)))
    return paper.build()
