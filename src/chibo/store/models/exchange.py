"""The receiving level's books on what arrived: known units with pinned keys, and every bundle
seen. Local to this installation; never synced."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from chibo.store.models.base import new_id, utcnow


class KnownUnit(SQLModel, table=True):
    __tablename__ = "known_unit"
    unit_id: str = Field(primary_key=True, max_length=36)
    name: str
    signing_key: str
    encryption_key: str | None = None
    fingerprint: str
    approval: str = "pending"  # pending / approved / rejected / former (a cell's previous superior)
    first_seen_at: datetime = Field(default_factory=utcnow)
    approved_at: datetime | None = None
    last_seq: int = 0
    superior_name: str = ""  # the superior the unit declares (its bundles' manifest): flagged when not us
    # At a level above the communes: the child unit (a commune) that vouched for this unit's keys in a
    # forwarded bundle; None for a unit approved here by a person (a direct child, or a superior).
    vouched_by: str | None = Field(default=None, max_length=36)


class BundleLog(SQLModel, table=True):
    __tablename__ = "bundle_log"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    file_sha256: str = Field(index=True)
    file_name: str = ""
    sender_unit_id: str | None = None
    seq: int | None = None
    kind: str = ""  # report / plan
    received_at: datetime = Field(default_factory=utcnow)
    outcome: str  # imported / pending / rejected / duplicate
    reason: str = ""
    counts: str = "{}"  # JSON: new, updated, duplicate, stale, conflict per table


class KnownKey(SQLModel, table=True):
    """Every signing key seen for a known unit (the history, so older bundles still verify): the
    one in use is `approved`; a new one waits as `pending` until a person approves its
    fingerprint; a replaced one becomes `retired` (its bundles made before the change, numbered
    below `until_seq`, still import); a refused one `rejected`."""

    __tablename__ = "known_key"
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    unit_id: str = Field(index=True, max_length=36)
    signing_key: str = Field(index=True)
    encryption_key: str | None = None
    fingerprint: str
    status: str = "pending"  # pending / approved / retired / rejected
    first_seen_at: datetime = Field(default_factory=utcnow)
    approved_at: datetime | None = None
    retired_at: datetime | None = None
    first_seq: int | None = None  # the lowest bundle number seen signed with this key
    until_seq: int | None = None  # retired: bundles numbered below this were made before the change


class ForwardedBundle(SQLModel, table=True):
    """At a receiving level with a superior: a child's bundle (kept in `received/` by its hash) and
    the last forward bundle that carried it upward. Acknowledged once the superior's plan bundle
    says it received that forward, so the next forward leaves it out."""

    __tablename__ = "forwarded_bundle"
    file_sha256: str = Field(primary_key=True)
    forward_seq: int
