"""Member lists built as cells keep them by hand, for the importer's tests: title rows and merged
cells above a two-row header on row 5, a row of column numbers, statuses written only in the notes
(with and without accents, with dates), mixed dates (text, Excel dates, a year alone), a card
number typed as a number, a blank row, the header repeated on a new page, a totals row and the
signature block at the foot."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import openpyxl

RECENT = date.today() - timedelta(days=100)  # admitted within the probation, no official date yet

# (name, sex, ethnicity, birth, admitted, official, card, position, note)
MEMBERS = [
    ("Giàng A Páo", "Nam", "Hmông", "05/02/1980", datetime(2005, 3, 1), "01/03/2006", 1234568, "Bí thư", ""),
    ("Nguyễn Thị Hường", "Nữ", "Kinh", datetime(1985, 7, 12), "02/09/2010", "02/09/2011", "12345679", "Phó Bí thư", ""),
    ("Lò Văn An", "Nam", "Thái", "1999", "19/05/2025", None, None, "", "Dự bị"),
    ("Vàng A Dế", "Nam", "Hmông", 1948, "03/02/1975", "03/02/1976", None, "", "Miễn SH từ 01/2020"),
    ("Thào Thị Mỷ", "Nữ", "Hmông", "12/10/1990", "10/10/2015", "10/10/2016", None, "",
     "Sinh hoạt tạm thời từ 15/03/2024 (từ chi bộ bản Phìn Hồ)"),
    None,  # a blank row between members
    ("Lường Văn Sự", "Nam", "Thái", "20/11/1970", "15/04/1995", "15/04/1996", None, "", "Đã chuyển đi 05/2023"),
    ("Hà Thị Nga", "Nữ", "Thái", "08/08/1955", "01/01/1980", "01/01/1981", None, "", "Từ trần ngày 12/3/2024"),
    ("Sùng A Chư", "Nam", "Hmông", 1975, "09/09/2000", "09/09/2001", 23456789, "Chi ủy viên", "Trưởng bản"),
    "page",  # the header repeated at the top of the printed page 2
    ("Lò Thị Ỷ", "Nữ", "Thái", "1950", "02/02/1978", "02/02/1979", None, "", "miễn công tác và sinh hoạt đảng"),
    ("Giàng A Lử", "Nam", "Hmông", "01/06/1945", "06/06/1970", "06/06/1971", None, "", "Mien sinh hoat tu 2019"),
    ("Vàng Thị Dợ", "Nữ", "Hmông", "03/03/2000", RECENT.strftime("%d/%m/%Y"), None, None, "", ""),
    ("Tòng Văn Khăm", "Nam", "Thái", "04/04/1988", "05/05/2012", "05/05/2013", None, "",
     "Sinh hoạt tạm nơi khác từ 2025"),
]
HEADER_TOP = ["STT", "Họ và tên", "Giới tính", "Dân tộc", "Ngày, tháng, năm", None, None, "Số thẻ đảng viên",
              "Chức vụ", "Ghi chú"]
HEADER_BELOW = [None, None, None, None, "Sinh", "Vào Đảng", "Chính thức", None, None, None]
# The rows the importer must leave out, with its note: (row number, note)
FOOTER_NOTES = [
    "Dòng 1–4: tiêu đề phía trên dòng tên cột, bỏ qua",
    "Dòng 7: dòng đánh số cột, bỏ qua",
    "Dòng 13: dòng trống, bỏ qua",
    "Dòng 17: dòng tên cột lặp lại (đầu trang mới), bỏ qua",
    "Dòng 22: dòng tổng cộng, bỏ qua",
    "Dòng 23: dòng trống, bỏ qua",
    "Dòng 24–27: phần ngày tháng, chữ ký cuối danh sách, bỏ qua",
    "Dòng 28: dòng trống, bỏ qua",
    "Dòng 29: tên người ký cuối danh sách, bỏ qua",
]


def hand_kept_xlsx(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["ĐẢNG BỘ XÃ NẬM XE", None, None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"])
    ws.append(["CHI BỘ BẢN NẬM CÁY"])
    ws.append(["DANH SÁCH ĐẢNG VIÊN CHI BỘ BẢN NẬM CÁY"])
    ws.append(["(Tính đến ngày 31/10/2026)"])
    for cells in ("A1:D1", "F1:J1", "A2:D2", "A3:J3", "A4:J4"):
        ws.merge_cells(cells)
    ws.append(HEADER_TOP)
    ws.append(HEADER_BELOW)
    for column in "ABCDHIJ":
        ws.merge_cells(f"{column}5:{column}6")
    ws.merge_cells("E5:G5")
    ws.append([f"({n})" for n in range(1, 11)])
    number = 0
    for member in MEMBERS:
        if member is None:
            ws.append([])
        elif member == "page":
            ws.append(HEADER_TOP)
        else:
            number += 1
            name, sex, ethnicity, birth, admitted, official, card, position, note = member
            ws.append([number, name, sex, ethnicity, birth, admitted, official, card, position, note])
    ws.append([f"Tổng số: {number} đảng viên (chính thức 3, dự bị 2, sinh hoạt tạm 1, miễn sinh hoạt 3, …)"])
    ws.merge_cells(f"A{ws.max_row}:J{ws.max_row}")
    ws.append([])
    ws.append([None] * 7 + ["Nậm Cáy, ngày 05 tháng 11 năm 2026"])
    ws.append([None, "NGƯỜI LẬP BIỂU"] + [None] * 5 + ["T/M CHI BỘ"])
    ws.append([None] * 7 + ["BÍ THƯ"])
    ws.append([None, "(Ký, ghi rõ họ tên)"] + [None] * 5 + ["(Ký, ghi rõ họ tên)"])
    ws.append([])
    ws.append([None, "Nguyễn Thị Hường"] + [None] * 5 + ["Giàng A Páo"])
    wb.save(path)
    return path


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)


def hand_kept_csv(path):
    """The same list saved as CSV from Excel in Vietnamese (semicolons): one header row on row 5,
    merged cells gone, numbers already text."""
    lines = ["ĐẢNG BỘ XÃ NẬM XE;;;;;ĐẢNG CỘNG SẢN VIỆT NAM", "CHI BỘ BẢN NẬM CÁY",
             "DANH SÁCH ĐẢNG VIÊN CHI BỘ BẢN NẬM CÁY", "(Tính đến ngày 31/10/2026)",
             "STT;Họ và tên;Giới tính;Dân tộc;Ngày sinh;Ngày vào Đảng;Ngày chính thức;Số thẻ đảng viên;Chức vụ;Ghi chú"]
    number = 0
    for member in MEMBERS:
        if member is None or member == "page":
            continue
        number += 1
        lines.append(";".join([str(number), *(_csv_cell(v) for v in member)]))
    lines += [f"Tổng số: {number} đảng viên;;;;;;;;;", "", ";;;;;;;Nậm Cáy, ngày 05 tháng 11 năm 2026",
              ";Người lập biểu;;;;;;T/M Chi bộ", ";;;;;;;Bí thư", "", ";Nguyễn Thị Hường;;;;;;Giàng A Páo"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def _zip_entry(name: str, blocks: list[bytes], crc: int, size: int) -> tuple:
    return name.encode(), blocks, crc, size


def _write_zip(path, entries) -> None:
    """A zip written by hand, so a part can be stored as deflate blocks made once and repeated."""
    import struct

    with open(path, "wb") as out:
        central = []
        for name, blocks, crc, size in entries:
            offset, packed = out.tell(), sum(len(b) for b in blocks)
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, packed, size, len(name), 0) + name)
            for block in blocks:
                out.write(block)
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, packed, size,
                                       len(name), 0, 0, 0, 0, 0, offset) + name)
        start = out.tell()
        for record in central:
            out.write(record)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0))


def xlsx_bomb(path, megabytes: int = 1100):
    """A real .xlsx (openpyxl's parts) whose sheet inflates to `megabytes` MB of member rows, a few
    MB on disk: one megabyte of rows deflated once after a full flush, the block repeated."""
    import zipfile
    import zlib

    small = hand_kept_xlsx(path.with_name("small-" + path.name))
    entries = []
    with zipfile.ZipFile(small) as archive:
        for info in archive.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                continue
            data = archive.read(info)
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            entries.append(_zip_entry(info.filename, [packer.compress(data) + packer.flush()], zlib.crc32(data),
                                      len(data)))
    head = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><sheetData>')
    row = '<row><c t="inlineStr"><is><t>Giàng A Páo</t></is></c></row>'.encode()
    chunk = row * (1024 * 1024 // len(row))
    tail = b"</sheetData></worksheet>"
    blocks, crc = [], zlib.crc32(head)
    for part, flush in ((head, zlib.Z_FULL_FLUSH), (chunk, zlib.Z_FULL_FLUSH), (tail, zlib.Z_FINISH)):
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        blocks.append(packer.compress(part) + packer.flush(flush))
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    sheet = [blocks[0]] + [blocks[1]] * megabytes + [blocks[2]]
    entries.append(_zip_entry("xl/worksheets/sheet1.xml", sheet, crc, len(head) + megabytes * len(chunk) + len(tail)))
    _write_zip(path, entries)
    return path
