"""Speeches on one agenda item (or outside every item), in the order given: a member, or a guest by
name; and the vote on the session's resolution. Kept in memory until the session is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chibo.ui.i18n import tr

GUEST = "__guest__"


class SpeechesPanel(QWidget):
    """Shows and edits the list it is bound to (`bind`): rows [speech id or None, member id or None,
    guest name, content], changed in place, so the agenda item that owns the list sees them."""

    changed = Signal()

    def __init__(self, members: list, names: dict, parent=None):
        super().__init__(parent)
        self.names = names
        self.speeches: list[list] | None = None
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.speaker = QComboBox()
        self.speaker.addItem(tr("(choose the speaker)"), "")
        for member_id, name in members:
            self.speaker.addItem(name, member_id)
        self.speaker.addItem(tr("Guest (name written beside)"), GUEST)
        self.guest = QLineEdit()
        self.guest.setPlaceholderText(tr("Guest’s name and position"))
        self.guest.setEnabled(False)
        self.speaker.currentIndexChanged.connect(lambda: self.guest.setEnabled(self.speaker.currentData() == GUEST))
        self.content = QPlainTextEdit()
        self.content.setPlaceholderText(tr("Summary of what was said"))
        self.content.setTabChangesFocus(True)
        self.content.setFixedHeight(60)
        self.add_button = QPushButton(tr("Add &speech (Ctrl+Enter)"))
        self.update_button = QPushButton(tr("&Update the selected speech"))
        self.remove_button = QPushButton(tr("Drop the selected speec&h"))
        self.add_button.clicked.connect(self.add)
        self.update_button.clicked.connect(self.update_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentItemChanged.connect(self._load)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.add, context=Qt.WidgetWithChildrenShortcut)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        who = QHBoxLayout()
        who.addWidget(self.speaker, 1)
        who.addWidget(self.guest, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.update_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(who)
        layout.addWidget(self.content)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)

    def bind(self, speeches: list[list], heading: str) -> None:
        """Show and edit `speeches` (the list itself, not a copy)."""
        self.speeches = speeches
        self.heading.setText(heading)
        self.list.clear()
        for speech in speeches:
            item = QListWidgetItem()
            self._show(item, speech)
            self.list.addItem(item)
        self.speaker.setCurrentIndex(0)
        self.guest.clear()
        self.content.clear()
        self.problem.clear()

    def _show(self, item: QListWidgetItem, speech: list) -> None:
        _id, member_id, guest, content = speech
        who = self.names.get(member_id, "") if member_id else guest
        item.setText(f"{who}: {content}")

    def _load(self, item: QListWidgetItem | None) -> None:
        """The selected speech into the fields, to be corrected and put back with "Update"."""
        if item is None or self.speeches is None:
            return
        _id, member_id, guest, content = self.speeches[self.list.row(item)]
        self.speaker.setCurrentIndex(max(self.speaker.findData(member_id or GUEST), 0))
        self.guest.setText(guest)
        self.content.setPlainText(content)
        self.problem.clear()

    def _entered(self) -> tuple | None:
        """(member id or None, guest name, content) as typed, or None with the problem shown."""
        speaker = self.speaker.currentData()
        guest = self.guest.text().strip()
        content = self.content.toPlainText().strip()
        if not speaker or (speaker == GUEST and not guest):
            self.problem.setText(tr("Choose the speaker, or write the guest’s name."))
            return None
        if not content:
            self.problem.setText(tr("Write what was said."))
            return None
        self.problem.clear()
        return (None, guest, content) if speaker == GUEST else (speaker, "", content)

    def add(self) -> None:
        entered = self._entered()
        if entered is None or self.speeches is None:
            return
        self.speeches.append([None, *entered])
        item = QListWidgetItem()
        self._show(item, self.speeches[-1])
        self.list.addItem(item)
        self.content.clear()
        self.changed.emit()

    def update_selected(self) -> None:
        item = self.list.currentItem()
        if item is None or self.speeches is None:
            self.problem.setText(tr("Select a speech in the list first."))
            return
        entered = self._entered()
        if entered is None:
            return
        row = self.list.row(item)
        self.speeches[row] = [self.speeches[row][0], *entered]
        self._show(item, self.speeches[row])
        self.changed.emit()

    def remove_selected(self) -> None:
        if self.speeches is None:
            return
        for item in self.list.selectedItems():
            del self.speeches[self.list.row(item)]
            self.list.takeItem(self.list.row(item))
        self.changed.emit()


class VotePanel(QWidget):
    """The vote on the session's resolution: typed, or one click for "everyone who may vote is for".
    Never filled in by itself: a vote is what a person records."""

    changed = Signal()

    def __init__(self, session=None, parent=None):
        super().__init__(parent)
        has_votes = session is not None and session.votes_for is not None
        self.voted = QCheckBox(tr("The session &voted on its resolution or conclusion"))
        self.voted.setChecked(has_votes)
        self.votes = []
        counts = QHBoxLayout()
        for caption, value in ((tr("For:"), session.votes_for if has_votes else 0),
                               (tr("Against:"), session.votes_against if has_votes else 0),
                               (tr("Other:"), session.votes_other if has_votes else 0)):
            spin = QSpinBox()
            spin.setRange(0, 999)
            spin.setValue(value or 0)
            spin.setEnabled(has_votes)
            spin.valueChanged.connect(self.changed)
            self.voted.toggled.connect(spin.setEnabled)
            counts.addWidget(QLabel(caption))
            counts.addWidget(spin)
            self.votes.append(spin)
        counts.addStretch(1)
        self.voted.toggled.connect(self.changed)
        self.voters = QLabel()
        self.voters.setWordWrap(True)
        self.all_for = QPushButton(tr("&Everyone present who may vote is for"))
        self.all_for.clicked.connect(self._all_for)
        self.present = 0
        hint = QLabel(tr("Only full members vote, and exempt members who came; probationary members never vote, and "
                         "members attached from another cell only where the cell’s rules say so (Settings)."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.voted)
        layout.addLayout(counts)
        layout.addWidget(self.all_for, 0, Qt.AlignLeft)
        layout.addWidget(self.voters)
        layout.addWidget(hint)
        layout.addStretch(1)

    def show_quorum(self, quorum) -> None:
        self.present = quorum.present
        self.voters.setText(tr("Members present who may vote: <b>{present}</b> (at least {needed} of {base} needed "
                               "for a vote)").format(present=quorum.present, needed=quorum.needed, base=quorum.base))

    def _all_for(self) -> None:
        self.voted.setChecked(True)
        for spin, value in zip(self.votes, (self.present, 0, 0), strict=True):
            spin.setValue(value)

    def counts(self) -> tuple[int, int, int] | None:
        return tuple(spin.value() for spin in self.votes) if self.voted.isChecked() else None
