"""Figures computed from the rows, never typed in: per session, per document, per member."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import col

from chibo.services.lookups import alive, get_alive, rows_by_ids
from chibo.services.roll import Roll, expected_members
from chibo.services.settings import QUORUM_ALL_SUMMONED, CellRules, load_rules
from chibo.store.models import Attendance, CellSession, Document, Essay, Member, Outreach, SessionDocument
from chibo.text import name_sort_key
from chibo.vocabulary import AttendanceState, MemberStatus, SessionKind

SUMMONED_CATEGORIES = (MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.ATTACHED)
ABSENT_STATES = (AttendanceState.ABSENT_EXCUSED, AttendanceState.ABSENT_UNEXCUSED)


@dataclass(frozen=True)
class Absence:
    member_id: str
    full_name: str
    status: MemberStatus
    state: AttendanceState
    reason: str

    @property
    def reason_text(self) -> str:
        return self.reason if self.state == AttendanceState.ABSENT_EXCUSED and self.reason else "không lý do"


@dataclass(frozen=True)
class Quorum:
    """Whether enough members who may vote are present, and how many they are: the quorum line
    and the vote of the minutes both read `present`, so they can never disagree."""

    rule: str
    base: int  # the members the rule counts from
    present: int  # members present who may vote: full members, exempt members who came, attached if the rule says
    attached_members_vote: bool = False

    @property
    def reached(self) -> bool:
        return self.base > 0 and 2 * self.present > self.base

    @property
    def needed(self) -> int:
        """The least number present for a valid vote."""
        return self.base // 2 + 1


@dataclass
class SessionFigures:
    session_id: str
    summoned: dict[MemberStatus, int] = field(default_factory=dict)
    present: dict[MemberStatus, int] = field(default_factory=dict)
    exempt: int = 0  # exempt members on the roll
    exempt_present: int = 0
    away: int = 0  # members attending another cell
    absences: list[Absence] = field(default_factory=list)
    unrecorded: list[str] = field(default_factory=list)  # names of members not yet marked
    quorum: Quorum | None = None

    @property
    def summoned_total(self) -> int:
        return sum(self.summoned.values())

    @property
    def present_required(self) -> int:
        return sum(self.present.values())

    @property
    def present_total(self) -> int:
        """Everyone present, exempt members who came included."""
        return self.present_required + self.exempt_present

    @property
    def attendance_percent(self) -> float | None:
        return 100.0 * self.present_required / self.summoned_total if self.summoned_total else None


def session_figures(db, session_id: str, roll: Roll | None = None) -> SessionFigures:
    session = get_alive(db, CellSession, session_id)
    roll = roll or Roll.load(db)
    called = expected_members(db, session, roll)
    rows = {row.member_id: row for row in db.exec(alive(Attendance).where(Attendance.session_id == session.id))}
    marks = {member_id: (AttendanceState(row.state), row.reason) for member_id, row in rows.items()}
    return count_attendance(session.id, called, marks, _names(db, called), load_rules(db))


def count_attendance(session_id: str, called: dict[str, MemberStatus], marks: dict[str, tuple[AttendanceState, str]],
                     names: dict[str, str], rules: CellRules) -> SessionFigures:
    """The figures of a roll call, from who was called (with their status that day) and how each
    was marked: the same sums for the saved session and for the editor while it is being filled."""
    figures = SessionFigures(
        session_id=session_id,
        summoned=dict.fromkeys(SUMMONED_CATEGORIES, 0),
        present=dict.fromkeys(SUMMONED_CATEGORIES, 0),
    )
    excused = {MemberStatus.FULL: 0, MemberStatus.PROBATIONARY: 0, MemberStatus.ATTACHED: 0}
    for member_id, status in called.items():
        state, reason = marks.get(member_id, (None, ""))
        if status == MemberStatus.AWAY:
            figures.away += 1
            continue
        if status == MemberStatus.EXEMPT:
            figures.exempt += 1
            if state == AttendanceState.PRESENT:
                figures.exempt_present += 1
            continue
        figures.summoned[status] += 1
        if state is None:
            figures.unrecorded.append(names[member_id])
        elif state == AttendanceState.PRESENT:
            figures.present[status] += 1
        elif state in ABSENT_STATES:
            figures.absences.append(Absence(member_id, names[member_id], status, state, reason))
            if state == AttendanceState.ABSENT_EXCUSED:
                excused[status] += 1
        else:
            # Marked exempt or elsewhere though the roll says required: count as absent with
            # that as the reason, so the figures never silently lose a member.
            figures.absences.append(Absence(member_id, names[member_id], status, AttendanceState.ABSENT_EXCUSED,
                                            reason or state.value))
    figures.absences.sort(key=lambda a: name_sort_key(a.full_name))
    figures.unrecorded.sort(key=name_sort_key)
    figures.quorum = voting_quorum(figures, excused, rules)
    return figures


def voting_quorum(figures: SessionFigures, excused: dict[MemberStatus, int], rules: CellRules) -> Quorum:
    """Who may vote and how many of them are present. Probationary members never vote (Điều lệ
    Đảng, Điều 3); members attached from another cell vote only where the cell's rules say so;
    exempt members are full members, counted when they come (Quy định 24-QĐ/TW 9.3.2 puts exempt
    members who are absent, and only those, outside the base)."""
    voting = [MemberStatus.FULL] + ([MemberStatus.ATTACHED] if rules.attached_members_vote else [])
    present = sum(figures.present[s] for s in voting) + figures.exempt_present
    base = sum(figures.summoned[s] for s in voting) + figures.exempt_present
    if rules.quorum_rule != QUORUM_ALL_SUMMONED:
        # Quy định 24-QĐ/TW 9.3.2: less those attending elsewhere (never summoned here) and those
        # absent with an approved reason.
        base -= sum(excused[s] for s in voting)
    return Quorum(rules.quorum_rule, base, present, rules.attached_members_vote)


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
            alive(CellSession)
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
        if absence is None:
            reason = "chưa được triệu tập"
        elif absence.state == AttendanceState.ABSENT_EXCUSED and absence.reason:
            reason = absence.reason
        else:
            reason = "không lý do"
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
        for o in db.exec(alive(Outreach).where(Outreach.document_id == document.id, col(Outreach.held_on) <= as_of))
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
    for document in db.exec(alive(Document).order_by(col(Document.issued_on).desc())):
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
