"""Start-up of the desktop app: the window first, the board's data next, the book after.

1. The window is built and painted with Qt alone.
2. The month's board (Tổng quan) is read on a worker through the plain sqlite3 reader
   (`store.reader`) and shown: no SQLAlchemy, SQLModel or pydantic yet.
3. Once the board is on screen, the book is opened on a worker (the instance lock, SQLModel's
   import, the migration check and the daily backup happen there) and handed to the window, whose
   other pages are built and filled when first shown. An older book (to migrate) or a new one
   (the first-run wizard) skips step 2: the board comes after the opening.

A book that cannot be opened (damaged, emptied, gone while backups remain) is not the end: the app
offers to restore a good backup, then opens the restored book.

`--smoke` prints three marks, counted from the process's start (`process_clock`): the window's
first paint, the board painted with the book's data (both after the real paint: an event filter
sees the Paint event, and the mark is taken once that paint is done), and the book open."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from chibo.process_clock import seconds_since_start

SMOKE_MACHINE = "CHIBO_SMOKE_MACHINE"  # "1": --smoke also prints lines for programs (*-epoch, *-imported)


def _seconds(seconds: float) -> str:
    return f"{seconds:.2f}".replace(".", ",")  # Vietnamese writes a decimal comma


SMOKE_MARKS = {  # what `chibo --smoke` prints at each mark
    "first-paint": lambda seconds, since: f"chibo: cửa sổ chính hiện sau {_seconds(seconds)} giây (tính từ {since})",
    "data": lambda seconds, since: f"chibo: dữ liệu của sổ hiện sau {_seconds(seconds)} giây (tính từ {since})",
    "book-open": lambda seconds, since: f"chibo: sổ mở xong sau {_seconds(seconds)} giây (tính từ {since})",
}
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # drawn by scripts/make_icons.py from resources/icons
DESKTOP_ID = "vn.chibo.Chibo"  # resources/linux/vn.chibo.Chibo.desktop: Linux desktops show its icon and name


def app_icon():
    """chibo's icon in every size it ships (title bar, taskbar, Alt+Tab pick the one they need)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    folder = Path(__file__).resolve().parent.parent / "resources" / "icons"
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(folder / f"chibo-{size}.png"), QSize(size, size))
    return icon


def _open_book(folder: Path):
    from chibo.store.book import Book
    from chibo.ui.main_window import warm_up

    book = Book.open(folder)
    warm_up()
    return book


