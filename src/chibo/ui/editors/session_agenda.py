"""The agenda items (nội dung) of a session in the editor: the list in order (add, move up and down,
drop), and for the item selected its title, presenter, the document studied, what was presented,
the speeches on it and the chair's conclusion. The first row holds the speeches outside every
item (a session recorded before agenda items existed has all its speeches there).

Everything is kept in memory, typed straight into the selected item, until the session is saved.
By keyboard: Ctrl+N adds an item and puts the cursor in its title, Tab goes through its fields,
Alt+↑ and Alt+↓ move it, Ctrl+Enter adds the speech typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chibo.services.session_save import AgendaItemInput, SpeechInput
from chibo.ui.editors.session_speeches import SpeechesPanel
from chibo.ui.i18n import tr

GUEST = "guest"  # the presenter is a guest named beside


def presenter_key(item) -> str:
    """How the presenter combo names an item's presenter: "m:<member id>", "p:<roster id>", guest, or none."""
    if item.presenter_member_id:
        return f"m:{item.presenter_member_id}"
    if item.presenter_id:
        return f"p:{item.presenter_id}"
    return GUEST if item.presenter_name else ""


def item_draft(item, speeches: list[list]) -> dict:
    """A saved item as the editor holds it."""
    return {"id": item.id, "title": item.title, "presenter": presenter_key(item), "guest": item.presenter_name,
            "document_id": item.document_id, "presented": item.presented, "conclusion": item.conclusion,
            "speeches": speeches}


def _speech_inputs(rows: list[list]) -> list[SpeechInput]:
    return [SpeechInput(content, member_id=member_id, speaker_name=guest, id=speech_id)
            for speech_id, member_id, guest, content in rows]


