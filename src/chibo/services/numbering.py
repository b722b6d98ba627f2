"""Number-symbols of the papers a unit issues ("05-BB/CB") and the rule that gives them.

Numbers run from 01 per kind within the committee's term, in date order, and are never given
twice (DOMAIN.md). In date order means: a paper dated D takes a number above every paper of its
kind dated before D and below every one dated after D; papers of the same day may take any
order. The next number is the one after the papers dated up to D; when a later-dated paper
already holds it, a free number left between them keeps the order, and without one the paper
is refused with the paper that blocks it named.

The outgoing register (`IssuedPaper`) is the only record of the numbers given. Numbers that
reached sessions, plans and the `report_numbers` setting another way (an earlier release that
printed without a register, a typed number) are entered in it first (`enter_earlier_numbers`),
so they are never given again.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from chibo.errors import ValidationError
from chibo.services.cleaning import clean_text
from chibo.services.lookups import alive, local_unit
from chibo.store.book import get_setting, set_setting
from chibo.store.models import ActionPlan, CellSession, Document, IssuedPaper
from chibo.store.records import LOCAL_UNIT
from chibo.text import format_date
from chibo.vocabulary import (  # canonical_kind, kind_word: imported from here too
    DOCUMENT_KIND_LABELS,
    DocumentKind,
    UnitRole,
    canonical_kind,
    kind_word,
    label,
)

log = logging.getLogger(__name__)

TERM_START_SETTING = "term_start"
DEFAULT_TERM_START = date(2025, 1, 1)  # nhiệm kỳ 2025–2030 of the cells (check: a setting)
SUFFIX_SETTING = "symbol_suffix"
REPORT_NUMBERS_SETTING = "report_numbers"  # where an earlier release kept study reports' numbers

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


def clean_number(value: str, kind: str) -> str:
    """A number-symbol typed by the secretary: kept as typed once it reads as `kind`."""
    text = clean_text(value, "số, ký hiệu", required=True, max_length=60)
    parsed = parse_number(text)
    if parsed is None or parsed[1] != kind.upper() or parsed[0] < 1:
        raise ValidationError(f"Số, ký hiệu “{text}” không đúng dạng, ví dụ “05-{kind}/CB”.")
    return text


def draft_symbol(db, kind: str) -> str:
    """What a paper not yet issued shows in place of its number: "......-BB/CB"."""
    return f"......-{kind}/{symbol_suffix(db)}"


@dataclass(frozen=True)
class NumberChoice:
    number: int
    number_symbol: str
    term_start: date


def _rows(db, kind: str, term: date) -> list[IssuedPaper]:
    """The numbers of `kind` the local unit has given in the term, by number."""
    return list(db.exec(alive(IssuedPaper).where(
        IssuedPaper.unit_id == db.info.get(LOCAL_UNIT), IssuedPaper.term_start == term,
        IssuedPaper.kind == canonical_kind(kind)).order_by(col(IssuedPaper.number))))


def _described(row: IssuedPaper) -> str:
    """ "biên bản sinh hoạt thường kỳ tháng 7/2026 (ngày 05/07/2026)", to follow "cho" in a sentence."""
    summary = row.summary or kind_word(row.kind)
    return f"{summary[:1].lower()}{summary[1:]} (ngày {format_date(row.issued_on)})"


def choose_number(db, kind: str, day: date, typed: str | None = None) -> NumberChoice:
    """The number a paper of `kind` dated `day` takes: `typed` if it is free and keeps the date
    order, else the next one that does. Refused with a sentence naming the blocking paper."""
    enter_earlier_numbers(db)
    kind = canonical_kind(kind)
    what = kind_word(kind)
    term = term_start(db)
    if day < term:
        raise ValidationError(f"{what.capitalize()} đề ngày {format_date(day)}, trước ngày bắt đầu nhiệm kỳ hiện tại "
                              f"({format_date(term)}): số văn bản đi chỉ cấp trong nhiệm kỳ. Hãy kiểm tra lại ngày.")
    rows = _rows(db, kind, term)
    earlier = [r for r in rows if r.issued_on < day]
    later = [r for r in rows if r.issued_on > day]
    low = earlier[-1] if earlier else None  # rows are in number order: the highest number before the day
    high = min(later, key=lambda r: r.number, default=None)
    taken = {r.number: r for r in rows}
    suffix = symbol_suffix(db)

    def symbol(number: int) -> str:
        return f"{number:02d}-{kind}/{suffix}"

    free = [n for n in range((low.number if low else 0) + 1, high.number if high else 0) if n not in taken]
    if typed:
        text = clean_number(typed, kind)
        number = parse_number(text)[0]
        if number in taken:
            raise ValidationError(f"Số {taken[number].number_symbol} đã cấp cho {_described(taken[number])}. "
                                  "Mỗi số chỉ cấp một lần: hãy để trống ô số để chibo đánh số tiếp theo, "
                                  "hoặc chọn số khác.")
        if (low and number < low.number) or (high and number > high.number):
            blocking, side = (low, "trước") if low and number < low.number else (high, "sau")
            raise ValidationError(
                f"Không cấp được số {text} cho {what} ngày {format_date(day)}: số văn bản đi đánh theo thứ tự ngày, "
                f"mà số {blocking.number_symbol} đã cấp cho {_described(blocking)}, {side} ngày này. "
                + _advice(what, kind, high, [symbol(n) for n in free]))
        return NumberChoice(number, text, term)
    same_day = max((r.number for r in rows if r.issued_on == day), default=0)
    following = max(low.number if low else 0, same_day) + 1
    if high is None or following < high.number:
        return NumberChoice(following, symbol(following), term)
    if free:
        return NumberChoice(free[0], symbol(free[0]), term)
    raise ValidationError(
        f"Không cấp được số cho {what} ngày {format_date(day)}: số {what} đánh theo thứ tự ngày trong nhiệm kỳ, "
        f"mà số {high.number_symbol} đã cấp cho {_described(high)} và không còn số trống nào trước nó. "
        + _advice(what, kind, high, []))


def _advice(what: str, kind: str, high: IssuedPaper | None, free: list[str]) -> str:
    if free:
        return f"Số còn trống giữ được thứ tự: {', '.join(free)}."
    if kind == DocumentKind.BB:
        return ("Biên bản mang ngày của buổi sinh hoạt nên không đổi được ngày: biên bản các buổi cần được "
                "cấp số theo thứ tự ngày họp.")
    if high is not None:
        return f"{what.capitalize()} đề ngày từ {format_date(high.issued_on)} trở đi thì nhận được số tiếp theo."
    return ""


def register_summary(doc_type: str, summary: str) -> str:
    """What the register's "Tên loại và trích yếu" column says: "Biên bản sinh hoạt thường kỳ …".
    A summary set in capitals on the paper ("SINH HOẠT CHI BỘ ĐỊNH KỲ THÁNG 10 NĂM 2026") is
    written in small letters, but for the number-symbols in it ("57-NQ/TW")."""
    summary = " ".join(summary.split())
    if summary.isupper():
        summary = " ".join(word if any(ch.isdigit() for ch in word) else word.lower() for word in summary.split())
    return f"{doc_type} {summary[:1].lower()}{summary[1:]}".strip()


def _earlier_numbers(db) -> list[tuple[str, str, str, date, str]]:
    """(paper, record id, number-symbol, date, summary) of every number this unit kept outside the
    register (a receiving level's book also holds its cells' sessions: their numbers are theirs).
    Deleted records count too: their papers were printed."""
    from chibo.services.sessions import minutes_title, session_documents

    unit_id = db.info.get(LOCAL_UNIT)
    found = [("minutes", m.id, m.number_symbol, m.held_on,
              register_summary("Biên bản", minutes_title(m, session_documents(db, m.id))))
             for m in db.exec(select(CellSession).where(CellSession.number_symbol != "", CellSession.unit_id == unit_id))]
    found += [("plan", p.id, p.number_symbol, p.adopted_on or date(p.year, 1, 1), p.title)
              for p in db.exec(select(ActionPlan).where(ActionPlan.number_symbol != "", ActionPlan.unit_id == unit_id))]
    for document_id, entry in get_setting(db, REPORT_NUMBERS_SETTING, {}).items():
        document = db.get(Document, document_id)
        name = f" {label(document.kind, DOCUMENT_KIND_LABELS)} số {document.number_symbol}" if document else ""
        found.append(("report", document_id, entry["number_symbol"], date.fromisoformat(entry["issued_on"]),
                      register_summary("Báo cáo", f"kết quả học tập, quán triệt{name}")))
    return found


def enter_earlier_numbers(db) -> int:
    """Enter in the register every number of this term found on a record but not in the register:
    a row with no archived file (`file_name` empty), so the number is never given again. Returns
    how many were entered; a number already taken by another paper is left out (and logged)."""
    unit_id = db.info.get(LOCAL_UNIT)
    rows = list(db.exec(alive(IssuedPaper).where(IssuedPaper.unit_id == unit_id)))
    entered = {(r.record_id, r.number_symbol) for r in rows}
    taken = {(r.term_start, r.kind, r.number) for r in rows}
    term = term_start(db)
    added = 0
    for paper, record_id, symbol, day, summary in _earlier_numbers(db):
        parsed = parse_number(symbol)
        if parsed is None or (record_id, symbol) in entered or day < term:
            continue  # not a number, already entered, or of an earlier term (numbers start again)
        kind = canonical_kind(parsed[1])
        if (term, kind, parsed[0]) in taken:
            log.warning("number %s of %s %s is taken by another paper; not entered", symbol, paper, record_id)
            continue
        db.add(IssuedPaper(paper=paper, record_id=record_id, kind=kind, number=parsed[0], number_symbol=symbol,
                           term_start=term, issued_on=day, summary=summary))
        entered.add((record_id, symbol))
        taken.add((term, kind, parsed[0]))
        added += 1
    if added:
        db.flush()
    return added
