"""The rules of a session, refused in the services with the exact sentence and nothing kept: who
chairs and takes the minutes, who speaks and presents, who votes and how many."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from chibo.errors import ValidationError
from chibo.services import agenda, members, sessions
from chibo.services.figures import session_figures
from chibo.services.session_rules import record_votes, session_problems
from chibo.services.session_save import AgendaItemInput, SessionInput, SpeechInput, save_session
from chibo.services.settings import QUORUM_ALL_SUMMONED, CellRules, save_rules
from chibo.vocabulary import AttendanceState, CellPosition, MemberStatus, SessionKind
from conftest import fingerprint_of, link

HELD_ON = "05/04/2026"


def add_cell(db) -> dict[str, str]:
    """Five full members (Páo the secretary, Hường the deputy), Mỷ probationary, Phù attached from
    another cell, Dính exempt, Vỹ attending another cell."""
    ids = {}
    people = [("pao", "Giàng A Páo", MemberStatus.FULL, CellPosition.SECRETARY),
              ("huong", "Nguyễn Thị Hường", MemberStatus.FULL, CellPosition.DEPUTY),
              ("y", "Lò Thị Ỷ", MemberStatus.FULL, CellPosition.MEMBER),
              ("su", "Hà Văn Sự", MemberStatus.FULL, CellPosition.MEMBER),
              ("an", "Lò Văn An", MemberStatus.FULL, CellPosition.MEMBER),
              ("my", "Thào Thị Mỷ", MemberStatus.PROBATIONARY, CellPosition.MEMBER),
              ("phu", "Triệu Tả Phù", MemberStatus.ATTACHED, CellPosition.MEMBER),
              ("dinh", "Sùng Seo Dính", MemberStatus.EXEMPT, CellPosition.MEMBER),
              ("vy", "Vương Thị Vỹ", MemberStatus.AWAY, CellPosition.MEMBER)]
    for key, name, status, position in people:
        ids[key] = members.add_member(db, full_name=name, status=status, position=position, joined_on="01/01/2020").id
    return ids


@pytest.fixture
def cell(db):
    ids = add_cell(db)
    db.commit()  # a refusal rolls back to here, as the app's transaction would
    return ids


def session(db, cell, **fields):
    """A regular meeting, everyone called marked present (exempt and away members in their own state)."""
    m = sessions.create_session(db, kind=SessionKind.REGULAR, held_on=HELD_ON, chair_id=cell["pao"],
                                secretary_id=cell["huong"], **fields)
    sessions.mark_all_present(db, m.id)
    return m


def refusal(call, *args, **kwargs) -> str:
    with pytest.raises(ValidationError) as refused:
        call(*args, **kwargs)
    return refused.value.message


def count_rows(db, table: str) -> int:
    return db.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_a_session_with_everyone_present_keeps_every_rule(db, cell):
    m = session(db, cell)
    f = session_figures(db, m.id)
    assert f.absences == [] and session_problems(db, m.id) == []
    # 5 full members and nobody exempt came: the probationary and the attached member do not vote
    assert (f.present_total, f.quorum.base, f.quorum.present, f.quorum.needed) == (7, 5, 5, 3)
    record_votes(db, m.id, 5, 0, 0)


def test_an_absent_chair_or_minute_taker_is_refused(db, cell):
    m = session(db, cell)
    assert refusal(sessions.record_attendance, db, m.id, cell["pao"], AttendanceState.ABSENT_EXCUSED, "Ốm") == (
        "Đồng chí Giàng A Páo vắng mặt nên không thể chủ trì buổi sinh hoạt: hãy chọn người chủ trì là đảng viên "
        "có mặt.")
    db.rollback()
    m = session(db, cell)
    assert refusal(sessions.record_roll_call, db, m.id, {cell["huong"]: (AttendanceState.ABSENT_UNEXCUSED, "")}) == (
        "Đồng chí Nguyễn Thị Hường vắng mặt nên không thể làm thư ký buổi sinh hoạt: hãy chọn thư ký là đảng viên "
        "có mặt.")


def test_a_chair_not_yet_marked_or_not_in_the_cell_that_day_is_named(db, cell):
    m = sessions.create_session(db, kind=SessionKind.REGULAR, held_on=HELD_ON, chair_id=cell["pao"])
    assert session_problems(db, m.id) == [
        "Đồng chí Giàng A Páo chưa được điểm danh có mặt nên chưa thể chủ trì buổi sinh hoạt: hãy điểm danh đồng chí "
        "có mặt, hoặc chọn người chủ trì khác."]
    late = members.add_member(db, full_name="Ma Thị Dung", joined_on="01/05/2026").id
    assert refusal(sessions.edit_session, db, m.id, chair_id=late) == (
        "Đồng chí Ma Thị Dung không có trong danh sách điểm danh của buổi sinh hoạt ngày 05/04/2026 nên không thể chủ "
        "trì buổi sinh hoạt: hãy chọn người chủ trì là đảng viên có mặt.")


def test_one_person_cannot_chair_and_take_the_minutes(db, cell):
    m = session(db, cell)
    assert refusal(sessions.edit_session, db, m.id, secretary_id=cell["pao"]) == (
        "Đồng chí Giàng A Páo không thể vừa chủ trì vừa làm thư ký: hãy chọn thư ký là một đảng viên có mặt khác.")


def test_a_guest_chairs_only_where_the_rules_allow_and_only_a_guest_named(db, cell):
    guest = "Đồng chí Lường Văn Khăm, Phó Bí thư Đảng ủy xã"
    m = session(db, cell, guests=guest)
    assert refusal(sessions.edit_session, db, m.id, chair_id=None, chair_name=guest) == (
        "Theo quy tắc của chi bộ, khách mời không chủ trì buổi sinh hoạt: hãy chọn người chủ trì là đảng viên có mặt "
        "(quy tắc này đổi được ở Cài đặt, thẻ Quy tắc của chi bộ).")
    db.rollback()
    save_rules(db, CellRules(guest_may_chair=True))
    db.commit()
    m = session(db, cell, guests=guest)
    assert refusal(sessions.edit_session, db, m.id, chair_name=guest) == (
        "Buổi sinh hoạt chỉ có một người chủ trì: hãy chọn một đảng viên hoặc một khách mời, không chọn cả hai.")
    db.rollback()
    m = session(db, cell, guests=guest)
    assert refusal(sessions.edit_session, db, m.id, chair_id=None, chair_name="Đồng chí Hoàng Thị Thủy") == (
        "Người chủ trì “Đồng chí Hoàng Thị Thủy” không có trong danh sách đại biểu, khách mời của buổi này: hãy ghi tên "
        "vào ô Khách mời.")
    sessions.edit_session(db, m.id, chair_id=None, chair_name=guest)
    assert session_problems(db, m.id) == []


def test_an_absent_member_cannot_speak_or_present_but_a_guest_can(db, cell):
    m = session(db, cell)
    sessions.record_attendance(db, m.id, cell["y"], AttendanceState.ABSENT_EXCUSED, "Ốm")
    before = count_rows(db, "speech")
    assert refusal(agenda.add_speech, db, m.id, "Nhất trí.", member_id=cell["y"]) == (
        "Đồng chí Lò Thị Ỷ vắng mặt nên không thể phát biểu: hãy bỏ ý kiến của đồng chí hoặc sửa lại điểm danh.")
    db.rollback()
    m = session(db, cell)
    sessions.record_attendance(db, m.id, cell["y"], AttendanceState.ABSENT_EXCUSED, "Ốm")
    assert refusal(agenda.add_agenda_item, db, m.id, title="Báo cáo tháng", presenter_member_id=cell["y"]) == (
        "Đồng chí Lò Thị Ỷ vắng mặt nên không thể trình bày nội dung “Báo cáo tháng”: hãy chọn người trình bày có "
        "mặt.")
    db.rollback()
    assert count_rows(db, "speech") == before and count_rows(db, "agenda_item") == 0
    m = session(db, cell)
    item = agenda.add_agenda_item(db, m.id, title="Thông báo thời sự", presenter_name="Đồng chí Lường Văn Khăm")
    agenda.add_speech(db, m.id, "Xã hỗ trợ cây giống.", speaker_name="Đồng chí Lường Văn Khăm", agenda_item_id=item.id)
    agenda.add_speech(db, m.id, "Nhất trí.", member_id=cell["my"], agenda_item_id=item.id)  # probationary: speaks
    assert session_problems(db, m.id) == []


def test_votes_count_full_members_and_exempt_members_who_came_never_probationary_ones(db, cell):
    m = session(db, cell)
    sessions.record_attendance(db, m.id, cell["dinh"], AttendanceState.PRESENT)  # the exempt member came
    f = session_figures(db, m.id)
    assert (f.present_total, f.quorum.present, f.quorum.base) == (8, 6, 6)
    assert refusal(record_votes, db, m.id, 6, 1, 0) == (
        "Tổng số biểu quyết (7) lớn hơn số đảng viên có quyền biểu quyết có mặt (6); đảng viên dự bị và đảng viên "
        "sinh hoạt tạm không biểu quyết.")
    record_votes(db, m.id, 5, 0, 1)
    assert session_problems(db, m.id) == []


def test_attached_members_vote_only_where_the_rule_says_so(db, cell):
    save_rules(db, CellRules(attached_members_vote=True))
    m = session(db, cell)
    f = session_figures(db, m.id)
    assert (f.quorum.present, f.quorum.base) == (6, 6)
    record_votes(db, m.id, 6, 0, 0)
    assert refusal(record_votes, db, m.id, 7, 0, 0) == (
        "Tổng số biểu quyết (7) lớn hơn số đảng viên có quyền biểu quyết có mặt (6); đảng viên dự bị không biểu quyết.")


def test_no_vote_without_a_quorum_whatever_the_rule(db, cell):
    m = session(db, cell)
    sessions.record_roll_call(db, m.id, {cell["y"]: (AttendanceState.ABSENT_UNEXCUSED, ""),
                                         cell["su"]: (AttendanceState.ABSENT_UNEXCUSED, ""),
                                         cell["an"]: (AttendanceState.ABSENT_EXCUSED, "Ốm")})
    f = session_figures(db, m.id)
    assert (f.quorum.base, f.quorum.present, f.quorum.reached) == (4, 2, False)  # the excused one is not counted
    assert refusal(record_votes, db, m.id, 2, 0, 0) == (
        "Chưa đủ số đảng viên có quyền biểu quyết có mặt (cần ít nhất 3, có mặt 2) nên không ghi được kết quả biểu "
        "quyết.")
    save_rules(db, CellRules(quorum_rule=QUORUM_ALL_SUMMONED))
    assert (session_figures(db, m.id).quorum.base, session_figures(db, m.id).quorum.needed) == (5, 3)


def test_a_whole_save_is_checked_once_and_a_refusal_keeps_nothing(book, cell, db):
    entry = SessionInput(
        fields={"kind": SessionKind.REGULAR, "held_on": HELD_ON, "chair_id": cell["huong"], "secretary_id": cell["y"]},
        marks={cell[k]: (AttendanceState.PRESENT, "") for k in ("pao", "huong", "y", "su", "an", "my", "phu")},
        items=[AgendaItemInput("Đánh giá kết quả tháng 3", presenter_member_id=cell["huong"],
                               speeches=[SpeechInput("Nhất trí.", member_id=cell["su"])]),
               AgendaItemInput("Phương hướng tháng 4", conclusion="Chi bộ thống nhất.")],
        speeches=[SpeechInput("Ý kiến khác.", speaker_name="Đồng chí Lường Văn Khăm")],
        votes=(5, 0, 0))
    entry.marks[cell["su"]] = (AttendanceState.ABSENT_UNEXCUSED, "")  # he speaks on the first item
    tables = ("session", "attendance", "agenda_item", "speech", "rev_counter")
    with book.session() as other:
        before = {t: count_rows(other, t) for t in tables}
    with pytest.raises(ValidationError) as refused, book.session() as other:
        save_session(other, None, entry)
    assert refused.value.message == ("Đồng chí Hà Văn Sự vắng mặt nên không thể phát biểu: hãy bỏ ý kiến của đồng chí "
                                     "hoặc sửa lại điểm danh.\nTổng số biểu quyết (5) lớn hơn số đảng viên có quyền "
                                     "biểu quyết có mặt (4); đảng viên dự bị và đảng viên sinh hoạt tạm không biểu "
                                     "quyết.")
    with book.session() as other:
        assert {t: count_rows(other, t) for t in tables} == before
    entry.marks[cell["su"]] = (AttendanceState.PRESENT, "")
    with book.session() as other:
        meeting = save_session(other, None, entry)
    with book.session() as other:
        items = agenda.agenda_items(other, meeting.id)
        said = agenda.speeches(other, meeting.id)
        assert [(i.position, i.title) for i in items] == [(0, "Đánh giá kết quả tháng 3"), (1, "Phương hướng tháng 4")]
        assert [(s.position, s.agenda_item_id, s.content) for s in said] == [
            (0, None, "Ý kiến khác."), (1, items[0].id, "Nhất trí.")]


def test_agenda_items_are_moved_and_removed_with_their_speeches_as_tombstones(db, cell):
    m = session(db, cell)
    first = agenda.add_agenda_item(db, m.id, title="Một", presenter_member_id=cell["pao"])
    second = agenda.add_agenda_item(db, m.id, title="Hai", presenter_id=None, presenter_name="Khách")
    speech = agenda.add_speech(db, m.id, "Nhất trí.", member_id=cell["y"], agenda_item_id=first.id)
    assert [i.title for i in agenda.move_agenda_item(db, second.id, -1)] == ["Hai", "Một"]
    assert refusal(agenda.add_agenda_item, db, m.id, title="Ba", presenter_member_id=cell["pao"],
                   presenter_name="Khách") == ("Mỗi nội dung có một người trình bày: một đảng viên, một báo cáo viên "
                                               "hoặc một khách mời, không chọn nhiều người.")
    assert refusal(agenda.add_agenda_item, db, m.id, title="  ") == "Chưa nhập tên nội dung."
    edited = agenda.edit_agenda_item(db, second.id, presenter_member_id=cell["huong"])
    assert (edited.presenter_member_id, edited.presenter_name) == (cell["huong"], "")  # one presenter replaces the other
    agenda.remove_agenda_item(db, first.id)
    assert [i.title for i in agenda.agenda_items(db, m.id)] == ["Hai"]
    assert first.deleted_at is not None and speech.deleted_at is not None
    sessions.remove_session(db, m.id)
    assert second.deleted_at is not None


def test_a_make_up_is_run_by_members_off_its_list_but_not_by_one_on_it_marked_absent(db, cell):
    from chibo.services import documents

    doc = documents.add_document(db, number_symbol="68-NQ/TW", title="về phát triển kinh tế tư nhân",
                                 issued_on="04/05/2025")
    study = sessions.create_session(db, kind=SessionKind.STUDY, held_on=HELD_ON, document_ids=[doc.id],
                                    chair_id=cell["pao"], secretary_id=cell["huong"])
    sessions.mark_all_present(db, study.id)
    sessions.record_roll_call(db, study.id, {cell["y"]: (AttendanceState.ABSENT_EXCUSED, "Ốm"),
                                             cell["su"]: (AttendanceState.ABSENT_UNEXCUSED, "")})
    makeup = sessions.create_makeup_session(db, study.id, "15/04/2026", chair_id=cell["pao"],
                                            secretary_id=cell["huong"])
    assert sorted(a.member_id for a in sessions.attendance(db, makeup.id)) == sorted([cell["y"], cell["su"]])
    assert session_problems(db, makeup.id) == []
    sessions.edit_session(db, makeup.id, secretary_id=cell["y"])
    assert refusal(sessions.record_attendance, db, makeup.id, cell["y"], AttendanceState.ABSENT_EXCUSED, "Ốm") == (
        "Đồng chí Lò Thị Ỷ vắng mặt nên không thể làm thư ký buổi sinh hoạt: hãy chọn thư ký là đảng viên có mặt.")


def test_agenda_items_and_their_speeches_travel_in_the_cells_bundle(cell_a, receiving, stick):
    """The demo cell's items reach the commune with their speeches tied to them; a session deleted
    afterwards takes its items with it there too (tombstones travel)."""
    from sqlmodel import select

    from chibo.store.models import AgendaItem, CellSession, Speech
    from chibo.sync.export import export_bundle
    from chibo.sync.importer import import_bundle

    with cell_a.session() as db:
        items = {i.id: (i.title, i.position) for i in db.exec(select(AgendaItem))}
        on_items = {s.id: s.agenda_item_id for s in db.exec(select(Speech)) if s.agenda_item_id}
        latest = next(m for m in sessions.list_sessions(db) if m.kind == SessionKind.REGULAR)
    assert items and on_items
    link(cell_a, receiving, stick)
    bundle = export_bundle(cell_a, stick).path
    assert import_bundle(receiving, bundle, approve={fingerprint_of(cell_a)}).outcome == "imported"
    with receiving.session() as db:
        assert {i.id: (i.title, i.position) for i in db.exec(select(AgendaItem))} == items
        assert {s.id: s.agenda_item_id for s in db.exec(select(Speech)) if s.agenda_item_id} == on_items
    with cell_a.session() as db:
        sessions.remove_session(db, latest.id)
    assert import_bundle(receiving, export_bundle(cell_a, stick).path).outcome == "imported"
    with receiving.session() as db:
        assert db.get(CellSession, latest.id).deleted_at is not None
        gone = db.exec(select(AgendaItem).where(AgendaItem.session_id == latest.id)).all()
        assert gone and all(i.deleted_at is not None for i in gone)
