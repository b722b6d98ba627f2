"""A question before something that cannot be taken back: the safe answer is the default."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from chibo.ui.i18n import tr


def go_ahead(parent: QWidget, title: str, text: str, go_text: str) -> bool:
    """True when the person clicked `go_text`; Cancel (the default, and Esc) says no."""
    box = QMessageBox(QMessageBox.Warning, title, text, parent=parent)
    go = box.addButton(go_text, QMessageBox.AcceptRole)
    cancel = box.addButton(tr("Cancel"), QMessageBox.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go
