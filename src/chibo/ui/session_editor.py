"""The session editor: what, when, who chairs and takes the minutes, the documents covered, and
the roll call of every member called, by mouse or by keyboard (C có mặt, V vắng có lý do, K vắng
không lý do), with the figures recounted on every mark by the same function as the saved ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from chibo.services import meetings
from chibo.services.common import alive, get_alive
from chibo.services.documents import list_documents
from chibo.services.figures import count_attendance
from chibo.services.members import list_members
from chibo.services.roll import Roll
from chibo.services.settings import load_rules
from chibo.store.models import Meeting, Presenter
from chibo.text import format_date, format_percent, name_sort_key, parse_date
from chibo.ui.editor import EditorDialog, choice_field, date_field
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.screen import fit_to_screen
from chibo.ui.session_speeches import SpeechesPanel, save_speeches
from chibo.ui.table import ColumnsModel
from chibo.ui.words import ATTENDANCE_STATE, MEMBER_STATUS, SESSION_FORM, SESSION_KIND, label, labels
from chibo.vocabulary import AttendanceState, SessionKind

ROLL_COLUMNS = (QT_TR_NOOP("Full name"), QT_TR_NOOP("Status"), QT_TR_NOOP("Attendance"),
                QT_TR_NOOP("Reason for absence"))
KEYS = {Qt.Key_C: AttendanceState.PRESENT, Qt.Key_V: AttendanceState.ABSENT_EXCUSED,
        Qt.Key_K: AttendanceState.ABSENT_UNEXCUSED}


@dataclass
class SessionDraft:
    """Everything the editor shows, read on a worker."""

    meeting: Meeting | None
    members: list = field(default_factory=list)  # (id, name) of the members on the roll, for chair and minutes
    documents: list = field(default_factory=list)  # (id, "57-NQ/TW: title")
    covered: set = field(default_factory=set)
    called: dict = field(default_factory=dict)  # member id -> MemberStatus that day
    names: dict = field(default_factory=dict)
    marks: dict = field(default_factory=dict)  # member id -> (AttendanceState, reason)
    quorum_rule: str = ""
    presenters: list = field(default_factory=list)  # (id, "name, title")
    speeches: list = field(default_factory=list)  # [speech id, member id or None, guest name, content]


def load_session_form(db, session_id: str | None, held_on: date | None = None) -> SessionDraft:
    """The session (or none, for a new one) and who is called on `held_on` (default: its day):
    the whole roll of that day, or for a make-up the members invited to it."""
    meeting = get_alive(db, Meeting, session_id) if session_id else None
    roll = Roll.load(db)
    if meeting is not None and meeting.kind == SessionKind.MAKEUP:
        called = meetings.expected_members(db, meeting, roll)
    else:
        called = roll.on_roll(held_on or (meeting.held_on if meeting else date.today()))
    form = SessionDraft(meeting, quorum_rule=load_rules(db).quorum_rule, called=called)
    rows = list_members(db, roll=roll)
    form.names = {r.member.id: r.member.full_name for r in rows}
    form.members = [(r.member.id, r.member.full_name) for r in rows if r.member.id in called]
    form.documents = [(d.id, f"{d.number_symbol}: {d.title}") for d in list_documents(db)]
    form.presenters = [(p.id, ", ".join(x for x in (p.full_name, p.title) if x))
                       for p in sorted(db.exec(alive(Presenter)), key=lambda p: name_sort_key(p.full_name))]
    if meeting is not None:
        form.speeches = [[s.id, s.member_id, s.speaker_name, s.content] for s in meetings.speeches(db, meeting.id)]
        form.covered = {d.id for d in meetings.session_documents(db, meeting.id)}
        form.marks = {a.member_id: (AttendanceState(a.state), a.reason) for a in meetings.attendance(db, meeting.id)
                      if a.member_id in called}
    return form


class RollModel(ColumnsModel):
    """One row per member called: [member id, name, status, state or None, reason]. The state and
    the reason are edited here, saved with the session."""

    marked = Signal()

    def __init__(self):
        super().__init__(ROLL_COLUMNS)

    def set_roll(self, called: dict, names: dict, marks: dict) -> None:
        self.set_rows([[m, names[m], status, *marks.get(m, (None, ""))]
                       for m, status in sorted(called.items(), key=lambda item: name_sort_key(names[item[0]]))])
        self.marked.emit()

    def marks(self) -> dict:
        return {row[0]: (row[3], row[4]) for row in self.rows if row[3] is not None}

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemIsEditable if index.column() == 3 else flags

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.DisplayRole, Qt.EditRole):
            if index.column() == 0:
                return row[1]
            if index.column() == 1:
                return label(row[2], MEMBER_STATUS)
            if index.column() == 2:
                return label(row[3], ATTENDANCE_STATE) if row[3] else tr("not marked")
            return row[4]
        if role == Qt.ForegroundRole and index.column() == 2 and row[3] is None:
            return Qt.gray
        return None

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or index.column() != 3:
            return False
        row = self.rows[index.row()]
        row[4] = str(value).strip()
        if row[4] and row[3] in (None, AttendanceState.PRESENT, AttendanceState.ABSENT_UNEXCUSED):
            row[3] = AttendanceState.ABSENT_EXCUSED  # a reason typed means an excused absence
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 3))
        self.marked.emit()
        return True

    def mark(self, rows: list[int], state: AttendanceState) -> None:
        for r in rows:
            self.rows[r][3] = state
            if state == AttendanceState.PRESENT:
                self.rows[r][4] = ""
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), 3))
            self.marked.emit()

    def mark_all_present(self) -> None:
        """Every member not yet marked: present (exempt members and those attending elsewhere keep
        their own state); absences already marked stay."""
        for row in self.rows:
            if row[3] is None:
                row[3] = meetings.default_state(row[2])
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 3))
            self.marked.emit()


class RollView(QTableView):
    """C, V, K mark the selected rows; V then opens the reason for typing."""

    def keyPressEvent(self, event) -> None:
        state = KEYS.get(event.key())
        if state is not None and event.modifiers() in (Qt.NoModifier, Qt.ShiftModifier) and \
                self.state() != QAbstractItemView.EditingState:
            rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
            self.model().mark(rows, state)
            if state == AttendanceState.ABSENT_EXCUSED and len(rows) == 1:
                self.edit(self.model().index(rows[0], 3))
            elif len(rows) == 1 and rows[0] + 1 < self.model().rowCount():
                self.selectRow(rows[0] + 1)  # on to the next member
            return
        super().keyPressEvent(event)


def figures_text(figures) -> str:
    by_status = ", ".join(f"{label(s, MEMBER_STATUS).lower()} {figures.present[s]}/{n}"
                          for s, n in figures.summoned.items() if n)
    rate = format_percent(figures.attendance_percent) if figures.attendance_percent is not None else "—"
    text = tr("<b>Present {present}/{summoned}</b> ({by_status}); rate {rate}; absent {absent}").format(
        present=figures.present_required, summoned=figures.summoned_total, by_status=by_status, rate=rate,
        absent=len(figures.absences))
    if figures.exempt:
        text += tr("; exempt {exempt} ({came} came)").format(exempt=figures.exempt, came=figures.exempt_present)
    if figures.unrecorded:
        text += "; <span style='color:#b00020'>" + tr("not marked {count}").format(count=len(figures.unrecorded))
        text += "</span>"
    quorum = figures.quorum
    if quorum is not None:
        text += (tr("<br><span style='color:#1b5e20'>✔ Quorum reached for voting</span>") if quorum.reached else
                 tr("<br><span style='color:#b00020'>✘ No quorum for voting</span>"))
        text += tr(" ({present} present, at least {needed}/{base} needed)").format(
            present=quorum.present, needed=quorum.needed, base=quorum.base)
    return text


class SessionEditor(EditorDialog):
    """A new session (`form.meeting` is None) or an existing one."""

    def __init__(self, book, form: SessionDraft, parent=None):
        meeting = form.meeting
        super().__init__(book, tr("Edit session") if meeting else tr("New session"), parent)
        self.form, self.session_id = form, meeting.id if meeting else None
        making_up = meeting and meeting.kind == SessionKind.MAKEUP
        kinds = labels(SESSION_KIND, leave_out=() if making_up else {SessionKind.MAKEUP})
        self.kind = choice_field(kinds, meeting.kind if meeting else SessionKind.REGULAR)
        self.kind.setEnabled(not (meeting and meeting.kind == SessionKind.MAKEUP))
        self.session_form = choice_field(labels(SESSION_FORM), meeting.form if meeting else None)
        self.held_on = date_field(format_date(meeting.held_on if meeting else date.today()))
        self.start_time = QLineEdit(meeting.start_time.strftime("%H:%M") if meeting and meeting.start_time else "")
        self.end_time = QLineEdit(meeting.end_time.strftime("%H:%M") if meeting and meeting.end_time else "")
        for field_ in (self.start_time, self.end_time):
            field_.setPlaceholderText(tr("hh:mm"))
            field_.setMaximumWidth(80)
        self.place = QLineEdit(meeting.place if meeting else "")
        people = dict(form.members)
        self.chair = choice_field(people, meeting.chair_id if meeting else None, empty=tr("(not chosen)"))
        self.secretary = choice_field(people, meeting.secretary_id if meeting else None, empty=tr("(not chosen)"))
        self.documents = QListWidget()
        for doc_id, text in form.documents:
            item = QListWidgetItem(text)
            item.setData(Qt.UserRole, doc_id)
            item.setCheckState(Qt.Checked if doc_id in form.covered else Qt.Unchecked)
            self.documents.addItem(item)
        self.documents.setWordWrap(True)  # long titles wrap instead of scrolling sideways
        # Tall enough for three wrapped titles at any text size and scale (a fixed 110 px showed one and
        # a half at 125%); it grows with the conclusion below when there is room.
        self.documents.setMinimumHeight(self.documents.fontMetrics().lineSpacing() * 9)
        self.documents.setVerticalScrollMode(QListWidget.ScrollPerPixel)
        self.documents.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.documents.itemChanged.connect(self.mark_dirty)
        self.guests = QLineEdit(meeting.guests.replace("\n", "; ") if meeting else "")
        self.presenter = choice_field(dict(form.presenters), meeting.presenter_id if meeting else None,
                                      empty=tr("(none)"))
        self.conclusion = QPlainTextEdit(meeting.conclusion if meeting else "")
        self.conclusion.setTabChangesFocus(True)
        times = QHBoxLayout()
        times.addWidget(self.start_time)
        times.addWidget(QLabel(tr("to")))
        times.addWidget(self.end_time)
        times.addStretch(1)
        left = QFormLayout()
        left.addRow(tr("Session &kind:"), self.kind)
        left.addRow(tr("&Form:"), self.session_form)
        left.addRow(tr("&Date:"), self.held_on)
        left.addRow(tr("Time:"), times)
        left.addRow(tr("P&lace:"), self.place)
        left.addRow(tr("&Chair:"), self.chair)
        left.addRow(tr("&Minute-taker:"), self.secretary)
        left.addRow(tr("D&ocuments studied:"), self.documents)
        left.addRow(tr("Guests:"), self.guests)
        left.addRow(tr("Pr&esenter:"), self.presenter)
        left.addRow(tr("Concl&usion:"), self.conclusion)
        self.speeches = SpeechesPanel(form.members, form.names, form.speeches, meeting)
        self.speeches.changed.connect(self.mark_dirty)
        details = QWidget()
        details.setLayout(left)
        self.left_tabs = QTabWidget()
        self.left_tabs.addTab(details, tr("Session details"))
        self.left_tabs.addTab(self.speeches, tr("Speeches, vote"))

        self.roll = RollModel()
        self.roll_view = RollView()
        self.roll_view.setModel(self.roll)
        self.roll_view.verticalHeader().hide()
        self.roll_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.roll_view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed |
                                       QAbstractItemView.AnyKeyPressed)
        self.roll_view.setWordWrap(False)
        header = self.roll_view.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.all_present = QPushButton(tr("All &present"))
        self.all_present.clicked.connect(self.roll.mark_all_present)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_present)
        for key, state in (("C", AttendanceState.PRESENT), ("V", AttendanceState.ABSENT_EXCUSED),
                           ("K", AttendanceState.ABSENT_UNEXCUSED)):
            button = QPushButton(f"{label(state, ATTENDANCE_STATE)} ({key})")
            button.clicked.connect(lambda _=False, s=state: self._mark_selected(s))
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        hint = QLabel(tr("Select a person, then press C (present), V (absent with a reason, then type it) or K "
                         "(absent without reason)."))
        hint.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(QLabel(tr("<b>Attendance</b>")))
        right.addWidget(hint)
        right.addLayout(buttons)
        right.addWidget(self.roll_view, 1)
        right.addWidget(self.figures)
        columns = QHBoxLayout()
        columns.addWidget(self.left_tabs, 5)
        columns.addLayout(right, 6)
        self.body.addLayout(columns)
        self.roll.marked.connect(self._recount)
        self.roll.marked.connect(self.mark_dirty)
        self.held_on.editingFinished.connect(self._date_changed)
        self.roll.set_roll(form.called, form.names, form.marks)
        self.dirty = False  # filling the roll is not a change
        self.watch(self.kind, self.session_form, self.held_on, self.start_time, self.end_time, self.place, self.chair,
                   self.secretary, self.presenter, self.guests, self.conclusion)
        fit_to_screen(self, 1280, 680)

    def _mark_selected(self, state: AttendanceState) -> None:
        rows = sorted({i.row() for i in self.roll_view.selectionModel().selectedRows()})
        self.roll.mark(rows, state)

    def _recount(self) -> None:
        figures = count_attendance(self.session_id or "", self.form.called, self.roll.marks(), self.form.names,
                                   self.form.quorum_rule)
        self.figures.setText(figures_text(figures))

    def _date_changed(self) -> None:
        """Who is called depends on the day: reload the roll for the new date, keeping the marks."""
        from chibo.ui.operations import run_in_background

        try:
            day = parse_date(self.held_on.text())
        except ValueError:
            return
        if day is None or (self.form.meeting and self.form.meeting.kind == SessionKind.MAKEUP):
            return
        book, session_id, marks = self.book, self.session_id, self.roll.marks()

        def read():
            with book.session() as db:
                return load_session_form(db, session_id, day)

        def show(form: SessionDraft):
            self.form.called, self.form.names = form.called, form.names
            dirty = self.dirty
            self.roll.set_roll(form.called, form.names, {m: v for m, v in marks.items() if m in form.called})
            self.dirty = dirty

        run_in_background(read, show, lambda exc: None)

    def values(self) -> dict:
        documents = [self.documents.item(i).data(Qt.UserRole) for i in range(self.documents.count())
                     if self.documents.item(i).checkState() == Qt.Checked]
        return {
            "fields": {"kind": self.kind.currentData(), "form": self.session_form.currentData(),
                       "held_on": self.held_on.text(), "start_time": self.start_time.text(),
                       "end_time": self.end_time.text(), "place": self.place.text(),
                       "chair_id": self.chair.currentData() or None,
                       "secretary_id": self.secretary.currentData() or None,
                       "presenter_id": self.presenter.currentData() or None,
                       "guests": "\n".join(g.strip() for g in self.guests.text().split(";") if g.strip()),
                       "conclusion": self.conclusion.toPlainText()},
            "documents": documents,
            "marks": self.roll.marks(),
            "speeches": self.speeches.speeches(), "removed": list(self.speeches.removed),
            "edited": set(self.speeches.edited),
            "votes": self.speeches.vote_counts(),
        }

    def write(self, db, values: dict):
        fields = values["fields"]
        if self.session_id is None:
            meeting = meetings.create_session(db, document_ids=values["documents"], **fields)
        else:
            if self.form.meeting.kind == SessionKind.MAKEUP:
                fields.pop("kind")
            meeting = meetings.edit_session(db, self.session_id, **fields)
            meetings.set_session_documents(db, meeting, values["documents"])
        called = meetings.expected_members(db, meeting)
        meetings.record_roll_call(db, meeting.id, {m: mark for m, mark in values["marks"].items() if m in called})
        db.flush()  # the vote is checked against those present, just written
        save_speeches(db, meeting, values["speeches"], values["removed"], values["votes"], values["edited"])
        return meeting
