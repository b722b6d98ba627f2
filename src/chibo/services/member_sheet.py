"""Reading a member list as cells keep it: the first sheet of an .xlsx, or a .csv.

- Limits first: the file's size, and for an .xlsx what its parts unpack to and how tightly they
  are packed, read from the zip's directory before any XML is parsed (a sheet that inflates to a
  gigabyte is refused in milliseconds, with no memory spent).
- The header row is found under the title rows (row 5 is common), on one row or two (a merged
  "Ngày, tháng, năm" over "Sinh" and "Vào Đảng"), with the columns' names written many ways.
- Rows that are not members are told apart: blank rows, a header repeated on a new page, a row of
  column numbers, section headings ("II. ĐẢNG VIÊN DỰ BỊ"), totals ("Tổng số: 12 đảng viên"),
  and the signature block at the foot (the date line, "Người lập biểu", "Bí thư", the names
  written under them).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from chibo.errors import ChiboError
from chibo.services.member_notes import StatusWords, read_status_words
from chibo.text import fold, format_count, format_size, nfc, parse_date

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # a 50,000-member list unpacks to about 25 MB
MAX_PACKING_RATIO = 100  # real sheets pack 5–20 times; a bomb, hundreds of times
MAX_ZIP_ENTRIES = 2_000
MAX_ROWS = 50_000
MAX_COLUMNS = 60
HEADER_SEARCH_ROWS = 30
BLANK_ROWS_AFTER_LIST = 1_000  # formatting often runs far below the list: stop reading there

# Column names as cells write them, folded (see `header_key`) -> field.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "full_name": ("ho va ten", "ho ten", "ho va ten dang vien", "ho ten dang vien", "ten dang vien",
                  "ho va ten khai sinh", "ho ten khai sinh", "ho va ten thuong dung"),
    "birth_date": ("ngay sinh", "sinh ngay", "ngay sinh thang nam", "ngay thang sinh"),
    "birth_year": ("nam sinh",),
    "sex": ("gioi tinh", "gioi", "nam/nu", "nam nu", "phai"),
    # "Giới tính" over two columns "Nam" | "Nữ", a mark in one of them
    "sex_male": ("gioi tinh nam",),
    "sex_female": ("gioi tinh nu",),
    "ethnicity": ("dan toc",),
    "card_number": ("so the dang vien", "so the", "so the dv", "so the dang", "so the dang vien so"),
    "admitted_on": ("ngay vao dang", "ngay ket nap", "ngay ket nap dang", "vao dang", "ngay vao dang du bi",
                    "ngay ket nap vao dang"),
    "official_on": ("ngay chinh thuc", "ngay dang vien chinh thuc", "ngay cong nhan chinh thuc", "chinh thuc",
                    "ngay vao dang chinh thuc", "ngay cong nhan dang vien chinh thuc"),
    "position": ("chuc vu", "chuc vu trong chi bo", "chuc vu dang", "chuc vu chi bo", "chuc vu dang hien nay"),
    "phone": ("so dien thoai", "dien thoai", "sdt", "so dt", "dt"),
    "status": ("tinh trang", "trang thai", "loai dang vien", "tinh trang dang vien", "dang vien"),
    "joined_on": ("ngay chuyen den", "ngay bat dau sinh hoat", "ngay sinh hoat tai chi bo", "ngay den chi bo",
                  "sinh hoat tai chi bo tu ngay"),
    "note": ("ghi chu", "ghi chu khac"),
}
NUMBER_COLUMNS = frozenset({"stt", "tt", "so tt", "so thu tu", "thu tu"})
DATE_FIELDS = ("birth_date", "admitted_on", "official_on", "joined_on")

_PARENTHESES = re.compile(r"\([^)]*\)")
_PUNCTUATION = re.compile(r"[,.:;*_\-]+")
_TOTALS = re.compile(r"^(?:tong so|tong cong|cong)\b\s*(?::|-|\d|$|dang vien|co\b)")
_DATE_LINE = re.compile(r"\bngay\b\W*(?:\d{1,2}|\.+)?\W*\bthang\b\W*(?:\d{1,2}|\.+)?\W*\bnam\b")
_FOOTER_CELL = re.compile(r"^\(?(?:t/?m\b|tm |nguoi lap|nguoi ky|xac nhan|ky(?:,| va| ten|\s+ghi)|ghi ro ho ten|"
                          r"bi thu|pho bi thu|chi uy vien|noi nhan|thu truong|dai dien)")
_HEADING = re.compile(r"^(?:(?:[ivx]{1,4}|[a-e])\s*[.)]\s+\S|to(?: dang)? (?:so )?\d+\b|dang vien\b|danh sach\b)")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")


def header_key(label) -> str:
    """A column's name folded for matching: "Ngày, tháng, năm sinh (dd/mm/yyyy)" -> "ngay sinh"."""
    key = _PUNCTUATION.sub(" ", _PARENTHESES.sub(" ", fold(nfc(str(label or "")))))
    key = " ".join(key.split())
    if key.startswith("ngay thang nam "):
        key = "ngay " + key[len("ngay thang nam ") :]
    return key


