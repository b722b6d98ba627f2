"""Stamping of `rev` and `updated_at`, and the rule that synced records are never deleted.

Every insert or change of a record owned by the local unit takes the next value of the unit's
change counter, in the same transaction, so a bundle can always ask "what changed after rev N".
"""

from __future__ import annotations

from sqlalchemy import event, text
from sqlmodel import Session

from chibo.errors import ChiboError
from chibo.store.models import SyncedRecord, Unit, utcnow

# session.info keys
LOCAL_UNIT = "local_unit_id"
IMPORTING = "importing"  # set by the sync importer: records keep the revs they arrived with
_LOCAL_ROLE = "local_role"  # the writing unit's role, read once per session when a cell's record changes

# A cell's own book-keeping: a receiving level holds its cells' rows of these tables, and writes none.
CELL_BOOK_TABLES = frozenset({"member", "member_status_change", "session", "session_document", "attendance",
                              "agenda_item", "speech", "essay", "action_plan", "action_item", "outreach"})


class BookSession(Session):
    """A database session of the book; `info[LOCAL_UNIT]` names the unit that writes."""


class ForeignRecordError(ChiboError):
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
            raise _foreign(session, obj, local)
    if any(obj.__tablename__ in CELL_BOOK_TABLES for obj in changed) and _local_role(session, local) == "receiving":
        raise ForeignRecordError(
            "Ở cấp nhận báo cáo, sổ của các chi bộ chỉ để xem: không thêm, sửa hay xóa đảng viên, buổi sinh hoạt, "
            "bài thu hoạch, kế hoạch hay hoạt động tuyên truyền ở đây. Chi bộ ghi trên sổ của mình rồi gửi gói báo "
            "cáo lên; sổ này không thay đổi.",
            f"{type(obj).__name__} written at a receiving level")
    # Sort for a deterministic order of revs within one flush: by table name, which bundles and
    # migrations keep fixed, so that renaming a Python class never reorders them.
    changed.sort(key=lambda obj: (obj.__tablename__, obj.id))
    first = reserve_revs(session, local, len(changed))
    now = utcnow()
    for offset, obj in enumerate(changed):
        obj.rev = first + offset
        obj.updated_at = now


def _foreign(session: Session, obj: SyncedRecord, local: str | None) -> ForeignRecordError:
    with session.no_autoflush:
        owner = session.get(Unit, obj.unit_id) if obj.unit_id else None
    who = f"“{owner.name}”" if owner is not None else "một đơn vị khác"
    return ForeignRecordError(
        f"Bản ghi này là của {who}: chỉ đơn vị ấy sửa được, trên sổ của mình, rồi gửi lại; ở đây chỉ xem. Sổ này "
        "không thay đổi.", f"{type(obj).__name__} {obj.id} belongs to unit {obj.unit_id}, this book writes as {local}")


def _local_role(session: Session, local: str | None) -> str:
    role = session.info.get(_LOCAL_ROLE)
    if role is None:
        with session.no_autoflush:
            unit = session.get(Unit, local) if local else None
        role = session.info[_LOCAL_ROLE] = unit.role if unit is not None else "cell"
    return role


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
