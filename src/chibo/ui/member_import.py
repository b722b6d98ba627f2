"""The member list from a spreadsheet: pick the file, see every row checked (errors and
duplicates by row number, in a table) and only then write. Used by the first-run wizard and by
the register's "Nhập từ tệp Excel…"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from chibo.errors import ChiboError
from chibo.text import format_date
from chibo.ui.editor import EditorDialog
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import message_of, run_in_background
from chibo.ui.screen import fit_to_screen
from chibo.ui.table import ColumnsModel, record_table
from chibo.ui.words import MEMBER_STATUS, label

PREVIEW_COLUMNS = (QT_TR_NOOP("Row"), QT_TR_NOOP("Full name"), QT_TR_NOOP("Birth date"), QT_TR_NOOP("Status"),
                   QT_TR_NOOP("Check"))
FILE_FILTER = QT_TR_NOOP("Member lists (*.xlsx *.csv)")
_PROBLEM = QColor("#fde7e9")


def row_outcome(row) -> str:
    if row.errors:
        return "; ".join(row.errors)
    if row.duplicate_of:
        return tr("Same as {row}").format(row=row.duplicate_of)
    return tr("Can be imported")


class ImportPreviewModel(ColumnsModel):
    def __init__(self):
        super().__init__(PREVIEW_COLUMNS)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            birth = row.fields.get("birth_date")
            birth_text = format_date(birth) if birth else str(row.fields.get("birth_year") or "")
            return (str(row.row_number), row.full_name, birth_text, label(row.status, MEMBER_STATUS),
                    row_outcome(row))[index.column()]
        if role == Qt.BackgroundRole and not row.ok:
            return QBrush(_PROBLEM)
        return None


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
                                    "Đảng, Ngày chính thức, Tình trạng, Chức vụ."))
        self.file_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = ImportPreviewModel()
        self.table = record_table(self.model)
        self.table.setWordWrap(True)  # a row's errors are read whole, not cut at the column's edge
        self.table.horizontalHeader().setSectionResizeMode(len(PREVIEW_COLUMNS) - 1, QHeaderView.Stretch)
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

        def read():
            with book.session() as db:
                return read_member_file(db, path)

        run_in_background(read, self._show, self._refused)

    def _show(self, preview) -> None:
        self.choose.setEnabled(True)
        self.preview = preview
        self.file_label.setText(tr("File: {file}").format(file=preview.file_name))
        self.model.set_rows(preview.rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(len(PREVIEW_COLUMNS) - 1, QHeaderView.Stretch)
        self.table.resizeRowsToContents()
        errors, duplicates, good = len(preview.error_rows), len(preview.duplicate_rows), len(preview.good_rows)
        text = tr("{rows} rows: {good} can be imported, {errors} with errors, {duplicates} duplicates.").format(
            rows=len(preview.rows), good=good, errors=errors, duplicates=duplicates)
        if preview.ignored_columns:
            text += tr(" Columns not used: ") + ", ".join(preview.ignored_columns) + "."
        if errors or duplicates:
            text += tr(" Correct the file and choose it again, or tick the box below to skip them.")
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b00020" if errors or duplicates else "")
        self.skip.setChecked(False)
        self.skip.setEnabled(bool(errors or duplicates) and good > 0)
        self.changed.emit()

    def _refused(self, exc: Exception) -> None:
        self.choose.setEnabled(True)
        self.preview = None
        self.model.set_rows([])
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

    def __init__(self, book, parent=None):
        super().__init__(book, tr("Import the member list from a file"), parent)
        self.panel = ImportPreviewPanel(book)
        self.panel.changed.connect(self._update)
        self.body.addWidget(self.panel)
        self.save_button.setText(tr("Import into the book (Ctrl+S)"))
        fit_to_screen(self, 900, 560)
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
