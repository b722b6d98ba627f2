"""Edits and removals: each changes the record, bumps its rev, and refuses bad input unchanged."""

import pytest

from chibo.errors import NotFoundError, ValidationError
from chibo.services import agenda, documents, essays, members, outreach, plans, sessions, units
from chibo.vocabulary import OutreachKind, SessionKind


def test_unit_details_can_be_edited_but_not_emptied(db):
    unit = units.update_unit(db, name="Chi bộ bản Nậm Cáy 2", place_name="Nậm Xe")
    assert (unit.name, unit.place_name) == ("Chi bộ bản Nậm Cáy 2", "Nậm Xe")
    with pytest.raises(ValidationError, match="Chưa nhập tên đơn vị"):
        units.update_unit(db, name=" ")
    with pytest.raises(ValidationError, match="Không sửa được"):
        units.update_unit(db, role="receiving")


def test_edit_document_and_session(db):
    doc = documents.add_document(db, number_symbol="57-NQ/TW", title="Về khoa học", issued_on="01/01/2026")
    rev = doc.rev
    documents.edit_document(db, doc.id, title="Về đột phá khoa học, công nghệ", deadline="30/06/2026")
    assert doc.title == "về đột phá khoa học, công nghệ" and doc.rev > rev
    with pytest.raises(ValidationError, match="trước ngày ban hành"):
        documents.edit_document(db, doc.id, deadline="01/12/2025")
    m = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/04/2026")
    sessions.edit_session(db, m.id, place="Nhà văn hóa bản", conclusion="Chi bộ thống nhất.", start_time="19:30")
    assert (m.place, m.conclusion, str(m.start_time)) == ("Nhà văn hóa bản", "Chi bộ thống nhất.", "19:30:00")
    with pytest.raises(ValidationError, match="học bù"):
        sessions.edit_session(db, m.id, kind=SessionKind.MAKEUP)


def test_speeches_keep_their_order_and_can_be_removed(db):
    a = members.add_member(db, full_name="Giàng A Páo", joined_on="01/01/2020")
    m = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/04/2026")
    sessions.mark_all_present(db, m.id)
    first = agenda.add_speech(db, m.id, "Nhất trí với báo cáo.", member_id=a.id)
    agenda.add_speech(db, m.id, "Đề nghị chi bộ quan tâm đường liên bản.", speaker_name="Đồng chí Lường Văn Khăm")
    assert [s.position for s in agenda.speeches(db, m.id)] == [0, 1]
    agenda.remove_speech(db, first.id)
    assert [s.speaker_name for s in agenda.speeches(db, m.id)] == ["Đồng chí Lường Văn Khăm"]
    with pytest.raises(ValidationError, match="chọn đảng viên phát biểu"):
        agenda.add_speech(db, m.id, "Không tên")


def test_a_speech_added_after_one_was_taken_out_goes_last(db):
    """Positions are not a count: a count would give the new speech the place of the last one."""
    a = members.add_member(db, full_name="Giàng A Páo", joined_on="01/01/2020")
    m = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/04/2026")
    sessions.mark_all_present(db, m.id)
    first = agenda.add_speech(db, m.id, "Một", member_id=a.id)
    agenda.add_speech(db, m.id, "Hai", member_id=a.id)
    agenda.add_speech(db, m.id, "Ba", member_id=a.id)
    agenda.remove_speech(db, first.id)
    agenda.add_speech(db, m.id, "Bốn", member_id=a.id)
    assert [(s.content, s.position) for s in agenda.speeches(db, m.id)] == [("Hai", 1), ("Ba", 2), ("Bốn", 3)]


def test_a_speech_is_edited_in_its_place(db):
    a = members.add_member(db, full_name="Giàng A Páo", joined_on="01/01/2020")
    m = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/04/2026")
    sessions.mark_all_present(db, m.id)
    first = agenda.add_speech(db, m.id, "Nhất trí.", member_id=a.id)
    agenda.add_speech(db, m.id, "Đề nghị làm đường.", member_id=a.id)
    agenda.edit_speech(db, first.id, "Nhất trí với báo cáo, đề nghị bổ sung chỉ tiêu trồng rừng.",
                         speaker_name="Đồng chí Lường Văn Khăm")
    said = [(s.member_id, s.speaker_name, s.content) for s in agenda.speeches(db, m.id)]
    assert said == [(None, "Đồng chí Lường Văn Khăm", "Nhất trí với báo cáo, đề nghị bổ sung chỉ tiêu trồng rừng."),
                    (a.id, "", "Đề nghị làm đường.")]
    with pytest.raises(ValidationError, match="nội dung phát biểu"):
        agenda.edit_speech(db, first.id, "   ", member_id=a.id)
    assert agenda.speeches(db, m.id)[0].content.startswith("Nhất trí với báo cáo")


def test_plans_items_essays_and_outreach_are_removed_as_tombstones(db):
    owner = members.add_member(db, full_name="Giàng A Páo", joined_on="01/01/2020")
    doc = documents.add_document(db, number_symbol="57-NQ/TW", title="Về khoa học")
    plan = plans.create_plan(db, title="Chương trình", year=2026, document_id=doc.id)
    plans.edit_plan(db, plan.id, review_note="Sơ kết 6 tháng: đạt 4/6 nhiệm vụ.", number_symbol="01-CTr/CB")
    assert plan.review_note.startswith("Sơ kết") and plan.number_symbol == "01-CTr/CB"
    first = plans.add_item(db, plan.id, content="Học tập nghị quyết")
    plans.add_item(db, plan.id, content="Lắp điểm Internet")
    plans.remove_item(db, first.id)
    assert [i.content for i in plans.plan_items(db, plan.id)] == ["Lắp điểm Internet"]
    plans.remove_plan(db, plan.id)
    assert plans.list_plans(db) == [] and plans.plan_items(db, plan.id) == []
    essay = essays.record_essay(db, owner.id, doc.id, grade="Khá")
    essays.remove_essay(db, essay.id)
    assert essays.essays_for_document(db, doc.id) == []
    entry = outreach.add_outreach(db, kind=OutreachKind.NEWS, held_on="01/02/2026", quantity=2)
    outreach.remove_outreach(db, entry.id)
    assert outreach.list_outreach(db) == []
    assert entry.deleted_at is not None  # the row stays, so the removal travels in bundles
    with pytest.raises(NotFoundError, match="Không tìm thấy hoạt động tuyên truyền"):
        outreach.remove_outreach(db, entry.id)
