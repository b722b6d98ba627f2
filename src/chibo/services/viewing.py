"""Whose data a view shows.

A cell's book holds one cell: its pages and commands show the whole book. A receiving book holds
every cell it receives: there the cell pages and commands show one chosen cell at a time (a
read-only drill-down), never every cell as if they were one; figures over many cells come from
`services.aggregates`, per cell and summed. A database session is turned to one cell with
`view_cell`; the listing services (`list_members`, `list_sessions`, `list_documents`, ...), the
roll and the figures then read that cell's rows alone.

At a receiving level nothing of a cell's is written: the store refuses such a change with a
sentence (`store.records`), and `refuse_at_receiving` says so before work starts (a member list to
import). The list of cells and those refusals are SQL alone (`services.received_cells`)."""

from __future__ import annotations

from sqlmodel import col

from chibo.services.aggregates import ReceivedUnit
from chibo.services.received_cells import (  # noqa: F401  (the view's callers find them here too)
    find_cell,
    is_receiving,
    received_cells,
    refuse_at_receiving,
    require_cell,
)

VIEWED_CELL = "viewed_cell"  # db.info key: the ReceivedUnit the session shows


def view_cell(db, cell: ReceivedUnit | None) -> None:
    """Turn the session to one cell's book (None: the whole book, as at a cell)."""
    if cell is None:
        db.info.pop(VIEWED_CELL, None)
    else:
        db.info[VIEWED_CELL] = cell


def viewed_cell(db) -> ReceivedUnit | None:
    return db.info.get(VIEWED_CELL)


def viewed_unit_id(db) -> str | None:
    cell = db.info.get(VIEWED_CELL)
    return cell.unit_id if cell is not None else None


def in_view(db, query, model):
    """`query` narrowed to the viewed cell's rows of `model`, or as it is when no cell is viewed."""
    cell = db.info.get(VIEWED_CELL)
    return query if cell is None else query.where(model.unit_id == cell.unit_id)


def documents_in_view(db, query, model):
    """The documents a viewed cell holds: its own and those of the level that sends it plans."""
    cell = db.info.get(VIEWED_CELL)
    if cell is None:
        return query
    return query.where(col(model.unit_id).in_([u for u in (cell.unit_id, cell.plans_from) if u]))


