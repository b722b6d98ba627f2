"""Keys waiting for a person's word, like SSH's known hosts but with paper: a unit seen for the
first time, a known unit's new key (both fingerprints shown side by side), a plan bundle from a
unit other than the cell's superior. Approving asks the operator to compare the fingerprint
read out by the other unit; a unit that declares another superior needs a second, explicit tick."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from chibo.text import format_date
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import EVERYTHING, BookOp, Kind, changes
from chibo.ui.widgets.exchange_parts import fill_table, list_table, show_failure

PENDING_COLUMNS = (QT_TR_NOOP("Unit"), QT_TR_NOOP("Key approved before"), QT_TR_NOOP("Key fingerprint to compare"),
                   QT_TR_NOOP("Bundles waiting"), QT_TR_NOOP("First received"))
_FINGERPRINT_STYLE = "font-family: monospace; font-size: 14pt; font-weight: bold"


class KeyApprovalDialog(QDialog):
    """Both fingerprints when a key changed; the approve button stays disabled while a unit that
    declares another superior has not been confirmed with the extra tick."""

    def __init__(self, entry, receiving: bool, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Confirm the key"))
        layout = QVBoxLayout(self)
        if entry.previous_fingerprint:
            intro = tr("The signing key of “{name}” has changed. Ask the unit itself (by phone, or on a signed paper) "
                       "whether it really made a new key, for instance after restoring its book on a new computer.")
        elif receiving:
            intro = tr("“{name}” sends a bundle for the first time. Compare its key fingerprint with the one the unit "
                       "reads out to you (it is shown in its chibo under Settings → Unit).")
        else:
            intro = tr("Compare the key fingerprint of “{name}” with the one the level above reads out to you.")
        text = QLabel(intro.format(name=entry.name))
        text.setWordWrap(True)
        layout.addWidget(text)
        if entry.previous_fingerprint:
            layout.addWidget(QLabel(tr("Key approved before:")))
            self.previous = QLabel(entry.previous_fingerprint)
            self.previous.setStyleSheet("font-family: monospace; font-size: 12pt; color: #555")
            self.previous.setTextInteractionFlags(Qt.TextSelectableByMouse)
            layout.addWidget(self.previous)
        layout.addWidget(QLabel(tr("New key fingerprint, to compare:") if entry.previous_fingerprint else
                                tr("Key fingerprint to compare:")))
        self.fingerprint = QLabel(entry.fingerprint)
        self.fingerprint.setStyleSheet(_FINGERPRINT_STYLE)
        self.fingerprint.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.fingerprint)
        self.second_word = QCheckBox(tr("I have checked that this unit belongs to us") if receiving else
                                     tr("I have checked that this is the cell’s level above"))
        if entry.flag:
            flag = QLabel(entry.flag)
            flag.setWordWrap(True)
            flag.setStyleSheet("color: #b00020")
            layout.addWidget(flag)
            layout.addWidget(self.second_word)
        else:
            self.second_word.hide()
        note = QLabel(tr("Confirm only when the two fingerprints are exactly the same; the bundles waiting are "
                         "imported then."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox()
        self.approve_button = self.buttons.addButton(tr("Both are the same: confirm"), QDialogButtonBox.AcceptRole)
        self.cancel_button = self.buttons.addButton(tr("Cancel"), QDialogButtonBox.RejectRole)
        self.cancel_button.setDefault(True)
        self.approve_button.setEnabled(not entry.flag)
        self.second_word.toggled.connect(self.approve_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    @property
    def other_superior(self) -> bool:
        return self.second_word.isChecked()


class PendingPanel(QGroupBox):
    """What is held until a fingerprint is compared with the one the other unit reads out."""

    decided = Signal(list)  # ImportReports of the bundles imported on approval

    def __init__(self, book, receiving: bool):
        super().__init__(tr("Keys awaiting confirmation"))
        self.book, self.receiving = book, receiving
        self.units: list = []
        self.dialog: KeyApprovalDialog | None = None
        self.table, self.model = list_table(PENDING_COLUMNS, 2)
        self.table.setMaximumHeight(130)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_reason())
        self.reason = QLabel("")
        self.reason.setWordWrap(True)
        self.approve_button = QPushButton(tr("Confirm the key…"))
        self.reject_button = QPushButton(tr("Reject the key…"))
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        who = tr("a cell") if receiving else tr("the level above")
        hint = QLabel(tr("A bundle from {who} with a key not confirmed yet (a new unit, or a known unit with a new key) "
                         "is held back and not counted. Compare the key fingerprint with the one the unit reads out "
                         "over the phone before you confirm it.").format(who=who))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)

    def show_units(self, units) -> None:
        self.units = list(units)
        fill_table(self.table, self.model, [(u.unit_id + u.fingerprint, (
            u.name, u.previous_fingerprint or tr("(new unit)"), u.fingerprint, str(u.bundles),
            format_date(u.first_seen_at))) for u in self.units])
        self.setVisible(bool(self.units))
        if self.units:
            self.table.selectRow(0)
        self._show_reason()

    def _selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.units[rows[0].row()] if rows else None

    def _show_reason(self) -> None:
        entry = self._selected()
        self.reason.setText(" ".join(part for part in (entry.reason, entry.flag) if part) if entry else "")

    def approve(self) -> None:
        from chibo.sync.trust import approve_pending

        entry = self._selected()
        if entry is None:
            return
        self.dialog = KeyApprovalDialog(entry, self.receiving and not entry.superior, self)  # a commune's province
        if self.dialog.exec() != QDialog.Accepted:
            return
        book, other = self.book, self.dialog.other_superior
        # Approving re-imports the bundles held for the key: they may bring any kind of record.
        BookOp(self, book, lambda: approve_pending(book, entry.unit_id, entry.fingerprint, other_superior=other),
               EVERYTHING, in_session=False).success(self.decided.emit).failure(lambda exc: show_failure(self, exc)).run()

    def reject(self) -> None:
        from chibo.sync.trust import reject_pending

        entry = self._selected()
        if entry is None:
            return
        answer = QMessageBox.question(
            self, tr("Reject the key"),
            tr("Reject the key {fingerprint} of “{name}”? Every bundle signed with it will be rejected from now "
               "on.").format(name=entry.name, fingerprint=entry.fingerprint),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer != QMessageBox.Yes:
            return
        book = self.book
        BookOp(self, book, lambda: reject_pending(book, entry.unit_id, entry.fingerprint), changes(Kind.EXCHANGE),
               in_session=False).success(lambda _: self.decided.emit([])).failure(lambda exc: show_failure(self, exc)).run()
