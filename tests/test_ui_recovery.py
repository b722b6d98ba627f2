"""A book that cannot be opened is not the end of the app: start-up offers the backups, the newest
whole one selected, restores it without opening the damaged book, and opens the restored one."""

from __future__ import annotations

import shutil
from datetime import datetime

import pytest

from chibo.store.backup import list_backups, make_backup
from chibo.ui.operations import wait_for_jobs
from conftest import answer_next_dialog, show_page


def _damage(path):
    data = bytearray(path.read_bytes())
    data[:100] = b"\0" * 100  # the header is gone: SQLite no longer sees a database
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged_folder(demo_template, tmp_path):
    """A demo book with one good manual backup, then its file damaged."""
    from conftest import _copy_book

    book = _copy_book(demo_template, tmp_path / "book")
    folder = book.folder
    book.close()
    shutil.rmtree(folder / "backups")  # the day's automatic backup made on opening: keep one, known
    good = make_backup(folder / "chibo.sqlite", folder / "backups", now=datetime(2026, 6, 19, 18, 0))
    (folder / "backups" / "tu-dong-20200101-000000.sqlite").write_bytes(b"not a book")  # a damaged backup, listed
    _damage(folder / "chibo.sqlite")
    return folder, good


class _Application:
    """Stands for QApplication's exit: the real one would end every event loop of the test run."""

    exited_with = None

    def exit(self, code):
        self.exited_with = code


def _start(folder):
    from chibo.ui.app import _open_book, _Startup
    from chibo.ui.main_window import MainWindow
    from chibo.ui.operations import run_in_background

    window = MainWindow(folder=folder)
    window.show()
    startup = _Startup(_Application(), window, folder, smoke=False)
    run_in_background(lambda: _open_book(folder), startup.opened, startup.refused)
    return window, startup


def test_a_damaged_book_offers_its_newest_good_backup_and_opens_restored(qtbot, damaged_folder):
    folder, good = damaged_folder
    seen = []

    def look(dialog):
        seen.append(dialog)
        rows = [(b.path.name, whole) for b, whole in dialog.model.rows]
        assert rows[0] == (good.path.name, True) and rows[-1] == ("tu-dong-20200101-000000.sqlite", False)
        assert dialog.table.selectionModel().selectedRows()[0].row() == 0 and dialog.restore_button.isEnabled()
        assert dialog.message.text().startswith("Tệp chibo.sqlite không phải sổ dữ liệu chibo hoặc đã bị hỏng. Bản sao "
                                                f"lưu tốt gần nhất: {good.path.name} (lúc 18:00 ngày 19/06/2026).")

    answer_next_dialog(qtbot, "Khôi phục bản đã chọn", before=look, timeout_ms=20_000)
    window, startup = _start(folder)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
        said = []
        answer_next_dialog(qtbot, "OK", seen=said, timeout_ms=20_000)
        qtbot.waitUntil(lambda: startup.book is not None, timeout=20_000)
        qtbot.waitUntil(lambda: bool(said), timeout=20_000)
        assert said[0].startswith("Đã khôi phục sổ từ bản sao lưu. Sổ trước khi khôi phục được lưu ở hong-")
        assert startup.app.exited_with is None and window.book is startup.book
        qtbot.waitUntil(lambda: window.fills["overview"] > 0, timeout=20_000)  # the restored book's board
        assert window.built("overview").board.members.on_roll > 0
        assert show_page(qtbot, window, "register").model.rowCount() > 0
        kept = list((folder / "backups").glob("hong-*.sqlite.bak"))
        assert len(kept) == 1 and kept[0].read_bytes()[:100] == b"\0" * 100  # the damaged book kept as it was
    finally:
        wait_for_jobs()
        startup.close()


def test_an_emptied_book_is_not_taken_for_a_new_one_and_closing_leaves_it(qtbot, damaged_folder):
    folder, good = damaged_folder
    (folder / "chibo.sqlite").write_bytes(b"")
    seen = []
    answer_next_dialog(qtbot, "Đóng chibo", seen=seen, timeout_ms=20_000)
    window, startup = _start(folder)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
        wait_for_jobs()
        qtbot.waitUntil(lambda: startup.app.exited_with == 1, timeout=10_000)
        assert startup.book is None
        assert (folder / "chibo.sqlite").read_bytes() == b""  # no schema written over it
        assert next(b.path for b in list_backups(folder / "backups")) == good.path
    finally:
        wait_for_jobs()
        startup.close()
        shutil.rmtree(folder, ignore_errors=True)
