"""The main window: a sidebar (the cell's name above one entry per part of the book) and the pages.

Start-up discipline (CONVENTIONS.md): the window is built and painted with Qt alone. The month's
board (Tổng quan) is read through the plain sqlite3 reader (`store.reader`, `services.board`) and
shown before SQLAlchemy is even imported (`app.py`); the book is opened through the engine after
that, and `attach` hands it to the window.

Every other page is built and filled the first time it is shown, not at start-up. After a write,
`BookOp` announces which kinds of records it changed (`operations.Kind`, Anki's `OpChanges`); a
page that shows one of those kinds reloads at once if it is on screen, and is otherwise marked
stale and reloads when it is next shown. `fills` counts each page's loads (tests read it)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import Kind, QueryOp, change_bus


@dataclass(frozen=True)
class PageSpec:
    name: str  # the window's attribute: window.register, window.sessions …
    title: str  # English source, shown through tr()
    icon: str  # resources/icons/<icon>.svg


PAGES = (
    PageSpec("overview", QT_TR_NOOP("Overview"), "overview"),
    PageSpec("register", QT_TR_NOOP("Members"), "members"),
    PageSpec("documents", QT_TR_NOOP("Documents"), "documents"),
    PageSpec("sessions", QT_TR_NOOP("Sessions"), "sessions"),
    PageSpec("plans", QT_TR_NOOP("Action plans"), "plans"),
    PageSpec("outreach", QT_TR_NOOP("Outreach"), "outreach"),
    PageSpec("exchange", QT_TR_NOOP("Data exchange"), "exchange"),
    PageSpec("settings", QT_TR_NOOP("Settings"), "settings"),
)
PAGE_TITLES = tuple(spec.title for spec in PAGES)
FRAME_KINDS = frozenset({Kind.SETTINGS})  # the sidebar's name, the status bar, the text size


def build_page(name: str, book, folder: Path, window: MainWindow) -> QWidget:
    """The page called `name`; its module is imported here, the first time it is shown. A cell
    page shares the window's chosen cell, which it shows at a receiving level (`pages.drill_down`)."""
    page = _build_page(name, book, folder, window)
    from chibo.ui.pages.drill_down import DRILL_DOWN_PAGES

    if name in DRILL_DOWN_PAGES:
        page.cell_choice = window.cell_choice
    return page


def _build_page(name: str, book, folder: Path, window: MainWindow) -> QWidget:
    if name == "overview":
        from chibo.ui.pages.overview import OverviewPage

        return OverviewPage(window)
    if name == "register":
        from chibo.ui.pages.register import RegisterPage

        return RegisterPage(book)
    if name in ("documents", "sessions", "plans"):
        from chibo.ui.pages import lists

        return getattr(lists, f"{name}_page")(book)
    if name == "outreach":
        from chibo.ui.pages.outreach import OutreachPage

        return OutreachPage(book)
    if name == "exchange":
        from chibo.ui.pages.exchange import ExchangePage

        return ExchangePage(book)
    from chibo.ui.pages.settings import SettingsPage

    return SettingsPage(book, folder)


WARM_MODULES = ("chibo.ui.pages.register", "chibo.ui.pages.lists", "chibo.ui.pages.outreach", "chibo.ui.pages.exchange",
                "chibo.ui.pages.settings", "chibo.ui.editors.session", "chibo.ui.editors.document",
                "chibo.ui.editors.plan", "chibo.ui.editors.member", "chibo.ui.dialogs.coverage")


def warm_up() -> None:
    """On the worker that opens the book: import the pages' and editors' modules (half a second
    here), so that showing a page for the first time only builds its widgets on the GUI thread
    (imported there, they froze the window up to 0.1 s per page; imported on a worker while the
    GUI thread wanted them, it waited on the import lock)."""
    import importlib

    for name in WARM_MODULES:
        importlib.import_module(name)


_warmed_widgets = False


def warm_widgets() -> None:
    """On the GUI thread, once per process, in two turns of the event loop after the book opens:
    the first line edit with a clear button (on Linux its icon is looked up in the icon themes,
    40 ms under X) and the first table view (12 ms) pay their once-only set-up while the board is
    read, not when a person first opens the register (which then froze 60 ms)."""
    global _warmed_widgets
    if _warmed_widgets:
        return
    _warmed_widgets = True
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QLineEdit, QTableView

    def line_edit():
        field = QLineEdit()
        field.setClearButtonEnabled(True)
        field.deleteLater()
        QTimer.singleShot(0, table_view)

    def table_view():
        view = QTableView()
        view.viewport()  # the first call costs the most (40 ms under X): pages' tables call it at once
        view.deleteLater()

    QTimer.singleShot(0, line_edit)


