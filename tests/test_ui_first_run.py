"""The first run, as a new user meets it: chibo started on an empty folder shows the wizard over
its window; each of the four paths (the demo cell, a cell typed by hand, a cell from a spreadsheet,
a receiving level) is driven with the real buttons or keys and ends on the main window open on
the expected book. A bad member file shows its row errors and writes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWizard
from sqlmodel import func, select

from chibo import paths
from chibo.services.members import list_members
from chibo.services.roll import Roll
from chibo.store.book import Book
from chibo.store.models import Member, Unit
from chibo.ui.app import _open_book, _Startup
from chibo.ui.dialogs.first_run import IMPORT, START, UNIT, WELCOME
from chibo.ui.main_window import MainWindow
from chibo.ui.operations import run_in_background, wait_for_jobs
from conftest import show_page

NEXT, BACK, FINISH, QUIT = QWizard.NextButton, QWizard.BackButton, QWizard.FinishButton, QWizard.CancelButton


class _ExitRecorder:
    """Stands for the QApplication whose `exit` start-up calls when chibo quits: the test's
    application must go on running."""

    def __init__(self):
        self.codes = []

    def exit(self, code: int) -> None:
        self.codes.append(code)


@pytest.fixture
def first_start(qtbot, tmp_path):
    """chibo started on an empty data folder, as `run_app` starts it: the window painted first,
    the book opened on a worker, then the wizard (shown without blocking) over the window."""
    folder = tmp_path / "data"
    window = MainWindow(folder=folder)
    qtbot.addWidget(window)
    window.show()
    startup = _Startup(_ExitRecorder(), window, folder, smoke=False)
    run_in_background(lambda: _open_book(folder), startup.opened, startup.refused)
    qtbot.waitUntil(lambda: startup.wizard is not None and startup.wizard.isVisible(), timeout=10_000)
    startup.wizard.activateWindow()
    qtbot.waitUntil(startup.wizard.isActiveWindow, timeout=5_000)  # keys go to the active window
    yield startup
    wait_for_jobs()
    startup.close()


def shown_buttons(wizard) -> set:
    return {b for b in (BACK, NEXT, FINISH) if wizard.button(b).isVisible() and wizard.button(b).isEnabled()}


def click(qtbot, wizard, which) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), f"{button.text()} is not there to click"
    qtbot.mouseClick(button, Qt.LeftButton)


def click_radio(qtbot, radio) -> None:
    """On the round mark, where a person clicks (the middle of a wide radio button is empty space)."""
    qtbot.mouseClick(radio, Qt.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


def choice(group, key: str):
    return next(b for b in group.buttons() if b.property("choice") == key)


def type_text(widget, text: str) -> None:
    """Vietnamese arrives through the input method (Unikey, the system IME): a commit string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press(qtbot, key, modifier=Qt.NoModifier) -> None:
    """A key pressed where the focus is, as on a keyboard."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def opened_book(qtbot, startup) -> Book:
    """After Hoàn tất: the main window's pages are built on the book and filled once."""
    qtbot.waitUntil(lambda: startup.book is not None, timeout=60_000)
    window = startup.window
    qtbot.waitUntil(lambda: window.fills["overview"] > 0 and window.book is not None, timeout=10_000)
    assert window.book is startup.book and window.isVisible()
    return startup.book


def counts(book) -> tuple[int, int]:
    with book.session() as db:
        return (db.exec(select(func.count()).select_from(Unit)).one(),
                db.exec(select(func.count()).select_from(Member)).one())


