"""Helpers every service uses: live-row queries, id prefixes, input cleaning."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from sqlmodel import col, select

from chibo.errors import NotFoundError, ValidationError
from chibo.store.models import SyncedRecord
from chibo.text import format_count, nfc, parse_date
from chibo.text.safety import is_hidden

R = TypeVar("R", bound=SyncedRecord)

# Field lengths that fit what a paper can print.
NAME_LENGTH = 100  # a person's or a unit's name
SHORT_LENGTH = 50  # an ethnicity, a phone number, a place name
LINE_LENGTH = 300  # a title, a place, a reason: one line (longer fields are paragraphs)
NOTE_LENGTH = 2_000  # a note, a description
LONG_LENGTH = 10_000  # an agenda, a conclusion, a speech, a review

_KIND_NAMES = {
    "Member": "đảng viên",
    "Document": "văn bản",
    "Meeting": "buổi sinh hoạt",
    "ActionPlan": "kế hoạch",
    "ActionItem": "nhiệm vụ",
    "Essay": "bài thu hoạch",
    "Outreach": "hoạt động tuyên truyền",
    "Presenter": "báo cáo viên",
    "Speech": "ý kiến phát biểu",
    "AgendaItem": "nội dung sinh hoạt",
}


def alive(model: type[R]):
    """SELECT of the rows not tombstoned."""
    return select(model).where(col(model.deleted_at).is_(None))


def rows_by_ids(db, model: type[R], ids, *, alive_only: bool = True) -> dict[str, R]:
    """The rows with these ids, by id, in chunks that stay under SQLite's parameter limit."""
    ids = list(ids)
    found = {}
    for start in range(0, len(ids), 500):
        query = alive(model) if alive_only else select(model)
        for row in db.exec(query.where(col(model.id).in_(ids[start : start + 500]))):
            found[row.id] = row
    return found


def get_alive(db, model: type[R], record_id: str) -> R:
    record = db.get(model, record_id)
    if record is None or record.deleted_at is not None:
        raise NotFoundError(f"Không tìm thấy {_KIND_NAMES.get(model.__name__, 'bản ghi')} có mã {record_id}.")
    return record


def resolve(db, model: type[R], prefix: str) -> R:
    """The live record whose id starts with `prefix` (at least 4 characters), if exactly one does."""
    what = _KIND_NAMES.get(model.__name__, "bản ghi")
    prefix = (prefix or "").strip().lower()
    if len(prefix) < 4:
        raise NotFoundError(f"Mã {what} “{prefix}” quá ngắn: hãy gõ ít nhất 4 ký tự đầu của mã.")
    rows = db.exec(alive(model).where(col(model.id).startswith(prefix)).limit(2)).all()
    if not rows:
        raise NotFoundError(f"Không có {what} nào có mã bắt đầu bằng “{prefix}”.")
    if len(rows) > 1:
        raise NotFoundError(f"Có nhiều {what} có mã bắt đầu bằng “{prefix}”: hãy gõ thêm ký tự.")
    return rows[0]


def clean_text(value, field: str, *, required: bool = False, max_length: int = LONG_LENGTH,
               multiline: bool | None = None) -> str:
    """The text as NFC, trimmed, within `max_length`, free of what no Vietnamese text needs and
    what can disguise it: control characters and invisible format characters (bidi overrides such
    as U+202E, zero-width characters). A paragraph field (`multiline`; by default any field longer
    than a line) keeps its line breaks and tabs; a one-line field refuses them."""
    text = nfc(value)
    if multiline is None:
        multiline = max_length > LINE_LENGTH
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    label = f"{field[:1].upper()}{field[1:]}"
    for ch in text:
        if ch in "\n\t\r\v\f\u2028\u2029" and not (multiline and ch in "\n\t"):
            raise ValidationError(f"{label} chỉ viết trên một dòng: hãy bỏ dấu xuống dòng (hoặc dấu tab) rồi lưu lại.")
        if is_hidden(ch, multiline=True):
            raise ValidationError(f"{label} có ký tự ẩn không dùng trong văn bản (mã U+{ord(ch):04X}, ký tự điều khiển "
                                  "hoặc đổi chiều chữ), có thể do chép từ nơi khác. Hãy xóa trường này, gõ lại rồi lưu.")
    if required and not text:
        raise ValidationError(f"Chưa nhập {field}.")
    if len(text) > max_length:
        raise ValidationError(f"{label} dài quá {format_count(max_length)} ký tự ({format_count(len(text))} ký tự); hãy "
                              "rút gọn.")
    return text


def clean_date(value, field: str, *, required: bool = False) -> date | None:
    try:
        parsed = parse_date(value)
    except ValueError as exc:
        raise ValidationError(f"{field[:1].upper()}{field[1:]}: {exc}.") from None
    if required and parsed is None:
        raise ValidationError(f"Chưa nhập {field}.")
    return parsed


def check_choice(value, allowed, field: str) -> str:
    value = str(value)
    if value not in {str(a) for a in allowed}:
        raise ValidationError(f"Giá trị “{value}” không hợp lệ cho {field}.")
    return value
