"""Completeness and timeliness of the cells' reports at the receiving level, after DHIS2's
reporting rates: for a month and for each document with a deadline, each cell expected to report
is received on time, received late, missing, or not yet due; the rates are received / expected
and on time / expected.

What counts, precisely:

- **A month's report** (period "2026-10") is received when this book holds a session of the cell
  (any kind, not deleted) held in that month. It is due on the month's last day plus the grace
  days (Cài đặt, default 5): the report of October 2026 is due on 5-11-2026.
- **A document's report** is received when this book holds a session of the cell (not deleted) at
  which the document (by its number-symbol) was studied. It is due on the document's deadline
  plus the grace days. The deadline is the one this level set (its own copy of the document,
  sent down in its plan bundle), else the one of the commune that vouched for the cell (at a
  province), else the one the cell recorded; a cell is expected to report on a document whose
  deadline one of those set for it.
- **On time**: the bundle that first brought such a session was imported here on or before the
  due day, by this computer's clock and time zone (`session_arrival`); **late**: after it;
  **missing**: nothing yet and the due day has passed; **not yet due**: nothing yet, due day to come.
- **Expected**: every cell approved here (its superior and the communes under a province apart)
  from the month it started: the earlier of its first session held and its first bundle seen.
- A month closed ("chốt số liệu") stays open to late bundles: they are merged and flagged as
  arrived after the closing (`after_close`), never refused."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache

from sqlalchemy import bindparam, text
from sqlmodel import col, func, select

from chibo.errors import ValidationError
from chibo.services.lookups import local_unit
from chibo.store.book import get_setting, set_setting
from chibo.store.models import (
    CellSession,
    ClosedPeriod,
    Document,
    KnownUnit,
    SessionArrival,
    SessionDocument,
)
from chibo.sync.keyring import current_superior
from chibo.sync.periods import month_of, month_words, period_bounds, previous_period
from chibo.sync.summary import received_units
from chibo.text import name_sort_key, rate_value, text_sort_key
from chibo.vocabulary import TIMELINESS_LABELS, CellPosition, MemberStatus, Timeliness, UnitRole

GRACE_SETTING = "report_grace_days"
DEFAULT_GRACE_DAYS = 5  # (check): no official text found; a setting
MAX_GRACE_DAYS = 60
DOCUMENT_WINDOW_DAYS = 366  # documents due up to a year before the month are still shown


def grace_days(db) -> int:
    return int(get_setting(db, GRACE_SETTING, DEFAULT_GRACE_DAYS))


def set_grace_days(db, days: int) -> None:
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_GRACE_DAYS:
        raise ValidationError(f"Số ngày gia hạn nộp báo cáo phải là số nguyên từ 0 đến {MAX_GRACE_DAYS}.")
    set_setting(db, GRACE_SETTING, days)


@dataclass(frozen=True)
class Secretary:
    full_name: str
    phone: str
    title: str  # "Bí thư", or "Phó Bí thư" where the cell has no secretary on its roll


@dataclass
class CellTimeliness:
    unit_id: str
    label: str
    status: Timeliness
    due: date
    received_at: datetime | None = None  # UTC
    after_close: bool = False
    secretary: Secretary | None = None
    last_seq: int = 0
    last_bundle_on: date | None = None

    @property
    def received_on(self) -> date | None:
        return local_day(self.received_at) if self.received_at else None

    def as_json(self) -> dict:
        return {"id": self.unit_id, "name": self.label, "status": str(self.status),
                "status_label": TIMELINESS_LABELS[self.status], "due": self.due.isoformat(),
                "received_on": self.received_on.isoformat() if self.received_on else None,
                "after_close": self.after_close,
                "secretary": self.secretary.full_name if self.secretary else None,
                "secretary_title": self.secretary.title if self.secretary else None,
                "phone": (self.secretary.phone or None) if self.secretary else None,
                "last_seq": self.last_seq or None,
                "last_bundle_on": self.last_bundle_on.isoformat() if self.last_bundle_on else None}


@dataclass
class Completeness:
    """One month, or one document with a deadline: each expected cell's state."""

    key: str  # "2026-10" or "57-NQ/TW"
    title: str  # "tháng 10/2026", or the document's number-symbol
    due: date
    deadline: date | None = None  # a document's; a month's is its last day
    closed_at: datetime | None = None
    cells: list[CellTimeliness] = field(default_factory=list)

    @property
    def closed_on(self) -> date | None:
        return local_day(self.closed_at) if self.closed_at else None

    @property
    def counts(self) -> Counter:
        return Counter(cell.status for cell in self.cells)

    @property
    def expected(self) -> int:
        return len(self.cells)

    @property
    def received(self) -> int:
        return self.counts[Timeliness.ON_TIME] + self.counts[Timeliness.LATE]

    def as_json(self) -> dict:
        counts = self.counts
        return {"key": self.key, "title": self.title, "deadline": self.deadline.isoformat() if self.deadline else None,
                "due": self.due.isoformat(), "expected": self.expected, "received": self.received,
                **{str(status): counts[status] for status in Timeliness},
                "reporting_rate": rate_value(self.received, self.expected),
                "on_time_rate": rate_value(counts[Timeliness.ON_TIME], self.expected),
                "closed_on": self.closed_on.isoformat() if self.closed_on else None,
                "units": [cell.as_json() for cell in self.cells]}