_KEY_TO_FIELD = {header_key(alias): name for name, aliases in HEADER_ALIASES.items() for alias in aliases}


@dataclass
class Table:
    """The sheet's cells, row 1 first; `merged` as (first row, first column, last row, last column),
    counted from 1 as the spreadsheet counts them."""

    rows: list[list]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)


@dataclass
class Header:
    first: int  # index in `rows` of the header's first row
    last: int  # of its last row: the list starts below it
    columns: dict[int, str]  # position -> field
    written: dict[str, str]  # the column's name as written -> field
    ignored: list[str]  # names of columns that are not read
    keys: frozenset  # the folded names, to recognise the header repeated on a new page


@dataclass
class SheetRow:
    number: int  # as the spreadsheet numbers it
    values: dict  # field -> cell


@dataclass
class SkippedRow:
    number: int
    why: str  # "dòng tổng cộng", …; "" for a blank row
    heading: bool = False  # a section heading: what it says holds for the rows under it
    heading_status: StatusWords | None = None  # the status the heading names, if any


def refusal(path: Path, why: str, detail=None) -> ChiboError:
    return ChiboError(f"Không đọc được tệp {path.name}: {why}", detail=str(detail) if detail else None)


_BROKEN_XLSX = "tệp Excel bị hỏng hoặc không phải .xlsx. Hãy mở lại bằng Excel và lưu lại."


def read_table(path: Path) -> Table:
    """The cells of a member list (.xlsx, .xlsm or .csv), after the limits are checked."""
    if path.is_dir():
        raise ChiboError(f"{path} là một thư mục, không phải tệp. Hãy chỉ ra tệp danh sách (.xlsx hoặc .csv) "
                         "trong thư mục đó.")
    if not path.is_file():
        raise ChiboError(f"Không tìm thấy tệp {path}.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise refusal(path, f"tệp lớn {format_size(path.stat().st_size)}, quá giới hạn "
                            f"{format_size(MAX_FILE_BYTES)}; không giống một danh sách đảng viên.")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise refusal(path, "đây là định dạng Excel cũ (.xls). Hãy mở bằng Excel và “Lưu thành” .xlsx rồi nhập lại.")
    if suffix in (".xlsx", ".xlsm"):
        check_packing(path)
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return Table(_read_csv(path))
    raise refusal(path, "chỉ nhập được tệp Excel (.xlsx) hoặc CSV (.csv).")


