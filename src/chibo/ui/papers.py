"""Xem trước / In / Lưu PDF for the record selected on a page: the paper is built on the write
worker (printing may give it its number), then previewed, printed or saved on the GUI thread."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from chibo.ui.i18n import tr
from chibo.ui.operations import message_of, run_write
from chibo.ui.pdf_view import PREVIEW_WIDTH, PdfPreviewDialog, print_pdf, render_pages, save_pdf_as


class PaperBar(QWidget):
    """A row of buttons under a list; `selected` returns the id of the chosen record or None."""

    paper_built = Signal(object)  # the PrintedPaper, for tests and for pages that refresh

    def __init__(self, book, papers: list[tuple[str, str]], selected: Callable[[], str | None],
                 nothing_selected: str):
        super().__init__()
        self.book, self.selected, self.nothing_selected = book, selected, nothing_selected
        self.kind = QComboBox()
        for kind, label in papers:
            self.kind.addItem(label, kind)
        self.kind.setVisible(len(papers) > 1)
        self.number = QLineEdit()
        self.number.setPlaceholderText(tr("numbered automatically"))
        self.number.setToolTip(tr("The number-symbol printed on the paper, for example 05-BB/CB. A number once "
                                  "printed is kept for the next print."))
        self.number.setFixedWidth(150)
        number_label = QLabel(tr("Number-symbol:"))
        number_label.setBuddy(self.number)
        self.kind.currentIndexChanged.connect(
            lambda: self.number.setEnabled(self.kind.currentData() != "attendance"))
        self.preview_button = QPushButton(tr("Preview"))
        self.print_button = QPushButton(tr("Print…"))
        self.save_button = QPushButton(tr("Save PDF…"))
        self.preview_button.clicked.connect(lambda: self.make("preview"))
        self.print_button.clicked.connect(lambda: self.make("print"))
        self.save_button.clicked.connect(lambda: self.make("save"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(number_label)
        layout.addWidget(self.number)
        for button in (self.preview_button, self.print_button, self.save_button):
            layout.addWidget(button)
        layout.addStretch(1)
        self.last_dialog: PdfPreviewDialog | None = None

    def _busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(not busy)
        if busy:
            QApplication.setOverrideCursor(Qt.WaitCursor)
        else:
            QApplication.restoreOverrideCursor()

    def make(self, action: str) -> None:
        record_id = self.selected()
        if not record_id:
            QMessageBox.information(self, "chibo", self.nothing_selected)
            return
        kind, label = self.kind.currentData(), self.kind.currentText()
        number = self.number.text().strip() if self.number.isEnabled() else ""
        book = self.book

        def build():
            from chibo.reports.papers import build_paper

            with book.session() as db:
                paper = build_paper(db, kind, record_id, number=number or None)
            pages = render_pages(paper.pdf, width=PREVIEW_WIDTH) if action == "preview" else []
            return paper, pages

        def done(result):
            self._busy(False)
            paper, pages = result
            self.number.clear()
            self.paper_built.emit(paper)
            if action == "preview":
                self.last_dialog = PdfPreviewDialog(self.window(), label, paper.pdf, paper.file_name, pages)
                self.last_dialog.open()
            elif action == "print":
                print_pdf(self.window(), paper.pdf, label)
            else:
                save_pdf_as(self.window(), paper.pdf, paper.file_name)

        def failed(exc):
            self._busy(False)
            message = message_of(exc, tr("Could not make this paper. The details are in the log; the data was not "
                                         "changed."))
            QMessageBox.warning(self.window(), "chibo", message)

        self._busy(True)
        run_write(build, done, failed)
