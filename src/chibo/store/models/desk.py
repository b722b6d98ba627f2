"""The receiving level's desk: when each of its cells' sessions first arrived (timeliness), the
review of every bundle received (Đã nhận / Cần bổ sung / Đã duyệt, with the warnings its checks
gave), and the months whose figures were closed ("chốt số liệu"). Local to this installation;
never synced (a review note travels down sealed in the plan bundle's manifest, `sync.review_notes`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from chibo.store.models.base import new_id, utcnow


class SessionArrival(SQLModel, table=True):
    """The first bundle that brought a session of another unit into this book: a later bundle
    carrying the same session again (updated, or a full bundle) never moves it."""

    __tablename__ = "session_arrival"
    session_id: str = Field(primary_key=True, max_length=36)
    unit_id: str = Field(index=True, max_length=36)  # the session's owner
    received_at: datetime  # UTC, the import of that bundle
    seq: int | None = None  # the owner's bundle number


class BundleReview(SQLModel, table=True):
    """A received report or forward bundle as the receiving level's officer reviewed it."""

    __tablename__ = "bundle_review"
    __table_args__ = (UniqueConstraint("sender_unit_id", "seq"),)
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    sender_unit_id: str = Field(index=True, max_length=36)
    seq: int
    kind: str = "report"  # report / forward
    file_sha256: str = ""
    received_at: datetime = Field(default_factory=utcnow)
    status: str = "received"  # ReviewStatus
    note: str = ""  # what the cell must add (Cần bổ sung): travels back in the next plan bundle
    reviewed_at: datetime | None = None
    warnings: str = "[]"  # JSON list of the sentences the checks on import gave
    periods: str = "[]"  # JSON list of the months ("2026-10") whose sessions the bundle carried
    after_close: bool = False  # carried figures of a month already closed: flagged, still merged


class ClosedPeriod(SQLModel, table=True):
    """A month whose figures the receiving level closed (chốt số liệu): what arrives for it later is
    merged as always and flagged as late."""

    __tablename__ = "closed_period"
    period: str = Field(primary_key=True, max_length=7)  # "2026-10"
    closed_at: datetime = Field(default_factory=utcnow)
