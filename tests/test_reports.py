"""Printed papers: the exact Vietnamese text, the Party header, embedded fonts, page numbers,
long lists and long speeches, every figure computed from the records."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader

from chibo.errors import ChiboError
from chibo.reports import save_pdf
from chibo.reports.action_plan import build_action_plan
from chibo.reports.attendance_sheet import build_attendance_sheet
from chibo.reports.layout import MARGIN_LEFT, MARGIN_RIGHT, PAGE, text
from chibo.reports.minutes import build_minutes
from chibo.reports.study_report import build_study_report
from chibo.services import agenda, documents, essays, members, plans, sessions
from chibo.services.session_rules import record_votes
from chibo.vocabulary import AttendanceState, CellPosition, ItemStatus, MemberStatus, SessionKind


def pages_text(pdf: bytes) -> list[str]:
    """Each page's text with runs of whitespace made one space (lines wrap anywhere)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def all_text(pdf: bytes) -> str:
    return " ".join(pages_text(pdf))


@pytest.fixture
def cell(db):
    """Giàng A Páo (secretary, chairs), Nguyễn Thị Hường (takes the minutes), Lò Thị Ỷ, Hà Văn Sự,
    Vương Thị Vỹ, Đặng Văn Đức (probationary), Triệu Tả Phù (exempt)."""
    ids = {}
    people = [
        ("pao", "Giàng A Páo", CellPosition.SECRETARY, MemberStatus.FULL),
        ("huong", "Nguyễn Thị Hường", CellPosition.DEPUTY, MemberStatus.FULL),
        ("y", "Lò Thị Ỷ", CellPosition.MEMBER, MemberStatus.FULL),
        ("su", "Hà Văn Sự", CellPosition.MEMBER, MemberStatus.FULL),
        ("vy", "Vương Thị Vỹ", CellPosition.MEMBER, MemberStatus.FULL),
        ("duc", "Đặng Văn Đức", CellPosition.MEMBER, MemberStatus.PROBATIONARY),
        ("phu", "Triệu Tả Phù", CellPosition.MEMBER, MemberStatus.EXEMPT),
    ]
    for key, name, position, status in people:
        ids[key] = members.add_member(db, full_name=name, position=position, status=status, birth_year=1980,
                                      joined_on="01/01/2020").id
    ids["doc"] = documents.add_document(db, number_symbol="57-NQ/TW",
                                        title="Nghị quyết về đột phá phát triển khoa học, công nghệ",
                                        issued_on="22/12/2024", deadline="30/06/2026").id
    return ids


def _session(db, cell, held_on="05/02/2026", **fields):
    m = sessions.create_session(db, kind=SessionKind.STUDY, held_on=held_on, document_ids=[cell["doc"]],
                                place="Nhà văn hóa bản Nậm Cáy", start_time="14:00", end_time="16:30",
                                chair_id=cell["pao"], secretary_id=cell["huong"], **fields)
    sessions.mark_all_present(db, m.id)
    return m


