"""Review notes on their way down: the receiving level's plan bundle carries, for each cell, the
reviews of the cell's latest bundles (Cần bổ sung with its note, Đã duyệt), sealed to that cell's
key, in the manifest's `reviews` (cell id -> base64 of the sealed, gzipped JSON). The manifest is
what the superior signs, so the notes are signed like the rest of the plan; sealed, so only their
cell reads them (one plan bundle serves every cell, and a note may name a member). A chibo that
does not know `reviews` ignores it.

At the cell every part is checked before anything is written, and a note that does not fit (not
sealed to this cell, not JSON of the expected shape, too long, hidden characters) refuses the
whole plan bundle with a sentence, as a bad record would."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import date
from pathlib import Path

from sqlmodel import select

from chibo.errors import ChiboError
from chibo.services.keys import b64, load_keys, retired_private_keys, unb64
from chibo.store.models import BundleReview, KnownUnit
from chibo.sync.bundle import BundleRefused, canonical_json, gunzip_capped, gzip_bytes
from chibo.sync.keyring import sealing_key
from chibo.text.safety import is_hidden
from chibo.vocabulary import ReviewStatus

REVIEWS_PER_CELL = 5  # the latest reviewed bundles of each cell
MAX_REVIEWS = 20  # what a cell accepts (the writer sends at most REVIEWS_PER_CELL)
MAX_NOTE = 500
MAX_SEALED = 16 * 1024  # base64 text of one cell's reviews
_SENT_STATUSES = (ReviewStatus.NEEDS_MORE.value, ReviewStatus.APPROVED.value)
_STATUSES = tuple(s.value for s in ReviewStatus)
BAD_NOTES = ("Ghi chú duyệt gói của cấp trên trong gói kế hoạch không hợp lệ ({why}); gói kế hoạch bị từ chối, chưa "
             "ghi gì. Hãy báo cấp trên xuất lại gói kế hoạch bằng chibo.")


def _sealing_key(db, known: KnownUnit) -> str | None:
    try:
        return sealing_key(db, known)
    except ChiboError:  # a cell whose key is not known here gets no note; the caller says so
        return None


def sealed_reviews(db, unit_ids: list[str]) -> tuple[dict[str, str], list[str]]:
    """Per cell among `unit_ids` with reviewed bundles, its latest reviews sealed to its key; and
    the names of the cells whose notes could not be sealed (no encryption key known here)."""
    from nacl.public import PublicKey, SealedBox

    rows: dict[str, list[BundleReview]] = {}
    for row in db.exec(select(BundleReview).where(BundleReview.status.in_(_SENT_STATUSES))
                       .order_by(BundleReview.seq.desc())):
        if row.sender_unit_id in unit_ids and len(rows.setdefault(row.sender_unit_id, [])) < REVIEWS_PER_CELL:
            rows[row.sender_unit_id].append(row)
    sealed, unsent = {}, []
    for unit_id, reviews in rows.items():
        known = db.get(KnownUnit, unit_id)
        key = _sealing_key(db, known)
        if key is None:
            unsent.append(known.name)
            continue
        content = {"unit_id": unit_id, "reviews": [
            {"seq": r.seq, "status": r.status, "note": r.note,
             "reviewed_on": r.reviewed_at.date().isoformat() if r.reviewed_at else None} for r in reviews]}
        sealed[unit_id] = b64(SealedBox(PublicKey(unb64(key))).encrypt(gzip_bytes(canonical_json(content))))
    return sealed, unsent


def _refuse(why: str) -> BundleRefused:
    return BundleRefused(BAD_NOTES.format(why=why), "review_notes")


def _review(entry) -> dict:
    if not isinstance(entry, dict) or set(entry) != {"seq", "status", "note", "reviewed_on"}:
        raise _refuse("một mục không đúng dạng")
    seq, status, note, day = entry["seq"], entry["status"], entry["note"], entry["reviewed_on"]
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1 or status not in _STATUSES:
        raise _refuse("số gói hay trạng thái không đúng")
    if not isinstance(note, str):
        raise _refuse("ghi chú không phải chữ")
    if len(note) > MAX_NOTE:
        raise _refuse(f"một ghi chú dài {len(note)} ký tự, quá {MAX_NOTE} ký tự")
    if any(is_hidden(ch, multiline=True) for ch in note):
        raise _refuse("ghi chú có ký tự ẩn: ký tự điều khiển hoặc đổi chiều chữ")
    if day is not None:
        try:
            date.fromisoformat(day)
        except (TypeError, ValueError):
            raise _refuse("ngày duyệt không đúng") from None
    return {"seq": seq, "status": status, "note": note, "reviewed_on": day}


def open_reviews(manifest: dict, folder: Path, unit_id: str) -> list[dict] | None:
    """The reviews a plan bundle carries for this unit, checked; [] when it carries none for it,
    None when the plan predates review notes. Raises BundleRefused, before anything is written."""
    from nacl.exceptions import CryptoError
    from nacl.public import SealedBox

    carried = manifest.get("reviews")
    if carried is None:
        return None
    if not all(isinstance(k, str) and isinstance(v, str) and len(v) <= MAX_SEALED for k, v in carried.items()):
        raise _refuse("phần ghi chú quá lớn hoặc không đúng dạng")
    sealed = carried.get(unit_id)
    if sealed is None:
        return []
    try:
        data = base64.b64decode(sealed, validate=True)
    except (binascii.Error, ValueError):
        raise _refuse("không đọc được") from None
    keys = load_keys(folder)
    for private in ([keys.private_key] if keys else []) + retired_private_keys(folder):
        try:
            opened = SealedBox(private).decrypt(data)
            break
        except CryptoError:
            continue
    else:
        raise _refuse("không niêm phong cho khóa của đơn vị này")
    try:
        content = json.loads(gunzip_capped(opened).decode("utf-8"))
    except (BundleRefused, UnicodeDecodeError, ValueError):
        raise _refuse("không đọc được") from None
    if not isinstance(content, dict) or content.get("unit_id") != unit_id or not isinstance(content.get("reviews"), list):
        raise _refuse("không gửi cho đơn vị này")
    if len(content["reviews"]) > MAX_REVIEWS:
        raise _refuse(f"quá {MAX_REVIEWS} mục")
    return [_review(entry) for entry in content["reviews"]]
