from datetime import date

import pytest

from chibo.errors import ValidationError
from chibo.services import documents, members, sessions
from chibo.services.figures import document_figures, member_studies, session_figures
from chibo.services.session_rules import record_votes
from chibo.services.settings import QUORUM_ALL_SUMMONED, CellRules, save_rules
from chibo.vocabulary import AttendanceState, LeftReason, MemberStatus, SessionKind


@pytest.fixture
def cell(db):
    """Six full, one probationary, one attached, one exempt, one away; one left on 15/03/2026."""
    ids = {}
    for i, name in enumerate(["Lò Văn An", "Giàng A Páo", "Nguyễn Thị Hường", "Vàng A Dế", "Lò Thị Ỷ", "Hà Văn Sự"]):
        ids[f"full{i}"] = members.add_member(db, full_name=name, joined_on="01/01/2020").id
    ids["prob"] = members.add_member(db, full_name="Thào Thị Mỷ", joined_on="01/01/2026", status=MemberStatus.PROBATIONARY).id
    ids["attached"] = members.add_member(db, full_name="Triệu Tả Phù", joined_on="01/01/2026", status=MemberStatus.ATTACHED).id
    ids["exempt"] = members.add_member(db, full_name="Sùng Seo Dính", joined_on="01/01/2020", status=MemberStatus.EXEMPT).id
    ids["away"] = members.add_member(db, full_name="Vương Thị Vỹ", joined_on="01/01/2020", status=MemberStatus.AWAY).id
    ids["left"] = members.add_member(db, full_name="Bàn Văn Sành", joined_on="01/01/2020").id
    members.leave(db, ids["left"], "15/03/2026", LeftReason.TRANSFERRED)
    ids["doc"] = documents.add_document(db, number_symbol="57-NQ/TW", title="Về khoa học, công nghệ", issued_on="01/01/2026").id
    return ids


def test_session_splits_summoned_and_present_by_category(db, cell):
    m = sessions.create_session(db, kind=SessionKind.STUDY, held_on="10/02/2026", document_ids=[cell["doc"]])
    sessions.mark_all_present(db, m.id)
    sessions.record_attendance(db, m.id, cell["full1"], AttendanceState.ABSENT_EXCUSED, "Ốm")
    sessions.record_attendance(db, m.id, cell["prob"], AttendanceState.ABSENT_UNEXCUSED)
    f = session_figures(db, m.id)
    assert f.summoned == {MemberStatus.FULL: 7, MemberStatus.PROBATIONARY: 1, MemberStatus.ATTACHED: 1}  # 'left' still in
    assert f.present == {MemberStatus.FULL: 6, MemberStatus.PROBATIONARY: 0, MemberStatus.ATTACHED: 1}
    assert (f.exempt, f.exempt_present, f.away) == (1, 0, 1)
    assert [(a.full_name, a.reason_text) for a in f.absences] == [("Thào Thị Mỷ", "không lý do"), ("Giàng A Páo", "Ốm")]
    # quorum: 7 full + 1 exempt - 1 exempt absent - 1 full excused = 6; 6 full present > 3
    assert (f.quorum.base, f.quorum.present, f.quorum.reached, f.quorum.needed) == (6, 6, True, 4)


def test_member_who_left_mid_year_counts_only_for_sessions_while_a_member(db, cell):
    before = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/03/2026")
    after = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/04/2026")
    for m in (before, after):
        sessions.mark_all_present(db, m.id)
    assert session_figures(db, before.id).summoned[MemberStatus.FULL] == 7
    assert session_figures(db, after.id).summoned[MemberStatus.FULL] == 6
    with pytest.raises(ValidationError, match="không sinh hoạt ở chi bộ"):
        sessions.record_attendance(db, after.id, cell["left"], AttendanceState.PRESENT)


def test_session_with_nobody_absent(db, cell):
    m = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/04/2026")
    sessions.mark_all_present(db, m.id)
    f = session_figures(db, m.id)
    assert f.absences == [] and f.unrecorded == []
    assert f.present_required == f.summoned_total == 8
    assert f.attendance_percent == 100.0


def test_exempt_member_who_attends_counts_as_present_but_not_as_required(db, cell):
    m = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/04/2026")
    sessions.mark_all_present(db, m.id)
    sessions.record_attendance(db, m.id, cell["exempt"], AttendanceState.PRESENT)
    f = session_figures(db, m.id)
    assert f.summoned_total == 8 and f.present_total == 9 and f.exempt_present == 1
    assert f.quorum.base == 7 and f.quorum.present == 7


def test_unmarked_members_are_listed_not_counted(db, cell):
    m = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/04/2026")
    sessions.record_attendance(db, m.id, cell["full0"], AttendanceState.PRESENT)
    f = session_figures(db, m.id)
    assert f.present_required == 1 and len(f.unrecorded) == 7


def test_quorum_rule_is_a_setting(db, cell):
    save_rules(db, CellRules(quorum_rule=QUORUM_ALL_SUMMONED))
    m = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/04/2026")
    sessions.mark_all_present(db, m.id)
    for key in ("full0", "full1", "full2", "full3"):
        sessions.record_attendance(db, m.id, cell[key], AttendanceState.ABSENT_EXCUSED, "Ốm")
    f = session_figures(db, m.id)
    # the voting members summoned (6 full; probationary and attached do not vote), excused absences kept
    assert (f.quorum.base, f.quorum.present, f.quorum.reached) == (6, 2, False)