def test_minutes_hold_the_header_the_absent_by_name_speeches_votes_and_signatures(db, cell):
    m = _session(db, cell, conclusion="Giao chi ủy xây dựng chương trình hành động trước ngày 15/3.", minutes_approved=True)
    sessions.record_attendance(db, m.id, cell["y"], AttendanceState.ABSENT_EXCUSED, "Ốm")
    sessions.record_attendance(db, m.id, cell["su"], AttendanceState.ABSENT_UNEXCUSED)
    agenda.add_speech(db, m.id, "Đề nghị chi bộ hướng dẫn bà con dùng dịch vụ công trên điện thoại.", member_id=cell["vy"])
    record_votes(db, m.id, 3, 0, 0)  # Đặng Văn Đức, present, is probationary: no vote

    pdf = build_minutes(db, m.id, number="01-BB/CB")  # the number the register gave (tests/test_issuing.py)
    body = all_text(pdf)
    for expected in [
        "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ XÃ NẬM XE", "CHI BỘ BẢN NẬM CÁY", "Số 01-BB/CB",
        "Nậm Xe, ngày 05 tháng 02 năm 2026", "BIÊN BẢN", "HỘI NGHỊ HỌC TẬP, QUÁN TRIỆT NGHỊ QUYẾT SỐ 57-NQ/TW",
        "vào lúc 14 giờ 00 phút, ngày 05 tháng 02 năm 2026, tại Nhà văn hóa bản Nậm Cáy",
        "Chủ trì: đồng chí Giàng A Páo, Bí thư Chi bộ", "Thư ký: đồng chí Nguyễn Thị Hường",
        "Tổng số đảng viên của chi bộ: 7 đồng chí",
        "Số đảng viên được triệu tập: 6 đồng chí (chính thức 5, dự bị 1, sinh hoạt tạm 0)",
        "Đảng viên miễn công tác và sinh hoạt đảng: 1 đồng chí",
        "Có mặt: 4 đồng chí (chính thức 3, dự bị 1, sinh hoạt tạm 0)",
        "Vắng mặt: 2 đồng chí:", "Đồng chí Lò Thị Ỷ: vắng có lý do (Ốm).", "Đồng chí Hà Văn Sự: vắng không lý do.",
        "Học tập, quán triệt Nghị quyết số 57-NQ/TW",
        "Đồng chí Vương Thị Vỹ: Đề nghị chi bộ hướng dẫn bà con dùng dịch vụ công trên điện thoại.",
        "Giao chi ủy xây dựng chương trình hành động trước ngày 15/3.",
        "Tán thành: 3/3 đồng chí (100,00%)", "Không tán thành: 0/3 đồng chí",
        "Hội nghị kết thúc vào lúc 16 giờ 30 phút cùng ngày. Biên bản đã được đọc lại trước chi bộ",
        "THƯ KÝ", "CHỦ TRÌ",
    ]:
        assert expected in body, expected
    assert unicodedata.is_normalized("NFC", body)


def test_absent_members_are_listed_in_given_name_order(db, cell):
    m = _session(db, cell)
    sessions.record_attendance(db, m.id, cell["y"], AttendanceState.ABSENT_EXCUSED, "Ốm")
    sessions.record_attendance(db, m.id, cell["su"], AttendanceState.ABSENT_UNEXCUSED)
    body = all_text(build_minutes(db, m.id))
    # Given names: Sự (S) before Ỷ (Y).
    assert "1. Đồng chí Hà Văn Sự: vắng không lý do. 2. Đồng chí Lò Thị Ỷ: vắng có lý do (Ốm)." in body


def test_a_session_with_nobody_absent_prints_vang_mat_khong(db, cell):
    m = _session(db, cell)
    body = all_text(build_minutes(db, m.id))
    assert "Vắng mặt: không." in body
    assert "1. Đồng chí" not in body
    sheet = pages_text(build_attendance_sheet(db, m.id))
    assert len(sheet) == 1 and not sheet[0].startswith("1 ")  # page 1 carries no page number


def test_a_3000_character_speech_wraps_inside_the_margins_and_flows_to_the_next_page(db, cell):
    m = _session(db, cell)
    words = "Đồng bào các dân tộc trong bản đã hưởng ứng phong trào chuyển đổi số rất tích cực"
    speech = (words + ". ") * 40
    speech = speech[:3000]
    agenda.add_speech(db, m.id, speech, member_id=cell["su"])
    pdf = build_minutes(db, m.id)
    pages = pages_text(pdf)
    assert len(pages) >= 2
    assert pages[0].startswith("ĐẢNG BỘ") and pages[1].startswith("2 ")  # HD 36: a number from page 2 on
    assert "Hà Văn Sự:" in pages[0]
    assert words in pages[1]  # the speech continues on the next page

    from reportlab.pdfbase.pdfmetrics import stringWidth

    right_edge = PAGE[0] - MARGIN_RIGHT
    outside = []

    for page in PdfReader(io.BytesIO(pdf)).pages:
        def visit(chunk, cm, tm, font_dict, font_size):
            if not chunk.strip() or font_dict is None:
                return
            x = tm[4] * cm[0] + cm[4]
            font = "ChiboSerif-Bold" if "Bold" in font_dict["/BaseFont"] else "ChiboSerif"
            width = stringWidth(chunk.rstrip("\n"), font, font_size * tm[0])
            if x < MARGIN_LEFT - 1 or x + width > right_edge + 1:
                outside.append((chunk, x, x + width))

        page.extract_text(visitor_text=visit)
    assert outside == []


