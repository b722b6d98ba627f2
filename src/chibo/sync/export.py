"""Export of bundles. A cell's report bundle carries every change not yet acknowledged by the
receiving level (or all records with `full`), signed, and sealed to the receiving level's key:
before that key is known (no plan bundle imported yet) export refuses, unless the user asks for
an unsealed bundle in so many words. The receiving level's plan bundle carries its own unit record
(its public keys), the documents to study, and per cell the last seq received and the highest rev
held (so a cell restored from an older backup continues its numbers instead of reusing them).
A refused export writes nothing and spends no number."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import col, func, select

from chibo import __version__
from chibo.errors import ChiboError, disk_full, is_disk_full
from chibo.services.keys import b64, fingerprint, unb64, unit_keys
from chibo.services.lookups import local_unit
from chibo.store.book import get_setting, set_setting
from chibo.store.files import existing_folder
from chibo.store.models import SYNCED_TABLES, Document, KnownUnit, RevCounter, Unit
from chibo.store.schema import SCHEMA_REVISIONS
from chibo.sync.bundle import FORMAT, FORMAT_VERSION, gzip_bytes, write_bundle
from chibo.sync.keyring import RECIPIENT_SETTING
from chibo.sync.payload import record_line
from chibo.vocabulary import UnitRole

SEQ_SETTING = "sync_last_seq"
ACKED_REV_SETTING = "sync_acked_rev"  # the highest rev the receiving level confirmed
SENT_SETTING = "sync_sent"  # {seq: highest rev carried}
SENT_AT_SETTING = "sync_last_sent_at"  # when the last report bundle was written (the overview says it)
ACKED_SEQ_SETTING = "sync_acked_seq"  # the last bundle the superior confirmed (a forward's children's bundles)
PLAN_SEQ_SETTING = "plan_last_seq"  # receiving level: the last plan bundle written
NOT_SEALED = ("Chưa có khóa của cấp trên nên gói báo cáo không niêm phong được: ai cầm USB cũng đọc được họ tên, "
              "ngày sinh, số điện thoại, số thẻ đảng viên. Hãy nhập gói kế hoạch của cấp trên trước (chibo import "
              "TỆP-KẾ-HOẠCH, hoặc trang Trao đổi dữ liệu → Nhận gói kế hoạch), rồi xuất lại. Chỉ khi cấp trên yêu cầu "
              "gói không niêm phong mới dùng --unsealed. Chưa ghi gì.")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    seq: int
    size: int
    records: int
    counts: dict[str, int]
    sealed: bool
    file_sha256: str
    notes_unsent: tuple[str, ...] = ()  # plan bundle: cells whose review notes could not be sealed


def pack(keys, unit, lines: list[bytes], counts: dict[str, int], *, seq: int, after_rev: int, upto_rev: int,
         recipient: dict | None, now: datetime, kind: str = "report",
         acks: dict[str, int] | None = None, ack_revs: dict[str, int] | None = None,
         extra: dict | None = None) -> tuple[bytes, bytes, bytes]:
    """The three parts of a bundle: manifest, its signature, and the (sealed) payload. A plan
    bundle's manifest also carries `acks` (the last seq received from each cell) and `ack_revs`
    (the highest rev of each cell's records held); `extra` adds a kind's own fields.

    The manifest names the SHA-256 of the records before they are compressed and sealed
    (`records_sha256`), so the sender's signature covers the records themselves: a receiving level
    can forward them upward, opened, and its superior still checks them against this signature."""
    from nacl.public import PublicKey, SealedBox

    records = b"".join(lines)
    payload = gzip_bytes(records)
    if recipient:
        payload = SealedBox(PublicKey(unb64(recipient["encryption_key"]))).encrypt(payload)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "min_reader_version": FORMAT_VERSION,
        "app_version": __version__,
        "schema_version": SCHEMA_REVISIONS[-1],
        "bundle_id": f"{unit.id}:{seq}",
        "kind": kind,
        "sender_unit_id": unit.id,
        "sender_name": unit.name,
        "sender_code": unit.code,
        "sender_superior": unit.superior_name,
        "sender_encryption_key": b64(keys.encryption_public),
        "signer_key": b64(keys.signing_public),
        "signer_key_id": keys.fingerprint,
        "recipient_key": recipient["encryption_key"] if recipient else None,
        "recipient_key_id": fingerprint(unb64(recipient["signing_key"])) if recipient else None,
        "seq": seq,
        "after_rev": after_rev,
        "upto_rev": upto_rev,
        "created_at": now.isoformat(),
        "counts": counts,
        "payload_sha256": hashlib.sha256(payload).hexdigest(),
        "payload_size": len(payload),
        "records_sha256": hashlib.sha256(records).hexdigest(),
        **(extra or {}),
    }
    if kind == "plan":
        manifest["acks"] = acks or {}
        manifest["ack_revs"] = ack_revs or {}
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    return manifest_bytes, keys.signing_key.sign(manifest_bytes).signature, payload


def unit_records(db, unit_id: str, after_rev: int = 0) -> tuple[list[bytes], dict[str, int]]:
    """The lines of every record `unit_id` owns changed after `after_rev` (tombstones included),
    parents first, and their count per table."""
    lines, counts = [], {}
    for model in SYNCED_TABLES:
        rows = db.exec(select(model).where(model.unit_id == unit_id, col(model.rev) > after_rev).order_by(col(model.rev)))
        for row in rows:
            lines.append(record_line(row))
            counts[model.__tablename__] = counts.get(model.__tablename__, 0) + 1
    return lines, counts


def last_rev(db, unit_id: str) -> int:
    counter = db.get(RevCounter, unit_id)
    return counter.last_rev if counter else 0


def write_bundle_file(folder: Path, stem: str, unit_id: str, parts: tuple[bytes, bytes, bytes]) -> tuple[Path, str]:
    """Write the bundle under `stem`, or `stem-<unit id>` when another unit with the same code wrote
    that name on this stick; returns the path and the file's SHA-256."""
    target = folder / f"{stem}.chibo"
    if target.exists():
        target = folder / f"{stem}-{unit_id[:8]}.chibo"
    try:
        return target, write_bundle(target, *parts)
    except OSError as error:
        if is_disk_full(error):
            raise disk_full(folder) from error
        raise ChiboError(f"Không ghi được gói vào “{folder}”. Hãy kiểm tra USB còn chỗ trống và không bị khóa ghi, "
                         "rồi xuất lại.", detail=repr(error)) from error


def export_bundle(book, folder: Path, *, full: bool = False, unsealed: bool = False,
                  now: datetime | None = None) -> ExportResult:
    """Write the next report bundle into `folder` (which must exist: a stick that is not plugged in
    is not a folder to make). Sealed to the superior's key; without it, refused unless `unsealed`.
    The sequence number is spent only once the file has been written, read back and checked."""
    folder = existing_folder(folder)
    with book.session() as db:
        unit = local_unit(db)
        if unit.role != UnitRole.CELL:
            raise ChiboError("Sổ của cấp nhận báo cáo xuất gói kế hoạch cho các chi bộ (chibo plan export), "
                             "không xuất gói báo cáo.")
        if get_setting(db, RECIPIENT_SETTING) is None and not unsealed:
            raise ChiboError(NOT_SEALED)
    now = now or datetime.now(UTC)
    with book.session() as db:
        keys = unit_keys(db, book.folder)
        db.flush()  # a newly published key stamps the unit record: it travels in this bundle
        unit = local_unit(db)
        seq = int(get_setting(db, SEQ_SETTING, 0)) + 1
        after_rev = 0 if full else int(get_setting(db, ACKED_REV_SETTING, 0))
        upto_rev = last_rev(db, unit.id)
        lines, counts = unit_records(db, unit.id, after_rev)
        recipient = get_setting(db, RECIPIENT_SETTING)
        manifest_bytes, signature, payload = pack(keys, unit, lines, counts, seq=seq, after_rev=after_rev,
                                                  upto_rev=upto_rev, recipient=recipient, now=now)
        target, digest = write_bundle_file(folder, f"{unit.code}-{seq}-{now:%Y%m%d}", unit.id,
                                (manifest_bytes, signature, payload))
        set_setting(db, SEQ_SETTING, seq)
        sent = dict(get_setting(db, SENT_SETTING, {}))
        sent[str(seq)] = upto_rev
        set_setting(db, SENT_SETTING, sent)
        set_setting(db, SENT_AT_SETTING, now.isoformat())
    return ExportResult(target, seq, target.stat().st_size, len(lines), counts, recipient is not None, digest)


def held_revs(db, unit_ids) -> dict[str, int]:
    """Per unit, the highest rev of its records in this book."""
    highest = dict.fromkeys(unit_ids, 0)
    for model in SYNCED_TABLES:
        query = select(model.unit_id, func.max(model.rev)).where(col(model.unit_id).in_(list(highest)))
        for unit_id, rev in db.exec(query.group_by(model.unit_id)):
            highest[unit_id] = max(highest[unit_id], rev or 0)
    return {unit_id: rev for unit_id, rev in highest.items() if rev}


def plan_records(db, unit_id: str) -> tuple[list[bytes], dict[str, int]]:
    """What a receiving level sends down: its unit record (its public keys) and its documents to
    study with their deadlines, tombstones included."""
    documents = list(db.exec(select(Document).where(Document.unit_id == unit_id).order_by(col(Document.rev))))
    lines = [record_line(db.get(Unit, unit_id))] + [record_line(d) for d in documents]
    return lines, {"unit": 1, **({"document": len(documents)} if documents else {})}


def export_plan(book, folder: Path, *, now: datetime | None = None) -> ExportResult:
    """Receiving level: the plan bundle for all its cells, signed and not sealed (one file serves
    every cell; it holds no personal data): this unit's record with its public keys, its documents
    with their deadlines (tombstones included), and per approved cell the last seq received and
    the highest rev held; and, sealed to each cell's key, the reviews of the cell's latest bundles
    (`review_notes`)."""
    from chibo.sync.review_notes import sealed_reviews

    folder = existing_folder(folder)
    with book.session() as db:
        if local_unit(db).role != UnitRole.RECEIVING:
            raise ChiboError("Chỉ sổ của cấp nhận báo cáo (đảng ủy) mới xuất gói kế hoạch; chi bộ dùng “chibo export”.")
    now = now or datetime.now(UTC)
    with book.session() as db:
        keys = unit_keys(db, book.folder)
        db.flush()
        unit = local_unit(db)
        seq = int(get_setting(db, PLAN_SEQ_SETTING, 0)) + 1
        lines, counts = plan_records(db, unit.id)
        approved = list(db.exec(select(KnownUnit).where(KnownUnit.approval == "approved")))
        acks = {k.unit_id: k.last_seq for k in approved if k.last_seq > 0}
        reviews, unsent = sealed_reviews(db, [k.unit_id for k in approved])
        parts = pack(keys, unit, lines, counts, seq=seq, after_rev=0, upto_rev=last_rev(db, unit.id),
                     recipient=None, now=now, kind="plan", acks=acks,
                     ack_revs=held_revs(db, [k.unit_id for k in approved]), extra={"reviews": reviews})
        target, digest = write_bundle_file(folder, f"{unit.code}-KH-{seq}-{now:%Y%m%d}", unit.id, parts)
        set_setting(db, PLAN_SEQ_SETTING, seq)
    return ExportResult(target, seq, target.stat().st_size, len(lines), counts, False, digest, tuple(unsent))
