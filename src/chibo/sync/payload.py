"""Records as they travel: one JSON line per record with its table, id, rev, content hash and
fields; and the way back to table rows, checked field by field."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, date, datetime, time

from chibo.store.models import SYNCED_TABLES, SyncedRecord
from chibo.sync.bundle import BundleRefused, canonical_json
from chibo.text import format_count
from chibo.text.safety import is_hidden

TABLES: dict[str, type[SyncedRecord]] = {model.__tablename__: model for model in SYNCED_TABLES}
# Not part of the content: stamped by the owner on every change.
_STAMPS = ("rev", "updated_at")


def _json_value(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    return value


def record_fields(record: SyncedRecord) -> dict:
    return {column: _json_value(getattr(record, column)) for column in type(record).__table__.columns.keys()}  # noqa: SIM118  (iterating gives Column objects, keys() the names)


_HASH_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))  # as canonical_json


def content_hash(fields: dict) -> str:
    content = {k: v for k, v in fields.items() if k not in _STAMPS}
    return hashlib.sha256(_HASH_ENCODER.encode(content).encode("utf-8")).hexdigest()


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


# Above any length a service accepts, so a record typed in an older chibo still travels.
MAX_TEXT = 100_000


class HiddenCharacters(ValueError):
    """A text field carries control or bidi characters."""


class TooLong(ValueError):
    """A text field is longer than any field chibo lets a person type."""

    def __init__(self, limit: int):
        super().__init__("too long")
        self.limit = limit


def _text(limit):
    def convert(value):
        if not isinstance(value, str):
            raise ValueError("not text")
        if len(value) > (limit or MAX_TEXT):
            raise TooLong(limit or MAX_TEXT)
        # What no record may hold (`text.safety`); a carriage return of a record typed on Windows
        # before lines were normalised still travels.
        if not value.isprintable() and any(is_hidden(ch, multiline=True) for ch in value if ch != "\r"):
            raise HiddenCharacters("hidden characters")
        return value
    return convert


def _whole(value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("not a whole number")
    return value


def _truth(value):
    if not isinstance(value, bool):
        raise ValueError("not true/false")
    return value


def _moment(value):
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("no time zone")
    return parsed


def _unknown(_value):
    raise ValueError("unknown type")


_CONVERTERS = {datetime: _moment, date: date.fromisoformat, time: time.fromisoformat, bool: _truth, int: _whole}
_converters_cache: dict[type, dict] = {}


def _converters(model: type[SyncedRecord]) -> dict[str, tuple]:
    """Per column, once per table: (may be empty, converter of a JSON value to the column's type)."""
    converters = _converters_cache.get(model)
    if converters is None:
        converters = {}
        for name, column in model.__table__.columns.items():
            python_type = _python_type(column.type)
            convert = (_text(getattr(column.type, "length", None)) if python_type is str
                       else _CONVERTERS.get(python_type, _unknown))
            converters[name] = (column.nullable or column.primary_key, convert)
        _converters_cache[model] = converters
    return converters


def _values(model: type[SyncedRecord], fields: dict) -> dict:
    """The fields as column values, each checked against its column's type; ValueError names none."""
    converters = _converters(model)
    if fields.keys() != converters.keys():
        raise ValueError("columns")
    values = {}
    for name, value in fields.items():
        nullable, convert = converters[name]
        if value is None:
            if not nullable:
                raise ValueError(f"{name} cannot be empty")
            values[name] = None
        else:
            values[name] = convert(value)
    return values


def parse_records(data: bytes, sender_unit_id: str, owners: frozenset[str] = frozenset()) -> list[dict]:
    """Every line checked: a known table, a UUID, a positive rev, the columns of the table with
    values of their types, the hash of the content, and the sender as owner (or one of `owners`:
    a restore bundle carries the cell's records beside its superior's)."""
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
            values = _values(model, fields)
            if content_hash(fields) != entry["hash"]:
                raise ValueError("hash")
        except HiddenCharacters:
            raise BundleRefused(f"Bản ghi thứ {number} trong gói có ký tự ẩn (ký tự điều khiển hoặc đổi chiều chữ); gói "
                                "bị từ chối. Hãy báo đơn vị gửi gõ lại trường có ký tự lạ rồi xuất gói mới.",
                                "records") from None
        except TooLong as too_long:
            raise BundleRefused(f"Bản ghi thứ {number} trong gói có một trường dài hơn {format_count(too_long.limit)} "
                                "ký tự; gói bị từ chối. Hãy báo đơn vị gửi rút gọn trường ấy (ghi chú, nội dung…) "
                                "rồi xuất gói mới.", "records") from None
        except (ValueError, KeyError, TypeError, AttributeError):
            raise BundleRefused(f"Bản ghi thứ {number} trong gói không hợp lệ; gói bị từ chối. Hãy báo đơn vị gửi "
                                "xuất lại gói bằng chibo.", "records") from None
        if values["unit_id"] != sender_unit_id and values["unit_id"] not in owners:
            raise BundleRefused(f"Bản ghi thứ {number} ghi là của đơn vị khác với đơn vị đã ký gói; gói bị từ chối.",
                                "foreign_record")
        key = (entry["table"], record_id)
        if key in seen:
            raise BundleRefused(f"Bản ghi thứ {number} bị lặp trong gói; gói bị từ chối.", "records")
        seen.add(key)
        records.append({"table": entry["table"], "model": model, "id": record_id, "rev": rev, "hash": entry["hash"],
                        "values": values})
    return records