def test_every_font_of_every_paper_is_embedded(db, cell):
    m = _session(db, cell)
    plan = plans.create_plan(db, title="Chương trình hành động thực hiện Nghị quyết 57-NQ/TW", year=2026, document_id=cell["doc"])
    plans.add_item(db, plan.id, content="Tổ chức học tập", deadline="31/03/2026")
    papers = [build_minutes(db, m.id), build_attendance_sheet(db, m.id),
              build_study_report(db, cell["doc"], as_of=date(2026, 3, 1)), build_action_plan(db, plan.id)]
    for pdf in papers:
        reader = PdfReader(io.BytesIO(pdf))
        fonts = {f.get_object()["/BaseFont"]: f.get_object() for p in reader.pages for f in p["/Resources"]["/Font"].values()}
        assert fonts, "a paper with no font"
        for name, font in fonts.items():
            assert "LiberationSerif" in name, name
            assert name.startswith("/AAAAAA+") or "+" in name  # a subset
            assert "/FontFile2" in font["/FontDescriptor"], name


def test_the_300_member_sign_in_sheet_repeats_its_header_on_every_page(db):
    for i in range(300):
        members.add_member(db, full_name=f"Lò Văn Thành {i:03d}", birth_year=1960 + i % 40, joined_on="01/01/2020")
    exempt = members.add_member(db, full_name="Vương Thị Vỹ", status=MemberStatus.EXEMPT, joined_on="01/01/2020")
    m = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/02/2026")
    pdf = build_attendance_sheet(db, m.id)
    pages = pages_text(pdf)
    assert len(pages) >= 10
    for number, page in enumerate(pages, 1):
        if number < len(pages) or "Họ và tên" in page:
            assert page.count("TT Họ và tên Năm sinh Chức vụ Đảng viên Ký tên Ghi chú") >= 1, number
        assert page.startswith(f"{number} ") if number > 1 else page.startswith("ĐẢNG BỘ")
    body = " ".join(pages)
    assert "DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT" in body
    assert "Đảng viên phải dự: 300 đồng chí." in body
    assert "300 Lò Văn Thành 299" in body
    assert "Đảng viên miễn công tác và sinh hoạt đảng (1 đồng chí" in body
    assert body.index("Vương Thị Vỹ") > body.index("Lò Văn Thành 299")  # listed apart, after the others
    assert exempt.full_name in body


