"""Forwarding upward: a receiving level with a superior of its own (a commune under its province)
writes one bundle for that superior, signed by the commune over the whole and sealed to the
superior's key, that carries:

- a vouch per child the commune approved by fingerprint: the child's current signing key and the
  keys it replaced, each with the bundle number from which it stopped counting;
- the commune's own records (changes after what the superior acknowledged, or all with `full`);
- each child's bundle kept in `received/`, nested as its sender made it: its manifest, its
  signature and its records opened from the seal (the manifest's `records_sha256` is what the
  child signed), so the superior checks every record against the child's own signature and a
  record counts once whatever road it came by (`forwarded` opens it).

Incremental like a report bundle: a child's bundle is carried until the superior's plan bundle
acknowledges a forward that carried it. A bundle made by a chibo older than `records_sha256`
cannot be carried with its sender's signature: it is named in the result, and the cell is asked
for a full bundle. A refused forward writes nothing and spends no number."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import col, select

from chibo.errors import ChiboError
from chibo.services.keys import b64, unit_keys
from chibo.services.lookups import local_unit
from chibo.store.book import get_setting, set_setting
from chibo.store.files import existing_folder
from chibo.store.models import BundleLog, ForwardedBundle, KnownKey, KnownUnit
from chibo.sync.bundle import BundleRefused, canonical_json, gunzip_capped, read_bundle
from chibo.sync.export import (
    ACKED_REV_SETTING,
    ACKED_SEQ_SETTING,
    SENT_SETTING,
    SEQ_SETTING,
    last_rev,
    pack,
    unit_records,
    write_bundle_file,
)
from chibo.sync.keyring import current_superior
from chibo.sync.manifest import parse_manifest
from chibo.sync.sealing import check_records_hash, open_sealed
from chibo.vocabulary import UnitRole

NO_SUPERIOR = ("Chưa có khóa của cấp trên nên chưa chuyển lên được: gói chuyển lên mang dữ liệu cá nhân của đảng viên "
               "các chi bộ, phải niêm phong cho cấp trên. Hãy nhập gói kế hoạch của cấp trên trước (chibo import "
               "TỆP-KẾ-HOẠCH --approve MÃ-KHÓA-CẤP-TRÊN, hoặc trang Trao đổi dữ liệu), rồi chuyển lên lại. Chưa ghi gì.")


@dataclass(frozen=True)
class ForwardResult:
    path: Path
    seq: int
    size: int
    records: int  # the commune's own
    bundles: int  # its children's, nested
    units: int  # children vouched for
    file_sha256: str
    skipped: list[str] = field(default_factory=list)  # children's bundles that could not be carried, and why
    sealed: bool = True


def child_units(db) -> list[KnownUnit]:
    """The units this level approved by fingerprint as its own children: not its superior, not the
    grandchildren a child vouched for."""
    superior = current_superior(db).get("unit_id")
    return [k for k in db.exec(select(KnownUnit).where(KnownUnit.approval == "approved",
                                                       col(KnownUnit.vouched_by).is_(None))
                               .order_by(col(KnownUnit.name)))
            if k.unit_id != superior]


def vouch_line(db, known: KnownUnit) -> bytes:
    """The keys this level approved for a child, the current one and those it replaced."""
    rows = list(db.exec(select(KnownKey).where(KnownKey.unit_id == known.unit_id).order_by(col(KnownKey.first_seen_at))))
    current = next((k for k in rows if k.signing_key == known.signing_key), None)
    keys = [{"signing_key": known.signing_key, "status": "approved", "first_seq": current.first_seq if current else None,
             "until_seq": None}]
    keys += [{"signing_key": k.signing_key, "status": "retired", "first_seq": k.first_seq, "until_seq": k.until_seq}
             for k in rows if k.status == "retired" and k.until_seq is not None and k.signing_key != known.signing_key]
    return canonical_json({"vouch": {"unit_id": known.unit_id, "name": known.name,
                                     "superior_name": known.superior_name, "keys": keys}}) + b"\n"


class _NotCarried(Exception):
    pass


def nested_line(folder: Path, digest: str) -> tuple[bytes, dict]:
    """A child's bundle kept in `received/` as it goes inside the forward bundle: its manifest and
    signature as the child made them, and its records opened from the seal."""
    try:
        raw = read_bundle(folder / "received" / f"{digest}.chibo")
        if raw.file_sha256 != digest:
            raise _NotCarried("tệp lưu trong thư mục received đã bị thay đổi")
        manifest = parse_manifest(raw.manifest_bytes)
        if "records_sha256" not in manifest:
            raise _NotCarried("gói làm bằng chibo bản cũ, bản ghi không mang chữ ký của đơn vị")
        records = gunzip_capped(open_sealed(raw.payload, manifest, folder))
        check_records_hash(manifest, records)
    except BundleRefused as refused:
        raise _NotCarried(f"tệp lưu trong thư mục received không đọc được ({refused.message})") from None
    entry = {"manifest": b64(raw.manifest_bytes), "signature": b64(raw.signature), "records": records.decode("utf-8")}
    return canonical_json({"bundle": entry}) + b"\n", manifest


def _waiting_bundles(db, children: list[KnownUnit], full: bool) -> list[tuple[str, KnownUnit, int]]:
    """(file hash, child, seq) of the children's bundles imported here and not yet acknowledged
    upward, each once, by child and number."""
    by_id = {k.unit_id: k for k in children}
    acked = int(get_setting(db, ACKED_SEQ_SETTING, 0))
    done = set() if full else {f.file_sha256 for f in db.exec(select(ForwardedBundle).where(
        ForwardedBundle.forward_seq <= acked))}
    found: dict[str, tuple[str, KnownUnit, int]] = {}
    for entry in db.exec(select(BundleLog).where(BundleLog.outcome == "imported",
                                                 col(BundleLog.kind).in_(("report", "forward")),
                                                 col(BundleLog.sender_unit_id).in_(list(by_id)))):
        if entry.file_sha256 not in done:
            found.setdefault(entry.file_sha256, (entry.file_sha256, by_id[entry.sender_unit_id], entry.seq or 0))
    return sorted(found.values(), key=lambda item: (item[1].name, item[1].unit_id, item[2]))


def export_forward(book, folder: Path, *, full: bool = False, now: datetime | None = None) -> ForwardResult:
    """Write the next forward bundle into `folder` (which must exist). Refused, writing nothing and
    spending no number, at a cell or before the superior's key is known."""
    folder = existing_folder(folder)
    with book.session() as db:
        if local_unit(db).role != UnitRole.RECEIVING:
            raise ChiboError("Chỉ sổ của cấp nhận báo cáo (đảng ủy) mới chuyển gói của các đơn vị cấp dưới lên cấp "
                             "trên; chi bộ dùng “chibo export”.")
        if not current_superior(db):
            raise ChiboError(NO_SUPERIOR)
    now = now or datetime.now(UTC)
    with book.session() as db:
        keys = unit_keys(db, book.folder)
        db.flush()
        unit = local_unit(db)
        seq = int(get_setting(db, SEQ_SETTING, 0)) + 1
        after_rev = 0 if full else int(get_setting(db, ACKED_REV_SETTING, 0))
        upto_rev = last_rev(db, unit.id)
        own, counts = unit_records(db, unit.id, after_rev)
        children = child_units(db)
        lines = [vouch_line(db, known) for known in children] + own
        carried, skipped = [], []
        for digest, known, child_seq in _waiting_bundles(db, children, full):
            try:
                line, _manifest = nested_line(book.folder, digest)
            except _NotCarried as reason:
                skipped.append(f"Gói số {child_seq} của “{known.name}”: {reason}. Nếu cấp trên thiếu số liệu của "
                               f"“{known.name}”, hãy đề nghị đơn vị xuất gói đầy đủ (chibo export --full) rồi chuyển "
                               "lên lại.")
            else:
                lines.append(line)
            carried.append(digest)  # a skipped one too: said until the superior acknowledges this forward
        nested = len(carried) - len(skipped)
        parts = pack(keys, unit, lines, counts, seq=seq, after_rev=after_rev, upto_rev=upto_rev,
                     recipient=current_superior(db), now=now, kind="forward", extra={"forwarded": nested})
        target, digest = write_bundle_file(folder, f"{unit.code}-{seq}-{now:%Y%m%d}", unit.id, parts)
        set_setting(db, SEQ_SETTING, seq)
        sent = dict(get_setting(db, SENT_SETTING, {}))
        sent[str(seq)] = upto_rev
        set_setting(db, SENT_SETTING, sent)
        acked = int(get_setting(db, ACKED_SEQ_SETTING, 0))
        for child_digest in carried:
            row = db.get(ForwardedBundle, child_digest) or ForwardedBundle(file_sha256=child_digest, forward_seq=seq)
            if row.forward_seq > acked:  # an acknowledged bundle (carried again by --full) stays acknowledged
                row.forward_seq = seq
                db.add(row)
    return ForwardResult(target, seq, target.stat().st_size, len(own), nested, len(children), digest, skipped)
