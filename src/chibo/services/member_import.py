"""Importing the member list from the spreadsheets cells already keep (.xlsx or .csv).

Two steps, so a person sees what will happen before anything is written:
`read_member_file` parses and checks every row (errors with row numbers, duplicates against the
register and within the file) and returns a preview; `commit_import` writes all of it in one
transaction, or, when the user chose to, only the rows without problems. Never half a file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import insert

from chibo.errors import ChiboError, ValidationError
from chibo.services.common import alive
from chibo.services.settings import load_rules
from chibo.services.members import check_member_dates, clean_year
from chibo.store.models import Member, MemberStatusChange, new_id, utcnow
from chibo.store.records import LOCAL_UNIT, reserve_revs
from chibo.text import fold, nfc, parse_date
from chibo.vocabulary import CELL_POSITION_LABELS, CellPosition, MemberStatus

MAX_ROWS = 50_000
MEMBER_DEFAULTS = {"sex": "", "birth_date": None, "birth_year": None, "ethnicity": "", "card_number": "",
                   "admitted_on": None, "official_on": None, "phone": "", "position": CellPosition.MEMBER.value, "note": ""}
MAX_FILE_BYTES = 50 * 1024 * 1024

# Folded header -> field. Variants seen in cells' own lists.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "full_name": ("ho va ten", "ho ten", "ho va ten dang vien", "ho ten dang vien", "ten dang vien", "ho, ten", "ho va ten khai sinh"),
    "birth_date": ("ngay sinh", "ngay thang nam sinh", "sinh ngay", "ngay, thang, nam sinh"),
    "birth_year": ("nam sinh",),
    "sex": ("gioi tinh", "gioi", "nam/nu", "nam, nu"),
    "ethnicity": ("dan toc",),
    "card_number": ("so the dang vien", "so the", "so the dv", "so the dang"),
    "admitted_on": ("ngay vao dang", "ngay ket nap", "ngay ket nap dang", "vao dang"),
    "official_on": ("ngay chinh thuc", "ngay dang vien chinh thuc", "ngay cong nhan chinh thuc", "chinh thuc"),
    "position": ("chuc vu", "chuc vu trong chi bo", "chuc vu dang", "chuc vu chi bo"),
    "phone": ("so dien thoai", "dien thoai", "sdt", "so dt"),
    "status": ("tinh trang", "trang thai", "loai dang vien", "tinh trang dang vien"),
    "joined_on": ("ngay chuyen den", "ngay bat dau sinh hoat", "ngay sinh hoat tai chi bo"),
    "note": ("ghi chu",),
}
_HEADER_TO_FIELD = {alias: name for name, aliases in HEADER_ALIASES.items() for alias in aliases}
_IGNORED = {"stt", "tt", "so tt", "so thu tu"}
COLUMN_LABELS = {
    "full_name": "Họ và tên", "birth_date": "Ngày sinh", "birth_year": "Năm sinh", "sex": "Giới tính",
    "ethnicity": "Dân tộc", "card_number": "Số thẻ đảng viên", "admitted_on": "Ngày vào Đảng",
    "official_on": "Ngày chính thức", "position": "Chức vụ", "phone": "Số điện thoại",
    "status": "Tình trạng", "joined_on": "Ngày bắt đầu sinh hoạt", "note": "Ghi chú",
}
_STATUS_WORDS = {
    "chinh thuc": MemberStatus.FULL, "dang vien chinh thuc": MemberStatus.FULL,
    "du bi": MemberStatus.PROBATIONARY, "dang vien du bi": MemberStatus.PROBATIONARY,
    "sinh hoat tam": MemberStatus.ATTACHED,
    "mien sinh hoat": MemberStatus.EXEMPT, "mien cong tac va sinh hoat": MemberStatus.EXEMPT,
    "mien cong tac va sinh hoat dang": MemberStatus.EXEMPT, "mien": MemberStatus.EXEMPT,
}
_POSITION_WORDS = {fold(label): pos for pos, label in CELL_POSITION_LABELS.items()}
_POSITION_WORDS.update({"cap uy vien": CellPosition.COMMITTEE, "pho bi thu chi bo": CellPosition.DEPUTY,
                        "bi thu chi bo": CellPosition.SECRETARY, "": CellPosition.MEMBER})


@dataclass
class ImportRow:
    row_number: int  # as the spreadsheet numbers it
    fields: dict
    status: MemberStatus
    joined_on: date | None
    errors: list[str] = field(default_factory=list)
    duplicate_of: str = ""  # who it duplicates, in words

    @property
    def full_name(self) -> str:
        return self.fields.get("full_name", "")

    @property
    def ok(self) -> bool:
        return not self.errors and not self.duplicate_of


@dataclass
class ImportPreview:
    file_name: str
    columns: dict[str, str]  # header as written -> field
    ignored_columns: list[str]
    rows: list[ImportRow]

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
        """One line per problem: "Dòng 7: Ngày sinh “31/02/1980” không phải ngày có thật"."""
        lines = []
        for row in self.rows:
            for error in row.errors:
                lines.append(f"Dòng {row.row_number}: {error}")
            if row.duplicate_of and not row.errors:
                lines.append(f"Dòng {row.row_number}: {row.full_name} trùng với {row.duplicate_of}")
        return lines


_BROKEN_XLSX = "tệp Excel bị hỏng hoặc không phải .xlsx. Hãy mở lại bằng Excel và lưu lại."


def _refuse(path: Path, why: str, detail=None) -> ChiboError:
    return ChiboError(f"Không đọc được tệp {path.name}: {why}", detail=str(detail) if detail else None)


def _read_table(path: Path) -> list[list]:
    """Rows of cells from .xlsx or .csv; the first is spreadsheet row 1."""
    if not path.is_file():
        raise ChiboError(f"Không tìm thấy tệp {path}.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _refuse(path, "tệp lớn quá 50 MB, không giống danh sách đảng viên.")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise _refuse(path, "đây là định dạng Excel cũ (.xls). Hãy mở bằng Excel và “Lưu thành” .xlsx rồi nhập lại.")
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise _refuse(path, "chỉ nhập được tệp Excel (.xlsx) hoặc CSV (.csv).")


def _read_xlsx(path: Path) -> list[list]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML and KeyError kinds, depending on where the file broke
        raise _refuse(path, _BROKEN_XLSX, exc) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(list(row))
            if len(rows) > MAX_ROWS + 20:
                raise _refuse(path, f"tệp có hơn {MAX_ROWS} dòng.")
        return rows
    except ChiboError:
        raise
    except Exception as exc:
        raise _refuse(path, _BROKEN_XLSX, exc) from None
    finally:
        workbook.close()


def _read_csv(path: Path) -> list[list]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "utf-16", "cp1258"):
        try:
            text = raw.decode(encoding)
            if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                continue
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _refuse(path, "không nhận ra bảng mã chữ. Hãy lưu tệp CSV với bảng mã UTF-8.")
    if "\x00" in text:
        raise _refuse(path, "tệp không phải văn bản CSV.")
    # Excel in Vietnamese locales writes ";"; others write ",". A title line above the header
    # fools csv.Sniffer, so count the candidates over the first lines instead.
    head = "\n".join(text.splitlines()[:20])
    delimiter = max(";,\t", key=head.count)
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise _refuse(path, "tệp CSV sai cấu trúc (dấu ngoặc kép không đóng?).", exc) from None
    if len(rows) > MAX_ROWS + 20:
        raise _refuse(path, f"tệp có hơn {MAX_ROWS} dòng.")
    return rows


def _header_key(cell) -> str:
    return fold(nfc(str(cell or ""))).strip(" :.*").replace("  ", " ")


def _find_header(rows: list[list]) -> int:
    """The first row (of the first 15) that has a full-name column: lists often start with a title."""
    for index, row in enumerate(rows[:15]):
        if any(_HEADER_TO_FIELD.get(_header_key(c)) == "full_name" for c in row):
            return index
    return -1


def read_member_file(db, path: str | Path) -> ImportPreview:
    """Parse and check a member list; writes nothing."""
    path = Path(path)
    rows = _read_table(path)
    if not rows or all(not any(str(c or "").strip() for c in row) for row in rows):
        raise _refuse(path, "tệp trống.")
    header_index = _find_header(rows)
    if header_index < 0:
        found = ", ".join(f"“{nfc(str(c))}”" for c in rows[0] if str(c or "").strip()) or "không có"
        raise _refuse(path, f"không thấy cột “Họ và tên”. Các cột tìm thấy ở dòng đầu: {found}. Hãy đặt tên cột đúng như mẫu.")
    columns: dict[int, str] = {}
    written: dict[str, str] = {}
    ignored = []
    for position, cell in enumerate(rows[header_index]):
        key = _header_key(cell)
        name = _HEADER_TO_FIELD.get(key)
        if name and name not in columns.values():
            columns[position] = name
            written[nfc(str(cell))] = name
        elif key and key not in _IGNORED:
            ignored.append(nfc(str(cell)))
    data = rows[header_index + 1 :]
    probation_months = load_rules(db).probation_months
    if len(data) > MAX_ROWS:
        raise _refuse(path, f"tệp có {len(data)} dòng, nhiều hơn giới hạn {MAX_ROWS}.")
    parsed = []
    for offset, row in enumerate(data):
        if not any(str(c if c is not None else "").strip() for c in row):
            continue
        values = {name: row[pos] if pos < len(row) else None for pos, name in columns.items()}
        parsed.append(_parse_row(header_index + 2 + offset, values, probation_months))
    if not parsed:
        raise _refuse(path, "tệp có dòng tiêu đề nhưng không có đảng viên nào.")
    _mark_duplicates(db, parsed)
    return ImportPreview(path.name, written, ignored, parsed)


def _parse_row(row_number: int, values: dict, probation_months: int) -> ImportRow:
    errors: list[str] = []
    fields: dict = {}
    for name in ("full_name", "ethnicity", "card_number", "phone", "note"):
        if name in values:
            text = nfc(values[name] if values[name] is not None else "")
            if name == "card_number" and isinstance(values[name], float) and values[name].is_integer():
                text = str(int(values[name]))  # Excel turned the card number into a number
            fields[name] = " ".join(text.split()) if name == "full_name" else text
    if not fields.get("full_name"):
        errors.append("thiếu họ và tên")
    elif len(fields["full_name"]) > 200 or any(ch.isdigit() for ch in fields["full_name"]):
        errors.append(f"họ và tên “{fields['full_name'][:60]}” không hợp lệ")
    for name in ("birth_date", "admitted_on", "official_on", "joined_on"):
        if name in values:
            try:
                fields[name] = parse_date(values[name], allow_year_only=name == "birth_date")
                if name == "birth_date" and _is_year_only(values[name]):
                    fields["birth_year"], fields[name] = fields[name].year, None
            except ValueError as exc:
                errors.append(f"{COLUMN_LABELS[name]}: {exc}")
    if "birth_year" in values and values["birth_year"] not in (None, ""):
        try:
            year_value = values["birth_year"]
            if isinstance(year_value, float) and year_value.is_integer():
                year_value = int(year_value)
            fields["birth_year"] = clean_year(getattr(year_value, "year", year_value))
        except ValidationError as exc:
            errors.append(exc.message)
    if "sex" in values:
        sex = fold(nfc(values["sex"] or ""))
        if sex in ("nam", "m"):
            fields["sex"] = "Nam"
        elif sex in ("nu", "f"):
            fields["sex"] = "Nữ"
        elif sex:
            errors.append(f"giới tính “{nfc(values['sex'])}” phải là Nam hoặc Nữ")
    position_text = fold(nfc(values.get("position") or ""))
    if position_text in _POSITION_WORDS:
        fields["position"] = _POSITION_WORDS[position_text].value
    else:
        fields["position"] = CellPosition.MEMBER.value
        fields["note"] = "; ".join(x for x in (fields.get("note", ""), f"Chức vụ: {nfc(values['position'])}") if x)
    joined_on = fields.pop("joined_on", None)
    status_text = fold(nfc(values.get("status") or ""))
    if status_text:
        status = _STATUS_WORDS.get(status_text)
        if status is None:
            errors.append(f"tình trạng “{nfc(values['status'])}” không rõ (chính thức, dự bị, sinh hoạt tạm, miễn sinh hoạt)")
            status = MemberStatus.FULL
    elif fields.get("admitted_on") and not fields.get("official_on"):
        admitted = fields["admitted_on"]
        status = MemberStatus.PROBATIONARY if (date.today() - admitted).days < probation_months * 31 else MemberStatus.FULL
    else:
        status = MemberStatus.FULL
    if not errors:
        try:
            # A plain namespace: building a table model per row costs more than the whole check.
            check_member_dates(SimpleNamespace(**{**dict.fromkeys(("birth_date", "birth_year", "admitted_on", "official_on")), **fields}))
        except ValidationError as exc:
            errors.append(exc.message)
    return ImportRow(row_number, fields, status, joined_on, errors)


def _is_year_only(value) -> bool:
    return isinstance(value, (int, str)) and str(value).strip().isdigit() and len(str(value).strip()) == 4


def _identity(fields: dict) -> list[tuple]:
    keys = []
    if fields.get("card_number"):
        keys.append(("card", fold(fields["card_number"]).replace(" ", "")))
    # Name with the date of birth; a list that gives only the year compares on the year.
    born = fields.get("birth_date") or fields.get("birth_year")
    if fields.get("full_name") and born:
        keys.append(("name", fold(fields["full_name"]), born))
    return keys


def _mark_duplicates(db, rows: list[ImportRow]) -> None:
    seen: dict[tuple, str] = {}
    for member in db.exec(alive(Member)):
        for key in _identity({"card_number": member.card_number, "full_name": member.full_name,
                              "birth_date": member.birth_date, "birth_year": member.birth_year}):
            seen.setdefault(key, f"đảng viên đã có trong sổ: {member.full_name}")
    for row in rows:
        if row.errors:
            continue
        keys = _identity(row.fields)
        for key in keys:
            if key in seen:
                row.duplicate_of = seen[key]
                break
        for key in keys:
            seen.setdefault(key, f"dòng {row.row_number} ({row.full_name})")


def _status_row(member_id: str, status: MemberStatus, day: date) -> dict:
    return {"id": new_id(), "member_id": member_id, "status": status.value, "effective_on": day, "left_reason": "", "note": ""}


def check_importable(preview: ImportPreview, *, skip_problem_rows: bool = False) -> None:
    """Refuse a preview with problems unless the user chose to leave those rows out."""
    problems = preview.problems()
    if problems and not skip_problem_rows:
        raise ValidationError(
            f"Tệp {preview.file_name} có {len(preview.error_rows)} dòng lỗi và {len(preview.duplicate_rows)} dòng trùng; "
            "chưa nhập dòng nào. Hãy sửa tệp, hoặc chọn bỏ qua các dòng đó.\n" + "\n".join(problems[:20])
        )
    if not preview.good_rows:
        raise ValidationError(f"Tệp {preview.file_name} không còn dòng nào nhập được; chưa nhập gì.")


def commit_import(db, preview: ImportPreview, *, skip_problem_rows: bool = False, joined_on: date | None = None) -> int:
    """Write the preview's members in the caller's transaction. With problems and without
    `skip_problem_rows`, nothing is written. Returns the number of members added."""
    check_importable(preview, skip_problem_rows=skip_problem_rows)
    default_join = joined_on or date.today()
    unit_id = db.info[LOCAL_UNIT]
    now = utcnow()
    member_rows, change_rows = [], []
    for row in preview.good_rows:
        member = {**MEMBER_DEFAULTS, **row.fields, "id": new_id()}
        if member["birth_date"] and not member["birth_year"]:
            member["birth_year"] = member["birth_date"].year
        start = row.joined_on or member["admitted_on"] or default_join
        first_status = row.status
        if row.status == MemberStatus.FULL and member["admitted_on"] and member["official_on"] and member["official_on"] > start:
            # The history says when the member was probationary, so past sessions count right.
            first_status = MemberStatus.PROBATIONARY
            change_rows.append(_status_row(member["id"], MemberStatus.FULL, member["official_on"]))
        change_rows.append(_status_row(member["id"], first_status, start))
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

