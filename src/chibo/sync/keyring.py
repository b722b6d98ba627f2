"""Who may send to this book, and with which key: SSH's known hosts, with paper.

A sender is pinned to the key a person approved by comparing its fingerprint. A new unit, a new
key of a known unit, and at a cell a plan bundle from any unit other than its one superior are
held until a person approves that fingerprint; nothing else changes a pinned key. Every key seen
is kept (`known_key`): a replaced key's bundles made before the change (numbered below the new
key's first bundle) still import, later ones are refused.

`judge` decides without writing; `hold` and `approve_key` record the decision in the caller's
transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import select

from chibo.errors import ChiboError
from chibo.services.lookups import local_unit
from chibo.store.book import get_setting
from chibo.store.models import KnownKey, KnownUnit, Unit
from chibo.sync.bundle import BundleRefused
from chibo.text import fold
from chibo.vocabulary import UnitRole

RECIPIENT_SETTING = "sync_recipient"  # a cell's superior: its unit id, name, plan seq and public keys
_BODY_PREFIXES = ("ban thuong vu dang uy ", "dang uy ", "dang bo ", "chi bo ", "chi uy ")
# A province's committee and its organisation are named two ways: "Tỉnh ủy Lai Châu", "Đảng bộ tỉnh Lai Châu".
_COMMITTEES = {"tinh uy ": "tinh ", "thanh uy ": "thanh pho "}


@dataclass(frozen=True)
class Verdict:
    action: str  # accept / approve (given now by fingerprint) / hold (waits for a person)
    reason: str = ""  # hold: the sentence for the operator
    previous_fingerprint: str = ""  # a key change: the fingerprint approved before
    flag: str = ""  # the sender's superior is not this unit (or not the cell's declared superior)


def same_body(a: str, b: str) -> bool:
    """"Đảng bộ xã Nậm Xe" and "Đảng ủy xã Nậm Xe" name one commune (the organisation and its
    committee), "Đảng bộ tỉnh Lai Châu" and "Tỉnh ủy Lai Châu" one province; case, accents and
    spacing aside."""
    def core(name: str) -> str:
        folded = fold(name)
        for prefix in _BODY_PREFIXES:
            if folded.startswith(prefix):
                folded = folded[len(prefix):]
                break
        for committee, place in _COMMITTEES.items():
            if folded.startswith(committee):
                folded = place + folded[len(committee):]
        return re.sub(r"[^a-z0-9]", "", folded)

    return bool(core(a)) and core(a) == core(b)


def superior_flag(local, sender_name: str, declared_superior: str, *, downward: bool) -> str:
    """The warning that needs a second, explicit word: for a bundle coming up (a report, a forward),
    a sender that declares another committee as its superior; for a plan coming down, a committee
    that is not the superior this unit declared."""
    if not downward:
        if declared_superior and not same_body(declared_superior, local.name):
            return (f"Lưu ý: “{sender_name}” khai cấp trên là “{declared_superior}”, không phải “{local.name}”. Chỉ "
                    "xác nhận khi chắc chắn đơn vị này thuộc cấp mình (ví dụ vừa chuyển về).")
        return ""
    if local.superior_name and not same_body(sender_name, local.superior_name):
        return (f"Lưu ý: sổ này khai cấp trên là “{local.superior_name}”, còn gói kế hoạch do “{sender_name}” gửi. Chỉ "
                "xác nhận khi chắc chắn đây là cấp trên của chi bộ.")
    return ""


def key_row(db, unit_id: str, signing_key: str) -> KnownKey | None:
    return db.exec(select(KnownKey).where(KnownKey.unit_id == unit_id, KnownKey.signing_key == signing_key)).first()


def current_superior(db) -> dict:
    return get_setting(db, RECIPIENT_SETTING) or {}


def judge(db, manifest: dict, fingerprint: str, approve: frozenset[str], other_superior: bool) -> Verdict:
    """What to do with a bundle whose signature matches the key in its own manifest; raises
    BundleRefused for a rejected unit or key, and for a replaced key's bundle made after the change."""
    local = local_unit(db)
    sender, key, seq, name = (manifest["sender_unit_id"], manifest["signer_key"], manifest["seq"],
                              manifest["sender_name"])
    downward = manifest["kind"] == "plan"
    known = db.get(KnownUnit, sender)
    if known is not None and known.approval == "rejected":
        raise BundleRefused(f"Đơn vị “{name}” đã bị từ chối; gói không được nhập.", "rejected_unit")
    history = key_row(db, sender, key)
    if history is not None and history.status == "rejected":
        raise BundleRefused(f"Khóa {fingerprint} của “{name}” đã bị từ chối; gói không được nhập. Hãy liên hệ đơn vị "
                            "để kiểm tra.", "rejected_key")
    superior = current_superior(db).get("unit_id")
    _check_direction(local, known, superior, manifest)
    switch = downward and superior is not None and superior != sender
    if not switch and known is not None and known.signing_key != key and history is not None \
            and history.status == "retired":
        if history.until_seq is not None and seq < history.until_seq:
            return Verdict("accept")  # made before the key was replaced
        raise BundleRefused(f"Gói số {seq} của “{name}” ký bằng khóa cũ {fingerprint}, đã được thay bằng khóa "
                            f"{known.fingerprint} từ gói số {history.until_seq}: gói làm sau khi đổi khóa phải ký bằng "
                            "khóa mới. Không nhập; hãy liên hệ đơn vị để kiểm tra.", "retired_key")
    if not switch and known is not None and known.approval == "approved" and known.signing_key == key:
        return Verdict("accept")
    previous = (known.fingerprint if known is not None and known.signing_key != key
                and known.approval in ("approved", "former") else "")
    flag = superior_flag(local, name, manifest.get("sender_superior", ""), downward=downward)
    if fingerprint in approve and (not flag or other_superior):
        if history is not None and history.status == "retired":
            raise BundleRefused(f"Khóa {fingerprint} của “{name}” đã được thay bằng khóa khác; không xác nhận lại khóa "
                                "cũ. Hãy xin đơn vị xuất gói mới.", "retired_key")
        return Verdict("approve", previous_fingerprint=previous, flag=flag)
    return Verdict("hold", _hold_reason(db, manifest, fingerprint, previous, switch), previous, flag)


