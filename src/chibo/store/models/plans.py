"""Learning essays, action plans and outreach to non-members."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field

from chibo.store.models.base import SyncedRecord


class Essay(SyncedRecord, table=True):
    """A learning essay (bài thu hoạch); the grade is a word of the configurable scale."""

    member_id: str = Field(foreign_key="member.id", index=True, max_length=36)
    document_id: str = Field(foreign_key="document.id", index=True, max_length=36)
    submitted_on: date | None = None
    grade: str = ""
    must_rewrite: bool = False
    note: str = ""


class ActionPlan(SyncedRecord, table=True):
    """The cell's programme for a document, or a member's individual yearly plan (member_id set)."""

    __tablename__ = "action_plan"
    title: str
    document_id: str | None = Field(default=None, foreign_key="document.id", max_length=36)
    member_id: str | None = Field(default=None, foreign_key="member.id", max_length=36)
    year: int
    adopted_on: date | None = None
    review_note: str = ""  # sơ kết / tổng kết
    number_symbol: str = ""


class ActionItem(SyncedRecord, table=True):
    __tablename__ = "action_item"
    plan_id: str = Field(foreign_key="action_plan.id", index=True, max_length=36)
    content: str
    target: str = ""
    owner_id: str | None = Field(default=None, foreign_key="member.id", max_length=36)
    owner_text: str = ""  # "Chi ủy", "Toàn chi bộ" ...
    deadline: date | None = None
    status: str = "chua_thuc_hien"  # ItemStatus
    done_on: date | None = None
    review_note: str = ""
    position: int = 0


class Outreach(SyncedRecord, table=True):
    """Outreach to non-members: counted heads, never named."""

    kind: str  # OutreachKind
    held_on: date
    document_id: str | None = Field(default=None, foreign_key="document.id", max_length=36)
    audience: int = 0  # people reached
    quantity: int = 1  # items: news pieces, broadcasts, posters ...
    description: str = ""