@dataclass
class CompletenessReport:
    period: Completeness
    documents: list[Completeness]
    grace_days: int
    today: date

    def as_json(self) -> dict:
        return {"period": self.period.key, "today": self.today.isoformat(), "grace_days": self.grace_days,
                "month": self.period.as_json(), "documents": [d.as_json() for d in self.documents]}


def _utc(moment: datetime) -> datetime:
    """The book keeps UTC moments without their zone (SQLite); those made here carry it."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@cache
def _local_zone():
    return datetime.now().astimezone().tzinfo


def local_day(moment: datetime) -> date:
    """The day of a stored UTC moment on this computer's clock (a commune's PC: Vietnam's time, which
    keeps no summer time: the zone is read once)."""
    return _utc(moment).astimezone(_local_zone()).date()


@dataclass
class _Cell:
    unit_id: str
    label: str
    start: date
    plans_from: str | None  # the unit whose documents it studies besides its own (`summary.received_units`)
    secretary: Secretary | None = None
    last_seq: int = 0
    last_bundle_on: date | None = None


_OFFICERS = text(f"""
SELECT m.unit_id, m.position, m.full_name, m.phone,
  (SELECT c.status FROM member_status_change c WHERE c.member_id = m.id AND c.deleted_at IS NULL
     AND c.effective_on <= :today ORDER BY c.effective_on DESC, c.rev DESC LIMIT 1) AS status
FROM member m WHERE m.deleted_at IS NULL AND m.unit_id IN :units
  AND m.position IN ('{CellPosition.SECRETARY.value}', '{CellPosition.DEPUTY.value}')
