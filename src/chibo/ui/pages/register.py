"""The member register: given-name order, accent-blind search as you type, a filter by status,
and the editors (add, edit, change of status or leaving)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chibo.text import format_date, matches
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import Kind, QueryOp
from chibo.ui.widgets.empty_hint import EmptyHint
from chibo.ui.widgets.table import ColumnsModel, fit_columns
from chibo.ui.words import CELL_POSITION, MEMBER_STATUS, label, labels
from chibo.vocabulary import MemberStatus

ON_ROLL = "on_roll"  # every status but "left"

COLUMNS = (QT_TR_NOOP("No."), QT_TR_NOOP("Full name"), QT_TR_NOOP("Born"), QT_TR_NOOP("Ethnicity"),
           QT_TR_NOOP("Position"), QT_TR_NOOP("Status"), QT_TR_NOOP("Since"))


class RegisterModel(ColumnsModel):
    """`rows` are the members shown (after the search and the status filter), `_all` the register."""

    def __init__(self):
        super().__init__(COLUMNS)
        self._all = []

    def set_rows(self, rows) -> None:
        self._all = rows
        super().set_rows(rows)

    def filter(self, query: str, status: str = "") -> None:
        """`status`: "" for all, ON_ROLL for all but those who left, or one status."""
        rows = self._all
        if status == ON_ROLL:
            rows = [r for r in rows if r.status != MemberStatus.LEFT]
        elif status:
            rows = [r for r in rows if r.status == status]
        super().set_rows([r for r in rows if matches(query, r.member.full_name)] if query.strip() else rows)

    def row_at(self, index: int):
        return self.rows[index]

    def data(self, index, role=Qt.DisplayRole):
        if role != Qt.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        m = row.member
        return (
            str(index.row() + 1),
            m.full_name,
            str(m.birth_year or ""),
            m.ethnicity,
            label(m.position, CELL_POSITION),
            label(row.status, MEMBER_STATUS) if row.status else "",
            format_date(row.joined_on),
        )[index.column()]


def _members(db) -> list:
    from chibo.services.members import list_members

    return list_members(db)


class RegisterPage(QWidget):
    kinds = frozenset({Kind.MEMBERS, Kind.EXCHANGE})  # at a receiving level, a bundle brings a cell's members
    read_only = False  # a receiving level's drill-down into a cell (`pages.drill_down`)

    def __init__(self, book):
        from chibo.ui.pages.drill_down import viewed_fetch

        super().__init__()
        self.book = book
        self.fetch = viewed_fetch(self, _members)  # the register's rows, on a worker
        self.search = QLineEdit(placeholderText=tr("Search by name (diacritics optional), Ctrl+F"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(tr("On the cell’s roll"), ON_ROLL)
        for status, text in labels(MEMBER_STATUS).items():
            self.status_filter.addItem(text, str(status))
        self.status_filter.addItem(tr("Everyone, including those who left"), "")
        self.status_filter.currentIndexChanged.connect(lambda: self._filter(self.search.text()))
        self.add_button = QPushButton(tr("Add member (Ctrl+N)"))
        self.edit_button = QPushButton(tr("Edit…"))
        self.status_button = QPushButton(tr("Change status, transfer…"))
        self.import_button = QPushButton(tr("Import from Excel…"))
        self.import_button.clicked.connect(self.import_members)
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_member)
        self.status_button.clicked.connect(self.change_status)
        self.last_dialog = None
        self.count = QLabel()
        self.model = RegisterModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_member())
        self.table.activated.connect(lambda _index: self.edit_member())  # Enter on a row
        self.empty_hint = EmptyHint(self.table)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(QLabel(tr("Status:")))
        top.addWidget(self.status_filter)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.status_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self._filter)

    def show_data(self, rows) -> None:
        from chibo.ui.pages.drill_down import unwrap

        self.show_members(unwrap(self, rows) or [])

    def editing_widgets(self) -> list:
        """What writes: hidden in a receiving level's drill-down."""
        return [self.add_button, self.edit_button, self.status_button, self.import_button]

    def show_members(self, rows) -> None:
        self.model.set_rows(rows)
        self._filter(self.search.text())
        fit_columns(self.table, 1)

    def _filter(self, text: str) -> None:
        self.model.filter(text, self.status_filter.currentData())
        self.count.setText(tr("{shown} / {total} members").format(shown=self.model.rowCount(),
                                                                   total=len(self.model._all)))
        if not self.model._all and self.read_only:
            self.empty_hint.setText(tr("No member in this cell’s book."))
        elif not self.model._all:
            self.empty_hint.setText(tr("No member yet. Press “Add member” or “Import from Excel…”."))
        else:
            self.empty_hint.setText(tr("No member matches the search or the status chosen. Clear the search box, or "
                                       "choose “Everyone, including those who left”."))

    def selected_row(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, "chibo", tr("Select a member in the list first."))
            return None
        return self.model.row_at(rows[0].row())

    def _open(self, dialog) -> None:
        self.last_dialog = dialog
        dialog.open()

    def add_member(self) -> None:
        from chibo.ui.editors.member import MemberEditor

        if not self.read_only:
            self._open(MemberEditor(self.book, parent=self))

    new_record = add_member  # Ctrl+N in the main window

    def import_members(self) -> None:
        from chibo.ui.dialogs.member_import import MemberImportDialog

        if not self.read_only:
            self._open(MemberImportDialog(self.book, parent=self))

    def edit_member(self) -> None:
        from chibo.ui.editors.member import MemberEditor

        row = None if self.read_only else self.selected_row()
        if row is not None:
            self._open(MemberEditor(self.book, row, parent=self))

    def change_status(self) -> None:
        from chibo.services.members import status_history
        from chibo.ui.editors.member import StatusDialog

        row = None if self.read_only else self.selected_row()
        if row is None:
            return
        book = self.book
        QueryOp(self, book, lambda db: status_history(db, row.member.id),
                lambda history: self._open(StatusDialog(book, row, history, parent=self))).run()
