"""The first run: what this book is for (this unit, a cell's book given back by its superior after
its computer was lost (`recover_page`), or a try-out with the demo cell), the unit's details and
role, then how the member list comes in (a spreadsheet checked row by row, or by hand). Nothing is
written before Hoàn tất (but the book given back, on its own page); then everything is written on
the write worker.

Each page picks the next one from its radio buttons (`nextId`). QWizard decides between "Tiếp
theo >" and "Hoàn tất" when it shows a page, and again only when the page's `setFinalPage` is
called (`completeChanged` just enables or disables the buttons it already chose), so every choice
that changes where the wizard goes calls `_follow_choice`."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from chibo.ui.dialogs.first_run_recover import RecoverPage
from chibo.ui.dialogs.member_import import ImportPreviewPanel
from chibo.ui.i18n import tr
from chibo.ui.operations import EVERYTHING, BookOp, message_of
from chibo.ui.widgets.screen import fit_to_screen

WELCOME, UNIT, START, IMPORT, RECOVER = range(5)
DEMO, FILE, HAND, RESTORE, RECEIVING = "demo", "file", "hand", "restore", "receiving"


def _radio_page(page: QWizardPage, intro: str, choices: list[tuple[str, str]]) -> QButtonGroup:
    """Radio buttons, the first chosen; choosing another one refreshes the wizard's buttons."""
    layout = QVBoxLayout(page)
    text = QLabel(intro)
    text.setWordWrap(True)
    layout.addWidget(text)
    group = QButtonGroup(page)
    for number, (key, caption) in enumerate(choices):
        button = QRadioButton(caption)
        button.setProperty("choice", key)
        button.setChecked(number == 0)
        group.addButton(button)
        layout.addWidget(button)
    layout.addStretch(1)
    group.buttonToggled.connect(lambda _button, _checked: _follow_choice(page))
    return group


def _follow_choice(page: QWizardPage) -> None:
    """The page's choice says whether the wizard ends here: show Hoàn tất or Tiếp theo > now."""
    page.setFinalPage(page.nextId() == -1)


def _checked(group: QButtonGroup) -> str:
    return group.checkedButton().property("choice")


class WelcomePage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(tr("Welcome to chibo"))
        self.group = _radio_page(self, (
            tr("chibo keeps the Party cell’s book on this computer, with no Internet needed: the member register, the "
               "documents to study, the sessions, the minutes, the action plans. Your unit’s book has not been set up "
               "yet. Would you like to:")),
            [("real", tr("Set up my unit and start keeping the real book")),
             (DEMO, tr("Try the demo cell (made-up names and figures, in a folder of its own; the real book stays "
                       "empty)")),
             (RESTORE, tr("Get my cell’s book back from the level above (the cell’s computer was lost or broken)"))])

    def nextId(self) -> int:
        return {DEMO: -1, RESTORE: RECOVER}.get(_checked(self.group), UNIT)


class UnitPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(tr("Your unit"))
        self.setSubTitle(tr("Printed on the minutes and reports; it can be changed later on the Settings page."))
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("For example: Chi bộ bản Nậm Cáy"))
        self.superior = QLineEdit()
        self.superior.setPlaceholderText(tr("For example: Đảng bộ xã Sơn Cao"))
        self.place = QLineEdit()
        self.place.setPlaceholderText(tr("For example: Sơn Cao (written at the head of papers: “Sơn Cao, ngày … tháng "
                                         "… năm …”)"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout(self)
        form.addRow(tr("Unit name (*):"), self.name)
        form.addRow(tr("Superior body:"), self.superior)
        form.addRow(tr("Place name:"), self.place)
        self.cell = QRadioButton(tr("Cell: keeps the cell’s book, sends reports to the level above"))
        self.receiving = QRadioButton(tr("Receiving level (commune Party committee): receives and sums the cells’ "
                                         "figures, sends plans down"))
        self.cell.setChecked(True)
        self.cell.toggled.connect(lambda _checked: _follow_choice(self))  # a receiving level finishes here
        form.addRow(tr("Role:"), self.cell)
        form.addRow("", self.receiving)
        form.addRow(self.error)

    def validatePage(self) -> bool:
        if not self.name.text().strip():
            self.error.setText(tr("Enter the unit’s name."))
            self.name.setFocus()
            return False
        self.error.clear()
        return True

    def nextId(self) -> int:
        return START if self.cell.isChecked() else -1


class StartPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(tr("Member list"))
        self.group = _radio_page(self, tr("Does the cell already have its member list in an Excel file?"),
                                 [(FILE, tr("Import from an Excel (.xlsx) or CSV file: chibo checks every row before "
                                            "writing")),
                                  (HAND, tr("Enter the members by hand after finishing"))])

    def nextId(self) -> int:
        return IMPORT if _checked(self.group) == FILE else -1


class ImportPage(QWizardPage):
    def __init__(self, book):
        super().__init__()
        self.setTitle(tr("Import the list from a file"))
        self.setSubTitle(tr("Nothing is written to the book until you press Finish."))
        self.panel = ImportPreviewPanel(book)
        self.panel.changed.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def isComplete(self) -> bool:
        return self.panel.problem() is None

    def nextId(self) -> int:
        return -1  # the last page of its path (QWizard would go on to the page numbered next)


class FirstRunWizard(QWizard):
    """After `exec()` returns Accepted, `book` is the book to open: this one, set up, or the demo's."""

    def __init__(self, book, parent=None):
        super().__init__(parent)
        self.book = book
        self.choice = None
        self.setWindowTitle(tr("chibo — Set up the book"))
        self.setWizardStyle(QWizard.ModernStyle)
        self.setOption(QWizard.NoBackButtonOnStartPage)
        for button, text in ((QWizard.BackButton, tr("< Back")), (QWizard.NextButton, tr("Next >")),
                             (QWizard.FinishButton, tr("Finish")), (QWizard.CancelButton, tr("Quit"))):
            self.setButtonText(button, text)
        self.welcome, self.unit, self.start, self.importing = WelcomePage(), UnitPage(), StartPage(), ImportPage(book)
        self.recover = RecoverPage(book)
        for key, page in ((WELCOME, self.welcome), (UNIT, self.unit), (START, self.start), (IMPORT, self.importing),
                          (RECOVER, self.recover)):
            self.setPage(key, page)
        self.busy: QProgressDialog | None = None
        fit_to_screen(self, 1000, 620)
        self._working = False

    def chosen_start(self) -> str:
        if _checked(self.welcome.group) in (DEMO, RESTORE):
            return _checked(self.welcome.group)
        if not self.unit.cell.isChecked():
            return RECEIVING  # keeps no member register of the cells: no import, no "Thêm đảng viên" after
        return _checked(self.start.group)

    def accept(self) -> None:
        """Hoàn tất: write on the write worker; the dialog closes when the book is ready."""
        if self._working:
            return
        choice = self.chosen_start()
        if choice == RESTORE:  # the book came back on its page already
            return self._ready(choice, self.book) if self.recover.restored else None
        preview = self.importing.panel.preview if choice == FILE else None
        skip = self.importing.panel.skip.isChecked()
        unit = {"name": self.unit.name.text(), "superior_name": self.unit.superior.text(),
                "place_name": self.unit.place.text(), "role": "cell" if self.unit.cell.isChecked() else "receiving"}
        book = self.book
        self._working = True
        self.button(QWizard.FinishButton).setEnabled(False)
        self.busy = QProgressDialog(tr("Setting up the book…"), None, 0, 0, self)  # shows if the work lasts
        self.busy.setWindowTitle("chibo")
        self.busy.setMinimumDuration(400)

        def work():
            return set_up(book, choice, unit, preview, skip)

        BookOp(self, book, work, EVERYTHING, in_session=False).success(lambda ready: self._ready(choice, ready)).failure(
            self._refused).run()

    def _ready(self, choice: str, book) -> None:
        self._working = False
        if self.busy is not None:
            self.busy.reset()
            self.busy = None
        self.choice, self.book = choice, book
        super().accept()

    def _refused(self, exc: Exception) -> None:
        self._working = False
        self.busy.reset()
        self.busy = None
        self.button(QWizard.FinishButton).setEnabled(True)
        QMessageBox.warning(self, "chibo", message_of(
            exc, tr("Could not set up the book. The details are in the log; the book is still empty.")))


def set_up(book, choice: str, unit: dict, preview, skip_problem_rows: bool):
    """Run on the write worker. Returns the book to open."""
    if choice == DEMO:
        return open_demo(book)
    from chibo.services.member_import import check_importable, commit_import
    from chibo.services.units import init_book

    if preview is not None:  # refused before the unit exists: a bad file leaves the book empty
        check_importable(preview, skip_problem_rows=skip_problem_rows)
    init_book(book, **unit)
    if preview is not None:
        with book.session() as db:
            commit_import(db, preview, skip_problem_rows=skip_problem_rows)
    return book


def open_demo(book):
    """The demo cell's own book beside the real one; built the first time only."""
    from chibo import paths
    from chibo.services.demo import build_demo
    from chibo.store.book import Book

    demo = Book.open(paths.demo_dir(book.folder))
    try:
        if not demo.local_unit_id:
            build_demo(demo)
    except BaseException:
        demo.close()
        raise
    return demo
