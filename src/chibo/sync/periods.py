"""Reporting periods: a month, written "2026-10" in the book, the command line and JSON, and
"tháng 10/2026" to people."""

from __future__ import annotations

import calendar
import re
from datetime import date

from chibo.errors import ValidationError

_YEAR_MONTH = re.compile(r"^\s*(\d{4})\s*-\s*(\d{1,2})\s*$")
_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{4})\s*$")
FIRST_YEAR, LAST_YEAR = 1990, 2100


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def parse_period(value: str) -> str:
    """ "2026-10", "2026-1" or "10/2026" -> "2026-10"; anything else is refused with a sentence."""
    typed = str(value or "")
    match = _YEAR_MONTH.match(typed)
    year, month = (match.group(1), match.group(2)) if match else (None, None)
    if not match and (match := _MONTH_YEAR.match(typed)):
        month, year = match.group(1), match.group(2)
    if year is None or not 1 <= int(month) <= 12 or not FIRST_YEAR <= int(year) <= LAST_YEAR:
        raise ValidationError(f"Kỳ báo cáo “{typed.strip()[:40]}” không đúng dạng năm-tháng. Hãy gõ ví dụ 2026-10 (hoặc "
                              "10/2026) cho tháng 10 năm 2026.")
    return f"{int(year):04d}-{int(month):02d}"


def period_bounds(period: str) -> tuple[date, date]:
    """The first and the last day of the month."""
    year, month = (int(part) for part in period.split("-"))
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def previous_period(day: date) -> str:
    """The month before `day`'s month: the latest month whose report is due."""
    return f"{day.year - 1:04d}-12" if day.month == 1 else f"{day.year:04d}-{day.month - 1:02d}"


def month_number(period: str) -> str:
    """ "2026-10" -> "10/2026"."""
    year, month = period.split("-")
    return f"{int(month)}/{year}"


def month_words(period: str) -> str:
    """ "2026-10" -> "tháng 10/2026"."""
    return f"tháng {month_number(period)}"


def months_span(periods: list[str]) -> str:
    """The months a bundle carries: up to three by name; a longer run (a first or a full bundle) by
    its ends and its count, "tháng 10/2025 đến 11/2026, 14 tháng" (it is printed inside brackets)."""
    if len(periods) <= 3:
        return ", ".join(month_words(p) for p in periods)
    return f"{month_words(periods[0])} đến {month_number(periods[-1])}, {len(periods)} tháng"
