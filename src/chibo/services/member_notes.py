"""Statuses written in words, where cells write them: a "Tình trạng" column ("Dự bị", "ĐVCT"), or
the notes ("Miễn SH từ 01/2020", "Sinh hoạt tạm thời từ tháng 3/2024", "Đã chuyển đi 05/2023",
"Từ trần ngày 12/3/2024"), with or without accents, with the date the status started.

Words are matched on a folded copy of the cell that keeps every character in its place, so the
preview can quote the words that were read exactly as the cell wrote them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from chibo.text import nfc
from chibo.vocabulary import LeftReason, MemberStatus


@dataclass(frozen=True)
class StatusWords:
    """What a cell says about a member's status. `status` is None when the words only say when the
    member came to this cell ("Chuyển đến từ 03/2024"); `since` is None when no date was written."""

    status: MemberStatus | None
    since: date | None
    left_reason: str  # a LeftReason when the member left, else ""
    words: str  # the words read, as the cell writes them


# Each pattern runs on the folded text (no accents, lower case). The order is the priority when a
# note says two things ("dự bị, sinh hoạt tạm"): leaving outweighs exemption, which outweighs the
# rest, because it changes who is counted.
_PHRASES: tuple[tuple[str, MemberStatus | None, str], ...] = (
    (r"\b(?:da )?(?:tu tran|qua doi|da mat|mat ngay)\b", MemberStatus.LEFT, LeftReason.DECEASED),
    (r"\b(?:bi )?(?:xoa ten|khai tru)\b|\bra khoi dang\b", MemberStatus.LEFT, LeftReason.REMOVED),
    (r"\b(?:da )?chuyen (?:sinh hoat |sh )?(?:dang )?di\b"
     r"|\b(?:da )?chuyen (?:sinh hoat|sh)(?: dang)?(?! den tu| tu)(?: (?:ve|den|sang|toi))?\b",
     MemberStatus.LEFT, LeftReason.TRANSFERRED),
    (r"\bmien (?:cong tac|ct)?\s*(?:va|,|&)?\s*(?:sinh hoat|sh)(?: dang)?\b|\bmien ctsh\b|\bmien (?:cong tac|sinh hoat)\b",
     MemberStatus.EXEMPT, ""),
    (r"\b(?:di |dang )?(?:sinh hoat|sh) tam(?: thoi)? (?:o |tai )?noi khac\b|\bdi (?:sinh hoat|sh) tam(?: thoi)?\b"
     r"|\b(?:sinh hoat|sh) tam(?: thoi)? (?:o|tai) (?!day\b|chi bo nay\b)",
     MemberStatus.AWAY, ""),
    (r"\b(?:sinh hoat|sh) tam(?: thoi)?\b", MemberStatus.ATTACHED, ""),
    (r"\b(?:dang vien |dv )?du bi\b", MemberStatus.PROBATIONARY, ""),
    (r"\b(?:dang vien |dv )?chinh thuc\b", MemberStatus.FULL, ""),
    (r"\b(?:moi )?chuyen (?:sinh hoat |sh )?(?:dang )?(?:den|ve)\b", None, ""),
)
_COMPILED = tuple((re.compile(pattern), status, reason) for pattern, status, reason in _PHRASES)

# Short forms used only where a whole status cell is one word ("CT", "DB", "ĐVDB", "Miễn").
_COLUMN_WORDS = {
    "ct": MemberStatus.FULL, "dvct": MemberStatus.FULL, "db": MemberStatus.PROBATIONARY,
    "dvdb": MemberStatus.PROBATIONARY, "mien": MemberStatus.EXEMPT, "sht": MemberStatus.ATTACHED,
    "shtt": MemberStatus.ATTACHED,
}

# A date after the words: 15/01/2020, 01/2020, 1-2020, tháng 3/2021, tháng 3 năm 2021, T3/2021, năm 2020, 2020.
_DATE = re.compile(
    r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})"
    r"|(?:thang\s*|t\s*)?(?P<m2>\d{1,2})\s*(?:[/.\-]|\s+nam\s+)\s*(?P<y2>\d{4})"
    r"|(?:nam\s*)?(?P<y3>(?:19|20)\d{2})\b"
)
_CLAUSE_END = re.compile(r"[;\n]")


def _fold_in_place(text: str) -> str:
    """Lower case without accents, one character for one: "Miễn SH" -> "mien sh" (đ -> d)."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0]
        out.append("d" if base in "đĐ" else base.lower() if len(base.lower()) == 1 else base)
    return "".join(out)


def _date_after(folded: str, start: int) -> tuple[date | None, int]:
    """The first date written after `start` within the same clause, and where it ends. A month
    and year stand for the first of the month, a year alone for 1 January."""
    end = _CLAUSE_END.search(folded, start)
    clause = folded[start : end.start() if end else len(folded)]
    match = _DATE.search(clause)
    if not match:
        return None, start
    groups = match.groupdict()
    if groups["y"]:
        day, month, year = int(groups["d"]), int(groups["m"]), int(groups["y"])
    elif groups["y2"]:
        day, month, year = 1, int(groups["m2"]), int(groups["y2"])
    else:
        day, month, year = 1, 1, int(groups["y3"])
    written = clause[match.start() : match.end()].strip()
    try:
        when = date(year, month, day)
    except ValueError:
        raise ValueError(f"ngày “{written}” không có thật") from None
    if not 1900 <= year <= 2100:
        raise ValueError(f"năm {year} của “{written}” nằm ngoài khoảng 1900–2100")
    return when, start + match.end()


def _clause(text: str, at: int) -> str:
    """The part of a note around position `at`, between semicolons or line breaks."""
    start = max(text.rfind(";", 0, at), text.rfind("\n", 0, at)) + 1
    end = _CLAUSE_END.search(text, at)
    return text[start : end.start() if end else len(text)].strip(" ,.:-")


def read_status_words(value, *, whole_cell: bool = False) -> StatusWords | None:
    """The status a cell's words give, with its start date, or None when they name none.

    `whole_cell` is for a status column, where short forms ("CT", "DB") are read too. Raises
    ValueError, in Vietnamese, for a date that does not exist ("Miễn SH từ 31/02/2020")."""
    text = nfc(value)
    if not text:
        return None
    folded = _fold_in_place(text)
    if whole_cell:
        short = re.sub(r"[^a-z]", "", folded)
        if short in _COLUMN_WORDS:
            return StatusWords(_COLUMN_WORDS[short], None, "", text)
    for pattern, status, reason in _COMPILED:
        match = pattern.search(folded)
        if match is None:
            continue
        since, _end = _date_after(folded, match.end())
        return StatusWords(status, since, str(reason), _clause(text, match.start()))
    return None
