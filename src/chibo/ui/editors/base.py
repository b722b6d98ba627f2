"""The shape every editor dialog shares: fields, a red line for what the services refused, Lưu
(Ctrl+S) on the write worker, and a question before unsaved changes are thrown away."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import BookOp, Changes, message_of

DATE_HINT = QT_TR_NOOP("dd/mm/yyyy")


def date_field(value: str = "") -> QLineEdit:
    field = QLineEdit(value)
    field.setPlaceholderText(tr(DATE_HINT))
    field.setMaximumWidth(140)
    return field


def choice_field(choices: dict, current: str | None = None, empty: str | None = None) -> QComboBox:
    """A combo of (label, value) from a vocabulary's label table; `empty` adds a first, blank choice."""
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, "")
    for value, text in choices.items():
        combo.addItem(text, str(value))
    if current is not None:
        index = combo.findData(str(current))
        combo.setCurrentIndex(max(index, 0))
    return combo


class EditorDialog(QDialog):
    """Subclasses lay out their fields in `self.body`, call `watch` on them, and implement `values`
    (read on the GUI thread) and `write(db, values)` (run on the write worker); `changes` says which
    kinds of records a save changes, so that the pages showing them reload."""

    saved = Signal(object)
    changes: Changes = Changes()

    def __init__(self, book, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.book = book
        self.setWindowTitle(title)
        self.body = QVBoxLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        self.save_button.setText(tr("Save (Ctrl+S)"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(tr("Close"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.Save, self, activated=self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.dirty = False
        self._saving = False

    def watch(self, *widgets) -> None:
        for widget in widgets:
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self.mark_dirty)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self.mark_dirty)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.mark_dirty)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self.mark_dirty)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self.mark_dirty)

    def mark_dirty(self, *_args) -> None:
        self.dirty = True

    def values(self) -> dict:
        raise NotImplementedError

    def write(self, db, values: dict) -> Any:
        raise NotImplementedError

    def save(self) -> None:
        if self._saving:
            return
        values = self.values()
        self._saving = True
        self.save_button.setEnabled(False)
        BookOp(self, self.book, lambda db: self.write(db, values), self.changes).success(self._saved).failure(
            self._refused).run()

    def _saved(self, result) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.dirty = False
        self.error.hide()
        self.saved.emit(result)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.error.setText(message_of(exc, tr("Could not save. The details are in the log; the book was not changed.")))
        self.error.show()

    def ask_unsaved(self) -> str:
        """"save", "discard" or "cancel", as the person answered the question box."""
        box = QMessageBox(QMessageBox.Warning, self.windowTitle(),
                          tr("There are unsaved changes. Save before closing?"), parent=self)
        save = box.addButton(tr("Save"), QMessageBox.AcceptRole)
        discard = box.addButton(tr("Don’t save"), QMessageBox.DestructiveRole)
        cancel = box.addButton(tr("Go back to editing"), QMessageBox.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        return {save: "save", discard: "discard"}.get(box.clickedButton(), "cancel")

    def reject(self) -> None:
        """Đóng, Esc and the window's close button all come here (QDialog.closeEvent calls it)."""
        if self.dirty and not self._saving:
            answer = self.ask_unsaved()
            if answer == "save":
                self.save()
                return
            if answer == "cancel":
                return
        super().reject()
