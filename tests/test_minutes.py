"""The minutes as a commune officer reads them: titled as the templates title them, the cell's whole
membership split, the discussion item by item, the vote over the same count as the quorum line,
a sentence that reads right for every kind of session, and no minutes for a session that breaks
a rule."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from chibo.errors import ValidationError
from chibo.reports.minutes import build_minutes
from chibo.services import agenda, documents, sessions
from chibo.services.session_rules import record_votes
from chibo.services.settings import CellRules, save_rules
from chibo.store.models import CellSession
from chibo.vocabulary import AttendanceState, SessionKind
from test_session_rules import add_cell


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def cell(db):
    """The cell of `test_session_rules` (every category of member) and Resolution 57-NQ/TW."""
    ids = add_cell(db)
    ids["doc"] = documents.add_document(db, number_symbol="57-NQ/TW", issued_on="22/12/2024", issuer="Bộ Chính trị", title=(
        "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia")).id
    return ids


def regular(db, cell, **fields):
    m = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/10/2026", place="Nhà văn hóa bản",
                                start_time="19:30", end_time="21:15", chair_id=cell["pao"], secretary_id=cell["huong"],
                                minutes_approved=True, **fields)
    sessions.mark_all_present(db, m.id)
    return m


def test_a_regular_meeting_is_titled_and_counted_as_the_templates_do(db, cell):
    m = regular(db, cell)
    sessions.record_attendance(db, m.id, cell["y"], AttendanceState.ABSENT_EXCUSED, "Ốm")
    sessions.record_attendance(db, m.id, cell["dinh"], AttendanceState.PRESENT)  # exempt, came
    record_votes(db, m.id, 4, 0, 1)
    body = text_of(build_minutes(db, m.id))
    for expected in [
        "BIÊN BẢN SINH HOẠT CHI BỘ ĐỊNH KỲ THÁNG 10 NĂM 2026",
        "Hôm nay, vào lúc 19 giờ 30 phút, ngày 05 tháng 10 năm 2026, tại Nhà văn hóa bản, Chi bộ bản Nậm Cáy tổ chức "
        "sinh hoạt chi bộ định kỳ tháng 10 năm 2026.",
        "- Chủ trì: đồng chí Giàng A Páo, Bí thư Chi bộ.", "- Thư ký: đồng chí Nguyễn Thị Hường.",
        # 5 full + the exempt one + the one attending elsewhere are full members: 7, 1, 1
        "- Tổng số đảng viên của chi bộ: 9 đồng chí (chính thức 7, dự bị 1, sinh hoạt tạm 1).",
        "- Số đảng viên được triệu tập: 7 đồng chí (chính thức 5, dự bị 1, sinh hoạt tạm 1).",
        "- Có mặt: 6 đồng chí (chính thức 4, dự bị 1, sinh hoạt tạm 1); đảng viên miễn sinh hoạt dự: 1.",
        "1. Đồng chí Lò Thị Ỷ: vắng có lý do (Ốm).",
        # 4 full members and the exempt one who came may vote; the excused absence is out of the base
        "Đảng viên có quyền biểu quyết có mặt: 5 đồng chí trên 5 đồng chí làm căn cứ tính (cần ít nhất 3); đủ điều "
        "kiện để biểu quyết theo quy định (đảng viên dự bị, đảng viên sinh hoạt tạm có mặt không biểu quyết).",
        "- Tán thành: 4/5 đồng chí (80,00%).", "- Không tán thành: 0/5 đồng chí (0,00%).",
        "- Ý kiến khác: 1/5 đồng chí (20,00%).",
        "Hội nghị kết thúc vào lúc 21 giờ 15 phút cùng ngày. Biên bản đã được đọc lại trước chi bộ",
    ]:
        assert expected in body, expected


def test_agenda_items_are_printed_in_order_with_their_presenter_speeches_and_conclusion(db, cell):
    m = regular(db, cell, conclusion="Chi bộ ban hành nghị quyết tháng 10.")
    first = agenda.add_agenda_item(db, m.id, title="Đánh giá kết quả tháng 9/2026", presenter_member_id=cell["pao"],
                                   presented="Bản hoàn thành phát quang đường liên bản.",
                                   conclusion="Chi bộ thống nhất với báo cáo.")
    study = agenda.add_agenda_item(db, m.id, title="Học tập Nghị quyết số 57-NQ/TW", document_id=cell["doc"],
                                   presenter_name="Đồng chí Hoàng Thị Thủy, Trưởng Ban Tuyên giáo Đảng ủy xã")
    agenda.add_speech(db, m.id, "Đề nghị khen các hộ góp công.", member_id=cell["su"], agenda_item_id=first.id)
    agenda.add_speech(db, m.id, "Tôi sẽ phổ biến cho bà con.", member_id=cell["my"], agenda_item_id=study.id)
    agenda.add_speech(db, m.id, "Đề nghị họp sớm hơn.", member_id=cell["an"])
    agenda.move_agenda_item(db, study.id, -1)
    body = text_of(build_minutes(db, m.id))
    expected = [
        "II. NỘI DUNG SINH HOẠT",
        "1. Học tập Nghị quyết số 57-NQ/TW",
        "Đồng chí Hoàng Thị Thủy, Trưởng Ban Tuyên giáo Đảng ủy xã trình bày nội dung này.",
        "Ý kiến tham gia: - Đồng chí Thào Thị Mỷ: Tôi sẽ phổ biến cho bà con.",
        "Đồng chí chủ trì kết luận nội dung này: ....",
        "2. Đánh giá kết quả tháng 9/2026",
        "Đồng chí Giàng A Páo trình bày: Bản hoàn thành phát quang đường liên bản.",
        "Ý kiến tham gia: - Đồng chí Hà Văn Sự: Đề nghị khen các hộ góp công.",
        "Đồng chí chủ trì kết luận nội dung này: Chi bộ thống nhất với báo cáo.",
        "3. Ý kiến khác - Đồng chí Lò Văn An: Đề nghị họp sớm hơn.",
        "III. KẾT LUẬN CHUNG CỦA CHỦ TRÌ Chi bộ ban hành nghị quyết tháng 10.",
    ]
    positions = [body.index(part) for part in expected]
    assert positions == sorted(positions)
    assert "THẢO LUẬN" not in body and "BIỂU QUYẾT" not in body  # no vote recorded, no vote printed


def test_a_guest_who_presents_or_speaks_is_named_among_the_guests(db, cell):
    """A guest typed beside an item or a speech, not in the session's guests, is named in the
    "Đại biểu, khách mời" line (once, however often they spoke), never under "khách mời: không"."""
    m = regular(db, cell)
    item = agenda.add_agenda_item(db, m.id, title="Học tập Nghị quyết số 57-NQ/TW", document_id=cell["doc"],
                                  presenter_name="Đồng chí Hoàng Thị Thủy, Trưởng Ban Tuyên giáo Đảng ủy xã")
    agenda.add_speech(db, m.id, "Xã hỗ trợ cây giống.", speaker_name="Lường Văn Khăm", agenda_item_id=item.id)
    agenda.add_speech(db, m.id, "Đề nghị bà con đăng ký sớm.", speaker_name="Đồng chí Lường Văn Khăm")
    agenda.add_speech(db, m.id, "Nhất trí.", speaker_name="đồng chí Hoàng Thị Thủy")
    body = text_of(build_minutes(db, m.id))
    assert ("- Đại biểu, khách mời: Đồng chí Hoàng Thị Thủy, Trưởng Ban Tuyên giáo Đảng ủy xã; Lường Văn Khăm. "
            "- Chủ trì:") in body
    assert "khách mời: không" not in body
    sessions.edit_session(db, m.id, guests="Đồng chí Lường Văn Khăm, Phó Bí thư Đảng ủy xã")
    body = text_of(build_minutes(db, m.id))
    assert ("- Đại biểu, khách mời: Đồng chí Lường Văn Khăm, Phó Bí thư Đảng ủy xã; Đồng chí Hoàng Thị Thủy, Trưởng "
            "Ban Tuyên giáo Đảng ủy xã. - Chủ trì:") in body


def test_a_session_without_items_keeps_its_one_discussion(db, cell):
    m = sessions.create_session(db, kind=SessionKind.STUDY, held_on="05/02/2026", document_ids=[cell["doc"]],
                                chair_id=cell["pao"], secretary_id=cell["huong"], conclusion="Giao chi ủy xây dựng "
                                "chương trình hành động.")
    sessions.mark_all_present(db, m.id)
    agenda.add_speech(db, m.id, "Nhất trí với nghị quyết.", member_id=cell["su"])
    body = text_of(build_minutes(db, m.id))
    assert ("BIÊN BẢN HỘI NGHỊ HỌC TẬP, QUÁN TRIỆT NGHỊ QUYẾT SỐ 57-NQ/TW" in body)
    assert ("Chi bộ bản Nậm Cáy tổ chức hội nghị học tập, quán triệt Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Bộ "
            "Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia." in body)
    expected = ["II. NỘI DUNG", "- Học tập, quán triệt Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Bộ Chính trị về đột phá",
                "III. THẢO LUẬN",
                "- Đồng chí Hà Văn Sự: Nhất trí với nghị quyết.", "IV. KẾT LUẬN CỦA CHỦ TRÌ",
                "Giao chi ủy xây dựng chương trình hành động."]
    positions = [body.index(part) for part in expected]
    assert positions == sorted(positions)


@pytest.mark.parametrize("kind, title, summary, occasion", [
    (SessionKind.TOPIC, "", "SINH HOẠT CHI BỘ CHUYÊN ĐỀ THÁNG 10 NĂM 2026", "tổ chức sinh hoạt chuyên đề."),
    (SessionKind.TOPIC, "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
     "HỌC TẬP VÀ LÀM THEO TƯ TƯỞNG, ĐẠO ĐỨC, PHONG CÁCH HỒ CHÍ MINH",
     "tổ chức sinh hoạt chuyên đề “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”."),
    (SessionKind.TOPIC, "Sinh hoạt chuyên đề về phòng, chống ma túy", "SINH HOẠT CHUYÊN ĐỀ VỀ PHÒNG, CHỐNG MA TÚY",
     "tổ chức sinh hoạt chuyên đề về phòng, chống ma túy."),
    (SessionKind.STUDY, "", "HỘI NGHỊ HỌC TẬP, QUÁN TRIỆT", "tổ chức hội nghị học tập, quán triệt."),
])
def test_the_opening_sentence_reads_right_for_every_kind(db, cell, kind, title, summary, occasion):
    m = sessions.create_session(db, kind=kind, held_on="05/10/2026", title=title, chair_id=cell["pao"],
                                secretary_id=cell["huong"])
    sessions.mark_all_present(db, m.id)
    body = text_of(build_minutes(db, m.id))
    assert f"BIÊN BẢN {summary} " in body
    assert f"Chi bộ bản Nậm Cáy {occasion}" in body


def test_a_make_up_says_whose_make_up_it_is(db, cell):
    study = sessions.create_session(db, kind=SessionKind.STUDY, held_on="05/02/2026", document_ids=[cell["doc"]],
                                    chair_id=cell["pao"], secretary_id=cell["huong"])
    sessions.mark_all_present(db, study.id)
    sessions.record_attendance(db, study.id, cell["y"], AttendanceState.ABSENT_EXCUSED, "Ốm")
    makeup = sessions.create_makeup_session(db, study.id, "15/02/2026", chair_id=cell["pao"], secretary_id=cell["huong"])
    body = text_of(build_minutes(db, makeup.id))
    assert "BIÊN BẢN HỌC BÙ NGHỊ QUYẾT SỐ 57-NQ/TW" in body
    assert ("Chi bộ bản Nậm Cáy tổ chức học bù Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Bộ Chính trị về đột phá "
            "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia cho các đồng chí chưa dự "
            "buổi học ngày 05 tháng 02 năm 2026." in body)
    assert "- Chủ trì: đồng chí Giàng A Páo, Bí thư Chi bộ." in body  # he runs it, he is not making up
    assert "- Số đảng viên được triệu tập: 1 đồng chí (chính thức 1, dự bị 0, sinh hoạt tạm 0)." in body
    # Three people in the room, one making up: the line counts one and names the two who run it.
    assert ("- Có mặt: 1/1 đồng chí cần học bù (chính thức 1, dự bị 0, sinh hoạt tạm 0); đồng chí Giàng A Páo chủ "
            "trì, đồng chí Nguyễn Thị Hường làm thư ký (không tính trong số học bù). - Vắng mặt: không.") in body
    assert "Tổng số đảng viên của chi bộ" not in body


def test_a_make_up_counts_who_came_of_those_called_and_names_only_the_runners_not_called(db, cell):
    """Ỷ, Mỷ and Phù missed the study; Phù takes the minutes of the make-up he attends, Mỷ is away
    again: 2 of 3 came, and only the chair, who is not making up, is named apart."""
    study = sessions.create_session(db, kind=SessionKind.STUDY, held_on="05/02/2026", document_ids=[cell["doc"]],
                                    chair_id=cell["pao"], secretary_id=cell["huong"])
    sessions.mark_all_present(db, study.id)
    for key in ("y", "my", "phu"):
        sessions.record_attendance(db, study.id, cell[key], AttendanceState.ABSENT_EXCUSED, "Ốm")
    makeup = sessions.create_makeup_session(db, study.id, "15/02/2026", chair_id=cell["pao"], secretary_id=cell["phu"])
    sessions.record_attendance(db, makeup.id, cell["my"], AttendanceState.ABSENT_EXCUSED, "Đi làm nương")
    body = text_of(build_minutes(db, makeup.id))
    assert ("- Số đảng viên được triệu tập: 3 đồng chí (chính thức 1, dự bị 1, sinh hoạt tạm 1). - Có mặt: 2/3 đồng "
            "chí cần học bù (chính thức 1, dự bị 0, sinh hoạt tạm 1); đồng chí Giàng A Páo chủ trì (không tính trong "
            "số học bù). - Vắng mặt: 1 đồng chí: 1. Đồng chí Thào Thị Mỷ: vắng có lý do (Đi làm nương).") in body
    assert "Triệu Tả Phù làm thư ký" not in body  # he is one of the two counted


def test_a_guest_chairs_and_signs_by_name(db, cell):
    save_rules(db, CellRules(guest_may_chair=True))
    guest = "Đồng chí Lường Văn Khăm, Phó Bí thư Đảng ủy xã"
    m = regular(db, cell, guests=guest)
    sessions.edit_session(db, m.id, chair_id=None, chair_name=guest)
    body = text_of(build_minutes(db, m.id))
    assert "- Đại biểu, khách mời: Đồng chí Lường Văn Khăm, Phó Bí thư Đảng ủy xã." in body
    assert "- Chủ trì: đồng chí Lường Văn Khăm, Phó Bí thư Đảng ủy xã (đại biểu cấp trên)." in body
    assert "THƯ KÝ Nguyễn Thị Hường CHỦ TRÌ Lường Văn Khăm" in body  # the two signatures, the guest by name alone


def test_minutes_of_a_session_that_breaks_a_rule_are_refused_and_take_no_number(book, db, cell):
    m = regular(db, cell)
    agenda.add_speech(db, m.id, "Nhất trí.", member_id=cell["y"])
    db.commit()
    with book.session() as other:  # a book written before the rules: the speaker was marked absent afterwards
        other.execute(text("UPDATE attendance SET state = 'vang_khong_ly_do' WHERE member_id = :m"), {"m": cell["y"]})
    with pytest.raises(ValidationError) as refused, book.session() as other:
        build_minutes(other, m.id)
    assert refused.value.message == (
        "Chưa in được biên bản của buổi sinh hoạt này: Đồng chí Lò Thị Ỷ vắng mặt nên không thể phát biểu: hãy bỏ ý "
        "kiến của đồng chí hoặc sửa lại điểm danh. Hãy sửa buổi sinh hoạt (mục Sinh hoạt, nút Sửa) rồi in lại.")
    with book.session() as other:
        assert other.get(CellSession, m.id).number_symbol == ""
