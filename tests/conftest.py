"""Shared fixtures: one template book built per test run, copied for every test (Anki's
pattern), so each test starts from a known database in milliseconds."""

from __future__ import annotations

import logging
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from chibo.services.demo import build_demo
from chibo.services.units import init_book
from chibo.store.book import Book

DEMO_TODAY = date(2026, 6, 20)  # demo books are built "as of" this day, whatever the clock says


def _template(tmp_path_factory, name: str, build) -> Path:
    folder = tmp_path_factory.mktemp(name)
    with Book.open(folder, lock=False) as book:
        build(book)
        book.engine.dispose()
    return folder / "chibo.sqlite"


def copy_book_files(template: Path, folder: Path) -> Path:
    """A copy of a template's data folder: the book, the originals of the papers it issued, and the
    unit's keys (a unit is born with them; a book copied without them is one whose keys were lost)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(template, folder / "chibo.sqlite")
    for suffix in ("-wal", "-shm"):
        if template.with_name(template.name + suffix).exists():
            shutil.copy(template.with_name(template.name + suffix), folder / f"chibo.sqlite{suffix}")
    for sub in ("issued", "keys"):
        if (template.parent / sub).is_dir():
            shutil.copytree(template.parent / sub, folder / sub)
    return folder


def key_files(folder: Path) -> dict[str, bytes]:
    """The unit's key files in a data folder, by path: a refused command must leave them as they were."""
    keys = Path(folder) / "keys"
    return {str(p.relative_to(keys)): p.read_bytes() for p in sorted(keys.rglob("*")) if p.is_file()}


def _copy_book(template: Path, folder: Path) -> Book:
    return Book.open(copy_book_files(template, folder))


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, in Vietnamese as the app starts by default (tests assert the
    Vietnamese a secretary reads); `qapp.chibo_translators` lets a test switch to English."""
    from chibo.ui.collector import collect_on_gui_thread
    from chibo.ui.i18n import install_translations

    collect_on_gui_thread(qapp)  # as the app does: cycles are collected on the GUI thread only
    qapp.chibo_translators = install_translations(qapp, "vi")
    return qapp


UNANSWERED_SECONDS = 10  # a message box nobody answers for this long would block the suite forever


@pytest.fixture(autouse=True)
def _no_unanswered_message_box():
    """A message box the test did not expect (a failure shown by `QMessageBox.warning`, say) runs a
    modal loop that nothing answers, and the whole suite hangs without a word. Such a box is closed
    after UNANSWERED_SECONDS and the test fails with the box's text. Tests answer the boxes they
    expect with `answer_next_dialog`, which clicks within milliseconds."""
    import sys
    import time

    if "PySide6.QtWidgets" not in sys.modules:
        yield
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance()
    if app is None:
        yield
        return
    stuck: list[str] = []
    first_seen: dict[int, float] = {}

    def watch():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            first_seen.clear()
            return
        since = first_seen.setdefault(id(box), time.monotonic())
        if time.monotonic() - since > UNANSWERED_SECONDS:
            stuck.append(box.text())
            first_seen.clear()
            box.done(QMessageBox.Cancel)  # the harness closes what no person was there to answer

    timer = QTimer()
    timer.timeout.connect(watch)
    timer.start(250)
    yield
    timer.stop()
    if stuck:
        pytest.fail(f"a message box stayed open with nobody to answer it: {stuck}")


@pytest.fixture(autouse=True)
def _collect_between_tests():
    """Once a Qt test has switched automatic collection off (see `qapp`), tests that never spin
    the event loop would never collect: collect after each one, on this (the GUI) thread."""
    yield
    import gc

    if not gc.isenabled():
        from PySide6.QtWidgets import QApplication

        from chibo.ui.collector import GuiThreadCollector

        app = QApplication.instance()
        collector = app.findChild(GuiThreadCollector) if app is not None else None
        if collector is not None:
            collector.collect()


@pytest.fixture(scope="session")
def cell_template(tmp_path_factory) -> Path:
    return _template(tmp_path_factory, "cell", lambda b: init_book(
        b, name="Chi bộ bản Nậm Cáy", superior_name="Đảng bộ xã Nậm Xe", place_name="Nậm Xe"))


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    return _template(tmp_path_factory, "demo", lambda b: build_demo(b, seed=7, today=DEMO_TODAY))


@pytest.fixture
def book(cell_template, tmp_path) -> Book:
    """An initialised, empty cell."""
    b = _copy_book(cell_template, tmp_path / "book")
    yield b
    b.close()


@pytest.fixture
def demo_book(demo_template, tmp_path) -> Book:
    b = _copy_book(demo_template, tmp_path / "demo")
    yield b
    b.close()


@pytest.fixture
def demo_dir(demo_template, tmp_path) -> str:
    """A copy of the demo's data folder, for the command line."""
    return str(copy_book_files(demo_template, tmp_path / "demo"))


