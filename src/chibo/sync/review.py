"""The review of what arrived, at the receiving level: each report or forward bundle received is
"Đã nhận" (received, the default), "Cần bổ sung" (the cell must add something: a note says what,
and travels back to the cell sealed in the next plan bundle, `review_notes`) or "Đã duyệt"
(approved); the warnings of the checks on import stay with it. A month can be closed ("chốt số
liệu"): bundles bringing its figures later are merged as always and flagged."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import col, select

from chibo.errors import NotFoundError, ValidationError
from chibo.services.cleaning import clean_text
from chibo.services.lookups import local_unit
from chibo.store.models import BundleReview, ClosedPeriod, KnownUnit
from chibo.sync.periods import month_words, parse_period
from chibo.text import format_date
from chibo.vocabulary import REVIEW_STATUS_LABELS, ReviewStatus, UnitRole

NOTE_LENGTH = 500  # a note travels sealed in the plan bundle's manifest, five per cell


@dataclass(frozen=True)
class Review:
    """A received bundle with its review, as the desk shows it."""

    id: str
    sender_unit_id: str
    sender_name: str
    seq: int
    kind: str
    received_at: datetime
    status: ReviewStatus
    note: str
    reviewed_at: datetime | None
    warnings: tuple[str, ...]
    periods: tuple[str, ...]
    after_close: bool

    def as_json(self) -> dict:
        return {"id": self.id, "sender_unit_id": self.sender_unit_id, "sender_name": self.sender_name, "seq": self.seq,
                "kind": self.kind, "received_at": self.received_at.isoformat(), "status": str(self.status),
                "status_label": REVIEW_STATUS_LABELS[self.status], "note": self.note or None,
                "reviewed_at": self.reviewed_at.isoformat() if self.reviewed_at else None,
                "warnings": list(self.warnings), "periods": list(self.periods), "after_close": self.after_close}


def require_receiving(db) -> None:
    if local_unit(db).role != UnitRole.RECEIVING:
        raise ValidationError("Duyệt gói và chốt số liệu chỉ có ở sổ của cấp nhận báo cáo (đảng ủy); sổ của chi bộ "
                              "không nhận gói báo cáo của ai.")


def _review(row: BundleReview, names: dict[str, str]) -> Review:
    return Review(row.id, row.sender_unit_id, names.get(row.sender_unit_id, ""), row.seq, row.kind, row.received_at,
                  ReviewStatus(row.status), row.note, row.reviewed_at, tuple(json.loads(row.warnings or "[]")),
                  tuple(json.loads(row.periods or "[]")), row.after_close)


def list_reviews(db, *, unit_id: str | None = None, limit: int | None = None) -> list[Review]:
    """The bundles received, newest first (of one unit with `unit_id`)."""
    require_receiving(db)
    names = {k.unit_id: k.name for k in db.exec(select(KnownUnit))}
    query = select(BundleReview).order_by(col(BundleReview.received_at).desc(), col(BundleReview.seq).desc())
    if unit_id:
        query = query.where(BundleReview.sender_unit_id == unit_id)
    if limit:
        query = query.limit(limit)
    return [_review(row, names) for row in db.exec(query)]


def find_review(db, unit_id: str, seq: int) -> BundleReview:
    require_receiving(db)
    row = db.exec(select(BundleReview).where(BundleReview.sender_unit_id == unit_id, BundleReview.seq == seq)).first()
    if row is None:
        known = db.get(KnownUnit, unit_id)
        raise NotFoundError(f"Chưa nhận gói số {seq} của “{known.name if known else unit_id}”. Các gói đã nhận: chibo "
                            "review list.")
    return row


def mark_review(db, review_id: str, status: str, note: str = "", *, now: datetime | None = None) -> BundleReview:
    """Mark a received bundle. "Cần bổ sung" needs a note saying what to add (one paragraph of at
    most 500 characters, no hidden characters): it goes back to the cell in the next plan bundle."""
    require_receiving(db)
    row = db.get(BundleReview, review_id)
    if row is None:
        raise NotFoundError("Không thấy gói này trong danh sách gói đã nhận.")
    try:
        status = ReviewStatus(status)
    except ValueError:
        raise ValidationError(f"Trạng thái duyệt “{status}” không hợp lệ: chỉ có Đã nhận, Cần bổ sung, Đã duyệt.") from None
    note = clean_text(note, "ghi chú gửi chi bộ", required=status == ReviewStatus.NEEDS_MORE, max_length=NOTE_LENGTH,
                      multiline=True)
    row.status, row.note, row.reviewed_at = status, note, now or datetime.now(UTC)
    db.add(row)
    return row


def close_period(db, period: str, *, now: datetime | None = None) -> ClosedPeriod:
    """Close a month's figures (chốt số liệu). Bundles bringing its figures later are still merged,
    and flagged as arrived after the closing."""
    require_receiving(db)
    period = parse_period(period)
    closed = db.get(ClosedPeriod, period)
    if closed is not None:
        raise ValidationError(f"Số liệu {month_words(period)} đã chốt ngày {format_date(closed.closed_at)}.")
    closed = ClosedPeriod(period=period, closed_at=now or datetime.now(UTC))
    db.add(closed)
    return closed


def reopen_period(db, period: str) -> None:
    """Undo a closing made by mistake; bundles flagged as late stay flagged."""
    require_receiving(db)
    period = parse_period(period)
    closed = db.get(ClosedPeriod, period)
    if closed is None:
        raise ValidationError(f"Số liệu {month_words(period)} chưa chốt.")
    db.delete(closed)


def closed_periods(db) -> dict[str, datetime]:
    return {row.period: row.closed_at for row in db.exec(select(ClosedPeriod).order_by(col(ClosedPeriod.period)))}
