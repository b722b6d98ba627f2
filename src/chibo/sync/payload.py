"""Records as they travel: one JSON line per record with its table, id, rev, content hash and
fields; and the way back to table rows, checked field by field."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import date, datetime, time, timezone

from chibo.store.models import SYNCED_TABLES, SyncedRecord
from chibo.sync.bundle import BundleRefused, canonical_json

TABLES: dict[str, type[SyncedRecord]] = {model.__tablename__: model for model in SYNCED_TABLES}
# Not part of the content: stamped by the owner on every change.
_STAMPS = ("rev", "updated_at")


def _json_value(value):
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    return value


def record_fields(record: SyncedRecord) -> dict:
    return {column: _json_value(getattr(record, column)) for column in type(record).__table__.columns.keys()}


def content_hash(fields: dict) -> str:
    return hashlib.sha256(canonical_json({k: v for k, v in fields.items() if k not in _STAMPS})).hexdigest()


def record_line(record: SyncedRecord) -> bytes:
    fields = record_fields(record)
    line = {"table": type(record).__tablename__, "id": record.id, "rev": record.rev, "hash": content_hash(fields),
            "fields": fields}
    return canonical_json(line) + b"\n"


def _python_type(column_type) -> type:
    """SQLModel's AutoString and UTCDateTime report `object`; name them by what they store."""
    name = type(column_type).__name__
    if name == "AutoString":
        return str
    if name == "UTCDateTime":
        return datetime
    try:
        return column_type.python_type
    except NotImplementedError:
        return object


def _convert(model: type[SyncedRecord], name: str, value):
    column = model.__table__.columns[name]
    if value is None:
        if not column.nullable and not column.primary_key:
            raise ValueError(f"{name} cannot be empty")
        return None
    python_type = _python_type(column.type)
    if python_type is datetime:
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError(f"{name} has no time zone")
        return parsed
    if python_type is date:
        return date.fromisoformat(value)
    if python_type is time:
        return time.fromisoformat(value)
    if python_type is bool:
        if not isinstance(value, bool):
            raise ValueError(f"{name} is not true/false")
        return value
    if python_type is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{name} is not a whole number")
        return value
    if python_type is str:
        if not isinstance(value, str):
            raise ValueError(f"{name} is not text")
        limit = getattr(column.type, "length", None)
        if limit and len(value) > limit:
            raise ValueError(f"{name} is too long")
        return value
    raise ValueError(f"{name} has an unknown type")


def parse_records(data: bytes, sender_unit_id: str) -> list[dict]:
    """Every line checked: a known table, a UUID, a positive rev, the columns of the table with
    values of their types, the hash of the content, and the sender as owner."""
    records = []
    seen = set()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleRefused("Dữ liệu trong gói không đọc được (không phải UTF-8); gói bị từ chối.", "records") from None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            model = TABLES[entry["table"]]
            record_id = str(uuid.UUID(entry["id"]))
            if record_id != entry["id"] or entry["fields"].get("id") != record_id:
                raise ValueError("id")
            rev = entry["rev"]
            if isinstance(rev, bool) or not isinstance(rev, int) or rev < 1 or entry["fields"].get("rev") != rev:
                raise ValueError("rev")
            fields = entry["fields"]
            if set(fields) != set(model.__table__.columns.keys()):
                raise ValueError("columns")
            if content_hash(fields) != entry["hash"]:
                raise ValueError("hash")
            values = {name: _convert(model, name, value) for name, value in fields.items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            raise BundleRefused(f"Bản ghi thứ {number} trong gói không hợp lệ; gói bị từ chối. Hãy báo đơn vị gửi "
                                "xuất lại gói bằng chibo.", "records") from None
        if values["unit_id"] != sender_unit_id:
            raise BundleRefused(f"Bản ghi thứ {number} ghi là của đơn vị khác với đơn vị đã ký gói; gói bị từ chối.",
                                "foreign_record")
        key = (entry["table"], record_id)
        if key in seen:
            raise BundleRefused(f"Bản ghi thứ {number} bị lặp trong gói; gói bị từ chối.", "records")
        seen.add(key)
        records.append({"table": entry["table"], "model": model, "id": record_id, "rev": rev, "hash": entry["hash"],
                        "values": values})
    return records