def write_csv(path, rows):
    path.write_text("Họ và tên,Ngày sinh,Tình trạng\n" + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_demo_with_the_mouse_opens_the_demo_book_and_leaves_the_real_one_empty(qtbot, first_start):
    wizard = first_start.wizard
    assert wizard.currentId() == WELCOME and shown_buttons(wizard) == {NEXT}
    click_radio(qtbot, choice(wizard.welcome.group, "demo"))
    assert shown_buttons(wizard) == {FINISH}  # the cause of the blocker: Tiếp theo > stayed, doing nothing
    click_radio(qtbot, choice(wizard.welcome.group, "real"))
    assert shown_buttons(wizard) == {NEXT}
    click_radio(qtbot, choice(wizard.welcome.group, "demo"))
    click(qtbot, wizard, FINISH)
    book = opened_book(qtbot, first_start)
    assert book.folder == paths.demo_dir(first_start.folder).resolve()
    window = first_start.window
    with book.session() as db:
        on_roll = len(list_members(db, include_left=False))
    assert window.sidebar.unit_name.text() == "Chi bộ bản Nà Khum"
    register = show_page(qtbot, window, "register")
    assert counts(book) == (1, 35) and register.count.text() == f"{on_roll} / 35 đảng viên"
    assert window.place.text() == f"Chi bộ bản Nà Khum (chi bộ mẫu, dữ liệu hư cấu) — sổ lưu ở {book.folder}"
    with Book.open(first_start.folder) as real:  # the demo's book was closed; the real one is free and empty
        assert real.local_unit_id is None and counts(real) == (0, 0)


def test_demo_with_the_keyboard(qtbot, first_start):
    wizard = first_start.wizard
    assert QApplication.focusWidget() is choice(wizard.welcome.group, "real")
    press(qtbot, Qt.Key_Down)
    assert choice(wizard.welcome.group, "demo").isChecked() and shown_buttons(wizard) == {FINISH}
    press(qtbot, Qt.Key_Return)
    book = opened_book(qtbot, first_start)
    assert book.folder.name == "chi-bo-mau" and counts(book) == (1, 35)


def test_cell_by_hand_with_the_keyboard_opens_the_register_with_the_first_member_dialog(qtbot, first_start):
    wizard = first_start.wizard
    press(qtbot, Qt.Key_Return)  # Tiếp theo >
    assert wizard.currentId() == UNIT and QApplication.focusWidget() is wizard.unit.name
    type_text(wizard.unit.name, "Chi bộ bản Nậm Cáy")
    press(qtbot, Qt.Key_Tab)
    type_text(QApplication.focusWidget(), "Đảng bộ xã Sơn Cao")
    press(qtbot, Qt.Key_Tab)
    type_text(QApplication.focusWidget(), "Sơn Cao")
    press(qtbot, Qt.Key_Return)
    assert wizard.currentId() == START and shown_buttons(wizard) == {BACK, NEXT}
    assert QApplication.focusWidget() is choice(wizard.start.group, "file")  # the page's first choice
    press(qtbot, Qt.Key_Down)  # Nhập tay
    assert choice(wizard.start.group, "hand").isChecked() and shown_buttons(wizard) == {BACK, FINISH}
    press(qtbot, Qt.Key_Return)  # Hoàn tất
    book = opened_book(qtbot, first_start)
    assert book.folder == first_start.folder.resolve() and counts(book) == (1, 0)
    with book.session() as db:
        unit = db.exec(select(Unit)).one()
    assert (unit.name, unit.superior_name, unit.place_name, unit.role) == (
        "Chi bộ bản Nậm Cáy", "Đảng bộ xã Sơn Cao", "Sơn Cao", "cell")
    window = first_start.window
    assert window.place.text() == f"Chi bộ bản Nậm Cáy (Đảng bộ xã Sơn Cao) — sổ lưu ở {book.folder}"
    assert window.stack.currentWidget() is window.register
    dialog = window.register.last_dialog
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=5_000)
    assert dialog.windowTitle() == "Thêm đảng viên"
    qtbot.waitUntil(lambda: window.fills["register"] == 1, timeout=10_000)  # filled behind the dialog
    assert window.register.empty_hint.isVisible()
    assert window.register.empty_hint.text() == (
        "Chưa có đảng viên nào. Bấm “Thêm đảng viên” hoặc “Nhập từ tệp Excel…”.")
    assert (book.folder / "keys").is_dir()


