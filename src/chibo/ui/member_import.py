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
from chibo.ui.operations import message_of, run_in_background
from chibo.ui.screen import fit_to_screen
from chibo.ui.table import ColumnsModel, record_table
from chibo.vocabulary import MEMBER_STATUS_LABELS, label

PREVIEW_COLUMNS = ("Dòng", "Họ và tên", "Ngày sinh", "Tình trạng", "Kết quả kiểm tra")
FILE_FILTER = "Danh sách đảng viên (*.xlsx *.csv)"
_PROBLEM = QColor("#fde7e9")


def row_outcome(row) -> str:
    if row.errors:
        return "; ".join(row.errors)
    if row.duplicate_of:
        return f"Trùng với {row.duplicate_of}"
    return "Nhập được"


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
            return (str(row.row_number), row.full_name, birth_text, label(row.status, MEMBER_STATUS_LABELS),
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
        self.choose = QPushButton("Chọn tệp Excel hoặc CSV…")
        self.choose.clicked.connect(self._pick)
        self.file_label = QLabel("Chưa chọn tệp. Cột cần có: “Họ và tên”; nên có Ngày sinh, Ngày vào Đảng, "
                                 "Ngày chính thức, Tình trạng, Chức vụ.")
        self.file_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = ImportPreviewModel()
        self.table = record_table(self.model)
        self.table.setWordWrap(True)  # a row's errors are read whole, not cut at the column's edge
        self.table.horizontalHeader().setSectionResizeMode(len(PREVIEW_COLUMNS) - 1, QHeaderView.Stretch)
        self.skip = QCheckBox("Bỏ qua các dòng lỗi và dòng trùng, nhập các dòng còn lại")
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
        path, _ = QFileDialog.getOpenFileName(self, "Chọn danh sách đảng viên", str(Path.home()), FILE_FILTER)
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Read and check the file on a worker; nothing is written."""
        from chibo.services.member_import import read_member_file

        book = self.book
        self.choose.setEnabled(False)
        self.file_label.setText(f"Đang đọc {path.name}…")

        def read():
            with book.session() as db:
                return read_member_file(db, path)

        run_in_background(read, self._show, self._refused)

    def _show(self, preview) -> None:
        self.choose.setEnabled(True)
        self.preview = preview
        self.file_label.setText(f"Tệp: {preview.file_name}")
        self.model.set_rows(preview.rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(len(PREVIEW_COLUMNS) - 1, QHeaderView.Stretch)
        self.table.resizeRowsToContents()
        errors, duplicates, good = len(preview.error_rows), len(preview.duplicate_rows), len(preview.good_rows)
        text = f"{len(preview.rows)} dòng: nhập được {good}, lỗi {errors}, trùng {duplicates}."
        if preview.ignored_columns:
            text += " Các cột không dùng: " + ", ".join(preview.ignored_columns) + "."
        if errors or duplicates:
            text += " Hãy sửa tệp rồi chọn lại, hoặc đánh dấu ô bỏ qua ở dưới."
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
        self.file_label.setText("Chưa chọn tệp.")
        self.summary.setText(message_of(
            exc, "Không đọc được tệp này. Hãy mở bằng Excel, lưu lại dạng .xlsx rồi chọn lại."))
        self.summary.setStyleSheet("color: #b00020")
        self.changed.emit()

    def problem(self) -> str | None:
        """Why the list cannot be written as it stands, or None."""
        from chibo.services.member_import import check_importable

        if self.preview is None:
            return "Hãy chọn tệp danh sách đảng viên trước."
        try:
            check_importable(self.preview, skip_problem_rows=self.skip.isChecked())
        except ChiboError as exc:
            return exc.message
        return None


class MemberImportDialog(EditorDialog):
    """The register's "Nhập từ tệp Excel…": the same checked preview, then one transaction."""

    def __init__(self, book, parent=None):
        super().__init__(book, "Nhập danh sách đảng viên từ tệp", parent)
        self.panel = ImportPreviewPanel(book)
        self.panel.changed.connect(self._update)
        self.body.addWidget(self.panel)
        self.save_button.setText("Nhập vào sổ (Ctrl+S)")
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
