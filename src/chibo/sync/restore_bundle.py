"""A cell's book given back from its superior's copy, when the cell lost its computer.

1. On the new computer, `chibo restore-request --name … --to E:\\` makes the computer's keys and
   writes a request carrying its public keys, signed with them; the secretary reads the new key
   fingerprint to the commune over the phone (`write_restore_request`).
2. At the commune, `chibo restore-bundle CELL --key E:\\<request> --approve FINGERPRINT --to E:\\`:
   the officer compares the fingerprint read out with the request's, both the key approved
   before and the new one shown (`export_restore`). The new key becomes the cell's key, as a
   key change approved by fingerprint does (`keyring.approve_key`): the one it replaces still
   counts for the bundles numbered up to the last one received, never for a later one, so the
   lost computer can no longer sign for the cell. The restore bundle is sealed to the new key
   and holds the commune's unit record and documents and every record of the cell it holds,
   with the last bundle number received and the highest change number held.
   When the cell's new key already reached the commune another way (a backup restored on the new
   computer, `chibo keys new`, a bundle approved with --approve), `restore-bundle CELL` seals to
   the key approved for it. It never seals to a key while a newer one of the cell waits for
   approval, nor for a unit not approved here.
3. On the new computer, `chibo import E:\\<restore>` with the commune's fingerprint approved
   sets the book up (`restore_import`).

The copy at the commune holds every record the cell sent; it does not hold what never travels:
the PDFs the cell archived when it issued numbered papers (their register rows do travel) and
the cell's settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

from sqlmodel import col, select

from chibo.errors import ChiboError, NotFoundError
from chibo.services.cleaning import NAME_LENGTH, clean_text
from chibo.services.keys import fingerprint, keys_for_new_computer, parse_fingerprint, unb64, unit_keys
from chibo.services.lookups import local_unit
from chibo.services.units import unit_code
from chibo.store.book import get_setting
from chibo.store.files import existing_folder
from chibo.store.models import KnownKey, KnownUnit, Unit, new_id
from chibo.sync.bundle import DAMAGED, BundleRefused, read_bundle
from chibo.sync.export import PLAN_SEQ_SETTING, held_revs, last_rev, pack, plan_records, unit_records, write_bundle_file
from chibo.sync.keyring import approve_key, current_superior, key_row, sealing_key
from chibo.sync.manifest import parse_manifest
from chibo.sync.sealing import signature_valid
from chibo.text import fold
from chibo.vocabulary import UnitRole


@dataclass(frozen=True)
class RestoreRequest:
    name: str  # as the secretary typed it on the new computer
    signing_key: str
    encryption_key: str
    fingerprint: str


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    unit_name: str
    fingerprint: str  # the key it is sealed to
    previous_fingerprint: str  # the key approved before, when this restore approved a new one ("" otherwise)
    records: int
    last_seq: int
    file_sha256: str


def write_restore_request(book, name: str, folder: Path, now: datetime | None = None) -> tuple[Path, str]:
    """On a new computer with an empty data folder: its keys (made once) and a request for its book
    written into `folder`; returns the file and the key fingerprint to read out."""
    if book.local_unit_id:
        with book.session() as db:
            unit = local_unit(db)
        raise ChiboError(f"Thư mục dữ liệu {book.folder} đã có sổ của “{unit.name}”: yêu cầu lấy lại sổ chỉ dùng trên máy "
                         "mới, với thư mục dữ liệu trống. Nếu sổ này được khôi phục từ bản sao lưu và khóa đã mất, hãy "
                         "tạo khóa mới (chibo keys new --yes) rồi xuất gói để cấp trên xác nhận mã khóa mới.")
    name = clean_text(name, "tên chi bộ", required=True, max_length=NAME_LENGTH)
    folder = existing_folder(folder)
    keys = keys_for_new_computer(book.folder)
    now = now or datetime.now(UTC)
    asking = SimpleNamespace(id=new_id(), name=name, code=unit_code(name), superior_name="")
    parts = pack(keys, asking, [], {}, seq=1, after_rev=0, upto_rev=0, recipient=None, now=now, kind="request")
    target, _digest = write_bundle_file(folder, f"{asking.code}-YEUCAU-{now:%Y%m%d}", asking.id, parts)
    return target, keys.fingerprint


def read_request(path: Path) -> RestoreRequest:
    """A new computer's request, its signature checked against the key it carries."""
    path = Path(path)
    try:
        raw = read_bundle(path)
        manifest = parse_manifest(raw.manifest_bytes)
    except BundleRefused as refused:
        raise ChiboError(refused.message) from None
    if manifest["kind"] != "request":
        raise ChiboError(f"Tệp “{path.name}” không phải yêu cầu lấy lại sổ của máy mới (tệp …-YEUCAU-….chibo do lệnh "
                         "chibo restore-request ghi ra trên máy mới).")
    try:
        signer, sealing = unb64(manifest["signer_key"]), unb64(manifest.get("sender_encryption_key", ""))
    except ValueError:
        raise ChiboError(DAMAGED) from None
    if len(signer) != 32 or len(sealing) != 32 or not signature_valid(raw.manifest_bytes, raw.signature, signer):
        raise ChiboError(DAMAGED)
    return RestoreRequest(manifest["sender_name"], manifest["signer_key"], manifest["sender_encryption_key"],
                          fingerprint(signer))