def test_cell_by_hand_with_the_mouse(qtbot, first_start):
    wizard = first_start.wizard
    click(qtbot, wizard, NEXT)
    qtbot.mouseClick(wizard.unit.name, Qt.LeftButton)
    type_text(wizard.unit.name, "Chi bộ bản Nậm Cáy")
    qtbot.mouseClick(wizard.unit.superior, Qt.LeftButton)
    type_text(wizard.unit.superior, "Đảng bộ xã Sơn Cao")
    click(qtbot, wizard, NEXT)
    click_radio(qtbot, choice(wizard.start.group, "hand"))
    assert shown_buttons(wizard) == {BACK, FINISH}
    click_radio(qtbot, choice(wizard.start.group, "file"))
    assert shown_buttons(wizard) == {BACK, NEXT}
    click_radio(qtbot, choice(wizard.start.group, "hand"))
    click(qtbot, wizard, FINISH)
    book = opened_book(qtbot, first_start)
    assert book.folder == first_start.folder.resolve() and counts(book) == (1, 0)
    window = first_start.window
    assert window.stack.currentWidget() is window.register
    dialog = window.register.last_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    assert dialog.windowTitle() == "Thêm đảng viên"


def test_receiving_level_with_the_mouse(qtbot, first_start):
    wizard = first_start.wizard
    click(qtbot, wizard, NEXT)
    type_text(wizard.unit.name, "Đảng ủy xã Sơn Cao")
    click_radio(qtbot, wizard.unit.receiving)
    assert shown_buttons(wizard) == {BACK, FINISH}  # a receiving level keeps no member register
    click_radio(qtbot, wizard.unit.cell)
    assert shown_buttons(wizard) == {BACK, NEXT}
    click_radio(qtbot, wizard.unit.receiving)
    click(qtbot, wizard, FINISH)
    book = opened_book(qtbot, first_start)
    with book.session() as db:
        unit = db.exec(select(Unit)).one()
    assert (unit.name, unit.role) == ("Đảng ủy xã Sơn Cao", "receiving")
    window = first_start.window
    qtbot.waitUntil(lambda: window.fills["exchange"] > 0, timeout=10_000)
    assert window.exchange.role == "receiving"
    # A receiving level keeps no member register: it starts where the cells' bundles come in, with no
    # "Thêm đảng viên" dialog opened over the register as after "Nhập tay".
    assert window.stack.currentWidget() is window.exchange and window.built("register") is None
    assert window.exchange.tabs.tabText(window.exchange.tabs.currentIndex()) == "Nhận gói báo cáo"


def test_back_from_the_unit_page_to_the_demo(qtbot, first_start):
    wizard = first_start.wizard
    click(qtbot, wizard, NEXT)
    assert shown_buttons(wizard) == {BACK, NEXT}
    click(qtbot, wizard, BACK)
    assert wizard.currentId() == WELCOME
    click_radio(qtbot, choice(wizard.welcome.group, "demo"))
    click(qtbot, wizard, FINISH)
    assert opened_book(qtbot, first_start).folder.name == "chi-bo-mau"


def test_unit_name_is_required(qtbot, first_start):
    wizard = first_start.wizard
    click(qtbot, wizard, NEXT)
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == UNIT and wizard.unit.error.text() == "Hãy nhập tên đơn vị."


def go_to_import(qtbot, wizard) -> None:
    click(qtbot, wizard, NEXT)
    type_text(wizard.unit.name, "Chi bộ bản Nậm Cáy")
    type_text(wizard.unit.superior, "Đảng bộ xã Sơn Cao")
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == START and choice(wizard.start.group, "file").isChecked()
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == IMPORT and shown_buttons(wizard) == {BACK}  # Hoàn tất greyed until a file