def check_packing(path: Path) -> None:
    """Refuse, from the zip's directory alone, an .xlsx that would unpack to too much: in total,
    or any part packed far tighter than a spreadsheet's XML ever is."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise refusal(path, _BROKEN_XLSX, exc) from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise refusal(path, f"tệp có {format_count(len(entries))} phần bên trong; một tệp Excel danh sách chỉ có "
                            "vài chục. Tệp có thể đã hỏng; chưa đọc gì.")
    total = sum(entry.file_size for entry in entries)
    tightest = max(entries, key=lambda e: e.file_size / max(e.compress_size, 1), default=None)
    too_tight = (tightest is not None and tightest.file_size > 1024 * 1024
                 and tightest.file_size / max(tightest.compress_size, 1) > MAX_PACKING_RATIO)
    if total > MAX_UNPACKED_BYTES or too_tight:
        raise refusal(path, f"khi giải nén, tệp này lớn tới {_size(total)} (một danh sách đảng viên chỉ vài "
                            "MB); có thể tệp đã hỏng hoặc bị làm giả. Chưa đọc gì. Hãy chép danh sách sang một tệp "
                            "Excel mới (chỉ các dòng có dữ liệu) rồi nhập lại.",
                      detail=f"{path}: unpacked {total} bytes; tightest {tightest.filename if tightest else '-'}")


def _size(size: int) -> str:
    """format_size, with gigabytes for what a bomb unpacks to: "1,1 GB"."""
    if size < 1024**3:
        return format_size(size)
    return f"{size / 1024**3:.1f} GB".replace(".", ",")


def _read_xlsx(path: Path) -> Table:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML and KeyError kinds, depending on where the file broke
        raise refusal(path, _BROKEN_XLSX, exc) from None
    try:
        sheet = workbook.worksheets[0]
        rows: list[list] = []
        blank_run = 0
        for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
            blank_run = blank_run + 1 if is_blank_row(row) else 0
            if blank_run > BLANK_ROWS_AFTER_LIST:
                break
            rows.append(list(row))
            if len(rows) > MAX_ROWS + BLANK_ROWS_AFTER_LIST + HEADER_SEARCH_ROWS:
                raise refusal(path, f"tệp có hơn {format_count(MAX_ROWS)} dòng.")
        return Table(rows, _merged_ranges(sheet))
    except ChiboError:
        raise
    except Exception as exc:
        raise refusal(path, _BROKEN_XLSX, exc) from None
    finally:
        workbook.close()


def _merged_ranges(sheet) -> list[tuple[int, int, int, int]]:
    """Merged cells of a read-only sheet (openpyxl keeps them only in full mode): the sheet's
    `<mergeCell ref="B5:B6"/>` elements, streamed."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import range_boundaries

    source = getattr(sheet, "_get_source", None)
    if source is None:  # another openpyxl: the header is then read without merged cells
        return []
    ranges = []
    with source() as stream:
        for _event, element in iterparse(stream):
            if element.tag.endswith("}mergeCell") and element.get("ref"):
                first_col, first_row, last_col, last_row = range_boundaries(element.get("ref"))
                ranges.append((first_row, first_col, last_row, last_col))
            element.clear()
    return ranges


