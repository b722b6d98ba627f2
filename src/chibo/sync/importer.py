"""Import of bundles: report and forward bundles at a receiving level, plan bundles at a cell (and
at a receiving level that has a superior), restore bundles on a new computer (`restore_import`).
Every check of DESIGN.md in its order, the first failure stops with a Vietnamese reason and nothing
written but the `bundle_log` entry; a sender or key that needs a person's word is held (archived,
logged) until its fingerprint is approved (`keyring`); then the file is archived and one
transaction upserts by (id, rev) (`merge`), a forward bundle's children's bundles each under their
own sender (`forwarded`). Nothing logged here carries a record's values."""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from chibo.errors import ChiboError, disk_full, is_disk_full
from chibo.services.keys import fingerprint, unb64
from chibo.services.lookups import local_unit
from chibo.services.superior_notes import keep_superior_notes
from chibo.store.files import private_folder, write_atomically
from chibo.store.models import BundleLog, KnownUnit
from chibo.store.records import IMPORTING
from chibo.sync.arrivals import receive
from chibo.sync.bundle import DAMAGED, BundleRefused, gunzip_capped, read_bundle
from chibo.sync.forwarded import ForwardContent, apply_forward, counts_of, open_forward
from chibo.sync.import_report import ImportReport
from chibo.sync.keyring import Verdict, approve_key, current_superior, hold, judge
from chibo.sync.manifest import parse_manifest
from chibo.sync.merge import apply_plan, upsert
from chibo.sync.payload import parse_records
from chibo.sync.review_notes import open_reviews
from chibo.sync.sealing import check_records_hash, open_sealed, signature_valid
from chibo.vocabulary import UnitRole

log = logging.getLogger(__name__)


def _verify_signature(manifest_bytes: bytes, signature: bytes, key: bytes) -> None:
    if not signature_valid(manifest_bytes, signature, key):
        raise BundleRefused("Chữ ký của gói không khớp: gói đã bị sửa sau khi xuất, hoặc không phải do đơn vị này "
                            "tạo ra. Không nhập; hãy lấy lại gói từ máy của đơn vị gửi.", "signature")


_WRONG_KIND = {
    "report": "Đây là gói báo cáo của một chi bộ gửi cấp trên; sổ của chi bộ chỉ nhập gói kế hoạch của cấp trên.",
    "forward": "Đây là gói một đảng ủy chuyển lên cấp trên của mình; sổ của chi bộ chỉ nhập gói kế hoạch của cấp trên.",
    "request": "Đây là yêu cầu lấy lại sổ của một máy mới (chibo restore-request), không nhập bằng chibo import. Ở "
               "cấp nhận báo cáo, hãy ghi gói khôi phục cho chi bộ ấy: chibo restore-bundle TÊN-CHI-BỘ --key TỆP "
               "(hoặc trang Trao đổi dữ liệu → chọn chi bộ → Ghi gói khôi phục…).",
    "restore": "Đây là gói khôi phục sổ của một chi bộ; chỉ máy mới của chi bộ ấy nhập được.",
}


class RestoreGiven(BundleRefused):
    """A restore bundle: it goes its own way (`restore_import`); `verify` says what it is."""

    def __init__(self):
        super().__init__(_WRONG_KIND["restore"], "restore")


def accepted_kinds(db) -> tuple[str, ...]:
    """A cell takes its superior's plan; a receiving level takes its children's report and forward
    bundles, and its own superior's plan (a commune under its province)."""
    return ("report", "forward", "plan") if local_unit(db).role == UnitRole.RECEIVING else ("plan",)


def _check(path: Path, db, folder: Path, approve: frozenset[str], other_superior: bool,
           *, read_held: bool = False, report: ImportReport | None = None
           ) -> tuple[dict, list | None, ForwardContent | None, Verdict, ImportReport]:
    """Everything before the transaction, writing nothing. Returns the manifest, the records (None
    when the bundle is held, unless `read_held`), what a forward bundle carries of its children
    (checked to the last nested signature), the verdict on its sender and the report so far, which
    is `report` when given: filled as far as the checks got, so a refusal still names the sender."""
    report = report or ImportReport(file=str(path), outcome="rejected")
    raw = read_bundle(path)
    manifest = parse_manifest(raw.manifest_bytes)
    report.sender_name, report.sender_unit_id, report.seq = manifest["sender_name"], manifest["sender_unit_id"], manifest["seq"]
    report.kind = manifest["kind"]
    if manifest["kind"] == "restore":
        raise RestoreGiven()
    if manifest["kind"] not in accepted_kinds(db):
        raise BundleRefused(_WRONG_KIND[manifest["kind"]], "kind")
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
        return manifest, None, None, verdict, report
    data = gunzip_capped(open_sealed(raw.payload, manifest, folder))
    check_records_hash(manifest, data)
    forwarded = None
    if manifest["kind"] == "forward":
        forwarded = open_forward(db, data, manifest["sender_unit_id"], manifest["sender_name"],
                                 manifest.get("forwarded", 0))
        records = forwarded.records
    else:
        records = parse_records(data, manifest["sender_unit_id"])
    if counts_of(records) != {k: v for k, v in manifest["counts"].items() if v}:
        raise BundleRefused("Số bản ghi trong gói không khớp với phần mô tả; gói bị từ chối.", "counts")
    if manifest["kind"] == "plan":
        report.reviews = open_reviews(manifest, folder, local_unit(db).id)
    return manifest, records, forwarded, verdict, report


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