""").bindparams(bindparam("units", expanding=True))


def _secretaries(db, unit_ids: list[str], today: date) -> dict[str, Secretary]:
    """Each cell's secretary on its roll today, as its member register (sent in its bundles) says,
    else its deputy: whom the commune phones."""
    found: dict[str, list] = {}
    if not unit_ids:
        return {}
    for unit_id, position, name, phone, status in db.connection().execute(_OFFICERS, {"units": unit_ids,
                                                                                      "today": today}):
        if status is None or status == MemberStatus.LEFT:
            continue
        rank = 0 if position == CellPosition.SECRETARY else 1
        found.setdefault(unit_id, []).append((rank, name_sort_key(name), name, phone))
    return {unit_id: Secretary(best[2], best[3], "Bí thư" if best[0] == 0 else "Phó Bí thư")
            for unit_id, rows in found.items() for best in [min(rows)]}


def expected_cells(db, today: date) -> list[_Cell]:
    """The cells this level expects reports from, in name order (names shared by two cells carry
    the key fingerprint): the units the summed figures count (`summary.received_units`), the
    communes under a province apart. Each with the unit whose documents it studies besides its own."""
    summed = received_units(db, local_unit(db).id, current_superior(db).get("unit_id"))
    units = [u for u in summed if u.role != UnitRole.RECEIVING]
    seen = dict(db.exec(select(KnownUnit.unit_id, KnownUnit.first_seen_at)).all())
    first_held = dict(db.exec(select(CellSession.unit_id, func.min(CellSession.held_on))
                              .where(col(CellSession.deleted_at).is_(None)).group_by(CellSession.unit_id)).all())
    names = Counter(u.name for u in units)
    cells = []
    for unit in sorted(units, key=lambda u: (text_sort_key(u.name), u.fingerprint)):
        start = local_day(seen[unit.unit_id])
        start = min(start, first_held[unit.unit_id]) if unit.unit_id in first_held else start
        label = f"{unit.name} (mã khóa {unit.fingerprint})" if names[unit.name] > 1 else unit.name
        last = unit.last_bundle_at  # the day (UTC) of the latest bundle imported from it
        cells.append(_Cell(unit.unit_id, label, start, unit.plans_from, last_seq=unit.last_seq,
                           last_bundle_on=date.fromisoformat(last) if last else None))
    officers = _secretaries(db, [c.unit_id for c in cells], today)
    for cell in cells:
        cell.secretary = officers.get(cell.unit_id)
    return cells


def _judge(cell: _Cell, received: datetime | None, due: date, today: date, closed_at: datetime | None) -> CellTimeliness:
    if received is None:
        status = Timeliness.MISSING if today > due else Timeliness.NOT_DUE
    else:
        status = Timeliness.ON_TIME if local_day(received) <= due else Timeliness.LATE
    late_after_close = bool(received and closed_at and _utc(received) > _utc(closed_at))
    return CellTimeliness(cell.unit_id, cell.label, status, due, received, late_after_close, cell.secretary,
                          cell.last_seq, cell.last_bundle_on)


def month_completeness(db, period: str, cells: list[_Cell], grace: int, today: date) -> Completeness:
    start, end = period_bounds(period)
    arrived = dict(db.exec(
        select(CellSession.unit_id, func.min(SessionArrival.received_at))
        .join(SessionArrival, col(SessionArrival.session_id) == col(CellSession.id))
        .where(col(CellSession.deleted_at).is_(None), col(CellSession.held_on) >= start, col(CellSession.held_on) <= end)
        .group_by(CellSession.unit_id)).all())
    closed = db.get(ClosedPeriod, period)
    result = Completeness(period, month_words(period), end + timedelta(days=grace), end,
                          closed.closed_at if closed else None)
    result.cells = [_judge(cell, arrived.get(cell.unit_id), result.due, today, result.closed_at)
                    for cell in cells if month_of(cell.start) <= period]
    return result


def document_completeness(db, cells: list[_Cell], grace: int, today: date, since: date) -> list[Completeness]:
    """Each document with a deadline (set for at least one cell, due on or after `since`), newest
    deadline first."""
    local = local_unit(db).id
    deadlines: dict[str, dict[str, date]] = {}
    for unit_id, symbol, deadline in db.exec(
            select(Document.unit_id, Document.number_symbol, func.min(Document.deadline))
            .where(col(Document.deleted_at).is_(None), col(Document.deadline) >= since - timedelta(days=grace))
            .group_by(Document.unit_id, Document.number_symbol)):
        deadlines.setdefault(symbol, {})[unit_id] = deadline
    if not deadlines:
        return []
    # The first arrival of a session studying each of those documents, per cell (one GROUP BY).
    arrived = {(unit_id, symbol): moment for unit_id, symbol, moment in db.exec(
        select(CellSession.unit_id, Document.number_symbol, func.min(SessionArrival.received_at))
        .join(SessionDocument, col(SessionDocument.session_id) == col(CellSession.id))
        .join(Document, col(Document.id) == col(SessionDocument.document_id))
        .join(SessionArrival, col(SessionArrival.session_id) == col(CellSession.id))
        .where(col(CellSession.deleted_at).is_(None), col(SessionDocument.deleted_at).is_(None),
               col(Document.number_symbol).in_(sorted(deadlines)))
        .group_by(CellSession.unit_id, Document.number_symbol))}
    results = []
    for symbol, owners in deadlines.items():
        set_for = {}
        for cell in cells:
            deadline = owners.get(cell.plans_from) or owners.get(cell.unit_id)
            if deadline is not None and month_of(cell.start) <= month_of(deadline):
                set_for[cell.unit_id] = deadline
        if not set_for:
            continue
        # This level's own deadline is the document's; where only the cells set one, the latest.
        deadline = owners.get(local) or max(set_for.values())
        result = Completeness(symbol, symbol, deadline + timedelta(days=grace), deadline)
        result.cells = [_judge(cell, arrived.get((cell.unit_id, symbol)), set_for[cell.unit_id] + timedelta(days=grace),
                               today, None) for cell in cells if cell.unit_id in set_for]
        if result.due >= since:
            results.append(result)
    results.sort(key=lambda r: (r.deadline, r.key), reverse=True)
    return results


def completeness(db, period: str | None = None, today: date | None = None) -> CompletenessReport:
    """The completeness of `period` (the month before today's by default) and of the documents with
    a deadline due from a year before that month on. Receiving level only."""
    if local_unit(db).role != UnitRole.RECEIVING:
        raise ValidationError("Tình hình báo cáo của các chi bộ chỉ có ở sổ của cấp nhận báo cáo (đảng ủy); sổ của chi "
                              "bộ không nhận báo cáo của ai.")
    today = today or date.today()
    period = period or previous_period(today)
    grace = grace_days(db)
    cells = expected_cells(db, today)
    since = period_bounds(period)[0] - timedelta(days=DOCUMENT_WINDOW_DAYS)
    return CompletenessReport(month_completeness(db, period, cells, grace, today),
                              document_completeness(db, cells, grace, today, since), grace, today)
