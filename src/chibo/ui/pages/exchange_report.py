"""Báo cáo tổng hợp gửi cấp trên, on the exchange page of a receiving level: the document chosen
(or every document), then Xem trước / In / Lưu PDF / Lập mới as for the cell's own papers (the
paper is numbered when printed or saved, `papers`), and Xuất Excel, the same tables as a workbook."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chibo.ui.i18n import tr
from chibo.ui.operations import QueryOp
from chibo.ui.widgets.paper_bar import PaperBar

ALL = "*"


def _figures():
    from chibo.sync.summary import consolidated

    return {"figures": consolidated}


class ConsolidatedBar(QWidget):
    def __init__(self, book):
        super().__init__()
        self.book = book
        self.document = QComboBox()
        self.document.setMinimumContentsLength(18)
        document_label = QLabel(tr("Consolidated report for the level above, on:"))
        document_label.setBuddy(self.document)
        self.papers = PaperBar(book, [("consolidated", tr("Consolidated report"))], self.document.currentData,
                               tr("Choose a document first."), options=_figures)
        self.excel_button = QPushButton(tr("Export to Excel…"))
        self.excel_button.setToolTip(tr("The same tables as the report: a sheet per document, one row per cell and "
                                        "the total."))
        self.excel_button.clicked.connect(self.export_excel)
        self.status = QLabel()
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(document_label)
        top.addWidget(self.document)
        top.addWidget(self.excel_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.papers)
        layout.addWidget(self.status)

    def show_documents(self, symbols: list[str]) -> None:
        chosen = self.document.currentData()
        self.document.clear()
        self.document.addItem(tr("every document"), ALL)
        for symbol in symbols:
            self.document.addItem(symbol, symbol)
        self.document.setCurrentIndex(max(self.document.findData(chosen), 0))

    def ask_excel_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.window(), tr("Export to Excel"), suggested,
                                              tr("Excel workbooks (*.xlsx)"))
        if not path:
            return None
        return path if path.lower().endswith(".xlsx") else path + ".xlsx"

    def export_excel(self) -> None:
        symbol = self.document.currentData()
        if symbol is None:
            return
        from chibo.text import fold

        slug = "tat-ca" if symbol == ALL else "-".join(fold(symbol).replace("/", "-").split())
        path = self.ask_excel_path(f"bieu-tong-hop-{slug}.xlsx")
        if not path:
            return
        def work(db):
            from pathlib import Path

            from chibo.errors import ChiboError
            from chibo.reports.consolidated_xlsx import workbook_for
            from chibo.store.files import write_atomically
            from chibo.sync.summary import consolidated

            data, day, number = workbook_for(db, symbol, consolidated)
            try:
                write_atomically(Path(path), data)
            except OSError as error:
                raise ChiboError(tr("Could not write the file {file}. Check that the disk has room and that the file "
                                    "is not open in Excel.").format(file=path), detail=repr(error)) from error
            return day, number

        def done(result):
            from chibo.text import format_date

            day, number = result
            what = (tr("the tables of report {number}").format(number=number) if number
                    else tr("the figures up to {date}").format(date=format_date(day)))
            self.status.setText(tr("Exported {what} to {file}.").format(what=what, file=path))

        # A read of the book (the file written is not the book's): nothing to announce.
        QueryOp(self, self.book, work, done,
                failure_text=tr("Could not export the tables. The details are in the log.")).run()
