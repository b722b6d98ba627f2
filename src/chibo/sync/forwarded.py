"""Opening a forward bundle at the level above (a province reading what a commune forwarded).

The payload holds three kinds of lines: the commune's own records (as in any bundle), one
`vouch` per child whose keys the commune approved by fingerprint (its current key and the keys it
replaced, with the bundle number from which each stopped counting), and one `bundle` per child's
bundle, nested as its sender wrote it: the manifest, the sender's signature, and the records the
manifest's `records_sha256` names. The commune's signature covers the whole (the outer manifest
names the payload's hash), each cell's signature covers its own records, so the province checks
both levels: a record changed at the commune no longer matches its cell's signature.

Trust: the province approved the commune by fingerprint; the commune vouches for the keys of its
cells, and the province pins them (`known_unit.vouched_by`) without asking each cell, since the
commune's officer compared them. A cell's key change vouched by the same commune is taken (the old
key retired as the commune retired it); a key for a cell that another commune (or the province
itself) pinned with a different key is refused, so no commune can sign as another commune's cell.
A nested bundle may itself be a forward bundle (a province forwarding to the level above it): it
is opened the same way, one level down.

Nothing here writes; `apply_forward` writes what was checked, in the importer's transaction."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlmodel import select

from chibo.services.keys import fingerprint, unb64
from chibo.services.lookups import local_unit
from chibo.store.models import KnownKey, KnownUnit
from chibo.sync.bundle import BundleRefused
from chibo.sync.keyring import approve_key, current_superior
from chibo.sync.manifest import parse_manifest
from chibo.sync.merge import upsert
from chibo.sync.payload import parse_records
from chibo.sync.sealing import signature_valid
from chibo.text.safety import is_hidden

MAX_DEPTH = 4  # cell, commune, province, the level above, and one more
KEY_STATUSES = ("approved", "retired")
_OUTCOMES = ("new", "updated", "duplicate", "stale", "conflict")


@dataclass(frozen=True)
class VouchedKey:
    signing_key: str  # base64
    status: str  # approved / retired
    first_seq: int | None
    until_seq: int | None  # retired: its bundles numbered below this still count


@dataclass
class Vouch:
    """A commune's word on one of its children's keys."""

    unit_id: str
    name: str
    superior_name: str
    keys: dict[str, VouchedKey]
    voucher_id: str
    voucher_name: str
    action: str = ""  # new / same / change / older: what pinning it changes here
    trusted: bool = False  # its word on the unit's keys counts: the unit is new here, or this voucher pinned it
    regroup: bool = False  # the unit is shown under its voucher from now on

    @property
    def current(self) -> str:
        return next(k.signing_key for k in self.keys.values() if k.status == "approved")


@dataclass
class NestedReport:
    """One child's bundle inside a forward bundle, as it merged."""

    sender_unit_id: str
    sender_name: str
    seq: int
    voucher_name: str
    kind: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_OUTCOMES, 0))
    conflicts: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"sender_unit_id": self.sender_unit_id, "sender_name": self.sender_name, "seq": self.seq,
                "kind": self.kind, "forwarded_by": self.voucher_name, "counts": self.counts, "conflicts": self.conflicts}


@dataclass
class NestedBundle:
    sender_unit_id: str
    sender_name: str
    seq: int
    voucher_name: str
    kind: str
    records: list[dict]


@dataclass
class ForwardContent:
    """What a forward bundle brings, checked: its sender's own records, the keys to pin, and the
    children's bundles in the order they merge (a nested commune's own records before its cells')."""

    records: list[dict]
    vouches: list[Vouch] = field(default_factory=list)
    nested: list[NestedBundle] = field(default_factory=list)

    @property
    def record_count(self) -> int:
        return len(self.records) + sum(len(n.records) for n in self.nested)


class ForwardRefused(BundleRefused):
    """A forward bundle refused for what one of its parts says: the sentence names the part."""


def _refused(text: str, code: str = "forward") -> ForwardRefused:
    return ForwardRefused(text + " Không nhập gì từ tệp này.", code)


BAD_VOUCH = "Phần xác nhận khóa các đơn vị cấp dưới trong gói chuyển lên không hợp lệ; gói bị từ chối."


def _seq_or_none(value) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("seq")
    return value


