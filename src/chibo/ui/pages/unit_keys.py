"""Cài đặt → Đơn vị, the keys: the fingerprint another unit compares (or that this computer has
none), the superior a cell confirmed, and new keys made on purpose after a question."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from chibo.ui.i18n import tr
from chibo.ui.operations import BookOp, Kind, changes
from chibo.ui.widgets.questions import go_ahead


class UnitKeyRows(QObject):
    """Two rows of the unit's form: `key_row` (fingerprint and the new-keys button) and `superior`."""

    made = Signal(str)  # new keys: the sentence to show

    def __init__(self, book, parent: QWidget):
        super().__init__(parent)
        self.book, self.page = book, parent
        self.fingerprint, self.superior = QLabel(), QLabel()
        for label in (self.fingerprint, self.superior):
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            label.setWordWrap(True)
        self.fingerprint.setStyleSheet("font-family: monospace; font-size: 12pt")
        self.new_keys_button = QPushButton(tr("Make new keys…"))
        self.new_keys_button.setToolTip(tr("Only when the unit’s keys were lost (a book restored on a new computer) or "
                                           "stolen: the other side must confirm the new fingerprint."))
        self.new_keys_button.clicked.connect(self.make_new_keys)
        self.key_row = QHBoxLayout()
        self.key_row.addWidget(self.fingerprint, 1)
        self.key_row.addWidget(self.new_keys_button)

    def show(self, identity, receiving: bool) -> None:
        if identity.fingerprint:
            self.fingerprint.setText(identity.fingerprint)
        elif identity.keys_lost:
            self.fingerprint.setText(tr("This computer has no key of the unit (the key sent out was {fingerprint}). "
                                        "If it is lost, make new keys.").format(
                fingerprint=identity.published_fingerprint))
        else:
            self.fingerprint.setText(tr("(none yet; made when the first bundle is sent)"))
        if identity.superior:  # a cell's superior, or a commune's province
            self.superior.setText(tr("{name}, key fingerprint {fingerprint}").format(**identity.superior))
        elif receiving:
            self.superior.setText(tr("(a receiving level: its cells confirm its key)"))
        else:
            self.superior.setText(tr("None yet: import the plan bundle of the level above (Data exchange)."))

    def make_new_keys(self) -> None:
        """New keys on purpose, asked first: the other side then holds our bundles until it compares."""
        from chibo.services.keys import make_new_keys

        if not go_ahead(self.page, tr("Make new keys"),
                        tr("Make new keys only when the unit’s keys were lost (for instance the book was restored "
                           "on a new computer) or may have been stolen.\n\nFrom the next bundle on, the other side "
                           "holds our bundles until its officer compares the new key fingerprint, which you read "
                           "out over the phone. The old keys are kept, so bundles already sealed to them still "
                           "open."), tr("Make new keys")):
            return
        book = self.book

        def done(result):
            keys, _previous = result
            self.made.emit(tr("New keys made. The new key fingerprint is {fingerprint}: read it out to the other "
                              "side.").format(fingerprint=keys.fingerprint))

        BookOp(self.page, book, lambda: make_new_keys(book), changes(Kind.EXCHANGE, Kind.SETTINGS), in_session=False,
               failure_text=tr("Could not make new keys; nothing was changed. The details are in the log.")).success(
            done).run()
