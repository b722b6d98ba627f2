"""The moment a widget has really been painted: `PaintWatch` sees the widget's Paint event (an
event filter) and emits `painted` once that paint is done (a zero timer runs after the paint and
its flush to the screen). Used for the honest start-up marks of `--smoke` and bench/startup.py:
the window's first paint, and the board's first paint with the book's data."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal


class PaintWatch(QObject):
    painted = Signal()

    def __init__(self, widget, armed: bool = True):
        super().__init__(widget)
        self.widget, self.armed = widget, armed
        widget.installEventFilter(self)

    def arm(self) -> None:
        """Emit again after the next paint (the board's, once new data are set)."""
        self.armed = True

    def eventFilter(self, watched, event) -> bool:
        if self.armed and watched is self.widget and event.type() == QEvent.Paint:
            self.armed = False
            QTimer.singleShot(0, self.painted.emit)
        return False
