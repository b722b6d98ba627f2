"""Tuyên truyền: an entry added shows in the list and in the year's totals; deleting asks first.
Driven by clicks and keys: Ghi hoạt động mới, Lưu, Xóa … and the question's own buttons."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from chibo.services.outreach import outreach_totals
from conftest import answer_next_dialog, show_page
from person import click, click_button, replace_text, type_text


def open_new(qtbot, page):
    click_button(qtbot, page, "Ghi hoạt động mới (Ctrl+N)")
    qtbot.waitUntil(lambda: page.last_dialog is not None and page.last_dialog.isActiveWindow(), timeout=10_000)
    return page.last_dialog


def test_add_then_delete_an_outreach_entry(qtbot, demo_window):
    window = demo_window
    page = show_page(qtbot, window, "outreach")
    window.show_page(page)
    before = page.model.rowCount()
    with window.book.session() as db:
        meetings_before = outreach_totals(db, year=date.today().year).get("hoi_nghi", {"audience": 0})["audience"]
    editor = open_new(qtbot, page)
    type_text(editor.description, "Tuyên truyền quy ước bảo vệ rừng cho bà con bản")
    replace_text(qtbot, editor.audience, "86")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=10_000)
    assert "Hội nghị tuyên truyền cho quần chúng: " in page.totals.text()
    with window.book.session() as db:
        assert outreach_totals(db, year=date.today().year)["hoi_nghi"]["audience"] == meetings_before + 86
    row = next(i for i, (_, cells) in enumerate(page.model.rows) if cells[2].startswith("Tuyên truyền quy ước"))
    page.table.selectRow(row)
    asked = []
    answer_next_dialog(qtbot, "Hủy", seen=asked)  # Hủy: nothing happens
    click_button(qtbot, page, "Xóa hoạt động đã chọn…")
    assert asked and asked[0].startswith(f"Xóa hoạt động ngày {date.today():%d/%m/%Y}")
    assert page.model.rowCount() == before + 1
    answer_next_dialog(qtbot, "Có")
    click_button(qtbot, page, "Xóa hoạt động đã chọn…")
    qtbot.waitUntil(lambda: page.model.rowCount() == before, timeout=10_000)


def test_a_bad_date_is_refused_and_nothing_written(qtbot, demo_window):
    window = demo_window
    page = show_page(qtbot, window, "outreach")
    before = page.model.rowCount()
    editor = open_new(qtbot, page)
    replace_text(qtbot, editor.held_on, "32/13/2026")
    qtbot.keyClick(editor.held_on, Qt.Key_S, Qt.ControlModifier)  # Ctrl+S, as the button says
    qtbot.waitUntil(editor.error.isVisible, timeout=10_000)
    assert editor.error.text().startswith("Ngày thực hiện: ")
    assert page.model.rowCount() == before