def choose_file(qtbot, monkeypatch, panel, path) -> None:
    """The person clicks “Chọn tệp…” and picks `path` in the system's file dialog."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(panel.choose, Qt.LeftButton)


def test_bad_file_shows_its_row_errors_and_quitting_writes_nothing(qtbot, monkeypatch, first_start, tmp_path):
    wizard = first_start.wizard
    go_to_import(qtbot, wizard)
    path = write_csv(tmp_path / "ds.csv", [("Nguyễn Thị Hường", "12/03/1975", "chính thức"),
                                           ("Lò Văn Páo", "31/02/1980", "chính thức"),
                                           ("Nguyễn Thị Hường", "12/03/1975", "dự bị")])
    panel = wizard.importing.panel
    choose_file(qtbot, monkeypatch, panel, path)
    outcomes = {panel.model.index(r, 0).data(): panel.model.index(r, 6).data() for r in range(panel.model.rowCount())}
    assert outcomes["2"] == "Nhập được"
    assert outcomes["3"] == "Ngày sinh: “31/02/1980” không phải ngày có thật (ngày/tháng/năm)"
    assert outcomes["4"] == "Trùng họ tên và ngày sinh với dòng 2 (Nguyễn Thị Hường)"
    assert panel.summary.text().startswith("3 dòng: nhập được 1, lỗi 1, trùng 1.")
    assert not wizard.button(FINISH).isEnabled()
    click(qtbot, wizard, QUIT)
    qtbot.waitUntil(lambda: first_start.wizard is None, timeout=5_000)
    assert first_start.book is None and first_start.app.codes == [0]  # Thoát: chibo quits
    with Book.open(first_start.folder) as book:
        assert book.local_unit_id is None and counts(book) == (0, 0)


def test_cell_from_a_spreadsheet_with_the_mouse(qtbot, monkeypatch, first_start, tmp_path):
    wizard = first_start.wizard
    go_to_import(qtbot, wizard)
    path = write_csv(tmp_path / "ds.csv", [("Nguyễn Thị Hường", "12/03/1975", "chính thức"),
                                           ("Lò Văn Páo", "31/02/1980", "dự bị"),
                                           ("Vàng A Dơ", "", "miễn sinh hoạt")])
    panel = wizard.importing.panel
    choose_file(qtbot, monkeypatch, panel, path)
    assert not wizard.button(FINISH).isEnabled()
    qtbot.mouseClick(panel.skip, Qt.LeftButton, pos=QPoint(8, panel.skip.height() // 2))  # leave Páo out
    assert panel.skip.isChecked() and shown_buttons(wizard) == {BACK, FINISH}
    click(qtbot, wizard, FINISH)
    book = opened_book(qtbot, first_start)
    assert book.folder == first_start.folder.resolve() and counts(book) == (1, 2)
    register = show_page(qtbot, first_start.window, "register")
    assert register.model.rowCount() == 2
    with book.session() as db:
        roll = Roll.load(db)
        statuses = {m.full_name: str(roll.current(m.id)) for m in db.exec(select(Member))}
    assert statuses == {"Nguyễn Thị Hường": "chinh_thuc", "Vàng A Dơ": "mien_sinh_hoat"}


def test_receiving_level_with_the_keyboard(qtbot, first_start):
    wizard = first_start.wizard
    press(qtbot, Qt.Key_Return)
    type_text(wizard.unit.name, "Đảng ủy xã Sơn Cao")
    while QApplication.focusWidget() is not wizard.unit.cell:  # Tab past the superior and the place
        press(qtbot, Qt.Key_Tab)
    press(qtbot, Qt.Key_Down)
    assert wizard.unit.receiving.isChecked() and shown_buttons(wizard) == {BACK, FINISH}
    press(qtbot, Qt.Key_Return)
    book = opened_book(qtbot, first_start)
    with book.session() as db:
        assert db.exec(select(Unit)).one().role == "receiving"
    window = first_start.window
    assert window.stack.currentWidget() is window.exchange and window.built("register") is None


def test_cell_from_a_spreadsheet_with_the_keyboard(qtbot, monkeypatch, first_start, tmp_path):
    wizard = first_start.wizard
    press(qtbot, Qt.Key_Return)
    type_text(wizard.unit.name, "Chi bộ bản Nậm Cáy")
    press(qtbot, Qt.Key_Return)
    assert wizard.currentId() == START and choice(wizard.start.group, "file").isChecked()
    press(qtbot, Qt.Key_Return)
    assert wizard.currentId() == IMPORT
    panel = wizard.importing.panel
    path = write_csv(tmp_path / "ds.csv", [("Nguyễn Thị Hường", "12/03/1975", "chính thức"),
                                           ("Lò Văn Páo", "05/06/1980", "dự bị")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    while QApplication.focusWidget() is not panel.choose:
        press(qtbot, Qt.Key_Tab)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        press(qtbot, Qt.Key_Space)  # “Chọn tệp Excel hoặc CSV…”
    assert shown_buttons(wizard) == {BACK, FINISH}
    press(qtbot, Qt.Key_Return)  # Hoàn tất is the default button
    book = opened_book(qtbot, first_start)
    assert counts(book) == (1, 2)
