"""Xem trước / In / Lưu PDF for the record selected on a page, a new paper with a new number, and
the outgoing register.

Printing or saving a numbered paper issues it (number, register, archive), so the printer or the
file is chosen first and a cancelled dialog spends no number; the paper is then built on the
write worker and printed or saved on the GUI thread. A preview never issues anything: a draft
shows on screen the number it would take, and its Print and Save buttons issue it first."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from chibo.text import fold
from chibo.ui.i18n import tr
from chibo.ui.operations import BookOp, Changes, Kind, changes, message_of
from chibo.ui.widgets.pdf_view import (
    PREVIEW_WIDTH,
    PdfPreviewDialog,
    ask_printer,
    ask_save_path,
    paint_pdf,
    render_pages,
)

NUMBERED = ("minutes", "report", "plan", "consolidated")
BUSY_SHOWN_AFTER_MS = 400  # a paper built faster than this shows no bar (it would only flicker)


class PaperBar(QWidget):
    """A row of buttons under a list; `selected` returns the id of the chosen record or None."""

    paper_built = Signal(object)  # the PrintedPaper, for tests and for pages that refresh

    def __init__(self, book, papers: list[tuple[str, str]], selected: Callable[[], str | None],
                 nothing_selected: str, options: Callable[[], dict] | None = None):
        """`options()` adds to what builds the paper (a consolidated report's summed figures)."""
        super().__init__()
        self.book, self.selected, self.nothing_selected = book, selected, nothing_selected
        self.options = options or dict
        self.kind = QComboBox()
        for kind, label in papers:
            self.kind.addItem(label, kind)
        self.kind.setVisible(len(papers) > 1)
        self.number = QLineEdit()
        self.number.setPlaceholderText(tr("numbered automatically"))
        self.number.setToolTip(tr("The number-symbol a paper not yet issued takes, for example 05-BB/CB. Numbers "
                                  "follow the dates of the papers and are given once; a paper issued before is "
                                  "printed again as it was."))
        self.number.setFixedWidth(104)  # "05-BB/CB"; the bar must fit 1093 logical pixels beside the sidebar (125 %)
        number_label = QLabel(tr("Number-symbol:"))
        number_label.setBuddy(self.number)
        self.preview_button = QPushButton(tr("Preview"))
        self.print_button = QPushButton(tr("Print…"))
        self.save_button = QPushButton(tr("Save PDF…"))
        self.new_button = QPushButton(tr("New number…"))
        self.new_button.setToolTip(tr("A paper issued before is never changed: new figures need a new paper with "
                                      "the next number."))
        self.register_button = QPushButton(tr("Outgoing &register…"))
        self.preview_button.clicked.connect(lambda: self.make("preview"))
        self.print_button.clicked.connect(lambda: self.make("print"))
        self.save_button.clicked.connect(lambda: self.make("save"))
        self.new_button.clicked.connect(self.make_new)
        self.register_button.clicked.connect(self.open_register)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(number_label)
        layout.addWidget(self.number)
        for button in (self.preview_button, self.print_button, self.save_button, self.new_button):
            layout.addWidget(button)
        layout.addStretch(1)
        # While a paper is being built (the consolidated report of 300 cells takes seconds), a
        # moving bar stands where the register button was: the bar never grows past the screen.
        self.progress = QWidget()
        self.progress_label = QLabel(tr("Making the paper…"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)  # moving: how long ReportLab takes is not known beforehand
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName(self.progress_label.text())
        self.progress_bar.setToolTip(self.progress_label.text())
        busy_row = QHBoxLayout(self.progress)
        busy_row.setContentsMargins(0, 0, 0, 0)
        busy_row.addWidget(self.progress_label)
        busy_row.addWidget(self.progress_bar)
        self.progress.hide()
        self._progress_timer = QTimer(self, singleShot=True, interval=BUSY_SHOWN_AFTER_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        layout.addWidget(self.progress)
        layout.addWidget(self.register_button)
        self.last_dialog = None
        self.register_dialog = None
        self._kind_changed()

    def _kind_changed(self) -> None:
        numbered = self.kind.currentData() in NUMBERED
        self.number.setEnabled(numbered)
        self.new_button.setEnabled(numbered)

    def _busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.print_button, self.save_button, self.new_button):
            button.setEnabled(not busy)
        if busy:
            QApplication.setOverrideCursor(Qt.WaitCursor)
            self._progress_timer.start()
        else:
            QApplication.restoreOverrideCursor()
            self._progress_timer.stop()
            self.progress.hide()
            self.register_button.show()
            self._kind_changed()

    def _show_progress(self) -> None:
        """The words and the bar in the register button's place and the free room beside it; on a
        narrow window (125 %) the bar alone, its words in its tooltip."""
        room = self.register_button.width() + max(0, self.width() - self.layout().sizeHint().width())
        words = self.progress_label.sizeHint().width() + self.progress.layout().spacing()
        self.progress_label.setVisible(room - words >= 40)
        self.progress_bar.setFixedWidth(min(160, room - words) if room - words >= 40 else min(160, room))
        self.register_button.hide()
        self.progress.show()

    def confirm(self, title: str, question: str) -> bool:
        """Yes or Cancel in a question box (Cancel by default: nothing is issued by one keystroke)."""
        return QMessageBox.question(self.window(), title, question, QMessageBox.Yes | QMessageBox.Cancel,
                                    QMessageBox.Cancel) == QMessageBox.Yes

    def make_new(self) -> None:
        """Issue another paper for the record, with the next number and today's figures."""
        if not self.selected():
            QMessageBox.information(self, "chibo", self.nothing_selected)
            return
        if self.confirm(tr("New paper (new number)"), tr(
                "Make a new “{paper}” with a new number? The paper issued before keeps its number in the outgoing "
                "register and is not changed; the new one takes the next number and shows today’s figures.").format(
                    paper=self.kind.currentText())):
            self.make("issue", new=True)

    def make(self, action: str, *, new: bool = False, rebuild: bool = False, printer=None, path: str | None = None):
        """`action`: preview (nothing is issued), print, save, or issue (then preview the paper issued)."""
        record_id = self.selected()
        if not record_id:
            QMessageBox.information(self, "chibo", self.nothing_selected)
            return
        kind, label = self.kind.currentData(), self.kind.currentText()
        if action == "print" and printer is None:
            printer = ask_printer(self.window(), label)
            if printer is None:
                return
        if action == "save" and path is None:
            path = ask_save_path(self.window(), re.sub(r"[^a-z0-9]+", "-", fold(label)).strip("-") + ".pdf")
            if not path:
                return
        number = self.number.text().strip() if self.number.isEnabled() else ""
        book, options = self.book, self.options()

        def build():
            from chibo.errors import ChiboError
            from chibo.reports import save_pdf
            from chibo.reports.papers import build_paper

            with book.session() as db:
                paper = build_paper(db, book.folder, kind, record_id, issue=action != "preview",
                                    number=number or None, new=new, rebuild=rebuild, **options)
            refusal = None
            if action == "save":  # the paper is issued and archived: a failed copy can be written again
                try:
                    save_pdf(paper.pdf, path)
                except ChiboError as exc:
                    refusal = exc.message
            pages = render_pages(paper.pdf, width=PREVIEW_WIDTH) if action in ("preview", "issue") else []
            return paper, pages, refusal

        def done(result):
            self._busy(False)
            paper, pages, refusal = result
            if action != "preview":  # a typed number is kept for the print or save that follows a preview
                self.number.clear()
            self.paper_built.emit(paper)
            if action in ("preview", "issue"):
                self._show_preview(label, paper, pages)
            elif action == "print":
                paint_pdf(self.window(), printer, paper.pdf)
            elif refusal:
                QMessageBox.warning(self.window(), "chibo", refusal)

        def failed(exc):
            from chibo.services.issuing import EarlierNumberError

            self._busy(False)
            if isinstance(exc, EarlierNumberError) and action in ("print", "save"):
                # The question carries the whole explanation; declined, nothing more is said.
                if self.confirm(tr("Rebuild the paper"), exc.message + "\n\n" + tr(
                        "Rebuild it from the book now, with that number and date, and keep it as the original?")):
                    self.make(action, rebuild=True, printer=printer, path=path)
                return
            message = message_of(exc, tr("Could not make this paper. The details are in the log; the data was not "
                                         "changed."))
            QMessageBox.warning(self.window(), "chibo", message)

        self._busy(True)
        # An issued paper takes a number and may write it on its record (the minutes' number of a session).
        BookOp(self.window(), book, build, Changes() if action == "preview" else changes(Kind.PAPERS),
               in_session=False).success(done).failure(failed).run()

    def _show_preview(self, label: str, paper, pages) -> None:
        from chibo.reports.papers import PaperState

        drafts = paper.state in (PaperState.DRAFT, PaperState.EARLIER)
        self.last_dialog = PdfPreviewDialog(
            self.window(), label, paper.pdf, paper.file_name, pages, note=paper.note,
            on_print=(lambda: self.make("print")) if drafts else None,
            on_save=(lambda: self.make("save")) if drafts else None)
        self.last_dialog.open()

    def open_register(self) -> None:
        """The outgoing register, read on the write worker (it may enter numbers found on records)."""
        from chibo.ui.dialogs.issued_papers import OutgoingRegisterDialog, load_register

        book = self.book

        def shown(lines):
            self.register_dialog = OutgoingRegisterDialog(self.window(), book, lines)
            self.register_dialog.open()

        # On the write worker: reading the register enters numbers found on records written by older versions.
        BookOp(self.window(), book, lambda db: load_register(db, book.folder), changes(Kind.PAPERS),
               failure_text=tr("Could not read the outgoing register.")).success(shown).run()
