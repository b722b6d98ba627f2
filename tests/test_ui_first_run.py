"""The first-run wizard: a bad member file shows its row errors and writes nothing; a good one
sets up the unit and lands on the register; the demo opens in a book of its own."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from chibo import paths
from chibo.store.book import Book
from chibo.store.models import Member, Unit
from chibo.ui.first_run import DEMO, FILE, FirstRunWizard, IMPORT, START, UNIT
from chibo.ui.operations import wait_for_jobs


@pytest.fixture
def empty_book(tmp_path):
    book = Book.open(tmp_path / "data")
    yield book
    wait_for_jobs()
    book.close()


def counts(book) -> tuple[int, int]:
    with book.session() as db:
        return (db.exec(select(func.count()).select_from(Unit)).one(),
                db.exec(select(func.count()).select_from(Member)).one())


def write_csv(path, rows):
    path.write_text("Họ và tên,Ngày sinh,Tình trạng\n" + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def choose(group, key: str) -> None:
    next(b for b in group.buttons() if b.property("choice") == key).setChecked(True)


def wizard_at_import(qtbot, book) -> FirstRunWizard:
    wizard = FirstRunWizard(book)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == UNIT
    wizard.unit.name.setText("Chi bộ bản Nậm Cáy")
    wizard.unit.superior.setText("Đảng bộ xã Sơn Cao")
    wizard.next()
    assert wizard.currentId() == START
    choose(wizard.start.group, FILE)
    wizard.next()
    assert wizard.currentId() == IMPORT
    return wizard


def load(qtbot, wizard, path) -> None:
    panel = wizard.importing.panel
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.load_file(path)


def test_bad_file_shows_its_row_errors_and_writes_nothing(qtbot, empty_book, tmp_path):
    wizard = wizard_at_import(qtbot, empty_book)
    path = write_csv(tmp_path / "ds.csv", [("Nguyễn Thị Hường", "12/03/1975", "chính thức"),
                                           ("Lò Văn Páo", "31/02/1980", "chính thức"),
                                           ("Nguyễn Thị Hường", "12/03/1975", "dự bị")])
    load(qtbot, wizard, path)
    panel = wizard.importing.panel
    outcomes = {panel.model.index(r, 0).data(): panel.model.index(r, 4).data() for r in range(panel.model.rowCount())}
    assert outcomes["2"] == "Nhập được"
    assert "31/02/1980" in outcomes["3"] and "không phải ngày có thật" in outcomes["3"]
    assert outcomes["4"].startswith("Trùng với")
    assert panel.summary.text().startswith("3 dòng: nhập được 1, lỗi 1, trùng 1.")
    assert not wizard.importing.isComplete()
    assert not wizard.button(FirstRunWizard.FinishButton).isEnabled()
    wizard.reject()
    assert counts(empty_book) == (0, 0) and empty_book.local_unit_id is None


def test_wizard_to_first_screen(qtbot, empty_book, tmp_path):
    from chibo.ui.main_window import MainWindow

    wizard = wizard_at_import(qtbot, empty_book)
    path = write_csv(tmp_path / "ds.csv", [("Nguyễn Thị Hường", "12/03/1975", "chính thức"),
                                           ("Lò Văn Páo", "31/02/1980", "dự bị"),
                                           ("Vàng A Dơ", "", "miễn sinh hoạt")])
    load(qtbot, wizard, path)
    panel = wizard.importing.panel
    panel.skip.setChecked(True)  # leave Páo's impossible birth date out, take the other two
    assert wizard.importing.isComplete()
    with qtbot.waitSignal(wizard.finished, timeout=15_000):
        wizard.accept()
    assert wizard.result() == FirstRunWizard.Accepted and wizard.book is empty_book
    assert counts(empty_book) == (1, 2)
    assert (empty_book.folder / "keys").is_dir()
    window = MainWindow(empty_book)
    qtbot.addWidget(window)
    window.show()
    window.load()
    qtbot.waitUntil(lambda: window.register.model.rowCount() == 2, timeout=10_000)
    window.register.search.setText("nguyen thi huong")
    assert window.register.model.rowCount() == 1
    assert window.register.model.row_at(0).member.full_name == "Nguyễn Thị Hường"


def test_unit_name_is_required(qtbot, empty_book):
    wizard = FirstRunWizard(empty_book)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.next()
    assert wizard.currentId() == UNIT and wizard.unit.error.text() == "Hãy nhập tên đơn vị."


def test_demo_opens_in_its_own_book(qtbot, empty_book):
    wizard = FirstRunWizard(empty_book)
    qtbot.addWidget(wizard)
    wizard.show()
    choose(wizard.welcome.group, DEMO)
    assert wizard.welcome.nextId() == -1
    with qtbot.waitSignal(wizard.finished, timeout=60_000):
        wizard.accept()
    demo = wizard.book
    try:
        assert wizard.choice == DEMO and demo.folder == paths.demo_dir(empty_book.folder)
        assert counts(demo)[1] == 35
        assert empty_book.local_unit_id is None and counts(empty_book) == (0, 0)
    finally:
        demo.close()


def test_register_import_dialog_writes_only_a_clean_file(qtbot, demo_window, tmp_path):
    window = demo_window
    window.navigation.setCurrentRow(1)
    before = counts(window.book)[1]
    window.register.import_members()
    dialog = window.register.last_dialog
    bad = write_csv(tmp_path / "bad.csv", [("Giàng A Chứ", "1/1/1990", "chính thức"), ("Giàng A Chứ 2", "", "")])
    with qtbot.waitSignal(dialog.panel.changed, timeout=10_000):
        dialog.panel.load_file(bad)
    assert not dialog.save_button.isEnabled()
    dialog.save()  # Ctrl+S goes here even with the button greyed
    assert dialog.error.text().startswith("Tệp bad.csv có 1 dòng lỗi và 0 dòng trùng; chưa nhập dòng nào.")
    assert counts(window.book)[1] == before
    good = write_csv(tmp_path / "good.csv", [("Giàng A Chứ", "1/1/1990", "chính thức")])
    with qtbot.waitSignal(dialog.panel.changed, timeout=10_000):
        dialog.panel.load_file(good)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save()
    assert counts(window.book)[1] == before + 1
