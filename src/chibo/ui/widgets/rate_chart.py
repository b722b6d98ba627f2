"""A bar chart of study rates, one bar per cell, drawn with QPainter (no chart library: QtCharts is
deprecated and lives in the 400 MB add-ons wheel). Horizontal bars so that long cell names read
whole; each bar carries its rate and its figures in words, and a bar under the target is hatched
and says "chưa đạt", so nothing is told by colour alone."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from chibo.text import format_count, format_percent, percent_of
from chibo.ui.i18n import tr

REACHED = QColor("#2e7d32")
SHORT = QColor("#e65100")
GRID = QColor("#b0b0b0")
TARGET = QColor("#1a237e")


@dataclass(frozen=True)
class Bar:
    label: str
    studied: int
    required: int

    @property
    def rate(self):
        return percent_of(self.studied, self.required)


class RateChart(QWidget):
    """`set_bars(bars, target)`: the bars in the order given; a cell with no member required has
    no rate and is named without a bar."""

    ROW = 28
    TOP = 30

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.target = 95.0
        self.title = ""
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setMinimumWidth(600)

    def set_bars(self, bars: list[Bar], target: float, title: str = "") -> None:
        self.bars, self.target, self.title = list(bars), float(target), title
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def _height(self) -> int:
        return self.TOP + max(len(self.bars), 1) * self.ROW + 34

    def sizeHint(self) -> QSize:
        return QSize(900, self._height())

    def _label_width(self, metrics: QFontMetrics) -> int:
        widest = max((metrics.horizontalAdvance(bar.label) for bar in self.bars), default=100)
        return min(widest + 12, max(180, self.width() // 3))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = painter.fontMetrics()
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(8, 4, self.width() - 210, self.TOP - 8), Qt.AlignLeft | Qt.AlignVCenter, self.title)
        if not self.bars:
            painter.drawText(QRectF(8, self.TOP, self.width() - 16, self.ROW), Qt.AlignLeft | Qt.AlignVCenter,
                             tr("No cell has figures for this document yet."))
            return
        left = 8 + self._label_width(metrics)
        words = metrics.horizontalAdvance("100,00% (9.999/9.999) — " + tr("below target")) + 12
        width = max(self.width() - left - words, 100)
        bottom = self.TOP + len(self.bars) * self.ROW
        painter.setPen(QPen(GRID, 1))
        for tenth in range(0, 11, 2):  # 0, 20 … 100%
            x = left + width * tenth / 10
            painter.drawLine(int(x), self.TOP, int(x), bottom)
            painter.drawText(QRectF(x - 30, bottom + 2, 60, 18), Qt.AlignHCenter | Qt.AlignTop, f"{tenth * 10}%")
        x = left + width * min(self.target, 100.0) / 100
        painter.setPen(QPen(TARGET, 2, Qt.DashLine))
        painter.drawLine(int(x), self.TOP - 4, int(x), bottom)
        painter.drawLine(self.width() - 190, self.TOP // 2, self.width() - 160, self.TOP // 2)
        painter.drawText(QRectF(self.width() - 154, 4, 150, self.TOP - 8), Qt.AlignLeft | Qt.AlignVCenter,
                         tr("target {rate}").format(rate=format_percent(self.target, 0)))
        for row, bar in enumerate(self.bars):
            top = self.TOP + row * self.ROW
            painter.setPen(self.palette().text().color())
            name = metrics.elidedText(bar.label, Qt.ElideRight, left - 16)
            painter.drawText(QRectF(8, top, left - 14, self.ROW), Qt.AlignRight | Qt.AlignVCenter, name)
            rate = bar.rate
            if rate is None:
                painter.drawText(QRectF(left + 4, top, width, self.ROW), Qt.AlignLeft | Qt.AlignVCenter,
                                 tr("no member required to study it"))
                continue
            reached = rate >= self.target
            length = width * min(float(rate), 100.0) / 100
            box = QRectF(left, top + 5, length, self.ROW - 10)
            painter.fillRect(box, REACHED if reached else SHORT)
            if not reached:  # hatched as well as coloured
                painter.fillRect(box, QBrush(QColor("white"), Qt.BDiagPattern))
            said = f"{format_percent(rate)} ({format_count(bar.studied)}/{format_count(bar.required)})"
            if not reached:
                said += " — " + tr("below target")
            # The words on the page's own background, over the target line where it crosses them.
            place = QRectF(left + length + 6, top + 4, metrics.horizontalAdvance(said) + 6, self.ROW - 8)
            painter.fillRect(place, self.palette().base())
            painter.setPen(self.palette().text().color())
            painter.drawText(place.adjusted(2, -4, 0, 4), Qt.AlignLeft | Qt.AlignVCenter, said)
        painter.end()
