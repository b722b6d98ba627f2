"""The first desktop window: it opens on a demo book, fills from a worker, and searches."""

import os
import subprocess
import sys

from PySide6.QtCore import QThreadPool

from chibo.ui.main_window import MainWindow
from conftest import copy_book_files


def test_register_fills_off_the_gui_thread_and_search_ignores_accents(qtbot, demo_book):
    window = MainWindow(demo_book)
    qtbot.addWidget(window)
    window.show()
    window.load()
    qtbot.waitUntil(lambda: len(window.register.model._all) == 35, timeout=10_000)
    shown = [window.register.model.row_at(r) for r in range(window.register.model.rowCount())]
    assert len(shown) == 34 and all(row.status != "da_roi" for row in shown)  # who left is filtered out at first
    window.register.status_filter.setCurrentIndex(window.register.status_filter.count() - 1)
    assert window.register.model.rowCount() == 35 and window.register.count.text() == "35 / 35 đảng viên"
    assert "Chi bộ bản Nà Khum" in window.overview.title.text()
    assert "57-NQ/TW" in window.overview.body.text()
    qtbot.keyClicks(window.register.search, "nguyen thi huong")
    names = [window.register.model.index(r, 1).data() for r in range(window.register.model.rowCount())]
    assert names == ["Nguyễn Thị Hường"]
    assert window.register.count.text() == "1 / 35 đảng viên"
    QThreadPool.globalInstance().waitForDone()


def test_smoke_start_prints_time_to_first_paint(demo_template, tmp_path):
    folder = copy_book_files(demo_template, tmp_path / "book")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CHIBO_DATA_DIR": str(folder)}
    result = subprocess.run([sys.executable, "-m", "chibo", "--smoke"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "cửa sổ chính hiện sau" in result.stdout


def test_a_second_start_on_the_same_folder_brings_the_first_window_forward(qtbot, tmp_path):
    from PySide6.QtWidgets import QMainWindow

    from chibo.ui.single_instance import InstanceServer, hand_off

    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    assert not hand_off(tmp_path)  # nobody listening yet: this start opens the book itself
    server = InstanceServer(tmp_path, window)
    try:
        with qtbot.waitSignal(server.raised, timeout=5_000):
            assert hand_off(tmp_path)
        assert window.isVisible() and not window.isMinimized()
        assert not hand_off(tmp_path / "other")  # another data folder is another book
    finally:
        server.close()


def test_overview_lists_unfinished_documents_and_who_needs_a_makeup(demo_book):
    from datetime import date

    from chibo.services.documents import list_documents
    from chibo.services.figures import document_figures
    from chibo.ui.pages.overview import load_overview

    today = date.today()
    with demo_book.session() as db:
        lines = load_overview(db, today).lines
        owed: dict[str, list[str]] = {}
        unfinished = 0
        for document in list_documents(db):
            f = document_figures(db, document.id, today)
            unfinished += bool(f.missing)
            for m in f.missing if f.sessions else []:
                owed.setdefault(m.full_name, []).append(document.number_symbol)
    assert f"<b>Văn bản chưa học xong:</b> {unfinished}" in lines
    assert f"<b>Đảng viên cần học bù:</b> {len(owed)}" in lines and owed
    name, symbols = next(iter(owed.items()))
    assert f"&nbsp;&nbsp;{name}: {', '.join(symbols)}" in lines
