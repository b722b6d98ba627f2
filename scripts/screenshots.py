"""Render every main screen with demo data at 1366×768 into PNGs (for looking at, not testing).

    .venv/bin/python scripts/screenshots.py [OUT_DIR]

Runs offscreen; under xvfb-run it renders through a real X server instead.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from chibo.services.demo import build_demo  # noqa: E402
from chibo.store.book import Book  # noqa: E402
from chibo.ui.main_window import MainWindow  # noqa: E402
from chibo.ui.operations import wait_for_jobs  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder, Book.open(Path(folder)) as book:
        build_demo(book, seed=1, today=date.today())
        window = MainWindow(book)
        window.resize(1366, 768)
        window.show()
        window.load()
        QThreadPool.globalInstance().waitForDone()
        app.processEvents()
        names = ("tong-quan", "dang-vien", "van-ban", "sinh-hoat", "ke-hoach")
        for row, name in enumerate(names):
            window.navigation.setCurrentRow(row)
            app.processEvents()
            path = out / f"{row + 1:02d}-{name}.png"
            window.grab().save(str(path))
            print(path)
        # The preview of the minutes of the latest session, as the secretary sees it.
        window.navigation.setCurrentRow(names.index("sinh-hoat"))
        bar = window.sessions.papers
        bar.make("preview")
        wait_for_jobs()
        app.processEvents()
        dialog = bar.last_dialog
        dialog.resize(1000, 740)
        app.processEvents()
        path = out / f"{len(names) + 1:02d}-xem-truoc-bien-ban.png"
        dialog.grab().save(str(path))
        print(path)
        dialog.close()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
