"""The small things a new user notices: Cài đặt claims no unsaved change before one is made, an
empty list says what to do next, the status bar names the unit, and the session editor's document
list shows several documents."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from conftest import open_main_window, show_page


def type_text(widget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def empty_window(qtbot, book):
    """The main window on a cell set up with nothing recorded yet."""
    from chibo.ui.operations import wait_for_jobs

    yield open_main_window(qtbot, book)
    wait_for_jobs()


def test_settings_show_no_unsaved_change_until_one_is_made(qtbot, read_only_window):
    window = read_only_window
    page = show_page(qtbot, window, "settings")
    window.show_page(page)
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    assert page.status.text() == "" and not page.dirty
    with qtbot.waitSignal(window.loaded, timeout=10_000):  # a reload fills the fields again
        window.load()
    assert page.status.text() == "" and not page.dirty
    page.name.setFocus()
    qtbot.keyClick(page.name, Qt.Key_End)
    qtbot.keyClicks(page.name, " X")
    assert page.status.text() == "Có thay đổi chưa lưu." and page.dirty
    qtbot.keyClick(page.name, Qt.Key_Backspace)
    qtbot.keyClick(page.name, Qt.Key_Backspace)  # typed back to what the book holds
    assert page.status.text() == "" and not page.dirty
    page.probation.setFocus()
    qtbot.keyClick(page.probation, Qt.Key_Up)
    assert page.status.text() == "Có thay đổi chưa lưu."
    qtbot.keyClick(page.probation, Qt.Key_Down)  # back: closing the window then asks nothing
    assert page.status.text() == "" and not page.dirty


def test_empty_lists_say_what_to_do(qtbot, empty_window):
    window = empty_window
    expected = {
        "register": "Chưa có đảng viên nào. Bấm “Thêm đảng viên” hoặc “Nhập từ tệp Excel…”.",
        "sessions": "Chưa ghi buổi sinh hoạt nào. Bấm “Ghi buổi mới” để ghi một buổi họp, điểm danh và biên "
                         "bản.",
        "documents": "Chưa có văn bản nào cần học. Bấm “Thêm văn bản” cho mỗi nghị quyết, chỉ thị cấp trên gửi "
                          "về, hoặc nhập gói kế hoạch ở trang Trao đổi dữ liệu.",
        "plans": "Chưa có kế hoạch nào. Bấm “Lập kế hoạch mới” cho chương trình thực hiện một văn bản của chi "
                      "bộ, hoặc cho kế hoạch hành động của một đảng viên.",
        "outreach": "Chưa ghi hoạt động tuyên truyền nào. Bấm “Ghi hoạt động mới” sau một buổi nói chuyện với "
                         "bà con, một buổi phát loa, một tin bài hay một pa nô.",
    }
    for name, text in expected.items():
        page = show_page(qtbot, window, name)
        assert page.empty_hint.isVisible() and page.empty_hint.text() == text, page
    assert window.place.text() == f"Chi bộ bản Nậm Cáy (Đảng bộ xã Nậm Xe) — sổ lưu ở {window.book.folder}"


def test_the_register_hint_follows_the_search(qtbot, read_only_window):
    window = read_only_window
    register = show_page(qtbot, window, "register")
    window.show_page(register)
    assert not register.empty_hint.isVisible()
    type_text(register.search, "không có ai tên này")
    assert register.model.rowCount() == 0 and register.empty_hint.isVisible()
    assert register.empty_hint.text() == ("Không có đảng viên nào khớp với ô tìm kiếm hoặc tình trạng đã chọn. Hãy xóa "
                                          "ô tìm kiếm, hoặc chọn “Tất cả, kể cả đã rời”.")
    register.search.clear()
    assert not register.empty_hint.isVisible()


def test_the_session_editors_document_list_shows_several_documents(qtbot, read_only_window):
    window = read_only_window
    sessions = show_page(qtbot, window, "sessions")
    window.show_page(sessions)
    sessions.table.selectRow(0)
    qtbot.mouseClick(sessions.edit_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: sessions.last_dialog is not None and sessions.last_dialog.isVisible(), timeout=10_000)
    documents = sessions.last_dialog.documents
    lines = documents.fontMetrics().lineSpacing()
    assert documents.height() >= 9 * lines  # three titles of three lines, whatever the scale
    qtbot.keyClick(sessions.last_dialog, Qt.Key_Escape)
