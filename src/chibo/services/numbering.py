"""Number-symbols of the papers a unit issues: "05-BB/CB".

Numbers run from 01 per document kind within the committee's term (DOMAIN.md). The next free
number is suggested; the secretary may type another before printing, and the number printed is
kept on the record (minutes, plans) or in the book's settings (study reports), so the paper
printed again carries the same number.
"""

from __future__ import annotations

import re
from datetime import date

from chibo.errors import ValidationError
from chibo.services.common import alive, clean_text
from chibo.services.units import local_unit
from chibo.store.book import get_setting, set_setting
from chibo.store.models import ActionPlan, Meeting
from chibo.vocabulary import UnitRole

TERM_START_SETTING = "term_start"
DEFAULT_TERM_START = date(2025, 1, 1)  # nhiệm kỳ 2025–2030 of the cells (check: a setting)
SUFFIX_SETTING = "symbol_suffix"
REPORT_NUMBERS_SETTING = "report_numbers"

_SYMBOL = re.compile(r"^\s*(\d{1,4})\s*-\s*([^\W\d_]+)\s*/", re.UNICODE)


def term_start(db) -> date:
    value = get_setting(db, TERM_START_SETTING)
    return date.fromisoformat(value) if value else DEFAULT_TERM_START


def set_term_start(db, day: date) -> None:
    set_setting(db, TERM_START_SETTING, day.isoformat())


def symbol_suffix(db) -> str:
    """The issuing body's part of the symbol: "CB" for a cell, "ĐU" for a commune committee."""
    default = "ĐU" if local_unit(db).role == UnitRole.RECEIVING else "CB"
    return get_setting(db, SUFFIX_SETTING, default)


def set_symbol_suffix(db, suffix: str) -> str:
    """"CB", "ĐU", "ĐB": letters only, as printed after the slash."""
    suffix = clean_text(suffix, "ký hiệu của đơn vị", required=True, max_length=10).upper()
    if not re.fullmatch(r"[^\W\d_]+", suffix):
        raise ValidationError(f"Ký hiệu của đơn vị “{suffix}” chỉ gồm chữ cái, ví dụ CB hoặc ĐU.")
    set_setting(db, SUFFIX_SETTING, suffix)
    return suffix


def parse_number(symbol: str) -> tuple[int, str] | None:
    """ "05-BB/CB" -> (5, "BB"); None when the text is not a number-symbol."""
    match = _SYMBOL.match(symbol or "")
    return (int(match.group(1)), match.group(2).upper()) if match else None


def _issued(db) -> list[tuple[str, date]]:
    issued = [(m.number_symbol, m.held_on) for m in db.exec(alive(Meeting)) if m.number_symbol]
    for plan in db.exec(alive(ActionPlan)):
        if plan.number_symbol:
            issued.append((plan.number_symbol, plan.adopted_on or date(plan.year, 1, 1)))
    for entry in get_setting(db, REPORT_NUMBERS_SETTING, {}).values():
        issued.append((entry["number_symbol"], date.fromisoformat(entry["issued_on"])))
    return issued


def suggest_number(db, kind: str, *, exclude: str = "") -> str:
    """The next number of `kind` (BB, BC, KH, CTr ...) in the current term: "06-BB/CB"."""
    start = term_start(db)
    used = [
        parsed[0]
        for symbol, day in _issued(db)
        if day >= start and symbol != exclude and (parsed := parse_number(symbol)) and parsed[1] == kind.upper()
    ]
    return f"{max(used, default=0) + 1:02d}-{kind}/{symbol_suffix(db)}"


def clean_number(value: str, kind: str) -> str:
    """A number-symbol typed by the secretary: kept as typed once it reads as `kind`."""
    text = clean_text(value, "số, ký hiệu", required=True, max_length=60)
    parsed = parse_number(text)
    if parsed is None or parsed[1] != kind.upper():
        raise ValidationError(f"Số, ký hiệu “{text}” không đúng dạng, ví dụ “05-{kind}/CB”.")
    return text


def session_number(db, meeting: Meeting, override: str | None = None) -> str:
    """The minutes' number: the one typed, the one printed before, or the next free one; kept."""
    if override:
        meeting.number_symbol = clean_number(override, "BB")
    elif not meeting.number_symbol:
        meeting.number_symbol = suggest_number(db, "BB")
    else:
        return meeting.number_symbol
    db.add(meeting)
    return meeting.number_symbol


def plan_number(db, plan: ActionPlan, kind: str, override: str | None = None) -> str:
    if override:
        plan.number_symbol = clean_number(override, kind)
    elif not plan.number_symbol:
        plan.number_symbol = suggest_number(db, kind)
    else:
        return plan.number_symbol
    db.add(plan)
    return plan.number_symbol


def report_number(db, document_id: str, issued_on: date, override: str | None = None) -> str:
    """The study report's number for a document, kept in the book's settings."""
    numbers = dict(get_setting(db, REPORT_NUMBERS_SETTING, {}))
    entry = numbers.get(document_id)
    if override:
        symbol = clean_number(override, "BC")
    elif entry:
        return entry["number_symbol"]
    else:
        symbol = suggest_number(db, "BC")
    numbers[document_id] = {"number_symbol": symbol, "issued_on": issued_on.isoformat()}
    set_setting(db, REPORT_NUMBERS_SETTING, numbers)
    return symbol
