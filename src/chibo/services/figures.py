"""Figures computed from the rows, never typed in: per session, per document, per member."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlmodel import col

from chibo.services.attendance_count import (  # noqa: F401  (the counting lives there; imported from here too)
    ABSENT_STATES,
    SUMMONED_CATEGORIES,
    Absence,
    Quorum,
    SessionFigures,
    count_attendance,
    voting_quorum,
)
from chibo.services.lookups import alive, get_alive, rows_by_ids
from chibo.services.roll import Roll, expected_members, missing_reason
from chibo.services.settings import load_rules
from chibo.services.viewing import documents_in_view, in_view
from chibo.store.models import Attendance, CellSession, Document, Essay, Member, Outreach, SessionDocument
from chibo.text import name_sort_key
from chibo.vocabulary import AttendanceState, MemberStatus, SessionKind


def session_figures(db, session_id: str, roll: Roll | None = None) -> SessionFigures:
    """The roll call of one session, counted against the roll of the session's own cell."""
    session = get_alive(db, CellSession, session_id)
    roll = roll or Roll.load(db, unit_id=session.unit_id)
    called = expected_members(db, session, roll)
    rows = {row.member_id: row for row in db.exec(alive(Attendance).where(Attendance.session_id == session.id))}
    marks = {member_id: (AttendanceState(row.state), row.reason) for member_id, row in rows.items()}
    return count_attendance(session.id, called, marks, _names(db, called), load_rules(db))


def cell_membership(db, day: date, roll: Roll | None = None) -> dict[MemberStatus, int]:
    """The cell's whole membership on `day` as the minutes split it: chính thức (exempt members
    included: they are full members), dự bị, sinh hoạt tạm. A member attending another cell for a
    while counts with the status held before leaving (full when the register does not say)."""
    roll = roll or Roll.load(db)
    split = dict.fromkeys(SUMMONED_CATEGORIES, 0)
    for member_id, status in roll.on_roll(day).items():
        if status == MemberStatus.AWAY:
            before = [s for d, s in roll.history(member_id) if d <= day and s in SUMMONED_CATEGORIES]
            status = before[-1] if before else MemberStatus.FULL
        elif status == MemberStatus.EXEMPT:
            status = MemberStatus.FULL
        split[status] += 1
    return split


def _names(db, member_ids) -> dict[str, str]:
    return {member_id: member.full_name for member_id, member in rows_by_ids(db, Member, member_ids).items()}


@dataclass(frozen=True)
class Study:
    member_id: str
    full_name: str
    session_id: str
    held_on: date
    makeup: bool


@dataclass(frozen=True)
class MissingStudy:
    member_id: str
    full_name: str
    reason: str  # the reason of the latest absence, "không lý do", or "chưa được triệu tập"


@dataclass
class DocumentFigures:
    document_id: str
    as_of: date
    sessions: list[CellSession]  # the study sessions (make-ups apart)
    makeups: list[CellSession]
    required: int
    studied: list[Study]  # of the members required
    missing: list[MissingStudy]
    essays_by_grade: dict[str, int]
    essays_missing: int
    essays_to_rewrite: int
    non_members_reached: int

    @property
    def studied_count(self) -> int:
        return len(self.studied)

    @property
    def studied_in_makeup(self) -> int:
        return sum(1 for s in self.studied if s.makeup)

    @property
    def percent(self) -> float | None:
        return 100.0 * len(self.studied) / self.required if self.required else None


def _study_sessions(db, document_id: str, as_of: date) -> list[CellSession]:
    return list(
        db.exec(
            in_view(db, alive(CellSession), CellSession)
            .join(SessionDocument, col(SessionDocument.session_id) == col(CellSession.id))
            .where(
                SessionDocument.document_id == document_id,
                col(SessionDocument.deleted_at).is_(None),
                col(CellSession.held_on) <= as_of,
            )
            .order_by(col(CellSession.held_on), col(CellSession.start_time))
        )
    )


