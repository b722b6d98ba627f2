"""The member register: given-name order, accent-blind search as you type."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from chibo.text import format_date, matches
from chibo.vocabulary import CELL_POSITION_LABELS, MEMBER_STATUS_LABELS, label

COLUMNS = ("STT", "Họ và tên", "Năm sinh", "Dân tộc", "Chức vụ", "Tình trạng", "Từ ngày")


class RegisterModel(QAbstractTableModel):
    def __init__(self):
        super().__init__()
        self._all = []
        self._rows = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._all = rows
        self._rows = rows
        self.endResetModel()

    def filter(self, query: str) -> None:
        self.beginResetModel()
        self._rows = [r for r in self._all if matches(query, r.member.full_name)] if query.strip() else self._all
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if role != Qt.DisplayRole or not index.isValid():
            return None
        row = self._rows[index.row()]
        m = row.member
        return (
            str(index.row() + 1),
            m.full_name,
            str(m.birth_year or ""),
            m.ethnicity,
            label(m.position, CELL_POSITION_LABELS),
            label(row.status, MEMBER_STATUS_LABELS) if row.status else "",
            format_date(row.joined_on),
        )[index.column()]


class RegisterPage(QWidget):
    def __init__(self):
        super().__init__()
        self.search = QLineEdit(placeholderText="Tìm theo tên (gõ không dấu cũng được), Ctrl+F")
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.model = RegisterModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        self.search.textChanged.connect(self._filter)

    def show_members(self, rows) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        self.model.filter(text)
        self.count.setText(f"{self.model.rowCount()} / {len(self.model._all)} đảng viên")
