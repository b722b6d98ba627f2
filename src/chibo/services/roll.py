"""Who was in the cell, and with which status, on any day: built once from the status history so
that figures over many sessions need one query, not one per member per session; and who is called
to a session (`expected_members`), which the sessions, their rules and their figures all ask.

The class needs no database layer: `Roll.load` reads it through the engine, `glance.roll` through
the plain sqlite3 reader of the first screen; SQLModel is imported only by the functions that read."""

from __future__ import annotations

import bisect
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from chibo.text import body_date
from chibo.vocabulary import ON_ROLL_STATUSES, REQUIRED_STATUSES, AttendanceState, MemberStatus, SessionKind

if TYPE_CHECKING:
    from chibo.store.models import CellSession


class Roll:
    def __init__(self, changes):
        """`changes`: status changes (objects with member_id, effective_on, status), in the order
        they apply: by day, and within a day by rev."""
        by_member: dict[str, list[tuple[date, int, str]]] = defaultdict(list)
        for order, change in enumerate(changes):
            by_member[change.member_id].append((change.effective_on, order, change.status))
        self._history = {m: sorted(rows) for m, rows in by_member.items()}
        self._dates = {m: [row[0] for row in rows] for m, rows in self._history.items()}

    @classmethod
    def load(cls, db, unit_id: str | None = None) -> Roll:
        """The roll of the book, or of one cell's members: `unit_id`, else the cell the session
        views at a receiving level (`services.viewing`)."""
        from sqlmodel import col

        from chibo.services.lookups import alive
        from chibo.services.viewing import viewed_unit_id
        from chibo.store.models import Member, MemberStatusChange

        unit_id = unit_id or viewed_unit_id(db)

        # Rows changed later win over rows of the same day: order by rev within a day.
        query = (
            alive(MemberStatusChange)
            .join(Member, col(Member.id) == col(MemberStatusChange.member_id))
            .where(col(Member.deleted_at).is_(None))
            .order_by(col(MemberStatusChange.effective_on), col(MemberStatusChange.rev))
        )
        if unit_id is not None:
            query = query.where(MemberStatusChange.unit_id == unit_id)
        changes = db.exec(query).all()
        return cls(list(changes))

    def status(self, member_id: str, day: date) -> MemberStatus | None:
        """The member's status on `day`, None before the member joined the cell."""
        dates = self._dates.get(member_id)
        if not dates:
            return None
        index = bisect.bisect_right(dates, day) - 1
        if index < 0:
            return None
        return MemberStatus(self._history[member_id][index][2])

    def current(self, member_id: str) -> MemberStatus | None:
        rows = self._history.get(member_id)
        return MemberStatus(rows[-1][2]) if rows else None

    def joined_on(self, member_id: str) -> date | None:
        dates = self._dates.get(member_id)
        return dates[0] if dates else None

    def on_roll(self, day: date) -> dict[str, MemberStatus]:
        """Every member in the cell on `day` (exempt and away included, those who left not)."""
        result = {}
        for member_id in self._history:
            status = self.status(member_id, day)
            if status in ON_ROLL_STATUSES:
                result[member_id] = status
        return result

    def required(self, day: date) -> dict[str, MemberStatus]:
        """Members who must attend and study on `day`: full, probationary, attached."""
        return {m: s for m, s in self.on_roll(day).items() if s in REQUIRED_STATUSES}

    def history(self, member_id: str) -> list[tuple[date, MemberStatus]]:
        return [(d, MemberStatus(s)) for d, _, s in self._history.get(member_id, [])]


def missing_reason(absence: tuple[str, str] | None, joined_on: date | None, last_held: date | None) -> str:
    """Why a member who must study a document has not: the reason of the latest absence from its
    sessions, "không lý do", or, never called to one, "chưa được triệu tập"; a member who came to
    the cell after its last study session says so ("vào chi bộ ngày 14-8-2026, sau buổi học", the
    date as a Party paper writes it in its body, where the reason is printed): such a member still
    owes the study (a make-up), but was never absent from it."""
    if absence is not None:
        state, reason = absence
        return reason if state == AttendanceState.ABSENT_EXCUSED and reason else "không lý do"
    if joined_on is not None and last_held is not None and joined_on > last_held:
        return f"vào chi bộ ngày {body_date(joined_on)}, sau buổi học"
    return "chưa được triệu tập"


def expected_members(db, session: CellSession, roll: Roll | None = None) -> dict[str, MemberStatus]:
    """Who is called to the session with their status that day: the whole roll of the session's
    cell for a meeting, the invited members for a make-up."""
    from sqlmodel import select

    from chibo.store.models import Attendance

    roll = roll or Roll.load(db, unit_id=session.unit_id)
    on_roll = roll.on_roll(session.held_on)
    if session.kind != SessionKind.MAKEUP:
        return on_roll
    # Whole rows, as the sessions module reads them: the order SQLite returns them in is the
    # order the called members keep (a narrower query may take another index, another order).
    rows = db.exec(select(Attendance).where(Attendance.session_id == session.id))
    invited = [row.member_id for row in rows if row.deleted_at is None]
    return {m: on_roll[m] for m in invited if m in on_roll}
