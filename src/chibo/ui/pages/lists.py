"""Sinh hoạt, Văn bản and Kế hoạch hành động as lists with their papers. The editors of these
records belong to the desktop-app issue; these pages show the book and print from it."""

from __future__ import annotations

from datetime import date

from chibo.services.documents import list_documents, remove_document
from chibo.services.figures import document_figures
from chibo.services.lookups import get_alive
from chibo.services.plans import list_plans, plan_progress, remove_plan
from chibo.services.roll import Roll
from chibo.services.sessions import list_sessions, remove_session
from chibo.store.models import Member
from chibo.text import format_date, format_percent
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import Kind
from chibo.ui.pages.drill_down import viewed_fetch
from chibo.ui.pages.record_list import RecordListPage, open_read
from chibo.ui.words import DOCUMENT_KIND, ISSUING_LEVEL, SESSION_FORM, label, session_title
from chibo.vocabulary import AttendanceState, SessionKind

SESSION_COLUMNS = (QT_TR_NOOP("Date"), QT_TR_NOOP("Session"), QT_TR_NOOP("Form"), QT_TR_NOOP("Present"),
                   QT_TR_NOOP("Absent"), QT_TR_NOOP("Document"), QT_TR_NOOP("Minutes no."))
DOCUMENT_COLUMNS = (QT_TR_NOOP("Number-symbol"), QT_TR_NOOP("Kind"), QT_TR_NOOP("Summary"),
                    QT_TR_NOOP("Issuing level"), QT_TR_NOOP("Deadline"), QT_TR_NOOP("Studied"), QT_TR_NOOP("Rate"))
PLAN_COLUMNS = (QT_TR_NOOP("Year"), QT_TR_NOOP("Plan"), QT_TR_NOOP("Number-symbol"), QT_TR_NOOP("Member"),
                QT_TR_NOOP("Content"), QT_TR_NOOP("Done"), QT_TR_NOOP("Overdue"))


def _session_rows(db, today: date | None = None) -> list:
    """The sessions list's rows, newest first; the roll, the rules, the members' names and the marks
    read once for all the sessions, as plain columns (not once per session and as ORM objects: 63
    sessions of 300 members built 39,500 objects, and the garbage collector's passes over them
    froze the window). At a receiving level, the viewed cell's alone (`services.viewing`)."""
    from sqlmodel import col, select

    from chibo.services.figures import count_attendance
    from chibo.services.settings import load_rules
    from chibo.services.viewing import in_view
    from chibo.store.models import Attendance, SessionDocument

    roll = Roll.load(db)
    rules = load_rules(db)
    names = dict(db.exec(in_view(db, select(Member.id, Member.full_name), Member)
                         .where(col(Member.deleted_at).is_(None))).all())
    symbols = {d.id: d.number_symbol for d in list_documents(db)}
    marks: dict[str, dict] = {}
    for session_id, member_id, state, reason in db.exec(
            in_view(db, select(Attendance.session_id, Attendance.member_id, Attendance.state, Attendance.reason),
                    Attendance).where(col(Attendance.deleted_at).is_(None))):
        marks.setdefault(session_id, {})[member_id] = (AttendanceState(state), reason)
    covered: dict[str, list[str]] = {}
    for session_id, document_id in db.exec(in_view(db, select(SessionDocument.session_id, SessionDocument.document_id),
                                                   SessionDocument).where(col(SessionDocument.deleted_at).is_(None))):
        if document_id in symbols:
            covered.setdefault(session_id, []).append(symbols[document_id])
    rows = []
    for session in list_sessions(db):
        marked = marks.get(session.id, {})
        called = roll.on_roll(session.held_on)
        if session.kind == SessionKind.MAKEUP:  # only those invited (`sessions.expected_members`)
            called = {m: s for m, s in called.items() if m in marked}
        f = count_attendance(session.id, called, marked, names, rules)
        rows.append((session.id, (format_date(session.held_on), session_title(session),
                                  label(session.form, SESSION_FORM), f"{f.present_total}/{f.summoned_total}",
                                  str(len(f.absences)), ", ".join(sorted(covered.get(session.id, []))),
                                  session.number_symbol)))
    return rows


def _document_rows(db, today: date | None = None) -> list:
    from chibo.services.viewing import is_receiving

    today = today or date.today()
    if is_receiving(db):
        return LevelDocuments(_level_document_rows(db, today))
    roll = Roll.load(db)
    rows = []
    for document in list_documents(db):
        f = document_figures(db, document.id, today, roll)
        rows.append((document.id, (document.number_symbol, label(document.kind, DOCUMENT_KIND),
                                   document.title, label(document.issuing_level, ISSUING_LEVEL),
                                   format_date(document.deadline), f"{f.studied_count}/{f.required}",
                                   format_percent(f.percent) if f.percent is not None else "")))
    return rows


class LevelDocuments(list):
    """A receiving level's own documents, each with its study summed over the cells."""


