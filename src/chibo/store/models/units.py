"""Units (cells and the committees above them), and the local settings of this installation."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from chibo.store.models.base import SyncedRecord


class Unit(SyncedRecord, table=True):
    """A Party unit: a cell (chi bộ) or a receiving committee (đảng ủy xã ...). Names are free text."""

    name: str  # "Chi bộ bản Nậm Cáy"
    code: str = ""  # short, for file names: "NAMCAY"
    superior_name: str = ""  # "Đảng bộ xã Nậm Xe": the superior body in the paper's header
    place_name: str = ""  # "Nậm Xe": the place in the date line of printed papers
    role: str = "cell"  # UnitRole
    parent_unit_id: str | None = Field(default=None, max_length=36)
    signing_key: str | None = None  # public Ed25519 key, base64 (sync)
    encryption_key: str | None = None  # public X25519 key, base64 (sync)


class RevCounter(SQLModel, table=True):
    """The owner's change counter, one row per unit that writes here. Kept apart from `unit` so a
    loaded Unit object never writes a stale counter back."""

    __tablename__ = "rev_counter"
    unit_id: str = Field(primary_key=True, max_length=36)
    last_rev: int = 0


class Setting(SQLModel, table=True):
    """Settings of this installation (JSON values); never synced."""

    key: str = Field(primary_key=True)
    value: str
