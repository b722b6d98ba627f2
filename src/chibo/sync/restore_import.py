"""A restore bundle taken on the cell's new computer (`chibo import` on the data folder where the
restore request was written): the book is set up as the cell's own, from its superior's copy.

On an empty data folder the superior's key is not known yet: the bundle is taken once its
fingerprint is approved (`--approve`, compared over the phone), and nothing is written before.
Then, in one transaction: the book becomes the cell's (same unit id), every record comes in with
the rev it had, the superior becomes the cell's one superior (its keys pinned, as a plan bundle's
approval does), and the numbering continues after what the superior holds: the next bundle is
numbered after the last one received, changes are numbered after the highest held, and only what
changes from now on travels (everything restored is acknowledged). The term and the symbol of the
numbered papers are read back from the restored register.

A book that already is the cell's (a backup restored on the new computer) takes the bundle too, as
a merge by (id, rev) from its approved superior: its numbering moves forward, never back, and what
it holds that the superior does not is still sent."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from chibo.services.keys import b64, fingerprint, load_keys, unb64
from chibo.services.lookups import local_unit
from chibo.services.numbering import SUFFIX_SETTING, TERM_START_SETTING
from chibo.store.book import LOCAL_UNIT_SETTING, get_setting, set_setting
from chibo.store.models import BundleLog, IssuedPaper, RevCounter
from chibo.store.records import IMPORTING
from chibo.sync.bundle import DAMAGED, BundleRefused, gunzip_capped, read_bundle
from chibo.sync.export import ACKED_REV_SETTING, SENT_SETTING, SEQ_SETTING
from chibo.sync.forwarded import counts_of
from chibo.sync.import_report import ImportReport
from chibo.sync.keyring import RECIPIENT_SETTING, approve_key, current_superior
from chibo.sync.manifest import parse_manifest
from chibo.sync.merge import upsert
from chibo.sync.payload import parse_records
from chibo.sync.sealing import check_records_hash, open_sealed, signature_valid
from chibo.vocabulary import UnitRole

NO_BOOK = ("Thư mục dữ liệu này chưa có sổ nào. Hãy khai báo đơn vị (chibo init --name …, hoặc mở ứng dụng); nếu chi bộ "
           "mất máy, hãy ghi yêu cầu lấy lại sổ (chibo restore-request --name … --to E:\\) rồi nhập gói khôi phục cấp "
           "trên gửi về. Chưa ghi gì.")
SETTINGS_NOTE = ("Cài đặt riêng của máy cũ (quy tắc biểu quyết, thang xếp loại bài thu hoạch, thời gian dự bị, chỉ tiêu "
                 "học tập, cỡ chữ…) không có trong bản của cấp trên: hãy xem lại trang Cài đặt.")


def _opened(book, manifest: dict, raw, approve: frozenset[str], report: ImportReport) -> list[dict] | None:
    """Every check, writing nothing: the records, or None when the superior's key waits for approval."""
    cell, cell_name, sender = manifest["restore_unit_id"], manifest.get("restore_unit_name", ""), manifest["sender_name"]
    if book.local_unit_id:
        with book.session() as db:
            local = local_unit(db)
            superior = current_superior(db)
        if local.id != cell:
            raise BundleRefused(f"Gói khôi phục này là sổ của “{cell_name}”, còn thư mục này đã có sổ của “{local.name}”; "
                                "không nhập. Hãy nhập vào thư mục dữ liệu trống của máy mới, nơi đã ghi yêu cầu lấy lại "
                                "sổ.", "restore_other_unit")
        if local.role != UnitRole.CELL:
            raise BundleRefused("Gói khôi phục dành cho sổ của một chi bộ.", "restore_role")
    try:
        signer = unb64(manifest["signer_key"])
        sealing = unb64(manifest.get("sender_encryption_key", ""))
    except ValueError:
        raise BundleRefused(DAMAGED, "manifest") from None
    if len(sealing) != 32 or not signature_valid(raw.manifest_bytes, raw.signature, signer):
        raise BundleRefused("Chữ ký của gói không khớp: gói đã bị sửa sau khi xuất, hoặc không phải do đơn vị này tạo ra. "
                            "Không nhập; hãy lấy lại gói từ cấp trên.", "signature")
    report.fingerprint = fingerprint(signer)
    if book.local_unit_id and (superior.get("unit_id") != manifest["sender_unit_id"]
                               or superior.get("signing_key") != manifest["signer_key"]):
        raise BundleRefused(f"Gói khôi phục do “{sender}” ký (mã khóa {report.fingerprint}), không phải cấp trên đã xác "
                            "nhận của chi bộ; không nhập.", "restore_sender")
    if len(raw.payload) != manifest["payload_size"] or hashlib.sha256(raw.payload).hexdigest() != manifest["payload_sha256"]:
        raise BundleRefused(DAMAGED, "payload_hash")
    if not book.local_unit_id and report.fingerprint not in approve:
        report.outcome = "pending"
        report.reason = (f"Gói khôi phục sổ của “{cell_name}” do “{sender}” ghi, mã khóa {report.fingerprint}. Hãy gọi "
                         f"điện cho “{sender}” để đối chiếu mã khóa; chưa ghi gì.")
        return None
    keys = load_keys(book.folder)
    if keys is None or b64(keys.encryption_public) != manifest["recipient_key"]:
        mine = f"khóa của máy này là {keys.fingerprint}" if keys else "máy này chưa có khóa"
        raise BundleRefused(f"Gói khôi phục được niêm phong cho mã khóa {manifest['recipient_key_id']}, {mine}. Hãy ghi "
                            "yêu cầu lấy lại sổ trên máy này (chibo restore-request), nhờ “" + sender + "” xác nhận mã "
                            "khóa của máy này rồi ghi lại gói khôi phục.", "recipient")
    data = gunzip_capped(open_sealed(raw.payload, manifest, book.folder))
    check_records_hash(manifest, data)
    records = parse_records(data, manifest["sender_unit_id"], frozenset({cell}))
    if counts_of(records) != {k: v for k, v in manifest["counts"].items() if v}:
        raise BundleRefused("Số bản ghi trong gói không khớp với phần mô tả; gói bị từ chối.", "counts")
    if not any(r["table"] == "unit" and r["id"] == cell for r in records):
        raise BundleRefused(DAMAGED, "restore_unit")
    return records


