"""Documents to study."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field

from chibo.store.models.base import SyncedRecord


class Document(SyncedRecord, table=True):
    kind: str  # DocumentKind abbreviation: NQ, CT, KL, ...
    number_symbol: str  # "29-NQ/TW"
    title: str  # trích yếu, without kind and number: "về đột phá phát triển …"
    issuer: str = ""  # cơ quan ban hành, "Bộ Chính trị"; empty: the issuing level's name
    issuing_level: str = "trung_uong"  # IssuingLevel
    issued_on: date | None = None
    deadline: date | None = Field(default=None)  # "đến ngày 30-6-2021 cơ bản hoàn thành"
    requires_essay: bool = True
    note: str = ""