class Sidebar(QWidget):
    """The cell's name, then one large entry (icon and word) per page."""

    def __init__(self):
        super().__init__()
        self.setObjectName("sidebar")
        self.unit_name = QLabel(tr("Opening the book…"))
        self.unit_name.setWordWrap(True)
        self.unit_name.setObjectName("unitName")
        self.superior = QLabel()
        self.superior.setWordWrap(True)
        self.superior.setObjectName("superiorName")
        self.entries = QListWidget()
        self.entries.setObjectName("pages")
        self.entries.setIconSize(QSize(28, 28))
        self.entries.setFrameShape(QFrame.NoFrame)
        self.entries.setVerticalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.entries.setWordWrap(True)  # "Kế hoạch hành động" on two lines rather than cut, at 125 % too
        self.entries.setTextElideMode(Qt.ElideNone)
        for spec in PAGES:
            item = QListWidgetItem(page_icon(spec.icon), tr(spec.title))
            self.entries.addItem(item)
        self.setStyleSheet(
            "#sidebar { background: #f3efe6; }"
            "#unitName { font-size: 13pt; font-weight: bold; color: #7a1010; padding: 10px 10px 0 10px; }"
            "#superiorName { color: #444; padding: 0 10px 8px 10px; }"
            "#pages { background: transparent; font-size: 12pt; outline: 0; }"
            "#pages::item { padding: 9px 8px; margin: 1px 6px; border-radius: 6px; }"
            "#pages::item:hover { background: #e6dfcf; }"
            # The page shown: a light red with a dark red bar and words, so the icons' own red stays visible.
            "#pages::item:selected { background: #f7d9d0; color: #7a1010; font-weight: bold;"
            " border-left: 5px solid #b3261e; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.unit_name)
        layout.addWidget(self.superior)
        layout.addWidget(self.entries, 1)
        # As wide as its longest entry needs in this language (icon 28, its gap 6, padding 16, margins
        # 12, the shown page's bar 5, frame and rounding 7), and no wider: at 125 % a 1366×768 screen
        # has 1093 logical pixels, and the sessions page with its paper bar needs 853 of them.
        longest = max(QFontMetrics(self._entry_font()).horizontalAdvance(tr(spec.title)) for spec in PAGES)
        self.setFixedWidth(max(210, min(longest + 74, 260)))

    def _entry_font(self):
        font = self.entries.font()
        font.setPointSizeF(12)  # the entries' size in the style sheet below
        return font


PAGE_ICON_SIZES = (28, 35, 42, 56)  # scripts/make_icons.py's PAGE_SIZES


def page_icon(name: str):
    """A sidebar icon: the PNGs scripts/make_icons.py draws from resources/icons/pages/<name>.svg."""
    from PySide6.QtGui import QIcon

    folder = Path(__file__).resolve().parent.parent / "resources" / "icons" / "pages"
    icon = QIcon()
    for size in PAGE_ICON_SIZES:
        icon.addFile(str(folder / f"{name}-{size}.png"), QSize(size, size))
    return icon


class MainWindow(QMainWindow):
    loaded = Signal()  # the page on screen was filled
    filled = Signal(str)  # a page (by name) was filled

    def __init__(self, book=None, *, folder=None):
        super().__init__()
        self.book = None
        # The folder chibo was started on (its language setting lives there), and the folder of the
        # book shown: the same, but for the first-run wizard's demo cell, which has a folder of its own.
        self.folder = Path(folder) if folder is not None else (book.folder if book is not None else None)
        self.book_folder = self.folder
        self.setWindowTitle(tr("chibo — the Party cell’s book"))
        self.sidebar = Sidebar()
        self.navigation = self.sidebar.entries
        self.stack = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        self.fills: Counter[str] = Counter()  # loads per page, for tests and the bench
        self.stale: set[str] = set()  # pages whose kinds changed while they were not on screen
        self._loading: set[str] = set()
        self._again: set[str] = set()
        self._waiting: list = []  # what a click asked for before the book was open (`when_open`)
        self._text_size = None
        self._frame_reads = 0
        self.unit = None  # the book's unit as the frame shows it (services.glance.UnitGlance)
        from chibo.ui.pages.drill_down import CellChoice

        self.cell_choice = CellChoice()  # at a receiving level, the cell its cell pages show
        self.cell_choice.changed.connect(self._cell_chosen)
        for _spec in PAGES:
            self.stack.addWidget(QWidget())  # stand-ins until each page is first shown
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.place = QLabel(str(self.folder) if self.folder else "")
        self.place.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.statusBar().addWidget(self.place, 1)
        self.navigation.currentRowChanged.connect(self._turn_to)
        QShortcut(QKeySequence.Find, self, activated=self._focus_search)
        QShortcut(QKeySequence.New, self, activated=self._new_record)
        change_bus().changed.connect(self.on_changes)
        self.navigation.setCurrentRow(0)
        if book is not None:
            self.attach(book)

    # Pages -------------------------------------------------------------------------------------
    def page(self, name: str) -> QWidget:
        """The page `name`, built now if it was not yet (it is filled when shown)."""
        page = self._pages.get(name)
        if page is None:
            index = next(i for i, spec in enumerate(PAGES) if spec.name == name)
            page = build_page(name, self.book, self.folder, self)
            page.setObjectName(name)
            self._pages[name] = page
            stand_in = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self.stale.add(name)
        return page

    def built(self, name: str) -> QWidget | None:
        return self._pages.get(name)

    def __getattr__(self, name: str):
        """window.register, window.sessions …: the page, built on first use."""
        if name in {spec.name for spec in PAGES}:
            return self.page(name)
        raise AttributeError(name)

    def current_name(self) -> str:
        return PAGES[max(self.navigation.currentRow(), 0)].name

    def show_page(self, page: QWidget | str) -> None:
        name = page if isinstance(page, str) else page.objectName()
        self.navigation.setCurrentRow(next(i for i, spec in enumerate(PAGES) if spec.name == name))

    def _turn_to(self, row: int) -> None:
        if row < 0:
            return
        name = PAGES[row].name
        if name != "overview" and self.book is None:
            self.stack.setCurrentIndex(row)  # its stand-in, until the book is open
            return
        page = self.page(name)
        self.stack.setCurrentWidget(page)
        if name in self.stale:
            self.reload(name)

    def reload(self, name: str) -> None:
        """Read the page's data on a worker and show it; a change that comes in meanwhile reads again."""
        if name in self._loading:
            self._again.add(name)
            return
        page = self.page(name)
        self.stale.discard(name)
        self._loading.add(name)
        fetch = page.fetch
        source = self.book if getattr(page, "needs_book", True) else self.book_folder

        def shown(data):
            self._loading.discard(name)
            if name in self._again:
                self._again.discard(name)
                return self.reload(name)
            if data is None:  # the board of a book not yet opened (new, or to migrate): after `attach`
                self.stale.add(name)
                self.filled.emit("")
                return
            page.show_data(data)
            self.fills[name] += 1
            if name == "overview" and not self._frame_reads:  # once the frame reads itself, it alone says
                self.show_frame(data.unit)
            self.filled.emit(name)
            if name == self.current_name():
                self.loaded.emit()

        def failed(exc):
            self._loading.discard(name)
            self._again.discard(name)
            self.stale.add(name)
            if self.book is None:  # read before the book opens (a damaged file): the opening says what is wrong
                self.filled.emit("")
                return
            if self.isVisible():  # not to a window being closed (its book may be closing under the read)
                self._show_error(exc)

        QueryOp(self, self.book, lambda: fetch(source), shown, in_session=False).failure(failed).run()

    def load(self) -> None:
        """Everything again: the page on screen now, the others when next shown (after a restore)."""
        self.stale.update(self._pages)
        if self.book is not None or self.current_name() == "overview":
            self.reload(self.current_name())

    def _cell_chosen(self, _cell) -> None:
        """Another cell chosen: its drill-down pages read again (the one on screen now)."""
        from chibo.ui.pages.drill_down import DRILL_DOWN_PAGES

        current = self.current_name()
        for name in DRILL_DOWN_PAGES & self._pages.keys():
            if name == current:
                self.reload(name)
            else:
                self.stale.add(name)

    def open_cell(self, cell) -> None:
        """The overview's row of a cell, opened: that cell's register, read only."""
        self.cell_choice.choose(cell)
        self.show_page("register")

    def on_changes(self, book, changes) -> None:
        """A write on this book changed `changes`: reload what shows them on screen, mark the rest."""
        if book is not self.book or book is None:
            return
        if changes.touches(FRAME_KINDS):
            self._refresh_frame()
        current = self.current_name()
        for name, page in self._pages.items():
            if not changes.touches(page.kinds):
                continue
            if name == current:
                self.reload(name)
            else:
                self.stale.add(name)

    # The book ----------------------------------------------------------------------------------
    def show_board(self, board) -> None:
        """The month's board read before the book was opened (start-up's fast path)."""
        overview = self.page("overview")
        self.stale.discard("overview")
        overview.show_data(board)
        self.fills["overview"] += 1
        self.show_frame(board.unit)
        self.filled.emit("overview")
        self.loaded.emit()

    def attach(self, book) -> None:
        """The book, opened: the pages can be built on it; what a click asked for meanwhile runs now."""
        self.book = book
        self.book_folder = book.folder
        self.folder = self.folder or book.folder
        if self.unit is None or self.unit.id != book.local_unit_id:
            self._refresh_frame()
        name = self.current_name()
        self._turn_to(self.navigation.currentRow())
        if self.fills[name] == 0 and name not in self._loading:
            self.reload(name)
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            action()
        warm_widgets()

    def when_open(self, action) -> None:
        """Run `action` now if the book is open, else as soon as `attach` comes (a click on the board
        in the half second between its first paint and the book's opening is not lost)."""
        if self.book is not None:
            action()
        else:
            self._waiting.append(action)

    def _refresh_frame(self) -> None:
        from chibo import paths
        from chibo.services.glance import local_unit
        from chibo.store.reader import open_reader

        database = paths.database_path(self.book_folder)
        self._frame_reads += 1
        asked = self._frame_reads

        def read():
            with open_reader(database) as reader:
                return local_unit(reader)

        def shown(unit):
            if unit and asked == self._frame_reads:  # an older read that came late shows nothing
                self.show_frame(unit)

        QueryOp(self, self.book, read, shown, in_session=False).run()

    def show_frame(self, unit) -> None:
        """The cell's name at the top of the sidebar, the status bar, the text size."""
        from chibo.ui.text_size import apply_text_size

        self.unit = unit
        self.sidebar.unit_name.setText(unit.name)
        self.sidebar.superior.setText(unit.superior_name)
        self.sidebar.superior.setVisible(bool(unit.superior_name))
        if unit.text_size != self._text_size:
            self._text_size = unit.text_size
            apply_text_size(unit.text_size)
        self.place.setText(self.place_text(unit))

    def place_text(self, unit) -> str:
        """The status bar: which unit's book this is and where it is kept (a demo cell says so)."""
        from chibo import paths

        name = unit.name + (f" ({unit.superior_name})" if unit.superior_name else "")
        if self.book_folder.name == paths.demo_dir(self.book_folder.parent).name:
            name = tr("{unit} (demo cell, made-up data)").format(unit=unit.name)
        return tr("{unit} — book kept in {folder}").format(unit=name, folder=self.book_folder)

    # Keys and closing ----------------------------------------------------------------------------
    def _focus_search(self) -> None:
        if self.book is None:
            return
        self.show_page("register")
        self.register.search.setFocus()

    def _new_record(self) -> None:
        """Ctrl+N: a new record of the page on screen, where the page has one."""
        new_record = getattr(self.built(self.current_name()), "new_record", None)
        if new_record is not None and self.book is not None:
            new_record()

    def start_by_hand(self) -> None:
        """After the wizard's "nhập tay": the register, with the first member's dialog open."""
        self.show_page("register")
        self.register.new_record()

    def closeEvent(self, event) -> None:
        """Settings typed but not saved are not lost silently."""
        settings = self.built("settings")
        if settings is not None and settings.dirty:
            self.show_page(settings)
            answer = QMessageBox.question(self, "chibo",
                                          tr("The settings have unsaved changes. Close chibo without saving them?"),
                                          QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Cancel)
            if answer != QMessageBox.Discard:
                event.ignore()
                return
        super().closeEvent(event)

    def _show_error(self, exc: Exception) -> None:
        from chibo.ui.operations import message_of

        message = message_of(exc, tr("Could not read the book. The details are in the log; try opening chibo again."))
        QMessageBox.warning(self, "chibo", message)