def _continue_numbering(db, cell: str, manifest: dict, records: list[dict], fresh: bool) -> None:
    """Bundle numbers and revs continue after what the superior holds; a fresh book has sent
    nothing the superior lacks, so all it holds counts as acknowledged."""
    if manifest["restore_last_seq"] > int(get_setting(db, SEQ_SETTING, 0)):
        set_setting(db, SEQ_SETTING, manifest["restore_last_seq"])
    highest = max([manifest["restore_rev"], *(r["rev"] for r in records if r["values"]["unit_id"] == cell)])
    counter = db.get(RevCounter, cell) or RevCounter(unit_id=cell)
    counter.last_rev = max(counter.last_rev, highest)
    db.add(counter)
    if fresh:
        set_setting(db, ACKED_REV_SETTING, manifest["restore_rev"])
        set_setting(db, SENT_SETTING, {})


def _register_settings(db, cell: str) -> tuple[int, int]:
    """The term and the symbol suffix of the restored register's newest paper, so the next number
    follows it; returns how many numbers the register holds, and how many had an archived PDF."""
    papers = list(db.exec(select(IssuedPaper).where(IssuedPaper.unit_id == cell, col(IssuedPaper.deleted_at).is_(None))
                          .order_by(col(IssuedPaper.issued_on), col(IssuedPaper.number))))
    if papers:
        set_setting(db, TERM_START_SETTING, papers[-1].term_start.isoformat())
        suffix = re.search(r"/\s*([^\W\d_]+)", papers[-1].number_symbol)
        if suffix:
            set_setting(db, SUFFIX_SETTING, suffix.group(1).upper())
    return len(papers), sum(1 for paper in papers if paper.file_name)


def _take_superior(db, manifest: dict, fp: str, now: datetime) -> None:
    """The superior that wrote the restore becomes the cell's one superior, as approving its plan does."""
    sender = manifest["sender_unit_id"]
    known = approve_key(db, unit_id=sender, name=manifest["sender_name"], signing_key=manifest["signer_key"],
                        fingerprint=fp, seq=manifest["seq"], superior_name=manifest.get("sender_superior", ""), now=now)
    known.encryption_key, known.last_seq = manifest["sender_encryption_key"], manifest["seq"]
    db.add(known)
    set_setting(db, RECIPIENT_SETTING, {"unit_id": sender, "name": manifest["sender_name"], "plan_seq": manifest["seq"],
                                        "signing_key": manifest["signer_key"],
                                        "encryption_key": manifest["sender_encryption_key"]})


