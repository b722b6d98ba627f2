"""Import of bundles: report bundles at the receiving level, plan bundles at a cell. Every check of
DESIGN.md in its order, the first failure stops with a Vietnamese reason and nothing written but
the `bundle_log` entry; then one transaction that upserts by (id, rev)."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from chibo.services.common import rows_by_ids
from chibo.services.units import local_unit
from chibo.store.book import get_setting, set_setting
from chibo.store.models import SYNCED_TABLES, BundleLog, KnownUnit, Unit
from chibo.store.records import IMPORTING
from chibo.sync.export import ACKED_REV_SETTING, RECIPIENT_SETTING, SENT_SETTING
from chibo.sync.bundle import DAMAGED, BundleRefused, gunzip_capped, read_bundle
from chibo.sync.keys import b64, ensure_keys, fingerprint, unb64
from chibo.sync.manifest import parse_manifest
from chibo.sync.payload import TABLES, content_hash, parse_records, record_fields
from chibo.vocabulary import UnitRole

log = logging.getLogger(__name__)
OUTCOMES = ("new", "updated", "duplicate", "stale", "conflict")
_ORDER = {model.__tablename__: index for index, model in enumerate(SYNCED_TABLES)}


@dataclass
class ImportReport:
    file: str
    outcome: str  # imported / pending / rejected
    reason: str = ""
    sender_name: str = ""
    sender_unit_id: str | None = None
    fingerprint: str = ""
    seq: int | None = None
    counts: dict[str, int] = field(default_factory=lambda: {o: 0 for o in OUTCOMES})
    conflicts: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"file": self.file, "outcome": self.outcome, "reason": self.reason, "sender_name": self.sender_name,
                "sender_unit_id": self.sender_unit_id, "fingerprint": self.fingerprint, "seq": self.seq,
                "counts": self.counts, "conflicts": self.conflicts}


def _verify_signature(manifest_bytes: bytes, signature: bytes, key: bytes) -> None:
    from nacl.exceptions import BadSignatureError, ValueError as NaclValueError
    from nacl.signing import VerifyKey

    try:
        VerifyKey(key).verify(manifest_bytes, signature)
    except (BadSignatureError, NaclValueError, TypeError, ValueError):
        raise BundleRefused("Chữ ký của gói không khớp: gói đã bị sửa sau khi xuất, hoặc không phải do đơn vị này "
                            "tạo ra. Không nhập; hãy lấy lại gói từ máy của đơn vị gửi.", "signature") from None


def _decrypt(payload: bytes, manifest: dict, keys) -> bytes:
    from nacl.exceptions import CryptoError
    from nacl.public import SealedBox

    if manifest["recipient_key"] is None:
        return payload
    if manifest["recipient_key"] != b64(keys.encryption_public):
        raise BundleRefused("Gói này được niêm phong cho một đơn vị nhận khác, máy này không mở được.", "recipient")
    try:
        return SealedBox(keys.private_key).decrypt(payload)
    except CryptoError:
        raise BundleRefused(DAMAGED, "decrypt") from None


_WRONG_KIND = {
    "report": "Đây là gói kế hoạch của cấp trên gửi chi bộ; sổ của cấp nhận báo cáo không nhập gói này.",
    "plan": "Đây là gói báo cáo của một chi bộ gửi cấp trên; sổ của chi bộ chỉ nhập gói kế hoạch của cấp trên.",
}


def expected_kind(db) -> str:
    """A receiving level takes report bundles from its cells; a cell takes its superior's plan."""
    return "report" if local_unit(db).role == UnitRole.RECEIVING else "plan"


