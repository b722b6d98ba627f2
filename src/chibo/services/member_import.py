"""Importing the member list from the spreadsheets cells already keep (.xlsx or .csv).

Two steps, so a person sees what will happen before anything is written:
`read_member_file` reads the sheet (`member_sheet`), checks every member's row (errors with row
numbers, duplicates against the register and within the file), settles each member's status and
the day it began (from a status column, the notes, a section heading, or the dates: `member_notes`)
and returns a preview, in which a person may still change a status; `commit_import` writes all of
it in one transaction, or, when the user chose to, only the rows without problems. Never half a
file. Rows that are not members (totals, signatures, headings) are skipped with a note, not
counted as errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import insert

from chibo.errors import ValidationError
from chibo.services.lookups import alive
from chibo.services.member_notes import (
    CHOSEN,
    COLUMN,
    DATES,
    DEFAULT,
    HEADING,
    NOTE,
    StatusWords,
    settle_status,
    status_changes,
)
from chibo.services.member_sheet import (
    MAX_ROWS,
    SheetRow,
    SkippedRow,
    find_header,
    is_blank_row,
    read_table,
    refusal,
    sort_rows,
)
from chibo.services.members import check_member_dates, clean_year
from chibo.services.settings import load_rules
from chibo.services.viewing import refuse_at_receiving
from chibo.store.models import Member, MemberStatusChange, new_id, utcnow
from chibo.store.records import LOCAL_UNIT, reserve_revs
from chibo.text import fold, format_count, nfc, parse_date
from chibo.text.safety import forbidden_characters, tidy_invisible
from chibo.vocabulary import (
    CELL_POSITION_LABELS,
    MEMBER_STATUS_LABELS,
    CellPosition,
    MemberStatus,
)

MEMBER_DEFAULTS = {"sex": "", "birth_date": None, "birth_year": None, "ethnicity": "", "card_number": "",
                   "admitted_on": None, "official_on": None, "phone": "", "position": CellPosition.MEMBER.value, "note": ""}
COLUMN_LABELS = {
    "full_name": "Họ và tên", "birth_date": "Ngày sinh", "birth_year": "Năm sinh", "sex": "Giới tính",
    "ethnicity": "Dân tộc", "card_number": "Số thẻ đảng viên", "admitted_on": "Ngày vào Đảng",
    "official_on": "Ngày chính thức", "position": "Chức vụ", "phone": "Số điện thoại",
    "status": "Tình trạng", "joined_on": "Ngày bắt đầu sinh hoạt", "note": "Ghi chú",
    "sex_male": "Giới tính (Nam)", "sex_female": "Giới tính (Nữ)",
}
# What a paper or a screen can show; the same limits as a member typed by hand.
FIELD_LIMITS = {"full_name": 100, "ethnicity": 50, "card_number": 20, "phone": 30, "position": 100,
                "status": 200, "sex": 10, "sex_male": 10, "sex_female": 10, "note": 2000}
CARD_DIGITS = 8  # cards since 2003; Excel drops the leading zeros of a card typed as a number

_POSITION_WORDS = {fold(label): pos for pos, label in CELL_POSITION_LABELS.items()}
_POSITION_WORDS.update({"cap uy vien": CellPosition.COMMITTEE, "pho bi thu chi bo": CellPosition.DEPUTY,
                        "bi thu chi bo": CellPosition.SECRETARY, "": CellPosition.MEMBER})


@dataclass
class ImportRow:
    row_number: int  # as the spreadsheet numbers it
    fields: dict
    status: MemberStatus
    joined_on: date | None
    field_errors: list[str] = field(default_factory=list)
    duplicate_of: str = ""  # "trùng … với …", in words
    status_errors: list[str] = field(default_factory=list)  # about the status words: a chosen status clears them
    since: date | None = None  # the day the status began, when the sheet says it
    left_reason: str = ""
    source: str = DEFAULT  # COLUMN, NOTE, HEADING, DATES, DEFAULT or CHOSEN
    words: str = ""  # the words the status was read from

    @property
    def full_name(self) -> str:
        return self.fields.get("full_name", "")

    @property
    def errors(self) -> list[str]:
        return self.field_errors + self.status_errors

    @property
    def ok(self) -> bool:
        return not self.errors and not self.duplicate_of

    @property
    def guessed(self) -> bool:
        return self.source not in (COLUMN, CHOSEN)

    def how_read(self) -> str:
        """Where the status came from, for the preview: "ghi chú “Miễn SH từ 01/2020”"."""
        return {
            COLUMN: f"cột Tình trạng “{self.words}”", NOTE: f"đoán từ ghi chú “{self.words}”",
            HEADING: f"đoán từ tiêu đề mục “{self.words}”", CHOSEN: "người nhập chọn",
            DATES: "đoán: vào Đảng chưa đủ thời gian dự bị, chưa có ngày chính thức",
            DEFAULT: "không ghi tình trạng: coi là chính thức",
        }[self.source]


@dataclass
class ImportPreview:
    file_name: str
    columns: dict[str, str]  # header as written -> field
    ignored_columns: list[str]
    rows: list[ImportRow]
    skipped: list[SkippedRow] = field(default_factory=list)  # rows that are not members, and why

    @property
    def good_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if r.ok]

    @property
    def error_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if r.errors]

    @property
    def duplicate_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.errors and r.duplicate_of]

    def problems(self) -> list[str]:
        """One line per problem: "Dòng 7: Ngày sinh: “31/02/1980” không phải ngày có thật"."""
        lines = []
        for row in self.rows:
            for error in row.errors:
                lines.append(f"Dòng {row.row_number}: {error}")
            if row.duplicate_of and not row.errors:
                lines.append(f"Dòng {row.row_number}: {row.full_name} {row.duplicate_of}")
        return lines

    def notes(self) -> list[str]:
        """The rows left out because they are not members: "Dòng 20: dòng tổng cộng, bỏ qua"."""
        return [f"{line}, bỏ qua" for line in self.skipped_lines()]

    def skipped_lines(self) -> list[str]:
        """The same, where the rows are already said to be left out: "Dòng 20: dòng tổng cộng"."""
        return [f"{_row_span(first, last)}: {why}" for first, last, why in _runs(self.skipped)]

    def set_status(self, row: ImportRow, status: MemberStatus) -> None:
        """A person's correction in the preview: the status from the day the member joined."""
        if status != row.status:
            row.status, row.source, row.words = MemberStatus(status), CHOSEN, ""
            row.since, row.left_reason, row.status_errors = None, "", []


