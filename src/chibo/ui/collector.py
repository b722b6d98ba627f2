"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate when a threshold is
crossed: often a worker reading the book. A cycle it frees there may hold a Qt object (a widget,
a model, a relay) whose C++ side is then destroyed off the GUI thread, and PySide crashes (seen
once in the test suite: a segmentation fault inside `gc` on a worker in `Roll.load`). So
automatic collection is switched off and the same generational thresholds are checked from a
timer on the GUI thread, as pyqtgraph, Spyder and OpenCue do."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(INTERVAL_MS)

    def hold(self) -> None:
        """No collection until `release`: while the book opens, the app imports SQLAlchemy and builds
        what lives as long as it; a full pass over those objects on the GUI thread froze the window
        60–80 ms on a big book, for nothing to free."""
        self.timer.stop()

    def release(self) -> None:
        """Collections again, from the timer; what exists now is frozen first (`gc.freeze`): it lives
        as long as the app, and the full passes no longer walk it."""
        gc.freeze()
        self.timer.start(INTERVAL_MS)

    def collect(self) -> None:
        """Collect the generations whose counts passed their thresholds, youngest first."""
        young, middle, old = gc.get_count()
        if young > self.threshold[0]:
            gc.collect(0)
            if middle > self.threshold[1]:
                gc.collect(1)
                if old > self.threshold[2]:
                    gc.collect(2)


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector once per application (it lives as the application's child)."""
    existing = app.findChild(GuiThreadCollector)
    return existing if existing is not None else GuiThreadCollector(app)
