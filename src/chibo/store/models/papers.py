"""The outgoing register (sổ đăng ký văn bản đi): every numbered paper the unit has issued.

A number is given once: the row is written when the paper is issued, with the hash of the PDF
archived in the data folder, and is never changed afterwards (new figures need a new paper)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from chibo.store.models.base import SyncedRecord


class IssuedPaper(SyncedRecord, table=True):
    __tablename__ = "issued_paper"
    __table_args__ = (UniqueConstraint("unit_id", "term_start", "kind", "number"),)
    paper: str  # minutes / report / plan: which builder made it
    record_id: str = Field(index=True, max_length=36)  # the session, document or plan it is about
    kind: str  # the kind in the symbol: BB, BC, KH, CTr ...
    number: int  # 5 in "05-BB/CB"
    number_symbol: str  # "05-BB/CB"
    term_start: date  # numbers run from 01 per kind within a term
    issued_on: date
    summary: str = ""  # trích yếu
    recipients: str = ""  # one per line, as under "Nơi nhận:"
    file_name: str = ""  # of the archived PDF, in <data folder>/issued/
    sha256: str = ""
    size: int = 0
