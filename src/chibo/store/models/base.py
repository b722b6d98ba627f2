"""What every synced table shares: a UUID born with the record, its owner unit, the owner's change
counter and a tombstone. `rev` and `updated_at` are stamped by `chibo.store.records`, never by
hand."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlmodel import Field, SQLModel


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


class SyncedRecord(SQLModel):
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    unit_id: str | None = Field(default=None, foreign_key="unit.id", index=True, max_length=36)
    rev: int = Field(default=0)
    updated_at: datetime = Field(default_factory=utcnow)
    deleted_at: datetime | None = Field(default=None)
