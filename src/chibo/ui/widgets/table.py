"""What every table of the app shares: rows under fixed column titles (subclasses say what a
cell shows in `data`), and a view that selects whole rows, one at a time, without row numbers.

Column titles are English source strings (marked with `QT_TR_NOOP`), translated when shown."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from chibo.ui.i18n import tr


class ColumnsModel(QAbstractTableModel):
    def __init__(self, columns: tuple[str, ...], rows: list | None = None):
        super().__init__()
        self.columns = columns
        self.rows = [] if rows is None else rows

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def refresh(self) -> None:
        """After `rows` was changed in place."""
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return tr(self.columns[section])
        return None


def record_table(model, view: QTableView | None = None) -> QTableView:
    view = view or QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QTableView.SelectRows)
    view.setSelectionMode(QTableView.SingleSelection)
    return view


def fit_columns(view: QTableView, stretch_column: int | None = None, sample: int = 60, widest: int = 420) -> None:
    """Size the columns to their title and to the first `sample` rows, the `stretch_column` taking
    the rest. Not `resizeColumnsToContents`: on a hidden view that asks every row for every column
    (300 members froze the window 0.26 s); a sample reads the same widths in a few milliseconds."""
    from PySide6.QtWidgets import QHeaderView

    model, header = view.model(), view.horizontalHeader()
    metrics, title_metrics = view.fontMetrics(), header.fontMetrics()
    rows = min(model.rowCount(), sample)
    for column in range(model.columnCount()):
        if column == stretch_column:
            continue
        width = title_metrics.horizontalAdvance(str(model.headerData(column, Qt.Horizontal) or "")) + 28
        for row in range(rows):
            text = model.data(model.index(row, column), Qt.DisplayRole)
            if text:
                width = max(width, metrics.horizontalAdvance(str(text)) + 20)
        header.setSectionResizeMode(column, QHeaderView.Interactive)
        header.resizeSection(column, min(width, widest))
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.Stretch)
