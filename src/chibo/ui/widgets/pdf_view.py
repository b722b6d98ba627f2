"""The in-app preview of a printed paper, and printing the very same pages.

The pages are rasterised with pdfium (pypdfium2) because the QtPdf binding named in DESIGN.md
(`pyside6-pdf`) is not published for PySide6-Essentials; what is previewed and what is printed
are the same PDF bytes that "Lưu PDF" writes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from chibo.errors import ChiboError
from chibo.ui.i18n import tr
from chibo.ui.widgets.screen import fit_to_screen

PREVIEW_WIDTH = 820  # pixels of an A4 page on screen: readable on a 1366×768 display
PRINT_DPI = 300


def render_pages(pdf: bytes, width: int | None = None, dpi: int | None = None) -> list[QImage]:
    """Each page as a QImage (safe to make on a worker thread), `width` pixels wide or at `dpi`."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            scale = width / page.get_width() if width else (dpi or 96) / 72
            bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format_RGB888)
            images.append(image.copy())  # own the pixels once pdfium's buffer goes
            page.close()
    finally:
        document.close()
    return images


def ask_printer(parent: QWidget, title: str):
    """The system's print dialog for an A4 paper; the printer chosen, or None when cancelled."""
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF carries the Party margins itself
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(tr("Print papers"))
    return printer if dialog.exec() == QDialog.Accepted else None


def paint_pdf(parent: QWidget, printer, pdf: bytes) -> bool:
    """The paper's pages at 300 dpi, each filling its sheet (a landscape page turns the sheet)."""
    from PySide6.QtGui import QPageLayout

    painter = QPainter()
    pages = render_pages(pdf, dpi=PRINT_DPI)
    if pages and pages[0].width() > pages[0].height():
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    if not painter.begin(printer):
        QMessageBox.warning(parent, "chibo", tr("Could not open the printer. Check that the printer is switched on "
                                                "and installed."))
        return False
    try:
        target = printer.pageLayout().fullRectPixels(printer.resolution())
        for number, image in enumerate(pages):
            if number:
                printer.newPage()
            painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
    finally:
        painter.end()
    return True


def print_pdf(parent: QWidget, pdf: bytes, title: str) -> bool:
    printer = ask_printer(parent, title)
    return printer is not None and paint_pdf(parent, printer, pdf)


def ask_save_path(parent: QWidget, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, tr("Save PDF"), suggested, tr("PDF files (*.pdf)"))
    if not path:
        return None
    return path if path.lower().endswith(".pdf") else path + ".pdf"


def save_pdf_as(parent: QWidget, pdf: bytes, suggested: str) -> str | None:
    from chibo.reports import save_pdf

    path = ask_save_path(parent, suggested)
    if not path:
        return None
    try:
        return str(save_pdf(pdf, path))
    except ChiboError as exc:
        QMessageBox.warning(parent, "chibo", exc.message)
        return None


class PdfPreviewDialog(QDialog):
    """Pages one under the other, as on the desk; In… (Ctrl+P), Lưu PDF… (Ctrl+S), Đóng (Esc)."""

    def __init__(self, parent: QWidget | None, title: str, pdf: bytes, file_name: str, pages: list[QImage], *,
                 note: str = "", on_print: Callable[[], None] | None = None,
                 on_save: Callable[[], None] | None = None):
        """`note` is shown above the pages (a draft's number to come, an original's date); `on_print`
        and `on_save` replace printing and saving these very bytes (a draft is issued first)."""
        super().__init__(parent)
        self.setWindowTitle(tr("Preview: {title}").format(title=title))
        self.pdf, self.file_name, self.title = pdf, file_name, title
        self.on_print, self.on_save = on_print, on_save
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        self.note.setStyleSheet("padding: 4px; background: #fff4e5")
        column = QWidget()
        column.setStyleSheet("background: #7a7a7a")
        pages_layout = QVBoxLayout(column)
        pages_layout.setSpacing(12)
        for image in pages:
            from PySide6.QtGui import QPixmap

            page = QLabel()
            page.setPixmap(QPixmap.fromImage(image))
            page.setAlignment(Qt.AlignHCenter)
            pages_layout.addWidget(page)
        self.scroll = QScrollArea()
        self.scroll.setWidget(column)
        self.scroll.setWidgetResizable(True)
        self.count = QLabel(tr("{count} pages").format(count=len(pages)))
        print_button = QPushButton(tr("Print… (Ctrl+P)"))
        save_button = QPushButton(tr("Save PDF… (Ctrl+S)"))
        close_button = QPushButton(tr("Close"))
        print_button.clicked.connect(self.print_paper)
        save_button.clicked.connect(self.save_paper)
        close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.Print, self, activated=self.print_paper)
        QShortcut(QKeySequence.Save, self, activated=self.save_paper)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        for button in (print_button, save_button, close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, PREVIEW_WIDTH + 70, 700)

    def print_paper(self) -> None:
        if self.on_print is not None:
            self.accept()
            self.on_print()
            return
        print_pdf(self, self.pdf, self.title)

    def save_paper(self) -> None:
        if self.on_save is not None:
            self.accept()
            self.on_save()
            return
        saved = save_pdf_as(self, self.pdf, self.file_name)
        if saved:
            self.count.setText(tr("Saved: {file}").format(file=saved))
