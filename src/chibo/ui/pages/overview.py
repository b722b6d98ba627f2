"""Tổng quan: the month's to-do board, the screen a secretary opens chibo for. This month's regular
meeting (recorded or not), the documents still being studied with their progress and deadline, who
needs a make-up for what, the essays not handed in, the overdue tasks, and where the report
bundles stand; each line with the button that handles it, one click away.

The figures come from `services.board` through the plain sqlite3 reader, so the board is on screen
before SQLAlchemy is imported (`app.py`). This module imports nothing of the services' engine
either: the editors it opens are imported when a button is pressed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget

from chibo.text import format_date, format_percent, name_sort_key
from chibo.ui.i18n import tr
from chibo.ui.operations import Kind
from chibo.ui.widgets.card import CARD_STYLE, Card, action_button, link_button, progress_bar, text_line
from chibo.ui.widgets.paint_watch import PaintWatch
from chibo.ui.words import REVIEW_STATUS, label, session_title
from chibo.vocabulary import UnitRole

SHOWN_NAMES = 8  # names listed on a line before "and N more"
SHOWN_TASKS = 5


def read_board(folder, today: date | None = None):
    """On a worker: the month's board of the book in `folder` (at a receiving level, its cells in
    rows: `services.receiving_board`); None for a book that must first be opened through the engine
    (new, to migrate: `StaleSchemaError`) or set up (no unit yet)."""
    from chibo import paths
    from chibo.services.board import month_board
    from chibo.store.reader import StaleSchemaError, open_reader

    try:
        with open_reader(paths.database_path(folder)) as reader:
            if not reader.local_unit_id:
                return None
            if reader.value("SELECT role FROM unit WHERE id = ?", (reader.local_unit_id,)) == UnitRole.RECEIVING:
                from chibo.services.glance import local_unit
                from chibo.services.receiving_board import receiving_board

                board = receiving_board(reader, today)
                board.unit = local_unit(reader)
                return board
            return month_board(reader, today)
    except StaleSchemaError:
        return None


def read_study(folder, board):
    """On a worker: the second step of a receiving level's board, each cell's study."""
    from chibo import paths
    from chibo.services.receiving_board import study_by_cell
    from chibo.store.reader import open_reader

    with open_reader(paths.database_path(folder)) as reader:
        return study_by_cell(reader, board)


def names_text(names: list[str]) -> str:
    shown = ", ".join(names[:SHOWN_NAMES])
    if len(names) > SHOWN_NAMES:
        shown += tr(" and {count} more").format(count=len(names) - SHOWN_NAMES)
    return shown


def days_text(deadline: date | None, today: date) -> tuple[str, bool]:
    """("due 30/06/2026, 12 days left", late?)"""
    if deadline is None:
        return tr("no deadline set"), False
    days = (deadline - today).days
    if days < 0:
        return tr("due {date}, {days} days overdue").format(date=format_date(deadline), days=-days), True
    if days == 0:
        return tr("due today, {date}").format(date=format_date(deadline)), True
    return tr("due {date}, {days} days left").format(date=format_date(deadline), days=days), False


class OverviewPage(QWidget):
    kinds = frozenset({Kind.MEMBERS, Kind.SESSIONS, Kind.DOCUMENTS, Kind.ESSAYS, Kind.PLANS, Kind.EXCHANGE,
                       Kind.SETTINGS})
    needs_book = False  # read through the sqlite3 reader from the folder, before the book is open
    fetch = staticmethod(read_board)

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        self.board = None
        self.last_dialog = None
        self.setStyleSheet(CARD_STYLE)
        self.heading = QLabel(tr("What to do this month"))
        self.heading.setStyleSheet("font-size: 17pt; font-weight: bold; color: #7a1010")
        self.subheading = text_line(tr("Loading the figures…"), "cardNote")
        self.content = QWidget()
        self.content.setObjectName("boardContent")
        # Two columns of cards, each packed from the top (a grid would give a short card the height
        # of its taller neighbour, and push the last cards below the fold at 1366×768).
        columns = QHBoxLayout(self.content)
        # Never squeezed below what its cards need (at 125 % they overflow 768 pixels): the scroll
        # area scrolls instead of clipping lines and buttons.
        columns.setSizeConstraint(QLayout.SetMinimumSize)
        columns.setContentsMargins(0, 4, 8, 8)
        columns.setSpacing(14)
        self.columns = (QVBoxLayout(), QVBoxLayout())
        for column in self.columns:
            column.setSpacing(14)
            columns.addLayout(column, 1)
        scroll = QScrollArea()  # a large cell's lists run past the screen
        scroll.setWidget(self.content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setFocusPolicy(Qt.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 8, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(scroll, 1)
        self.data_painted = PaintWatch(self.content, armed=False)  # the board painted with data
        self.cards: dict[str, Card] = {}
        self.scroll = scroll
        self.receiving = None  # a receiving level's board (`pages.receiving_overview`), made when first shown
        self.record_button = None  # "Record this month's meeting…", while it is not recorded

    @property
    def book(self):
        return self.window_.book

    # Filling ------------------------------------------------------------------------------------
    def show_data(self, board) -> None:
        from chibo.services.receiving_board import ReceivingBoard

        if isinstance(board, ReceivingBoard):
            return self._show_receiving(board)
        self.board = board
        today = board.today
        self.heading.setText(tr("Month {month}/{year}: what to do").format(month=today.month, year=today.year))
        m = board.members
        self.subheading.setText(tr("Today is {date}. {on_roll} members in the cell, {required} of whom must attend "
                                   "and study; {exempt} exempt.").format(
            date=format_date(today), on_roll=m.on_roll, required=m.required, exempt=m.exempt))
        for column in self.columns:
            while column.count():
                widget = column.takeAt(0).widget()
                if widget is not None:
                    widget.deleteLater()
        self.cards = {}
        self.record_button = None
        cards = [self._meeting_card(board), self._study_card(board), self._makeup_card(board),
                 self._essay_card(board), self._task_card(board), self._exchange_card(board)]
        for index, card in enumerate(cards):
            self.columns[index % 2].addWidget(card)
        for column in self.columns:
            column.addStretch(1)
        self.data_painted.arm()
        self.content.update()

    def _show_receiving(self, board) -> None:
        """A commune's board: its cells in rows at once, their study when the second read is back."""
        from chibo.ui.operations import QueryOp
        from chibo.ui.pages.receiving_overview import ReceivingOverviewPage

        self.board = board
        if self.receiving is None:
            self.receiving = ReceivingOverviewPage()
            self.receiving.open_cell.connect(self.window_.open_cell)
            self.receiving_painted = PaintWatch(self.receiving.table.viewport(), armed=False)
            self.receiving_painted.painted.connect(self.data_painted.painted.emit)
            self.layout().addWidget(self.receiving, 1)
            for widget in (self.heading, self.subheading, self.scroll):
                widget.hide()
        self.receiving.show_board(board)
        self.receiving_painted.arm()
        self.receiving.table.viewport().update()
        folder = self.window_.book_folder

        def shown(figures):
            from chibo.services.receiving_board import fill_study

            if self.board is board:  # not an older read come back after a newer one
                fill_study(board, figures)
                self.receiving.show_study(board)
                self.study_filled = True

        self.study_filled = False
        QueryOp(self, None, lambda: read_study(folder, board), shown, in_session=False).run()

    def _card(self, key: str, title: str, tone: str) -> Card:
        card = Card(title, tone)
        self.cards[key] = card
        return card

    def _todo_card(self, key: str, title: str, items: list, nothing: str) -> Card:
        """A card of things to do: red-edged while `items` holds some, else green with `nothing` said."""
        card = self._card(key, title, "todo" if items else "ok")
        if not items:
            card.add_line(nothing)
        return card

    def _names_line(self, card: Card, study, names: list[str]) -> None:
        card.add_line(tr("{document} ({count}): {names}").format(
            document=study.document.number_symbol, count=len(names), names=names_text(names)))

    def _meeting_card(self, board) -> Card:
        month = tr("{month}/{year}").format(month=board.today.month, year=board.today.year)
        meeting = board.meeting
        card = self._card("meeting", tr("Regular meeting of {month}").format(month=month), "ok" if meeting else "todo")
        if meeting is None:
            card.add_line(tr("Not recorded yet."))
            card.add_line(tr("Proposed day: {date}, with the roll of that day.").format(
                date=format_date(board.meeting_day)), "cardNote")
            self.record_button = action_button(tr("Record this month’s meeting…"), self.record_meeting)
            card.add_buttons(self.record_button)
        else:
            figures = tr("{present}/{summoned} present, {absent} absent").format(
                present=meeting.present, summoned=meeting.summoned, absent=meeting.absent)
            if meeting.unrecorded:
                figures = tr("roll call not finished: {count} not marked").format(count=meeting.unrecorded)
            card.add_line(tr("Recorded: {date}, {figures}.").format(date=format_date(meeting.held_on), figures=figures))
            minutes = (tr("Minutes no. {number}").format(number=meeting.number_symbol) if meeting.number_symbol
                       else tr("Minutes not yet printed."))
            card.add_line(minutes, "cardNote")
            card.add_buttons(action_button(tr("Open the meeting…"), lambda: self.open_session(meeting.id)))
        if board.next_session is not None:
            card.add_line(tr("Next: {title} on {date}.").format(title=session_title(board.next_session),
                                                                date=format_date(board.next_session.held_on)),
                          "cardNote")
        return card

    def _study_card(self, board) -> Card:
        card = self._todo_card("study", tr("Documents being studied"), board.studying,
                               tr("Every document has been studied by every member who must."))
        for study in board.studying:
            document = study.document
            card.add(link_button(f"{document.number_symbol}: {document.title}",
                                 lambda _=False, d=document.id: self.open_study(d)))
            rate = format_percent(study.percent) if study.percent is not None else ""
            bar = progress_bar(study.studied_count, study.required, tr("{studied}/{required} studied ({rate})").format(
                studied=study.studied_count, required=study.required, rate=rate))
            due, late = days_text(document.deadline, board.today)
            card.add_row(bar, text_line(due, "late" if late else "cardNote"), stretch_first=True)
        return card

    def _makeup_card(self, board) -> Card:
        card = self._todo_card("makeup", tr("Who needs a make-up"), board.makeups,
                               tr("Nobody: every member who missed a study has made it up."))
        for study in board.makeups:
            self._names_line(card, study, [m.full_name for m in study.missing])
            # Not "missed": a member who joined after the study is on this list too, and was never absent.
            card.add_row(text_line(tr("Not studied yet; the last study session was on {date}.").format(
                date=format_date(study.latest_session_on)), "cardNote"),
                         action_button(tr("Create the make-up session…"),
                                       lambda _=False, d=study.document.id: self.create_makeup(d)))
        return card

    def _essay_card(self, board) -> Card:
        card = self._todo_card("essays", tr("Essays not handed in"), board.essays,
                               tr("Every member who studied a document has handed in the essay."))
        for study in board.essays:
            self._names_line(card, study, sorted((board.names[m] for m in study.essays_missing), key=_name_key))
            card.add_buttons(action_button(tr("Record essays…"), lambda _=False, d=study.document.id: self.open_study(d)))
        return card

    def _task_card(self, board) -> Card:
        tasks = board.overdue
        card = self._todo_card("tasks", tr("Overdue tasks"), tasks, tr("No task of the action plans is past its deadline."))
        for task in tasks[:SHOWN_TASKS]:
            owner = board.names.get(task.member_id, "") if task.member_id else ""
            if owner:  # a member's own plan: whose, before the task (a long task is cut at its end)
                text = tr("{days} days late ({member}): {task}").format(task=task.content, days=task.days_late,
                                                                         member=owner)
            else:
                text = tr("{days} days late: {task}").format(task=task.content, days=task.days_late)
            card.add(link_button(text, lambda _=False, p=task.plan_id: self.open_plan(p)))
        if len(tasks) > SHOWN_TASKS:
            card.add_row(text_line(tr("and {count} more.").format(count=len(tasks) - SHOWN_TASKS), "cardNote"),
                         action_button(tr("All plans…"), lambda: self.go("plans")))
        return card

    def _exchange_card(self, board) -> Card:
        state = board.exchange
        waiting = state is not None and state.waiting > 0
        asked = [n for n in board.superior_notes if n.needs_more]
        card = self._card("exchange", tr("Report to the level above"), "todo" if waiting or asked else "ok")
        self._note_lines(card, board.superior_notes)
        if state.last_seq:
            when = tr(" on {date}").format(date=format_date(state.last_sent_on)) if state.last_sent_on else ""
            card.add_line(tr("Last bundle sent: no. {seq}{when}.").format(seq=state.last_seq, when=when))
        else:
            card.add_line(tr("No report bundle sent yet."))
        if state.waiting:
            card.add_line(tr("{count} changes are waiting to be sent.").format(count=state.waiting))
        else:
            card.add_line(tr("Nothing new to send."))
        if state.superior is None:
            card.add_line(tr("The level above’s plan bundle has not been imported yet: import it first, so the report "
                             "is sealed to its key."), "cardNote")
        card.add_buttons(action_button(tr("Send a report…") if waiting else tr("Data exchange…"),
                                       lambda: self.go("exchange")))
        return card

    def _note_lines(self, card: Card, notes) -> None:
        """What the level above said of the bundles sent (its latest plan bundle): what it asks to add
        first, in its own words (plain text on the card), then the bundles it approved."""
        for note in [n for n in notes if n.needs_more] + [n for n in notes if not n.needs_more]:
            when = tr(", {date}").format(date=format_date(note.reviewed_on)) if note.reviewed_on else ""
            said = f": {note.note}" if note.note else ""
            card.add_line(tr("Bundle no. {seq} — {status} ({superior}{when}){said}").format(
                seq=note.seq, status=label(note.status, REVIEW_STATUS), superior=note.superior, when=when, said=said),
                "late" if note.needs_more else "cardNote")

    # What the buttons do --------------------------------------------------------------------------
    def show_dialog(self, dialog) -> None:
        self.last_dialog = dialog
        dialog.open()

    def _when_open(self, module: str, function: str, *args) -> None:
        """`module.function(self, *args)` once the book is open: the editors and dialogs are
        imported at the click, so the board's module stays light for the first paint."""
        import importlib

        self.window_.when_open(lambda: getattr(importlib.import_module(module), function)(self, *args))

    def record_meeting(self) -> None:
        """The session editor for a new regular meeting on the proposed day, with that day's roll."""
        self._when_open("chibo.ui.pages.lists", "open_session_editor", None, self.board.meeting_day)

    def open_session(self, session_id: str) -> None:
        self._when_open("chibo.ui.pages.lists", "open_session_editor", session_id)

    def open_study(self, document_id: str) -> None:
        self._when_open("chibo.ui.dialogs.coverage", "open_coverage", document_id)

    def create_makeup(self, document_id: str) -> None:
        self._when_open("chibo.ui.dialogs.coverage", "open_makeup", document_id)

    def open_plan(self, plan_id: str) -> None:
        self._when_open("chibo.ui.editors.plan", "open_plan_editor", plan_id)

    def go(self, name: str) -> None:
        self.window_.when_open(lambda: self.window_.show_page(name))


def _name_key(name: str):

    return name_sort_key(name)