def test_study_report_figures_come_from_the_records_and_a_makeup_moves_the_rate(db, cell):
    m = _session(db, cell)
    sessions.record_attendance(db, m.id, cell["y"], AttendanceState.ABSENT_EXCUSED, "Đi viện")
    essays.record_essay(db, cell["pao"], cell["doc"], grade="Tốt")
    essays.record_essay(db, cell["vy"], cell["doc"], grade="Chưa đạt")
    body = all_text(build_study_report(db, cell["doc"], as_of=date(2026, 3, 1), number="01-BC/CB"))
    for expected in [
        "Số 01-BC/CB", "Nậm Xe, ngày 01 tháng 3 năm 2026", "BÁO CÁO",
        "Kết quả học tập, quán triệt Nghị quyết số 57-NQ/TW",
        "Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Trung ương về đột phá phát triển khoa học, công nghệ",
        "Chi bộ đã tổ chức 1 buổi học tập, quán triệt",
        "Số đảng viên phải học tập (đến ngày 1-3-2026): 6 đồng chí",
        "Số đảng viên đã học tập: 5/6 đồng chí, đạt 83,33% (trong đó học bù: 0 đồng chí); chưa đạt chỉ tiêu 95%",
        "Đảng viên chưa học tập: 1 đồng chí: 1) Đồng chí Lò Thị Ỷ: Đi viện.",
        "Bài thu hoạch: 2 bài đã chấm (Tốt: 1; Khá: 0; Đạt: 0; Chưa đạt: 1); chưa nộp: 3; phải viết lại: 1",
        "Nơi nhận: - Đảng ủy xã Nậm Xe (để báo cáo), - Lưu chi bộ.", "T/M CHI BỘ", "BÍ THƯ", "Giàng A Páo",
    ]:
        assert expected in body, expected

    makeup = sessions.create_makeup_session(db, m.id, "20/02/2026")
    assert [a.member_id for a in sessions.attendance(db, makeup.id)] == [cell["y"]]
    body = all_text(build_study_report(db, cell["doc"], as_of=date(2026, 3, 1)))
    assert "Số đảng viên đã học tập: 6/6 đồng chí, đạt 100,00% (trong đó học bù: 1 đồng chí); đạt chỉ tiêu 95%" in body
    assert "Tổ chức 1 buổi học bù" in body
    assert "Đảng viên chưa học tập: không." in body


def test_cell_programme_and_individual_plan(db, cell):
    programme = plans.create_plan(db, title="Chương trình hành động thực hiện Nghị quyết 57-NQ/TW", year=2026,
                                  document_id=cell["doc"], adopted_on="07/03/2026")
    plans.add_item(db, programme.id, content="Lắp đặt điểm truy cập Internet tại nhà văn hóa bản", target="1 điểm",
                   owner_id=cell["su"], deadline="30/04/2026")
    plans.add_item(db, programme.id, content="Hướng dẫn các hộ dùng dịch vụ công", target="60% số hộ",
                   owner_text="Toàn chi bộ", deadline="30/09/2026", status=ItemStatus.DONE, done_on="15/05/2026")
    body = all_text(build_action_plan(db, programme.id, number="01-CTr/CB"))
    for expected in [
        "Số 01-CTr/CB", "Nậm Xe, ngày 07 tháng 3 năm 2026", "CHƯƠNG TRÌNH HÀNH ĐỘNG",
        "thực hiện Nghị quyết 57-NQ/TW",
        "Thực hiện Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Trung ương về đột phá phát triển khoa học, công nghệ, "
        "Chi bộ bản Nậm Cáy xây dựng chương trình hành động năm 2026 với các nội dung sau:",
        "TT Nội dung Chỉ tiêu Người thực hiện Thời hạn Kết quả", "Hà Văn Sự 30/04/2026", "Toàn chi bộ",
        "Nơi nhận: - Đảng ủy xã Nậm Xe (để báo cáo), - Các đồng chí đảng viên trong chi bộ, - Lưu chi bộ.",
    ]:
        assert expected in body, expected
    # Dated 07/03/2026: the item finished on 15/05 is not finished on the paper, and nothing is late yet.
    assert "Hoàn thành" not in body and "quá hạn" not in body
    assert "CHƯƠNG TRÌNH HÀNH ĐỘNG Chương trình hành động" not in body  # the type is not said twice

    personal = plans.create_plan(db, title="Kế hoạch hành động cá nhân", year=2026, member_id=cell["y"], adopted_on="15/01/2026")
    plans.add_item(db, personal.id, content="Tham gia đầy đủ sinh hoạt chi bộ", target="100% buổi", deadline="31/12/2026")
    body = all_text(build_action_plan(db, personal.id))
    assert "KẾ HOẠCH HÀNH ĐỘNG CÁ NHÂN NĂM 2026" in body
    assert "Họ và tên: Lò Thị Ỷ; năm sinh: 1980; chức vụ: đảng viên; sinh hoạt tại Chi bộ bản Nậm Cáy." in body
    assert "XÁC NHẬN CỦA CHI BỘ BÍ THƯ" in body and "NGƯỜI XÂY DỰNG KẾ HOẠCH" in body
    assert "Số " not in body.split("KẾ HOẠCH HÀNH ĐỘNG CÁ NHÂN")[0]  # an individual plan has no number


