"""A session's agenda items (nội dung) in order, each with its presenter, what was presented, the
speeches on it and the chair's conclusion on that item; and the speeches themselves.

A speech belongs to an item, or to no item: the one discussion of a session recorded before
agenda items existed, or remarks outside every item. Deletes are tombstones, so they travel.
"""

from __future__ import annotations

from sqlmodel import col

from chibo.errors import ValidationError
from chibo.services.cleaning import LINE_LENGTH, LONG_LENGTH, NAME_LENGTH, clean_text
from chibo.services.lookups import alive, get_alive
from chibo.services.session_rules import check_session
from chibo.store.models import AgendaItem, CellSession, Document, Member, Presenter, Speech
from chibo.store.records import tombstone

_ITEM_TEXT = {"title": ("tên nội dung", LINE_LENGTH), "presenter_name": ("tên khách mời trình bày", NAME_LENGTH),
              "presented": ("nội dung trình bày", LONG_LENGTH),
              "conclusion": ("kết luận của chủ trì về nội dung", LONG_LENGTH)}
PRESENTER_FIELDS = ("presenter_member_id", "presenter_id", "presenter_name")


def agenda_items(db, session_id: str) -> list[AgendaItem]:
    return list(db.exec(alive(AgendaItem).where(AgendaItem.session_id == session_id)
                        .order_by(col(AgendaItem.position))))


def clean_agenda_item(db, fields: dict) -> dict:
    """An item's fields as stored; its presenter is one member, one presenter of the roster, one
    guest by name, or nobody."""
    cleaned = {}
    for key, value in fields.items():
        if key in _ITEM_TEXT:
            label, limit = _ITEM_TEXT[key]
            cleaned[key] = clean_text(value, label, required=key == "title", max_length=limit)
        elif key == "presenter_member_id":
            cleaned[key] = get_alive(db, Member, value).id if value else None
        elif key == "presenter_id":
            cleaned[key] = get_alive(db, Presenter, value).id if value else None
        elif key == "document_id":
            cleaned[key] = get_alive(db, Document, value).id if value else None
        else:
            raise ValidationError(f"Nội dung sinh hoạt không có trường “{key}”.")
    if sum(1 for key in PRESENTER_FIELDS if cleaned.get(key)) > 1:
        raise ValidationError("Mỗi nội dung có một người trình bày: một đảng viên, một báo cáo viên hoặc một khách "
                              "mời, không chọn nhiều người.")
    return cleaned


def write_agenda_item(db, session: CellSession, item: AgendaItem | None, position: int, fields: dict) -> AgendaItem:
    """Create or change one item at `position`, unchecked; only what differs is written."""
    cleaned = clean_agenda_item(db, fields)
    if item is None:
        if not cleaned.get("title"):
            raise ValidationError("Chưa nhập tên nội dung.")
        item = AgendaItem(session_id=session.id, position=position, **cleaned)
    else:
        if any(key in cleaned for key in PRESENTER_FIELDS):  # a new presenter replaces the old one
            cleaned = {**dict.fromkeys(PRESENTER_FIELDS[:2]), "presenter_name": "", **cleaned}
        for key, value in {**cleaned, "position": position}.items():
            if getattr(item, key) != value:
                setattr(item, key, value)
    db.add(item)
    return item


def add_agenda_item(db, session_id: str, **fields) -> AgendaItem:
    """A new item after the last one; refused when its presenter is a member not present."""
    session = get_alive(db, CellSession, session_id)
    position = max((i.position for i in agenda_items(db, session.id)), default=-1) + 1
    item = write_agenda_item(db, session, None, position, fields)
    check_session(db, session.id)
    return item


def edit_agenda_item(db, item_id: str, **fields) -> AgendaItem:
    item = get_alive(db, AgendaItem, item_id)
    write_agenda_item(db, get_alive(db, CellSession, item.session_id), item, item.position, fields)
    check_session(db, item.session_id)
    return item


def move_agenda_item(db, item_id: str, steps: int) -> list[AgendaItem]:
    """Move an item up (steps < 0) or down the agenda; returns the items in their new order."""
    item = get_alive(db, AgendaItem, item_id)
    items = agenda_items(db, item.session_id)
    index = items.index(item)
    items.insert(max(0, min(len(items) - 1, index + steps)), items.pop(index))
    for position, row in enumerate(items):
        if row.position != position:
            row.position = position
            db.add(row)
    db.flush()
    return items


def remove_agenda_item(db, item_id: str) -> None:
    """Take an item out of the agenda with the speeches made on it."""
    item = get_alive(db, AgendaItem, item_id)
    for speech in db.exec(alive(Speech).where(Speech.agenda_item_id == item.id)):
        tombstone(db, speech)
    tombstone(db, item)
    db.flush()


def speeches(db, session_id: str) -> list[Speech]:
    """Every speech of the session in the order given, whichever item it was on."""
    return list(db.exec(alive(Speech).where(Speech.session_id == session_id).order_by(col(Speech.position))))


def clean_speech(db, content: str, member_id: str | None, speaker_name: str) -> dict:
    content = clean_text(content, "nội dung phát biểu", required=True, max_length=LONG_LENGTH)
    speaker_name = clean_text(speaker_name, "tên người phát biểu", max_length=NAME_LENGTH)
    if member_id:
        return {"content": content, "member_id": get_alive(db, Member, member_id).id, "speaker_name": ""}
    if not speaker_name:
        raise ValidationError("Hãy chọn đảng viên phát biểu hoặc ghi tên khách mời phát biểu.")
    return {"content": content, "member_id": None, "speaker_name": speaker_name}


def write_speech(db, session: CellSession, speech: Speech | None, position: int, item_id: str | None, *, content: str,
                 member_id: str | None = None, speaker_name: str = "") -> Speech:
    """Create or change one speech, unchecked; only what differs is written."""
    cleaned = {**clean_speech(db, content, member_id, speaker_name), "position": position, "agenda_item_id": item_id}
    if item_id is not None:
        item = get_alive(db, AgendaItem, item_id)
        if item.session_id != session.id:
            raise ValidationError("Nội dung này thuộc buổi sinh hoạt khác.")
    if speech is None:
        speech = Speech(session_id=session.id, **cleaned)
    else:
        for key, value in cleaned.items():
            if getattr(speech, key) != value:
                setattr(speech, key, value)
    db.add(speech)
    return speech


def add_speech(db, session_id: str, content: str, *, member_id: str | None = None, speaker_name: str = "",
               agenda_item_id: str | None = None) -> Speech:
    """At the end of the session's speeches (after the last one, also when some were taken out), on
    an agenda item or on none; refused when the speaker is a member not present."""
    session = get_alive(db, CellSession, session_id)
    position = max((s.position for s in speeches(db, session.id)), default=-1) + 1
    speech = write_speech(db, session, None, position, agenda_item_id, content=content, member_id=member_id,
                          speaker_name=speaker_name)
    check_session(db, session.id)
    return speech


def edit_speech(db, speech_id: str, content: str, *, member_id: str | None = None, speaker_name: str = "") -> Speech:
    """Who spoke and what was said; the speech keeps its place in the order and its item."""
    speech = get_alive(db, Speech, speech_id)
    write_speech(db, get_alive(db, CellSession, speech.session_id), speech, speech.position, speech.agenda_item_id,
                 content=content, member_id=member_id, speaker_name=speaker_name)
    check_session(db, speech.session_id)
    return speech


def remove_speech(db, speech_id: str) -> None:
    tombstone(db, get_alive(db, Speech, speech_id))
    db.flush()