def document_figures(db, document_id: str, as_of: date | None = None, roll: Roll | None = None) -> DocumentFigures:
    """Who had to study the document on `as_of` (members in the cell then, exempt and away
    apart), who studied it in a session or a make-up, who has not, and the essays."""
    document = get_alive(db, Document, document_id)
    as_of = as_of or date.today()
    roll = roll or Roll.load(db)
    held = _study_sessions(db, document.id, as_of)
    by_id = {m.id: m for m in held}
    studied_at: dict[str, CellSession] = {}
    last_absence: dict[str, Attendance] = {}
    if by_id:
        rows = db.exec(alive(Attendance).where(col(Attendance.session_id).in_(list(by_id))))
        for row in sorted(rows, key=lambda r: (by_id[r.session_id].held_on, r.rev)):
            session = by_id[row.session_id]
            if row.state == AttendanceState.PRESENT:
                studied_at.setdefault(row.member_id, session)
            elif row.state in ABSENT_STATES:
                last_absence[row.member_id] = row
    required = roll.required(as_of)
    names = _names(db, required)
    studied, missing = [], []
    for member_id in required:
        session = studied_at.get(member_id)
        if session is not None:
            studied.append(Study(member_id, names[member_id], session.id, session.held_on, session.kind == SessionKind.MAKEUP))
            continue
        absence = last_absence.get(member_id)
        reason = missing_reason((absence.state, absence.reason) if absence is not None else None,
                                roll.joined_on(member_id), held[-1].held_on if held else None)
        missing.append(MissingStudy(member_id, names[member_id], reason))
    studied.sort(key=lambda s: name_sort_key(s.full_name))
    missing.sort(key=lambda s: name_sort_key(s.full_name))
    rules = load_rules(db)
    essays = [e for e in db.exec(alive(Essay).where(Essay.document_id == document.id)) if e.member_id in required]
    by_grade = Counter(e.grade for e in essays if e.grade)
    grades = {g: by_grade.get(g, 0) for g in rules.essay_grades}
    grades.update({g: n for g, n in by_grade.items() if g not in grades})
    essay_members = {e.member_id for e in essays}
    reached = sum(
        o.audience
        for o in db.exec(in_view(db, alive(Outreach), Outreach).where(Outreach.document_id == document.id,
                                                                      col(Outreach.held_on) <= as_of))
    )
    return DocumentFigures(
        document_id=document.id,
        as_of=as_of,
        sessions=[m for m in held if m.kind != SessionKind.MAKEUP],
        makeups=[m for m in held if m.kind == SessionKind.MAKEUP],
        required=len(required),
        studied=studied,
        missing=missing,
        essays_by_grade=grades,
        essays_missing=sum(1 for s in studied if s.member_id not in essay_members) if document.requires_essay else 0,
        essays_to_rewrite=sum(1 for e in essays if e.must_rewrite),
        non_members_reached=reached,
    )


def not_studied(db, document_id: str, as_of: date | None = None) -> list[Member]:
    """Members who must still study the document (for a make-up session)."""
    figures = document_figures(db, document_id, as_of)
    return [get_alive(db, Member, m.member_id) for m in figures.missing]


@dataclass(frozen=True)
class MemberStudy:
    document_id: str
    number_symbol: str
    title: str
    session_id: str | None
    held_on: date | None
    makeup: bool


def member_studies(db, member_id: str) -> list[MemberStudy]:
    """For each document with a study session, where and when the member studied it (or not)."""
    member = get_alive(db, Member, member_id)
    present = {
        row.session_id
        for row in db.exec(alive(Attendance).where(Attendance.member_id == member.id,
                                                   Attendance.state == AttendanceState.PRESENT))
    }
    result = []
    for document in db.exec(documents_in_view(db, alive(Document), Document).order_by(col(Document.issued_on).desc())):
        held = _study_sessions(db, document.id, date.max)
        if not held:
            continue
        attended = next((m for m in held if m.id in present), None)
        result.append(
            MemberStudy(
                document.id,
                document.number_symbol,
                document.title,
                attended.id if attended else None,
                attended.held_on if attended else None,
                bool(attended and attended.kind == SessionKind.MAKEUP),
            )
        )
    return result
