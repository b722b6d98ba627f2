"""Import of bundles: report bundles at the receiving level, plan bundles at a cell. Every check of
DESIGN.md in its order, the first failure stops with a Vietnamese reason and nothing written but
the `bundle_log` entry; a sender or key that needs a person's word is held (archived, logged) until
its fingerprint is approved (`keyring`); then the file is archived and one transaction upserts
by (id, rev) (`merge`). Nothing logged here carries a record's values."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from chibo.errors import ChiboError, disk_full, is_disk_full
from chibo.services.units import local_unit
from chibo.store.files import private_folder, write_atomically
from chibo.store.models import BundleLog, KnownUnit
from chibo.store.records import IMPORTING
from chibo.sync.bundle import DAMAGED, BundleRefused, gunzip_capped, read_bundle
from chibo.sync.keyring import Verdict, approve_key, hold, judge
from chibo.sync.keys import b64, fingerprint, load_keys, retired_private_keys, unb64
from chibo.sync.manifest import parse_manifest
from chibo.sync.merge import apply_plan, upsert
from chibo.sync.payload import parse_records
from chibo.vocabulary import UnitRole

log = logging.getLogger(__name__)
OUTCOMES = ("new", "updated", "duplicate", "stale", "conflict")


@dataclass
class ImportReport:
    file: str
    outcome: str  # imported / pending / rejected (verify: verified)
    reason: str = ""
    sender_name: str = ""
    sender_unit_id: str | None = None
    fingerprint: str = ""
    seq: int | None = None
    counts: dict[str, int] = field(default_factory=lambda: {o: 0 for o in OUTCOMES})
    conflicts: list[dict] = field(default_factory=list)
    previous_fingerprint: str = ""  # pending on a key change: the key approved before
    flag: str = ""  # the sender's declared superior is not this unit: approval needs a second word
    approved: bool = False  # this import approved the sender's key

    def as_json(self) -> dict:
        return {"file": self.file, "outcome": self.outcome, "reason": self.reason, "sender_name": self.sender_name,
                "sender_unit_id": self.sender_unit_id, "fingerprint": self.fingerprint,
                "previous_fingerprint": self.previous_fingerprint or None, "seq": self.seq, "counts": self.counts,
                "conflicts": self.conflicts}


def _verify_signature(manifest_bytes: bytes, signature: bytes, key: bytes) -> None:
    from nacl.exceptions import BadSignatureError, ValueError as NaclValueError
    from nacl.signing import VerifyKey

    try:
        VerifyKey(key).verify(manifest_bytes, signature)
    except (BadSignatureError, NaclValueError, TypeError, ValueError):
        raise BundleRefused("Chữ ký của gói không khớp: gói đã bị sửa sau khi xuất, hoặc không phải do đơn vị này "
                            "tạo ra. Không nhập; hãy lấy lại gói từ máy của đơn vị gửi.", "signature") from None


def _decrypt(payload: bytes, manifest: dict, folder: Path) -> bytes:
    """Open a sealed payload with this book's key, or with a key it replaced (a sender that had not
    yet learnt the new one)."""
    from nacl.exceptions import CryptoError
    from nacl.public import SealedBox

    if manifest["recipient_key"] is None:
        return payload
    keys = load_keys(folder)
    candidates = ([keys.private_key] if keys else []) + retired_private_keys(folder)
    private = next((k for k in candidates if b64(bytes(k.public_key)) == manifest["recipient_key"]), None)
    if private is None and not candidates:
        raise BundleRefused(f"Máy này không có khóa để mở gói niêm phong (thư mục {folder / 'keys'} không còn). Nếu "
                            "khóa đã mất, hãy tạo khóa mới (chibo keys new), xuất gói kế hoạch mới cho các chi bộ, "
                            "rồi xin các chi bộ xuất lại.", "recipient")
    if private is None:
        raise BundleRefused("Gói này được niêm phong cho một đơn vị nhận khác, máy này không mở được.", "recipient")
    try:
        return SealedBox(private).decrypt(payload)
    except CryptoError:
        raise BundleRefused(DAMAGED, "decrypt") from None


_WRONG_KIND = {
    "report": "Đây là gói kế hoạch của cấp trên gửi chi bộ; sổ của cấp nhận báo cáo không nhập gói này.",
    "plan": "Đây là gói báo cáo của một chi bộ gửi cấp trên; sổ của chi bộ chỉ nhập gói kế hoạch của cấp trên.",
}


def expected_kind(db) -> str:
    """A receiving level takes report bundles from its cells; a cell takes its superior's plan."""
    return "report" if local_unit(db).role == UnitRole.RECEIVING else "plan"


def _check(path: Path, db, folder: Path, approve: frozenset[str], other_superior: bool,
           *, read_held: bool = False) -> tuple[dict, list | None, Verdict, ImportReport]:
    """Everything before the transaction, writing nothing. Returns the manifest, the records (None
    when the bundle is held, unless `read_held`), the verdict on its sender and the report so far."""
    report = ImportReport(file=str(path), outcome="rejected")
    raw = read_bundle(path)
    manifest = parse_manifest(raw.manifest_bytes)
    report.sender_name, report.sender_unit_id, report.seq = manifest["sender_name"], manifest["sender_unit_id"], manifest["seq"]
    kind = expected_kind(db)
    if manifest["kind"] != kind:
        raise BundleRefused(_WRONG_KIND[kind], "kind")
    if manifest["sender_unit_id"] == local_unit(db).id:
        raise BundleRefused("Đây là gói do chính sổ này xuất ra; không nhập lại vào đây.", "own_bundle")
    try:
        signer = unb64(manifest["signer_key"])
    except ValueError:
        raise BundleRefused(DAMAGED, "manifest") from None
    report.fingerprint = fingerprint(signer)
    _verify_signature(raw.manifest_bytes, raw.signature, signer)
    verdict = judge(db, manifest, report.fingerprint, approve, other_superior)
    report.previous_fingerprint, report.flag = verdict.previous_fingerprint, verdict.flag
    if len(raw.payload) != manifest["payload_size"] or hashlib.sha256(raw.payload).hexdigest() != manifest["payload_sha256"]:
        raise BundleRefused(DAMAGED, "payload_hash")
    if verdict.action == "hold" and not read_held:
        return manifest, None, verdict, report
    records = parse_records(gunzip_capped(_decrypt(raw.payload, manifest, folder)), manifest["sender_unit_id"])
    counted: dict[str, int] = {}
    for record in records:
        counted[record["table"]] = counted.get(record["table"], 0) + 1
    if counted != {k: v for k, v in manifest["counts"].items() if v}:
        raise BundleRefused("Số bản ghi trong gói không khớp với phần mô tả; gói bị từ chối.", "counts")
    return manifest, records, verdict, report


