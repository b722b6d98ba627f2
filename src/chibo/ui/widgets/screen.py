"""Window sizes that fit the screen they open on. Kept apart from the editors so that the main
window can use it before its first paint without loading them."""

from __future__ import annotations


def fit_to_screen(widget, width: int, height: int) -> None:
    """Resize to (width, height) or to what the screen has, whichever is smaller: at 125% a
    1366×768 screen has 1093×614 logical pixels, and a dialog taller than that hides its buttons."""
    from PySide6.QtGui import QGuiApplication

    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    room = screen.availableGeometry()
    widget.resize(min(width, room.width() - 16), min(height, room.height() - 48))  # the frame and title bar
