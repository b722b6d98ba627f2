"""A commune's window, used as its officer uses it: the first screen holds one row per cell and
the total; a double click on a cell opens its book read only; another cell is chosen by typing
part of its name; no page shows two cells' rows, no editor opens, no button writes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from chibo.services import sessions
from chibo.services.documents import list_documents
from chibo.services.figures import document_figures, session_figures
from chibo.services.members import list_members
from chibo.store.book import Book
from chibo.sync.summary import consolidated
from conftest import open_main_window, show_page
from person import click
from test_commune_views import commune  # noqa: F401  (the fixture: a commune of two demo cells)


@pytest.fixture
def window(qtbot, commune):  # noqa: F811
    from chibo.ui.operations import wait_for_jobs

    book = Book.open(commune["commune"])
    window = open_main_window(qtbot, book)
    yield window
    wait_for_jobs()
    window.close()
    book.close()


def own(folder, read):
    with Book.open(folder) as book, book.session() as db:
        return read(db)


def board_rows(window) -> list[tuple]:
    model = window.overview.receiving.model
    return [cells for _cell, cells in model.rows]


def double_click_row(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.LeftButton, pos=rect.center())


def test_the_first_screen_has_a_row_per_cell_and_the_total(qtbot, window, commune):  # noqa: F811
    qtbot.waitUntil(lambda: board_rows(window) and board_rows(window)[-1][7] != "…", timeout=10_000)
    with Book.open_for_reading(commune["commune"]) as book, book.session() as db:  # beside the window
        units, total = consolidated(db)
    rows = board_rows(window)
    assert [r[0] for r in rows] == ["Chi bộ bản Nà Khum (BANNAKHUM)", "Chi bộ bản Phìn Hồ (BANPHINHO)", "Tổng cộng"]
    for row, unit in zip(rows, units, strict=False):  # the total's row left over
        studied = sum(d.studied for d in unit.documents.values())
        required = sum(d.required for d in unit.documents.values())
        assert row[3:8] == (str(unit.members), str(unit.required), str(unit.sessions), str(unit.makeup_sessions),
                            f"{studied}/{required}")
    assert rows[-1][3] == str(total.members) == "68"
    assert window.overview.receiving.lines.text().startswith("<b>2 chi bộ</b> gửi gói báo cáo về Đảng ủy xã Sơn Cao")


def test_a_cell_opened_from_the_first_screen_shows_its_own_book_read_only(qtbot, window, commune):  # noqa: F811
    board = window.overview.receiving
    qtbot.waitUntil(lambda: len(board.model.rows) == 3, timeout=10_000)
    double_click_row(qtbot, board.table, 1)  # Phìn Hồ
    register = show_page(qtbot, window, "register")
    qtbot.waitUntil(lambda: register.cell_bar.combo.currentText() == "Chi bộ bản Phìn Hồ (BANPHINHO)", timeout=10_000)
    names = own(commune["b"], lambda db: [r.member.full_name for r in list_members(db)])
    qtbot.waitUntil(lambda: [r.member.full_name for r in register.model._all] == names, timeout=10_000)
    assert not any(b.isVisible() for b in register.editing_widgets())
    register.table.selectRow(0)
    double_click_row(qtbot, register.table, 0)
    qtbot.keyClick(window, Qt.Key_N, Qt.ControlModifier)
    assert register.last_dialog is None  # no editor opened, for a double click nor for Ctrl+N


def test_another_cell_chosen_by_typing_part_of_its_name_changes_every_cell_page(qtbot, window, commune):  # noqa: F811
    page = show_page(qtbot, window, "sessions")
    bar = page.cell_bar
    assert bar.combo.currentText() == "Chi bộ bản Nà Khum (BANNAKHUM)"  # the first cell by name, until one is chosen
    numbers_a = own(commune["a"], lambda db: {s.id: s.number_symbol for s in sessions.list_sessions(db)})
    assert {rid: cells[6] for rid, cells in page.model.rows} == numbers_a
    bar.combo.setFocus()
    bar.combo.lineEdit().selectAll()
    qtbot.keyClicks(bar.combo.lineEdit(), "phin ho")  # no accents typed
    popup = bar.combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=5_000)
    assert [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())] == [
        "Chi bộ bản Phìn Hồ (BANPHINHO)"]
    qtbot.keyClick(popup, Qt.Key_Down)
    qtbot.keyClick(popup, Qt.Key_Return)
    numbers_b = own(commune["b"], lambda db: {s.id: s.number_symbol for s in sessions.list_sessions(db)})
    qtbot.waitUntil(lambda: {rid: cells[6] for rid, cells in page.model.rows} == numbers_b, timeout=10_000)
    assert set(numbers_a.values()) & set(numbers_b.values())  # both number 01-BB/CB …: a listing holds one cell's
    present = own(commune["b"], lambda db: {s.id: f"{f.present_total}/{f.summoned_total}" for s, f in (
        (s, session_figures(db, s.id)) for s in sessions.list_sessions(db))})
    assert {rid: cells[3] for rid, cells in page.model.rows} == present  # each against its own cell's roll
    assert not page.papers.isVisible() and not page.new_button.isVisible()
    outreach = show_page(qtbot, window, "outreach")  # the choice holds across the cell pages
    assert outreach.cell_bar.combo.currentText() == "Chi bộ bản Phìn Hồ (BANPHINHO)"


def test_the_documents_page_holds_the_communes_own_documents_summed_over_the_cells(qtbot, window, commune):  # noqa: F811
    page = show_page(qtbot, window, "documents")
    studied = required = 0
    for cell in ("a", "b"):
        figures = own(commune[cell], lambda db: document_figures(
            db, next(d.id for d in list_documents(db) if d.number_symbol == "03-NQ/ĐU")))
        studied, required = studied + figures.studied_count, required + figures.required
    assert [(cells[0], cells[5]) for _id, cells in page.model.rows] == [("03-NQ/ĐU", f"{studied}/{required}")]
    assert page.new_button.isVisible()  # the commune's own documents: it adds and sends them
    assert not page.coverage_button.isVisible() and not page.papers.isVisible()
    click(qtbot, page.new_button)
    qtbot.waitUntil(lambda: page.last_dialog is not None and page.last_dialog.isVisible(), timeout=10_000)
    page.last_dialog.close()