def _archive(book, path: Path, digest: str) -> None:
    """The file kept by its hash in `received/` (owner-readable), before anything is written to the
    book: a held bundle is re-imported from here once approved, and a full disk stops here."""
    target = book.folder / "received" / f"{digest}.chibo"
    if target.exists():
        return
    try:
        private_folder(target.parent)
        write_atomically(target, path.read_bytes(), private=True)
    except OSError as error:
        if is_disk_full(error):
            raise disk_full(target.parent) from error
        raise ChiboError(f"Không chép được gói vào {target.parent}; chưa nhập gì. Hãy kiểm tra ổ đĩa rồi nhập lại.",
                         detail=repr(error)) from error


def _log(db, path: Path, digest: str, report: ImportReport) -> None:
    db.add(BundleLog(file_sha256=digest, file_name=path.name, sender_unit_id=report.sender_unit_id, seq=report.seq,
                     kind=expected_kind(db), outcome=report.outcome, reason=report.reason,
                     counts=json.dumps({**report.counts, "conflicts": report.conflicts}, ensure_ascii=False)))


def verify_bundle(book, path: Path) -> ImportReport:
    """Every check of the import, the records included, and nothing written: `chibo verify`."""
    path = Path(path)
    try:
        with book.session() as db:
            manifest, records, verdict, report = _check(path, db, book.folder, frozenset(), False, read_held=True)
            db.rollback()
    except BundleRefused as refused:
        return ImportReport(str(path), "rejected", refused.message)
    report.outcome = "verified"
    report.counts["new"] = len(records)
    if verdict.action == "hold":
        report.reason = f"Chữ ký đúng với khóa trong gói; chưa được xác nhận ở sổ này. {verdict.reason}"
    return report


def import_bundle(book, path: Path, *, approve=frozenset(), other_superior: bool = False) -> ImportReport:
    """Check and merge one bundle; never raises for a bad bundle, the report says what happened. A
    sender or key that needs a person's word is held unless its fingerprint is in `approve` (and,
    when the sender's superior is not this unit, `other_superior` is given too). A full disk raises
    DiskFullError with nothing written."""
    path = Path(path)
    approve = frozenset(approve)
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    except OSError:
        digest = ""
    try:
        with book.session() as db:
            manifest, records, verdict, report = _check(path, db, book.folder, approve, other_superior)
    except BundleRefused as refused:
        report = ImportReport(str(path), "rejected", refused.message)
        log.warning("bundle %s refused: %s", path.name, refused.code)
        with book.session() as db:
            _log(db, path, digest, report)
        return report
    _archive(book, path, digest)
    sender = manifest["sender_unit_id"]
    now = datetime.now(timezone.utc)
    if verdict.action == "hold":
        report.outcome, report.reason = "pending", verdict.reason
        with book.session() as db:
            hold(db, manifest, report.fingerprint)
            _log(db, path, digest, report)
        return report
    if verdict.action == "approve":  # a person's approval stands even if the records below do not fit
        with book.session() as db:
            approve_key(db, unit_id=sender, name=manifest["sender_name"], signing_key=manifest["signer_key"],
                        fingerprint=report.fingerprint, seq=manifest["seq"],
                        superior_name=manifest.get("sender_superior", ""), now=now)
        report.approved = True
    try:
        with book.session() as db:
            db.info[IMPORTING] = True
            unit = db.get(KnownUnit, sender)
            upsert(db, records, sender, report, book.folder / "quarantine" / f"{digest}.jsonl")
            if manifest["kind"] == "plan":
                apply_plan(db, manifest, unit)
            unit.name = manifest["sender_name"]
            unit.superior_name = manifest.get("sender_superior", unit.superior_name)
            unit.last_seq = max(unit.last_seq, manifest["seq"])
            db.add(unit)
            for waited in db.exec(select(BundleLog).where(BundleLog.file_sha256 == digest,
                                                          BundleLog.outcome == "pending")):
                waited.outcome = "reimported"  # held before, decided now: no longer waiting
                db.add(waited)
            report.outcome = "imported"
            _log(db, path, digest, report)
    except IntegrityError as error:
        log.warning("bundle %s does not fit the book: %s", path.name, error)  # the engine hides the values
        report = ImportReport(str(path), "rejected", "Gói này cần một gói trước đó của cùng đơn vị (thiếu bản ghi "
                              "gốc). Hãy nhập các gói cũ hơn trước, hoặc xin đơn vị xuất gói đầy đủ (--full).",
                              manifest["sender_name"], sender, report.fingerprint, manifest["seq"],
                              approved=report.approved)
        with book.session() as db:
            _log(db, path, digest, report)
    return report