def _vouch(entry, voucher_id: str, voucher_name: str) -> Vouch:
    """A vouch line, each field checked; BundleRefused when malformed."""
    try:
        unit_id = str(uuid.UUID(entry["unit_id"]))
        name, superior = entry["name"], entry.get("superior_name", "")
        if unit_id != entry["unit_id"] or not isinstance(name, str) or not isinstance(superior, str) \
                or not 0 < len(name) <= 300 or len(superior) > 300:
            raise ValueError("names")
        if any(is_hidden(ch) for ch in name + superior):
            raise ValueError("hidden")
        keys = {}
        for item in entry["keys"]:
            key = item["signing_key"]
            if len(unb64(key)) != 32 or item["status"] not in KEY_STATUSES or key in keys:
                raise ValueError("key")
            until = _seq_or_none(item.get("until_seq"))
            if (item["status"] == "retired") != (until is not None):
                raise ValueError("until")
            keys[key] = VouchedKey(key, item["status"], _seq_or_none(item.get("first_seq")), until)
        if sum(k.status == "approved" for k in keys.values()) != 1:
            raise ValueError("one key in use")
    except (KeyError, TypeError, ValueError, AttributeError):
        raise BundleRefused(BAD_VOUCH, "vouch") from None
    return Vouch(unit_id, name, superior, keys, voucher_id, voucher_name)


def _split(data: bytes) -> tuple[bytes, list[dict], list[dict]]:
    """The record lines (as bytes, for `parse_records`), the vouches and the nested bundles."""
    records, vouches, bundles = [], [], []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleRefused("Dữ liệu trong gói không đọc được (không phải UTF-8); gói bị từ chối.", "records") from None
    for line in text.split("\n"):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            raise BundleRefused(BAD_VOUCH, "forward_line") from None
        if isinstance(entry, dict) and "table" in entry:
            records.append(line)
        elif isinstance(entry, dict) and set(entry) == {"vouch"} and isinstance(entry["vouch"], dict):
            vouches.append(entry["vouch"])
        elif isinstance(entry, dict) and set(entry) == {"bundle"} and isinstance(entry["bundle"], dict):
            bundles.append(entry["bundle"])
        else:
            raise BundleRefused(BAD_VOUCH, "forward_line")
    return "".join(r + "\n" for r in records).encode("utf-8"), vouches, bundles


class _Opening:
    """The state of one forward bundle's check: the local unit, the vouches seen at every level
    (a unit vouched twice is refused), and what the province's book already pins."""

    def __init__(self, db):
        self.db = db
        self.local = local_unit(db)
        self.superior = current_superior(db).get("unit_id")
        self.vouches: dict[str, Vouch] = {}

    def history(self, unit_id: str) -> dict[str, KnownKey]:
        return {k.signing_key: k for k in self.db.exec(select(KnownKey).where(KnownKey.unit_id == unit_id))}

    def pin(self, vouch: Vouch, newest_seq: int) -> None:
        """Decide what the vouch changes here (`vouch.action`), or refuse it."""
        name, voucher = vouch.name, vouch.voucher_name
        if vouch.unit_id in (self.local.id, self.superior, vouch.voucher_id) or vouch.unit_id in self.vouches:
            raise _refused(f"“{voucher}” xác nhận khóa cho “{name}”, một đơn vị không phải cấp dưới của mình (hoặc "
                           "xác nhận hai lần).")
        self.vouches[vouch.unit_id] = vouch
        known = self.db.get(KnownUnit, vouch.unit_id)
        if known is None or known.approval == "pending":
            vouch.action, vouch.trusted, vouch.regroup = "new", True, True
            return
        if known.approval == "rejected":
            raise _refused(f"“{voucher}” chuyển lên gói của “{name}”, đơn vị đã bị từ chối ở sổ này.")
        history = self.history(vouch.unit_id)
        fp = fingerprint(unb64(vouch.current))
        if vouch.current == known.signing_key:
            vouch.action = "same"
        elif vouch.current in history and history[vouch.current].status == "retired":
            vouch.action = "older"  # said before the unit's key changed: it changes nothing
        elif known.vouched_by == vouch.voucher_id and vouch.keys.get(known.signing_key, None) is not None \
                and vouch.keys[known.signing_key].status == "retired":
            vouch.action = "change"
        else:
            by = "chính sổ này" if known.vouched_by is None else f"“{self._name(known.vouched_by)}”"
            raise _refused(f"“{voucher}” xác nhận cho “{name}” mã khóa {fp}, khác với mã khóa {known.fingerprint} đã "
                           f"được {by} xác nhận cho đơn vị ấy. Hãy hỏi “{name}” (qua điện thoại) mã khóa hiện nay và "
                           "cấp trên trực tiếp của họ, rồi báo cho đơn vị đã chuyển gói lên.", "vouch_conflict")
        # Only the commune that vouched for the unit here may add to its keys; another one (the cell's
        # public key is in every manifest) changes nothing it could sign with.
        vouch.trusted = vouch.action == "change" or known.vouched_by == vouch.voucher_id
        # The newest news of a unit decides where it is shown: a unit that moved to another commune
        # (or from reporting here directly to a commune) is shown there once that commune forwards a
        # bundle of it, signed with a key pinned here, newer than any received before; a replayed
        # older forward moves nothing.
        vouch.regroup = known.vouched_by != vouch.voucher_id and newest_seq > known.last_seq

    def _name(self, unit_id: str) -> str:
        known = self.db.get(KnownUnit, unit_id)
        return known.name if known else unit_id

    def key_valid(self, unit_id: str, signing_key: str, seq: int) -> bool:
        """The key as the province will pin it once this bundle is taken: in use, or replaced with
        this bundle numbered before the change."""
        keys = {k: (row.status, row.until_seq) for k, row in self.history(unit_id).items()}
        vouch = self.vouches[unit_id]
        if vouch.trusted and vouch.action != "older":
            for key, stated in vouch.keys.items():
                if vouch.action != "same" or key not in keys:
                    keys[key] = (stated.status, stated.until_seq)
        status, until = keys.get(signing_key, ("", None))
        return status == "approved" or (status == "retired" and until is not None and seq < until)


