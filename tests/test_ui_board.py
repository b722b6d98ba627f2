"""Tổng quan, the month's board, and the window's refresh by kind: a session saved through the
editor's buttons reloads only the pages that show sessions (the one on screen now, the hidden ones
when next shown); the board's "record this month's meeting" opens the editor on this month's day
with that day's roll; the board's figures are the services'; its buttons open what they say."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QPushButton

from chibo.services import members, sessions
from chibo.services.documents import list_documents
from chibo.services.figures import document_figures
from chibo.services.plans import overdue_items
from chibo.text import format_date
from chibo.ui.main_window import PAGES
from chibo.ui.widgets.card import LinkButton
from chibo.vocabulary import LeftReason, SessionKind
from conftest import open_main_window, show_page
from person import button, click, type_text


def click_sidebar(qtbot, window, name: str) -> None:
    row = next(i for i, spec in enumerate(PAGES) if spec.name == name)
    rect = window.navigation.visualItemRect(window.navigation.item(row))
    qtbot.mouseClick(window.navigation.viewport(), Qt.LeftButton, pos=rect.center())


def test_a_saved_session_reloads_only_the_pages_that_show_sessions(qtbot, demo_window, demo_book):
    window = demo_window
    for spec in PAGES[1:]:  # every page shown once, as a person looking around
        click_sidebar(qtbot, window, spec.name)
        qtbot.waitUntil(lambda name=spec.name: window.fills[name] == 1 and name not in window._loading,
                        timeout=10_000)
    click_sidebar(qtbot, window, "sessions")
    assert dict(window.fills) == {spec.name: 1 for spec in PAGES} and not window.stale
    page = window.sessions
    first = page.model.rows[0]
    page.table.selectRow(0)
    click(qtbot, button(page, "Sửa buổi, điểm danh…"))
    qtbot.waitUntil(lambda: page.last_dialog is not None and page.last_dialog.isVisible(), timeout=10_000)
    editor = page.last_dialog
    editor.place.setFocus()
    qtbot.keyClick(editor.place, Qt.Key_End)
    type_text(editor.place, " (nhà văn hóa mới)")
    click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: not editor.isVisible() and window.fills["sessions"] == 2, timeout=10_000)
    with demo_book.session() as db:
        assert sessions.list_sessions(db)[0].place.endswith("(nhà văn hóa mới)")
    # On screen: read again. Hidden but showing sessions (the board, the documents' study counts):
    # marked, not read. The rest: untouched.
    assert dict(window.fills) == {spec.name: 1 for spec in PAGES} | {"sessions": 2}
    assert window.stale == {"overview", "documents"}
    assert page.model.rows[0][0] == first[0]
    click_sidebar(qtbot, window, "documents")
    qtbot.waitUntil(lambda: window.fills["documents"] == 2, timeout=10_000)
    click_sidebar(qtbot, window, "register")  # nothing of it changed: shown as it was
    click_sidebar(qtbot, window, "overview")
    qtbot.waitUntil(lambda: window.fills["overview"] == 2, timeout=10_000)
    assert dict(window.fills) == {spec.name: 1 for spec in PAGES} | {"sessions": 2, "documents": 2, "overview": 2}
    assert not window.stale


def a_cell_that_met_last_month(book) -> date:
    """Five members on the roll, one who left last month; a regular meeting on the 1st of last month.
    Returns the 1st of this month: the cell's usual day, which has come."""
    today = date.today()
    first = today.replace(day=1)
    last_month = (first - timedelta(days=1)).replace(day=1)
    with book.session() as db:
        for name in ("Lò Văn An", "Giàng A Páo", "Nguyễn Thị Hường", "Vàng A Dế", "Thào Thị Mỷ"):
            members.add_member(db, full_name=name, joined_on="01/01/2020")
        left = members.add_member(db, full_name="Bàn Văn Sành", joined_on="01/01/2020")
        members.leave(db, left.id, format_date(last_month + timedelta(days=1)), LeftReason.TRANSFERRED)
        met = sessions.create_session(db, kind=SessionKind.REGULAR, held_on=last_month)
        sessions.mark_all_present(db, met.id)
    return first


def test_record_this_months_meeting_opens_the_editor_on_this_months_day_with_its_roll(qtbot, book):
    first = a_cell_that_met_last_month(book)
    window = open_main_window(qtbot, book)
    board = window.overview
    assert board.cards["meeting"].property("tone") == "todo"
    assert board.record_button.text() == "Ghi buổi sinh hoạt tháng này…"
    click(qtbot, board.record_button)
    qtbot.waitUntil(lambda: board.last_dialog is not None and board.last_dialog.isVisible(), timeout=10_000)
    editor = board.last_dialog
    assert editor.windowTitle() == "Ghi buổi sinh hoạt mới" and editor.kind.currentData() == SessionKind.REGULAR
    assert editor.held_on.text() == format_date(first)
    assert sorted(row[1] for row in editor.roll.rows) == sorted(
        ["Lò Văn An", "Giàng A Páo", "Nguyễn Thị Hường", "Vàng A Dế", "Thào Thị Mỷ"])  # who left is not called
    click(qtbot, editor.all_present)
    editor.chair.setCurrentIndex(editor.chair.findText("Lò Văn An"))
    editor.secretary.setCurrentIndex(editor.secretary.findText("Giàng A Páo"))
    click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: window.fills["overview"] == 2, timeout=10_000)  # on screen: read again at once
    meeting = board.board.meeting
    assert meeting is not None and meeting.held_on == first and (meeting.present, meeting.summoned) == (5, 5)
    assert board.cards["meeting"].property("tone") == "ok" and board.record_button is None
    assert "Đã ghi: ngày " + format_date(first) + ", có mặt 5/5, vắng 0." in card_lines(board, "meeting")