def _check(path: Path, db, keys, approve_new: bool) -> tuple[dict, bytes | None, KnownUnit | None, ImportReport]:
    """Everything before the transaction. Returns the manifest, the records' bytes (None when the
    unit is pending), the known unit and the report so far."""
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
    known = db.get(KnownUnit, manifest["sender_unit_id"])
    if known is not None and known.signing_key != manifest["signer_key"]:
        raise BundleRefused(f"Khóa ký của “{manifest['sender_name']}” khác với khóa đã xác nhận trước đây "
                            f"({known.fingerprint}). Không nhập; hãy liên hệ đơn vị để kiểm tra.", "key_changed")
    if known is not None and known.approval == "rejected":
        raise BundleRefused(f"Đơn vị “{manifest['sender_name']}” đã bị từ chối; gói không được nhập.", "rejected_unit")
    if len(raw.payload) != manifest["payload_size"] or hashlib.sha256(raw.payload).hexdigest() != manifest["payload_sha256"]:
        raise BundleRefused(DAMAGED, "payload_hash")
    if (known is None or known.approval == "pending") and not approve_new:
        return manifest, None, known, report
    if keys is None and manifest["recipient_key"] is not None:
        raise BundleRefused("Máy này chưa có khóa để mở gói niêm phong.", "recipient")
    records = parse_records(gunzip_capped(_decrypt(raw.payload, manifest, keys)), manifest["sender_unit_id"])
    counted: dict[str, int] = {}
    for record in records:
        counted[record["table"]] = counted.get(record["table"], 0) + 1
    if counted != {k: v for k, v in manifest["counts"].items() if v}:
        raise BundleRefused("Số bản ghi trong gói không khớp với phần mô tả; gói bị từ chối.", "counts")
    return manifest, records, known, report


def _archive(book, path: Path, digest: str) -> None:
    target = book.folder / "received" / f"{digest}.chibo"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target.with_suffix(".partial"))
        target.with_suffix(".partial").replace(target)


def _log(db, path: Path, digest: str, report: ImportReport) -> None:
    db.add(BundleLog(file_sha256=digest, file_name=path.name, sender_unit_id=report.sender_unit_id, seq=report.seq,
                     kind=expected_kind(db), outcome=report.outcome, reason=report.reason,
                     counts=json.dumps({**report.counts, "conflicts": report.conflicts}, ensure_ascii=False)))


_inserts: dict[type, tuple[str, list]] = {}


def _insert_rows(db, model, rows: list[dict]) -> None:
    """New rows straight to the driver's executemany, each value through its column type's own
    bind processor (what SQLAlchemy's insert would do, without its per-row bookkeeping)."""
    connection = db.connection()
    statement = _inserts.get(model)
    if statement is None:
        columns = list(model.__table__.columns)
        dialect = connection.dialect
        processors = [(c.name, c.type.dialect_impl(dialect).bind_processor(dialect)) for c in columns]
        names = ", ".join('"' + c.name + '"' for c in columns)
        sql = f'INSERT INTO "{model.__tablename__}" ({names}) VALUES ({", ".join("?" * len(columns))})'
        statement = _inserts[model] = (sql, processors)
    sql, processors = statement
    connection.exec_driver_sql(sql, [tuple(process(row[name]) if process else row[name] for name, process in processors)
                                     for row in rows])


def _upsert(db, records: list, sender: str, report: ImportReport, quarantine: Path) -> None:
    """Per table, parents first: one query finds the rows already here; new rows go in with one
    Core insert (no ORM objects), the others are compared by rev and content hash."""
    held = []
    by_table: dict[str, list] = {}
    for record in records:
        by_table.setdefault(record["table"], []).append(record)
    for table in sorted(by_table, key=_ORDER.__getitem__):
        model, batch = TABLES[table], by_table[table]
        existing = rows_by_ids(db, model, [r["id"] for r in batch], alive_only=False)
        fresh = []
        for record in batch:
            row = existing.get(record["id"])
            if row is None:
                fresh.append(record["values"])
                outcome = "new"
            elif row.unit_id != sender or row.rev == record["rev"] and content_hash(record_fields(row)) != record["hash"]:
                outcome = "conflict"
            elif row.rev == record["rev"]:
                outcome = "duplicate"
            elif row.rev > record["rev"]:
                outcome = "stale"
            else:
                for name, value in record["values"].items():
                    setattr(row, name, value)
                db.add(row)
                outcome = "updated"
            report.counts[outcome] += 1
            if outcome == "conflict":
                report.conflicts.append({"table": table, "id": record["id"], "rev": record["rev"]})
                held.append({"table": table, "id": record["id"], "rev": record["rev"], "hash": record["hash"],
                             "fields": {k: (v.isoformat() if hasattr(v, "isoformat") else v)
                                        for k, v in record["values"].items()}})
        db.flush()  # updates of parents before the children that point at them
        if fresh:
            _insert_rows(db, model, fresh)
    if held:
        quarantine.parent.mkdir(parents=True, exist_ok=True)
        quarantine.write_text("".join(json.dumps(h, ensure_ascii=False) + "\n" for h in held), encoding="utf-8")