def open_forward(db, data: bytes, sender_id: str, sender_name: str, expected_bundles: int | None) -> ForwardContent:
    """Every check of a forward bundle's opened payload, the nested bundles included; raises
    BundleRefused with the sentence of the first failure."""
    return _open(_Opening(db), data, sender_id, sender_name, expected_bundles, depth=1)


def _open(state: _Opening, data: bytes, sender_id: str, sender_name: str, expected_bundles: int | None,
          depth: int) -> ForwardContent:
    if depth > MAX_DEPTH:
        raise _refused("Gói chuyển lên lồng nhau quá nhiều cấp.")
    record_lines, vouch_entries, bundle_entries = _split(data)
    if expected_bundles is not None and expected_bundles != len(bundle_entries):
        raise _refused("Số gói của đơn vị cấp dưới trong gói chuyển lên không khớp với phần mô tả.")
    content = ForwardContent(parse_records(record_lines, sender_id))
    vouches = [_vouch(entry, sender_id, sender_name) for entry in vouch_entries]
    opened = [_nested_manifest(entry, sender_name) for entry in bundle_entries]
    newest: dict[str, int] = {}
    for manifest, *_ in opened:
        newest[manifest["sender_unit_id"]] = max(newest.get(manifest["sender_unit_id"], 0), manifest["seq"])
    for vouch in vouches:
        state.pin(vouch, newest.get(vouch.unit_id, 0))
    content.vouches += vouches
    here = {v.unit_id for v in vouches}
    for manifest, manifest_bytes, signature, records in opened:
        content_of_child = _check_nested(state, manifest, manifest_bytes, signature, records, here, sender_name, depth)
        content.vouches += content_of_child.vouches
        content.nested += content_of_child.nested
    return content


def _nested_manifest(entry: dict, voucher_name: str):
    try:
        manifest_bytes, signature = unb64(entry["manifest"]), unb64(entry["signature"])
        records = entry["records"].encode("utf-8")
    except (KeyError, TypeError, ValueError, AttributeError):
        raise _refused(f"Một gói của đơn vị cấp dưới trong gói chuyển lên của “{voucher_name}” bị hỏng.") from None
    try:
        manifest = parse_manifest(manifest_bytes)
    except BundleRefused:
        raise _refused(f"Phần mô tả của một gói đơn vị cấp dưới trong gói chuyển lên của “{voucher_name}” không hợp "
                       "lệ.") from None
    return manifest, manifest_bytes, signature, records


