"""Sổ đăng ký văn bản đi: the numbered papers the unit issued this term, each with its archived
original (viewed, printed or saved as it was issued), and the register printed as a paper.

Opened from the paper bar of the Sinh hoạt, Văn bản and Kế hoạch pages; the table takes the
keyboard focus, Enter opens the selected paper's original."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QVBoxLayout

from chibo.text import format_date
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import QueryOp
from chibo.ui.widgets.pdf_view import PREVIEW_WIDTH, PdfPreviewDialog, render_pages
from chibo.ui.widgets.screen import fit_to_screen
from chibo.ui.widgets.table import ColumnsModel, record_table

COLUMNS = (QT_TR_NOOP("Number-symbol"), QT_TR_NOOP("Date"), QT_TR_NOOP("Kind and summary"),
           QT_TR_NOOP("Recipients"), QT_TR_NOOP("Original"))
STATE_TEXTS = {"ok": QT_TR_NOOP("Kept"), "missing": QT_TR_NOOP("File missing"), "altered": QT_TR_NOOP("File altered"),
               "none": QT_TR_NOOP("Numbered before originals were kept")}


@dataclass(frozen=True)
class RegisterLine:
    row_id: str
    number_symbol: str
    cells: tuple[str, ...]
    kept: bool


def load_register(db, folder) -> list[RegisterLine]:
    """The register's lines, read on the write worker (numbers found on records are entered first)."""
    from chibo.services.issuing import archive_state, register_rows

    lines = []
    for row in register_rows(db):
        state = archive_state(folder, row)
        recipients = "; ".join(row.recipients.splitlines())
        lines.append(RegisterLine(row.id, row.number_symbol, (row.number_symbol, format_date(row.issued_on),
                                                              row.summary, recipients, str(state)), state == "ok"))
    return lines


class RegisterModel(ColumnsModel):
    """rows: RegisterLine."""

    def __init__(self):
        super().__init__(COLUMNS)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        line = self.rows[index.row()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            value = line.cells[index.column()]
            return tr(STATE_TEXTS[value]) if index.column() == 4 else value
        if role == Qt.UserRole:
            return line
        return None


class OutgoingRegisterDialog(QDialog):
    def __init__(self, parent, book, lines: list[RegisterLine]):
        super().__init__(parent)
        self.book = book
        self.setWindowTitle(tr("Outgoing register"))
        heading = QLabel(tr("Papers issued with a number in this term. A paper issued is never changed: it is "
                            "printed again from its kept original."))
        heading.setWordWrap(True)
        self.model = RegisterModel()
        self.model.set_rows(lines)
        self.table = record_table(self.model)
        self.table.setWordWrap(False)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.activated.connect(lambda _index: self.view_original())
        self.count = QLabel(tr("{count} papers.").format(count=len(lines)))
        self.view_button = QPushButton(tr("&View the original…"))
        self.print_button = QPushButton(tr("&Print the register…"))
        close_button = QPushButton(tr("Close"))
        self.view_button.clicked.connect(self.view_original)
        self.print_button.clicked.connect(self.print_register)
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        for button in (self.view_button, self.print_button, close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        if lines:
            self.table.selectRow(len(lines) - 1)  # the latest paper
        self.table.setFocus()
        self.last_dialog = None
        fit_to_screen(self, 1100, 560)

    def selected_line(self) -> RegisterLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], Qt.UserRole) if rows else None

    def _preview(self, work, title: str, failure: str) -> None:
        def shown(result):
            pdf, file_name, note = result
            self.last_dialog = PdfPreviewDialog(self, title, pdf, file_name,
                                                render_pages(pdf, width=PREVIEW_WIDTH), note=note)
            self.last_dialog.open()

        QueryOp(self, self.book, work, shown, failure_text=failure, in_session=False).run()

    def view_original(self) -> None:
        """The archived original, checked against its hash: printed and saved as it was issued."""
        line = self.selected_line()
        if line is None:
            QMessageBox.information(self, "chibo", tr("Select a paper in the register."))
            return
        book = self.book

        def work():
            from chibo.services.issuing import read_archived
            from chibo.store.models import IssuedPaper

            with book.session() as db:
                row = db.get(IssuedPaper, line.row_id)
                pdf = read_archived(book.folder, row)
            note = tr("The original of {number}, issued on {date}.").format(number=row.number_symbol,
                                                                           date=format_date(row.issued_on))
            return pdf, f"{line.number_symbol.replace('/', '-').lower()}.pdf", note

        self._preview(work, line.number_symbol, tr("Could not read this paper's original."))

    def print_register(self) -> None:
        book = self.book

        def work():
            from chibo.reports.register import build_register

            with book.session() as db:
                return build_register(db, book.folder), "so-dang-ky-van-ban-di.pdf", ""

        self._preview(work, tr("Outgoing register"), tr("Could not make the register."))
