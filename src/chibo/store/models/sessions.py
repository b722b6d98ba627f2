"""Sessions (buổi sinh hoạt / hội nghị) with their attendance and discussion.

The Python class is `CellSession` so it never shadows SQLAlchemy's `Session`; the table is
`session`, the name DESIGN.md and the sync bundles use."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from chibo.store.models.base import SyncedRecord


class CellSession(SyncedRecord, table=True):
    __tablename__ = "session"
    kind: str  # SessionKind
    form: str = "truc_tiep"  # SessionForm
    held_on: date = Field(index=True)
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    title: str = ""  # optional; the list shows kind and month when empty
    chair_id: str | None = Field(default=None, foreign_key="member.id", max_length=36)
    chair_name: str = ""  # a guest from the upper level who chairs, where the cell's rules allow it
    secretary_id: str | None = Field(default=None, foreign_key="member.id", max_length=36)
    presenter_id: str | None = Field(default=None, foreign_key="presenter.id", max_length=36)
    guests: str = ""  # guests from the upper level, one per line
    agenda: str = ""
    conclusion: str = ""
    votes_for: int | None = None
    votes_against: int | None = None
    votes_other: int | None = None
    minutes_approved: bool = False  # read out and approved before closing
    makeup_of_id: str | None = Field(default=None, foreign_key="session.id", max_length=36)
    number_symbol: str = ""  # of its minutes, "05-BB/CB"


class SessionDocument(SyncedRecord, table=True):
    __tablename__ = "session_document"
    __table_args__ = (UniqueConstraint("session_id", "document_id"),)
    session_id: str = Field(foreign_key="session.id", index=True, max_length=36)
    document_id: str = Field(foreign_key="document.id", index=True, max_length=36)


class Attendance(SyncedRecord, table=True):
    __table_args__ = (UniqueConstraint("session_id", "member_id"),)
    session_id: str = Field(foreign_key="session.id", index=True, max_length=36)
    member_id: str = Field(foreign_key="member.id", index=True, max_length=36)
    state: str  # AttendanceState
    reason: str = ""


class AgendaItem(SyncedRecord, table=True):
    """One item (nội dung) of a session's agenda, in order: what was presented and by whom, the
    speeches on it (`Speech.agenda_item_id`) and the chair's conclusion on that item."""

    __tablename__ = "agenda_item"
    session_id: str = Field(foreign_key="session.id", index=True, max_length=36)
    position: int = 0  # order in the minutes
    title: str  # "Đánh giá kết quả thực hiện nhiệm vụ tháng 10"
    document_id: str | None = Field(default=None, foreign_key="document.id", max_length=36)  # a document studied
    presenter_member_id: str | None = Field(default=None, foreign_key="member.id", max_length=36)
    presenter_id: str | None = Field(default=None, foreign_key="presenter.id", max_length=36)  # of the roster
    presenter_name: str = ""  # a guest who is neither
    presented: str = ""  # what was presented
    conclusion: str = ""  # the chair's conclusion on this item


class Speech(SyncedRecord, table=True):
    session_id: str = Field(foreign_key="session.id", index=True, max_length=36)
    agenda_item_id: str | None = Field(default=None, foreign_key="agenda_item.id", index=True, max_length=36)
    member_id: str | None = Field(default=None, foreign_key="member.id", max_length=36)
    speaker_name: str = ""  # for a guest who is not in the register
    content: str
    position: int = 0  # order in the minutes
