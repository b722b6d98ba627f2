"""A session's title as lists and papers show it when it has none of its own: the kind and the month
of a regular meeting ("Sinh hoạt thường kỳ tháng 6/2026"), else the kind and the day. No database
layer here: the lists read through the plain sqlite3 reader use it too."""

from __future__ import annotations

from chibo.text import format_date
from chibo.vocabulary import SESSION_KIND_LABELS, SessionKind


def default_title(session) -> str:
    label = SESSION_KIND_LABELS.get(session.kind, session.kind)
    if session.kind == SessionKind.REGULAR:
        return f"{label} tháng {session.held_on.month}/{session.held_on.year}"
    return f"{label} ngày {format_date(session.held_on)}"


def session_title(session) -> str:
    return session.title or default_title(session)
