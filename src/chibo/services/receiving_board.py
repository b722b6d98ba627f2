"""The first screen of a receiving book (Tổng quan of a commune party committee): one row per cell
it receives, with the last bundle received, the members on the roll and those who must attend,
and the sessions held; the total of the rows under them. Then, as a second step, each cell's
study of its documents.

A fixed number of statements whatever the number of cells (`aggregates`), and no SQLAlchemy
import: it reads through the plain sqlite3 reader of the start-up path (`store.reader`) or a
book's database session alike. The first step reads no attendance at all (tens of milliseconds
for 300 cells); the study figures read every present mark of every study session (some 0.6 s of
processor time for 300 cells × 5 years here), so the screen shows the first step at once and fills
the study column when the second comes back (members studied over members who must study, the
documents summed, without the make-ups, essays and forms the full aggregate works out)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from chibo.services.aggregates import (
    LOCAL_UNIT_SETTING,
    RECIPIENT_SETTING,
    ReceivedUnit,
    cell_totals,
    received_units,
    rows,
    setting,
    study_counts,
)


@dataclass
class CellRow:
    """One cell's line on the board; `studied`/`must_study` stay None until the second step."""

    unit: ReceivedUnit
    on_roll: int = 0
    required: int = 0
    sessions: int = 0
    makeup_sessions: int = 0
    studied: int | None = None  # over every document the cell holds
    must_study: int | None = None

    @property
    def percent(self) -> float | None:
        return 100.0 * self.studied / self.must_study if self.must_study else None


@dataclass
class ReceivingBoard:
    unit_name: str
    superior_name: str
    as_of: date
    cells: list[CellRow] = field(default_factory=list)
    waiting: int = 0  # units or keys waiting for a person to compare a fingerprint
    unit: object = None  # the window's frame: this unit at a glance (`glance.UnitGlance`), set by the screen

    @property
    def total(self) -> CellRow:
        """The rows summed (the study columns once every row has them)."""
        total = CellRow(ReceivedUnit("", "Tổng cộng", "", 0, "", "", None, None))
        for row in self.cells:
            total.on_roll += row.on_roll
            total.required += row.required
            total.sessions += row.sessions
            total.makeup_sessions += row.makeup_sessions
        if self.cells and all(row.studied is not None for row in self.cells):
            total.studied = sum(row.studied for row in self.cells)
            total.must_study = sum(row.must_study for row in self.cells)
        return total


# What the exchange page lists for a person to compare (`sync.trust.pending_keys`): new units, and
# new keys of units approved before.
_WAITING = """
SELECT (SELECT COUNT(*) FROM known_unit WHERE approval = 'pending')
     + (SELECT COUNT(*) FROM known_key k JOIN known_unit u ON u.unit_id = k.unit_id
        WHERE k.status = 'pending' AND u.approval IN ('approved', 'former') AND k.signing_key != u.signing_key)
"""


def receiving_board(db, as_of: date | None = None) -> ReceivingBoard:
    """The board's first step: five statements (this unit, its superior, the cells, their roll,
    their sessions) and the count of keys waiting for approval."""
    as_of = as_of or date.today()
    local = setting(db, LOCAL_UNIT_SETTING)
    name, superior_name = (rows(db, "SELECT name, superior_name FROM unit WHERE id = :id", {"id": local})
                           or [("", "")])[0]
    superior = (setting(db, RECIPIENT_SETTING) or {}).get("unit_id")
    units = received_units(db, local, superior)
    figures = cell_totals(db, {u.unit_id: u.plans_from for u in units}, as_of, documents=False)
    board = ReceivingBoard(name, superior_name, as_of)
    for unit in units:
        totals = figures[unit.unit_id]
        board.cells.append(CellRow(unit, totals.on_roll, totals.required, totals.sessions, totals.makeup_sessions))
    board.waiting = rows(db, _WAITING, {})[0][0]
    return board


def study_by_cell(db, board: ReceivingBoard) -> dict[str, tuple[int, int]]:
    """The board's second step: every cell's (studied, must study) over its documents
    (`aggregates.study_counts`)."""
    return study_counts(db, {row.unit.unit_id: row.unit.plans_from for row in board.cells}, board.as_of).by_cell()


def fill_study(board: ReceivingBoard, figures: dict[str, tuple[int, int]]) -> None:
    for row in board.cells:
        if row.unit.unit_id in figures:
            row.studied, row.must_study = figures[row.unit.unit_id]
