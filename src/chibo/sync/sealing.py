"""Checking a signature and opening a sealed payload: what the importer, the forward bundle's
nested bundles and the restore bundle share."""

from __future__ import annotations

import hashlib
from pathlib import Path

from chibo.services.keys import b64, load_keys, retired_private_keys
from chibo.sync.bundle import DAMAGED, BundleRefused


def signature_valid(manifest_bytes: bytes, signature: bytes, key: bytes) -> bool:
    from nacl.exceptions import BadSignatureError
    from nacl.exceptions import ValueError as NaclValueError
    from nacl.signing import VerifyKey

    try:
        VerifyKey(key).verify(manifest_bytes, signature)
    except (BadSignatureError, NaclValueError, TypeError, ValueError):
        return False
    return True


def open_sealed(payload: bytes, manifest: dict, folder: Path) -> bytes:
    """Open a sealed payload with this book's key, or with a key it replaced (a sender that had not
    yet learnt the new one)."""
    from nacl.exceptions import CryptoError
    from nacl.public import SealedBox

    if manifest["recipient_key"] is None:
        return payload
    keys = load_keys(folder)
    candidates = ([keys.private_key] if keys else []) + retired_private_keys(folder)
    private = next((k for k in candidates if b64(bytes(k.public_key)) == manifest["recipient_key"]), None)
    if private is None and not candidates:
        raise BundleRefused(f"Máy này không có khóa để mở gói niêm phong (thư mục {folder / 'keys'} không còn). Nếu "
                            "khóa đã mất, hãy tạo khóa mới (chibo keys new), xuất gói kế hoạch mới cho các chi bộ, "
                            "rồi xin các chi bộ xuất lại.", "recipient")
    if private is None:
        raise BundleRefused("Gói này được niêm phong cho một đơn vị nhận khác, máy này không mở được.", "recipient")
    try:
        return SealedBox(private).decrypt(payload)
    except CryptoError:
        raise BundleRefused(DAMAGED, "decrypt") from None


def check_records_hash(manifest: dict, records: bytes) -> None:
    """The records as the sender signed them (`records_sha256`, absent from bundles of an older
    chibo, whose payload hash is all there is)."""
    expected = manifest.get("records_sha256")
    if expected is not None and hashlib.sha256(records).hexdigest() != expected:
        raise BundleRefused(DAMAGED, "records_hash")
