"""The receiving level's consolidated figures, computed from the cells' records by SQL aggregates
(`services.aggregates`): per unit and in total, the last bundle, members, sessions, and per
document (by number-symbol) the study figures summed. A fixed number of queries whatever the number
of cells. Units that share a name are told apart by their key fingerprint."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from chibo.services.aggregates import CellDocumentFigures, CellTotals, cell_totals, rows
from chibo.store.records import LOCAL_UNIT
from chibo.sync.keyring import current_superior
from chibo.text import rate_value
from chibo.vocabulary import UnitRole


@dataclass
class DocumentTotal:
    """One document's study figures summed over the cells that hold it (by number-symbol)."""

    number_symbol: str
    required: int = 0
    studied: int = 0
    studied_in_makeup: int = 0
    sessions: int = 0
    makeups: int = 0
    forms: Counter = field(default_factory=Counter)
    essays_by_grade: Counter = field(default_factory=Counter)
    essays_missing: int = 0
    essays_to_rewrite: int = 0
    non_members_reached: int = 0
    cell_plans: int = 0
    individual_plans: int = 0

    @property
    def percent(self) -> float | None:
        return 100.0 * self.studied / self.required if self.required else None

    def add(self, other: DocumentTotal | CellDocumentFigures) -> None:
        for name in ("required", "studied", "studied_in_makeup", "sessions", "makeups", "essays_missing",
                     "essays_to_rewrite", "non_members_reached", "cell_plans", "individual_plans"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.forms.update(other.forms)
        self.essays_by_grade.update(other.essays_by_grade)

    def as_json(self) -> dict:
        return {"number_symbol": self.number_symbol, "required": self.required, "studied": self.studied,
                "rate": rate_value(self.studied, self.required), "studied_in_makeup": self.studied_in_makeup,
                "sessions": self.sessions, "makeups": self.makeups, "forms": dict(sorted(self.forms.items())),
                "essays_by_grade": dict(sorted(self.essays_by_grade.items())), "essays_missing": self.essays_missing,
                "essays_to_rewrite": self.essays_to_rewrite, "non_members_reached": self.non_members_reached,
                "cell_plans": self.cell_plans, "individual_plans": self.individual_plans}


@dataclass
class UnitSummary:
    unit_id: str
    name: str
    fingerprint: str
    last_seq: int
    last_bundle_at: str | None
    code: str = ""
    label: str = ""  # the name, with the fingerprint when another unit has the same name
    members: int = 0  # on the roll (exempt and away included)
    required: int = 0  # who must attend and study
    sessions: int = 0
    makeup_sessions: int = 0
    documents: dict[str, DocumentTotal] = field(default_factory=dict)
    figures: CellTotals | None = None  # the unit's own aggregates (None for a sum)

    def add(self, other: UnitSummary) -> None:
        """Count `other`'s figures into these (a total, or a commune's with its cells)."""
        self.members += other.members
        self.required += other.required
        self.sessions += other.sessions
        self.makeup_sessions += other.makeup_sessions
        for symbol, document in other.documents.items():
            self.documents.setdefault(symbol, DocumentTotal(symbol)).add(document)

    def as_json(self) -> dict:
        return {"id": self.unit_id, "name": self.name, "label": self.label, "code": self.code,
                "fingerprint": self.fingerprint, "last_seq": self.last_seq,
                "last_bundle_at": self.last_bundle_at, "members": self.members, "required": self.required,
                "sessions": self.sessions, "makeup_sessions": self.makeup_sessions,
                "documents": [d.as_json() for d in sorted(self.documents.values(), key=lambda d: d.number_symbol)]}


@dataclass(frozen=True)
class ReceivedUnit:
    """A unit this level sums: approved here (or vouched for by a child), never this level's own
    superior. `plans_from` is the unit whose plan documents it studies besides its own."""

    unit_id: str
    name: str
    fingerprint: str
    last_seq: int
    code: str
    role: str
    plans_from: str | None
    last_bundle_at: str | None


_RECEIVED = """
SELECT k.unit_id, k.name, k.fingerprint, k.last_seq, COALESCE(u.code, ''), COALESCE(u.role, 'cell'), k.vouched_by,
       (SELECT MAX(b.received_at) FROM bundle_log b WHERE b.sender_unit_id = k.unit_id AND b.outcome = 'imported')
FROM known_unit k LEFT JOIN unit u ON u.id = k.unit_id
WHERE k.approval = 'approved' AND k.unit_id IS NOT :superior
ORDER BY k.name, k.unit_id
"""


def received_units(db, local_unit_id: str | None = None, superior: str | None = None) -> list[ReceivedUnit]:
    """The units this level sums, by name, from one query. A cell studies the documents of the
    level that sends it plans: this level for a cell approved here, the commune that vouched for it
    at a province; a receiving unit (a commune at a province) only its own."""
    local = local_unit_id or db.info.get(LOCAL_UNIT)
    result = []
    for unit_id, name, fingerprint, last_seq, code, role, vouched_by, received in rows(
            db, _RECEIVED, {"superior": superior}):
        plans_from = None if role == UnitRole.RECEIVING else (vouched_by or local)
        result.append(ReceivedUnit(unit_id, name, fingerprint, last_seq, code, role, plans_from,
                                   str(received)[:10] if received else None))
    return result


def unit_summary(unit: ReceivedUnit, figures: CellTotals) -> UnitSummary:
    summary = UnitSummary(unit.unit_id, unit.name, unit.fingerprint, unit.last_seq, unit.last_bundle_at, unit.code,
                          unit.name, members=figures.on_roll, required=figures.required, sessions=figures.sessions,
                          makeup_sessions=figures.makeup_sessions, figures=figures)
    for document in figures.documents:
        summary.documents.setdefault(document.number_symbol, DocumentTotal(document.number_symbol)).add(document)
    return summary


def consolidated(db, as_of: date | None = None) -> tuple[list[UnitSummary], UnitSummary]:
    """Each approved unit's figures, and their sum. A commune's own superior (approved to take its
    plans) is not one of the units it sums."""
    as_of = as_of or date.today()
    units = received_units(db, superior=current_superior(db).get("unit_id"))
    figures = cell_totals(db, {u.unit_id: u.plans_from for u in units}, as_of)
    summaries = [unit_summary(unit, figures[unit.unit_id]) for unit in units]
    names = Counter(unit.name for unit in summaries)
    for unit in summaries:
        if names[unit.name] > 1:
            unit.label = f"{unit.name} (mã khóa {unit.fingerprint})"
    total = UnitSummary("", "Tổng cộng", "", 0, None, label="Tổng cộng")
    for unit in summaries:
        total.add(unit)
    return summaries, total
