"""Sinh hoạt, Văn bản and Kế hoạch hành động as lists with their papers. The editors of these
records belong to the desktop-app issue; these pages show the book and print from it."""

from __future__ import annotations

from datetime import date

from chibo.services.documents import list_documents
from chibo.services.figures import document_figures, session_figures
from chibo.services.meetings import list_sessions, session_documents, session_title
from chibo.services.plans import list_plans, plan_progress
from chibo.services.roll import Roll
from chibo.services.common import get_alive
from chibo.store.models import Member
from chibo.text import format_date, format_percent
from chibo.vocabulary import DOCUMENT_KIND_LABELS, ISSUING_LEVEL_LABELS, SESSION_FORM_LABELS, label
from chibo.ui.record_list import RecordListPage

SESSION_COLUMNS = ("Ngày", "Buổi sinh hoạt", "Hình thức", "Có mặt", "Vắng", "Văn bản", "Số biên bản")
DOCUMENT_COLUMNS = ("Số, ký hiệu", "Loại", "Trích yếu", "Cấp ban hành", "Thời hạn", "Đã học", "Tỷ lệ")
PLAN_COLUMNS = ("Năm", "Kế hoạch", "Số, ký hiệu", "Của đảng viên", "Nội dung", "Hoàn thành", "Quá hạn")


def load_lists(db, today: date | None = None) -> dict[str, list]:
    """Display rows of the three lists, computed on a worker."""
    today = today or date.today()
    roll = Roll.load(db)
    sessions = []
    for meeting in list_sessions(db):
        f = session_figures(db, meeting.id, roll)
        documents = ", ".join(d.number_symbol for d in session_documents(db, meeting.id))
        sessions.append((meeting.id, (format_date(meeting.held_on), session_title(meeting),
                                      label(meeting.form, SESSION_FORM_LABELS), f"{f.present_total}/{f.summoned_total}",
                                      str(len(f.absences)), documents, meeting.number_symbol)))
    documents = []
    for document in list_documents(db):
        f = document_figures(db, document.id, today, roll)
        documents.append((document.id, (document.number_symbol, label(document.kind, DOCUMENT_KIND_LABELS),
                                        document.title, label(document.issuing_level, ISSUING_LEVEL_LABELS),
                                        format_date(document.deadline), f"{f.studied_count}/{f.required}",
                                        format_percent(f.percent) if f.percent is not None else "")))
    plans = []
    for plan in list_plans(db):
        progress = plan_progress(db, plan.id, today)
        owner = get_alive(db, Member, plan.member_id).full_name if plan.member_id else ""
        plans.append((plan.id, (str(plan.year), plan.title, plan.number_symbol, owner, str(progress["total"]),
                                str(progress["hoan_thanh"]), str(progress["overdue"]))))
    return {"sessions": sessions, "documents": documents, "plans": plans}


def open_session_editor(page: RecordListPage, session_id: str | None) -> None:
    """Read the session and the roll on a worker, then show the editor."""
    from chibo.ui.session_editor import SessionEditor, load_session_form

    page.open_read(lambda db: load_session_form(db, session_id),
                   lambda draft: SessionEditor(page.book, draft, parent=page), "Không mở được buổi này.")


def sessions_page(book) -> RecordListPage:
    page = RecordListPage(book, "sessions", "Sinh hoạt chi bộ", SESSION_COLUMNS, 1,
                          [("minutes", "Biên bản"), ("attendance", "Danh sách ký tên")],
                          "Hãy chọn một buổi sinh hoạt trong danh sách.",
                          "{count} buổi sinh hoạt. Chọn một buổi rồi bấm Xem trước, In hoặc Lưu PDF.")
    page.add_editor("Ghi buổi mới (Ctrl+N)", "Sửa buổi, điểm danh…", open_session_editor)
    return page


def documents_page(book) -> RecordListPage:
    from PySide6.QtWidgets import QPushButton

    from chibo.ui.document_editor import open_coverage, open_document_editor

    page = RecordListPage(book, "documents", "Văn bản học tập, quán triệt", DOCUMENT_COLUMNS, 2,
                          [("report", "Báo cáo kết quả học tập")], "Hãy chọn một văn bản trong danh sách.",
                          "{count} văn bản. Báo cáo kết quả học tập tính đến hôm nay.")
    page.add_editor("Thêm văn bản (Ctrl+N)", "Sửa văn bản…", open_document_editor)
    coverage = QPushButton("Ai đã học, ai chưa; học bù, thu hoạch…")
    coverage.clicked.connect(lambda: open_coverage(page))
    page.actions.insertWidget(2, coverage)
    return page


def plans_page(book) -> RecordListPage:
    from chibo.ui.plan_editor import open_plan_editor

    page = RecordListPage(book, "plans", "Chương trình, kế hoạch hành động", PLAN_COLUMNS, 1,
                          [("plan", "Kế hoạch hành động")], "Hãy chọn một kế hoạch trong danh sách.",
                          "{count} kế hoạch của chi bộ và của đảng viên.")
    page.add_editor("Lập kế hoạch mới (Ctrl+N)", "Sửa kế hoạch, cập nhật tiến độ…", open_plan_editor)
    return page
