"""Stamping of `rev` and `updated_at`, and the rule that synced records are never deleted.

Every insert or change of a record owned by the local unit takes the next value of the unit's
change counter, in the same transaction, so a bundle can always ask "what changed after rev N".
"""

from __future__ import annotations

from sqlalchemy import event, text
from sqlmodel import Session

from chibo.store.models import SyncedRecord, utcnow

# session.info keys
LOCAL_UNIT = "local_unit_id"
IMPORTING = "importing"  # set by the sync importer: records keep the revs they arrived with


class BookSession(Session):
    """A database session of the book; `info[LOCAL_UNIT]` names the unit that writes."""


class ForeignRecordError(RuntimeError):
    """A record of another unit was changed here; only the owner changes its records."""


@event.listens_for(BookSession, "before_flush")
def _stamp_revisions(session: Session, _flush_context, _instances) -> None:
    if session.info.get(IMPORTING):
        return
    for obj in session.deleted:
        if isinstance(obj, SyncedRecord):
            raise RuntimeError(f"{type(obj).__name__} rows are tombstoned (deleted_at), never deleted")
    changed = [obj for obj in session.new if isinstance(obj, SyncedRecord)]
    changed += [
        obj
        for obj in session.dirty
        if isinstance(obj, SyncedRecord) and session.is_modified(obj, include_collections=False)
    ]
    if not changed:
        return
    local = session.info.get(LOCAL_UNIT)
    for obj in changed:
        if obj.unit_id is None:
            obj.unit_id = local
        if obj.unit_id != local or local is None:
            raise ForeignRecordError(
                f"{type(obj).__name__} {obj.id} belongs to unit {obj.unit_id}, this book writes as {local}"
            )
    # Sort for a deterministic order of revs within one flush: by table name, which bundles and
    # migrations keep fixed, so that renaming a Python class never reorders them.
    changed.sort(key=lambda obj: (obj.__tablename__, obj.id))
    first = reserve_revs(session, local, len(changed))
    now = utcnow()
    for offset, obj in enumerate(changed):
        obj.rev = first + offset
        obj.updated_at = now


def reserve_revs(session: Session, unit_id: str, count: int) -> int:
    """Take `count` consecutive revs of the unit's counter in the current transaction; returns
    the first. Bulk inserts that bypass the ORM (imports of thousands of rows) use it directly."""
    last = session.connection().execute(
        text(
            "INSERT INTO rev_counter (unit_id, last_rev) VALUES (:unit, :n) "
            "ON CONFLICT(unit_id) DO UPDATE SET last_rev = last_rev + :n RETURNING last_rev"
        ),
        {"unit": unit_id, "n": count},
    ).scalar_one()
    return last - count + 1


def tombstone(session: Session, record: SyncedRecord) -> None:
    """Delete a record the way that travels in bundles: mark it, keep the row."""
    if record.deleted_at is None:
        record.deleted_at = utcnow()
        session.add(record)
