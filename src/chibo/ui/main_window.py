"""The main window: a navigation column and one page per part of the cell's book.

Start-up discipline (CONVENTIONS.md): the window is built and painted with Qt alone; the pages,
and with them the services and SQLModel, are built by `attach` once the book is open."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMainWindow, QMessageBox, QStackedWidget, QWidget

from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import message_of, run_in_background

PAGE_TITLES = (QT_TR_NOOP("Overview"), QT_TR_NOOP("Members"), QT_TR_NOOP("Documents"), QT_TR_NOOP("Sessions"),
               QT_TR_NOOP("Action plans"), QT_TR_NOOP("Outreach"), QT_TR_NOOP("Data exchange"), QT_TR_NOOP("Settings"))


class MainWindow(QMainWindow):
    loaded = Signal()  # every page filled (after `load`)

    def __init__(self, book=None, *, folder=None):
        super().__init__()
        self.book = None
        self.folder = folder  # the data folder chibo was started on (its language setting lives there)
        self.setWindowTitle(tr("chibo — the Party cell’s book"))
        self.navigation = QListWidget()
        self.navigation.setFixedWidth(190)
        self.navigation.addItems([tr(title) for title in PAGE_TITLES])
        self.pages = QStackedWidget()
        self.opening = QLabel(tr("Opening the book…"))
        self.opening.setStyleSheet("qproperty-alignment: AlignCenter; font-size: 14pt")  # no Qt namespace yet
        self.pages.addWidget(self.opening)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.settings = None
        if book is not None:
            self.attach(book)

    def attach(self, book) -> None:
        """Build the pages on the open book (this imports the services: after the first paint)."""
        from chibo.ui.pages.exchange import ExchangePage
        from chibo.ui.pages.lists import documents_page, plans_page, sessions_page
        from chibo.ui.pages.outreach import OutreachPage
        from chibo.ui.pages.overview import OverviewPage
        from chibo.ui.pages.register import RegisterPage
        from chibo.ui.pages.settings import SettingsPage

        self.book = book
        self._text_size = None
        self.overview = OverviewPage()
        self.register = RegisterPage(book)
        self.documents = documents_page(book)
        self.sessions = sessions_page(book)
        self.plans = plans_page(book)
        self.outreach = OutreachPage(book)
        self.exchange = ExchangePage(book)
        self.settings = SettingsPage(book, self.folder)
        pages = (self.overview, self.register, self.documents, self.sessions, self.plans, self.outreach,
                 self.exchange, self.settings)
        self.pages.removeWidget(self.opening)
        for page in pages:
            self.pages.addWidget(page)
            changed = getattr(page, "changed", None)
            if changed is not None:
                changed.connect(self.load)
        for page in (self.documents, self.sessions, self.plans):
            page.papers.paper_built.connect(lambda _paper: self.load())  # a printed paper may have taken a number
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        self.pages.setCurrentIndex(0)
        QShortcut(QKeySequence.Find, self, activated=self._focus_search)
        QShortcut(QKeySequence.New, self, activated=self._new_record)
        self.place = QLabel(str(book.folder))  # the unit's name joins it once the book is read
        self.place.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.statusBar().addWidget(self.place, 1)

    def _focus_search(self) -> None:
        self.show_page(self.register)
        self.register.search.setFocus()

    def show_page(self, page: QWidget) -> None:
        self.navigation.setCurrentRow(self.pages.indexOf(page))

    def closeEvent(self, event) -> None:
        """Settings typed but not saved are not lost silently."""
        if self.settings is not None and self.settings.dirty:
            self.show_page(self.settings)
            answer = QMessageBox.question(self, "chibo",
                                          tr("The settings have unsaved changes. Close chibo without saving them?"),
                                          QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Cancel)
            if answer != QMessageBox.Discard:
                event.ignore()
                return
        super().closeEvent(event)

    def start_by_hand(self) -> None:
        """After the wizard's "nhập tay": the register, with the first member's dialog open."""
        self.show_page(self.register)
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
            from chibo.services.members import list_members
            from chibo.ui.pages.exchange import load_exchange
            from chibo.ui.pages.lists import load_lists
            from chibo.ui.pages.outreach import load_outreach
            from chibo.ui.pages.overview import load_overview
            from chibo.ui.pages.settings import load_settings

            with book.session() as db:
                return (load_overview(db), list_members(db), load_lists(db), load_exchange(db, book.folder),
                        load_settings(db, book.folder), load_outreach(db))

        run_in_background(read, self._show, self._show_error)

    def _show(self, result) -> None:
        from chibo.ui.pages.settings import apply_text_size

        overview, members, lists, exchange, settings, outreach = result
        if settings.text_size != self._text_size:
            self._text_size = settings.text_size
            apply_text_size(settings.text_size)
        self.place.setText(self.place_text(settings.unit))
        self.outreach.show_data(outreach)
        self.settings.show_data(settings)
        self.exchange.show_data(exchange)
        self.overview.show_data(overview)
        self.register.show_members(members)
        for page in (self.sessions, self.documents, self.plans):
            page.show_rows(lists[page.name])
        self.loaded.emit()

    def place_text(self, unit) -> str:
        """The status bar: which unit's book this is and where it is kept (a demo cell says so)."""
        from chibo import paths

        name = unit.name + (f" ({unit.superior_name})" if unit.superior_name else "")
        if self.book.folder.name == paths.demo_dir(self.book.folder.parent).name:
            name = tr("{unit} (demo cell, made-up data)").format(unit=unit.name)
        return tr("{unit} — book kept in {folder}").format(unit=name, folder=self.book.folder)

    def _show_error(self, exc: Exception) -> None:

        message = message_of(exc, tr("Could not read the book. The details are in the log; try opening chibo again."))
        QMessageBox.warning(self, "chibo", message)