def _read_csv(path: Path) -> list[list]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "utf-16", "cp1258"):
        if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise refusal(path, "không nhận ra bảng mã chữ. Hãy lưu tệp CSV với bảng mã UTF-8.")
    if "\x00" in text:
        raise refusal(path, "tệp không phải văn bản CSV.")
    # Excel in Vietnamese locales writes ";"; others write ",". A title line above the header
    # fools csv.Sniffer, so count the candidates over the first lines instead.
    head = "\n".join(text.splitlines()[:20])
    delimiter = max(";,\t", key=head.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            rows.append(row[:MAX_COLUMNS])
            if len(rows) > MAX_ROWS + BLANK_ROWS_AFTER_LIST + HEADER_SEARCH_ROWS:
                raise refusal(path, f"tệp có hơn {format_count(MAX_ROWS)} dòng.")
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise refusal(path, f"dòng {reader.line_num} có một ô dài hơn {format_count(csv.field_size_limit())} ký tự, "
                                "không ô nào của danh sách đảng viên dài như thế (có thể thiếu dấu ngoặc kép đóng ở một "
                                "ô phía trên). Hãy mở tệp kiểm tra lại dòng đó.", exc) from None
        raise refusal(path, f"tệp CSV sai cấu trúc ở dòng {reader.line_num} (dấu ngoặc kép không đóng?).", exc) from None
    return rows


def _is_blank(cell) -> bool:
    return cell is None or not str(cell).strip()


def is_blank_row(row) -> bool:
    return all(_is_blank(cell) for cell in row)


def _text(cell) -> str:
    return "" if _is_blank(cell) else nfc(str(cell))


def _filled(table: Table, index: int) -> list[str]:
    """Row `index`'s texts, a merged cell's text repeated over every column and row it covers."""
    width = max((len(r) for r in table.rows[: index + 2]), default=0)
    texts = [_text(c) for c in table.rows[index]] + [""] * (width - len(table.rows[index]))
    number = index + 1
    for first_row, first_col, last_row, last_col in table.merged:
        if first_row <= number <= last_row and first_row - 1 < len(table.rows):
            top = table.rows[first_row - 1]
            value = _text(top[first_col - 1]) if first_col - 1 < len(top) else ""
            for col in range(first_col - 1, min(last_col, width)):
                texts[col] = value
    return texts


def _spans_two_rows(table: Table, index: int) -> bool:
    """A header on rows index and index+1: a cell of row index merged down into the next row, or
    merged across some columns, beside other names, as a group over the names of the next row
    ("Ngày, tháng, năm" over "Sinh", "Vào Đảng"). A title merged across the whole width is not."""
    number = index + 1
    row = table.rows[index]
    for first_row, first_col, last_row, last_col in table.merged:
        if first_row != number:
            continue
        if last_row > number:
            return True
        beside = any(not _is_blank(c) for pos, c in enumerate(row) if not first_col - 1 <= pos <= last_col - 1)
        if last_col > first_col and beside:
            return True
    return False


def _combine(parent: str, child: str) -> list[str]:
    """Candidate names for a column of a two-row header, most specific first."""
    if not parent or parent == child:
        return [child]
    if not child:
        return [parent]
    return [f"{parent} {child}", child, parent]


def _map_columns(candidates: list[list[str]]) -> tuple[dict[int, str], dict[str, str], list[str], set[str]]:
    columns: dict[int, str] = {}
    written: dict[str, str] = {}
    ignored: list[str] = []
    keys: set[str] = set()
    for position, names in enumerate(candidates):
        names = [n for n in names if n]
        if not names:
            continue
        found = next(((n, _KEY_TO_FIELD[header_key(n)]) for n in names if header_key(n) in _KEY_TO_FIELD), None)
        keys.update(header_key(n) for n in names if header_key(n))
        if found and found[1] not in columns.values():
            columns[position] = found[1]
            written[found[0]] = found[1]
        elif not found and header_key(names[0]) not in NUMBER_COLUMNS:
            ignored.append(names[0])
    return columns, written, ignored, keys


def find_header(table: Table) -> Header | None:
    """The row (or two rows) naming the columns: the first with a full-name column."""
    for index in range(min(HEADER_SEARCH_ROWS, len(table.rows))):
        top = _filled(table, index)
        if index + 1 < len(table.rows) and _spans_two_rows(table, index):
            below = _filled(table, index + 1)
            below += [""] * (len(top) - len(below))
            mapped = _map_columns([_combine(p, c) for p, c in zip(top, below, strict=False)])
            if "full_name" in mapped[0].values():
                return Header(index, index + 1, *mapped[:3], frozenset(mapped[3]))
        mapped = _map_columns([[t] for t in top])
        if "full_name" in mapped[0].values():
            return Header(index, index, *mapped[:3], frozenset(mapped[3]))
    return None


def _has_date(values: dict) -> bool:
    for name in DATE_FIELDS:
        try:
            if parse_date(values.get(name), allow_year_only=True) is not None:
                return True
        except ValueError:
            continue
    return False


def sort_rows(table: Table, header: Header) -> list[SheetRow | SkippedRow]:
    """Every row under the header: a member's row, or a row skipped with the reason why.
    Blank rows after the list are left out. A row's dates are read only when it looks like a
    footer (a totals or signature row has none)."""
    result: list[SheetRow | SkippedRow] = []
    in_signatures = False
    for index in range(header.last + 1, len(table.rows)):
        row = table.rows[index]
        number = index + 1
        values = {name: row[pos] if pos < len(row) else None for pos, name in header.columns.items()}
        texts = [_text(c) for c in row if not _is_blank(c)]
        name = _text(values.get("full_name"))
        if not texts:
            result.append(SkippedRow(number, ""))
        elif not name and len(texts) == 1 and _COLUMN_NUMBER.match(texts[0]):
            result.append(SkippedRow(number, "dòng chỉ có số thứ tự, không có tên"))
        elif (len(texts) >= 2 and (not name or header_key(name) in header.keys)
              and sum(header_key(t) in header.keys for t in texts) >= 2):
            result.append(SkippedRow(number, "dòng tên cột lặp lại (đầu trang mới)"))
        elif len(texts) >= 3 and all(_COLUMN_NUMBER.match(t) for t in texts):
            result.append(SkippedRow(number, "dòng đánh số cột"))
        elif _TOTALS.match(fold(texts[0])) and not _has_date(values):
            result.append(SkippedRow(number, "dòng tổng cộng"))
        elif all(_FOOTER_CELL.match(f) or _DATE_LINE.search(f) for f in map(fold, texts)) and not _has_date(values):
            in_signatures = True
            result.append(SkippedRow(number, "phần ngày tháng, chữ ký cuối danh sách"))
        elif in_signatures and len(texts) <= 2 and not _has_date(values):
            result.append(SkippedRow(number, "tên người ký cuối danh sách"))
        elif len(texts) == 1 and _HEADING.match(fold(texts[0])):
            try:
                status = read_status_words(texts[0])
            except ValueError:
                status = None
            result.append(SkippedRow(number, f"dòng tiêu đề mục “{texts[0][:60]}”", True, status))
        else:
            result.append(SheetRow(number, values))
    while result and isinstance(result[-1], SkippedRow) and not result[-1].why:
        result.pop()
    return result
