"""Member import: the sheets cells really keep come in whole, with each member's status and its
history; rows that are not members are skipped with a note; every bad file or bad row gets a clear
sentence with its row number and leaves the register as it was."""

import os
import subprocess
import sys
from datetime import date, datetime, timedelta

import openpyxl
import pytest
from sqlmodel import func, select

from chibo.errors import ChiboError, ValidationError
from chibo.services import member_import, members
from chibo.services.roll import Roll
from chibo.store.models import Member, MemberStatusChange
from chibo.vocabulary import MemberStatus
from sheets import FOOTER_NOTES, RECENT, hand_kept_csv, hand_kept_xlsx, xlsx_bomb

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Số thẻ đảng viên", "Ngày vào Đảng", "Ngày chính thức",
          "Chức vụ"]
FULL, PROBATIONARY, ATTACHED, AWAY, EXEMPT, LEFT = (
    MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.ATTACHED, MemberStatus.AWAY, MemberStatus.EXEMPT,
    MemberStatus.LEFT)


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


def _preview(book, path):
    with book.session() as db:
        return member_import.read_member_file(db, path)


def _histories(book) -> dict[str, list[tuple]]:
    """Each member's history as (status, from, reason for leaving)."""
    with book.session() as db:
        names = {m.id: m.full_name for m in db.exec(select(Member))}
        rows = db.exec(select(MemberStatusChange).order_by(MemberStatusChange.effective_on)).all()
    histories: dict[str, list[tuple]] = {}
    for change in rows:
        histories.setdefault(names[change.member_id], []).append((change.status, change.effective_on, change.left_reason))
    return histories


# The hand-kept sheet of tests/sheets.py, as it must come in: (status, history).
EXPECTED = {
    "Giàng A Páo": [("du_bi", date(2005, 3, 1), ""), ("chinh_thuc", date(2006, 3, 1), "")],
    "Nguyễn Thị Hường": [("du_bi", date(2010, 9, 2), ""), ("chinh_thuc", date(2011, 9, 2), "")],
    "Lò Văn An": [("du_bi", date(2025, 5, 19), "")],
    "Vàng A Dế": [("du_bi", date(1975, 2, 3), ""), ("chinh_thuc", date(1976, 2, 3), ""),
                  ("mien_sinh_hoat", date(2020, 1, 1), "")],
    "Thào Thị Mỷ": [("sinh_hoat_tam", date(2024, 3, 15), "")],
    "Lường Văn Sự": [("du_bi", date(1995, 4, 15), ""), ("chinh_thuc", date(1996, 4, 15), ""),
                     ("da_roi", date(2023, 5, 1), "chuyen_sinh_hoat")],
    "Hà Thị Nga": [("du_bi", date(1980, 1, 1), ""), ("chinh_thuc", date(1981, 1, 1), ""),
                   ("da_roi", date(2024, 3, 12), "tu_tran")],
    "Sùng A Chư": [("du_bi", date(2000, 9, 9), ""), ("chinh_thuc", date(2001, 9, 9), "")],
    "Lò Thị Ỷ": [("mien_sinh_hoat", date(1978, 2, 2), "")],
    "Giàng A Lử": [("du_bi", date(1970, 6, 6), ""), ("chinh_thuc", date(1971, 6, 6), ""),
                   ("mien_sinh_hoat", date(2019, 1, 1), "")],
    "Vàng Thị Dợ": [("du_bi", RECENT, "")],
    "Tòng Văn Khăm": [("du_bi", date(2012, 5, 5), ""), ("chinh_thuc", date(2013, 5, 5), ""),
                      ("sinh_hoat_tam_noi_khac", date(2025, 1, 1), "")],
}


