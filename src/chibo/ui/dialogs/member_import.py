"""The member list from a spreadsheet: pick the file, see every row checked (errors and
duplicates by row number, in a table), each member with the status it will get and where it was
read (guesses in italics, each status changeable in the table), the rows skipped because they are
not members, and only then write. Used by the first-run wizard and by the register's "Nhập từ tệp
Excel…"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from chibo.errors import ChiboError
from chibo.text import format_date
from chibo.ui.editors.base import EditorDialog
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import Kind, QueryOp, changes, message_of
from chibo.ui.widgets.screen import fit_to_screen
from chibo.ui.widgets.table import ColumnsModel, record_table
from chibo.ui.words import MEMBER_STATUS, label, labels
from chibo.vocabulary import MemberStatus

PREVIEW_COLUMNS = (QT_TR_NOOP("Row"), QT_TR_NOOP("Full name"), QT_TR_NOOP("Birth date"), QT_TR_NOOP("Status"),
                   QT_TR_NOOP("Since"), QT_TR_NOOP("Read from"), QT_TR_NOOP("Check"))
ROW, NAME, BIRTH, STATUS, SINCE, READ_FROM, CHECK = range(len(PREVIEW_COLUMNS))
FILE_FILTER = QT_TR_NOOP("Member lists (*.xlsx *.csv)")
_PROBLEM = QColor("#fde7e9")
_GUESS = QColor("#8a4b00")
_SKIPPED_SHOWN = 8  # notes of skipped rows listed under the table; the rest are counted


def row_outcome(row) -> str:
    if row.errors:
        return "; ".join(row.errors)
    if row.duplicate_of:
        return row.duplicate_of[:1].upper() + row.duplicate_of[1:]
    return tr("Can be imported")


def _history(row) -> list[tuple]:
    from chibo.services.member_notes import status_changes

    return status_changes(row, date.today())


class ImportPreviewModel(ColumnsModel):
    """The members of a preview; the status column is editable (a person's correction of a guess)."""

    status_chosen = Signal()

    def __init__(self):
        super().__init__(PREVIEW_COLUMNS)
        self.preview = None

    def show_preview(self, preview) -> None:
        self.preview = preview
        self.set_rows(preview.rows if preview is not None else [])

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemIsEditable if index.isValid() and index.column() == STATUS else flags

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            if role == Qt.ToolTipRole and column in (STATUS, SINCE):
                return "\n".join(f"{format_date(day)}: {label(status, MEMBER_STATUS)}"
                                 for status, day, _reason in _history(row))
            return self._text(row, column)
        if role == Qt.EditRole and column == STATUS:
            return str(row.status)
        if row.guessed and column == STATUS:
            if role == Qt.ForegroundRole:
                return QBrush(_GUESS)
            if role == Qt.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
        if role == Qt.BackgroundRole and not row.ok:
            return QBrush(_PROBLEM)
        return None

    def _text(self, row, column: int) -> str:
        if column == STATUS:
            status = label(row.status, MEMBER_STATUS)
            return tr("{status} (guessed)").format(status=status) if row.guessed else status
        if column == SINCE:
            return format_date(_history(row)[-1][1]) if row.ok or row.since else ""
        birth = row.fields.get("birth_date")
        return (str(row.row_number), row.full_name, format_date(birth) if birth else str(row.fields.get("birth_year") or ""),
                "", "", row.how_read(), row_outcome(row))[column]

    def setData(self, index, value, role=Qt.EditRole) -> bool:
        if role != Qt.EditRole or not index.isValid() or index.column() != STATUS or not value:
            return False
        row = self.rows[index.row()]
        self.preview.set_status(row, MemberStatus(value))
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(PREVIEW_COLUMNS) - 1))
        self.status_chosen.emit()
        return True


class StatusChoice(QStyledItemDelegate):
    """The status column's editor: the statuses a member can come in with (leaving only for a row
    the sheet says has left, since leaving needs its date and reason from the sheet)."""

    def createEditor(self, parent, option, index):
        row = index.model().rows[index.row()]
        combo = QComboBox(parent)
        leave_out = () if row.left_reason else {MemberStatus.LEFT}
        for status, text in labels(MEMBER_STATUS, leave_out=leave_out).items():
            combo.addItem(text, str(status))
        combo.activated.connect(lambda _index: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor, index) -> None:
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.EditRole)), 0))

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.currentData(), Qt.EditRole)


