"""The receiving level's consolidated figures, computed from the cells' records: per unit and in
total, the last bundle, members, sessions, and per document (by number-symbol) the members
required, studied and the rate. Units that share a name are told apart by their key fingerprint."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import col, select

from chibo.services.figures import document_figures
from chibo.services.lookups import alive
from chibo.services.roll import Roll
from chibo.store.models import BundleLog, CellSession, Document, KnownUnit, Unit
from chibo.sync.keyring import current_superior
from chibo.text import rate_value


@dataclass
class DocumentTotal:
    number_symbol: str
    required: int = 0
    studied: int = 0

    @property
    def percent(self) -> float | None:
        return 100.0 * self.studied / self.required if self.required else None

    def as_json(self) -> dict:
        return {"number_symbol": self.number_symbol, "required": self.required, "studied": self.studied,
                "rate": rate_value(self.studied, self.required)}


@dataclass
class UnitSummary:
    unit_id: str
    name: str
    fingerprint: str
    last_seq: int
    last_bundle_at: str | None
    code: str = ""
    label: str = ""  # the name, with the fingerprint when another unit has the same name
    members: int = 0
    sessions: int = 0
    documents: dict[str, DocumentTotal] = field(default_factory=dict)

    def add(self, other: UnitSummary) -> None:
        """Count `other`'s figures into these (a total, or a commune's with its cells)."""
        self.members += other.members
        self.sessions += other.sessions
        for symbol, document in other.documents.items():
            total = self.documents.setdefault(symbol, DocumentTotal(symbol))
            total.required += document.required
            total.studied += document.studied

    def as_json(self) -> dict:
        return {"id": self.unit_id, "name": self.name, "label": self.label, "code": self.code,
                "fingerprint": self.fingerprint, "last_seq": self.last_seq,
                "last_bundle_at": self.last_bundle_at, "members": self.members, "sessions": self.sessions,
                "documents": [d.as_json() for d in sorted(self.documents.values(), key=lambda d: d.number_symbol)]}


def unit_summary(db, known: KnownUnit, as_of: date) -> UnitSummary:
    last = db.exec(select(BundleLog).where(BundleLog.sender_unit_id == known.unit_id, BundleLog.outcome == "imported")
                   .order_by(col(BundleLog.received_at).desc())).first()
    record = db.get(Unit, known.unit_id)
    summary = UnitSummary(known.unit_id, known.name, known.fingerprint, known.last_seq,
                          last.received_at.date().isoformat() if last else None, record.code if record else "",
                          known.name)
    roll = Roll.load(db, unit_id=known.unit_id)
    summary.members = len(roll.on_roll(as_of))
    summary.sessions = len(db.exec(alive(CellSession).where(CellSession.unit_id == known.unit_id,
                                                        col(CellSession.held_on) <= as_of)).all())
    for document in db.exec(alive(Document).where(Document.unit_id == known.unit_id)):
        figures = document_figures(db, document.id, as_of, roll)
        total = summary.documents.setdefault(document.number_symbol, DocumentTotal(document.number_symbol))
        total.required += figures.required
        total.studied += figures.studied_count
    return summary


def consolidated(db, as_of: date | None = None) -> tuple[list[UnitSummary], UnitSummary]:
    """Each approved unit's figures, and their sum. A commune's own superior (approved to take its
    plans) is not one of the units it sums."""
    as_of = as_of or date.today()
    superior = current_superior(db).get("unit_id")
    units = [unit_summary(db, known, as_of)
             for known in db.exec(select(KnownUnit).where(KnownUnit.approval == "approved").order_by(col(KnownUnit.name)))
             if known.unit_id != superior]
    names = Counter(unit.name for unit in units)
    for unit in units:
        if names[unit.name] > 1:
            unit.label = f"{unit.name} (mã khóa {unit.fingerprint})"
    total = UnitSummary("", "Tổng cộng", "", 0, None, label="Tổng cộng")
    for unit in units:
        total.add(unit)
    return units, total