@pytest.mark.parametrize("make", [hand_kept_xlsx, hand_kept_csv], ids=["xlsx", "csv"])
def test_a_hand_kept_sheet_comes_in_whole_with_statuses_and_history(book, tmp_path, make):
    path = make(tmp_path / f"danh-sach.{'xlsx' if make is hand_kept_xlsx else 'csv'}")
    preview, added = _import(book, path)  # no --skip-problem-rows: footers are not problems
    assert preview.problems() == [] and added == 12
    assert _histories(book) == EXPECTED
    if make is hand_kept_xlsx:
        assert preview.notes() == FOOTER_NOTES
    else:  # the CSV has no merged two-row header, no column numbers, no repeated page header
        assert preview.notes() == ["Dòng 1–4: tiêu đề phía trên dòng tên cột, bỏ qua", "Dòng 18: dòng tổng cộng, bỏ qua",
                                   "Dòng 19: dòng trống, bỏ qua",
                                   "Dòng 20–22: phần ngày tháng, chữ ký cuối danh sách, bỏ qua",
                                   "Dòng 23: dòng trống, bỏ qua", "Dòng 24: tên người ký cuối danh sách, bỏ qua"]
    with book.session() as db:
        by_name = {m.full_name: m for m in db.exec(select(Member))}
        roll = Roll.load(db)
        required = roll.required(date(2026, 10, 1))
    pao = by_name["Giàng A Páo"]
    assert (pao.birth_date, pao.position, pao.sex, pao.ethnicity) == (date(1980, 2, 5), "bi_thu", "Nam", "Hmông")
    # a card typed as a number lost its leading zero in Excel (xlsx); the CSV kept what was written
    assert pao.card_number == ("01234568" if make is hand_kept_xlsx else "1234568")
    assert (by_name["Lò Văn An"].birth_year, by_name["Lò Văn An"].birth_date) == (1999, None)
    assert by_name["Vàng A Dế"].birth_year == 1948
    assert by_name["Sùng A Chư"].note == "Trưởng bản" and by_name["Sùng A Chư"].position == "chi_uy_vien"
    # the exempt elders, the member attending elsewhere and those who left are not counted as required
    assert sorted(by_name_of(by_name, required)) == ["Giàng A Páo", "Lò Văn An", "Nguyễn Thị Hường", "Sùng A Chư",
                                                     "Thào Thị Mỷ", "Vàng Thị Dợ"]


def by_name_of(by_name: dict, ids) -> list[str]:
    names = {m.id: name for name, m in by_name.items()}
    return [names[i] for i in ids]


def test_the_preview_says_where_each_status_was_read_and_marks_guesses(book, tmp_path):
    preview = _preview(book, hand_kept_xlsx(tmp_path / "ds.xlsx"))
    how = {r.full_name: (str(r.status), r.guessed, r.how_read()) for r in preview.rows}
    assert how["Vàng A Dế"] == ("mien_sinh_hoat", True, "đoán từ ghi chú “Miễn SH từ 01/2020”")
    assert how["Vàng Thị Dợ"] == ("du_bi", True, "đoán: vào Đảng chưa đủ thời gian dự bị, chưa có ngày chính thức")
    assert how["Giàng A Páo"] == ("chinh_thuc", True, "không ghi tình trạng: coi là chính thức")
    assert member_import.status_summary(preview.rows) == (
        "3 chính thức, 2 dự bị, 1 sinh hoạt tạm, 1 sinh hoạt tạm nơi khác, 3 miễn công tác và sinh hoạt, "
        "2 đã rời chi bộ")
    # a person corrects a guess before anything is written
    khăm = next(r for r in preview.rows if r.full_name == "Tòng Văn Khăm")
    preview.set_status(khăm, FULL)
    assert (khăm.status, khăm.guessed, khăm.how_read()) == (FULL, False, "người nhập chọn")
    with book.session() as db:
        member_import.commit_import(db, preview)
    assert _histories(book)["Tòng Văn Khăm"] == [("du_bi", date(2012, 5, 5), ""), ("chinh_thuc", date(2013, 5, 5), "")]


