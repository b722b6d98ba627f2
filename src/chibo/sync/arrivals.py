"""What the receiving level notes of each report or forward bundle it imports, in the import's own
transaction: when each session in it first arrived (for timeliness), the months it carried, the
warnings of the checks (`checks`), whether it brought figures of a month already closed, and a row
to review it by (`review`). A forward bundle is reviewed as one bundle of its sender; the bundles
of the cells it carries give their sessions' arrival and their warnings, each named by its cell."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import select

from chibo.store.models import BundleReview, ClosedPeriod, KnownUnit, SessionArrival
from chibo.sync.checks import bundle_warnings
from chibo.sync.periods import month_of, month_words
from chibo.text import format_date

_SESSION_CHILDREN = ("attendance", "session_document", "speech", "agenda_item")
_DOCUMENT_CHILDREN = ("essay", "session_document", "outreach", "action_plan")

_HELD = text("SELECT id, held_on FROM session WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
_STUDIED = text("SELECT DISTINCT document_id FROM session_document WHERE deleted_at IS NULL AND session_id IN :ids"
                ).bindparams(bindparam("ids", expanding=True))


def _note_arrivals(db, unit_id: str, seq: int, session_ids: list[str], now: datetime) -> None:
    """The first arrival of each session stays: a session carried again changes nothing."""
    if session_ids:
        statement = sqlite_insert(SessionArrival.__table__).on_conflict_do_nothing(index_elements=["session_id"])
        db.connection().execute(statement, [{"session_id": s, "unit_id": unit_id, "received_at": now, "seq": seq}
                                            for s in session_ids])


def _touched(db, records: list[dict]) -> tuple[set[str], set[str], dict[str, date]]:
    """The sessions and documents a bundle's records belong to, and the day each session was held."""
    sessions = {r["id"] for r in records if r["table"] == "session"}
    sessions |= {r["values"]["session_id"] for r in records if r["table"] in _SESSION_CHILDREN}
    documents = {r["id"] for r in records if r["table"] == "document"}
    documents |= {r["values"]["document_id"] for r in records
                  if r["table"] in _DOCUMENT_CHILDREN and r["values"].get("document_id")}
    held = {}
    if sessions:
        connection = db.connection()
        held = {row[0]: date.fromisoformat(str(row[1])) for row in connection.execute(_HELD, {"ids": sorted(sessions)})}
        documents |= {row[0] for row in connection.execute(_STUDIED, {"ids": sorted(sessions)})}
    return sessions, documents, held


def receive(db, manifest: dict, records: list[dict], nested: list, digest: str,
            now: datetime) -> tuple[BundleReview, list[str]]:
    """Note what a merged report or forward bundle brought; returns its review row and its warnings.
    `nested` are the cells' bundles a forward bundle carried (`forwarded.NestedBundle`)."""
    parts = [(manifest["sender_unit_id"], manifest["seq"], records, "")]
    names = {k.unit_id: k.name for k in db.exec(select(KnownUnit))}
    parts += [(n.sender_unit_id, n.seq, n.records, names.get(n.sender_unit_id, n.sender_name)) for n in nested]
    warnings, months = [], set()
    for unit_id, seq, unit_records, name in parts:
        _note_arrivals(db, unit_id, seq, sorted(r["id"] for r in unit_records if r["table"] == "session"), now)
        sessions, documents, held = _touched(db, unit_records)
        months |= {month_of(day) for day in held.values()}
        found = bundle_warnings(db, unit_id, sessions, documents)
        warnings += [f"{name}: {w}" for w in found] if name else found
    closed = {row.period: row.closed_at for row in db.exec(select(ClosedPeriod)) if row.period in months}
    for period in sorted(closed):
        warnings.append(f"Gói mang số liệu {month_words(period)}, đã chốt số liệu ngày "
                        f"{format_date(closed[period].date())}: đến sau khi chốt (vẫn được nhập, đánh dấu muộn).")
    review = db.exec(select(BundleReview).where(BundleReview.sender_unit_id == manifest["sender_unit_id"],
                                                BundleReview.seq == manifest["seq"])).first()
    if review is None:  # the same bundle imported again keeps its first review
        review = BundleReview(sender_unit_id=manifest["sender_unit_id"], seq=manifest["seq"], kind=manifest["kind"],
                              file_sha256=digest, received_at=now, warnings=json.dumps(warnings, ensure_ascii=False),
                              periods=json.dumps(sorted(months)), after_close=bool(closed))
        db.add(review)
    return review, warnings
