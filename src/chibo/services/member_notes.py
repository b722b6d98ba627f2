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

from chibo.text import format_date, nfc
from chibo.vocabulary import LeftReason, MemberStatus

# Where a member's status was read; all but COLUMN and CHOSEN are guesses the preview marks.
COLUMN, NOTE, HEADING, DATES, DEFAULT, CHOSEN = "column", "note", "heading", "dates", "default", "chosen"


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


def settle_status(row, status_text: str, heading: StatusWords | None, probation_months: int) -> None:
    """Set an import row's status, the day it began and where it was read (`source`): a status
    column first, then the notes, then the heading of the list's section, then the dates (admitted,
    not yet official: probationary). Problems with the words go to `row.status_errors`."""
    column = note = None
    try:
        column = read_status_words(status_text, whole_cell=True) if status_text else None
        if status_text and column is None:
            row.status_errors.append(
                f"Tình trạng “{status_text}” không rõ; hãy ghi một trong: chính thức, dự bị, sinh hoạt tạm, miễn sinh "
                "hoạt, chuyển đi, từ trần (có thể kèm ngày, ví dụ “miễn sinh hoạt từ 01/2020”)")
    except ValueError as exc:
        row.status_errors.append(f"Tình trạng “{status_text}”: {exc}")
    try:
        note = read_status_words(row.fields.get("note", "")) if row.fields.get("note") else None
    except ValueError as exc:
        row.status_errors.append(f"Ghi chú: {exc}")
    for words in (column, note):
        if words is not None and words.status is None and row.joined_on is None:
            row.joined_on = words.since  # "chuyển đến từ 03/2024": the day the member came to this cell
    fields = row.fields
    if column is not None and column.status is not None:
        found, row.source = column, COLUMN
        if column.since is None and note is not None and note.status == column.status:
            found = StatusWords(column.status, note.since, column.left_reason, column.words)
    elif note is not None and note.status is not None:
        found, row.source = note, NOTE
    elif heading is not None and heading.status is not None and heading.status != MemberStatus.LEFT:
        found, row.source = StatusWords(heading.status, None, "", heading.words), HEADING
    elif fields.get("admitted_on") and not fields.get("official_on"):
        if (date.today() - fields["admitted_on"]).days < probation_months * 31:
            row.status, row.source = MemberStatus.PROBATIONARY, DATES
        return
    else:
        return
    row.status, row.since, row.left_reason, row.words = found.status, found.since, found.left_reason, found.words
    label = f"{'Tình trạng' if row.source == COLUMN else 'Ghi chú'} “{found.words}”"
    since, status = found.since, found.status
    if status == MemberStatus.LEFT and since is None:
        row.status_errors.append(f"{label}: không ghi ngày rời chi bộ; hãy ghi thêm ngày (ví dụ “chuyển đi 05/2023”), "
                                 "hoặc bỏ dòng này")
    if since is None or status in (MemberStatus.FULL, MemberStatus.PROBATIONARY):
        return
    if since > date.today():
        row.status_errors.append(f"{label}: ngày {format_date(since)} ở tương lai")
    elif fields.get("admitted_on") and since < fields["admitted_on"]:
        row.status_errors.append(f"{label}: ngày {format_date(since)} trước ngày vào Đảng "
                                 f"{format_date(fields['admitted_on'])}")
    elif row.joined_on and since < row.joined_on and status != MemberStatus.ATTACHED:
        row.status_errors.append(f"{label}: ngày {format_date(since)} trước ngày bắt đầu sinh hoạt ở chi bộ "
                                 f"{format_date(row.joined_on)}")


def status_changes(row, default_join: date) -> list[tuple[MemberStatus, date, str]]:
    """The member's history as (status, from, reason for leaving), oldest first: joined the cell
    (probationary until made official, when the dates say so), then the status the sheet gives
    from the day it began."""
    fields = row.fields
    admitted, official = fields.get("admitted_on"), fields.get("official_on")
    if row.status == MemberStatus.ATTACHED:  # attached here from another cell: joins as attached
        return [(MemberStatus.ATTACHED, row.since or row.joined_on or default_join, "")]
    start = row.joined_on or admitted or row.since or default_join
    if row.status == MemberStatus.PROBATIONARY:
        return [(MemberStatus.PROBATIONARY, start, "")]
    history = [(MemberStatus.FULL, start, "")]
    if admitted and official and official > start:
        # The history says when the member was probationary, so past sessions count right.
        history = [(MemberStatus.PROBATIONARY, start, ""), (MemberStatus.FULL, official, "")]
    if row.status == MemberStatus.FULL:
        return history
    if row.since is None or row.since <= start:  # from the day the member joined (or only that day is known)
        return [(row.status, start, row.left_reason)]
    return [h for h in history if h[1] < row.since] + [(row.status, row.since, row.left_reason)]
