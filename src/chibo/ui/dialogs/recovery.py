"""When the book cannot be opened (damaged pages, 0 bytes, gone while backups remain): the sentence
that says what happened, the backups with which ones are whole, the newest good one selected, and
a restore from it (or from another file) instead of quitting. The damaged book is kept beside."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QVBoxLayout,
)

from chibo.text import format_date, format_size
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.widgets.table import ColumnsModel, record_table

COLUMNS = (QT_TR_NOOP("Made at"), QT_TR_NOOP("Kind"), QT_TR_NOOP("Size"), QT_TR_NOOP("State"), QT_TR_NOOP("File"))


class _ChoicesModel(ColumnsModel):
    """rows: (BackupFile, good)."""

    def __init__(self):
        super().__init__(COLUMNS)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        backup, good = self.rows[index.row()]
        if role == Qt.ForegroundRole and not good:
            from PySide6.QtGui import QColor

            return QColor("#b00020")
        if role != Qt.DisplayRole:
            return None
        try:
            size = format_size(backup.size)
        except OSError:
            size = ""
        return (f"{format_date(backup.made_at.date())} {backup.made_at:%H:%M}",
                tr("Daily, automatic") if backup.automatic else tr("By hand"), size,
                tr("Whole") if good else tr("Damaged: cannot be restored"), backup.path.name)[index.column()]


class RecoveryDialog(QDialog):
    """`chosen` is the backup (or other file) to restore once the dialog is accepted."""

    def __init__(self, message: str, choices: list, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("The book cannot be opened"))
        self.chosen: Path | None = None
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.model = _ChoicesModel()
        self.model.set_rows(choices)
        self.table = record_table(self.model)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        hint = QLabel(tr("Restoring puts the chosen backup in place of the book; the damaged book is kept beside it, "
                         "not deleted. What was written after the backup was made is not in it."))
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(tr("Restore the selected backup"), QDialogButtonBox.AcceptRole)
        self.other_button = self.buttons.addButton(tr("Restore from another file…"), QDialogButtonBox.ActionRole)
        self.quit_button = self.buttons.addButton(tr("Close chibo"), QDialogButtonBox.RejectRole)
        self.restore_button.clicked.connect(self._restore_selected)
        self.other_button.clicked.connect(self._restore_other)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        good = next((row for row, (_backup, whole) in enumerate(choices) if whole), None)
        if good is not None:
            self.table.selectRow(good)
        self._selection_changed()
        self.resize(900, 460)

    def _selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        selected = self._selected()
        self.restore_button.setEnabled(selected is not None and selected[1])

    def _restore_selected(self) -> None:
        selected = self._selected()
        if selected is not None and selected[1]:
            self.chosen = selected[0].path
            self.accept()

    def _restore_other(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a backup file"), "",
                                              tr("chibo books (*.sqlite);;All files (*)"))
        if path:
            self.chosen = Path(path)
            self.accept()


def show_restored(parent, safety) -> None:
    """Said once the restore is done and the book is open again."""
    kept = tr(" The book as it was before the restore is kept in {file}.").format(file=safety.path.name) if safety else ""
    QMessageBox.information(parent, "chibo", tr("The book was restored from the backup.") + kept)