class _Startup:
    """Holds what start-up opened, so the end closes exactly that."""

    def __init__(self, app, window, folder: Path, smoke: bool, collector=None):
        self.app, self.window, self.folder, self.smoke = app, window, folder, smoke
        self.collector = collector  # chibo.ui.collector.GuiThreadCollector
        self.book = None
        self.instance = None
        self.wizard = None  # the first-run wizard while it is on screen
        self.code = 0
        self.restored = None  # what the restore kept of the damaged book, said once the book is open
        self.opening = False
        self.marks: dict[str, float] = {}  # --smoke: what was seen, seconds since the process started

    def opened(self, book) -> None:
        if book.local_unit_id:
            return self.start(book)
        if self.smoke:
            print("chibo: sổ chưa được khởi tạo; hãy chạy “chibo demo” trước khi đo", file=sys.stderr)
            book.close()
            return self.quit(1)
        self.first_run(book)

    def first_run(self, book) -> None:
        """The wizard over the painted window, without a nested event loop; `start` follows Hoàn tất
        with the book it set up (this one, or the demo cell's), and Thoát quits with nothing written."""
        from chibo.ui.dialogs.first_run import FirstRunWizard

        self.wizard = FirstRunWizard(book, parent=self.window)
        self.wizard.finished.connect(lambda result: self._first_run_finished(book, result))
        self.wizard.open()

    def _first_run_finished(self, book, result: int) -> None:
        from PySide6.QtWidgets import QDialog

        wizard, self.wizard = self.wizard, None
        if result != QDialog.Accepted:
            book.close()
            return self.quit(0)
        if wizard.book is not book:
            book.close()
        self.start(wizard.book, wizard.choice)

    def start(self, book, start: str | None = None) -> None:
        """The window's pages on the open book; `start` is the wizard's choice for the members."""
        from chibo.ui.single_instance import InstanceServer

        self.book = book
        self.instance = InstanceServer(self.folder, self.window)  # the folder a second start asks for
        self.window.attach(book)
        if self.smoke:
            self.mark("book-open")
            self.quit_when_done()
        for warning in book.warnings:  # a daily backup that could not be made: said, never blocking
            self.window.statusBar().showMessage(warning)
            if self.smoke:
                print(f"chibo: cảnh báo: {warning}", file=sys.stderr)
        if self.restored is not None:
            from chibo.ui.dialogs.recovery import show_restored

            show_restored(self.window, self.restored[0])
            self.restored = None
        if start == "hand":
            self.window.start_by_hand()
        elif start == "receiving":  # a receiving level's work starts with its cells' bundles
            self.window.show_page(self.window.exchange)

    def refused(self, exc: Exception) -> None:
        from PySide6.QtWidgets import QMessageBox

        from chibo.errors import DamagedBookError
        from chibo.ui.i18n import tr
        from chibo.ui.operations import message_of

        message = message_of(exc, tr("Could not open the book. The details are in the log."))
        if self.smoke:
            print(f"chibo: {message}", file=sys.stderr)
        elif isinstance(exc, DamagedBookError):
            return self.look_for_backups(message)
        else:
            QMessageBox.critical(self.window, "chibo", message)
        self.quit(1)

    def look_for_backups(self, message: str) -> None:
        from chibo import paths
        from chibo.store.backup import checked_backups
        from chibo.ui.operations import run_in_background

        folder = paths.backup_dir(self.folder)
        run_in_background(lambda: checked_backups(folder), lambda choices: self.offer_restore(message, choices),
                          lambda _exc: self.quit(1))

    def offer_restore(self, message: str, choices: list) -> None:
        """Instead of quitting: choose a backup, restore it without opening the book, open it."""
        from chibo.store.backup import restore_into
        from chibo.ui.dialogs.recovery import RecoveryDialog
        from chibo.ui.operations import run_in_background

        dialog = RecoveryDialog(message, choices, self.window)
        self.window.recovery = dialog  # reachable for screenshots
        if dialog.exec() != RecoveryDialog.Accepted or dialog.chosen is None:
            return self.quit(1)
        folder, chosen = self.folder, dialog.chosen

        def restore_and_open():
            return restore_into(folder, chosen), _open_book(folder)

        def restored(result):
            self.restored = (result[0],)
            self.opened(result[1])

        def failed(exc):
            from PySide6.QtWidgets import QMessageBox

            from chibo.errors import DamagedBookError
            from chibo.ui.i18n import tr
            from chibo.ui.operations import message_of

            if isinstance(exc, DamagedBookError):  # restored, and still cannot be opened: choose again
                return self.refused(exc)
            QMessageBox.warning(self.window, "chibo", message_of(exc, tr("Could not restore; the book is as it was. "
                                                                         "The details are in the log.")))
            self.look_for_backups(message)

        run_in_background(restore_and_open, restored, failed)

    def open_book(self) -> None:
        """Step 3 (once): the book through the engine, on a worker."""
        from chibo.ui.operations import run_in_background

        if self.opening:
            return
        self.opening = True
        folder = self.folder
        collector = self.collector
        if collector is not None:
            collector.hold()

        def opened(book):
            if collector is not None:
                collector.release()
            self.opened(book)

        def refused(exc):
            if collector is not None:
                collector.release()
            self.refused(exc)

        run_in_background(lambda: _open_book(folder), opened, refused)

    def board_painted(self) -> None:
        if self.smoke and "data" not in self.marks:
            self.mark("data")
            self.quit_when_done()
        self.open_book()

    def mark(self, key: str) -> None:
        """A --smoke mark (`SMOKE_MARKS`): the seconds since the process started; with
        CHIBO_SMOKE_MACHINE=1 (the benches, the start-up test), also the wall clock and which of
        SQLAlchemy, SQLModel, pydantic were imported by then, as lines a program reads."""
        seconds, since = seconds_since_start()
        self.marks[key] = seconds
        print(SMOKE_MARKS[key](seconds, since), flush=True)
        if os.environ.get(SMOKE_MACHINE) != "1":
            return
        print(f"{key}-epoch {time.time():.4f}", flush=True)
        heavy = [name for name in ("sqlalchemy", "sqlmodel", "pydantic") if name in sys.modules]
        print(f"{key}-imported {','.join(heavy) or '-'}", flush=True)

    def quit_when_done(self) -> None:
        """--smoke ends once the board's data are painted and the book is open."""
        if {"data", "book-open"} <= self.marks.keys():
            self.quit(0)

    def quit(self, code: int) -> None:
        self.code = code
        self.app.exit(code)

    def close(self) -> None:
        from chibo.ui.operations import wait_for_jobs

        wait_for_jobs(60_000)  # no job may outlive the book it reads
        if self.instance is not None:
            self.instance.close()
        if self.book is not None:
            self.book.close()


def run_app(folder: Path, *, smoke: bool = False) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from chibo.ui.collector import collect_on_gui_thread
    from chibo.ui.i18n import install_translations, read_language
    from chibo.ui.main_window import MainWindow
    from chibo.ui.single_instance import hand_off
    from chibo.ui.widgets.paint_watch import PaintWatch
    from chibo.ui.widgets.screen import fit_to_screen

    app = QApplication.instance() or QApplication(sys.argv[:1])
    # Workers compute in Python while the window must answer: the GUI thread gets the GIL back after
    # 1 ms instead of 5 (the longest waits for it fell from 100–260 ms to about 70 ms on a big book).
    sys.setswitchinterval(0.001)
    app.setApplicationName("chibo")
    collector = collect_on_gui_thread(app)  # never in a worker: a cycle holding a Qt object must die here
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_ID)
    if not smoke and hand_off(folder):
        return 0  # the chibo already open on this folder comes to the front
    install_translations(app, read_language(folder))  # before the first widget
    window = MainWindow(folder=folder)  # builds the board and starts reading it (step 2)
    fit_to_screen(window, 1366, 768)
    startup = _Startup(app, window, folder, smoke, collector)
    if smoke:
        first_paint = PaintWatch(window)
        first_paint.painted.connect(lambda: startup.mark("first-paint"))
    overview = window.built("overview")
    overview.data_painted.painted.connect(startup.board_painted)
    # No board before the opening (an older or a new book): open at once. A board that is never
    # painted (a minimised window) does not hold the opening back for more than a second.
    window.filled.connect(lambda name: startup.open_book() if not name else QTimer.singleShot(1000, startup.open_book))
    window.show()
    try:
        code = app.exec()
        return code or startup.code
    finally:
        startup.close()
