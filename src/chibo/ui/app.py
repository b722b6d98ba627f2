"""Start-up of the desktop app: the window first, the data after (CONVENTIONS.md).

The window is painted with Qt alone; the book is opened on a worker (SQLModel's import, the
migration check and the daily backup happen there), then the pages are built and filled. A book
that cannot be opened (damaged, emptied, gone while backups remain) is not the end: the app
offers to restore a good backup, then opens the restored book."""

from __future__ import annotations

import sys
import time
from pathlib import Path

_STARTED = time.perf_counter()
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

    return Book.open(folder)


class _Startup:
    """Holds what start-up opened, so the end closes exactly that."""

    def __init__(self, app, window, folder: Path, smoke: bool):
        self.app, self.window, self.folder, self.smoke = app, window, folder, smoke
        self.book = None
        self.instance = None
        self.wizard = None  # the first-run wizard while it is on screen
        self.code = 0
        self.restored = None  # what the restore kept of the damaged book, said once the book is open

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
            self.window.loaded.connect(self.report_data)
        self.window.load()
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
        from chibo.ui.operations import run_in_background
        from chibo.ui.dialogs.recovery import RecoveryDialog

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

    def report_paint(self) -> None:
        print(f"chibo: cửa sổ chính hiện sau {time.perf_counter() - _STARTED:.2f} giây")
        print(f"first-paint-epoch {time.time():.4f}", flush=True)  # read by bench/startup.py

    def report_data(self) -> None:
        print(f"chibo: dữ liệu của sổ hiện sau {time.perf_counter() - _STARTED:.2f} giây", flush=True)
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

    from chibo.ui.i18n import install_translations, read_language
    from chibo.ui.main_window import MainWindow
    from chibo.ui.operations import run_in_background
    from chibo.ui.widgets.screen import fit_to_screen
    from chibo.ui.single_instance import hand_off

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("chibo")
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_ID)
    if not smoke and hand_off(folder):
        return 0  # the chibo already open on this folder comes to the front
    install_translations(app, read_language(folder))  # before the first widget
    window = MainWindow(folder=folder)
    fit_to_screen(window, 1366, 768)
    window.show()
    startup = _Startup(app, window, folder, smoke)
    if smoke:
        QTimer.singleShot(0, startup.report_paint)  # runs after the first paint of the shown window
    QTimer.singleShot(0, lambda: run_in_background(lambda: _open_book(folder), startup.opened, startup.refused))
    try:
        code = app.exec()
        return code or startup.code
    finally:
        startup.close()
