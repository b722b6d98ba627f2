"""A whole session written at once, as the editor holds it: its fields, the documents covered, the
roll call, the agenda items with their speeches, the speeches outside every item, and the vote.

Everything is written in the caller's transaction and the rules are checked once at the end, so
the order in which a person filled the form does not matter (a new chair marked present in the
same save) and a refusal keeps nothing (the transaction rolls back).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chibo.errors import ValidationError
from chibo.services import agenda, sessions
from chibo.services.lookups import get_alive
from chibo.services.roll import expected_members
from chibo.services.session_rules import check_session, set_votes
from chibo.store.models import AgendaItem, CellSession, Speech
from chibo.store.records import tombstone
from chibo.vocabulary import SessionKind


@dataclass
class SpeechInput:
    content: str
    member_id: str | None = None
    speaker_name: str = ""  # a guest who is not in the register
    id: str | None = None  # a saved speech, changed in place


@dataclass
class AgendaItemInput:
    title: str
    presented: str = ""
    conclusion: str = ""
    presenter_member_id: str | None = None
    presenter_id: str | None = None  # of the roster
    presenter_name: str = ""  # a guest
    document_id: str | None = None
    speeches: list[SpeechInput] = field(default_factory=list)
    id: str | None = None  # a saved item

    def fields(self) -> dict:
        return {"title": self.title, "presented": self.presented, "conclusion": self.conclusion,
                "presenter_member_id": self.presenter_member_id, "presenter_id": self.presenter_id,
                "presenter_name": self.presenter_name, "document_id": self.document_id}


@dataclass
class SessionInput:
    fields: dict  # CellSession's fields: kind, form, held_on, start_time, place, chair_id, ...
    document_ids: list[str] = field(default_factory=list)
    marks: dict[str, tuple[str, str]] = field(default_factory=dict)  # member id -> (state, reason)
    items: list[AgendaItemInput] = field(default_factory=list)  # in order
    speeches: list[SpeechInput] = field(default_factory=list)  # outside every item
    votes: tuple[int, int, int] | None = None  # None: the session did not vote


def save_session(db, session_id: str | None, entry: SessionInput) -> CellSession:
    """Create (`session_id` None) or change a session with everything in `entry`. Items and
    speeches saved before and missing from `entry` are taken out (tombstones)."""
    fields = dict(entry.fields)
    if session_id is None:
        session = sessions.new_session(db, **fields)
    else:
        session = get_alive(db, CellSession, session_id)
        if session.kind == SessionKind.MAKEUP:
            fields.pop("kind", None)
        sessions.update_session(db, session, **fields)
    sessions.set_session_documents(db, session, entry.document_ids)
    db.flush()
    called = expected_members(db, session)
    sessions.mark_roll_call(db, session, {m: mark for m, mark in entry.marks.items() if m in called})
    _save_agenda(db, session, entry.items, entry.speeches)
    set_votes(db, session, entry.votes)
    check_session(db, session.id)
    return session


def _save_agenda(db, session: CellSession, items: list[AgendaItemInput], general: list[SpeechInput]) -> None:
    saved_items = {i.id: i for i in agenda.agenda_items(db, session.id)}
    saved_speeches = {s.id: s for s in agenda.speeches(db, session.id)}
    kept_items: set[str] = set()
    kept_speeches: set[str] = set()
    position = 0

    def save_speeches(entries: list[SpeechInput], item_id: str | None) -> None:
        nonlocal position
        for entry in entries:
            speech = _saved(saved_speeches, entry.id, "ý kiến phát biểu")
            speech = agenda.write_speech(db, session, speech, position, item_id, content=entry.content,
                                         member_id=entry.member_id, speaker_name=entry.speaker_name)
            kept_speeches.add(speech.id)
            position += 1

    save_speeches(general, None)
    for index, entry in enumerate(items):
        item = _saved(saved_items, entry.id, "nội dung sinh hoạt")
        try:
            item = agenda.write_agenda_item(db, session, item, index, entry.fields())
        except ValidationError as refusal:
            raise ValidationError(f"Nội dung thứ {index + 1}: {refusal.message}") from None
        db.flush()
        kept_items.add(item.id)
        save_speeches(entry.speeches, item.id)
    for speech_id, speech in saved_speeches.items():
        if speech_id not in kept_speeches:
            tombstone(db, speech)
    for item_id, item in saved_items.items():
        if item_id not in kept_items:
            tombstone(db, item)


def _saved(saved: dict[str, AgendaItem | Speech], record_id: str | None, what: str):
    if record_id is None:
        return None
    if record_id not in saved:
        raise ValidationError(f"Không tìm thấy {what} đã lưu (có thể vừa bị xóa): hãy đóng và mở lại buổi sinh hoạt.")
    return saved[record_id]