def import_restore(book, path: Path, *, approve=frozenset()) -> ImportReport:
    """Check a restore bundle and set the book up from it (see the module); never raises for a bad
    bundle: the report says what happened. Nothing is written to an empty folder before the whole
    bundle is checked and the superior's key approved."""
    path = Path(path)
    report = ImportReport(str(path), "rejected", kind="restore")
    fresh = not book.local_unit_id
    try:
        raw = read_bundle(path)
        manifest = parse_manifest(raw.manifest_bytes)
        report.sender_name, report.sender_unit_id, report.seq = (manifest["sender_name"], manifest["sender_unit_id"],
                                                                  manifest["seq"])
        if manifest["kind"] != "restore":
            raise BundleRefused(NO_BOOK, "no_book")
        records = _opened(book, manifest, raw, frozenset(approve), report)
    except BundleRefused as refused:
        report.reason = refused.message
        return _logged(book, path, report)
    if records is None:
        return report
    cell, sender, now = manifest["restore_unit_id"], manifest["sender_unit_id"], datetime.now(UTC)
    quarantine = book.folder / "quarantine" / f"{hashlib.sha256(path.read_bytes()).hexdigest()}"
    try:
        with book.session() as db:
            db.info[IMPORTING] = True
            if fresh:
                set_setting(db, LOCAL_UNIT_SETTING, cell)
            upsert(db, [r for r in records if r["values"]["unit_id"] == sender], sender, report,
                   quarantine.with_suffix(".superior.jsonl"))
            upsert(db, [r for r in records if r["values"]["unit_id"] == cell], cell, report, quarantine.with_suffix(".jsonl"))
            if fresh:
                _take_superior(db, manifest, report.fingerprint, now)
            _continue_numbering(db, cell, manifest, records, fresh)
            papers = _register_settings(db, cell) if fresh else (0, 0)
            report.outcome = "imported"
            report.notes = _notes(manifest, papers, fresh)
            _log(db, path, report)
    except IntegrityError:
        report = ImportReport(str(path), "rejected", f"Bản sao ở “{manifest['sender_name']}” thiếu bản ghi mà sổ của chi "
                              "bộ cần (ví dụ văn bản của một cấp trên cũ); không nhập gì. Hãy báo cấp trên.",
                              manifest["sender_name"], sender, report.fingerprint, manifest["seq"], kind="restore")
        return _logged(book, path, report)
    if fresh:
        book.local_unit_id = cell
    return report


def _notes(manifest: dict, papers: tuple[int, int], fresh: bool) -> list[str]:
    name, sender = manifest.get("restore_unit_name", ""), manifest["sender_name"]
    notes = [f"Sổ của “{name}” đã được dựng lại từ bản của “{sender}” (gói báo cáo cuối cấp trên nhận: số "
             f"{manifest['restore_last_seq']}); gói báo cáo tiếp theo là gói số {manifest['restore_last_seq'] + 1}."
             if fresh else f"Sổ đã nhận thêm bản của “{sender}”; bản ghi nào ở sổ mới hơn thì được giữ."]
    numbers, archived = papers
    if numbers:
        note = f"Sổ đăng ký văn bản đi giữ nguyên {numbers} số đã cấp, không cấp lại số nào; giấy mới nhận số tiếp theo."
        if archived:
            note += (f" Bản gốc PDF của {archived} giấy đã lưu ở máy cũ không có trong bản của cấp trên: sổ ghi “Mất tệp "
                     "bản lưu” và không in lại được; hãy dùng bản giấy đã ký lưu ở chi bộ.")
        notes.append(note)
    if fresh:
        notes.append(SETTINGS_NOTE)
    return notes


def _log(db, path: Path, report: ImportReport) -> None:
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    db.add(BundleLog(file_sha256=digest, file_name=path.name, sender_unit_id=report.sender_unit_id, seq=report.seq,
                     kind="restore", outcome=report.outcome, reason=report.reason,
                     counts=json.dumps({**report.counts, "conflicts": report.conflicts}, ensure_ascii=False)))


def _logged(book, path: Path, report: ImportReport) -> ImportReport:
    """A refusal is logged in a book that exists; an empty folder stays empty."""
    if book.local_unit_id:
        with book.session() as db:
            _log(db, path, report)
    return report
