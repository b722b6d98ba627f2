"""Sinh hoạt, Văn bản and Kế hoạch hành động as lists with their papers. The editors of these
records belong to the desktop-app issue; these pages show the book and print from it."""

from __future__ import annotations

from datetime import date

from chibo.services.documents import list_documents, remove_document
from chibo.services.figures import document_figures, session_figures
from chibo.services.lookups import get_alive
from chibo.services.plans import list_plans, plan_progress, remove_plan
from chibo.services.roll import Roll
from chibo.services.sessions import list_sessions, remove_session, session_documents
from chibo.store.models import Member
from chibo.text import format_date, format_percent
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.pages.record_list import RecordListPage
from chibo.ui.words import DOCUMENT_KIND, ISSUING_LEVEL, SESSION_FORM, label, session_title

SESSION_COLUMNS = (QT_TR_NOOP("Date"), QT_TR_NOOP("Session"), QT_TR_NOOP("Form"), QT_TR_NOOP("Present"),
                   QT_TR_NOOP("Absent"), QT_TR_NOOP("Document"), QT_TR_NOOP("Minutes no."))
DOCUMENT_COLUMNS = (QT_TR_NOOP("Number-symbol"), QT_TR_NOOP("Kind"), QT_TR_NOOP("Summary"),
                    QT_TR_NOOP("Issuing level"), QT_TR_NOOP("Deadline"), QT_TR_NOOP("Studied"), QT_TR_NOOP("Rate"))
PLAN_COLUMNS = (QT_TR_NOOP("Year"), QT_TR_NOOP("Plan"), QT_TR_NOOP("Number-symbol"), QT_TR_NOOP("Member"),
                QT_TR_NOOP("Content"), QT_TR_NOOP("Done"), QT_TR_NOOP("Overdue"))


def load_lists(db, today: date | None = None) -> dict[str, list]:
    """Display rows of the three lists, computed on a worker."""
    today = today or date.today()
    roll = Roll.load(db)
    sessions = []
    for session in list_sessions(db):
        f = session_figures(db, session.id, roll)
        documents = ", ".join(d.number_symbol for d in session_documents(db, session.id))
        sessions.append((session.id, (format_date(session.held_on), session_title(session),
                                      label(session.form, SESSION_FORM), f"{f.present_total}/{f.summoned_total}",
                                      str(len(f.absences)), documents, session.number_symbol)))
    documents = []
    for document in list_documents(db):
        f = document_figures(db, document.id, today, roll)
        documents.append((document.id, (document.number_symbol, label(document.kind, DOCUMENT_KIND),
                                        document.title, label(document.issuing_level, ISSUING_LEVEL),
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
    from chibo.ui.editors.session import SessionEditor, load_session_form

    page.open_read(lambda db: load_session_form(db, session_id),
                   lambda draft: SessionEditor(page.book, draft, parent=page), tr("Could not open this session."))


def sessions_page(book) -> RecordListPage:
    page = RecordListPage(book, "sessions", tr("Cell sessions"), SESSION_COLUMNS, 1,
                          [("minutes", tr("Minutes")), ("attendance", tr("Sign-in sheet"))],
                          tr("Select a session in the list."),
                          tr("{count} sessions. Select one, then press Preview, Print or Save PDF."))
    page.add_editor(tr("New session (Ctrl+N)"), tr("Edit the session, attendance…"), open_session_editor,
                    tr("No session recorded yet. Press “New session” to record a meeting, its attendance and minutes."))
    page.add_remover(tr("Delete the session…"), lambda cells: tr(
        "Delete the session “{title}” of {date} with its attendance, speeches and documents studied?").format(
            title=cells[1], date=cells[0]),
        remove_session)
    return page


def documents_page(book) -> RecordListPage:
    from PySide6.QtWidgets import QPushButton

    from chibo.ui.dialogs.coverage import open_coverage
    from chibo.ui.editors.document import open_document_editor

    page = RecordListPage(book, "documents", tr("Documents to study"), DOCUMENT_COLUMNS, 2,
                          [("report", tr("Study-result report"))], tr("Select a document in the list."),
                          tr("{count} documents. The study-result report counts up to today."))
    page.add_editor(tr("Add a document (Ctrl+N)"), tr("Edit the document…"), open_document_editor,
                    tr("No document to study yet. Press “Add a document” for each resolution or directive the level "
                       "above sends, or import the plan bundle on the Data exchange page."))
    coverage = QPushButton(tr("Who has studied it, who has not; make-ups, essays…"))
    coverage.clicked.connect(lambda: open_coverage(page))
    page.actions.insertWidget(2, coverage)
    page.add_remover(tr("Delete the document…"), lambda cells: tr(
        "Delete the document {document} from the list to study?").format(document=cells[0]), remove_document)
    return page


def plans_page(book) -> RecordListPage:
    from chibo.ui.editors.plan import open_plan_editor

    page = RecordListPage(book, "plans", tr("Programmes and action plans"), PLAN_COLUMNS, 1,
                          [("plan", tr("Action plan"))], tr("Select a plan in the list."),
                          tr("{count} plans of the cell and of its members."))
    page.add_editor(tr("New plan (Ctrl+N)"), tr("Edit the plan, update progress…"), open_plan_editor,
                    tr("No plan yet. Press “New plan” for the cell’s programme to carry out a document, or for a "
                       "member’s own action plan."))
    page.add_remover(tr("Delete the plan…"), lambda cells: tr(
        "Delete the plan “{title}” with all its tasks?").format(title=cells[1]), remove_plan)
    return page
