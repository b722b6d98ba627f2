"""The second half of the session editor: speeches in the order given (a member, or a guest by
name) and the vote on the resolution. Kept in memory until the session is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from chibo.ui.i18n import tr

GUEST = "__guest__"


class SpeechesPanel(QWidget):
    changed = Signal()

    def __init__(self, members: list, names: dict, speeches: list, meeting=None, parent=None):
        super().__init__(parent)
        self.names = names
        self.removed: list[str] = []  # ids of saved speeches taken out
        self.edited: set[str] = set()  # ids of saved speeches changed in place
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for speech in speeches:
            self._append(list(speech))
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
        self.content.setFixedHeight(70)
        self.add_button = QPushButton(tr("Add speech"))
        self.update_button = QPushButton(tr("Update the selected speech"))
        self.remove_button = QPushButton(tr("Drop the selected speech"))
        self.add_button.clicked.connect(self.add)
        self.update_button.clicked.connect(self.update_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentItemChanged.connect(self._load)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        who = QHBoxLayout()
        who.addWidget(self.speaker, 1)
        who.addWidget(self.guest, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.update_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.problem, 1)
        has_votes = meeting is not None and meeting.votes_for is not None
        self.voted = QCheckBox(tr("The session voted on its resolution or conclusion"))
        self.voted.setChecked(has_votes)
        self.votes = []
        votes = QHBoxLayout()
        for caption, value in ((tr("For:"), meeting.votes_for if has_votes else 0),
                               (tr("Against:"), meeting.votes_against if has_votes else 0),
                               (tr("Other:"), meeting.votes_other if has_votes else 0)):
            spin = QSpinBox()
            spin.setRange(0, 999)
            spin.setValue(value or 0)
            spin.setEnabled(has_votes)
            spin.valueChanged.connect(self.changed)
            self.voted.toggled.connect(spin.setEnabled)
            votes.addWidget(QLabel(caption))
            votes.addWidget(spin)
            self.votes.append(spin)
        votes.addStretch(1)
        self.voted.toggled.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("<b>Speeches</b> (in the order given)")))
        layout.addWidget(self.list, 1)
        layout.addLayout(who)
        layout.addWidget(self.content)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(tr("<b>Vote</b>")))
        layout.addWidget(self.voted)
        layout.addLayout(votes)

    def _show(self, item: QListWidgetItem, speech: list) -> None:
        """speech: [id or None, member id or None, guest name, content]."""
        _id, member_id, guest, content = speech
        who = self.names.get(member_id, "") if member_id else guest
        item.setText(f"{who}: {content}")
        item.setData(Qt.UserRole, speech)

    def _append(self, speech: list) -> None:
        item = QListWidgetItem()
        self._show(item, speech)
        self.list.addItem(item)

    def _load(self, item: QListWidgetItem | None) -> None:
        """The selected speech into the fields, to be corrected and put back with "Update"."""
        if item is None:
            return
        _id, member_id, guest, content = item.data(Qt.UserRole)
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
        if entered is None:
            return
        self._append([None, *entered])
        self.content.clear()
        self.changed.emit()

    def update_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.problem.setText(tr("Select a speech in the list first."))
            return
        entered = self._entered()
        if entered is None:
            return
        speech_id = item.data(Qt.UserRole)[0]
        self._show(item, [speech_id, *entered])
        if speech_id:
            self.edited.add(speech_id)
        self.changed.emit()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            speech = item.data(Qt.UserRole)
            if speech[0]:
                self.removed.append(speech[0])
                self.edited.discard(speech[0])
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def speeches(self) -> list[list]:
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())]

    def vote_counts(self) -> tuple[int, int, int] | None:
        return tuple(spin.value() for spin in self.votes) if self.voted.isChecked() else None


def save_speeches(db, meeting, speeches: list, removed: list, votes, edited=()) -> None:
    """On the write worker, in the session's transaction."""
    from chibo.services import meetings

    for speech_id in removed:
        meetings.remove_speech(db, speech_id)
    for speech_id, member_id, guest, content in speeches:
        if speech_id is None:
            meetings.add_speech(db, meeting.id, content, member_id=member_id, speaker_name=guest)
        elif speech_id in edited:
            meetings.edit_speech(db, speech_id, content, member_id=member_id, speaker_name=guest)
    if votes is not None:
        meetings.record_votes(db, meeting.id, *votes)
    elif meeting.votes_for is not None:
        meeting.votes_for = meeting.votes_against = meeting.votes_other = None
        db.add(meeting)
