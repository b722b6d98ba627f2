"""The figures of a roll call, counted from who was called and how each was marked: the same sums
for a saved session (`figures.session_figures`), the editor while it is filled, and the lists read
through the plain sqlite3 reader (`glance.sessions_between`). No database layer here."""

from __future__ import annotations

from dataclasses import dataclass, field

from chibo.services.settings import QUORUM_ALL_SUMMONED, CellRules
from chibo.text import name_sort_key
from chibo.vocabulary import AttendanceState, MemberStatus

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
