"""A read-only list of records (sessions, documents, plans) with a paper bar under it. The rows
are computed on a worker; the model holds ids and display texts only."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from chibo.ui.i18n import tr
from chibo.ui.operations import BookOp, QueryOp, changes
from chibo.ui.widgets.empty_hint import EmptyHint
from chibo.ui.widgets.paper_bar import PaperBar
from chibo.ui.widgets.table import ColumnsModel, fit_columns, record_table


class RecordListModel(ColumnsModel):
    """rows: (record id, cells)."""

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.DisplayRole:
            return self.rows[index.row()][1][index.column()]
        if role == Qt.ToolTipRole:  # a long cell (a reason, a title) is clipped in its column: show it whole
            value = self.rows[index.row()][1][index.column()]
            return value if isinstance(value, str) and len(value) > 40 else None
        if role == Qt.UserRole:
            return self.rows[index.row()][0]
        return None


def open_read(host, read, make_dialog, failure: str) -> None:
    """Read what a dialog shows on a worker (`read(db)`), then show `make_dialog(result)` through
    `host.show_dialog` (a page, or the board: whichever the click came from)."""
    QueryOp(host, host.book, read, lambda result: host.show_dialog(make_dialog(result)), failure_text=failure).run()


class RecordListPage(QWidget):
    """`kinds`: the kinds of records its rows show (it reloads when one changes); `fetch(book)`
    reads its rows on a worker; `removes`: the kind its delete button changes."""

    changed = Signal()  # a record was deleted here (the window hears it from the write itself)
    read_only = False  # a receiving level's drill-down into a cell (`pages.drill_down`)
    bar_position = 1  # where the drill-down's cell bar goes: under the heading

    def __init__(self, book, name: str, title: str, columns: tuple[str, ...], stretch_column: int,
                 papers: list[tuple[str, str]], nothing_selected: str, count_text: str, *, kinds=frozenset(),
                 fetch=None, removes=None):
        super().__init__()
        self.kinds, self.fetch, self.removes = frozenset(kinds), fetch, removes
        self.book, self.nothing_selected = book, nothing_selected
        self.actions = QHBoxLayout()
        self.last_dialog = None
        self.open_editor = None  # set by `add_editor`: callable(record id or None)
        self.name = name
        self.stretch_column, self.count_text = stretch_column, count_text
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 14pt; font-weight: bold")
        self.model = RecordListModel(columns)
        self.table = record_table(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.empty_hint = EmptyHint(self.table)  # its sentence comes with `add_editor`
        self.papers = PaperBar(book, papers, self.selected_id, nothing_selected)
        self.count = QLabel(tr("Loading…"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.papers)

    def add_editor(self, new_text: str, edit_text: str, open_editor, empty_hint: str = "") -> None:
        """Buttons for a new record (Ctrl+N in the window) and for the selected one (also double
        click or Enter); `open_editor(page, record_id or None)` shows the dialog; `empty_hint` is
        what the empty list says to do."""
        self.open_editor = open_editor
        self.empty_hint.setText(empty_hint)
        self.new_button, self.edit_button = QPushButton(new_text), QPushButton(edit_text)
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_record)
        self.table.activated.connect(lambda _index: self.edit_record())
        self.actions.addWidget(self.new_button)
        self.actions.addWidget(self.edit_button)
        self.actions.addStretch(1)

    def editing_widgets(self) -> list:
        """What writes or prints: hidden in a receiving level's drill-down."""
        return [self.actions.itemAt(i).widget() for i in range(self.actions.count())
                if self.actions.itemAt(i).widget() is not None] + [self.papers]

    def new_record(self) -> None:
        if self.open_editor is not None and not self.read_only:
            self.open_editor(self, None)

    def edit_record(self) -> None:
        if self.read_only:
            return
        record_id = self.selected_id()
        if record_id is None:
            QMessageBox.information(self, "chibo", self.nothing_selected)
        elif self.open_editor is not None:
            self.open_editor(self, record_id)

    def add_remover(self, text: str, question, remove) -> None:
        """A button (before the row's closing stretch) that deletes the selected record once the user
        agreed to `question(cells)`; `remove(db, record_id)` is the service's delete (a refusal keeps
        the record)."""
        self.remove_question, self.remove = question, remove
        button = QPushButton(text)
        button.clicked.connect(self.remove_selected)
        self.actions.insertWidget(self.actions.count() - 1, button)

    def removal_question(self, cells: tuple) -> str:
        """The record's question, and what `remove_selected` does to make it undoable."""
        return self.remove_question(cells) + tr(" chibo backs the book up first: it can be got back on the "
                                                "Settings page.")

    def confirm_remove(self, cells: tuple) -> bool:
        """Yes or Cancel in a question box, Cancel by default."""
        return QMessageBox.question(self, tr("Delete"), self.removal_question(cells),
                                    QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel) == QMessageBox.Yes

    def remove_selected(self) -> None:
        """A backup of the book is made just before the delete, so what is deleted can be restored
        from Cài đặt (the daily backup may be hours old)."""
        from chibo.store.backup import make_backup

        if self.read_only:
            return
        record_id = self.selected_id()
        if record_id is None:
            QMessageBox.information(self, "chibo", self.nothing_selected)
            return
        cells = next(c for rid, c in self.model.rows if rid == record_id)
        if not self.confirm_remove(cells):
            return
        book, remove = self.book, self.remove

        def work():
            make_backup(book.database, book.backups)
            with book.session() as db:
                remove(db, record_id)

        BookOp(self, book, work, changes(self.removes), in_session=False,
               failure_text=tr("Could not delete; the book was not changed.")).success(
            lambda _r: self.changed.emit()).run()

    def open_read(self, read, make_dialog, failure: str) -> None:
        open_read(self, read, make_dialog, failure)

    def show_dialog(self, dialog) -> None:
        self.last_dialog = dialog
        dialog.open()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], Qt.UserRole) if rows else None

    def show_data(self, rows) -> None:
        from chibo.ui.pages.drill_down import unwrap

        self.show_rows(unwrap(self, rows) or [])

    def show_rows(self, rows) -> None:
        """Fill the list, keeping the selected record selected across a refresh."""
        keep = self.selected_id()
        self.model.set_rows(rows)
        self.count.setText(self.count_text.format(count=len(rows)))
        fit_columns(self.table, self.stretch_column)
        ids = [record_id for record_id, _ in self.model.rows]
        if ids:
            self.table.selectRow(ids.index(keep) if keep in ids else 0)
