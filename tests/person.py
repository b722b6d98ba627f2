"""What a person does in the GUI tests, and nothing a person cannot do: click the button that shows
a caption, type through the input method, pick a file in the system's chooser; a message box is
answered with conftest's `answer_next_dialog`. No `accept()`, `reject()`, `save()` or other method
call in place of a click (the house rule)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QWidget


def click(qtbot, widget: QWidget) -> None:
    """A left click on a widget a person can see and use."""
    assert widget.isVisible() and widget.isEnabled(), f"“{getattr(widget, 'text', lambda: widget)()}” cannot be clicked"
    qtbot.mouseClick(widget, Qt.LeftButton)


def button(parent: QWidget, caption: str) -> QAbstractButton:
    """The one visible button of `parent` whose caption reads `caption` (a shortcut's & left out),
    in `parent`'s own window (not in a dialog opened over it)."""
    shown = [b for b in parent.findChildren(QAbstractButton) if b.isVisible() and b.window() is parent.window()]
    found = [b for b in shown if b.text().replace("&", "") == caption]
    assert len(found) == 1, f"{len(found)} buttons “{caption}” among " + ", ".join(f"“{b.text()}”" for b in shown)
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


def choose_file(qtbot, chooser: QAbstractButton, path) -> None:
    """Click the button that opens the system's file chooser (a native dialog on Windows, out of
    Qt's reach) and pick `path` in it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
        click(qtbot, chooser)


def choose_files(qtbot, chooser: QAbstractButton, paths) -> None:
    """The same with a chooser of several files."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(p) for p in paths], ""))
        click(qtbot, chooser)


def choose_folder(qtbot, picker: QWidget, folder) -> None:
    """“Chọn thư mục…” beside a list of USB drives, and `folder` picked in the system's chooser."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
        click(qtbot, button(picker, "Chọn thư mục…"))
