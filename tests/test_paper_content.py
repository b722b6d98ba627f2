"""What the study report, the plans and the sign-in sheet say: rates rounded half up, thousands
with a dot, a plan as of its own date, nobody confirming their own plan, a make-up's sheet that
names its day once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from chibo.reports.action_plan import build_action_plan
from chibo.reports.attendance_sheet import build_attendance_sheet
from chibo.reports.study_report import build_study_report
from chibo.services import documents, members, outreach, plans, sessions
from chibo.services.settings import CONFIRM_BY_SUPERIOR, load_rules, save_rules
from chibo.vocabulary import AttendanceState, CellPosition, ItemStatus, OutreachKind, SessionKind
from test_reports import all_text


@pytest.fixture
def cell(db):
    ids = {"members": []}
    for index in range(32):
        position = {0: CellPosition.SECRETARY, 1: CellPosition.DEPUTY}.get(index, CellPosition.MEMBER)
        name = {0: "Giàng A Páo", 1: "Nguyễn Thị Hường"}.get(index, f"Lò Văn Thành {index:02d}")
        ids["members"].append(members.add_member(db, full_name=name, position=position, joined_on="01/01/2020").id)
    ids["document"] = documents.add_document(db, number_symbol="12-KH/ĐU", issuing_level="dang_uy_xa",
                                             title="Kế hoạch của Đảng ủy xã về phát triển kinh tế rừng",
                                             issued_on="12/05/2026", deadline="26/07/2026").id
    return ids


def test_the_study_report_rounds_half_up_and_writes_thousands_with_a_dot(db, cell):
    study = sessions.create_session(db, kind=SessionKind.STUDY, held_on="05/06/2026", document_ids=[cell["document"]])
    sessions.mark_all_present(db, study.id)
    for member_id in cell["members"][-3:]:
        sessions.record_attendance(db, study.id, member_id, AttendanceState.ABSENT_EXCUSED, "Đi làm ăn xa")
    outreach.add_outreach(db, kind=OutreachKind.BROADCAST, held_on="10/06/2026", audience=1173,
                          document_id=cell["document"])
    body = all_text(build_study_report(db, cell["document"], as_of=date(2026, 6, 20), number="01-BC/CB"))
    assert ("Số đảng viên đã học tập: 29/32 đồng chí, đạt 90,63% (trong đó học bù: 0 đồng chí); chưa đạt chỉ tiêu "
            "95%.") in body
    assert "4. Tuyên truyền cho quần chúng: 1.173 lượt người ngoài Đảng được tiếp cận nội dung văn bản." in body
    assert "Thời hạn cấp trên giao: hoàn thành trước ngày 26-7-2026." in body
    assert "Số đảng viên phải học tập (đến ngày 20-6-2026): 32 đồng chí" in body
    assert "Mã khóa" not in body


def test_a_plan_shows_its_items_as_of_its_own_date(db, cell):
    today = date.today()
    programme = plans.create_plan(db, title="Chương trình hành động thực hiện Kế hoạch 12-KH/ĐU", year=today.year,
                                  document_id=cell["document"], adopted_on=today - timedelta(days=200))
    plans.add_item(db, programme.id, content="Trồng rừng", deadline=today - timedelta(days=150),
                   status=ItemStatus.DONE, done_on=today - timedelta(days=100))
    plans.add_item(db, programme.id, content="Rà soát hộ nghèo", deadline=today - timedelta(days=250))
    plans.add_item(db, programme.id, content="Làm đường", deadline=today + timedelta(days=30),
                   status=ItemStatus.IN_PROGRESS)
    old = all_text(build_action_plan(db, programme.id, number="01-CTr/CB"))
    # On its date (200 days ago) the forest was not planted yet and only the survey was late.
    assert "Hoàn thành" not in old and "Đang thực hiện" not in old
    assert "Rà soát hộ nghèo" in old and old.count("(quá hạn)") == 1 and "Chưa hoàn thành (quá hạn)" in old

    plans.edit_plan(db, programme.id, adopted_on=today)  # the same plan dated today: what is known now
    now = all_text(build_action_plan(db, programme.id, number="01-CTr/CB"))
    done_on = (today - timedelta(days=100)).strftime("%d/%m/%Y")
    assert f"Hoàn thành ngày {done_on}" in now and "Chưa thực hiện (quá hạn)" in now and "Đang thực hiện" in now

    report = all_text(build_study_report(db, cell["document"], as_of=today - timedelta(days=120)))
    assert "3 nội dung; hoàn thành 0, chưa hoàn thành 3; quá hạn 2." not in report  # adopted today: not yet there
    plans.edit_plan(db, programme.id, adopted_on=today - timedelta(days=200))
    report = all_text(build_study_report(db, cell["document"], as_of=today - timedelta(days=120)))
    assert "(số " not in report and "3 nội dung; hoàn thành 0, chưa hoàn thành 3; quá hạn 2." in report


@pytest.mark.parametrize("writer, rule, confirmation", [
    (2, None, "XÁC NHẬN CỦA CHI BỘ BÍ THƯ Giàng A Páo"),  # a member's plan: the secretary
    (0, None, "XÁC NHẬN CỦA CHI BỘ PHÓ BÍ THƯ Nguyễn Thị Hường"),  # the secretary's own: the deputy (default)
    (0, CONFIRM_BY_SUPERIOR, "XÁC NHẬN CỦA ĐẢNG ỦY XÃ NẬM XE"),  # or the committee above, by the cell's rule
    (1, None, "XÁC NHẬN CỦA CHI BỘ BÍ THƯ Giàng A Páo"),  # the deputy's: the secretary
])
def test_nobody_confirms_their_own_plan(db, cell, writer, rule, confirmation):
    if rule:
        save_rules(db, replace(load_rules(db), secretary_plan_confirmed_by=rule))
    member_id = cell["members"][writer]
    plan = plans.create_plan(db, title="Kế hoạch hành động cá nhân", year=2026, member_id=member_id,
                             adopted_on="15/01/2026")
    body = all_text(build_action_plan(db, plan.id))
    assert confirmation in body
    writer_name = next(r.member.full_name for r in members.list_members(db) if r.member.id == member_id)
    assert body.count(writer_name) == 2  # "Họ và tên: …" and the writer's signature, never the confirmation
    position = {0: "Bí thư Chi bộ", 1: "Phó Bí thư Chi bộ", 2: "đảng viên"}[writer]
    assert f"chức vụ: {position};" in body


def test_the_secretary_who_left_does_not_sign(db, cell):
    members.leave(db, cell["members"][0], "01/03/2026", "chuyen_sinh_hoat")
    session = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/04/2026")
    assert "Giàng A Páo" not in all_text(build_attendance_sheet(db, session.id))
    earlier = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/02/2026")
    assert all_text(build_attendance_sheet(db, earlier.id)).endswith("T/M CHI BỘ BÍ THƯ Giàng A Páo")


def test_a_make_up_sign_in_sheet_names_its_day_once(db, cell):
    study = sessions.create_session(db, kind=SessionKind.STUDY, held_on="05/06/2026", document_ids=[cell["document"]])
    sessions.mark_all_present(db, study.id)
    sessions.record_attendance(db, study.id, cell["members"][5], AttendanceState.ABSENT_EXCUSED, "Ốm")
    makeup = sessions.create_makeup_session(db, study.id, "15/06/2026")
    body = all_text(build_attendance_sheet(db, makeup.id))
    assert "DANH SÁCH ĐẢNG VIÊN DỰ HỌC TẬP, QUÁN TRIỆT Học bù ngày 15/06/2026 Đảng viên phải dự" in body
    regular = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/07/2026")
    body = all_text(build_attendance_sheet(db, regular.id))
    assert "Sinh hoạt thường kỳ tháng 7/2026, ngày 05 tháng 7 năm 2026" in body
