"""Units waiting for the operator's word: a sender seen for the first time is held as pending
until its key fingerprint is compared with the one printed on its paper. Approving re-imports the
bundles that arrived while it waited (kept in `<data>/received/` by their hash)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlmodel import col, select

from chibo.errors import ChiboError
from chibo.store.models import BundleLog, KnownUnit
from chibo.sync.importer import ImportReport, import_bundle


@dataclass(frozen=True)
class PendingUnit:
    unit_id: str
    name: str
    fingerprint: str
    first_seen_at: datetime
    bundles: int  # bundles waiting in the archive


def pending_units(db) -> list[PendingUnit]:
    units = []
    for known in db.exec(select(KnownUnit).where(KnownUnit.approval == "pending").order_by(col(KnownUnit.first_seen_at))):
        waiting = {log.file_sha256 for log in db.exec(select(BundleLog).where(
            BundleLog.sender_unit_id == known.unit_id, BundleLog.outcome == "pending"))}
        units.append(PendingUnit(known.unit_id, known.name, known.fingerprint, known.first_seen_at, len(waiting)))
    return units


def _known(db, unit_id: str, fingerprint: str) -> KnownUnit:
    known = db.get(KnownUnit, unit_id)
    if known is None or known.approval != "pending":
        raise ChiboError("Đơn vị này không còn ở danh sách chờ xác nhận; hãy tải lại trang.")
    if known.fingerprint != fingerprint:  # the screen showed one key, the book holds another
        raise ChiboError("Mã khóa của đơn vị đã thay đổi so với mã vừa hiển thị; hãy tải lại trang và đối chiếu lại.")
    return known


def approve_unit(book, unit_id: str, fingerprint: str) -> list[ImportReport]:
    """Approve the key the operator compared, then import the bundles that waited, oldest first."""
    with book.session() as db:
        known = _known(db, unit_id, fingerprint)
        known.approval, known.approved_at = "approved", datetime.now(timezone.utc)
        db.add(known)
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
            reports.append(import_bundle(book, archived))
    return reports


def reject_unit(book, unit_id: str, fingerprint: str) -> None:
    """Refuse a sender for good: its bundles are refused from now on, with a sentence."""
    with book.session() as db:
        known = _known(db, unit_id, fingerprint)
        known.approval = "rejected"
        db.add(known)
