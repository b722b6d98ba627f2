"""Sinh hoạt: a new session recorded by keyboard, two absences, the figures recounted on every
mark and saved as they were shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlmodel import select

from chibo.services.figures import session_figures
from chibo.store.models import Meeting


@pytest.fixture
def window(demo_window):
    demo_window.navigation.setCurrentRow(3)
    return demo_window


def row_of(model, name: str) -> int:
    return next(i for i, row in enumerate(model.rows) if row[1] == name)


def test_a_session_with_two_absences_by_keyboard_and_live_figures(qtbot, window, demo_book):
    page = window.sessions
    before = page.model.rowCount()
    page.new_record()
    qtbot.waitUntil(lambda: page.last_dialog is not None and page.last_dialog.isVisible(), timeout=10_000)
    dialog = page.last_dialog
    roll, view = dialog.roll, dialog.roll_view
    summoned = sum(1 for row in roll.rows if row[2] not in ("mien_sinh_hoat", "sinh_hoat_tam_noi_khac"))
    assert 0 < summoned < roll.rowCount()  # the demo has exempt members: called, not summoned
    assert f"Có mặt 0/{summoned}" in dialog.figures.text() and f"chưa điểm danh {summoned}" in dialog.figures.text()
    assert "Chưa đủ số đảng viên để biểu quyết" in dialog.figures.text()
    dialog.place.setText("Nhà văn hóa bản")
    qtbot.mouseClick(dialog.all_present, Qt.LeftButton)
    assert f"Có mặt {summoned}/{summoned}" in dialog.figures.text() and "Đủ số đảng viên" in dialog.figures.text()

    first, second = [i for i, row in enumerate(roll.rows) if row[2] == "chinh_thuc"][:2]
    view.setFocus()
    view.selectRow(first)
    qtbot.keyClick(view, Qt.Key_V)  # excused: the reason cell opens for typing
    editor = view.viewport().findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.setText("Đi khám bệnh ở huyện")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=5_000)  # the delegate commits queued
    view.selectRow(second)
    qtbot.keyClick(view, Qt.Key_K)
    assert roll.rows[first][3:] == ["vang_co_ly_do", "Đi khám bệnh ở huyện"]
    assert roll.rows[second][3] == "vang_khong_ly_do"
    assert f"Có mặt {summoned - 2}/{summoned}" in dialog.figures.text() and "vắng 2" in dialog.figures.text()

    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        dialog.save()
    meeting = saved.args[0]
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=10_000)
    with demo_book.session() as db:
        figures = session_figures(db, meeting.id)
        assert db.get(Meeting, meeting.id).place == "Nhà văn hóa bản"
    assert (figures.present_required, figures.summoned_total) == (summoned - 2, summoned)
    assert sorted((a.full_name, a.reason_text) for a in figures.absences) == sorted([
        (roll.rows[first][1], "Đi khám bệnh ở huyện"), (roll.rows[second][1], "không lý do")])


def test_a_refused_session_stays_open_and_writes_nothing(qtbot, window, demo_book):
    page = window.sessions
    page.new_record()
    qtbot.waitUntil(lambda: page.last_dialog is not None and page.last_dialog.isVisible(), timeout=10_000)
    dialog = page.last_dialog
    dialog.start_time.setText("16:00")
    dialog.end_time.setText("14:00")
    with demo_book.session() as db:
        before = len(db.exec(select(Meeting)).all())
    dialog.save()
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert dialog.error.text() == "Giờ kết thúc phải sau giờ bắt đầu."
    with demo_book.session() as db:
        assert len(db.exec(select(Meeting)).all()) == before
    dialog.ask_unsaved = lambda: "discard"
    dialog.reject()
    assert not dialog.isVisible()


def test_speeches_and_votes_are_saved_and_a_vote_above_those_present_is_refused(qtbot, window, demo_book):
    from chibo.services.meetings import speeches
    from chibo.ui.session_speeches import GUEST

    page = window.sessions
    page.new_record()
    qtbot.waitUntil(lambda: page.last_dialog is not None and page.last_dialog.isVisible(), timeout=10_000)
    dialog = page.last_dialog
    dialog.roll.mark_all_present()
    present = sum(1 for row in dialog.roll.rows if row[3] == "co_mat")
    panel = dialog.speeches
    member_id, member_name = dialog.form.members[0]
    panel.speaker.setCurrentIndex(panel.speaker.findData(member_id))
    panel.content.setPlainText("Đề nghị tổ chức trồng rừng trước mùa mưa.")
    panel.add()
    panel.speaker.setCurrentIndex(panel.speaker.findData(GUEST))
    panel.content.setPlainText("Xã sẽ hỗ trợ cây giống.")
    panel.add()
    assert panel.problem.text() == "Hãy chọn người phát biểu, hoặc ghi tên khách mời."
    panel.guest.setText("Đồng chí Lường Văn Khăm, Phó Bí thư Đảng ủy xã")
    panel.add()
    assert panel.list.count() == 2 and panel.list.item(0).text().startswith(f"{member_name}: Đề nghị")
    panel.voted.setChecked(True)
    panel.votes[0].setValue(present + 1)
    dialog.save()
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert dialog.error.text() == f"Tổng số biểu quyết ({present + 1}) lớn hơn số đảng viên có mặt ({present})."
    with demo_book.session() as db:
        assert not db.exec(select(Meeting).where(Meeting.votes_for == present + 1)).first()
    panel.votes[0].setValue(present - 1)
    panel.votes[2].setValue(1)
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        dialog.save()
    meeting = saved.args[0]
    with demo_book.session() as db:
        stored = db.get(Meeting, meeting.id)
        assert (stored.votes_for, stored.votes_against, stored.votes_other) == (present - 1, 0, 1)
        said = [(s.member_id, s.speaker_name, s.content) for s in speeches(db, meeting.id)]
    assert said == [(member_id, "", "Đề nghị tổ chức trồng rừng trước mùa mưa."),
                    (None, "Đồng chí Lường Văn Khăm, Phó Bí thư Đảng ủy xã", "Xã sẽ hỗ trợ cây giống.")]


def test_a_saved_speech_is_corrected_in_its_place(qtbot, window, demo_book):
    from chibo.services.meetings import add_speech, list_sessions, speeches

    with demo_book.session() as db:
        meeting = next(m for m in list_sessions(db) if m.makeup_of_id is None)
        before = [(s.id, s.content) for s in speeches(db, meeting.id)]
        add_speech(db, meeting.id, "Nhất trí.", speaker_name="Đồng chí khách")
        add_speech(db, meeting.id, "Đề nghị làm đường liên bản.", speaker_name="Đồng chí khách")
    page = window.sessions
    page.changed.emit()
    qtbot.waitUntil(lambda: meeting.id in [r[0] for r in page.model.rows], timeout=10_000)
    page.table.selectRow([r[0] for r in page.model.rows].index(meeting.id))
    page.edit_record()
    qtbot.waitUntil(lambda: page.last_dialog is not None and page.last_dialog.isVisible(), timeout=10_000)
    dialog = page.last_dialog
    panel = dialog.speeches
    row = len(before)  # "Nhất trí."
    panel.update_selected()
    assert panel.problem.text() == "Hãy chọn một ý kiến trong danh sách trước."
    panel.list.setCurrentRow(row)
    assert panel.content.toPlainText() == "Nhất trí." and panel.guest.text() == "Đồng chí khách"
    panel.content.setPlainText("   ")
    panel.update_selected()
    assert panel.problem.text() == "Hãy ghi nội dung ý kiến."
    panel.content.setPlainText("Nhất trí với báo cáo; đề nghị bổ sung chỉ tiêu trồng rừng.")
    panel.update_selected()
    assert panel.list.item(row).text() == "Đồng chí khách: Nhất trí với báo cáo; đề nghị bổ sung chỉ tiêu trồng rừng."
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save()
    with demo_book.session() as db:
        after = [s.content for s in speeches(db, meeting.id)]
    assert after == [c for _, c in before] + ["Nhất trí với báo cáo; đề nghị bổ sung chỉ tiêu trồng rừng.",
                                            "Đề nghị làm đường liên bản."]
