"""Dates and numbers the Vietnamese way: 05/02/2026, 35.599, 99,16%."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal


def format_date(value: date | datetime | None) -> str:
    """dd/mm/yyyy, or an empty string for no date."""
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def format_count(value: int) -> str:
    """Thousands separated by dots: 35599 -> "35.599"."""
    return f"{value:,}".replace(",", ".")


def format_size(size: int) -> str:
    """A file's size as an office worker reads it: "850 byte", "41 KB", "1,2 MB"."""
    if size < 1024:
        return f"{size} byte"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def _half_up(value: float | int | Decimal, decimals: int) -> Decimal:
    """Rounded half up as people round by hand (29/32 = 90,625% -> 90,63%), not to the nearest
    even digit as float formatting does. A float is read through its shortest decimal spelling."""
    exact = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def percent_of(part: int, whole: int) -> Decimal | None:
    """100 × part / whole, exactly (no float on the way); None when there is no whole."""
    return Decimal(100 * part) / Decimal(whole) if whole else None


def rate_value(part: int, whole: int, decimals: int = 2) -> float | None:
    """The rate as a number for JSON, rounded half up like the papers (29/32 -> 90.63, where
    round() gives 90.62); None when there is no whole."""
    exact = percent_of(part, whole)
    return None if exact is None else float(_half_up(exact, decimals))


def format_percent(value: float | Decimal, decimals: int = 2) -> str:
    """99.1643 -> "99,16%", 90.625 -> "90,63%" (half up); whole numbers keep their decimals so
    columns line up."""
    text = f"{_half_up(value, decimals):,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".") + "%"


def format_rate(part: int, whole: int, decimals: int = 2) -> str:
    """The study rate the upper level asks for: "35.599/35.900 (99,16%)"; "0/0" has no rate."""
    if whole == 0:
        return f"{format_count(part)}/0"
    return f"{format_count(part)}/{format_count(whole)} ({format_percent(percent_of(part, whole), decimals)})"


def party_date(value: date) -> str:
    """A date written out as in Party documents (Hướng dẫn 36-HD/VPTW): the day zero-padded
    below 10 and the month below 3: "ngày 05 tháng 02 năm 2026", "ngày 15 tháng 3 năm 2026"."""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def body_date(value: date) -> str:
    """A date inside the body of a Party text: "22-12-2024", "5-2-2026" (day and month unpadded,
    joined by hyphens: "Nghị quyết số 57-NQ/TW, ngày 22-12-2024", "đến ngày 30-6-2026")."""
    return f"{value.day}-{value.month}-{value.year}"


def party_date_line(place: str, value: date) -> str:
    """The place-and-date line of a Party document: "Nậm Xe, ngày 05 tháng 02 năm 2026"."""
    return f"{place}, {party_date(value)}"


_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


def parse_date(value: object, *, allow_year_only: bool = False) -> date | None:
    """Read a date as people type it: 05/02/2026, 5-2-2026, 05.02.2026, 2026-02-05, a datetime.

    Day comes first, always (Vietnamese order). Returns None for an empty value and raises
    ValueError with a Vietnamese message for anything else it cannot read. With
    `allow_year_only`, "1985" gives 1 January 1985 (callers keep the year apart).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = _ISO.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
        else:
            match = _YEAR.match(text)
            if match and allow_year_only:
                year, month, day = int(match.group(1)), 1, 1
            else:
                raise ValueError(f"“{text}” không phải ngày hợp lệ (cần dạng ngày/tháng/năm, ví dụ 05/02/1980)")
    try:
        parsed = date(year, month, day)
    except ValueError:
        raise ValueError(f"“{text}” không phải ngày có thật (ngày/tháng/năm)") from None
    if not 1900 <= parsed.year <= 2100:
        raise ValueError(f"“{text}”: năm {parsed.year} nằm ngoài khoảng 1900–2100")
    return parsed
