"""The board's pieces: a card (a titled box of lines, each line with the button that handles it)
and a document's progress line. Large type and large buttons: the board is read at arm's length
on a 1366×768 screen, often at 125%."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QVBoxLayout, QWidget

CARD_STYLE = (
    "QFrame#card { background: white; border: 1px solid #d9d2c3; border-radius: 8px; }"
    "QFrame#card[tone=\"todo\"] { border-left: 6px solid #c0392b; }"
    "QFrame#card[tone=\"ok\"] { border-left: 6px solid #2e7d32; }"
    "QFrame#card[tone=\"info\"] { border-left: 6px solid #8d6e63; }"
    "QLabel#cardTitle { font-size: 13pt; font-weight: bold; color: #222; }"
    "QLabel#cardLine { font-size: 11pt; color: #222; }"
    "QLabel#cardNote { font-size: 10pt; color: #555; }"
    "QLabel#late { font-size: 10pt; color: #b00020; font-weight: bold; }"
    "QPushButton#action { font-size: 11pt; padding: 5px 12px; }"
    "QPushButton#link { font-size: 11pt; text-align: left; border: none; color: #0b57a4; padding: 3px 2px; }"
    "QPushButton#link:hover, QPushButton#link:focus { text-decoration: underline; background: #eef4fb; }"
    "QProgressBar { font-size: 10pt; min-height: 20px; border: 1px solid #bbb; border-radius: 4px;"
    " text-align: center; background: #f4f4f4; }"
    "QProgressBar::chunk { background: #5b9b5e; border-radius: 3px; }"
)


def text_line(text: str, name: str = "cardLine") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.PlainText)  # names and titles come from the book: never read as markup
    return label


def action_button(text: str, handler) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName("action")
    button.setCursor(Qt.PointingHandCursor)
    button.clicked.connect(handler)
    return button


class LinkButton(QPushButton):
    """A line of a list that opens its record: looks like a link, reached with Tab, pressed with
    Space or Enter. A line longer than its card is cut with "…" (the whole of it in the tooltip),
    so a long title never widens the board past the screen."""

    def __init__(self, text: str):
        super().__init__(text)
        self.full_text = text
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("M" * 8), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        shown = self.fontMetrics().elidedText(self.full_text, Qt.ElideRight, max(self.width() - 12, 10))
        if shown != self.text():
            self.setText(shown)
        super().resizeEvent(event)


def link_button(text: str, handler) -> LinkButton:
    button = LinkButton(text)
    button.setObjectName("link")
    button.setCursor(Qt.PointingHandCursor)
    button.setFlat(True)
    button.clicked.connect(handler)
    return button


class Card(QFrame):
    """A titled box; `tone` colours its left edge: "todo" (something to do), "ok", "info"."""

    def __init__(self, title: str, tone: str = "info"):
        super().__init__()
        self.setObjectName("card")
        self.setProperty("tone", tone)
        self.title = text_line(title, "cardTitle")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(14, 10, 14, 12)
        self.body.setSpacing(6)
        self.body.addWidget(self.title)
        self.body.addStretch(1)  # the lines sit at the top when the card beside is taller

    def add(self, widget: QWidget) -> QWidget:
        self.body.insertWidget(self.body.count() - 1, widget)
        return widget

    def add_line(self, text: str, name: str = "cardLine") -> QLabel:
        return self.add(text_line(text, name))

    def add_row(self, *widgets: QWidget, stretch_first: bool = True) -> QHBoxLayout:
        """Widgets side by side: typically a line of text and the button that handles it."""
        row = QHBoxLayout()
        row.setSpacing(10)
        for index, widget in enumerate(widgets):
            row.addWidget(widget, 1 if stretch_first and index == 0 else 0)
        self.body.insertLayout(self.body.count() - 1, row)
        return row

    def add_buttons(self, *buttons: QPushButton) -> QHBoxLayout:
        """Buttons on a line of their own, on the right under what they handle."""
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        self.body.insertLayout(self.body.count() - 1, row)
        return row


def progress_bar(done: int, total: int, text: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, max(total, 1))
    bar.setValue(min(done, max(total, 1)))
    bar.setFormat(text)
    bar.setTextVisible(True)
    return bar
