"""The month's to-do board of a cell (Tổng quan): what the secretary has to see to this month,
computed from the book through the plain sqlite3 reader (`chibo.services.glance`), so that the
first screen shows it without SQLAlchemy and without building an ORM object.

What is on it: this month's regular meeting (recorded or not), the documents still being studied
with their progress and deadline, who needs a make-up for which document, the essays not handed
in, the overdue tasks of the plans, and where the report bundles stand. Each list is whole: the
screen decides how much of it to show."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from chibo.services import glance
from chibo.services.superior_notes import superior_notes
from chibo.store.reader import Reader
from chibo.vocabulary import SessionKind, UnitRole


@dataclass
class MonthBoard:
    today: date
    unit: glance.UnitGlance
    members: glance.Members
    meetings: list[glance.SessionGlance] = field(default_factory=list)  # this month's regular meetings, newest first
    next_session: glance.SessionGlance | None = None  # the nearest session recorded ahead of today
    last_meeting: glance.SessionGlance | None = None  # the latest regular meeting before this month
    studying: list[glance.DocumentStudy] = field(default_factory=list)  # not yet studied by everyone required
    overdue: list[glance.OverdueTask] = field(default_factory=list)
    exchange: glance.ExchangeState | None = None  # a cell's report bundles
    all_studies: list[glance.DocumentStudy] = field(default_factory=list)  # every document, studied or not
    names: dict[str, str] = field(default_factory=dict)  # member id -> full name, for the ids above
    superior_notes: list = field(default_factory=list)  # SuperiorNote: the level above's review of our bundles

    @property
    def month_start(self) -> date:
        return self.today.replace(day=1)

    @property
    def meeting(self) -> glance.SessionGlance | None:
        """This month's regular meeting, if it was recorded (the latest, should there be two)."""
        return self.meetings[0] if self.meetings else None

    @property
    def meeting_day(self) -> date:
        """The day to propose for recording this month's meeting: the cell's usual day of the month
        (that of its last regular meeting) if it has come this month, else today."""
        if self.last_meeting is None:
            return self.today
        last_day = calendar.monthrange(self.today.year, self.today.month)[1]
        usual = self.today.replace(day=min(self.last_meeting.held_on.day, last_day))
        return usual if usual <= self.today else self.today

    @property
    def makeups(self) -> list[glance.DocumentStudy]:
        """Documents studied at a session already, with members required who missed it: they need a make-up."""
        return [s for s in self.studying if s.latest_session_id is not None]

    @property
    def essays(self) -> list[glance.DocumentStudy]:
        """Documents with essays still to hand in by members who studied them."""
        return [s for s in self.all_studies if s.essays_missing]


def _deadline_order(study: glance.DocumentStudy):
    deadline = study.document.deadline
    return (deadline is None, deadline or date.max, study.document.number_symbol)


def month_board(reader: Reader, today: date | None = None) -> MonthBoard:
    """The board of the book's own unit on `today` (default: today)."""
    today = today or date.today()
    unit = glance.local_unit(reader)
    if unit is None:
        raise LookupError("the book has no unit yet")
    roll = glance.roll(reader)
    names = glance.member_names(reader)
    board = MonthBoard(today, unit, glance.members_on(roll, today), names=names)
    last_day = today.replace(day=calendar.monthrange(today.year, today.month)[1])
    board.meetings = [s for s in glance.sessions_between(reader, board.month_start, last_day, roll)
                      if s.kind == SessionKind.REGULAR]
    before = glance.sessions_between(reader, board.month_start - timedelta(days=400), board.month_start - timedelta(days=1),
                                     roll)
    board.last_meeting = next((s for s in before if s.kind == SessionKind.REGULAR), None)
    ahead = glance.sessions_between(reader, today + timedelta(days=1), date.max, roll)
    board.next_session = ahead[-1] if ahead else None  # newest first: the last is the nearest
    board.all_studies = glance.study(reader, today, roll, glance.documents(reader), names)
    board.studying = sorted((s for s in board.all_studies if s.missing), key=_deadline_order)
    board.overdue = glance.overdue_tasks(reader, today)
    if unit.role == UnitRole.CELL:
        board.exchange = glance.exchange_state(reader)
        board.superior_notes = superior_notes(reader)
    return board