def _check_direction(local, known: KnownUnit | None, superior: str | None, manifest: dict) -> None:
    """A commune both receives its cells' bundles and its province's plans: a plan from a unit it
    counts as its own child, or a report from its superior, is a bundle taken to the wrong level."""
    name = manifest["sender_name"]
    if manifest["kind"] == "plan":
        if local.role == UnitRole.RECEIVING and known is not None and known.approval == "approved" \
                and known.unit_id != superior:
            raise BundleRefused(f"“{name}” là đơn vị cấp dưới của sổ này; gói kế hoạch “{name}” gửi các đơn vị cấp "
                                "dưới của họ không nhập ở đây.", "child_plan")
    elif superior is not None and manifest["sender_unit_id"] == superior:
        raise BundleRefused(f"“{name}” là cấp trên của sổ này; từ cấp trên, sổ chỉ nhập gói kế hoạch.", "superior_report")


def _hold_reason(db, manifest: dict, fingerprint: str, previous: str, switch: bool) -> str:
    name, seq = manifest["sender_name"], manifest["seq"]
    if previous:
        reason = (f"Khóa ký của “{name}” đã thay đổi: mã khóa cũ {previous}, mã khóa mới {fingerprint}. Gói số {seq} "
                  "được giữ lại, chưa nhập. Hãy hỏi chính đơn vị (qua điện thoại hoặc giấy có chữ ký) xem có đúng họ "
                  "vừa tạo khóa mới không, đối chiếu mã khóa mới rồi mới xác nhận.")
    elif manifest["kind"] != "plan":
        reason = (f"Đơn vị mới “{name}” chờ xác nhận mã khóa {fingerprint}. Hãy đối chiếu với mã khóa của đơn vị "
                  "(đơn vị xem bằng lệnh chibo info hoặc ở Cài đặt → Đơn vị, rồi đọc qua điện thoại) rồi xác nhận.")
    else:
        reason = (f"Gói kế hoạch của “{name}” chờ xác nhận mã khóa {fingerprint}. Hãy đối chiếu với mã khóa cấp trên "
                  "đọc cho (qua điện thoại hoặc trên giấy) rồi xác nhận.")
    if switch:
        current = current_superior(db).get("name", "")
        reason += (f" Cấp trên hiện tại của chi bộ là “{current}”; chi bộ chỉ có một cấp trên: xác nhận sẽ đổi cấp trên "
                   f"sang “{name}”, và gói báo cáo sau sẽ gửi toàn bộ sổ cho cấp trên mới.")
    return reason