@pytest.mark.parametrize("deadlines, period", [
    (["14/01/2026", "31/12/2026"], "năm 2026"),
    (["14/01/2026", "19/01/2027", "15/03/2026"], "giai đoạn 2026–2027"),
    ([None], "năm 2025"),  # no deadline at all: the plan's own year
])
def test_a_programme_says_the_period_of_its_items_not_the_year_it_was_issued(db, cell, deadlines, period):
    """Adopted on 15/12/2025 for work due from January: the sentence names the items' years."""
    programme = plans.create_plan(db, title="Chương trình hành động thực hiện Nghị quyết 57-NQ/TW", year=2025,
                                  document_id=cell["doc"], adopted_on="15/12/2025")
    for n, deadline in enumerate(deadlines, 1):
        plans.add_item(db, programme.id, content=f"Nội dung {n}", target="100%", owner_id=cell["su"], deadline=deadline)
    body = all_text(build_action_plan(db, programme.id, number="01-CTr/CB"))
    assert "ngày 15 tháng 12 năm 2025" in body
    assert ("Thực hiện Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Trung ương về đột phá phát triển khoa học, "
            f"công nghệ, Chi bộ bản Nậm Cáy xây dựng chương trình hành động {period} với các nội dung sau:") in body


def test_text_is_nfc_and_escaped():
    decomposed = unicodedata.normalize("NFD", "Lò Thị Ỷ <b> & Hường")
    assert text(decomposed) == "Lò Thị Ỷ &lt;b&gt; &amp; Hường"


def test_save_pdf_on_a_full_stick_says_the_disk_is_full_and_leaves_no_part(tmp_path):
    """A 1 MB stick with 900 KB on it: the paper does not fit, the sentence says so, nothing half
    written stays, and the file already there is untouched."""
    import subprocess

    stick = tmp_path / "usb"
    stick.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(stick)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not allowed here: {mounted.stderr.decode().strip()}")
    try:
        (stick / "cu.pdf").write_bytes(b"%PDF-old" * 110_000)
        with pytest.raises(ChiboError) as refused:
            save_pdf(b"%PDF" + bytes(400_000), stick / "bien-ban.pdf")
        assert refused.value.message == (f"Ổ đĩa chứa “{stick}” đã đầy: chưa ghi được tệp bien-ban.pdf. Hãy giải phóng "
                                         "chỗ trống hoặc chọn ổ khác (USB khác) rồi lưu lại.")
        assert sorted(p.name for p in stick.iterdir()) == ["cu.pdf"]
        assert (stick / "cu.pdf").read_bytes() == b"%PDF-old" * 110_000
    finally:
        subprocess.run(["umount", str(stick)], check=False)


def test_save_pdf_is_atomic(tmp_path):
    target = tmp_path / "bien-ban.pdf"
    save_pdf(b"%PDF-old", target)
    save_pdf(b"%PDF-new", target)
    assert target.read_bytes() == b"%PDF-new"
    assert [p.name for p in tmp_path.iterdir()] == ["bien-ban.pdf"]
    with pytest.raises(ChiboError, match="là một thư mục"):
        save_pdf(b"%PDF", tmp_path)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    with pytest.raises(ChiboError, match="là một tệp, không phải thư mục"):  # refused before writing
        save_pdf(b"%PDF", blocked / "x.pdf")
    with pytest.raises(ChiboError, match="Không thấy thư mục"):  # an unplugged stick: no folder made for it
        save_pdf(b"%PDF", tmp_path / "usb" / "x.pdf")
    assert not (tmp_path / "usb").exists()
    assert target.read_bytes() == b"%PDF-new"