def card_lines(board, key: str) -> list[str]:
    return [label.text() for label in board.cards[key].findChildren(QLabel)]


def test_the_board_is_reached_with_the_keyboard(qtbot, book):
    a_cell_that_met_last_month(book)
    window = open_main_window(qtbot, book)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    window.navigation.setFocus()
    for _ in range(30):  # Tab from the sidebar to the board's first button
        if QApplication.focusWidget() is window.overview.record_button:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert QApplication.focusWidget() is window.overview.record_button
    qtbot.keyClick(window.overview.record_button, Qt.Key_Space)
    qtbot.waitUntil(lambda: window.overview.last_dialog is not None and window.overview.last_dialog.isVisible(),
                    timeout=10_000)


def test_the_boards_figures_are_the_services(qtbot, demo_window, demo_book):
    board = demo_window.overview
    today = board.board.today
    with demo_book.session() as db:
        figures = {d.number_symbol: document_figures(db, d.id, today) for d in list_documents(db)}
        late = overdue_items(db, today)
    bars = board.cards["study"].findChildren(QProgressBar)
    studying = [symbol for symbol, f in figures.items() if f.missing]
    assert len(bars) == len(studying) > 0
    titles = [b.full_text for b in board.cards["study"].findChildren(LinkButton)]
    for symbol, title, bar in zip(studying_in_board_order(board), titles, bars, strict=True):
        f = figures[symbol]
        assert title.startswith(f"{symbol}: ")
        assert (bar.value(), bar.maximum()) == (f.studied_count, f.required)
        assert bar.format().startswith(f"đã học {f.studied_count}/{f.required} (")
    assert sorted(studying_in_board_order(board)) == sorted(studying)
    lines = card_lines(board, "makeup")
    owed = [(symbol, f) for symbol, f in figures.items() if f.sessions and f.missing]
    assert owed
    for symbol, f in owed:
        assert f"{symbol} ({len(f.missing)} người): " + ", ".join(m.full_name for m in f.missing[:8]) in lines
    # Never "Vắng": who joined after the study is owed it too, without having been absent.
    assert sum(line.startswith("Chưa học; buổi học gần nhất ngày ") for line in lines) == len(owed)
    assert not any("Vắng" in line for line in lines)
    essays = card_lines(board, "essays")
    for symbol, f in figures.items():
        if f.essays_missing:
            assert any(line.startswith(f"{symbol} ({f.essays_missing} người): ") for line in essays)
    tasks = [b.full_text for b in board.cards["tasks"].findChildren(LinkButton)]
    assert tasks[0].startswith(f"Quá hạn {late[0].days_late} ngày") and tasks[0].endswith(late[0].item.content)


def studying_in_board_order(board) -> list[str]:
    return [s.document.number_symbol for s in board.board.studying]


def test_the_make_up_button_creates_the_make_up_and_the_board_follows(qtbot, demo_window, demo_book):
    board = demo_window.overview
    study = board.board.makeups[0]
    symbol, missing = study.document.number_symbol, len(study.missing)
    index = board.board.makeups.index(study)
    buttons = [b for b in board.cards["makeup"].findChildren(QPushButton) if b.text() == "Tạo buổi học bù…"]
    click(qtbot, buttons[index])
    qtbot.waitUntil(lambda: board.last_dialog is not None and board.last_dialog.isVisible(), timeout=10_000)
    makeup = board.last_dialog
    assert makeup.windowTitle() == "Tạo buổi học bù" and makeup.invited.count() == missing
    click(qtbot, makeup.save_button)
    qtbot.waitUntil(lambda: demo_window.fills["overview"] == 2, timeout=10_000)
    assert symbol not in [s.document.number_symbol for s in board.board.makeups]  # every one invited came
    with demo_book.session() as db:
        assert sum(1 for s in sessions.list_sessions(db) if s.kind == SessionKind.MAKEUP) > 0


def test_an_overdue_task_opens_its_plan(qtbot, demo_window):
    board = demo_window.overview
    task = board.board.overdue[0]
    link = next(b for b in board.cards["tasks"].findChildren(LinkButton) if b.full_text.endswith(task.content))
    click(qtbot, link)
    qtbot.waitUntil(lambda: board.last_dialog is not None and board.last_dialog.isVisible(), timeout=10_000)
    assert board.last_dialog.title.text() == task.plan_title


def test_the_report_card_goes_to_the_data_exchange(qtbot, demo_window):
    board = demo_window.overview
    click(qtbot, button(board, "Gửi báo cáo…"))
    qtbot.waitUntil(lambda: demo_window.current_name() == "exchange" and demo_window.fills["exchange"] == 1,
                    timeout=10_000)
    assert show_page(qtbot, demo_window, "exchange").role == "cell"
