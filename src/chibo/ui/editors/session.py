"""The session editor, in three tabs: what, when, who chairs and takes the minutes, the documents
covered and the roll call (`session_roll`); the agenda items with their speeches and conclusions
(`session_agenda`); the vote. Under the tabs, what the session still breaks of the rules of a
session, judged while it is filled by the same function (`services.session_rules.problems`) that
refuses the save, so the secretary sees the sentence before pressing Lưu."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from chibo.services import agenda, sessions
from chibo.services.documents import list_documents
from chibo.services.figures import count_attendance
from chibo.services.lookups import alive, get_alive
from chibo.services.members import list_members
from chibo.services.roll import Roll
from chibo.services.session_rules import SessionFacts, makeup_runners, problems
from chibo.services.session_save import SessionInput, save_session
from chibo.services.settings import CellRules, load_rules
from chibo.store.models import CellSession, Presenter
from chibo.text import format_date, name_sort_key, parse_date
from chibo.ui.editors.base import EditorDialog, choice_field, date_field
from chibo.ui.editors.session_agenda import AgendaPanel, item_draft
from chibo.ui.editors.session_roll import RollPanel, figures_text
from chibo.ui.editors.session_speeches import VotePanel
from chibo.ui.i18n import tr
from chibo.ui.operations import Kind, changes
from chibo.ui.widgets.screen import fit_to_screen
from chibo.ui.words import SESSION_FORM, SESSION_KIND, labels
from chibo.vocabulary import AttendanceState, SessionKind

GUEST_CHAIR = "guest:"  # the chair combo's data for a guest: "guest:" + the guest as written


@dataclass
class SessionDraft:
    """Everything the editor shows, read on a worker."""

    session: CellSession | None
    members: list = field(default_factory=list)  # (id, name) of the members called, for chair, speakers, presenters
    documents: list = field(default_factory=list)  # (id, "57-NQ/TW: title")
    covered: set = field(default_factory=set)
    called: dict = field(default_factory=dict)  # member id -> MemberStatus that day
    names: dict = field(default_factory=dict)
    marks: dict = field(default_factory=dict)  # member id -> (AttendanceState, reason)
    rules: CellRules = field(default_factory=CellRules)
    presenters: list = field(default_factory=list)  # (id, "name, title")
    items: list = field(default_factory=list)  # agenda items as `session_agenda.item_draft` gives them
    speeches: list = field(default_factory=list)  # outside every item: [speech id, member id, guest name, content]
    running: frozenset = frozenset()  # a make-up: members who may run it without being on its list
    held_on: date | None = None  # a new session: the day proposed, whose roll is `called`

    def runners(self) -> list:
        """(id, name) of who may run a make-up without being on its list, in name order."""
        listed = {member_id for member_id, _ in self.members}
        return sorted(((m, self.names[m]) for m in self.running - listed), key=lambda pair: name_sort_key(pair[1]))


def load_session_form(db, session_id: str | None, held_on: date | None = None) -> SessionDraft:
    """The session (or none, for a new one) and who is called on `held_on` (default: its day):
    the whole roll of that day, or for a make-up the members invited to it."""
    session = get_alive(db, CellSession, session_id) if session_id else None
    roll = Roll.load(db)
    if session is not None and session.kind == SessionKind.MAKEUP:
        called = sessions.expected_members(db, session, roll)
    else:
        called = roll.on_roll(held_on or (session.held_on if session else date.today()))
    form = SessionDraft(session, rules=load_rules(db), called=called,
                        running=makeup_runners(session, roll) if session else frozenset(),
                        held_on=None if session else held_on or date.today())
    rows = list_members(db, roll=roll)
    form.names = {r.member.id: r.member.full_name for r in rows}
    form.members = [(r.member.id, r.member.full_name) for r in rows if r.member.id in called]
    form.documents = [(d.id, f"{d.number_symbol}: {d.title}") for d in list_documents(db)]
    form.presenters = [(p.id, ", ".join(x for x in (p.full_name, p.title) if x))
                       for p in sorted(db.exec(alive(Presenter)), key=lambda p: name_sort_key(p.full_name))]
    if session is not None:
        said = agenda.speeches(db, session.id)

        def rows_of(item_id):
            return [[s.id, s.member_id, s.speaker_name, s.content] for s in said if s.agenda_item_id == item_id]

        form.items = [item_draft(item, rows_of(item.id)) for item in agenda.agenda_items(db, session.id)]
        form.speeches = rows_of(None)
        form.covered = {d.id for d in sessions.session_documents(db, session.id)}
        form.marks = {a.member_id: (AttendanceState(a.state), a.reason) for a in sessions.attendance(db, session.id)
                      if a.member_id in called}
    return form


def _guests(text: str) -> list[str]:
    return [g.strip() for g in text.split(";") if g.strip()]


class SessionEditor(EditorDialog):
    """A new session (`form.session` is None) or an existing one."""
    changes = changes(Kind.SESSIONS)


    def __init__(self, book, form: SessionDraft, parent=None):
        session = form.session
        super().__init__(book, tr("Edit session") if session else tr("New session"), parent)
        self.form, self.session_id = form, session.id if session else None
        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_tab(form, session), tr("Session, attendance"))
        self.agenda = AgendaPanel(form.items, form.speeches, form.members + form.runners(), form.names,
                                  form.presenters, form.documents)
        self.tabs.addTab(self.agenda, tr("Agenda items, speeches"))
        self.vote = VotePanel(session)
        self.tabs.addTab(self.vote, tr("Vote"))
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020")
        self.body.addWidget(self.tabs, 1)
        self.body.addWidget(self.problems)
        for signal in (self.roll.marked, self.agenda.changed, self.vote.changed, self.chair.currentIndexChanged,
                       self.secretary.currentIndexChanged, self.guests.textEdited):
            signal.connect(self._refresh)
        for signal in (self.roll.marked, self.agenda.changed, self.vote.changed):
            signal.connect(self.mark_dirty)
        self.guests.editingFinished.connect(self._offer_guest_chairs)
        self.held_on.editingFinished.connect(self._date_changed)
        self.roll.set_roll(form.called, form.names, form.marks)
        self.dirty = False  # filling the roll is not a change
        self.watch(self.kind, self.session_form, self.held_on, self.start_time, self.end_time, self.place, self.chair,
                   self.secretary, self.presenter, self.guests, self.conclusion)
        fit_to_screen(self, 1280, 680)

    def _details_tab(self, form: SessionDraft, session: CellSession | None) -> QWidget:
        making_up = session is not None and session.kind == SessionKind.MAKEUP
        self.kind = choice_field(labels(SESSION_KIND, leave_out=() if making_up else {SessionKind.MAKEUP}),
                                 session.kind if session else SessionKind.REGULAR)
        self.kind.setEnabled(not making_up)
        self.session_form = choice_field(labels(SESSION_FORM), session.form if session else None)
        self.held_on = date_field(format_date(session.held_on if session else form.held_on or date.today()))
        self.start_time = QLineEdit(session.start_time.strftime("%H:%M") if session and session.start_time else "")
        self.end_time = QLineEdit(session.end_time.strftime("%H:%M") if session and session.end_time else "")
        for field_ in (self.start_time, self.end_time):
            field_.setPlaceholderText(tr("hh:mm"))
            field_.setMaximumWidth(80)
        self.place = QLineEdit(session.place if session else "")
        self.guests = QLineEdit(session.guests.replace("\n", "; ") if session else "")
        self.guests.setPlaceholderText(tr("Separated by semicolons"))
        people = dict(form.members + form.runners())
        for member_id in (session.chair_id, session.secretary_id) if session else ():
            if member_id and member_id not in people:  # chose before, not called now: kept, and shown as a problem
                people[member_id] = form.names.get(member_id, member_id)
        self.chair = choice_field(people, session.chair_id if session else None, empty=tr("(not chosen)"))
        self._offer_guest_chairs()
        if session is not None and session.chair_name:
            if self.chair.findData(GUEST_CHAIR + session.chair_name) < 0:
                self.chair.addItem(tr("Guest: {guest}").format(guest=session.chair_name), GUEST_CHAIR + session.chair_name)
            self.chair.setCurrentIndex(self.chair.findData(GUEST_CHAIR + session.chair_name))
        self.secretary = choice_field(people, session.secretary_id if session else None, empty=tr("(not chosen)"))
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
        self.presenter = choice_field(dict(form.presenters), session.presenter_id if session else None,
                                      empty=tr("(none)"))
        self.conclusion = QPlainTextEdit(session.conclusion if session else "")
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
        left.addRow(tr("&Guests:"), self.guests)
        left.addRow(tr("&Chair:"), self.chair)
        left.addRow(tr("&Minute-taker:"), self.secretary)
        left.addRow(tr("D&ocuments studied:"), self.documents)
        left.addRow(tr("Pr&esenter:"), self.presenter)
        left.addRow(tr("General concl&usion:"), self.conclusion)
        self.roll_panel = RollPanel()
        self.roll, self.roll_view = self.roll_panel.model, self.roll_panel.view
        self.all_present, self.figures = self.roll_panel.all_present, self.roll_panel.figures
        tab = QWidget()
        columns = QHBoxLayout(tab)
        columns.addLayout(left, 5)
        columns.addWidget(self.roll_panel, 6)
        return tab

    def _offer_guest_chairs(self) -> None:
        """Where the cell's rules let a guest chair, the guests written above are offered as chair."""
        if not self.form.rules.guest_may_chair:
            return
        current = self.chair.currentData()
        for index in reversed(range(self.chair.count())):
            if str(self.chair.itemData(index)).startswith(GUEST_CHAIR):
                self.chair.removeItem(index)
        for guest in _guests(self.guests.text()):
            self.chair.addItem(tr("Guest: {guest}").format(guest=guest), GUEST_CHAIR + guest)
        self.chair.setCurrentIndex(max(self.chair.findData(current), 0))

    def _chair(self) -> tuple[str | None, str]:
        """(member id, guest) of the chair chosen."""
        data = self.chair.currentData() or ""
        return (None, data[len(GUEST_CHAIR):]) if data.startswith(GUEST_CHAIR) else (data or None, "")

    def _facts(self) -> SessionFacts:
        try:
            day = parse_date(self.held_on.text()) or date.today()
        except ValueError:
            day = date.today()
        chair_id, chair_name = self._chair()
        return SessionFacts(held_on=day, called=self.form.called, marks=self.roll.marks(), names=self.form.names,
                            rules=self.form.rules, chair_id=chair_id, chair_name=chair_name,
                            secretary_id=self.secretary.currentData() or None, guests=tuple(_guests(self.guests.text())),
                            speakers=self.agenda.member_speakers(), presenters=self.agenda.member_presenters(),
                            votes=self.vote.counts(), running=self.form.running)

    def _refresh(self) -> None:
        """Recount the figures and judge the rules on every change."""
        facts = self._facts()
        figures = count_attendance(self.session_id or "", facts.called, facts.marks, facts.names, facts.rules)
        self.figures.setText(figures_text(figures))
        self.vote.show_quorum(figures.quorum)
        found = problems(facts)
        self.problems.setText(tr("Not by the rules of a session yet:") + "\n" + "\n".join(found) if found else "")
        self.problems.setVisible(bool(found))

    def _date_changed(self) -> None:
        """Who is called depends on the day: reload the roll for the new date, keeping the marks."""
        from chibo.ui.operations import QueryOp

        try:
            day = parse_date(self.held_on.text())
        except ValueError:
            return
        if day is None or (self.form.session and self.form.session.kind == SessionKind.MAKEUP):
            return
        session_id, marks = self.session_id, self.roll.marks()

        def show(form: SessionDraft):
            self.form.called, self.form.names = form.called, form.names
            dirty = self.dirty
            self.roll.set_roll(form.called, form.names, {m: v for m, v in marks.items() if m in form.called})
            self.dirty = dirty

        QueryOp(self, self.book, lambda db: load_session_form(db, session_id, day), show).failure(
            lambda _exc: None).run()  # the roll stays as it was; the date itself is judged on saving

    def values(self) -> dict:
        documents = [self.documents.item(i).data(Qt.UserRole) for i in range(self.documents.count())
                     if self.documents.item(i).checkState() == Qt.Checked]
        chair_id, chair_name = self._chair()
        items, speeches = self.agenda.inputs()
        fields = {"kind": self.kind.currentData(), "form": self.session_form.currentData(),
                  "held_on": self.held_on.text(), "start_time": self.start_time.text(),
                  "end_time": self.end_time.text(), "place": self.place.text(),
                  "chair_id": chair_id, "chair_name": chair_name,
                  "secretary_id": self.secretary.currentData() or None,
                  "presenter_id": self.presenter.currentData() or None,
                  "guests": "\n".join(_guests(self.guests.text())), "conclusion": self.conclusion.toPlainText()}
        return {"entry": SessionInput(fields=fields, document_ids=documents, marks=self.roll.marks(), items=items,
                                      speeches=speeches, votes=self.vote.counts())}

    def write(self, db, values: dict):
        return save_session(db, self.session_id, values["entry"])