def hold(db, manifest: dict, fingerprint: str) -> None:
    """Record a bundle held for a person's word: a new unit (pending), a new key of a known unit
    (a pending key), a plan from a unit that is not the cell's superior (the unit pending)."""
    sender, key, seq = manifest["sender_unit_id"], manifest["signer_key"], manifest["seq"]
    known = db.get(KnownUnit, sender)
    if known is None:
        known = KnownUnit(unit_id=sender, name=manifest["sender_name"], signing_key=key, fingerprint=fingerprint)
    elif known.approval == "pending":
        known.signing_key, known.fingerprint = key, fingerprint  # the newest key is the one to compare
    elif known.signing_key == key:
        known.approval = "pending"  # a former (or legacy second) superior asking to be the superior again
    known.superior_name = manifest.get("sender_superior", known.superior_name)
    db.add(known)
    row = key_row(db, sender, key)
    if row is None:
        row = KnownKey(unit_id=sender, signing_key=key, fingerprint=fingerprint, first_seq=seq)
    if row.status == "pending":
        row.first_seq = min(row.first_seq or seq, seq)
    db.add(row)


def approve_key(db, *, unit_id: str, name: str, signing_key: str, fingerprint: str, seq: int | None,
                superior_name: str, now: datetime) -> KnownUnit:
    """A person approved `fingerprint` for the unit: it becomes the unit's key. The key it replaces
    is retired, still valid for bundles numbered below the new key's first; other keys still
    waiting for this unit are declined."""
    known = db.get(KnownUnit, unit_id)
    new = key_row(db, unit_id, signing_key)
    if new is None:
        new = KnownKey(unit_id=unit_id, signing_key=signing_key, fingerprint=fingerprint, first_seq=seq)
    first = min((s for s in (new.first_seq, seq) if s is not None), default=None)
    if known is None:
        known = KnownUnit(unit_id=unit_id, name=name, signing_key=signing_key, fingerprint=fingerprint,
                          superior_name=superior_name)
    elif known.signing_key != signing_key and known.approval in ("approved", "former"):
        old = key_row(db, unit_id, known.signing_key) or KnownKey(
            unit_id=unit_id, signing_key=known.signing_key, fingerprint=known.fingerprint,
            first_seen_at=known.first_seen_at, approved_at=known.approved_at)
        old.status, old.retired_at, old.until_seq = "retired", now, first
        db.add(old)
    for waiting in db.exec(select(KnownKey).where(KnownKey.unit_id == unit_id, KnownKey.status == "pending")):
        if waiting.signing_key != signing_key:
            waiting.status = "rejected"
            db.add(waiting)
    known.signing_key, known.fingerprint = signing_key, fingerprint
    known.approval, known.approved_at = "approved", now
    new.status, new.approved_at, new.first_seq = "approved", now, first
    db.add(known)
    db.add(new)
    return known


def sealing_key(db, known: KnownUnit) -> str:
    """The encryption key that goes with the signing key approved for the unit: as its approved
    key's history holds it, or as the unit's own record (signed with that key) publishes it."""
    row = key_row(db, known.unit_id, known.signing_key)
    if row is not None and row.encryption_key:
        return row.encryption_key
    record = db.get(Unit, known.unit_id)
    if record is not None and record.signing_key == known.signing_key and record.encryption_key:
        return record.encryption_key
    raise ChiboError(f"Sổ này chưa có khóa niêm phong ứng với mã khóa {known.fingerprint} của “{known.name}”. Hãy để máy "
                     "của chi bộ ghi yêu cầu lấy lại sổ (chibo restore-request) rồi ghi gói khôi phục với --key TỆP-YÊU-CẦU.")