def _runs(skipped: list[SkippedRow]) -> list[tuple[int, int, str]]:
    """Consecutive rows skipped for the same reason, as one line (title rows, blank rows)."""
    runs: list[list] = []
    for row in skipped:
        why = row.why or "dòng trống"
        if runs and runs[-1][2] == why and runs[-1][1] == row.number - 1:
            runs[-1][1] = row.number
        else:
            runs.append([row.number, row.number, why])
    return [tuple(r) for r in runs]


def _row_span(first: int, last: int) -> str:
    return f"Dòng {first}" if first == last else f"Dòng {first}–{last}"


def read_member_file(db, path: str | Path) -> ImportPreview:
    """Parse and check a member list; writes nothing. A receiving book has no member list of its
    own to import into: refused there before the file is read."""
    refuse_at_receiving(db, "nhập danh sách đảng viên")
    path = Path(path)
    table = read_table(path)
    if all(is_blank_row(row) for row in table.rows):
        raise refusal(path, "tệp trống.")
    header = find_header(table)
    if header is None:
        first = next(row for row in table.rows if not is_blank_row(row))
        found = ", ".join(f"“{nfc(str(c))}”" for c in first if not is_blank_row([c]))
        raise refusal(path, f"không thấy cột “Họ và tên” trong {len(table.rows[:30])} dòng đầu. Các ô tìm thấy ở dòng "
                            f"đầu: {found}. Hãy đặt tên cột đúng như mẫu.")
    sorted_rows = sort_rows(table, header)
    members = [r for r in sorted_rows if isinstance(r, SheetRow)]
    if len(members) > MAX_ROWS:
        raise refusal(path, f"tệp có {format_count(len(members))} dòng, nhiều hơn giới hạn {format_count(MAX_ROWS)}.")
    skipped = [r for r in sorted_rows if isinstance(r, SkippedRow)]
    if not all(is_blank_row(r) for r in table.rows[: header.first]):
        skipped = [SkippedRow(n, "tiêu đề phía trên dòng tên cột") for n in range(1, header.first + 1)] + skipped
    probation_months = load_rules(db).probation_months
    parsed, heading = [], None
    for row in sorted_rows:
        if isinstance(row, SkippedRow):
            heading = row.heading_status if row.heading else heading
            continue
        parsed.append(_parse_row(row.number, row.values, probation_months, heading))
    if not parsed:
        raise refusal(path, "tệp có dòng tên cột nhưng không có đảng viên nào.")
    _mark_duplicates(db, parsed)
    return ImportPreview(path.name, header.written, header.ignored, parsed, skipped)


