"""At a receiving level: the bar over a cell page that says whose book it shows, and lets the
officer choose another cell (by the list, or by typing part of the name or the code; accents and
case aside). Every cell page of the window shares the one choice (`pages.drill_down.CellChoice`)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLabel, QWidget

from chibo.text import fold
from chibo.ui.i18n import tr

FOLDED = Qt.UserRole + 1  # the item's name and code, folded, for the accent-blind completer


class _Folded(QSortFilterProxyModel):
    """Rows whose folded name or code contains what was typed, folded too."""

    def __init__(self):
        super().__init__()
        self.typed = ""

    def set_typed(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 on; invalidateFilter is deprecated there
            self.beginFilterChange()
            self.typed = fold(text).strip()
            self.endFilterChange()
        else:
            self.typed = fold(text).strip()
            self.invalidateFilter()

    def filterAcceptsRow(self, row, parent) -> bool:
        return self.typed in (self.sourceModel().index(row, 0, parent).data(FOLDED) or "")


class CellBar(QWidget):
    """“Chi bộ: [list]  — only viewed here; the cell writes in its own book.”"""

    def __init__(self, choice):  # the window's `pages.drill_down.CellChoice`
        super().__init__()
        self.choice = choice
        self.model = QStandardItemModel()
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.NoInsert)
        self.combo.setModel(self.model)
        self.combo.setMinimumContentsLength(30)
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setToolTip(tr("Type part of the cell’s name or code to find it."))
        self.filter = _Folded()
        self.filter.setSourceModel(self.model)
        completer = QCompleter(self.filter, self.combo)
        completer.setCompletionMode(QCompleter.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.combo.setCompleter(completer)
        self.combo.lineEdit().textEdited.connect(self.filter.set_typed)
        completer.activated[str].connect(self._picked_text)
        self.combo.activated.connect(self._picked_row)
        label = QLabel(tr("Cell:"))
        label.setBuddy(self.combo)
        note = QLabel(tr("Read only here: the cell keeps its own book and sends it in its report bundles."))
        note.setStyleSheet("color: #555")
        note.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(note, 1)
        choice.changed.connect(self._show)
        choice.listed.connect(lambda: self._show(choice.cell))
        self._show(choice.cell)

    def fill(self, cells: list) -> None:
        self.model.clear()
        for cell in cells:
            item = QStandardItem(f"{cell.name} ({cell.code})" if cell.code else cell.name)
            item.setData(fold(f"{cell.name} {cell.code}"), FOLDED)
            item.setData(cell, Qt.UserRole)
            self.model.appendRow(item)

    def _show(self, cell) -> None:
        if [self.model.item(i).data(Qt.UserRole) for i in range(self.model.rowCount())] != self.choice.cells:
            self.fill(self.choice.cells)
        index = next((i for i, c in enumerate(self.choice.cells) if cell and c.unit_id == cell.unit_id), -1)
        self.combo.setCurrentIndex(index)

    def _picked_row(self, row: int) -> None:
        if 0 <= row < len(self.choice.cells):
            self.choice.choose(self.choice.cells[row])

    def _picked_text(self, text: str) -> None:
        match = self.model.findItems(text)
        if match:
            self.choice.choose(match[0].data(Qt.UserRole))