class AgendaPanel(QWidget):
    changed = Signal()

    def __init__(self, items: list[dict], general: list[list], members: list, names: dict, presenters: list,
                 documents: list, parent=None):
        super().__init__(parent)
        self.items, self.general = items, general
        self.list = QListWidget()
        self.list.setMaximumWidth(330)
        self.list.setWordWrap(True)  # long titles wrap instead of scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.add_button = QPushButton(tr("&Add an item (Ctrl+N)"))
        self.up_button = QPushButton(tr("Move u&p (Alt+↑)"))
        self.down_button = QPushButton(tr("Move &down (Alt+↓)"))
        self.remove_button = QPushButton(tr("Drop the ite&m"))
        self.add_button.clicked.connect(self.add_item)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.remove_button.clicked.connect(self.remove_item)
        for keys, slot in (("Ctrl+N", self.add_item), ("Alt+Up", lambda: self.move(-1)),
                           ("Alt+Down", lambda: self.move(1))):
            QShortcut(QKeySequence(keys), self, activated=slot, context=Qt.WidgetWithChildrenShortcut)
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("For example: Results of the month’s tasks"))
        self.presenter = QComboBox()
        self.presenter.addItem(tr("(nobody)"), "")
        for member_id, name in members:
            self.presenter.addItem(name, f"m:{member_id}")
        for presenter_id, text in presenters:
            self.presenter.addItem(tr("Presenter: {name}").format(name=text), f"p:{presenter_id}")
        self.presenter.addItem(tr("Guest (name written beside)"), GUEST)
        self.presenter.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)  # long roster titles
        self.presenter.setMinimumContentsLength(20)
        self.guest = QLineEdit()
        self.guest.setPlaceholderText(tr("Guest’s name and position"))
        self.document = QComboBox()
        self.document.addItem(tr("(none)"), "")
        for document_id, text in documents:
            self.document.addItem(text, document_id)
        self.document.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.document.setMinimumContentsLength(20)
        self.presented = QPlainTextEdit()
        self.presented.setPlaceholderText(tr("What was presented, in short"))
        self.conclusion = QPlainTextEdit()
        self.conclusion.setPlaceholderText(tr("The chair’s conclusion on this item"))
        for text_box in (self.presented, self.conclusion):
            text_box.setTabChangesFocus(True)
            text_box.setFixedHeight(52)
        self.speeches = SpeechesPanel(members, names)
        self.speeches.changed.connect(self.changed)
        self._build_layout()
        self.title.textEdited.connect(lambda text: self._store("title", text))
        self.guest.textEdited.connect(lambda text: self._store("guest", text))
        self.presenter.currentIndexChanged.connect(lambda: self._store("presenter", self.presenter.currentData()))
        self.document.currentIndexChanged.connect(lambda: self._store("document_id", self.document.currentData()))
        self.presented.textChanged.connect(lambda: self._store("presented", self.presented.toPlainText()))
        self.conclusion.textChanged.connect(lambda: self._store("conclusion", self.conclusion.toPlainText()))
        self.list.currentRowChanged.connect(self._select)
        self._loading = False
        self._fill_list(1 if items else 0)

    def _build_layout(self) -> None:
        buttons = QVBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QHBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        who = QHBoxLayout()
        who.addWidget(self.presenter, 1)
        who.addWidget(self.guest, 1)
        form = QFormLayout()
        self.title_label = QLabel(tr("&Item:"))
        self.title_label.setBuddy(self.title)
        form.addRow(self.title_label, self.title)
        presenter_label = QLabel(tr("Presented &by:"))
        presenter_label.setBuddy(self.presenter)
        form.addRow(presenter_label, who)
        document_label = QLabel(tr("Document s&tudied:"))
        document_label.setBuddy(self.document)
        form.addRow(document_label, self.document)
        presented_label = QLabel(tr("&What was presented:"))
        presented_label.setBuddy(self.presented)
        form.addRow(presented_label, self.presented)
        conclusion_label = QLabel(tr("Chair’s &conclusion:"))
        conclusion_label.setBuddy(self.conclusion)
        form.addRow(conclusion_label, self.conclusion)
        self.item_fields = [self.title, self.presenter, self.guest, self.document, self.presented, self.conclusion]
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.speeches, 1)
        columns = QHBoxLayout(self)
        columns.addLayout(left, 4)
        columns.addLayout(right, 7)

    def _label(self, index: int) -> str:
        if index == 0:
            return tr("Speeches outside the items ({count})").format(count=len(self.general))
        title = self.items[index - 1]["title"] or tr("(no title yet)")
        return f"{index}. {title}"

    def _fill_list(self, select: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for index in range(len(self.items) + 1):
            self.list.addItem(self._label(index))
        self.list.setCurrentRow(select)
        self.list.blockSignals(False)
        self._select(select)

    def _select(self, row: int) -> None:
        """Show the selected item in the fields (the first row has no fields, only its speeches)."""
        self._loading = True
        item = self.items[row - 1] if row > 0 else None
        for widget in self.item_fields:
            widget.setEnabled(item is not None)
        self.title.setText(item["title"] if item else "")
        self.presenter.setCurrentIndex(max(self.presenter.findData(item["presenter"] if item else ""), 0))
        self.guest.setText(item["guest"] if item else "")
        self.guest.setEnabled(bool(item) and item["presenter"] == GUEST)
        self.document.setCurrentIndex(max(self.document.findData((item["document_id"] or "") if item else ""), 0))
        self.presented.setPlainText(item["presented"] if item else "")
        self.conclusion.setPlainText(item["conclusion"] if item else "")
        self.up_button.setEnabled(row > 1)
        self.down_button.setEnabled(0 < row < len(self.items))
        self.remove_button.setEnabled(row > 0)
        self._loading = False
        if item is None:
            self.speeches.bind(self.general, tr("<b>Speeches outside the items</b> (in the order given)"))
        else:
            self.speeches.bind(item["speeches"], tr("<b>Speeches on item {number}</b> (in the order given)").format(
                number=row))

    def _store(self, key: str, value) -> None:
        row = self.list.currentRow()
        if self._loading or row <= 0:
            return
        self.items[row - 1][key] = value or ("" if key != "document_id" else None)
        if key == "presenter":
            self.guest.setEnabled(value == GUEST)
        if key == "title":
            self.list.item(row).setText(self._label(row))
        self.changed.emit()

    def add_item(self) -> None:
        """A new empty item at the end, selected, its title ready for typing."""
        self.items.append({"id": None, "title": "", "presenter": "", "guest": "", "document_id": None,
                           "presented": "", "conclusion": "", "speeches": []})
        self._fill_list(len(self.items))
        self.title.setFocus()
        self.changed.emit()

    def move(self, steps: int) -> None:
        row = self.list.currentRow()
        target = row + steps
        if row <= 0 or not 1 <= target <= len(self.items):
            return
        self.items.insert(target - 1, self.items.pop(row - 1))
        self._fill_list(target)
        self.changed.emit()

    def remove_item(self) -> None:
        row = self.list.currentRow()
        if row <= 0:
            return
        del self.items[row - 1]
        self._fill_list(min(row, len(self.items)))
        self.changed.emit()

    def member_speakers(self) -> list[str]:
        return [s[1] for s in self.general if s[1]] + [s[1] for item in self.items for s in item["speeches"] if s[1]]

    def member_presenters(self) -> list[tuple[str, str]]:
        return [(item["presenter"][2:], item["title"]) for item in self.items if item["presenter"].startswith("m:")]

    def inputs(self) -> tuple[list[AgendaItemInput], list[SpeechInput]]:
        """The items and the speeches outside them, for `services.session_save`."""
        items = []
        for item in self.items:
            kind, _, key = item["presenter"].partition(":")
            items.append(AgendaItemInput(
                title=item["title"], presented=item["presented"], conclusion=item["conclusion"],
                presenter_member_id=key if kind == "m" else None, presenter_id=key if kind == "p" else None,
                presenter_name=item["guest"] if item["presenter"] == GUEST else "", document_id=item["document_id"],
                speeches=_speech_inputs(item["speeches"]), id=item["id"]))
        return items, _speech_inputs(self.general)
