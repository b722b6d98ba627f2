"""The manifest's schema, checked before anything in it is trusted.

Kinds: `report` (a cell to its superior), `plan` (a receiving level to its cells), `forward` (a
receiving level to its own superior: its records and its children's bundles with their
signatures, `sync.forward`), `restore` (a receiving level to a cell that lost its book, sealed to
the cell's newly approved key, `sync.restore_bundle`) and `request` (a new computer asking for
that restore with its new public keys)."""

from __future__ import annotations

import json

from chibo.sync.bundle import FORMAT, FORMAT_VERSION, BundleRefused

_FIELDS = {
    "format": str, "format_version": int, "min_reader_version": int, "app_version": str, "schema_version": str,
    "bundle_id": str, "kind": str, "sender_unit_id": str, "sender_name": str, "sender_code": str,
    "signer_key": str, "signer_key_id": str, "recipient_key": (str, type(None)), "recipient_key_id": (str, type(None)),
    "seq": int, "after_rev": int, "upto_rev": int, "created_at": str, "counts": dict, "payload_sha256": str,
    "payload_size": int,
}
# Added later: absent from bundles of older chibo, checked when present.
_OPTIONAL = {"sender_superior": str, "sender_encryption_key": str, "ack_revs": dict, "records_sha256": str,
             "forwarded": int, "restore_unit_id": str, "restore_unit_name": str, "restore_last_seq": int,
             "restore_rev": int, "reviews": dict}
KINDS = ("report", "plan", "forward", "restore", "request")
BAD_MANIFEST = "Phần mô tả (manifest) của gói không hợp lệ; gói bị từ chối. Hãy báo đơn vị gửi xuất lại gói."


def parse_manifest(data: bytes) -> dict:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BundleRefused(BAD_MANIFEST, "manifest") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleRefused(BAD_MANIFEST, "manifest")
    for name, kind in _FIELDS.items():
        value = manifest.get(name)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise BundleRefused(BAD_MANIFEST, "manifest")
    for name, kind in _OPTIONAL.items():
        if name in manifest and not isinstance(manifest[name], kind):
            raise BundleRefused(BAD_MANIFEST, "manifest")
    if manifest["min_reader_version"] > FORMAT_VERSION:
        raise BundleRefused(f"Gói được tạo bằng chibo mới hơn (định dạng {manifest['format_version']}). Hãy cập nhật "
                            "chibo lên bản mới rồi nhập lại.", "newer_format")
    if manifest["kind"] not in KINDS or manifest["seq"] < 1 or manifest["payload_size"] < 0:
        raise BundleRefused(BAD_MANIFEST, "manifest")
    if not _counts({k: v for k, v in manifest.items() if k in ("forwarded", "restore_last_seq", "restore_rev")}):
        raise BundleRefused(BAD_MANIFEST, "manifest")
    if manifest["kind"] == "restore" and not (manifest["recipient_key"] and isinstance(manifest.get("restore_unit_id"), str)
                                              and "restore_last_seq" in manifest and "restore_rev" in manifest):
        raise BundleRefused(BAD_MANIFEST, "manifest")  # a restore is always sealed, and says whose book it is
    if not _counts(manifest["counts"]):
        raise BundleRefused(BAD_MANIFEST, "manifest")
    if manifest["kind"] == "plan":
        acks = manifest.get("acks")
        if not isinstance(acks, dict) or not _counts(acks) or not _counts(manifest.get("ack_revs", {})):
            raise BundleRefused(BAD_MANIFEST, "manifest")
    return manifest


def _counts(values: dict) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in values.values())