def _clean_cell(name: str, value, errors: list[str]) -> str:
    """A text cell, tidied, within its length, without control or bidi characters."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = tidy_invisible(nfc(value if value is not None else ""))
    if name != "note":
        text = " ".join(text.split())
    label = COLUMN_LABELS[name]
    limit = FIELD_LIMITS.get(name, 200)
    if len(text) > limit:
        errors.append(f"{label} dài {format_count(len(text))} ký tự, quá giới hạn {format_count(limit)} ký tự")
        return text[:limit]
    bad = forbidden_characters(text, multiline=name == "note")
    if bad:
        errors.append(f"{label} có ký tự điều khiển hoặc ký tự đảo chiều chữ ({', '.join(bad)}), không được phép; "
                      "hãy gõ lại ô này")
        text = "".join(ch for ch in text if f"U+{ord(ch):04X}" not in bad)  # never echoed in another message
    return text


def _card_number(value, errors: list[str]) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        digits = str(int(value))  # a number cell: Excel dropped the leading zeros
        return digits.zfill(CARD_DIGITS) if len(digits) < CARD_DIGITS else digits
    return _clean_cell("card_number", value, errors)


def _phone(value, errors: list[str]) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        digits = str(int(value))  # 0987 654 321 typed as a number comes back as 987654321
        return "0" + digits if len(digits) == 9 else digits
    return _clean_cell("phone", value, errors)


def _cell_date(name: str, value):
    """A date cell as a date: text in day/month/year, an Excel date, a bare Excel serial number,
    or for the birth date a year alone (returned as an int)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if name == "birth_date" and 1900 <= value <= 2100:
            return value
        if 10_000 <= value <= 80_000:  # a date cell that lost its date format: days since 1899-12-30
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date()
    if isinstance(value, str) and name == "birth_date" and value.strip().isdigit() and len(value.strip()) == 4:
        return clean_year(value)
    return parse_date(value)


def _parse_row(row_number: int, values: dict, probation_months: int, heading: StatusWords | None) -> ImportRow:
    errors: list[str] = []
    fields: dict = {}
    fields["full_name"] = name = _clean_cell("full_name", values.get("full_name"), errors)
    name_refused = bool(errors)
    for key in ("ethnicity", "note"):
        if key in values:
            fields[key] = _clean_cell(key, values[key], errors)
    if "card_number" in values:
        fields["card_number"] = _card_number(values["card_number"], errors)
    if "phone" in values:
        fields["phone"] = _phone(values["phone"], errors)
    if not name:
        errors.append("thiếu họ và tên")
    elif any(ch.isdigit() for ch in name) and not name_refused:
        errors.append(f"họ và tên “{name[:60]}” có chữ số, không phải một họ tên")
    dates: dict = {}
    for key in ("birth_date", "admitted_on", "official_on", "joined_on"):
        if values.get(key) not in (None, ""):
            try:
                dates[key] = _cell_date(key, values[key])
            except (ValueError, ValidationError) as exc:
                errors.append(f"{COLUMN_LABELS[key]}: {getattr(exc, 'message', exc)}")
    if isinstance(dates.get("birth_date"), int):
        fields["birth_year"] = dates.pop("birth_date")
    fields.update({k: v for k, v in dates.items() if k != "joined_on"})
    if values.get("birth_year") not in (None, ""):
        try:
            year = values["birth_year"]
            year = int(year) if isinstance(year, float) and year.is_integer() else year
            fields["birth_year"] = clean_year(getattr(year, "year", year))
        except ValidationError as exc:
            errors.append(exc.message)
    fields.update(_sex(values, errors))
    fields.update(_position(values, fields.get("note", ""), errors))
    status_text = _clean_cell("status", values["status"], errors) if "status" in values else ""
    row = ImportRow(row_number, fields, MemberStatus.FULL, dates.get("joined_on"), errors)
    settle_status(row, status_text, heading, probation_months)
    if not row.errors:
        try:
            # A plain namespace: building a table model per row costs more than the whole check.
            check_member_dates(SimpleNamespace(**{**dict.fromkeys(("birth_date", "birth_year", "admitted_on",
                                                                   "official_on")), **fields}))
        except ValidationError as exc:
            row.field_errors.append(exc.message)
    return row


def _sex(values: dict, errors: list[str]) -> dict:
    if "sex" in values:
        text = _clean_cell("sex", values["sex"], errors)
        sex = fold(text)
        if sex in ("nam", "m"):
            return {"sex": "Nam"}
        if sex in ("nu", "f"):
            return {"sex": "Nữ"}
        if sex:
            errors.append(f"giới tính “{text}” phải là Nam hoặc Nữ")
        return {}
    male = _clean_cell("sex_male", values["sex_male"], errors) if "sex_male" in values else ""
    female = _clean_cell("sex_female", values["sex_female"], errors) if "sex_female" in values else ""
    if male and female:
        errors.append("giới tính đánh dấu ở cả hai cột Nam và Nữ")
    return {"sex": "Nam"} if male else {"sex": "Nữ"} if female else {}