def find_child(db, text: str) -> KnownUnit:
    """A unit this level receives from, by its code, name (or part of it, accents aside) or id."""
    superior = current_superior(db).get("unit_id")
    units = [k for k in db.exec(select(KnownUnit).order_by(col(KnownUnit.name))) if k.unit_id != superior]
    codes = {u.id: u.code for u in db.exec(select(Unit).where(col(Unit.id).in_([k.unit_id for k in units])))}
    typed, folded = text.strip(), fold(text.strip())
    matches = [k for k in units if typed in (k.unit_id, k.fingerprint) or codes.get(k.unit_id, "").upper() == typed.upper()
               or fold(k.name) == folded]
    if not matches and len(folded) >= 3:
        matches = [k for k in units if folded in fold(k.name) or k.unit_id.startswith(typed.lower())]
    if not matches:
        raise NotFoundError(f"Không thấy đơn vị “{typed}” trong các đơn vị gửi báo cáo cho sổ này. Tên và mã các đơn vị: "
                            "chibo summary --json.")
    if len(matches) > 1:
        raise NotFoundError(f"“{typed}” khớp với nhiều đơn vị: " + "; ".join(
            f"{k.name} (mã {codes.get(k.unit_id) or '?'}, mã khóa {k.fingerprint})" for k in matches)
            + ". Hãy gõ mã của đơn vị.")
    return matches[0]


def _approved_key(db, known: KnownUnit, asked: RestoreRequest | None, typed: str | None, now: datetime) -> tuple[str, str]:
    """The encryption key to seal to, and the fingerprint approved before when the request's key is
    approved now ("" otherwise). Writes the approval in the caller's transaction."""
    if asked is None or asked.signing_key == known.signing_key:
        if typed and typed != known.fingerprint:
            raise ChiboError(f"Mã khóa {typed} không phải mã khóa đã xác nhận của “{known.name}” ({known.fingerprint}); "
                             "chưa ghi gì.")
        waiting = db.exec(select(KnownKey).where(KnownKey.unit_id == known.unit_id, KnownKey.status == "pending")).first()
        if waiting is not None:
            raise ChiboError(f"“{known.name}” có khóa mới đang chờ xác nhận (mã khóa {waiting.fingerprint}). Gói khôi phục "
                             "không niêm phong cho khóa cũ, của máy đã mất: hãy đối chiếu và xác nhận khóa mới trước "
                             f"(chibo import … --approve {waiting.fingerprint}, hoặc trang Trao đổi dữ liệu), rồi ghi "
                             "gói khôi phục. Chưa ghi gì.")
        return (asked.encryption_key if asked else sealing_key(db, known)), ""
    history = key_row(db, known.unit_id, asked.signing_key)
    if history is not None and history.status in ("retired", "rejected"):
        raise ChiboError(f"Mã khóa {asked.fingerprint} trong yêu cầu là khóa cũ hoặc đã bị từ chối của “{known.name}”; "
                         "không ghi gói khôi phục. Hãy để máy mới ghi yêu cầu mới.")
    if typed != asked.fingerprint:
        head = (f"Mã khóa {typed} không khớp với mã khóa trong yêu cầu. " if typed else "")
        raise ChiboError(f"{head}“{known.name}”: mã khóa đã xác nhận {known.fingerprint}; máy mới (khai tên "
                         f"“{asked.name}”) xin lấy lại sổ với mã khóa {asked.fingerprint}. Hãy gọi điện cho bí thư chi bộ, "
                         "đối chiếu mã khóa mới với mã hiện trên máy mới, rồi ghi lại với --approve "
                         f"{asked.fingerprint}. Chưa ghi gì, chưa xác nhận gì.")
    previous = known.fingerprint
    approve_key(db, unit_id=known.unit_id, name=known.name, signing_key=asked.signing_key, fingerprint=asked.fingerprint,
                seq=known.last_seq + 1, superior_name=known.superior_name, now=now)
    row = key_row(db, known.unit_id, asked.signing_key)
    row.encryption_key = asked.encryption_key
    db.add(row)
    return asked.encryption_key, previous


