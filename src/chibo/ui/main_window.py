"""The main window: a navigation column and one page per part of the cell's book.

Pages still to come (the editors of sessions, documents and plans, outreach, settings, data
exchange) belong to their own issues; the column lists only what works today."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QMainWindow, QMessageBox, QStackedWidget, QWidget

from chibo.errors import ChiboError
from chibo.services.members import list_members
from chibo.ui.exchange import ExchangePage, load_exchange
from chibo.ui.lists import documents_page, load_lists, plans_page, sessions_page
from chibo.ui.operations import run_in_background
from chibo.ui.outreach_page import OutreachPage, load_outreach
from chibo.ui.overview import OverviewPage, load_overview
from chibo.ui.register import RegisterPage
from chibo.ui.settings_page import SettingsPage, apply_text_size, load_settings


class MainWindow(QMainWindow):
    def __init__(self, book):
        super().__init__()
        self.book = book
        self.setWindowTitle("chibo — Sổ sách chi bộ")
        self.navigation = QListWidget()
        self.navigation.setFixedWidth(180)
        self.pages = QStackedWidget()
        self.overview = OverviewPage()
        self.register = RegisterPage(book)
        self.register.changed.connect(self.load)
        self.documents = documents_page(book)
        self.sessions = sessions_page(book)
        self.plans = plans_page(book)
        self.exchange = ExchangePage(book)
        self.exchange.changed.connect(self.load)
        self.outreach = OutreachPage(book)
        self.outreach.changed.connect(self.load)
        self.settings = SettingsPage(book)
        self.settings.changed.connect(self.load)
        self._text_size = None
        for title, page in (("Tổng quan", self.overview), ("Đảng viên", self.register), ("Văn bản", self.documents),
                            ("Sinh hoạt", self.sessions), ("Kế hoạch hành động", self.plans),
                            ("Tuyên truyền", self.outreach), ("Trao đổi dữ liệu", self.exchange),
                            ("Cài đặt", self.settings)):
            self.navigation.addItem(title)
            self.pages.addWidget(page)
        for page in (self.documents, self.sessions, self.plans):
            page.papers.paper_built.connect(lambda _paper: self.load())  # a printed paper may have taken a number
            page.changed.connect(self.load)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        QShortcut(QKeySequence.Find, self, activated=self._focus_search)
        QShortcut(QKeySequence.New, self, activated=self._new_record)
        self.statusBar().showMessage(str(book.folder))

    def _focus_search(self) -> None:
        self.navigation.setCurrentRow(1)
        self.register.search.setFocus()

    def show_page(self, page: QWidget) -> None:
        self.navigation.setCurrentRow(self.pages.indexOf(page))

    def closeEvent(self, event) -> None:
        """Settings typed but not saved are not lost silently."""
        if self.settings.dirty:
            self.show_page(self.settings)
            answer = QMessageBox.question(self, "chibo", "Cài đặt có thay đổi chưa lưu. Đóng chibo mà không lưu?",
                                          QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Cancel)
            if answer != QMessageBox.Discard:
                event.ignore()
                return
        super().closeEvent(event)

    def start_by_hand(self) -> None:
        """After the wizard's "nhập tay": the register, with the first member's dialog open."""
        self.navigation.setCurrentRow(1)
        self.register.new_record()

    def _new_record(self) -> None:
        """Ctrl+N: a new record of the page on screen, where the page has one."""
        new_record = getattr(self.pages.currentWidget(), "new_record", None)
        if new_record is not None:
            new_record()

    def load(self) -> None:
        """Fill the pages on a worker; the window is already on screen."""
        book = self.book

        def read():
            with book.session() as db:
                return (load_overview(db), list_members(db), load_lists(db), load_exchange(db),
                        load_settings(db, book.folder), load_outreach(db))

        def show(result):
            overview, members, lists, exchange, settings, outreach = result
            self.outreach.show_data(outreach)
            if settings.text_size != self._text_size:
                self._text_size = settings.text_size
                apply_text_size(settings.text_size)
            self.settings.show_data(settings)
            self.exchange.show_data(exchange)
            self.overview.show_data(overview)
            self.register.show_members(members)
            for page in (self.sessions, self.documents, self.plans):
                page.show_rows(lists[page.name])

        run_in_background(read, show, self._show_error)

    def _show_error(self, exc: Exception) -> None:
        message = exc.message if isinstance(exc, ChiboError) else (
            "Không đọc được dữ liệu của sổ. Chi tiết được ghi trong nhật ký; hãy thử mở lại chibo.")
        QMessageBox.warning(self, "chibo", message)
