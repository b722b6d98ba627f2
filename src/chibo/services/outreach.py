"""Outreach to non-members: meetings, news items, broadcasts, posts, posters, with head counts."""

from __future__ import annotations

from collections import Counter

from sqlmodel import col

from chibo.errors import ValidationError
from chibo.services.cleaning import check_choice, clean_date, clean_text
from chibo.services.lookups import alive, get_alive
from chibo.services.viewing import in_view
from chibo.store.models import Document, Outreach
from chibo.store.records import tombstone
from chibo.vocabulary import OutreachKind


def _count(value, label: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{label} phải là một số nguyên.") from None
    if not 0 <= number <= 10_000_000:
        raise ValidationError(f"{label} {number} không hợp lệ.")
    return number


def add_outreach(db, *, kind: str, held_on, audience=0, quantity=1, document_id: str | None = None,
                 description: str = "") -> Outreach:
    entry = Outreach(
        kind=check_choice(kind, list(OutreachKind), "hình thức tuyên truyền"),
        held_on=clean_date(held_on, "ngày thực hiện", required=True),
        audience=_count(audience, "Số người được tuyên truyền"),
        quantity=_count(quantity, "Số lượng"),
        document_id=get_alive(db, Document, document_id).id if document_id else None,
        description=clean_text(description, "nội dung", max_length=2000),
    )
    db.add(entry)
    db.flush()
    return entry


def remove_outreach(db, outreach_id: str) -> None:
    tombstone(db, get_alive(db, Outreach, outreach_id))
    db.flush()


def list_outreach(db, *, year: int | None = None) -> list[Outreach]:
    entries = list(db.exec(in_view(db, alive(Outreach), Outreach).order_by(col(Outreach.held_on).desc())))
    return [e for e in entries if year is None or e.held_on.year == year]


def outreach_totals(db, *, year: int | None = None) -> dict[str, dict[str, int]]:
    """Per kind: number of entries, items and people reached."""
    entries, items, people = Counter(), Counter(), Counter()
    for entry in list_outreach(db, year=year):
        entries[entry.kind] += 1
        items[entry.kind] += entry.quantity
        people[entry.kind] += entry.audience
    return {kind: {"entries": entries[kind], "quantity": items[kind], "audience": people[kind]} for kind in entries}