def _position(values: dict, note: str, errors: list[str]) -> dict:
    text = _clean_cell("position", values.get("position"), errors) if "position" in values else ""
    if fold(text) in _POSITION_WORDS:
        return {"position": _POSITION_WORDS[fold(text)].value}
    # A post outside the cell (trưởng bản, hội trưởng) is kept in the notes rather than lost.
    return {"position": CellPosition.MEMBER.value, "note": "; ".join(x for x in (note, f"Chức vụ: {text}") if x)}


def _identity(fields: dict) -> list[tuple[tuple, str]]:
    """The keys a member is recognised by, each with how it reads in a message."""
    keys = []
    card = fold(fields.get("card_number") or "").replace(" ", "")
    if card:
        keys.append((("card", card), f"số thẻ đảng viên {fields['card_number']}"))
    # Name with the date of birth; a list that gives only the year compares on the year.
    born = fields.get("birth_date") or fields.get("birth_year")
    if fields.get("full_name") and born:
        what = "họ tên và ngày sinh" if fields.get("birth_date") else "họ tên và năm sinh"
        keys.append((("name", fold(fields["full_name"]), born), what))
    return keys


def _mark_duplicates(db, rows: list[ImportRow]) -> None:
    seen: dict[tuple, str] = {}
    for member in db.exec(alive(Member)):
        for key, _what in _identity({"card_number": member.card_number, "full_name": member.full_name,
                                     "birth_date": member.birth_date, "birth_year": member.birth_year}):
            seen.setdefault(key, f"đảng viên đã có trong sổ: {member.full_name}")
    for row in rows:
        if row.errors:
            continue
        keys = _identity(row.fields)
        for key, what in keys:
            if key in seen:
                row.duplicate_of = f"trùng {what} với {seen[key]}"
                break
        for key, _what in keys:
            seen.setdefault(key, f"dòng {row.row_number} ({row.full_name})")


def check_importable(preview: ImportPreview, *, skip_problem_rows: bool = False) -> None:
    """Refuse a preview with problems unless the user chose to leave those rows out."""
    problems = preview.problems()
    if problems and not skip_problem_rows:
        more = f"\n… và {len(problems) - 20} lỗi khác." if len(problems) > 20 else ""
        raise ValidationError(
            f"Tệp {preview.file_name} có {len(preview.error_rows)} dòng lỗi và {len(preview.duplicate_rows)} dòng trùng; "
            "chưa nhập dòng nào. Hãy sửa tệp, hoặc chọn bỏ qua các dòng đó.\n" + "\n".join(problems[:20]) + more
        )
    if not preview.good_rows:
        raise ValidationError(f"Tệp {preview.file_name} không còn dòng nào nhập được; chưa nhập gì.")


def status_summary(rows: list[ImportRow]) -> str:
    """"9 chính thức, 1 dự bị, 1 miễn công tác và sinh hoạt" for the rows given."""
    counts: dict[MemberStatus, int] = {}
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    return ", ".join(f"{n} {MEMBER_STATUS_LABELS[s].lower()}" for s, n in
                     sorted(counts.items(), key=lambda item: list(MemberStatus).index(item[0])))


def commit_import(db, preview: ImportPreview, *, skip_problem_rows: bool = False, joined_on: date | None = None) -> int:
    """Write the preview's members in the caller's transaction. With problems and without
    `skip_problem_rows`, nothing is written. Returns the number of members added."""
    refuse_at_receiving(db, "nhập danh sách đảng viên")  # the rows go in by Core insert, past the store's check
    check_importable(preview, skip_problem_rows=skip_problem_rows)
    default_join = joined_on or date.today()
    unit_id = db.info[LOCAL_UNIT]
    now = utcnow()
    member_rows, change_rows = [], []
    for row in preview.good_rows:
        member = {**MEMBER_DEFAULTS, **row.fields, "id": new_id()}
        if member["birth_date"] and not member["birth_year"]:
            member["birth_year"] = member["birth_date"].year
        note = f"Theo danh sách nhập từ tệp: {row.words}" if row.words and row.source != CHOSEN else ""
        for status, day, reason in status_changes(row, default_join):
            change_rows.append({"id": new_id(), "member_id": member["id"], "status": status.value, "effective_on": day,
                                "left_reason": reason, "note": note if status == row.status else ""})
        member_rows.append(member)
    # Thousands of rows: Core executemany with revs reserved in one step, not one ORM object each.
    rev = reserve_revs(db, unit_id, len(member_rows) + len(change_rows))
    for record in member_rows + change_rows:
        record.update(unit_id=unit_id, rev=rev, updated_at=now, deleted_at=None)
        rev += 1
    if member_rows:
        db.execute(insert(Member), member_rows)
        db.execute(insert(MemberStatusChange), change_rows)
    return len(preview.good_rows)