def test_a_status_column_with_short_forms_and_dates_and_section_headings(book, tmp_path):
    path = _xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Năm sinh", "Ngày vào Đảng", "Tình trạng", "Ghi chú"],
        ["I. ĐẢNG VIÊN CHÍNH THỨC"],
        [1, "Giàng A Páo", 1980, "01/03/2005", "ĐVCT", ""],
        [2, "Lò Văn An", 1970, "01/03/1995", "Miễn SH từ 01/2020", ""],
        [3, "Thào A Dình", 1975, "01/03/1999", "", "Cán bộ hưu"],
        ["II. ĐẢNG VIÊN DỰ BỊ"],
        [4, "Vàng Thị Dợ", 2000, "19/05/2025", "", ""],
        [5, "Sùng A Chư", 1995, "", "Chuyển đến 03/2024", ""],
        [6, "Lò Thị Ỷ", 1990, "01/01/2015", "đảng viên chính thức", "miễn sinh hoạt từ 2022"],
        ["Cộng: 6 đồng chí"],
    ])
    preview = _preview(book, path)
    got = {r.full_name: (str(r.status), r.source, r.since, r.joined_on) for r in preview.rows}
    assert got == {
        "Giàng A Páo": ("chinh_thuc", "column", None, None),
        "Lò Văn An": ("mien_sinh_hoat", "column", date(2020, 1, 1), None),
        "Thào A Dình": ("chinh_thuc", "heading", None, None),
        "Vàng Thị Dợ": ("du_bi", "heading", None, None),
        "Sùng A Chư": ("du_bi", "heading", None, date(2024, 3, 1)),  # came to the cell in March 2024
        "Lò Thị Ỷ": ("chinh_thuc", "column", None, None),  # the column wins over the notes
    }
    assert preview.notes() == ["Dòng 1: tiêu đề phía trên dòng tên cột, bỏ qua",
                               "Dòng 3: dòng tiêu đề mục “I. ĐẢNG VIÊN CHÍNH THỨC”, bỏ qua",
                               "Dòng 7: dòng tiêu đề mục “II. ĐẢNG VIÊN DỰ BỊ”, bỏ qua",
                               "Dòng 11: dòng tổng cộng, bỏ qua"]


def test_sex_ticked_in_two_columns_excel_serial_dates_and_phone_numbers(book, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Giới tính", None, "Ngày sinh", "Điện thoại"])
    ws.append([None, "Nam", "Nữ", None, None])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:C1")
    ws.merge_cells("D1:D2")
    ws.merge_cells("E1:E2")
    ws.append(["Giàng A Páo", "x", None, 29256, 987654321])  # 5 February 1980 as a bare serial number
    ws.append(["Lò Thị Ỷ", None, "x", "01/01/1990", "0912 345 678"])
    wb.save(tmp_path / "ds.xlsx")
    preview = _preview(book, tmp_path / "ds.xlsx")
    assert [(r.fields["sex"], r.fields["birth_date"], r.fields["phone"]) for r in preview.rows] == [
        ("Nam", date(1980, 2, 5), "0987654321"), ("Nữ", date(1990, 1, 1), "0912 345 678")]


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
    with pytest.raises(ChiboError) as refused:
        _import(book, path)
    assert refused.value.message == (
        "Không đọc được tệp ds.csv: không thấy cột “Họ và tên” trong 2 dòng đầu. Các ô tìm thấy ở dòng đầu: “Tên”, "
        "“Ngày sinh”. Hãy đặt tên cột đúng như mẫu.")
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
    with pytest.raises(ChiboError) as folder:
        _import(book, tmp_path)
    assert folder.value.message == (f"{tmp_path} là một thư mục, không phải tệp. Hãy chỉ ra tệp danh sách (.xlsx hoặc "
                                    ".csv) trong thư mục đó.")
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
        "Dòng 7: Giàng A Páo trùng họ tên và ngày sinh với dòng 3 (Giàng A Páo)",
    ]
    with pytest.raises(ValidationError, match="3 dòng lỗi và 1 dòng trùng; chưa nhập dòng nào"):
        _import(book, path)
    assert _count(book) == (0, 0)
    _, added = _import(book, path, skip_problem_rows=True)
    assert added == 1 and _count(book)[0] == 1


def test_messages_name_the_field_that_is_wrong(book, tmp_path):
    path = _xlsx(tmp_path / "ds.xlsx", [
        ["Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Tình trạng", "Ghi chú"],
        ["Giàng A Páo", "01/01/2030", "02/09/2020", "", ""],  # the birth date is wrong, not the admission
        ["Lò Văn An", "2031", "02/09/2020", "", ""],
        ["Hà Văn Sự", "01/01/1960", "02/09/1990", "đã chuyển đi", ""],
        ["Lò Thị Ỷ", "01/01/1960", "02/09/1990", "", "Miễn SH từ 31/02/2020"],
        ["Vàng A Dế", "01/01/1960", "02/09/1990", "", "Miễn SH từ 2001; trước ngày vào Đảng? không"],
        ["Thào A Lử", "01/01/1960", "02/09/1990", "nghỉ", ""],
    ], title=False)
    assert _preview(book, path).problems() == [
        "Dòng 2: Ngày sinh 01/01/2030 ở tương lai.",
        "Dòng 3: Năm sinh 2031 ở tương lai.",
        "Dòng 4: Tình trạng “đã chuyển đi”: không ghi ngày rời chi bộ; hãy ghi thêm ngày (ví dụ “chuyển đi 05/2023”), "
        "hoặc bỏ dòng này",
        "Dòng 5: Ghi chú: ngày “31/02/2020” không có thật",
        "Dòng 7: Tình trạng “nghỉ” không rõ; hãy ghi một trong: chính thức, dự bị, sinh hoạt tạm, miễn sinh hoạt, "
        "chuyển đi, từ trần (có thể kèm ngày, ví dụ “miễn sinh hoạt từ 01/2020”)",
    ]
    with book.session() as db:
        with pytest.raises(ValidationError, match="Ngày vào Đảng 02/09/2020 quá sớm so với năm sinh 2010"):
            members.add_member(db, full_name="Lò Văn Trẻ", birth_year=2010, admitted_on="02/09/2020")
        with pytest.raises(ValidationError, match=r"^Ngày sinh 01/01/2030 ở tương lai.$"):
            members.add_member(db, full_name="Lò Văn Trẻ", birth_date="01/01/2030", admitted_on="02/09/2020")


