"""Tổng quan of a receiving book (a commune party committee): one row per cell, the total under
them (`services.receiving_board`). The rows come first, the study column when its figures are
back; a double click (or Enter, or the button) opens the chosen cell's book, read only, on the
Members page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from chibo.text import format_count, format_date, format_percent
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.widgets.table import ColumnsModel, fit_columns, record_table

COLUMNS = (QT_TR_NOOP("Cell"), QT_TR_NOOP("Last bundle"), QT_TR_NOOP("Received on"), QT_TR_NOOP("Members"),
           QT_TR_NOOP("Must attend"), QT_TR_NOOP("Sessions held"), QT_TR_NOOP("Make-ups"),
           QT_TR_NOOP("Studied / must study"), QT_TR_NOOP("Rate"))
NUMBERS = frozenset(range(3, 9))


def row_cells(row, total: bool = False) -> tuple[str, ...]:
    unit = row.unit
    studied = ("…" if row.studied is None else
               f"{format_count(row.studied)}/{format_count(row.must_study)}")
    rate = "…" if row.studied is None else (format_percent(row.percent) if row.percent is not None else "")
    name = tr("Total") if total else (f"{unit.name} ({unit.code})" if unit.code else unit.name)
    received = format_date(_day(unit.last_bundle_at)) if unit.last_bundle_at else ""
    return (name, "" if total else str(unit.last_seq), received, format_count(row.on_roll),
            format_count(row.required), format_count(row.sessions), format_count(row.makeup_sessions), studied, rate)


def _day(text: str):
    from datetime import date

    return date.fromisoformat(text[:10])


class BoardModel(ColumnsModel):
    """rows: (cell or None for the total, display cells)."""

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        cell, cells = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return cells[index.column()]
        if role == Qt.TextAlignmentRole and index.column() in NUMBERS:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.FontRole and cell is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.UserRole:
            return cell
        return None


class ReceivingOverviewPage(QWidget):
    open_cell = Signal(object)  # the ReceivedUnit whose book the officer asked to see

    def __init__(self):
        super().__init__()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 17pt; font-weight: bold; color: #7a1010")  # as the cell's board
        self.title.setWordWrap(True)
        self.lines = QLabel(tr("Loading the figures…"))
        self.lines.setWordWrap(True)
        self.model = BoardModel(COLUMNS)
        self.table = record_table(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.activated.connect(lambda index: self._open(index.row()))
        self.open_button = QPushButton(tr("Open the selected cell’s book (read only)"))
        self.open_button.clicked.connect(lambda: self._open(self._selected_row()))
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.lines)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        self.board = None

    def show_board(self, board) -> None:
        """The first step: every row, the study column waiting (“…”)."""
        self.board = board
        self.title.setText(tr("The cells reporting here, as of {date}").format(date=format_date(board.as_of)))
        total = board.total
        line = tr("<b>{cells} cells</b> send their report bundles to {unit}: {members} members, {required} who must "
                  "attend; {sessions} sessions held. “Studied / must study” counts every document each cell holds. "
                  "Double-click a cell to see its book (read only).").format(
            cells=format_count(len(board.cells)), unit=board.unit_name, members=format_count(total.on_roll),
            required=format_count(total.required), sessions=format_count(total.sessions))
        if board.waiting:
            line += "<br>" + tr("<b>{count} waiting</b> for their key fingerprint to be compared: see Data "
                                "exchange.").format(count=board.waiting)
        if not board.cells:
            line += "<br>" + tr("No cell approved yet: import the cells’ report bundles on the Data exchange page.")
        self.lines.setText(line)
        self._fill()

    def show_study(self, board) -> None:
        """The second step: the study column filled."""
        self.board = board
        self._fill()

    def _fill(self) -> None:
        board = self.board
        keep = self._selected_row()
        rows = [(row.unit, row_cells(row)) for row in board.cells]
        if board.cells:
            rows.append((None, row_cells(board.total, total=True)))
        self.model.set_rows(rows)
        self._fit_columns()
        if rows:
            self.table.selectRow(keep if 0 <= keep < len(rows) else 0)

    def _fit_columns(self) -> None:
        """The widths of the first rows and of the total (the widest figures), not of every one of
        300 rows (`resizeColumnsToContents` took a quarter of a second for them)."""
        fit_columns(self.table, 0)
        if not self.model.rows:
            return
        header, metrics = self.table.horizontalHeader(), self.table.fontMetrics()
        for column, text in enumerate(self.model.rows[-1][1]):
            if column:
                header.resizeSection(column, max(header.sectionSize(column), metrics.horizontalAdvance(text) + 24))

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else -1

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.model.rows) and self.model.rows[row][0] is not None:
            self.open_cell.emit(self.model.rows[row][0])
