"""The first run on a new computer of a cell that lost its old one: the book comes back from the
commune's copy. Step 1 writes the request (this computer's new keys) to the USB stick and shows
the key fingerprint to read out to the commune; step 2 takes the restore bundle the commune wrote,
once the commune's fingerprint is compared in the same dialog as any key approval. Hoàn tất then
opens the restored book."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from chibo.ui.i18n import tr
from chibo.ui.operations import EVERYTHING, BookOp, Kind, changes
from chibo.ui.widgets.drives import DestinationPicker
from chibo.ui.widgets.exchange_parts import show_failure


def _label(style: str = "", text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    label.setStyleSheet(style)
    return label


class RecoverPage(QWizardPage):
    """Complete once the restore bundle is in: the book is then this cell's again."""

    def __init__(self, book):
        super().__init__()
        self.book = book
        self.restored = False
        self.dialog = None  # the commune's fingerprint, compared
        self.setTitle(tr("Get the book back from the level above"))
        self.setSubTitle(tr("For a cell whose computer was lost or broken: the level above keeps a copy of every "
                            "bundle the cell sent it."))
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("For example: Chi bộ bản Nậm Cáy"))
        self.picker = DestinationPicker()
        self.request_button = QPushButton(tr("Write the request to the USB stick"))
        self.request_button.clicked.connect(self.write_request)
        self.fingerprint = _label("font-family: monospace; font-size: 14pt; font-weight: bold")
        self.request_note = _label()
        ask = QGroupBox(tr("1. Ask the level above"))
        form = QFormLayout(ask)
        form.addRow(tr("Cell name:"), self.name)
        form.addRow(self.picker)
        form.addRow(self.request_button)
        form.setAlignment(self.request_button, Qt.AlignLeft)
        form.addRow(self.fingerprint)
        form.addRow(self.request_note)
        self.import_button = QPushButton(tr("Import the restore bundle…"))
        self.import_button.clicked.connect(self.choose_restore)
        self.status = _label()
        take = QGroupBox(tr("2. Take the book back"))
        take_layout = QVBoxLayout(take)
        take_layout.addWidget(_label(text=tr("Once the level above has compared the fingerprint, it writes a restore "
                                             "bundle sealed to this computer’s key. Import it here.")))
        take_layout.addWidget(self.import_button, 0, Qt.AlignLeft)
        take_layout.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addWidget(ask)
        layout.addWidget(take)
        layout.addStretch(1)

    def isComplete(self) -> bool:
        return self.restored

    def nextId(self) -> int:
        return -1

    def write_request(self) -> None:
        from chibo.sync.restore_bundle import write_restore_request

        destination = self.picker.chosen()
        if destination is None:
            return
        where, folder = destination
        book, name = self.book, self.name.text()

        def done(written):
            path, fingerprint = written
            self.fingerprint.setText(fingerprint)
            self.request_note.setText(tr("Wrote the request {file} to {where}. Take it to the level above and read "
                                         "this key fingerprint out to them over the phone.").format(file=path.name,
                                                                                                   where=where))

        BookOp(self, book, lambda: write_restore_request(book, name, folder), changes(Kind.EXCHANGE),
               in_session=False).success(done).failure(lambda exc: show_failure(self, exc)).run()

    def choose_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose the restore bundle"), "",
                                              tr("chibo data bundles (*.chibo);;All files (*)"))
        if path:
            self.import_restore(Path(path))

    def import_restore(self, path: Path, approve: frozenset = frozenset()) -> None:
        """Checked first; the commune's fingerprint compared in the approval dialog; then taken."""
        from chibo.sync.restore_import import import_restore

        book = self.book
        BookOp(self, book, lambda: import_restore(book, path, approve=approve), EVERYTHING, in_session=False).success(
            lambda report: self._imported(path, report)).failure(lambda exc: show_failure(self, exc)).run()

    def _imported(self, path: Path, report) -> None:
        from chibo.sync.trust import PendingKey
        from chibo.ui.dialogs.key_approval import KeyApprovalDialog

        if report.outcome == "pending":
            entry = PendingKey("", report.sender_name, report.fingerprint, "", None, 1, report.reason, "", True)
            self.dialog = KeyApprovalDialog(entry, False, self)
            if self.dialog.exec() == QDialog.Accepted:
                self.import_restore(path, frozenset({report.fingerprint}))
            return
        if report.outcome != "imported":
            self.status.setText(report.reason)
            return
        self.restored = True
        self.import_button.setEnabled(False)
        self.request_button.setEnabled(False)
        self.status.setText("\n".join(report.notes))
        self.completeChanged.emit()
