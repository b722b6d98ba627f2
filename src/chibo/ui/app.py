"""Start-up of the desktop app: the window first, the data after (CONVENTIONS.md)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

_STARTED = time.perf_counter()


def _install_translations(app) -> None:
    """Vietnamese for Qt's own dialogs (Yes/No, file pickers), whatever the system locale."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale(QLocale.Vietnamese, QLocale.Vietnam))
    translator = QTranslator(app)
    if translator.load("qtbase_vi", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(translator)


def _first_run(book):
    """The wizard; returns the book to open (this one set up, or the demo cell's) and how to start,
    or (None, None) when the user left it, with nothing written."""
    from chibo.ui.first_run import FirstRunWizard

    wizard = FirstRunWizard(book)
    if wizard.exec() != FirstRunWizard.Accepted:
        book.close()
        return None, None
    if wizard.book is not book:
        book.close()
    return wizard.book, wizard.choice


def run_app(folder: Path, *, smoke: bool = False) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from chibo.errors import ChiboError
    from chibo.store.book import Book
    from chibo.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("chibo")
    _install_translations(app)
    from chibo.ui.single_instance import InstanceServer, hand_off

    if not smoke and hand_off(folder):
        return 0  # the chibo already open on this folder comes to the front
    try:
        book = Book.open(folder)
    except ChiboError as exc:
        QMessageBox.critical(None, "chibo", exc.message)
        return 1
    start = None
    if not book.local_unit_id:
        if smoke:
            print("chibo: sổ chưa được khởi tạo; hãy chạy “chibo demo” trước khi đo", file=sys.stderr)
            book.close()
            return 1
        book, start = _first_run(book)
        if book is None:
            return 0
    window = MainWindow(book)
    window.resize(1366, 768)
    window.show()
    instance = InstanceServer(book.folder, window)
    QTimer.singleShot(0, window.load)
    if start == "hand":
        QTimer.singleShot(0, window.start_by_hand)
    if smoke:
        def report():
            print(f"chibo: cửa sổ chính hiện sau {time.perf_counter() - _STARTED:.2f} giây")
            app.quit()

        QTimer.singleShot(0, report)  # runs after the first paint of the shown window
    try:
        return app.exec()
    finally:
        from chibo.ui.operations import wait_for_jobs

        wait_for_jobs(60_000)  # no job may outlive the book it reads
        instance.close()
        book.close()
