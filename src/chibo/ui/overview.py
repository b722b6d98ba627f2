"""Tổng quan: the state of the cell's studies and sessions at a glance (read-only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from chibo.services.documents import list_documents
from chibo.services.figures import document_figures
from chibo.services.meetings import list_sessions, session_title
from chibo.services.plans import overdue_items
from chibo.services.roll import Roll
from chibo.services.units import local_unit
from chibo.text import format_date, format_rate, name_sort_key
from chibo.vocabulary import SessionKind


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
    ahead = [m for m in sessions if m.held_on > today]
    held = [m for m in sessions if m.held_on <= today]
    if ahead:
        nearest = ahead[-1]  # newest first: the last one ahead is the nearest
        lines.append(f"<b>Buổi tới:</b> {session_title(nearest)} ({format_date(nearest.held_on)})")
    elif not any(m.held_on.month == today.month and m.kind == SessionKind.REGULAR for m in held):
        lines.append(f"<b>Buổi tới:</b> tháng {today.month}/{today.year} chưa ghi buổi sinh hoạt thường kỳ nào")
    if held:
        lines.append(f"<b>Sinh hoạt năm {today.year}:</b> {len(held)} buổi; gần nhất: "
                     f"{session_title(held[0])} ({format_date(held[0].held_on)})")
    incomplete, makeup = [], {}
    for document in list_documents(db):
        figures = document_figures(db, document.id, today, roll)
        if not figures.missing:
            continue
        deadline = f", hạn {format_date(document.deadline)}" if document.deadline else ""
        incomplete.append(f"&nbsp;&nbsp;{document.number_symbol}: {format_rate(figures.studied_count, figures.required)}"
                          f"{deadline}; còn {len(figures.missing)} người chưa học")
        if figures.sessions:  # studied in a session already: those missing it need a make-up
            for m in figures.missing:
                makeup.setdefault(m.full_name, []).append(document.number_symbol)
    lines.append(f"<b>Văn bản chưa học xong:</b> {len(incomplete)}")
    lines.extend(incomplete)
    lines.append(f"<b>Đảng viên cần học bù:</b> {len(makeup)}")
    for name in sorted(makeup, key=name_sort_key):
        lines.append(f"&nbsp;&nbsp;{name}: {', '.join(makeup[name])}")
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
        self.body.setAlignment(self.body.alignment() & ~Qt.AlignVCenter | Qt.AlignTop)
        scroll = QScrollArea()  # a large cell's list of make-ups runs past the screen
        scroll.setWidget(self.body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)

    def show_data(self, data: OverviewData) -> None:
        self.title.setText(f"{data.unit_name} — {data.superior}" if data.superior else data.unit_name)
        self.body.setText("<br>".join(data.lines))
