"""Larger text for older eyes: the application font grows by 2 or 4 points over the system's.
Kept apart from the settings page so the main window applies the book's choice before any page is
built."""

from __future__ import annotations

from chibo.ui.i18n import QT_TR_NOOP

TEXT_SIZE_SETTING = "text_size"
TEXT_SIZES = {"normal": (QT_TR_NOOP("Normal"), 0), "large": (QT_TR_NOOP("Large (easier to read)"), 2),
              "larger": (QT_TR_NOOP("Larger"), 4)}
_base_point_size: float | None = None


def apply_text_size(key: str) -> None:
    from PySide6.QtWidgets import QApplication

    global _base_point_size
    app = QApplication.instance()
    font = app.font()
    if _base_point_size is None:
        _base_point_size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    size = _base_point_size + TEXT_SIZES.get(key, TEXT_SIZES["normal"])[1]
    if font.pointSizeF() != size:  # setFont re-lays out every widget: only when it changes
        font.setPointSizeF(size)
        app.setFont(font)
