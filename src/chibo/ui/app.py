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


def run_app(folder: Path, *, smoke: bool = False) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from chibo.errors import ChiboError
    from chibo.store.book import Book
    from chibo.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("chibo")
    _install_translations(app)
    try:
        book = Book.open(folder)
    except ChiboError as exc:
        QMessageBox.critical(None, "chibo", exc.message)
        return 1
    if not book.local_unit_id:
        QMessageBox.information(None, "chibo", "Sổ chưa được khởi tạo. Hãy chạy “chibo init --name …” "
                                "hoặc “chibo demo” để thử, rồi mở lại chibo.")
        book.close()
        return 1
    window = MainWindow(book)
    window.resize(1366, 768)
    window.show()
    QTimer.singleShot(0, window.load)
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
        book.close()