def _apply_plan(db, manifest: dict, sender: KnownUnit) -> None:
    """At a cell: the superior's keys become the recipient of report bundles (from the newest plan
    only), and the last seq it received moves the acknowledged rev forward, never back."""
    recipient = get_setting(db, RECIPIENT_SETTING) or {}
    superior = db.get(Unit, sender.unit_id)
    if superior is not None and superior.encryption_key and manifest["seq"] >= recipient.get("plan_seq", 0):
        sender.encryption_key = superior.encryption_key
        set_setting(db, RECIPIENT_SETTING, {"unit_id": superior.id, "name": superior.name, "plan_seq": manifest["seq"],
                                            "signing_key": manifest["signer_key"],
                                            "encryption_key": superior.encryption_key})
    acked_seq = manifest["acks"].get(local_unit(db).id)
    sent = {int(seq): rev for seq, rev in (get_setting(db, SENT_SETTING) or {}).items()}
    if acked_seq in sent:
        acked_rev = max(int(get_setting(db, ACKED_REV_SETTING, 0)), sent[acked_seq])
        set_setting(db, ACKED_REV_SETTING, acked_rev)
        set_setting(db, SENT_SETTING, {str(seq): rev for seq, rev in sent.items() if seq > acked_seq})


def verify_bundle(book, path: Path) -> ImportReport:
    """Every check of the import, the records included, and nothing written: `chibo verify`."""
    from chibo.sync.keys import load_keys

    path = Path(path)
    try:
        with book.session() as db:
            manifest, records, known, report = _check(path, db, load_keys(book.folder), approve_new=True)
            approved = known is not None and known.approval == "approved"
            db.rollback()
    except BundleRefused as refused:
        return ImportReport(str(path), "rejected", refused.message)
    report.outcome = "verified"
    for record in records:
        report.counts["new"] += 1
    if not approved:
        report.reason = f"Chữ ký đúng với khóa trong gói; đơn vị chưa được xác nhận (mã khóa {report.fingerprint})."
    return report


def import_bundle(book, path: Path, *, approve_new: bool = False) -> ImportReport:
    """Check and merge one bundle; never raises for a bad bundle, the report says what happened."""
    path = Path(path)
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    except OSError:
        digest = ""
    try:
        with book.session() as db:
            manifest, records, known, report = _check(path, db, ensure_keys(book), approve_new)
    except BundleRefused as refused:
        report = ImportReport(str(path), "rejected", refused.message)
        log.warning("bundle %s refused: %s (%s)", path, refused.code, refused.message)
        with book.session() as db:
            _log(db, path, digest, report)
        return report
    sender = manifest["sender_unit_id"]
    now = datetime.now(timezone.utc)
    if records is None:
        report.outcome = "pending"
        report.reason = (f"Đơn vị mới “{manifest['sender_name']}” chờ xác nhận mã khóa {report.fingerprint}. "
                         "Hãy đối chiếu với mã in trên báo cáo của đơn vị rồi xác nhận.")
        with book.session() as db:
            if db.get(KnownUnit, sender) is None:
                db.add(KnownUnit(unit_id=sender, name=manifest["sender_name"], signing_key=manifest["signer_key"],
                                 fingerprint=report.fingerprint))
            _log(db, path, digest, report)
        _archive(book, path, digest)
        return report
    try:
        with book.session() as db:
            db.info[IMPORTING] = True
            unit = db.get(KnownUnit, sender)
            if unit is None:
                unit = KnownUnit(unit_id=sender, name=manifest["sender_name"], signing_key=manifest["signer_key"],
                                 fingerprint=report.fingerprint)
            if unit.approval != "approved":
                unit.approval, unit.approved_at = "approved", now
            _upsert(db, records, sender, report, book.folder / "quarantine" / f"{digest}.jsonl")
            if manifest["kind"] == "plan":
                _apply_plan(db, manifest, unit)
            unit.name = manifest["sender_name"]
            unit.last_seq = max(unit.last_seq, manifest["seq"])
            db.add(unit)
            report.outcome = "imported"
            _log(db, path, digest, report)
    except IntegrityError as error:
        log.warning("bundle %s does not fit the book: %s", path, error)
        report = ImportReport(str(path), "rejected", "Gói này cần một gói trước đó của cùng đơn vị (thiếu bản ghi "
                              "gốc). Hãy nhập các gói cũ hơn trước, hoặc xin đơn vị xuất gói đầy đủ (--full).",
                              manifest["sender_name"], sender, report.fingerprint, manifest["seq"])
        with book.session() as db:
            _log(db, path, digest, report)
        return report
    _archive(book, path, digest)
    return report
