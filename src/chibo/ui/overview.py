"""Tổng quan: the state of the cell's studies and sessions at a glance (read-only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from chibo.services.documents import list_documents
from chibo.services.figures import document_figures
from chibo.services.meetings import list_sessions, session_title
from chibo.services.plans import overdue_items
from chibo.services.roll import Roll
from chibo.services.units import local_unit
from chibo.text import format_date, format_rate


@dataclass
class OverviewData:
    unit_name: str
    superior: str
    lines: list[str]


def load_overview(db, today: date | None = None) -> OverviewData:
    """Computed on a worker: figures from the rows, as text lines."""
    today = today or date.today()
    unit = local_unit(db)
    roll = Roll.load(db)
    lines = [f"<b>Đảng viên:</b> {len(roll.on_roll(today))} trong chi bộ, {len(roll.required(today))} phải sinh hoạt"]
    sessions = list_sessions(db, year=today.year)
    if sessions:
        lines.append(f"<b>Sinh hoạt năm {today.year}:</b> {len(sessions)} buổi; gần nhất: "
                     f"{session_title(sessions[0])} ({format_date(sessions[0].held_on)})")
    lines.append("<b>Học tập văn bản:</b>")
    for document in list_documents(db):
        figures = document_figures(db, document.id, today, roll)
        deadline = f", hạn {format_date(document.deadline)}" if document.deadline else ""
        lines.append(f"&nbsp;&nbsp;{document.number_symbol}: {format_rate(figures.studied_count, figures.required)}"
                     f"{deadline}; còn {len(figures.missing)} người chưa học")
    late = overdue_items(db, today)
    lines.append(f"<b>Nhiệm vụ quá hạn:</b> {len(late)}")
    for item in late[:5]:
        lines.append(f"&nbsp;&nbsp;{item.item.content} (quá {item.days_late} ngày)")
    return OverviewData(unit.name, unit.superior_name, lines)


class OverviewPage(QWidget):
    def __init__(self):
        super().__init__()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold")
        self.body = QLabel("Đang tải số liệu…")
        self.body.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addStretch(1)

    def show_data(self, data: OverviewData) -> None:
        self.title.setText(f"{data.unit_name} — {data.superior}" if data.superior else data.unit_name)
        self.body.setText("<br>".join(data.lines))
