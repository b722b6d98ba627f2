"""The receiving level's units by level: at a province, each commune with, under it, the cells it
vouched for (`known_unit.vouched_by`), and the commune's figures summed with its cells'. Every
unit is in the tree once, under the commune that last forwarded its news, so a sum over the tree
counts each cell once whatever road its bundles took."""

from __future__ import annotations

from dataclasses import dataclass, field

from chibo.services.aggregates import rows
from chibo.sync.summary import UnitSummary


@dataclass
class LevelNode:
    unit: UnitSummary
    units: list[LevelNode] = field(default_factory=list)  # the units under it

    @property
    def subtotal(self) -> UnitSummary:
        """The unit's own figures and those of every unit under it."""
        total = UnitSummary(self.unit.unit_id, self.unit.name, self.unit.fingerprint, self.unit.last_seq,
                            self.unit.last_bundle_at, self.unit.code, self.unit.label)
        total.add(self.unit)
        for child in self.units:
            total.add(child.subtotal)
        return total

    def as_json(self) -> dict:
        subtotal = self.subtotal.as_json()
        return {**self.unit.as_json(), "subtotal": {key: subtotal[key] for key in ("members", "sessions", "documents")},
                "units": [child.as_json() for child in self.units]}


def by_level(db, units: list[UnitSummary]) -> list[LevelNode]:
    """The units (as `consolidated` gives them, in its order) as a tree: those approved here by a
    person at the top, each vouched unit under the unit that vouched for it."""
    parents = dict(rows(db, "SELECT unit_id, vouched_by FROM known_unit", {}))
    nodes = {unit.unit_id: LevelNode(unit) for unit in units}
    roots = []
    for unit in units:
        parent = parents.get(unit.unit_id)
        if parent in nodes and not _loops(parents, unit.unit_id):
            nodes[parent].units.append(nodes[unit.unit_id])
        else:
            roots.append(nodes[unit.unit_id])
    return roots


def _loops(parents: dict, unit_id: str) -> bool:
    """Two communes vouching for each other would hide both from the tree: shown at the top instead."""
    seen, current = set(), unit_id
    while current is not None:
        if current in seen:
            return True
        seen.add(current)
        current = parents.get(current)
    return False