def export_restore(book, cell: str, folder: Path, *, request: Path | None = None, approve: str | None = None,
                   now: datetime | None = None) -> RestoreResult:
    """Write the restore bundle of the unit named `cell` into `folder`, sealed to its approved key,
    or to the key of `request` once `approve` is that key's fingerprint. A refusal writes nothing
    and approves nothing."""
    folder = existing_folder(folder)
    asked = read_request(request) if request else None
    typed = parse_fingerprint(approve) if approve else None
    now = now or datetime.now(UTC)
    with book.session() as db:
        if local_unit(db).role != UnitRole.RECEIVING:
            raise ChiboError("Chỉ cấp nhận báo cáo (đảng ủy) mới ghi gói khôi phục, từ bản sao sổ của các chi bộ mình "
                             "giữ.")
        known = find_child(db, cell)
        if known.vouched_by is not None:  # its records came through a commune, which is its superior
            via = db.get(KnownUnit, known.vouched_by)
            raise ChiboError(f"“{known.name}” gửi báo cáo qua “{via.name if via else known.vouched_by}”: gói khôi phục "
                             "do chính cấp trên trực tiếp ấy ghi. Chưa ghi gì.")
        if known.approval != "approved":
            raise ChiboError(f"“{known.name}” chưa được xác nhận mã khóa ở sổ này; gói khôi phục chỉ niêm phong cho khóa "
                             "đã xác nhận. Chưa ghi gì.")
        sealing, previous = _approved_key(db, known, asked, typed, now)
        db.flush()
        cell_lines, cell_counts = unit_records(db, known.unit_id)
        if not cell_counts.get("unit"):
            raise ChiboError(f"Sổ này chưa có bản ghi nào của “{known.name}”, nên không có gì để khôi phục. Chưa ghi gì.")
        keys = unit_keys(db, book.folder)
        db.flush()
        unit = local_unit(db)
        lines, counts = plan_records(db, unit.id)
        for table, count in cell_counts.items():
            counts[table] = counts.get(table, 0) + count
        rev = held_revs(db, [known.unit_id]).get(known.unit_id, 0)
        parts = pack(keys, unit, lines + cell_lines, counts, seq=max(int(get_setting(db, PLAN_SEQ_SETTING, 0)), 1),
                     after_rev=0, upto_rev=last_rev(db, unit.id),
                     recipient={"signing_key": known.signing_key, "encryption_key": sealing}, now=now, kind="restore",
                     extra={"restore_unit_id": known.unit_id, "restore_unit_name": known.name,
                            "restore_last_seq": known.last_seq, "restore_rev": rev})
        code = (db.get(Unit, known.unit_id).code or unit_code(known.name))
        target, digest = write_bundle_file(folder, f"{code}-KHOIPHUC-{now:%Y%m%d}", known.unit_id, parts)
    return RestoreResult(target, known.name, known.fingerprint, previous, len(lines) + len(cell_lines), known.last_seq,
                         digest)
