"""At the receiving level: the book of a cell that lost its computer, written from the copy kept
here into a restore bundle sealed to the cell's key. The new computer's request brings its new
key; the officer compares its fingerprint with the one the secretary reads out (both the key
approved before and the new one shown) and ticks that they are the same before anything is
written; without a request, the bundle is sealed to the key approved for the cell."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from chibo.text import format_count
from chibo.ui.i18n import tr
from chibo.ui.operations import BookOp, Kind, QueryOp, changes
from chibo.ui.widgets.drives import DestinationPicker
from chibo.ui.widgets.exchange_parts import show_failure

_FINGERPRINT_STYLE = "font-family: monospace; font-size: 14pt; font-weight: bold"


def _selectable(text: str = "", style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


class RestoreBundleDialog(QDialog):
    """For one cell: its request read, its new key compared and ticked, the bundle written."""

    def __init__(self, book, unit_id: str, name: str, fingerprint: str, parent=None):
        super().__init__(parent)
        self.book, self.unit_id, self.name = book, unit_id, name
        self.request_path: Path | None = None
        self.request = None  # RestoreRequest
        self.setWindowTitle(tr("Restore bundle for {name}").format(name=name))
        intro = _selectable(tr("For a cell that lost its computer: its book, from the copy kept here, in a bundle "
                               "sealed to the cell’s key; only the computer holding that key opens it. On the new "
                               "computer the secretary first writes a request (it carries the computer’s new key) and "
                               "reads its key fingerprint out to you."))
        self.approved = _selectable(tr("Key approved here for “{name}”: {fingerprint}").format(name=name,
                                                                                             fingerprint=fingerprint))
        self.choose = QPushButton(tr("Choose the new computer’s request…"))
        self.choose.clicked.connect(self.choose_request)
        self.request_line = _selectable(tr("No request chosen: the bundle is sealed to the key approved here."))
        self.compare = QGroupBox(tr("New key fingerprint, to compare:"))
        self.new_fingerprint = _selectable(style=_FINGERPRINT_STYLE)
        self.same = QCheckBox(tr("The secretary read out exactly this fingerprint to me"))
        self.same.toggled.connect(self._update)
        box = QVBoxLayout(self.compare)
        box.addWidget(self.new_fingerprint)
        box.addWidget(self.same)
        self.compare.hide()
        self.picker = DestinationPicker()
        self.write_button = QPushButton(tr("Write the restore bundle"))
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.write)
        self.result = _selectable()
        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(tr("Close"), QDialogButtonBox.RejectRole)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.choose)
        row.addWidget(self.request_line, 1)
        layout = QVBoxLayout(self)
        for widget in (intro, self.approved):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.compare)
        layout.addWidget(self.picker)
        layout.addWidget(self.write_button, 0, Qt.AlignLeft)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)

    def choose_request(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose the new computer’s request"), "",
                                              tr("chibo data bundles (*.chibo);;All files (*)"))
        if path:
            self.read_request(Path(path))

    def read_request(self, path: Path) -> None:
        from chibo.sync.restore_bundle import read_request

        def done(request):
            self.request_path, self.request = path, request
            self.request_line.setText(tr("Request of the new computer (it names itself “{name}”): {file}").format(
                name=request.name, file=path.name))
            self.new_fingerprint.setText(request.fingerprint)
            self.same.setChecked(False)
            self.compare.show()
            self.adjustSize()  # room for the fingerprint and the tick
            self._update()

        QueryOp(self, self.book, lambda: read_request(path), done, in_session=False).failure(
            lambda exc: show_failure(self, exc)).run()

    def _update(self) -> None:
        self.write_button.setEnabled(self.request is None or self.same.isChecked())

    def write(self) -> None:
        from chibo.sync.restore_bundle import export_restore

        destination = self.picker.chosen()
        if destination is None:
            return
        where, folder = destination
        book, unit_id, request = self.book, self.unit_id, self.request_path
        approve = self.request.fingerprint if self.request is not None and self.same.isChecked() else None
        self.write_button.setEnabled(False)

        def done(result):
            self._update()
            text = tr("Wrote the restore bundle of “{name}” to {where}: {file}, {records} records, sealed to the key "
                      "{fingerprint}.").format(name=result.unit_name, where=where, file=result.path.name,
                                               records=format_count(result.records), fingerprint=result.fingerprint)
            if result.previous_fingerprint:
                text += tr("\nThe new key is now the cell’s key; the old key {old} no longer counts for bundles after "
                           "no. {seq}.").format(old=result.previous_fingerprint, seq=result.last_seq)
            self.result.setText(text)

        def failed(exc):
            self._update()
            show_failure(self, exc)

        BookOp(self, book, lambda: export_restore(book, unit_id, folder, request=request, approve=approve),
               changes(Kind.EXCHANGE), in_session=False).success(done).failure(failed).run()
