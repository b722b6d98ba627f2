"""Start-up to first paint of `chibo --smoke` on a demo book, against a bare PySide6 QMainWindow
shown the same way, in the same run: from the moment the process is spawned to the first event
after `show()` (both print the clock then). Also the whole process of each (chibo's includes
opening the book and filling every page) and the memory after opening every screen.
Printed, never asserted (shared machines are noisy).

    .venv/bin/python bench/startup.py [RUNS]      (default 5; the median of each is compared)
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

BARE = """
import sys
from PySide6.QtCore import QTimer
import time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1366, 768)
window.show()
QTimer.singleShot(0, lambda: (print(f"first-paint-epoch {time.time():.4f}", flush=True), app.quit()))
app.exec()
"""


def run(command: list[str], env: dict) -> tuple[float, float]:
    """(seconds from spawn to first paint, seconds of the whole process)."""
    spawned, start = time.time(), time.perf_counter()
    result = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    whole = time.perf_counter() - start
    epoch = next(float(line.split()[1]) for line in result.stdout.splitlines() if line.startswith("first-paint-epoch"))
    return epoch - spawned, whole


def memory_after_every_screen(folder: Path) -> float:
    """Opens the window on the demo book in this process, shows every page, returns the peak RSS in MB."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # like the timed runs: no display needed
    from PySide6.QtWidgets import QApplication

    from chibo.store.book import Book
    from chibo.ui.i18n import install_translations
    from chibo.ui.main_window import MainWindow
    from chibo.ui.operations import wait_for_jobs

    app = QApplication.instance() or QApplication([])
    install_translations(app, "vi")
    with Book.open(folder) as book:
        window = MainWindow(book)
        window.resize(1366, 768)
        window.show()
        window.load()
        wait_for_jobs()
        app.processEvents()
        for row in range(window.navigation.count()):
            window.navigation.setCurrentRow(row)
            app.processEvents()
        wait_for_jobs()
        window.close()
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    from chibo.services.demo import build_demo
    from chibo.store.book import Book

    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "book"
        with Book.open(folder) as book:
            build_demo(book, seed=1, today=date.today())
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "CHIBO_DATA_DIR": str(folder)}
        bare, chibo = [], []
        for _ in range(runs):  # interleaved, so a busy moment hits both
            bare.append(run([sys.executable, "-c", BARE], env))
            chibo.append(run([sys.executable, "-m", "chibo", "--smoke"], env))
        b, c = (statistics.median(t[0] for t in bare), statistics.median(t[0] for t in chibo))
        bw, cw = (statistics.median(t[1] for t in bare), statistics.median(t[1] for t in chibo))
        print(f"start-up to first paint, median of {runs}: bare QMainWindow {b * 1000:.0f} ms, "
              f"chibo on the demo book {c * 1000:.0f} ms; ratio {c / b:.2f} (goal at most 1.3)")
        print(f"whole process: bare {bw * 1000:.0f} ms; chibo until every page is filled and it exits "
              f"{cw * 1000:.0f} ms; ratio {cw / bw:.2f}")
        print(f"memory after opening every screen on the demo book: peak RSS {memory_after_every_screen(folder):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
