"""The member register and its status history."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field

from chibo.store.models.base import SyncedRecord


class Member(SyncedRecord, table=True):
    full_name: str
    sex: str = ""  # "Nam" / "Nữ"
    birth_date: date | None = None
    birth_year: int | None = None  # kept alone when only the year is known
    ethnicity: str = ""
    card_number: str = ""  # not validated: re-issued from 2025 in new formats
    admitted_on: date | None = None  # ngày vào Đảng
    official_on: date | None = None  # ngày chính thức
    phone: str = ""
    position: str = "dang_vien"  # CellPosition
    note: str = ""


class MemberStatusChange(SyncedRecord, table=True):
    """From `effective_on` the member has `status` in this cell. The first change is the day the
    member joined the cell; a member's status on any day is the latest change on or before it."""

    __tablename__ = "member_status_change"
    member_id: str = Field(foreign_key="member.id", index=True, max_length=36)
    status: str  # MemberStatus
    effective_on: date
    left_reason: str = ""  # LeftReason, when status is "left"
    note: str = ""


class Presenter(SyncedRecord, table=True):
    """A presenter (báo cáo viên) of the roster the upper level keeps."""

    full_name: str
    title: str = ""  # "Phó Bí thư Đảng ủy xã"
    organisation: str = ""
