"""Cleaning what a person typed before it is stored: text as NFC, trimmed, within the length a
paper can print and free of hidden characters; dates in the Vietnamese order; a choice from its
list. Each refusal is a sentence that names the field."""

from __future__ import annotations

from datetime import date

from chibo.errors import ValidationError
from chibo.text import format_count, nfc, parse_date
from chibo.text.safety import is_hidden

# Field lengths that fit what a paper can print.
NAME_LENGTH = 100  # a person's or a unit's name
SHORT_LENGTH = 50  # an ethnicity, a phone number, a place name
LINE_LENGTH = 300  # a title, a place, a reason: one line (longer fields are paragraphs)
NOTE_LENGTH = 2_000  # a note, a description
LONG_LENGTH = 10_000  # an agenda, a conclusion, a speech, a review


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