@pytest.fixture
def db(book):
    """A database session on the empty cell, committed at the end of the test."""
    with book.session() as session:
        yield session


# Sync: two demo cells, a receiving level and a USB stick.
@pytest.fixture(scope="session")
def second_cell_template(tmp_path_factory):
    return _template(tmp_path_factory, "cell-b", lambda b: build_demo(b, seed=8, today=DEMO_TODAY, name="Chi bộ bản Phìn Hồ"))


@pytest.fixture
def cell_a(demo_template, tmp_path):
    book = _copy_book(demo_template, tmp_path / "a")
    yield book
    book.close()


@pytest.fixture
def cell_b(second_cell_template, tmp_path):
    book = _copy_book(second_cell_template, tmp_path / "b")
    yield book
    book.close()


@pytest.fixture
def receiving(tmp_path):
    book = Book.open(tmp_path / "commune")
    init_book(book, name="Đảng ủy xã Sơn Cao", role="receiving")
    yield book
    book.close()


@pytest.fixture
def stick(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def fingerprint_of(book) -> str:
    """The book's key fingerprint, as its officer reads it out (keys made if there are none yet)."""
    from chibo.services.keys import ensure_keys

    return ensure_keys(book).fingerprint


def link(cell, receiving, stick):
    """The cell imports its superior's plan bundle, its officer approving the superior's key by its
    fingerprint: from then on the cell's report bundles are sealed to that key."""
    from chibo.sync.export import export_plan
    from chibo.sync.importer import import_bundle

    plan = export_plan(receiving, stick)
    report = import_bundle(cell, plan.path, approve={fingerprint_of(receiving)})
    assert report.outcome == "imported", report.reason
    return plan.path


@pytest.fixture
def province(tmp_path):
    """The level above the commune: a receiving unit whose children are communes."""
    book = Book.open(tmp_path / "province")
    init_book(book, name="Tỉnh ủy Lai Châu", role="receiving")
    yield book
    book.close()


def chain(cells, commune, province, stick):
    """Cell → commune → province, as the officers set it up: each cell imports the commune's plan
    and sends its first bundle, approved at the commune by fingerprint; the commune declares the
    province its superior and approves the province's plan by fingerprint."""
    from chibo.services.units import update_unit
    from chibo.sync.export import export_bundle, export_plan
    from chibo.sync.importer import import_bundle

    for cell in cells:
        link(cell, commune, stick)
        report = import_bundle(commune, export_bundle(cell, stick).path, approve={fingerprint_of(cell)})
        assert report.outcome == "imported", report.reason
    with commune.session() as db:
        update_unit(db, superior_name="Đảng bộ tỉnh Lai Châu")
    plan = export_plan(province, stick)
    report = import_bundle(commune, plan.path, approve={fingerprint_of(province)})
    assert report.outcome == "imported", report.reason


# The desktop window.
def open_main_window(qtbot, book, page: int | str = 0):
    """The main window on `book`, shown and turned to `page`, once that page is filled (pages are
    built and read when first shown)."""
    from chibo.ui.main_window import PAGES, MainWindow

    window = MainWindow(book)
    qtbot.addWidget(window)
    window.show()
    name = page if isinstance(page, str) else PAGES[page].name
    show_page(qtbot, window, name)
    return window


def show_page(qtbot, window, name: str):
    """Turn the window to the page `name` as the sidebar does, and wait until it is filled and laid
    out (a click lands where a person sees the button only once the layout is done)."""
    from PySide6.QtWidgets import QApplication

    page = window.page(name)
    if window.current_name() != name:
        window.show_page(name)
    qtbot.waitUntil(lambda: window.fills[name] > 0 and name not in window.stale and name not in window._loading,
                    timeout=10_000)
    for _ in range(3):  # the layout requests and the paint the fill posted
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    return page


@pytest.fixture
def demo_window(qtbot, demo_book):
    """The main window on the demo book; jobs still running are drained after the test."""
    from chibo.ui.operations import wait_for_jobs

    yield open_main_window(qtbot, demo_book)
    wait_for_jobs()


@pytest.fixture(scope="module")
def shared_demo_window(qapp, demo_template, tmp_path_factory):
    """The main window on a demo book of its own, built once per module for the tests that only read
    (see `read_only_window`). When the module is done the book must hold the same rows, row for
    row: a test that wrote to it would have every later test read something else."""
    import time

    from chibo.ui.main_window import PAGES, MainWindow
    from chibo.ui.operations import wait_for_jobs

    book = _copy_book(demo_template, tmp_path_factory.mktemp("shared-window") / "demo")
    before = book_rows(book)
    window = MainWindow(book)
    window.show()
    deadline = time.monotonic() + 20
    for spec in reversed(PAGES):  # every page shown once and filled (pages are read when first shown)
        window.show_page(spec.name)
        while not window.fills[spec.name] or spec.name in window._loading:
            assert time.monotonic() < deadline, "the shared window did not load"
            qapp.processEvents()
            time.sleep(0.005)
    yield window
    wait_for_jobs()
    window.close()
    window.deleteLater()
    qapp.processEvents()
    book.close()
    assert book_rows(book) == before, "a test given the read-only window wrote to its book"


@pytest.fixture
def read_only_window(qtbot, shared_demo_window):
    """The shared demo window for a test that only reads, turned to the overview with nothing typed
    in the register's search; what a test opens or types it puts back itself."""
    from chibo.ui.operations import wait_for_jobs

    window = shared_demo_window
    window.register.search.clear()
    window.navigation.setCurrentRow(0)
    yield window
    wait_for_jobs()


def answer_next_dialog(qtbot, button_text: str, *, seen: list | None = None, before=None, timeout_ms: int = 10_000):
    """As a person would: when the next modal dialog opens, read it (its text, or the dialog itself,
    into `seen`), let `before(dialog)` tick what needs ticking, then click the button labelled
    `button_text`. A dialog without that button fails the test."""
    import time

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

    deadline = time.monotonic() + timeout_ms / 1000

    def attempt():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            assert time.monotonic() < deadline, "no dialog opened"
            QTimer.singleShot(20, attempt)
            return
        if seen is not None:
            seen.append(dialog.text() if isinstance(dialog, QMessageBox) else dialog)
        if before is not None:
            before(dialog)
        buttons = {b.text().replace("&", ""): b for b in dialog.findChildren(QAbstractButton) if b.isVisible()}
        assert button_text in buttons, f"no button “{button_text}” in {sorted(buttons)}"
        qtbot.mouseClick(buttons[button_text], Qt.LeftButton)

    QTimer.singleShot(0, attempt)


def book_rows(database) -> list[str]:
    """Every row of a book (its SQL dump, WAL included), to prove row for row that a refusal changed
    nothing. `database` is a Book or the path of its file."""
    import sqlite3

    path = getattr(database, "database", database)
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def cli(capsys, *argv) -> tuple[int, str, str]:
    """`chibo ARGV…` in this process: exit code, stdout, stderr."""
    from chibo.cli.main import main

    try:
        code = main([str(a) for a in argv])
    except SystemExit as usage:  # argparse ends a usage error so
        code = usage.code
    out, err = capsys.readouterr()
    return code, out, err


# No personal data in the log, on every path the suite runs (issue 14): each test's log records are
# checked against the names and card numbers of the members and presenters its books read or wrote.
class _NamesInTheLog(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.secrets: set[str] = set()
        self.leaks: list[str] = []

    def remember(self, person) -> None:
        name = (getattr(person, "full_name", "") or "").strip()
        if len(name) >= 5 and " " in name:  # a whole name, never a lone word that any sentence may hold
            self.secrets.add(name)
        card = (getattr(person, "card_number", "") or "").strip()
        if len(card) >= 8:
            self.secrets.add(card)

    def emit(self, record) -> None:
        try:
            text = record.getMessage()
            if record.exc_info:
                text += logging.Formatter().formatException(record.exc_info)
        except Exception:  # a record that cannot be formatted holds nothing to read
            return
        found = sorted(secret for secret in self.secrets if secret in text)
        if found:
            self.leaks.append(f"{record.name} {record.levelname}: {found[:3]} in {text[:400]!r}")


_GUARD = _NamesInTheLog()


@pytest.fixture(scope="session", autouse=True)
def _personal_data_never_logged_guard():
    from sqlalchemy import event

    from chibo.store.models import Member, Presenter

    def loaded(target, _context):
        _GUARD.remember(target)

    def written(_mapper, _connection, target):
        _GUARD.remember(target)

    for model in (Member, Presenter):
        event.listen(model, "load", loaded)
        event.listen(model, "before_insert", written)
        event.listen(model, "before_update", written)
    root = logging.getLogger()
    root.addHandler(_GUARD)
    if root.getEffectiveLevel() > logging.INFO:  # the app logs at INFO (cli.logs): the guard sees as much
        root.setLevel(logging.INFO)
    yield
    root.removeHandler(_GUARD)


@pytest.fixture(autouse=True)
def _no_names_in_the_log():
    _GUARD.secrets.clear()
    _GUARD.leaks.clear()
    yield
    leaks, _GUARD.leaks = _GUARD.leaks, []
    if leaks:
        pytest.fail("personal data written to the log:\n" + "\n".join(leaks), pytrace=False)
