"""What a person does in the GUI tests, and nothing a person cannot do: click the button that shows
a caption, press a key where the focus is, type through the input method, answer the message box
that comes up, pick a file in the system's chooser. No `accept()`, `reject()`, `save()` or other
method call in place of a click (the house rule)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QMessageBox, QWidget


def click(qtbot, widget: QWidget) -> None:
    """A left click on a widget a person can see and use."""
    assert widget.isVisible() and widget.isEnabled(), f"“{getattr(widget, 'text', lambda: widget)()}” cannot be clicked"
    qtbot.mouseClick(widget, Qt.LeftButton)


def button(parent: QWidget, caption: str) -> QAbstractButton:
    """The one visible button of `parent` whose caption reads `caption` (a shortcut's & left out)."""
    found = [b for b in parent.findChildren(QAbstractButton) if b.isVisible() and b.text().replace("&", "") == caption]
    assert len(found) == 1, f"{len(found)} buttons “{caption}” among " + ", ".join(
        f"“{b.text()}”" for b in parent.findChildren(QAbstractButton) if b.isVisible() and b.text())
    return found[0]


def click_button(qtbot, parent: QWidget, caption: str) -> None:
    click(qtbot, button(parent, caption))


def type_text(widget: QWidget, text: str) -> None:
    """Vietnamese arrives through the input method (Unikey, the system IME) as a commit string;
    QTest's key clicks type Latin-1 only."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def replace_text(qtbot, widget: QWidget, text: str) -> None:
    """Select what the field holds (Ctrl+A), then type over it."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClick(widget, Qt.Key_Delete)
    type_text(widget, text)


def answer(qtbot, choice, seen: list | None = None, *, within_ms: int = 10_000) -> None:
    """Arrange for the next message box to be answered with `choice` (a QMessageBox standard button,
    or a button's caption) by a click, as a person reads it and clicks; its text goes to `seen`.
    Call before the click that shows the box: the box runs its own event loop."""
    tries = [within_ms // 20]

    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            if seen is not None:
                seen.append(box.text())
            target = box.button(choice) if not isinstance(choice, str) else next(
                b for b in box.buttons() if b.text().replace("&", "") == choice)
            qtbot.mouseClick(target, Qt.LeftButton)
        elif tries[0] > 0:
            tries[0] -= 1
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)


def pick_file(monkeypatch, path) -> None:
    """The system's file chooser (a native dialog on Windows, out of Qt's reach) hands back `path`."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
