"""What waits for the operator's word: a unit seen for the first time, a new key of a known unit
(with the fingerprint approved before, to compare both), and at a cell a plan bundle from a unit
other than its superior. Approving re-imports the bundles that arrived while it waited (kept in
`<data>/received/` by their hash); rejecting refuses that key (or that unit) from then on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import col, select

from chibo.errors import ChiboError
from chibo.services.lookups import local_unit
from chibo.store.models import BundleLog, KnownKey, KnownUnit
from chibo.sync.import_report import ImportReport
from chibo.sync.importer import import_bundle
from chibo.sync.keyring import approve_key, key_row, superior_flag
from chibo.vocabulary import UnitRole


@dataclass(frozen=True)
class PendingKey:
    unit_id: str
    name: str
    fingerprint: str  # the key to compare
    previous_fingerprint: str  # a key change: the key approved before ("" for a new unit)
    first_seen_at: datetime
    bundles: int  # bundles waiting in the archive
    reason: str  # the sentence the last held bundle was given
    flag: str  # the unit's superior is not this one: approving needs a second, explicit word
    superior: bool = False  # the unit sends plan bundles: it asks to be this unit's superior


def pending_keys(db) -> list[PendingKey]:
    """Everything waiting, in the order the units were first seen: three queries whatever the
    number of units (a commune of 300 cells asked two per cell on every load of its exchange page)."""
    local = local_unit(db)
    new_keys: dict[str, list[KnownKey]] = {}
    for key in db.exec(select(KnownKey).where(KnownKey.status == "pending")):
        new_keys.setdefault(key.unit_id, []).append(key)
    held: dict[str, list[BundleLog]] = {}
    for log in db.exec(select(BundleLog).where(BundleLog.outcome == "pending").order_by(col(BundleLog.received_at).desc())):
        held.setdefault(log.sender_unit_id, []).append(log)
    found = []
    for known in db.exec(select(KnownUnit).order_by(col(KnownUnit.first_seen_at))):
        if known.approval == "pending":
            keys = [(known.fingerprint, "", known.first_seen_at)]
        elif known.approval in ("approved", "former"):
            keys = [(k.fingerprint, known.fingerprint, k.first_seen_at) for k in new_keys.get(known.unit_id, [])
                    if k.signing_key != known.signing_key]
        else:
            continue
        if not keys:
            continue
        waiting = held.get(known.unit_id, [])
        kinds = {log.kind for log in waiting}
        downward = "plan" in kinds if kinds else local.role != UnitRole.RECEIVING
        flag = superior_flag(local, known.name, known.superior_name, downward=downward)
        for fingerprint, previous, seen in keys:
            found.append(PendingKey(known.unit_id, known.name, fingerprint, previous, seen,
                                    len({log.file_sha256 for log in waiting}), waiting[0].reason if waiting else "",
                                    flag, downward))
    return found


def _pending(db, unit_id: str, fingerprint: str) -> PendingKey:
    entry = next((p for p in pending_keys(db) if p.unit_id == unit_id and p.fingerprint == fingerprint), None)
    if entry is None:  # the screen showed one key, the book holds another (or it was decided meanwhile)
        raise ChiboError("Mã khóa này không còn ở danh sách chờ xác nhận (đã được xử lý, hoặc đơn vị đã gửi khóa khác); "
                         "hãy tải lại trang và đối chiếu lại.")
    return entry


def approve_pending(book, unit_id: str, fingerprint: str, *, other_superior: bool = False) -> list[ImportReport]:
    """Approve the key the operator compared, then import the bundles that waited, oldest first."""
    with book.session() as db:
        entry = _pending(db, unit_id, fingerprint)
        if entry.flag and not other_superior:
            raise ChiboError(entry.flag + " Hãy đánh dấu ô xác nhận thêm rồi bấm xác nhận lại.")
        known = db.get(KnownUnit, unit_id)
        key = known.signing_key if not entry.previous_fingerprint else next(
            k.signing_key for k in db.exec(select(KnownKey).where(KnownKey.unit_id == unit_id))
            if k.fingerprint == fingerprint)
        row = key_row(db, unit_id, key)
        approve_key(db, unit_id=unit_id, name=known.name, signing_key=key, fingerprint=fingerprint,
                    seq=row.first_seq if row else None, superior_name=known.superior_name,
                    now=datetime.now(UTC))
    return import_waiting(book, unit_id, approve={fingerprint}, other_superior=other_superior)


def import_waiting(book, unit_id: str, *, approve=frozenset(), other_superior: bool = False) -> list[ImportReport]:
    """Import again, oldest first, the bundles of a unit that were held."""
    with book.session() as db:
        waiting = list(db.exec(select(BundleLog).where(BundleLog.sender_unit_id == unit_id,
                                                       BundleLog.outcome == "pending")
                               .order_by(col(BundleLog.seq), col(BundleLog.received_at))))
    reports, seen = [], set()
    for entry in waiting:
        if entry.file_sha256 in seen:
            continue
        seen.add(entry.file_sha256)
        archived = book.folder / "received" / f"{entry.file_sha256}.chibo"
        if archived.is_file():
            reports.append(import_bundle(book, archived, approve=approve, other_superior=other_superior))
    return reports


def reject_pending(book, unit_id: str, fingerprint: str) -> None:
    """Refuse the key for good: its bundles are refused from now on, with a sentence. A new unit is
    refused as a unit; a known unit keeps the key approved before (a cell keeps its superior)."""
    with book.session() as db:
        entry = _pending(db, unit_id, fingerprint)
        known = db.get(KnownUnit, unit_id)
        for key in db.exec(select(KnownKey).where(KnownKey.unit_id == unit_id, KnownKey.status == "pending")):
            if key.fingerprint == fingerprint:
                key.status = "rejected"
                db.add(key)
        if not entry.previous_fingerprint:
            was_approved = db.exec(select(KnownKey).where(KnownKey.unit_id == unit_id,
                                                          col(KnownKey.status).in_(("approved", "retired")))).first()
            known.approval = "former" if was_approved else "rejected"
            db.add(known)
