"""Tuyên truyền: an entry added shows in the list and in the year's totals; deleting asks first."""

from __future__ import annotations

from datetime import date

from chibo.services.outreach import outreach_totals

from conftest import show_page


def test_add_then_delete_an_outreach_entry(qtbot, demo_window):
    window = demo_window
    page = show_page(qtbot, window, "outreach")
    window.show_page(page)
    before = page.model.rowCount()
    with window.book.session() as db:
        meetings_before = outreach_totals(db, year=date.today().year).get("hoi_nghi", {"audience": 0})["audience"]
    page.new_record()
    editor = page.last_dialog
    editor.description.setText("Tuyên truyền quy ước bảo vệ rừng cho bà con bản")
    editor.audience.setValue(86)
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save()
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=10_000)
    assert "Hội nghị tuyên truyền cho quần chúng: " in page.totals.text()
    with window.book.session() as db:
        assert outreach_totals(db, year=date.today().year)["hoi_nghi"]["audience"] == meetings_before + 86
    row = next(i for i, (_, cells) in enumerate(page.model.rows) if cells[2].startswith("Tuyên truyền quy ước"))
    page.table.selectRow(row)
    page.confirm_remove = lambda cells: False
    page.remove_selected()
    assert page.model.rowCount() == before + 1
    page.confirm_remove = lambda cells: True
    page.remove_selected()
    qtbot.waitUntil(lambda: page.model.rowCount() == before, timeout=10_000)


def test_a_bad_date_is_refused_and_nothing_written(qtbot, demo_window):
    window = demo_window
    page = show_page(qtbot, window, "outreach")
    before = page.model.rowCount()
    page.new_record()
    editor = page.last_dialog
    editor.held_on.setText("32/13/2026")
    editor.save()
    qtbot.waitUntil(editor.error.isVisible, timeout=10_000)
    assert editor.error.text().startswith("Ngày thực hiện: ")
    assert page.model.rowCount() == before