def _check_nested(state: _Opening, manifest: dict, manifest_bytes: bytes, signature: bytes, records: bytes,
                  vouched_here: set[str], voucher_name: str, depth: int) -> ForwardContent:
    """One child's bundle: vouched for in the same forward, signed with a key that counts for its
    number, its records exactly those its sender signed."""
    sender, name, seq = manifest["sender_unit_id"], manifest["sender_name"], manifest["seq"]
    what = f"Gói số {seq} của “{name}” trong gói chuyển lên của “{voucher_name}”"
    if manifest["kind"] not in ("report", "forward"):
        raise _refused(f"{what} không phải gói báo cáo.")
    if sender not in vouched_here:
        raise _refused(f"{what} không có xác nhận khóa của “{voucher_name}” cho đơn vị ấy.")
    signer = manifest["signer_key"]
    if not state.key_valid(sender, signer, seq):
        raise _refused(f"{what} ký bằng mã khóa {manifest['signer_key_id']}, không phải khóa đã được xác nhận cho đơn "
                       "vị ấy ở số gói này.", "nested_key")
    try:
        valid = signature_valid(manifest_bytes, signature, unb64(signer))
    except ValueError:
        valid = False
    if not valid:
        raise _refused(f"{what}: chữ ký của “{name}” không khớp; phần mô tả đã bị sửa sau khi đơn vị ký.",
                       "nested_signature")
    if manifest.get("records_sha256") != hashlib.sha256(records).hexdigest():
        raise _refused(f"{what}: các bản ghi không khớp với chữ ký của “{name}”, đã bị sửa sau khi đơn vị ký. Hãy báo "
                       f"“{voucher_name}” chuyển lên lại từ gói gốc của đơn vị.", "nested_records")
    try:
        if manifest["kind"] == "forward":
            inner = _open(state, records, sender, name, manifest.get("forwarded"), depth + 1)
        else:
            inner = ForwardContent(parse_records(records, sender))
    except ForwardRefused:
        raise
    except BundleRefused as refused:
        raise _refused(f"{what}: {refused.message}", refused.code) from None
    if counts_of(inner.records) != {k: v for k, v in manifest["counts"].items() if v}:
        raise _refused(f"{what}: số bản ghi không khớp với phần mô tả.")
    inner.nested.insert(0, NestedBundle(sender, name, seq, voucher_name, manifest["kind"], inner.records))
    return inner


def counts_of(records: list[dict]) -> dict[str, int]:
    """Records per table, to compare with what a manifest says it carries."""
    counted: dict[str, int] = {}
    for record in records:
        counted[record["table"]] = counted.get(record["table"], 0) + 1
    return counted


def _pin_keys(db, vouch: Vouch, now: datetime) -> None:
    """Write what the vouch changes: a unit seen for the first time with its history, a key change
    as its commune made it, keys of the history not known here yet (from the commune that vouched
    for the unit only)."""
    known = db.get(KnownUnit, vouch.unit_id)
    if not vouch.trusted:  # another commune's word: at most where the unit is shown
        if vouch.regroup:
            known.vouched_by = vouch.voucher_id
            db.add(known)
        return
    history = {k.signing_key: k for k in db.exec(select(KnownKey).where(KnownKey.unit_id == vouch.unit_id))}
    for key, stated in vouch.keys.items():
        if key not in history and stated.status == "retired":
            db.add(KnownKey(unit_id=vouch.unit_id, signing_key=key, fingerprint=fingerprint(unb64(key)),
                            status="retired", first_seq=stated.first_seq, until_seq=stated.until_seq,
                            approved_at=now, retired_at=now))
    current = vouch.keys[vouch.current]
    if vouch.action in ("new", "change") or known is None:
        # The replaced key stops at the new key's first bundle, as approve_key did at the commune.
        known = approve_key(db, unit_id=vouch.unit_id, name=vouch.name, signing_key=vouch.current,
                            fingerprint=fingerprint(unb64(vouch.current)), seq=current.first_seq,
                            superior_name=vouch.superior_name, now=now)
    known.name, known.superior_name = vouch.name, vouch.superior_name
    if vouch.regroup:
        known.vouched_by = vouch.voucher_id
    db.add(known)


def apply_forward(db, content: ForwardContent, report, quarantine: Path, now: datetime) -> None:
    """In the importer's transaction: pin the vouched keys, then merge each child's bundle as if
    it had come on its own, adding its counts to `report` (and a line per bundle in `report.nested`)."""
    for vouch in content.vouches:
        if vouch.action != "older":
            _pin_keys(db, vouch, now)
    db.flush()
    for index, nested in enumerate(content.nested):
        line = NestedReport(nested.sender_unit_id, nested.sender_name, nested.seq, nested.voucher_name, nested.kind)
        upsert(db, nested.records, nested.sender_unit_id, line, quarantine.with_name(f"{quarantine.stem}-{index}.jsonl"))
        for outcome, count in line.counts.items():
            report.counts[outcome] += count
        report.conflicts += line.conflicts
        report.nested.append(line)
        known = db.get(KnownUnit, nested.sender_unit_id)
        known.last_seq = max(known.last_seq, nested.seq)
        db.add(known)