def _level_document_rows(db, today: date) -> list:
    """The documents this level sends its cells, with the members who studied each, summed over the
    cells that hold it (`services.aggregates.study_counts`: a fixed number of queries)."""
    from sqlmodel import col

    from chibo.services.aggregates import study_counts
    from chibo.services.lookups import alive
    from chibo.services.viewing import received_cells
    from chibo.store.models import Document
    from chibo.store.records import LOCAL_UNIT

    own = list(db.exec(alive(Document).where(Document.unit_id == db.info.get(LOCAL_UNIT))
                       .order_by(col(Document.issued_on).desc(), col(Document.number_symbol))))
    cells = received_cells(db)
    summed = study_counts(db, {c.unit_id: c.plans_from for c in cells}, today).by_document() if own and cells else {}
    rows = []
    for document in own:
        studied, required = summed.get(document.id, (0, 0))
        rows.append((document.id, (document.number_symbol, label(document.kind, DOCUMENT_KIND), document.title,
                                   label(document.issuing_level, ISSUING_LEVEL), format_date(document.deadline),
                                   f"{studied}/{required}",
                                   format_percent(100.0 * studied / required) if required else "")))
    return rows


def _plan_rows(db, today: date | None = None) -> list:
    today = today or date.today()
    rows = []
    for plan in list_plans(db):
        progress = plan_progress(db, plan.id, today)
        owner = get_alive(db, Member, plan.member_id).full_name if plan.member_id else ""
        rows.append((plan.id, (str(plan.year), plan.title, plan.number_symbol, owner, str(progress["total"]),
                               str(progress["hoan_thanh"]), str(progress["overdue"]))))
    return rows


def in_session(read):
    """A page's `fetch`: `read(db)` in a session of the book, on a worker."""
    def fetch(book):
        with book.session() as db:
            return read(db)

    return fetch


def open_session_editor(host, session_id: str | None, held_on: date | None = None) -> None:
    """Read the session (or, for a new one, the roll of `held_on`, default today) on a worker, then
    show the editor over `host` (a page or the board)."""
    from chibo.ui.editors.session import SessionEditor, load_session_form

    open_read(host, lambda db: load_session_form(db, session_id, held_on),
              lambda draft: SessionEditor(host.book, draft, parent=host), tr("Could not open this session."))


def sessions_page(book) -> RecordListPage:
    page = RecordListPage(book, "sessions", tr("Cell sessions"), SESSION_COLUMNS, 1,
                          [("minutes", tr("Minutes")), ("attendance", tr("Sign-in sheet"))],
                          tr("Select a session in the list."),
                          tr("{count} sessions. Select one, then press Preview, Print or Save PDF."),
                          kinds={Kind.SESSIONS, Kind.MEMBERS, Kind.DOCUMENTS, Kind.PAPERS, Kind.SETTINGS,
                                 Kind.EXCHANGE}, removes=Kind.SESSIONS)
    page.fetch = viewed_fetch(page, _session_rows)
    page.read_only_count_text = tr("{count} sessions in this cell’s book.")
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
                          tr("{count} documents. The study-result report counts up to today."),
                          kinds={Kind.DOCUMENTS, Kind.SESSIONS, Kind.MEMBERS, Kind.EXCHANGE},
                          fetch=in_session(_document_rows), removes=Kind.DOCUMENTS)
    page.add_editor(tr("Add a document (Ctrl+N)"), tr("Edit the document…"), open_document_editor,
                    tr("No document to study yet. Press “Add a document” for each resolution or directive the level "
                       "above sends, or import the plan bundle on the Data exchange page."))
    page.coverage_button = QPushButton(tr("Who has studied it, who has not; make-ups, essays…"))
    page.coverage_button.clicked.connect(lambda: open_coverage(page, page.selected_id()))
    page.actions.insertWidget(2, page.coverage_button)
    page.add_remover(tr("Delete the document…"), lambda cells: tr(
        "Delete the document {document} from the list to study?").format(document=cells[0]), remove_document)
    page.show_data = lambda rows: _show_documents(page, rows)
    return page


def _show_documents(page, rows) -> None:
    """At a receiving level, its own documents summed over the cells: no member's coverage, no
    cell's study report here (the consolidated report is on the Data exchange page)."""
    level = isinstance(rows, LevelDocuments)
    page.coverage_button.setVisible(not level)
    page.papers.setVisible(not level)
    if level:
        page.count_text = tr("{count} documents this level sends its cells; “Studied” is summed over the cells, as "
                             "of today.")
    page.show_rows(rows)


def plans_page(book) -> RecordListPage:
    from chibo.ui.editors.plan import open_plan_editor

    page = RecordListPage(book, "plans", tr("Programmes and action plans"), PLAN_COLUMNS, 1,
                          [("plan", tr("Action plan"))], tr("Select a plan in the list."),
                          tr("{count} plans of the cell and of its members."),
                          kinds={Kind.PLANS, Kind.MEMBERS, Kind.PAPERS, Kind.EXCHANGE}, removes=Kind.PLANS)
    page.fetch = viewed_fetch(page, _plan_rows)
    page.read_only_count_text = tr("{count} plans of this cell and of its members.")
    page.add_editor(tr("New plan (Ctrl+N)"), tr("Edit the plan, update progress…"), open_plan_editor,
                    tr("No plan yet. Press “New plan” for the cell’s programme to carry out a document, or for a "
                       "member’s own action plan."))
    page.add_remover(tr("Delete the plan…"), lambda cells: tr(
        "Delete the plan “{title}” with all its tasks?").format(title=cells[1]), remove_plan)
    return page