class ImportPreviewPanel(QWidget):
    """`preview` is None until a file was read; `changed` fires when it (or the choice) changes."""

    changed = Signal()

    def __init__(self, book, parent=None):
        super().__init__(parent)
        self.book = book
        self.preview = None
        self.choose = QPushButton(tr("Choose an Excel or CSV file…"))
        self.choose.clicked.connect(self._pick)
        self.file_label = QLabel(tr("No file chosen. Required column: “Họ và tên”; advised: Ngày sinh, Ngày vào "
                                    "Đảng, Ngày chính thức, Tình trạng, Chức vụ, Ghi chú."))
        self.file_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = ImportPreviewModel()
        self.model.status_chosen.connect(self._status_chosen)
        self.table = record_table(self.model)
        self.table.setWordWrap(True)  # a row's errors are read whole, not cut at the column's edge
        self.table.setItemDelegateForColumn(STATUS, StatusChoice(self.table))
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.SelectedClicked |
                                   QAbstractItemView.EditKeyPressed)  # F2 on a row, as in Excel
        self.table.horizontalHeader().setSectionResizeMode(CHECK, QHeaderView.Stretch)
        self.skipped = QLabel()
        self.skipped.setWordWrap(True)
        self.skipped.hide()
        self.skip = QCheckBox(tr("Skip the rows with errors and the duplicates, import the rest"))
        self.skip.setEnabled(False)
        self.skip.toggled.connect(lambda _on: self.changed.emit())
        top = QHBoxLayout()
        top.addWidget(self.choose)
        top.addWidget(self.file_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skipped)
        layout.addWidget(self.skip)

    def _pick(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose the member list"), str(Path.home()), tr(FILE_FILTER))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Read and check the file on a worker; nothing is written."""
        from chibo.services.member_import import read_member_file

        book = self.book
        self.choose.setEnabled(False)
        self.file_label.setText(tr("Reading {file}…").format(file=path.name))

        QueryOp(self, book, lambda db: read_member_file(db, path), self._show).failure(self._refused).run()

    def _show(self, preview) -> None:
        self.choose.setEnabled(True)
        self.preview = preview
        self.file_label.setText(tr("File: {file}").format(file=preview.file_name))
        self.model.show_preview(preview)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in (READ_FROM, CHECK):  # the two long texts share what is left
            header.setSectionResizeMode(column, QHeaderView.Stretch)
        self.table.resizeRowsToContents()
        notes = preview.skipped_lines()
        shown = notes[:_SKIPPED_SHOWN] + ([tr("… and {count} more").format(count=len(notes) - _SKIPPED_SHOWN)]
                                         if len(notes) > _SKIPPED_SHOWN else [])
        self.skipped.setText(tr("Left out, not members: ") + "; ".join(shown) if notes else "")
        self.skipped.setVisible(bool(notes))
        self._summarise()
        self.skip.setChecked(False)
        self.skip.setEnabled(bool(preview.error_rows or preview.duplicate_rows) and bool(preview.good_rows))
        self.changed.emit()

    def _summarise(self) -> None:
        from chibo.services.member_import import status_summary

        preview = self.preview
        errors, duplicates, good = len(preview.error_rows), len(preview.duplicate_rows), len(preview.good_rows)
        text = tr("{rows} rows: {good} can be imported, {errors} with errors, {duplicates} duplicates.").format(
            rows=len(preview.rows), good=good, errors=errors, duplicates=duplicates)
        if good:
            text += " " + tr("Statuses: {statuses}.").format(statuses=status_summary(preview.good_rows))
        guessed = sum(1 for r in preview.rows if r.guessed)
        if guessed:
            text += " " + tr("{count} statuses are guesses (in italics): check them, and change one with a double "
                             "click.").format(count=guessed)
        if preview.ignored_columns:
            text += tr(" Columns not used: ") + ", ".join(preview.ignored_columns) + "."
        if errors or duplicates:
            text += tr(" Correct the file and choose it again, or tick the box below to skip them.")
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b00020" if errors or duplicates else "")

    def _status_chosen(self) -> None:
        """A status changed by hand may clear a row's problem (a departure without its date)."""
        self._summarise()
        self.skip.setEnabled(bool(self.preview.error_rows or self.preview.duplicate_rows) and
                             bool(self.preview.good_rows))
        self.changed.emit()

    def _refused(self, exc: Exception) -> None:
        self.choose.setEnabled(True)
        self.preview = None
        self.model.show_preview(None)
        self.skipped.hide()
        self.skip.setEnabled(False)
        self.file_label.setText(tr("No file chosen."))
        self.summary.setText(message_of(
            exc, tr("Could not read this file. Open it in Excel, save it as .xlsx and choose it again.")))
        self.summary.setStyleSheet("color: #b00020")
        self.changed.emit()

    def problem(self) -> str | None:
        """Why the list cannot be written as it stands, or None."""
        from chibo.services.member_import import check_importable

        if self.preview is None:
            return tr("Choose the member list file first.")
        try:
            check_importable(self.preview, skip_problem_rows=self.skip.isChecked())
        except ChiboError as exc:
            return exc.message
        return None


class MemberImportDialog(EditorDialog):
    """The register's "Nhập từ tệp Excel…": the same checked preview, then one transaction."""
    changes = changes(Kind.MEMBERS)


    def __init__(self, book, parent=None):
        super().__init__(book, tr("Import the member list from a file"), parent)
        self.panel = ImportPreviewPanel(book)
        self.panel.changed.connect(self._update)
        self.body.addWidget(self.panel)
        self.save_button.setText(tr("Import into the book (Ctrl+S)"))
        fit_to_screen(self, 1100, 640)
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(self.panel.problem() is None)

    def save(self) -> None:
        problem = self.panel.problem()
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            return
        super().save()

    def values(self) -> dict:
        return {"preview": self.panel.preview, "skip": self.panel.skip.isChecked()}

    def write(self, db, values: dict) -> int:
        from chibo.services.member_import import commit_import

        return commit_import(db, values["preview"], skip_problem_rows=values["skip"])