def test_duplicates_say_which_field_matched(book, tmp_path):
    with book.session() as db:
        members.add_member(db, full_name="Giàng A Páo", birth_date="05/02/1980", card_number="12345678", joined_on="01/01/2020")
    path = _xlsx(tmp_path / "ds.xlsx", [
        HEADER,
        [1, "Giàng A Pao", "01/01/1970", "Nam", "", "12345678"],
        [2, "giàng a páo", "05/02/1980", "Nam"],
        [3, "Giàng A Páo", "05/02/1990", "Nam"],
        [4, "Lò Văn An", "1979", "Nam"],
        [5, "Lò Văn An", "1979", "Nam"],
    ])
    with book.session() as db:
        preview = member_import.read_member_file(db, path)
    assert [r.duplicate_of for r in preview.rows] == [
        "trùng số thẻ đảng viên 12345678 với đảng viên đã có trong sổ: Giàng A Páo",
        "trùng họ tên và ngày sinh với đảng viên đã có trong sổ: Giàng A Páo",
        "",
        "",
        "trùng họ tên và năm sinh với dòng 6 (Lò Văn An)",
    ]


def test_over_long_fields_and_bidi_characters_are_refused_with_the_row_number(book, tmp_path):
    path = _xlsx(tmp_path / "ds.xlsx", [
        ["Họ và tên", "Dân tộc", "Số thẻ đảng viên", "Ghi chú"],
        ["Giàng A Páo", "Hmông", "", "Dòng một\nDòng hai"],  # a line break inside the notes is fine
        ["Lò " + "Văn " * 30 + "An", "Thái", "", ""],
        ["Giàng A P\u202eoáP", "Hmông", "", ""],  # reads "Giàng A PPáo" backwards on screen
        ["Hà Thị Nga", "Thái", "", "x" * 2001],
        ["Vàng\u00a0A\u200bDế", "Hmông", "", ""],  # a no-break space and a zero-width space from a web page
    ], title=False)
    preview = _preview(book, path)
    assert preview.problems() == [
        "Dòng 3: Họ và tên dài 125 ký tự, quá giới hạn 100 ký tự",
        "Dòng 4: Họ và tên có ký tự điều khiển hoặc ký tự đảo chiều chữ (U+202E), không được phép; hãy gõ lại ô này",
        "Dòng 5: Ghi chú dài 2.001 ký tự, quá giới hạn 2.000 ký tự",
    ]
    assert [r.full_name for r in preview.good_rows] == ["Giàng A Páo", "Vàng ADế"]
    with pytest.raises(ValidationError):
        _import(book, path)
    assert _count(book) == (0, 0)