def _log(db, path: Path, digest: str, report: ImportReport, now: datetime | None = None) -> None:
    db.add(BundleLog(file_sha256=digest, file_name=path.name, sender_unit_id=report.sender_unit_id, seq=report.seq,
                     kind=report.kind or accepted_kinds(db)[0], received_at=now or datetime.now(UTC),
                     outcome=report.outcome, reason=report.reason,
                     counts=json.dumps({**report.counts, "conflicts": report.conflicts}, ensure_ascii=False)))


def _log_nested(db, path: Path, digest: str, report: ImportReport, now: datetime) -> None:
    """Each child's bundle a forward bundle carried, in the log as received through its sender."""
    for nested in report.nested:
        db.add(BundleLog(file_sha256=digest, file_name=path.name, sender_unit_id=nested.sender_unit_id, seq=nested.seq,
                         kind=nested.kind, received_at=now, outcome="imported",
                         reason=f"Chuyển lên qua “{nested.voucher_name}”.",
                         counts=json.dumps({**nested.counts, "conflicts": nested.conflicts}, ensure_ascii=False)))


def verify_bundle(book, path: Path) -> ImportReport:
    """Every check of the import, the records included, and nothing written: `chibo verify`."""
    path = Path(path)
    try:
        with book.session() as db:
            _manifest, records, forwarded, verdict, report = _check(path, db, book.folder, frozenset(), False,
                                                                    read_held=True)
            db.rollback()
    except BundleRefused as refused:
        return ImportReport(str(path), "rejected", refused.message)
    report.outcome = "verified"
    report.counts["new"] = forwarded.record_count if forwarded else len(records)
    if verdict.action == "hold":
        report.reason = f"Chữ ký đúng với khóa trong gói; chưa được xác nhận ở sổ này. {verdict.reason}"
    return report


def import_bundle(book, path: Path, *, approve=frozenset(), other_superior: bool = False,
                  now: datetime | None = None) -> ImportReport:
    """Check and merge one bundle; never raises for a bad bundle, the report says what happened. A
    sender or key that needs a person's word is held unless its fingerprint is in `approve` (and,
    when the sender's superior is not this unit, `other_superior` is given too). A full disk raises
    DiskFullError with nothing written. `now` is the time of receipt (the clock by default): the
    timeliness of a cell's reports is reckoned from it."""
    path = Path(path)
    approve = frozenset(approve)
    now = now or datetime.now(UTC)
    if not book.local_unit_id:  # a new computer's book comes from its superior's copy
        return _restore(book, path, approve)
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    except OSError:
        digest = ""
    report = ImportReport(file=str(path), outcome="rejected")
    try:
        with book.session() as db:
            manifest, records, forwarded, verdict, report = _check(path, db, book.folder, approve, other_superior,
                                                                   report=report)
    except RestoreGiven:
        return _restore(book, path, approve)
    except BundleRefused as refused:
        # The sender, number and fingerprint as far as they were read: an --approve given for this
        # bundle matched it, even though its records were refused.
        report.reason = refused.message
        log.warning("bundle %s refused: %s", path.name, refused.code)
        with book.session() as db:
            _log(db, path, digest, report, now)
        return report
    _archive(book, path, digest)
    sender = manifest["sender_unit_id"]
    if verdict.action == "hold":
        report.outcome, report.reason = "pending", verdict.reason
        with book.session() as db:
            hold(db, manifest, report.fingerprint)
            _log(db, path, digest, report, now)
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
            quarantine = book.folder / "quarantine" / f"{digest}.jsonl"
            upsert(db, records, sender, report, quarantine)
            if forwarded is not None:
                apply_forward(db, forwarded, report, quarantine, now)
                _log_nested(db, path, digest, report, now)
            if manifest["kind"] == "plan":
                apply_plan(db, manifest, unit)
                if report.reviews is not None and current_superior(db).get("unit_id") == sender:
                    keep_superior_notes(db, sender, manifest["sender_name"], manifest["seq"], report.reviews)
            else:
                _review, report.warnings = receive(db, manifest, records, forwarded.nested if forwarded else [],
                                                   digest, now)
            unit.name = manifest["sender_name"]
            unit.superior_name = manifest.get("sender_superior", unit.superior_name)
            unit.last_seq = max(unit.last_seq, manifest["seq"])
            if manifest["kind"] != "plan" and manifest["seq"] >= unit.last_seq:
                unit.vouched_by = None  # its newest bundle came straight here: no longer under a commune
            db.add(unit)
            for waited in db.exec(select(BundleLog).where(BundleLog.file_sha256 == digest,
                                                          BundleLog.outcome == "pending")):
                waited.outcome = "reimported"  # held before, decided now: no longer waiting
                db.add(waited)
            report.outcome = "imported"
            _log(db, path, digest, report, now)
    except IntegrityError as error:
        log.warning("bundle %s does not fit the book: %s", path.name, error)  # the engine hides the values
        report = ImportReport(str(path), "rejected", "Gói này cần một gói trước đó của cùng đơn vị (thiếu bản ghi "
                              "gốc). Hãy nhập các gói cũ hơn trước, hoặc xin đơn vị xuất gói đầy đủ (--full).",
                              manifest["sender_name"], sender, report.fingerprint, manifest["seq"],
                              approved=report.approved, kind=manifest["kind"])
        with book.session() as db:
            _log(db, path, digest, report, now)
    return report


def _restore(book, path: Path, approve: frozenset[str]) -> ImportReport:
    from chibo.sync.restore_import import import_restore

    return import_restore(book, path, approve=approve)
