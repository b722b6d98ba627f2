"""The first desktop window: it opens on a demo book, fills from a worker, and searches."""

import os
import subprocess
import sys

from PySide6.QtCore import QThreadPool

from chibo.ui.main_window import MainWindow
from conftest import copy_book_files


def test_register_is_built_and_filled_when_first_shown_and_search_ignores_accents(qtbot, demo_book):
    window = MainWindow(demo_book)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.fills["overview"] == 1, timeout=10_000)
    assert window.built("register") is None  # nothing but the board is built at start-up
    click_sidebar(qtbot, window, "register")
    qtbot.waitUntil(lambda: window.fills["register"] == 1, timeout=10_000)
    register = window.register
    assert window.stack.currentWidget() is register and len(register.model._all) == 35
    shown = [register.model.row_at(r) for r in range(register.model.rowCount())]
    assert len(shown) == 34 and all(row.status != "da_roi" for row in shown)  # who left is filtered out at first
    register.status_filter.setCurrentIndex(register.status_filter.count() - 1)
    assert register.model.rowCount() == 35 and register.count.text() == "35 / 35 đảng viên"
    assert window.sidebar.unit_name.text() == "Chi bộ bản Nà Khum"
    qtbot.keyClicks(register.search, "nguyen thi huong")
    names = [register.model.index(r, 1).data() for r in range(register.model.rowCount())]
    assert names == ["Nguyễn Thị Hường"]
    assert register.count.text() == "1 / 35 đảng viên"
    click_sidebar(qtbot, window, "overview")
    assert window.fills == {"overview": 1, "register": 1}  # nothing changed: shown again without reading
    QThreadPool.globalInstance().waitForDone()


def click_sidebar(qtbot, window, name: str) -> None:
    """Click the sidebar's entry of the page `name`, as a person does."""
    from PySide6.QtCore import Qt

    from chibo.ui.main_window import PAGES

    row = next(i for i, spec in enumerate(PAGES) if spec.name == name)
    rect = window.navigation.visualItemRect(window.navigation.item(row))
    qtbot.mouseClick(window.navigation.viewport(), Qt.LeftButton, pos=rect.center())


def test_smoke_start_prints_time_to_first_paint(demo_template, tmp_path):
    folder = copy_book_files(demo_template, tmp_path / "book")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CHIBO_DATA_DIR": str(folder), "CHIBO_SMOKE_MACHINE": "1"}
    result = subprocess.run([sys.executable, "-m", "chibo", "--smoke"], env=env, capture_output=True, text=True,
                            timeout=120)
    human = subprocess.run([sys.executable, "-m", "chibo", "--smoke"], env={**env, "CHIBO_SMOKE_MACHINE": ""},
                           capture_output=True, text=True, timeout=120)
    assert human.returncode == 0 and [line.split(" sau ")[0] for line in human.stdout.splitlines()] == [
        "chibo: cửa sổ chính hiện", "chibo: dữ liệu của sổ hiện", "chibo: sổ mở xong"]  # for a person: no machine lines
    assert result.returncode == 0, result.stderr
    marks = [line for line in result.stdout.splitlines() if line.startswith("chibo: ")]
    # The window's first paint, the board painted with the book's data, the book open: in that order,
    # each counted from the process's start.
    assert [m.split(" sau ")[0] for m in marks] == ["chibo: cửa sổ chính hiện", "chibo: dữ liệu của sổ hiện",
                                                      "chibo: sổ mở xong"]
    assert all(m.endswith("giây (tính từ lúc tiến trình khởi động)") for m in marks)
    seconds = [float(m.split(" sau ")[1].split()[0].replace(",", ".")) for m in marks]  # "0,25"
    assert 0 < seconds[0] <= seconds[1] <= seconds[2]
    # The board was painted before SQLAlchemy, SQLModel or pydantic was imported; the opening imports them.
    imported = dict(line.split() for line in result.stdout.splitlines() if "-imported " in line)
    assert imported == {"first-paint-imported": "-", "data-imported": "-",
                        "book-open-imported": "sqlalchemy,sqlmodel,pydantic"}
    epochs = {line.split()[0]: float(line.split()[1]) for line in result.stdout.splitlines() if "-epoch " in line}
    assert epochs["first-paint-epoch"] <= epochs["data-epoch"] <= epochs["book-open-epoch"]


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
