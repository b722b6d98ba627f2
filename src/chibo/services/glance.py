"""A cell's figures at a glance, read through the plain sqlite3 `Reader` (`chibo.store.reader`):
the roll, the study of each document, the sessions of a period, the overdue tasks, the essays not
handed in, and where the report bundles stand. No SQLAlchemy, no ORM object: a few statements
per screen whatever the size of the book.

The figures are the services' own, computed the same way from the same rows:
`study` agrees with `figures.document_figures`, `roll` with `Roll.load`, `sessions_between` with
`figures.session_figures`, `overdue_tasks` with `plans.overdue_items`, `exchange_state` with what
`sync.export.export_bundle` will carry. `tests/test_glance.py` holds them equal on the demo book,
a large book and the edge cases (a member who left mid-year, an exempt member, a session with
nobody absent). Change both or neither.

Every function takes `unit_id=None` (the whole book, as a cell reads its own) or one unit's id
(a receiving level reading one of its cells)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from chibo.services.attendance_count import SessionFigures, count_attendance
from chibo.services.roll import Roll, missing_reason
from chibo.services.settings import rules_from
from chibo.store.reader import Reader, day
from chibo.text import name_sort_key
from chibo.vocabulary import AttendanceState, ItemStatus, MemberStatus, SessionKind

ABSENT = (AttendanceState.ABSENT_EXCUSED, AttendanceState.ABSENT_UNEXCUSED)
SUMMONED = (MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.ATTACHED)  # who must attend
OPEN_ITEM_STATUSES = (ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS)

# The tables a report bundle carries (`store.models.SYNCED_TABLES`; a test holds the two equal).
SYNCED_TABLE_NAMES = ("unit", "member", "member_status_change", "presenter", "document", "session",
                      "session_document", "attendance", "agenda_item", "speech", "essay", "action_plan",
                      "action_item", "outreach", "issued_paper")


def _unit_clause(unit_id: str | None, column: str = "unit_id") -> tuple[str, tuple]:
    return (f" AND {column} = ?", (unit_id,)) if unit_id else ("", ())


class _Change(NamedTuple):
    member_id: str
    effective_on: date
    status: str


def roll(reader: Reader, unit_id: str | None = None) -> Roll:
    """`Roll.load`, read with one statement: the status history of members not deleted, by day
    and within a day by rev."""
    where, params = _unit_clause(unit_id, "c.unit_id")
    rows = reader.rows(
        "SELECT c.member_id, c.effective_on, c.status FROM member_status_change c JOIN member m ON m.id = c.member_id"
        " WHERE c.deleted_at IS NULL AND m.deleted_at IS NULL" + where + " ORDER BY c.effective_on, c.rev", params)
    return Roll([_Change(member_id, day(effective_on), status) for member_id, effective_on, status in rows])


def member_names(reader: Reader, unit_id: str | None = None) -> dict[str, str]:
    """Full names of the members not deleted, by id."""
    where, params = _unit_clause(unit_id)
    return dict(reader.rows("SELECT id, full_name FROM member WHERE deleted_at IS NULL" + where, params))


@dataclass(frozen=True)
class DocumentRow:
    id: str
    kind: str
    number_symbol: str
    title: str
    deadline: date | None
    requires_essay: bool


def documents(reader: Reader, unit_id: str | None = None) -> list[DocumentRow]:
    """The documents to study, newest first (`documents.list_documents`' order)."""
    where, params = _unit_clause(unit_id)
    rows = reader.rows("SELECT id, kind, number_symbol, title, deadline, requires_essay FROM document"
                       " WHERE deleted_at IS NULL" + where + " ORDER BY issued_on DESC, number_symbol", params)
    return [DocumentRow(i, k, n, t, day(d), bool(e)) for i, k, n, t, d, e in rows]


@dataclass(frozen=True)
class Missing:
    member_id: str
    full_name: str
    reason: str  # as `figures.MissingStudy.reason`: the latest absence's reason, "không lý do", "chưa được triệu tập"


@dataclass(frozen=True)
class DocumentStudy:
    """One document's study on a day, as `figures.document_figures` counts it."""

    document: DocumentRow
    required: int
    studied: frozenset[str]  # ids of the members required who studied it (in a session or a make-up)
    missing: tuple[Missing, ...]  # the members required who have not, in name order
    sessions: int  # study sessions held by then, make-ups apart
    makeups: int
    latest_session_id: str | None  # the latest study session (not a make-up): what a make-up makes up
    latest_session_on: date | None
    essays_missing: tuple[str, ...] = ()  # ids of members who studied it and have handed in no essay

    @property
    def studied_count(self) -> int:
        return len(self.studied)

    @property
    def percent(self) -> float | None:
        return 100.0 * len(self.studied) / self.required if self.required else None


def study(reader: Reader, as_of: date, roll_: Roll, docs: list[DocumentRow], names: dict[str, str],
          unit_id: str | None = None) -> list[DocumentStudy]:
    """Each document's study on `as_of`, in the order of `docs`: three statements for all of them
    (the study sessions, their attendance, the essays), however many documents and sessions.
    `unit_id` keeps the sessions and essays of one unit."""
    where, params = _unit_clause(unit_id, "s.unit_id")
    held = reader.rows(
        "SELECT l.document_id, s.id, s.held_on, s.kind FROM session_document l JOIN session s ON s.id = l.session_id"
        " WHERE l.deleted_at IS NULL AND s.deleted_at IS NULL AND s.held_on <= ?" + where
        + " ORDER BY s.held_on, s.start_time", (as_of.isoformat(), *params))
    sessions_of: dict[str, list[tuple[str, str, str]]] = {}
    for document_id, session_id, held_on, kind in held:
        sessions_of.setdefault(document_id, []).append((session_id, held_on, kind))
    marks = reader.rows(
        "SELECT a.session_id, a.member_id, a.state, a.reason, a.rev FROM attendance a JOIN session s ON s.id = a.session_id"
        " WHERE a.deleted_at IS NULL AND s.deleted_at IS NULL AND s.held_on <= ?" + where,
        (as_of.isoformat(), *params))
    marks_of: dict[str, list[tuple]] = {}
    for row in marks:
        marks_of.setdefault(row[0], []).append(row)
    essay_where, essay_params = _unit_clause(unit_id)
    essays: dict[str, set[str]] = {}
    for member_id, document_id in reader.rows("SELECT member_id, document_id FROM essay WHERE deleted_at IS NULL"
                                              + essay_where, essay_params):
        essays.setdefault(document_id, set()).add(member_id)
    required = roll_.required(as_of)
    result = []
    for document in docs:
        sessions = sessions_of.get(document.id, [])
        held_on = {session_id: on for session_id, on, _kind in sessions}
        rows = sorted((row for session_id in held_on for row in marks_of.get(session_id, ())),
                      key=lambda r: (held_on[r[0]], r[4]))
        studied: set[str] = set()
        last_absence: dict[str, tuple] = {}
        for _session_id, member_id, state, reason, _rev in rows:
            if state == AttendanceState.PRESENT:
                studied.add(member_id)
            elif state in ABSENT:
                last_absence[member_id] = (state, reason)
        studied &= required.keys()
        missing = []
        for member_id in required:
            if member_id in studied:
                continue
            reason = missing_reason(last_absence.get(member_id), roll_.joined_on(member_id),
                                    date.fromisoformat(sessions[-1][1]) if sessions else None)
            missing.append(Missing(member_id, names[member_id], reason))
        missing.sort(key=lambda m: name_sort_key(m.full_name))
        studies = [s for s in sessions if s[2] != SessionKind.MAKEUP]
        handed_in = essays.get(document.id, set())
        essays_missing = tuple(m for m in studied if m not in handed_in) if document.requires_essay else ()
        result.append(DocumentStudy(document, len(required), frozenset(studied), tuple(missing), len(studies),
                                    len(sessions) - len(studies), studies[-1][0] if studies else None,
                                    day(studies[-1][1]) if studies else None, essays_missing))
    return result


@dataclass(frozen=True)
class SessionGlance:
    """A session with the figures of its roll call, counted by `attendance_count.count_attendance`
    (what `figures.session_figures` counts with)."""

    id: str
    kind: str
    form: str
    held_on: date
    title: str  # its own title; `titles.session_title` adds the default
    place: str
    number_symbol: str
    makeup_of: str | None
    documents: tuple[str, ...]  # the number-symbols of the documents studied, in order
    figures: SessionFigures

    @property
    def summoned(self) -> int:
        return self.figures.summoned_total

    @property
    def present(self) -> int:
        """Everyone present, exempt members who came included (`SessionFigures.present_total`)."""
        return self.figures.present_total

    @property
    def absent(self) -> int:
        return len(self.figures.absences)

    @property
    def unrecorded(self) -> int:
        return len(self.figures.unrecorded)


def sessions_between(reader: Reader, first: date, last: date, roll_: Roll,
                     unit_id: str | None = None) -> list[SessionGlance]:
    """The sessions held from `first` to `last` (both included), newest first (`sessions.list_sessions`'
    order), each with the documents it studied and the figures of its roll call."""
    where, params = _unit_clause(unit_id)
    span = (first.isoformat(), last.isoformat())
    found = reader.rows(
        "SELECT id, kind, form, held_on, title, place, number_symbol, makeup_of_id FROM session"
        " WHERE deleted_at IS NULL AND held_on >= ? AND held_on <= ?" + where + " ORDER BY held_on DESC, start_time DESC",
        (*span, *params))
    if not found:
        return []
    marks: dict[str, dict[str, tuple[AttendanceState, str]]] = {}
    for session_id, member_id, state, reason in reader.rows(
            "SELECT a.session_id, a.member_id, a.state, a.reason FROM attendance a JOIN session s ON s.id = a.session_id"
            " WHERE a.deleted_at IS NULL AND s.deleted_at IS NULL AND s.held_on >= ? AND s.held_on <= ?", span):
        marks.setdefault(session_id, {})[member_id] = (AttendanceState(state), reason)
    covered: dict[str, list[str]] = {}
    for session_id, symbol in reader.rows(
            "SELECT l.session_id, d.number_symbol FROM session_document l JOIN document d ON d.id = l.document_id"
            " JOIN session s ON s.id = l.session_id WHERE l.deleted_at IS NULL AND d.deleted_at IS NULL"
            " AND s.held_on >= ? AND s.held_on <= ? ORDER BY d.number_symbol", span):
        covered.setdefault(session_id, []).append(symbol)
    names = member_names(reader)
    rules = rules_from(reader.setting)
    result = []
    for session_id, kind, form, held_on, title, place, number_symbol, makeup_of in found:
        on = day(held_on)
        called = roll_.on_roll(on)
        marked = marks.get(session_id, {})
        if kind == SessionKind.MAKEUP:  # only the members invited (`sessions.expected_members`)
            called = {m: s for m, s in called.items() if m in marked}
        figures = count_attendance(session_id, called, marked, names, rules)
        result.append(SessionGlance(session_id, kind, form, on, title, place, number_symbol, makeup_of,
                                    tuple(covered.get(session_id, ())), figures))
    return result


@dataclass(frozen=True)
class OverdueTask:
    item_id: str
    content: str
    deadline: date
    days_late: int
    plan_id: str
    plan_title: str
    member_id: str | None  # the member whose own plan it is; None for the cell's plan


def overdue_tasks(reader: Reader, today: date, unit_id: str | None = None) -> list[OverdueTask]:
    """Open tasks past their deadline, the latest first in line (`plans.overdue_items`)."""
    where, params = _unit_clause(unit_id, "i.unit_id")
    rows = reader.rows(
        "SELECT i.id, i.content, i.deadline, p.id, p.title, p.member_id FROM action_item i"
        " JOIN action_plan p ON p.id = i.plan_id WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL"
        f" AND i.status IN ({', '.join('?' * len(OPEN_ITEM_STATUSES))}) AND i.deadline IS NOT NULL AND i.deadline < ?"
        + where, (*OPEN_ITEM_STATUSES, today.isoformat(), *params))
    tasks = [OverdueTask(i, content, day(deadline), (today - day(deadline)).days, plan, title, member)
             for i, content, deadline, plan, title, member in rows]
    tasks.sort(key=lambda t: (-t.days_late, t.content))
    return tasks


@dataclass(frozen=True)
class ExchangeState:
    """Where a cell's report bundles stand."""

    last_seq: int  # the last report bundle written (0: none yet)
    last_sent_on: date | None  # when it was written (unknown for bundles written before chibo kept it)
    superior: str | None  # the level above whose plan bundle was approved (bundles are sealed to it)
    waiting: int  # records changed since the last bundle: what the next bundle will carry at least
    unconfirmed: int = 0  # records sent that the level above has not confirmed receiving yet


def exchange_state(reader: Reader) -> ExchangeState:
    """The last bundle and what waits to go, from the settings `sync.export` keeps and the revs of
    the unit's own records (a bundle carries every record changed after the last rev confirmed)."""
    unit_id = reader.local_unit_id
    last_seq = int(reader.setting("sync_last_seq", 0))
    sent = reader.setting("sync_sent", {}) or {}
    sent_rev = int(sent.get(str(last_seq), 0)) if last_seq else 0
    acked_rev = int(reader.setting("sync_acked_rev", 0))
    recipient = reader.setting("sync_recipient")
    waiting = unconfirmed = 0
    for table in SYNCED_TABLE_NAMES:
        waiting += reader.value(f"SELECT count(*) FROM {table} WHERE unit_id = ? AND rev > ?", (unit_id, sent_rev), 0)
        if sent_rev > acked_rev:
            unconfirmed += reader.value(f"SELECT count(*) FROM {table} WHERE unit_id = ? AND rev > ? AND rev <= ?",
                                        (unit_id, acked_rev, sent_rev), 0)
    sent_at = reader.setting("sync_last_sent_at")
    sent_on = datetime.fromisoformat(sent_at).astimezone().date() if sent_at else None  # stored in UTC
    return ExchangeState(last_seq, sent_on, recipient.get("name") if recipient else None, waiting, unconfirmed)


@dataclass
class UnitGlance:
    id: str
    name: str
    superior_name: str
    role: str
    text_size: str = "normal"


def local_unit(reader: Reader) -> UnitGlance | None:
    """This book's unit (None before the book is set up) and the screen's text size."""
    unit_id = reader.local_unit_id
    row = reader.rows("SELECT id, name, superior_name, role FROM unit WHERE id = ?", (unit_id,)) if unit_id else []
    if not row:
        return None
    return UnitGlance(*row[0], text_size=reader.setting("text_size", "normal"))


@dataclass
class Members:
    on_roll: int
    required: int
    exempt: int
    left_this_year: int = 0
    by_status: dict = field(default_factory=dict)


def members_on(roll_: Roll, today: date) -> Members:
    """How many are in the cell today, must attend, are exempt, and left since 1 January."""
    on_roll = roll_.on_roll(today)
    new_year = date(today.year, 1, 1)
    left = sum(1 for m in roll_.on_roll(new_year) if m not in on_roll)
    by_status: dict[str, int] = {}
    for status in on_roll.values():
        by_status[status] = by_status.get(status, 0) + 1
    return Members(len(on_roll), sum(1 for s in on_roll.values() if s in SUMMONED),
                   by_status.get(MemberStatus.EXEMPT, 0), left, by_status)
