"""Duyệt gói: every report bundle received, newest first, with its review (Đã nhận, Cần bổ sung,
Đã duyệt: in words, the colour only repeats it), the months it carried and the warnings of the
checks on import; the officer marks the selected bundle, and a "Cần bổ sung" asks for the note
that goes back to the cell in the next plan bundle."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chibo.text import format_date
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import BookOp, Kind, changes, message_of
from chibo.ui.pages.record_list import RecordListModel
from chibo.ui.widgets.exchange_parts import fill_table
from chibo.ui.widgets.table import record_table
from chibo.ui.words import REVIEW_STATUS, label
from chibo.vocabulary import ReviewStatus

COLUMNS = (QT_TR_NOOP("Received on"), QT_TR_NOOP("Unit"), QT_TR_NOOP("Bundle no."), QT_TR_NOOP("Months carried"),
           QT_TR_NOOP("Review"), QT_TR_NOOP("Warnings"), QT_TR_NOOP("Note to the cell"))
COLOURS = {ReviewStatus.RECEIVED: None, ReviewStatus.NEEDS_MORE: "#ffe6a8", ReviewStatus.APPROVED: "#d7efd9"}
STATUS_COLUMN, WARNINGS_COLUMN = 4, 5
NOTE_LENGTH = 500


class ReviewModel(RecordListModel):
    """rows: (Review, cells)."""

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        review = self.rows[index.row()][0]
        if role == Qt.BackgroundRole:
            if index.column() == STATUS_COLUMN and COLOURS[review.status]:
                return QColor(COLOURS[review.status])
            if index.column() == WARNINGS_COLUMN and (review.warnings or review.after_close):
                return QColor("#f6c9c9")
            return None
        if role == Qt.UserRole:
            return review.id
        return super().data(index, role)


def months_text(periods) -> str:
    """ "4/2026, 5/2026"; a bundle that carries a long run of months (a first bundle, a full one)
    as its first and last month."""
    from chibo.sync.periods import month_number

    if len(periods) <= 3:
        return ", ".join(month_number(p) for p in periods)
    return tr("{first} to {last} ({count} months)").format(first=month_number(periods[0]),
                                                          last=month_number(periods[-1]), count=len(periods))


def review_row(review) -> tuple:
    months = months_text(review.periods)
    warnings = tr("{count} warnings").format(count=len(review.warnings)) if review.warnings else tr("none")
    return review, (format_date(review.received_at), review.sender_name, str(review.seq), months,
                    label(review.status, REVIEW_STATUS), warnings, review.note)


class NoteDialog(QDialog):
    """What the cell must add: one paragraph, at most 500 characters (the count shown as one types)."""

    def __init__(self, parent, unit: str, seq: int, note: str):
        super().__init__(parent)
        self.setWindowTitle(tr("Needs more: {unit}, bundle no. {seq}").format(unit=unit, seq=seq))
        intro = QLabel(tr("What must the cell add or correct? The note goes to the cell in the next plan bundle you "
                          "export, and shows on its overview."))
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(note)
        self.text.setTabChangesFocus(True)
        self.count = QLabel()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._count)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 300)
        self._count()

    def _count(self) -> None:
        length = len(self.text.toPlainText())
        self.count.setText(tr("{count}/{limit} characters").format(count=length, limit=NOTE_LENGTH))
        self.count.setStyleSheet("color: #b00020" if length > NOTE_LENGTH else "")


class ReviewPanel(QWidget):
    def __init__(self, book):
        super().__init__()
        self.book = book
        self.model = ReviewModel(COLUMNS)
        self.table = record_table(self.model)
        self.table.setWordWrap(False)
        self.table.setProperty("stretch", 6)
        self.details = QLabel(tr("Select a bundle to see its warnings."))
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.PlainText)
        self.details.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.details.setMinimumHeight(70)
        self.received_button = QPushButton(tr("Received"))
        self.more_button = QPushButton(tr("Needs more…"))
        self.approved_button = QPushButton(tr("Approved"))
        self.received_button.clicked.connect(lambda: self.mark(ReviewStatus.RECEIVED))
        self.more_button.clicked.connect(self.ask_more)
        self.approved_button.clicked.connect(lambda: self.mark(ReviewStatus.APPROVED))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_details())
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(tr("Mark the selected bundle:")))
        for button in (self.received_button, self.more_button, self.approved_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.note_dialog = None

    def show_reviews(self, reviews) -> None:
        chosen = self.selected()
        fill_table(self.table, self.model, [review_row(r) for r in reviews])
        if chosen is not None:
            for row, (review, _cells) in enumerate(self.model.rows):
                if review.id == chosen.id:
                    self.table.selectRow(row)
        self._show_details()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()][0] if rows else None

    def _show_details(self) -> None:
        review = self.selected()
        for button in (self.received_button, self.more_button, self.approved_button):
            button.setEnabled(review is not None)
        if review is None:
            self.details.setText(tr("Select a bundle to see its warnings."))
            return
        lines = [tr("{unit}, bundle no. {seq}: {status}.").format(unit=review.sender_name, seq=review.seq,
                                                                   status=label(review.status, REVIEW_STATUS))]
        if review.note:
            lines.append(tr("Note to the cell: {note}").format(note=review.note))
        lines += [tr("Warning: {text}").format(text=w) for w in review.warnings]
        if not review.warnings:
            lines.append(tr("The checks on import found nothing to ask about."))
        self.details.setText("\n".join(lines))

    def ask_more(self) -> None:
        review = self.selected()
        if review is None:
            return
        self.note_dialog = NoteDialog(self.window(), review.sender_name, review.seq, review.note)
        self.note_dialog.accepted.connect(lambda: self.mark(ReviewStatus.NEEDS_MORE, self.note_dialog.text.toPlainText()))
        self.note_dialog.open()

    def mark(self, status: ReviewStatus, note: str = "") -> None:
        """On the write worker; the page hears the change (`Kind.EXCHANGE`) and reads itself again."""
        review, book = self.selected(), self.book
        if review is None:
            return

        def work(db):
            from chibo.sync.review import list_reviews, mark_review

            mark_review(db, review.id, status, note)
            db.flush()
            return list_reviews(db, limit=500)

        def refused(exc):
            message = message_of(exc, tr("Could not save the review. The details are in the log."))
            if status == ReviewStatus.NEEDS_MORE and self.note_dialog is not None:
                self.note_dialog.error.setText(message)  # the note stays as typed, to be corrected
                self.note_dialog.open()
                return
            QMessageBox.warning(self, "chibo", message)

        BookOp(self, book, work, changes(Kind.EXCHANGE)).success(self.show_reviews).failure(refused).run()