def test_control_characters_in_a_csv_are_refused_with_the_row_number(book, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text("Họ và tên;Dân tộc;Số thẻ đảng viên\nGiàng A Páo;Hmông;\nLò Văn Bảy;Thái\x07;\n"
                    "Hà Thị \x1b[31mNga;Thái;\nVàng A Dế;Hmông;0123\u202d4567\n", encoding="utf-8")
    assert _preview(book, path).problems() == [
        "Dòng 3: Dân tộc có ký tự điều khiển hoặc ký tự đảo chiều chữ (U+0007), không được phép; hãy gõ lại ô này",
        "Dòng 4: Họ và tên có ký tự điều khiển hoặc ký tự đảo chiều chữ (U+001B), không được phép; hãy gõ lại ô này",
        "Dòng 5: Số thẻ đảng viên có ký tự điều khiển hoặc ký tự đảo chiều chữ (U+202D), không được phép; hãy gõ lại "
        "ô này",
    ]
    with pytest.raises(ValidationError, match="3 dòng lỗi"):
        _import(book, path)
    assert _count(book) == (0, 0)


def test_a_csv_field_over_the_limit_names_its_line(book, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text("Họ và tên,Ghi chú\nGiàng A Páo,\nLò Văn An," + "x" * 1_000_000 + "\n", encoding="utf-8")
    with pytest.raises(ChiboError) as refused:
        _import(book, path)
    assert refused.value.message == (
        "Không đọc được tệp ds.csv: dòng 3 có một ô dài hơn 131.072 ký tự, không ô nào của danh sách đảng viên dài như "
        "thế (có thể thiếu dấu ngoặc kép đóng ở một ô phía trên). Hãy mở tệp kiểm tra lại dòng đó.")
    assert _count(book) == (0, 0)


BOMB_PROBE = """
import resource, sys, time
from chibo.errors import ChiboError
from chibo.services.member_import import read_member_file
from chibo.store.book import Book
with Book.open(sys.argv[1]) as book, book.session() as db:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        read_member_file(db, sys.argv[2])
    except ChiboError as exc:
        print(exc.message)
    seconds = time.perf_counter() - start
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(f"{seconds:.3f} {grown}")
"""


@pytest.mark.skipif(os.name == "nt", reason="resource is POSIX only")
def test_an_xlsx_bomb_is_refused_before_parsing_quickly_and_with_little_memory(book, tmp_path):
    bomb = xlsx_bomb(tmp_path / "ds.xlsx")  # 3 MB on disk, a sheet of 1.1 GB inside
    assert bomb.stat().st_size < 5_000_000
    book.close()  # the probe opens the book in its own process
    probe = subprocess.run([sys.executable, "-c", BOMB_PROBE, str(book.folder), str(bomb)], capture_output=True,
                           text=True, timeout=120)
    message, figures = probe.stdout.strip().rsplit("\n", 1)
    seconds, grown_kb = float(figures.split()[0]), int(figures.split()[1])
    assert message == ("Không đọc được tệp ds.xlsx: khi giải nén, tệp này lớn tới 1,1 GB (một danh sách đảng viên "
                       "chỉ vài MB); có thể tệp đã hỏng hoặc bị làm giả. Chưa đọc gì. Hãy chép danh sách sang một tệp "
                       "Excel mới (chỉ các dòng có dữ liệu) rồi nhập lại.")
    assert seconds < 1.0, seconds
    assert grown_kb < 20 * 1024, grown_kb  # peak memory grew by less than 20 MB (the old reader took 2.5 GB)


def test_an_xlsx_packed_far_tighter_than_a_sheet_is_refused(book, tmp_path):
    bomb = xlsx_bomb(tmp_path / "ds.xlsx", megabytes=60)  # under the 100 MB total, but packed ~300 times
    with pytest.raises(ChiboError, match="khi giải nén, tệp này lớn tới 60,"):
        _import(book, bomb)
    assert _count(book) == (0, 0)


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
            "SELECT count(DISTINCT rev), max(rev) FROM "
            "(SELECT rev FROM member UNION ALL SELECT rev FROM member_status_change)").one()
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


def test_a_member_who_left_before_being_admitted_is_an_error(book, tmp_path):
    path = _xlsx(tmp_path / "ds.xlsx", [["Họ và tên", "Ngày vào Đảng", "Ghi chú"],
                                        ["Giàng A Páo", "01/03/2005", "chuyển đi 05/2003"],
                                        ["Lò Văn An", "", "Chuyển sinh hoạt đi ngày 01/06/2024"]], title=False)
    preview = _preview(book, path)
    assert preview.problems() == ["Dòng 2: Ghi chú “chuyển đi 05/2003”: ngày 01/05/2003 trước ngày vào Đảng 01/03/2005"]
    preview.set_status(preview.rows[0], FULL)  # a person corrects it in the preview
    assert preview.problems() == []
    with book.session() as db:
        member_import.commit_import(db, preview, joined_on=date.today() - timedelta(days=1))
    assert _histories(book) == {"Giàng A Páo": [("chinh_thuc", date(2005, 3, 1), "")],
                                "Lò Văn An": [("da_roi", date(2024, 6, 1), "chuyen_sinh_hoat")]}
