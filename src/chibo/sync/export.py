"""Export of a report bundle: every change not yet acknowledged by the receiving level (or all
records with `full`), signed, and sealed to the receiving level's key once it is known."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlmodel import col, select

from chibo import __version__
from chibo.errors import ChiboError
from chibo.services.units import local_unit
from chibo.store.book import get_setting, set_setting
from chibo.store.models import SYNCED_TABLES, RevCounter
from chibo.store.schema import SCHEMA_REVISIONS
from chibo.sync.bundle import FORMAT, FORMAT_VERSION, gzip_bytes, write_bundle
from chibo.sync.keys import b64, ensure_keys, fingerprint, unb64
from chibo.sync.payload import record_line

SEQ_SETTING = "sync_last_seq"
ACKED_REV_SETTING = "sync_acked_rev"  # the highest rev the receiving level confirmed
SENT_SETTING = "sync_sent"  # {seq: highest rev carried}
RECIPIENT_SETTING = "sync_recipient"  # the receiving level's public keys, from its plan bundle


@dataclass(frozen=True)
class ExportResult:
    path: Path
    seq: int
    size: int
    records: int
    counts: dict[str, int]
    sealed: bool
    file_sha256: str


def pack(keys, unit, lines: list[bytes], counts: dict[str, int], *, seq: int, after_rev: int, upto_rev: int,
         recipient: dict | None, now: datetime) -> tuple[bytes, bytes, bytes]:
    """The three parts of a report bundle: manifest, its signature, and the (sealed) payload."""
    from nacl.public import PublicKey, SealedBox

    payload = gzip_bytes(b"".join(lines))
    if recipient:
        payload = SealedBox(PublicKey(unb64(recipient["encryption_key"]))).encrypt(payload)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "min_reader_version": FORMAT_VERSION,
        "app_version": __version__,
        "schema_version": SCHEMA_REVISIONS[-1],
        "bundle_id": f"{unit.id}:{seq}",
        "kind": "report",
        "sender_unit_id": unit.id,
        "sender_name": unit.name,
        "sender_code": unit.code,
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
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    return manifest_bytes, keys.signing_key.sign(manifest_bytes).signature, payload


def export_bundle(book, folder: Path, *, full: bool = False, now: datetime | None = None) -> ExportResult:
    """Write the next report bundle into `folder`; the sequence number is spent only once the
    file has been written, read back and checked."""
    keys = ensure_keys(book)
    now = now or datetime.now(timezone.utc)
    folder = Path(folder)
    if not folder.is_dir():
        raise ChiboError(f"Không thấy thư mục “{folder}”. Hãy cắm USB hoặc chọn thư mục khác.")
    with book.session() as db:
        unit = local_unit(db)
        seq = int(get_setting(db, SEQ_SETTING, 0)) + 1
        after_rev = 0 if full else int(get_setting(db, ACKED_REV_SETTING, 0))
        counter = db.get(RevCounter, unit.id)
        upto_rev = counter.last_rev if counter else 0
        lines, counts = [], {}
        for model in SYNCED_TABLES:
            rows = db.exec(select(model).where(model.unit_id == unit.id, col(model.rev) > after_rev).order_by(col(model.rev)))
            for row in rows:
                lines.append(record_line(row))
                counts[model.__tablename__] = counts.get(model.__tablename__, 0) + 1
        recipient = get_setting(db, RECIPIENT_SETTING)
        manifest_bytes, signature, payload = pack(keys, unit, lines, counts, seq=seq, after_rev=after_rev,
                                                  upto_rev=upto_rev, recipient=recipient, now=now)
        target = folder / f"{unit.code}-{seq}-{now:%Y%m%d}.chibo"
        if target.exists():  # another unit with the same code wrote on this stick today
            target = folder / f"{unit.code}-{seq}-{now:%Y%m%d}-{unit.id[:8]}.chibo"
        try:
            digest = write_bundle(target, manifest_bytes, signature, payload)
        except OSError as error:
            raise ChiboError(f"Không ghi được gói vào “{folder}”. Hãy kiểm tra USB còn chỗ trống và không bị khóa ghi, "
                             "rồi xuất lại.", detail=repr(error)) from error
        set_setting(db, SEQ_SETTING, seq)
        sent = dict(get_setting(db, SENT_SETTING, {}))
        sent[str(seq)] = upto_rev
        set_setting(db, SENT_SETTING, sent)
    return ExportResult(target, seq, target.stat().st_size, len(lines), counts, recipient is not None, digest)