def test_absent_with_reason_needs_the_reason_and_votes_cannot_exceed_the_voters_present(db, cell):
    m = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/04/2026")
    sessions.mark_all_present(db, m.id)
    with pytest.raises(ValidationError, match="lý do vắng"):
        sessions.record_attendance(db, m.id, cell["full0"], AttendanceState.ABSENT_EXCUSED, "")
    # 8 present, of whom 6 full members vote: the probationary and the attached member do not
    with pytest.raises(ValidationError) as refused:
        record_votes(db, m.id, 6, 1, 0)
    assert refused.value.message == ("Tổng số biểu quyết (7) lớn hơn số đảng viên có quyền biểu quyết có mặt (6); "
                                     "đảng viên dự bị và đảng viên sinh hoạt tạm không biểu quyết.")
    record_votes(db, m.id, 5, 0, 1)
    assert (m.votes_for, m.votes_against, m.votes_other) == (5, 0, 1)


def test_document_rate_and_make_up_for_the_missing_member(db, cell):
    m = sessions.create_session(db, kind=SessionKind.STUDY, held_on="10/02/2026", document_ids=[cell["doc"]])
    sessions.mark_all_present(db, m.id)
    sessions.record_attendance(db, m.id, cell["full2"], AttendanceState.ABSENT_EXCUSED, "Đi viện")
    as_of = date(2026, 3, 1)
    f = document_figures(db, cell["doc"], as_of)
    assert (f.required, f.studied_count) == (9, 8)  # 7 full (one leaves later) + prob + attached
    assert [(x.full_name, x.reason) for x in f.missing] == [("Nguyễn Thị Hường", "Đi viện")]
    makeup = sessions.create_makeup_session(db, m.id, "20/02/2026")
    assert [a.member_id for a in sessions.attendance(db, makeup.id)] == [cell["full2"]]
    f = document_figures(db, cell["doc"], as_of)
    assert (f.required, f.studied_count, f.studied_in_makeup, f.percent) == (9, 9, 1, 100.0)
    # after the member who left is gone, the required count drops with her
    f = document_figures(db, cell["doc"], date(2026, 4, 1))
    assert (f.required, f.studied_count) == (8, 8)
    studies = member_studies(db, cell["full2"])
    assert [(s.number_symbol, s.held_on, s.makeup) for s in studies] == [("57-NQ/TW", date(2026, 2, 20), True)]


def test_member_who_joined_after_the_study_must_still_study(db, cell):
    m = sessions.create_session(db, kind=SessionKind.STUDY, held_on="10/02/2026", document_ids=[cell["doc"]])
    sessions.mark_all_present(db, m.id)
    late = members.add_member(db, full_name="Ma Thị Dung", joined_on="01/05/2026")
    f = document_figures(db, cell["doc"], date(2026, 5, 10))
    # Still owed (a make-up), but never absent: the reason says when she came.
    assert [(x.full_name, x.reason) for x in f.missing] == [("Ma Thị Dung", "vào chi bộ ngày 1-5-2026, sau buổi học")]
    assert late.id in {x.member_id for x in f.missing} and (f.required, f.studied_count) == (9, 8)


def test_make_up_is_refused_when_nobody_is_missing_or_before_the_study(db, cell):
    m = sessions.create_session(db, kind=SessionKind.STUDY, held_on="10/02/2026", document_ids=[cell["doc"]])
    sessions.mark_all_present(db, m.id)
    with pytest.raises(ValidationError, match="phải sau"):
        sessions.create_makeup_session(db, m.id, "01/02/2026")
    with pytest.raises(ValidationError, match="không cần học bù"):
        sessions.create_makeup_session(db, m.id, "20/02/2026")


def test_removing_a_session_removes_its_figures(db, cell):
    m = sessions.create_session(db, kind=SessionKind.STUDY, held_on="10/02/2026", document_ids=[cell["doc"]])
    sessions.mark_all_present(db, m.id)
    with pytest.raises(ValidationError, match="đã được học"):
        documents.remove_document(db, cell["doc"])
    sessions.remove_session(db, m.id)
    assert sessions.list_sessions(db) == []
    assert document_figures(db, cell["doc"], date(2026, 3, 1)).studied_count == 0
    documents.remove_document(db, cell["doc"])
    assert documents.list_documents(db) == []


def test_session_input_is_validated(db, cell):
    with pytest.raises(ValidationError, match="Giờ kết thúc phải sau"):
        sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/04/2026", start_time="20:00", end_time="19:00")
    with pytest.raises(ValidationError, match="giờ:phút"):
        sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/04/2026", start_time="tối")
    with pytest.raises(ValidationError, match="ngày sinh hoạt"):
        sessions.create_session(db, kind=SessionKind.REGULAR, held_on="")
    m = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/04/2026", start_time="19h30", end_time="21:15")
    assert str(m.start_time) == "19:30:00"
    assert sessions.session_title(m) == "Sinh hoạt thường kỳ tháng 4/2026"
