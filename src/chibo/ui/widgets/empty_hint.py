"""A sentence in the middle of an empty list that says what to do next ("Chưa có đảng viên nào.
Bấm “Thêm đảng viên” …"), so a new book's empty pages are not a dead end."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyHint(QLabel):
    """Shown over `view`'s empty area while its model has no rows; hidden as soon as one comes."""

    def __init__(self, view: QAbstractItemView, text: str = ""):
        super().__init__(text, view.viewport())
        self.view = view
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignCenter)
        self.setStyleSheet("color: #555; font-size: 11pt")
        self.setTextInteractionFlags(Qt.NoTextInteraction)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)  # a click still reaches the view
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.follow_rows)
        view.viewport().installEventFilter(self)
        self.follow_rows()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        self.setGeometry(self.view.viewport().rect().adjusted(24, 24, -24, -24))

    def follow_rows(self) -> None:
        self._fit()
        self.setVisible(bool(self.text()) and self.view.model().rowCount() == 0)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.follow_rows()
