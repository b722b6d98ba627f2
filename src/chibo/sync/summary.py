"""The receiving level's consolidated figures, computed from the cells' records by SQL aggregates
(`services.aggregates`): per unit and in total, the last bundle, members, sessions, and per
document (by number-symbol) the study figures summed. A fixed number of queries whatever the number
of cells. Units that share a name are told apart by their key fingerprint."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from chibo.services.aggregates import (
    LOCAL_UNIT_SETTING,
    RECIPIENT_SETTING,
    CellDocumentFigures,
    CellTotals,
    ReceivedUnit,
    cell_totals,
    received_units,
    setting,
    study_counts,
)
from chibo.text import rate_value


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
    came_after: int = 0  # not studied: came to their cell after its last session on the document

    @property
    def percent(self) -> float | None:
        return 100.0 * self.studied / self.required if self.required else None

    def add(self, other: DocumentTotal | CellDocumentFigures) -> None:
        for name in ("required", "studied", "studied_in_makeup", "sessions", "makeups", "essays_missing",
                     "essays_to_rewrite", "non_members_reached", "cell_plans", "individual_plans", "came_after"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.forms.update(other.forms)
        self.essays_by_grade.update(other.essays_by_grade)

    def as_json(self) -> dict:
        return {"number_symbol": self.number_symbol, "required": self.required, "studied": self.studied,
                "rate": rate_value(self.studied, self.required), "studied_in_makeup": self.studied_in_makeup,
                "sessions": self.sessions, "makeups": self.makeups, "forms": dict(sorted(self.forms.items())),
                "essays_by_grade": dict(sorted(self.essays_by_grade.items())), "essays_missing": self.essays_missing,
                "essays_to_rewrite": self.essays_to_rewrite, "non_members_reached": self.non_members_reached,
                "cell_plans": self.cell_plans, "individual_plans": self.individual_plans, "came_after": self.came_after}


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


def unit_summary(unit: ReceivedUnit, figures: CellTotals) -> UnitSummary:
    summary = UnitSummary(unit.unit_id, unit.name, unit.fingerprint, unit.last_seq, unit.last_bundle_at, unit.code,
                          unit.name, members=figures.on_roll, required=figures.required, sessions=figures.sessions,
                          makeup_sessions=figures.makeup_sessions, figures=figures)
    for document in figures.documents:
        summary.documents.setdefault(document.number_symbol, DocumentTotal(document.number_symbol)).add(document)
    return summary


def consolidated(db, as_of: date | None = None, *, light: bool = False) -> tuple[list[UnitSummary], UnitSummary]:
    """Each approved unit's figures, and their sum. A commune's own superior (approved to take its
    plans) is not one of the units it sums. `db`: a book's session, or the plain sqlite3 reader
    (`store.reader`): SQL alone, so `chibo summary` need not import SQLModel.

    `light`: the documents' members required and studied alone (`aggregates.study_counts`, the
    other figures of a document left at 0), for a screen that shows no more: a third less time."""
    as_of = as_of or date.today()
    units = received_units(db, setting(db, LOCAL_UNIT_SETTING), (setting(db, RECIPIENT_SETTING) or {}).get("unit_id"))
    plans_from = {u.unit_id: u.plans_from for u in units}
    figures = cell_totals(db, plans_from, as_of, documents=not light)
    summaries = [unit_summary(unit, figures[unit.unit_id]) for unit in units]
    if light:
        counts = study_counts(db, plans_from, as_of)
        for summary in summaries:
            for document_id in counts.documents[summary.unit_id]:
                symbol = counts.symbols[document_id]
                total = summary.documents.setdefault(symbol, DocumentTotal(symbol))
                total.required += counts.required[summary.unit_id]
                total.studied += counts.studied.get((summary.unit_id, document_id), 0)
    names = Counter(unit.name for unit in summaries)
    for unit in summaries:
        if names[unit.name] > 1:
            unit.label = f"{unit.name} (mã khóa {unit.fingerprint})"
    total = UnitSummary("", "Tổng cộng", "", 0, None, label="Tổng cộng")
    for unit in summaries:
        total.add(unit)
    return summaries, total
