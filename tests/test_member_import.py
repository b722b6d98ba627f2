"""Member import: every bad file gets a clear error and leaves the register as it was."""

from datetime import date, datetime

import openpyxl
import pytest
from sqlmodel import func, select

from chibo.errors import ChiboError, ValidationError
from chibo.services import member_import, members
from chibo.services.roll import Roll
from chibo.store.models import Member, MemberStatusChange

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Số thẻ đảng viên", "Ngày vào Đảng", "Ngày chính thức", "Chức vụ"]


def _xlsx(path, rows, title=True):
    wb = openpyxl.Workbook()
    ws = wb.active
    if title:
        ws.append(["DANH SÁCH ĐẢNG VIÊN CHI BỘ BẢN NẬM CÁY"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _unique_name(i: int) -> str:
    """A distinct Vietnamese-looking name with no digits (digits make a name invalid)."""
    letters = "".join("abcdeghikl"[int(d)] for d in f"{i:05d}")
    return f"Nguyễn Văn {letters.capitalize()}"


def _count(book) -> tuple[int, int]:
    with book.session() as db:
        return (db.exec(select(func.count()).select_from(Member)).one(),
                db.exec(select(func.count()).select_from(MemberStatusChange)).one())


def _import(book, path, **kw):
    with book.session() as db:
        preview = member_import.read_member_file(db, path)
        added = member_import.commit_import(db, preview, **kw)
    return preview, added


def test_xlsx_with_excel_dates_text_dates_and_a_title_line(book, tmp_path):
    path = _xlsx(tmp_path / "ds.xlsx", [
        HEADER,
        [1, "Giàng A Páo", datetime(1980, 2, 5), "Nam", "Hmông", 12345678, "01/03/2005", "01/03/2006", "Bí thư"],
        [2, "Nguyễn Thị Hường", "12/07/1985", "Nữ", "Kinh", "", datetime(2010, 2, 3), None, "Trưởng bản"],
        [3, "Lò Thị Ỷ", "1979", "nữ", "Thái", "", "", "", ""],
    ])
    preview, added = _import(book, path)
    assert added == 3
    assert set(preview.columns.values()) >= {"full_name", "birth_date", "card_number", "admitted_on", "official_on"}
    with book.session() as db:
        rows = {r.member.full_name: r for r in members.list_members(db)}
        pao = rows["Giàng A Páo"].member
        assert pao.birth_date == date(1980, 2, 5) and pao.card_number == "12345678" and pao.position == "bi_thu"
        assert rows["Nguyễn Thị Hường"].member.note == "Chức vụ: Trưởng bản"
        assert rows["Lò Thị Ỷ"].member.birth_year == 1979 and rows["Lò Thị Ỷ"].member.birth_date is None
        # history: probationary from admission until made official
        roll = Roll.load(db)
        assert roll.status(pao.id, date(2005, 6, 1)) == "du_bi"
        assert roll.status(pao.id, date(2006, 6, 1)) == "chinh_thuc"


def test_csv_with_semicolons_variant_headers_and_mixed_date_formats(book, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text(
        "Họ tên;Ngày tháng năm sinh;Giới;Dân tộc;Ngày kết nạp;Ngày chính thức;Tình trạng\n"
        "Vàng A Dế;5/2/1980;Nam;Hmông;01-03-2005;2006-03-01;Chính thức\n"
        "Thào Thị Mỷ;1990-12-31;Nữ;Hmông;01.05.2026;;dự bị\n",
        encoding="utf-8-sig",
    )
    preview, added = _import(book, path)
    assert added == 2
    births = {r.full_name: r.fields["birth_date"] for r in preview.rows}
    assert births == {"Vàng A Dế": date(1980, 2, 5), "Thào Thị Mỷ": date(1990, 12, 31)}
    assert [str(r.status) for r in preview.rows] == ["chinh_thuc", "du_bi"]


def test_missing_name_column_is_refused_with_the_columns_found(book, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text("Tên;Ngày sinh\nPáo;01/01/1980\n", encoding="utf-8")
    with pytest.raises(ChiboError, match="không thấy cột “Họ và tên”.*“Tên”"):
        _import(book, path)
    assert _count(book) == (0, 0)


def test_broken_xlsx_and_wrong_kinds_of_file_are_refused(book, tmp_path):
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(ChiboError, match="Excel bị hỏng"):
        _import(book, broken)
    truncated = _xlsx(tmp_path / "cut.xlsx", [HEADER, [1, "Giàng A Páo"]])
    data = truncated.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(ChiboError, match="Excel bị hỏng"):
        _import(book, truncated)
    old = tmp_path / "ds.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" * 10)
    with pytest.raises(ChiboError, match="Excel cũ"):
        _import(book, old)
    other = tmp_path / "ds.pdf"
    other.write_bytes(b"%PDF")
    with pytest.raises(ChiboError, match=r"\.xlsx.*\.csv"):
        _import(book, other)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ChiboError, match="tệp trống"):
        _import(book, empty)
    binary = tmp_path / "bin.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ChiboError):
        _import(book, binary)
    with pytest.raises(ChiboError, match="Không tìm thấy tệp"):
        _import(book, tmp_path / "missing.csv")
    assert _count(book) == (0, 0)


def test_row_errors_carry_row_numbers_and_nothing_is_written(book, tmp_path):
    path = _xlsx(tmp_path / "ds.xlsx", [
        HEADER,
        [1, "Giàng A Páo", "05/02/1980", "Nam"],
        [2, "Lò Văn An", "31/02/1980", "Nam"],
        [3, "", "01/01/1980", "Nam"],
        [4, "Hà Văn Sự", "01/01/1980", "Không rõ"],
        [5, "Giàng A Páo", "05/02/1980", "Nam"],
    ])
    with book.session() as db:
        preview = member_import.read_member_file(db, path)
    problems = preview.problems()
    assert problems == [
        "Dòng 4: Ngày sinh: “31/02/1980” không phải ngày có thật (ngày/tháng/năm)",
        "Dòng 5: thiếu họ và tên",
        "Dòng 6: giới tính “Không rõ” phải là Nam hoặc Nữ",
        "Dòng 7: Giàng A Páo trùng với dòng 3 (Giàng A Páo)",
    ]
    with pytest.raises(ValidationError, match="3 dòng lỗi và 1 dòng trùng; chưa nhập dòng nào"):
        _import(book, path)
    assert _count(book) == (0, 0)
    _, added = _import(book, path, skip_problem_rows=True)
    assert added == 1 and _count(book)[0] == 1


def test_duplicates_against_the_register_by_card_or_name_and_birth(book, tmp_path):
    with book.session() as db:
        members.add_member(db, full_name="Giàng A Páo", birth_date="05/02/1980", card_number="12345678", joined_on="01/01/2020")
    path = _xlsx(tmp_path / "ds.xlsx", [
        HEADER,
        [1, "Giàng A Pao", "01/01/1970", "Nam", "", "12345678"],
        [2, "giàng a páo", "05/02/1980", "Nam"],
        [3, "Giàng A Páo", "05/02/1990", "Nam"],
    ])
    with book.session() as db:
        preview = member_import.read_member_file(db, path)
    assert [bool(r.duplicate_of) for r in preview.rows] == [True, True, False]
    assert "đảng viên đã có trong sổ" in preview.rows[0].duplicate_of


@pytest.mark.slow
def test_ten_thousand_rows_import_in_one_transaction(book, tmp_path):
    rows = [HEADER] + [[i, _unique_name(i), f"{(i % 28) + 1:02d}/{(i % 12) + 1:02d}/{1950 + i % 50}",
                        "Nam", "Kinh", f"{10_000_000 + i}", "", "", ""] for i in range(10_000)]
    path = _xlsx(tmp_path / "big.xlsx", rows)
    _, added = _import(book, path)
    assert added == 10_000
    assert _count(book) == (10_000, 10_000)
    with book.engine.connect() as conn:  # the bulk path stamps revs like the ORM path does
        distinct, top = conn.exec_driver_sql(
            "SELECT count(DISTINCT rev), max(rev) FROM (SELECT rev FROM member UNION ALL SELECT rev FROM member_status_change)").one()
        counter = conn.exec_driver_sql("SELECT last_rev FROM rev_counter").scalar()
    assert distinct == 20_000 and top == counter


@pytest.mark.slow
def test_ten_thousand_rows_with_one_bad_row_write_nothing(book, tmp_path):
    path = tmp_path / "big.csv"
    lines = ["Họ và tên,Ngày sinh,Số thẻ đảng viên"]
    lines += [f"{_unique_name(i)},01/01/1980,{20_000_000 + i}" for i in range(10_000)]
    lines[7_777] = "Lò Văn Hỏng,99/99/1980,1"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ValidationError, match="1 dòng lỗi"):
        _import(book, path)
    assert _count(book) == (0, 0)
