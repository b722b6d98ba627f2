"""Biểu đồ tỷ lệ học tập: for a document chosen in a list, each cell's study rate as a bar, against
the study target; the figures are the summed figures of the same page (one computation)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from chibo.ui.i18n import tr
from chibo.ui.widgets.rate_chart import Bar, RateChart


def document_bars(units, symbol: str) -> list[Bar]:
    """One bar per unit that has the document, lowest rate first (who needs help comes first)."""
    bars = [Bar(unit.label, unit.documents[symbol].studied, unit.documents[symbol].required)
            for unit in units if symbol in unit.documents]
    return sorted(bars, key=lambda b: (b.rate is None, b.rate if b.rate is not None else 0, b.label))


class ChartPanel(QWidget):
    def __init__(self):
        super().__init__()
        self.units, self.target = [], 95.0
        self.document = QComboBox()
        self.document.setMinimumContentsLength(16)
        document_label = QLabel(tr("&Document:"))
        document_label.setBuddy(self.document)
        self.document.currentIndexChanged.connect(lambda _index: self._draw())
        self.chart = RateChart()
        scroll = QScrollArea()
        scroll.setWidget(self.chart)
        scroll.setWidgetResizable(True)
        top = QHBoxLayout()
        top.addWidget(document_label)
        top.addWidget(self.document)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def show_units(self, units, symbols: list[str], target: float) -> None:
        self.units, self.target = units, target
        chosen = self.document.currentData()
        self.document.blockSignals(True)
        self.document.clear()
        for symbol in symbols:
            self.document.addItem(symbol, symbol)
        self.document.setCurrentIndex(max(self.document.findData(chosen), 0))
        self.document.blockSignals(False)
        self._draw()

    def _draw(self) -> None:
        symbol = self.document.currentData()
        bars = document_bars(self.units, symbol) if symbol else []
        title = tr("Study rate of {document} by cell, lowest first").format(document=symbol) if symbol else ""
        self.chart.set_bars(bars, self.target, title)
