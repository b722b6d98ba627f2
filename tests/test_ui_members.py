"""Đảng viên: add with Ctrl+N, a refusal that keeps the dialog and the book as they were, the
question before unsaved changes are lost, and a member leaving the cell."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlmodel import func, select

from chibo.services.members import list_members, status_history
from chibo.store.models import Member
from conftest import answer_next_dialog, show_page


def on_the_register(qtbot, w):
    show_page(qtbot, w, "register")
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5_000)  # shortcuts go to the active window
    return w


@pytest.fixture
def window(qtbot, demo_window):
    return on_the_register(qtbot, demo_window)


@pytest.fixture
def register_to_read(qtbot, read_only_window):
    return on_the_register(qtbot, read_only_window)


def type_text(widget, text: str) -> None:
    """Vietnamese arrives through the input method (Unikey, the system IME): a commit string.
    QTest's key clicks stop at Latin-1."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def member_count(book) -> int:
    with book.session() as db:
        return db.exec(select(func.count()).select_from(Member)).one()


def select_member(window, name: str) -> None:
    page = window.register
    page.search.setText(name)
    assert page.model.rowCount() == 1
    page.table.selectRow(0)


def test_ctrl_n_adds_a_member_who_then_appears_in_the_register(qtbot, window, demo_book):
    page = show_page(qtbot, window, "register")
    qtbot.keyClick(window.register.table, Qt.Key_N, Qt.ControlModifier)
    dialog = page.last_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Thêm đảng viên"
    type_text(dialog.full_name, "Vàng  Thị   Dợ")
    qtbot.keyClicks(dialog.birth_year, "1990")
    qtbot.keyClicks(dialog.admitted_on, "03/02/2015")
    dialog.sex.setCurrentIndex(dialog.sex.findData("Nữ"))
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.keyClick(dialog.full_name, Qt.Key_S, Qt.ControlModifier)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: len(page.model._all) == 36, timeout=10_000)
    page.search.setText("vang thi do")
    assert [page.model.index(r, 1).data() for r in range(page.model.rowCount())] == ["Vàng Thị Dợ"]
    assert page.model.index(0, 5).data() == "Chính thức"
    with demo_book.session() as db:
        row = next(r for r in list_members(db) if r.member.full_name == "Vàng Thị Dợ")
        assert (row.member.sex, row.member.birth_year, row.member.admitted_on.isoformat()) == ("Nữ", 1990, "2015-02-03")


def test_a_refused_member_keeps_the_dialog_open_with_the_reason_and_writes_nothing(qtbot, window, demo_book):
    before = member_count(demo_book)
    qtbot.mouseClick(window.register.add_button, Qt.LeftButton)  # Thêm đảng viên (Ctrl+N)
    dialog = window.register.last_dialog
    type_text(dialog.full_name, "Lò Văn Trẻ")
    qtbot.keyClicks(dialog.birth_year, "2005")
    qtbot.keyClicks(dialog.admitted_on, "01/01/2012")  # at seven years old
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.error.text() == ("Ngày vào Đảng 01/01/2012 quá sớm so với năm sinh 2005: hãy kiểm tra lại.")
    assert dialog.isVisible() and member_count(demo_book) == before
    dialog.admitted_on.setText("31/02/2024")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "Ngày vào Đảng" in dialog.error.text() and "2012" not in dialog.error.text(), timeout=10_000)
    assert member_count(demo_book) == before


def test_closing_with_unsaved_changes_asks_first(qtbot, window, demo_book):
    select_member(window, "nguyen thi huong")
    qtbot.mouseClick(window.register.edit_button, Qt.LeftButton)  # Sửa thông tin…
    dialog = window.register.last_dialog
    assert dialog.windowTitle() == "Sửa thông tin đảng viên" and dialog.full_name.text() == "Nguyễn Thị Hường"
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "0987 654 321")
    asked = []
    answer_next_dialog(qtbot, "Quay lại sửa tiếp", seen=asked)
    qtbot.keyClick(dialog, Qt.Key_Escape)
    assert asked == ["Có thay đổi chưa lưu. Lưu trước khi đóng?"]
    assert dialog.isVisible() and dialog.phone.text() == "0987 654 321"  # "go back" kept the dialog with the typing
    answer_next_dialog(qtbot, "Không lưu")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Cancel), Qt.LeftButton)
    assert not dialog.isVisible()
    with demo_book.session() as db:
        assert next(r for r in list_members(db) if r.member.full_name == "Nguyễn Thị Hường").member.phone != "0987 654 321"

    qtbot.mouseClick(window.register.edit_button, Qt.LeftButton)
    dialog = window.register.last_dialog
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "0987 654 321")
    answer_next_dialog(qtbot, "Lưu")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Cancel), Qt.LeftButton)  # Đóng, then “Lưu”
    with demo_book.session() as db:
        assert next(r for r in list_members(db) if r.member.full_name == "Nguyễn Thị Hường").member.phone == "0987 654 321"


def test_a_member_transferred_out_leaves_the_default_list_and_keeps_the_history(qtbot, window, demo_book):
    page = show_page(qtbot, window, "register")
    select_member(window, "nguyen thi huong")
    member_id = page.selected_row().member.id
    dialog = open_status_dialog(qtbot, page)
    assert dialog.status.currentData() == "da_roi"  # proposed for a full member; the reason is left to choose
    dialog.effective_on.setText("15/06/2026")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.error.text() == "Hãy chọn lý do rời chi bộ."
    dialog.reason.setCurrentIndex(dialog.reason.findData("chuyen_sinh_hoat"))
    dialog.note.setText("Chuyển về chi bộ bản Nậm Cáy")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)  # the search still says "nguyen thi huong"
    with demo_book.session() as db:
        history = status_history(db, member_id)
    assert [(h.status, h.left_reason, h.note) for h in history][-1] == (
        "da_roi", "chuyen_sinh_hoat", "Chuyển về chi bộ bản Nậm Cáy")
    page.status_filter.setCurrentIndex(page.status_filter.findData("da_roi"))
    assert [page.model.index(r, 1).data() for r in range(page.model.rowCount())] == ["Nguyễn Thị Hường"]


def open_status_dialog(qtbot, page):
    qtbot.mouseClick(page.status_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.last_dialog is not None and page.last_dialog.isVisible(), timeout=10_000)
    return page.last_dialog


@pytest.mark.parametrize("current, proposed", [
    ("du_bi", "Chính thức"),  # made official
    ("mien_sinh_hoat", "Chính thức"),  # back to what came before
    ("sinh_hoat_tam", "Đã rời chi bộ"),  # back to the home cell
    ("chinh_thuc", "Đã rời chi bộ"),  # moves away; the reason is left to choose
])
def test_change_of_status_proposes_the_likely_next_status_never_the_current_one(qtbot, register_to_read, current,
                                                                                proposed):
    window = register_to_read
    page = show_page(qtbot, window, "register")
    row = next(i for i, r in enumerate(page.model.rows) if r.status == current)
    page.table.selectRow(row)
    dialog = open_status_dialog(qtbot, page)
    assert dialog.status.currentText() == proposed
    assert dialog.status.findData(current) == -1
    assert dialog.reason.currentData() == "" and dialog.reason.isEnabled() == (proposed == "Đã rời chi bộ")
    qtbot.keyClick(dialog, Qt.Key_Escape)
    assert not dialog.isVisible()
