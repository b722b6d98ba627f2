"""Tình hình báo cáo: for a month chosen in a list, which cells reported on time, late, or not yet,
with each cell's secretary and phone, and the same for each document with a deadline; printing the
list of cells not yet reported; closing the month's figures. Each state is written out in words,
the colour only repeats it. Computed on a worker (`sync.completeness`)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from chibo.text import format_date, format_rate
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import BookOp, Kind, QueryOp, changes
from chibo.ui.pages.record_list import RecordListModel
from chibo.ui.widgets.table import record_table
from chibo.ui.words import TIMELINESS, label
from chibo.vocabulary import Timeliness

COLOURS = {Timeliness.ON_TIME: "#d7efd9", Timeliness.LATE: "#ffe6a8", Timeliness.MISSING: "#f6c9c9",
           Timeliness.NOT_DUE: "#e6e6e6"}
COLUMNS = (QT_TR_NOOP("Cell"), QT_TR_NOOP("Month"), QT_TR_NOOP("Received on"), QT_TR_NOOP("Secretary"),
           QT_TR_NOOP("Phone"))
MONTHS_SHOWN = 36


class StatusModel(RecordListModel):
    """rows: (unit id, cells, states): a state per column (None where the column has none) gives
    the cell's background; the cell's text says the same in words."""

    def __init__(self):
        super().__init__(COLUMNS)

    def set_columns(self, columns: tuple[str, ...]) -> None:
        self.beginResetModel()
        self.columns = columns
        self.endResetModel()

    def data(self, index, role=Qt.DisplayRole):
        if index.isValid() and role == Qt.BackgroundRole:
            state = self.rows[index.row()][2][index.column()]
            return QColor(COLOURS[state]) if state else None
        return super().data(index, role)


def recent_periods(today: date, count: int = MONTHS_SHOWN) -> list[str]:
    """This month and the ones before it, newest first."""
    year, month, found = today.year, today.month, []
    for _ in range(count):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return found


def _state_text(cell) -> str:
    text = label(cell.status, TIMELINESS)
    if cell.received_on and cell.status == Timeliness.LATE:
        text += f" ({format_date(cell.received_on)})"
    if cell.after_close:
        text += tr(", after closing")
    return text


def completeness_rows(report) -> tuple[tuple[str, ...], list]:
    """The table of a CompletenessReport: a row per cell, the month then each document."""
    columns = (*COLUMNS[:1], report.period.title.capitalize(), *COLUMNS[2:],
               *(tr("{document}\ndue {date}").format(document=d.key, date=format_date(d.deadline))
                 for d in report.documents))
    by_document = [{c.unit_id: c for c in d.cells} for d in report.documents]
    rows = []
    for cell in report.period.cells:
        secretary = cell.secretary
        texts = [cell.label, _state_text(cell), format_date(cell.received_on), secretary.full_name if secretary else "",
                 secretary.phone if secretary else ""]
        states = [None, cell.status, None, None, None]
        for document in by_document:
            judged = document.get(cell.unit_id)
            texts.append(_state_text(judged) if judged else tr("not set"))
            states.append(judged.status if judged else None)
        rows.append((cell.unit_id, tuple(texts), states))
    return columns, rows


def summary_text(report) -> str:
    month, counts = report.period, report.period.counts
    text = tr("Report of {month}, due {due} (the month’s last day and {days} days of grace): received {received}, on "
              "time {on_time}, late {late}, not received {missing}.").format(
        month=month.title, due=format_date(month.due), days=report.grace_days,
        received=format_rate(month.received, month.expected),
        on_time=format_rate(counts[Timeliness.ON_TIME], month.expected), late=counts[Timeliness.LATE],
        missing=counts[Timeliness.MISSING] + counts[Timeliness.NOT_DUE])
    if month.closed_on:
        text += " " + tr("Figures closed on {date}: bundles arriving later are still imported and marked late.").format(
            date=format_date(month.closed_on))
    return text


class CompletenessPanel(QWidget):
    def __init__(self, book):
        super().__init__()
        self.book = book
        self.report = None
        self.wanted: str | None = None  # the month last asked for
        self.period = QComboBox()
        self.period.setMinimumContentsLength(14)
        period_label = QLabel(tr("&Month:"))
        period_label.setBuddy(self.period)
        self.period.activated.connect(lambda _index: self.load(self.period.currentData()))
        self.summary = QLabel(tr("Loading…"))
        self.summary.setWordWrap(True)
        self.model = StatusModel()
        self.table = record_table(self.model)
        self.table.setWordWrap(False)
        self.print_button = QPushButton(tr("Print the list of cells not yet reported…"))
        self.close_button = QPushButton(tr("Close this month’s figures…"))
        self.print_button.clicked.connect(self.print_missing)
        self.close_button.clicked.connect(self.close_or_reopen)
        self.hint = QLabel(tr("A month is received when a session of the cell held in it has arrived; a document when "
                              "a session studying it has. Due: the month’s last day (or the document’s deadline) plus "
                              "the grace days set under Settings."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555")
        top = QHBoxLayout()
        top.addWidget(period_label)
        top.addWidget(self.period)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self.last_dialog = None

    def show_report(self, report) -> None:
        self.report = report
        if self.period.count() == 0:
            from chibo.sync.periods import month_words

            for period in recent_periods(report.today):
                self.period.addItem(month_words(period).capitalize(), period)
        self.period.setCurrentIndex(max(self.period.findData(report.period.key), 0))
        columns, rows = completeness_rows(report)
        self.model.set_columns(columns)
        self.model.set_rows(rows)
        # Every column as wide as its words (a cell's name is never cut: "Chi bộ bản N…" could be two
        # cells); a table wider than the page scrolls sideways.
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary.setText(summary_text(report))
        closed = report.period.closed_on is not None
        self.close_button.setText(tr("Reopen this month’s figures…") if closed else tr("Close this month’s figures…"))

    def load(self, period: str) -> None:
        """Read `period` on a worker; only the month asked for last is shown (reads run side by side,
        so the arrow keys pressed fast would otherwise leave an older month on screen)."""
        self.wanted = period

        def read(db):
            from chibo.sync.completeness import completeness

            return completeness(db, period)

        QueryOp(self, self.book, read, lambda report: self.show_report(report) if self.wanted == period else None,
                failure_text=tr("Could not read who has reported. The details are in the log.")).run()

    def print_missing(self) -> None:
        """The list, built on a worker, in the preview (print and save from there)."""
        if self.report is None:
            return
        period = self.report.period.key

        def build(db):
            from chibo.reports.missing_cells import build_missing_list
            from chibo.sync.completeness import completeness
            from chibo.ui.widgets.pdf_view import PREVIEW_WIDTH, render_pages

            pdf = build_missing_list(db, completeness(db, period))
            return pdf, render_pages(pdf, width=PREVIEW_WIDTH)

        def shown(result):
            from chibo.ui.widgets.pdf_view import PdfPreviewDialog

            pdf, pages = result
            self.last_dialog = PdfPreviewDialog(self.window(), tr("List of cells not yet reported"), pdf,
                                                f"chi-bo-chua-bao-cao-{period}.pdf", pages)
            self.last_dialog.open()

        QueryOp(self, self.book, build, shown,
                failure_text=tr("Could not make the list. The details are in the log.")).run()

    def close_or_reopen(self) -> None:
        if self.report is None:
            return
        month = self.report.period
        closing = month.closed_on is None
        question = (tr("Close the figures of {month}? Bundles that bring its figures later are still imported, and "
                       "marked as arrived after the closing.") if closing else
                    tr("Reopen the figures of {month}? Bundles already marked late stay marked.")).format(
            month=month.title)
        answer = QMessageBox.question(self, tr("Close the month’s figures") if closing else tr("Reopen the figures"),
                                      question, QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer != QMessageBox.Yes:
            return

        def work(db):
            from chibo.sync.review import close_period, reopen_period

            (close_period if closing else reopen_period)(db, month.key)

        # The page hears the change and reads itself again, this month included (`load` keeps to it).
        BookOp(self, self.book, work, changes(Kind.EXCHANGE)).success(lambda _r: self.load(month.key)).run()
