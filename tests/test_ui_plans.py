"""Kế hoạch hành động: a cell plan with items, an overdue one marked and counted, then done; a
second individual plan for the same member and year is refused."""

from __future__ import annotations

from datetime import date, timedelta

from chibo.services.plans import list_plans, plan_items
from chibo.text import format_date
from chibo.vocabulary import ItemStatus
from conftest import show_page
from person import click, click_button


def open_new(qtbot, page):
    click_button(qtbot, page, "Lập kế hoạch mới (Ctrl+N)")
    qtbot.waitUntil(lambda: page.last_dialog is not None and page.last_dialog.isVisible(), timeout=10_000)
    return page.last_dialog


def add(qtbot, editor, content, deadline, status=ItemStatus.NOT_STARTED, owner_text="Chi ủy"):
    editor.content.setText(content)
    editor.item_owner_text.setText(owner_text)
    editor.deadline.setText(deadline)
    editor.status.setCurrentIndex(editor.status.findData(status))
    click_button(qtbot, editor, "Thêm nhiệm vụ")


def plan_row(page, title):
    return next((rid, cells) for rid, cells in page.model.rows if cells[1] == title)


def test_a_plan_with_an_overdue_item_then_done(qtbot, demo_window):
    window = demo_window
    page = show_page(qtbot, window, "plans")
    editor = open_new(qtbot, page)
    editor.title.setText("Kế hoạch bảo vệ rừng mùa khô")
    editor.year.setValue(date.today().year)
    add(qtbot, editor, "Tuần tra rừng đầu nguồn", format_date(date.today() - timedelta(days=3)))
    add(qtbot, editor, "Họp dân phổ biến quy ước", format_date(date.today() + timedelta(days=30)))
    add(qtbot, editor, "", "")
    assert editor.item_problem.text() == "Hãy ghi nội dung nhiệm vụ."
    assert editor.model.rowCount() == 2
    assert editor.model.index(0, 4).data() == "Chưa thực hiện — quá hạn"
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: any(cells[1] == "Kế hoạch bảo vệ rừng mùa khô" for _, cells in page.model.rows),
                    timeout=10_000)
    plan_id, cells = plan_row(page, "Kế hoạch bảo vệ rừng mùa khô")
    assert cells[4:] == ("2", "0", "1")  # items, done, overdue

    page.table.selectRow([rid for rid, _cells in page.model.rows].index(plan_id))
    click_button(qtbot, page, "Sửa kế hoạch, cập nhật tiến độ…")
    qtbot.waitUntil(lambda: page.last_dialog is not editor and page.last_dialog.isVisible(), timeout=10_000)
    editor = page.last_dialog
    editor.table.selectRow(0)
    assert editor.content.text() == "Tuần tra rừng đầu nguồn"
    editor.status.setCurrentIndex(editor.status.findData(ItemStatus.DONE))
    click_button(qtbot, editor, "Cập nhật nhiệm vụ đã chọn")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: plan_row(page, "Kế hoạch bảo vệ rừng mùa khô")[1][4:] == ("2", "1", "0"), timeout=10_000)
    with window.book.session() as db:
        items = plan_items(db, plan_id)
    assert [(i.content, i.status, i.done_on) for i in items] == [
        ("Tuần tra rừng đầu nguồn", ItemStatus.DONE, date.today()),
        ("Họp dân phổ biến quy ước", ItemStatus.NOT_STARTED, None)]


def test_a_second_individual_plan_for_the_year_is_refused(qtbot, demo_window):
    window = demo_window
    page = show_page(qtbot, window, "plans")
    with window.book.session() as db:
        existing = next(p for p in list_plans(db) if p.member_id)
        count = len(list_plans(db))
    editor = open_new(qtbot, page)
    editor.title.setText("Kế hoạch cá nhân")
    editor.year.setValue(existing.year)
    editor.owner.setCurrentIndex(editor.owner.findData(existing.member_id))
    click(qtbot, editor.save_button)
    qtbot.waitUntil(editor.error.isVisible, timeout=10_000)
    assert editor.error.text() == f"Đảng viên này đã có kế hoạch hành động cá nhân năm {existing.year}."
    with window.book.session() as db:
        assert len(list_plans(db)) == count
