"""Tổng quan: the state of the cell's studies and sessions at a glance (read-only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from chibo.services.documents import list_documents
from chibo.services.figures import document_figures
from chibo.services.sessions import list_sessions
from chibo.services.plans import overdue_items
from chibo.services.roll import Roll
from chibo.services.units import local_unit
from chibo.text import format_date, format_rate, name_sort_key
from chibo.ui.i18n import tr
from chibo.ui.words import REVIEW_STATUS, label, session_title
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
    lines = [tr("<b>Members:</b> {on_roll} in the cell, {required} who must attend").format(
        on_roll=len(roll.on_roll(today)), required=len(roll.required(today)))]
    sessions = list_sessions(db, year=today.year)
    ahead = [m for m in sessions if m.held_on > today]
    held = [m for m in sessions if m.held_on <= today]
    if ahead:
        nearest = ahead[-1]  # newest first: the last one ahead is the nearest
        lines.append(tr("<b>Next session:</b> {title} ({date})").format(title=session_title(nearest),
                                                                         date=format_date(nearest.held_on)))
    elif not any(m.held_on.month == today.month and m.kind == SessionKind.REGULAR for m in held):
        lines.append(tr("<b>Next session:</b> no regular meeting recorded for {month}/{year} yet").format(
            month=today.month, year=today.year))
    if held:
        lines.append(tr("<b>Sessions in {year}:</b> {count}; the latest: {title} ({date})").format(
            year=today.year, count=len(held), title=session_title(held[0]), date=format_date(held[0].held_on)))
    incomplete, makeup = [], {}
    for document in list_documents(db):
        figures = document_figures(db, document.id, today, roll)
        if not figures.missing:
            continue
        deadline = tr(", due {date}").format(date=format_date(document.deadline)) if document.deadline else ""
        incomplete.append(tr("&nbsp;&nbsp;{document}: {rate}{deadline}; {missing} still to study it").format(
            document=document.number_symbol, rate=format_rate(figures.studied_count, figures.required),
            deadline=deadline, missing=len(figures.missing)))
        if figures.sessions:  # studied in a session already: those missing it need a make-up
            for m in figures.missing:
                makeup.setdefault(m.full_name, []).append(document.number_symbol)
    lines.append(tr("<b>Documents not yet fully studied:</b> {count}").format(count=len(incomplete)))
    lines.extend(incomplete)
    lines.append(tr("<b>Members who need a make-up:</b> {count}").format(count=len(makeup)))
    for name in sorted(makeup, key=name_sort_key):
        lines.append(f"&nbsp;&nbsp;{name}: {', '.join(makeup[name])}")
    lines.extend(superior_note_lines(db))
    late = overdue_items(db, today)
    lines.append(tr("<b>Overdue tasks:</b> {count}").format(count=len(late)))
    for item in late[:5]:
        lines.append(tr("&nbsp;&nbsp;{task} ({days} days late)").format(task=item.item.content, days=item.days_late))
    return OverviewData(unit.name, unit.superior_name, lines)


def superior_note_lines(db) -> list[str]:
    """What the level above said of the bundles sent, as its latest plan bundle brought it: a note
    asking for more first, in the cell's own words (escaped: it is shown as rich text)."""
    from html import escape

    from chibo.services.superior_notes import superior_notes

    notes = superior_notes(db)
    if not notes:
        return []
    asked = [n for n in notes if n.needs_more]
    lines = [tr("<b>The level above asks for more:</b> {count} bundles").format(count=len(asked)) if asked
             else tr("<b>The level above reviewed the bundles sent:</b> nothing to add")]
    for note in asked + [n for n in notes if not n.needs_more]:
        when = tr(", {date}").format(date=format_date(note.reviewed_on)) if note.reviewed_on else ""
        said = f": {escape(note.note)}" if note.note else ""
        lines.append(tr("&nbsp;&nbsp;Bundle no. {seq} — {status} ({superior}{when}){said}").format(
            seq=note.seq, status=label(note.status, REVIEW_STATUS), superior=escape(note.superior), when=when, said=said))
    return lines


class OverviewPage(QWidget):
    def __init__(self):
        super().__init__()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold")
        self.body = QLabel(tr("Loading the figures…"))
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
