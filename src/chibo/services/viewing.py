"""Whose data a view shows.

A cell's book holds one cell: its pages and commands show the whole book. A receiving book holds
every cell it receives: there the cell pages and commands show one chosen cell at a time (a
read-only drill-down), never every cell as if they were one; figures over many cells come from
`services.aggregates`, per cell and summed. A database session is turned to one cell with
`view_cell`; the listing services (`list_members`, `list_sessions`, `list_documents`, ...), the
roll and the figures then read that cell's rows alone.

At a receiving level nothing of a cell's is written: the store refuses such a change with a
sentence (`store.records`), and `refuse_at_receiving` says so before work starts (a member list to
import)."""

from __future__ import annotations

from sqlmodel import col

from chibo.errors import ChiboError, NotFoundError
from chibo.services import aggregates
from chibo.services.aggregates import ReceivedUnit
from chibo.store.models import Unit
from chibo.store.records import LOCAL_UNIT
from chibo.text import fold
from chibo.vocabulary import UnitRole

VIEWED_CELL = "viewed_cell"  # db.info key: the ReceivedUnit the session shows


def received_units(db, superior: str | None = None) -> list[ReceivedUnit]:
    """`aggregates.received_units` on a book session: the cells a cell approved here takes plans from
    this level."""
    return aggregates.received_units(db, db.info.get(LOCAL_UNIT), superior)


def received_cells(db) -> list[ReceivedUnit]:
    """The cells whose books this receiving book holds (a commune at a province is not one)."""
    return [unit for unit in received_units(db) if unit.role == UnitRole.CELL]


def is_receiving(db) -> bool:
    """A receiving book's; False for a book not yet set up (the first-run wizard reads a member
    list before the cell is written)."""
    unit = db.get(Unit, db.info.get(LOCAL_UNIT)) if db.info.get(LOCAL_UNIT) else None
    return unit is not None and unit.role == UnitRole.RECEIVING


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


def find_cell(db, wanted: str) -> ReceivedUnit:
    """The cell named by its code (BANNAMCAY), its name or part of it, accents and case aside."""
    cells = received_cells(db)
    text = fold(wanted or "").strip()
    exact = [c for c in cells if text and text in (fold(c.code), fold(c.name))]
    found = exact or [c for c in cells if text and text in fold(c.name)]
    if len(found) == 1:
        return found[0]
    known = "; ".join(f"{c.code} ({c.name})" for c in cells) or "chưa có chi bộ nào được xác nhận"
    if not found:
        raise NotFoundError(f"Không có chi bộ nào mã hay tên “{wanted}” trong sổ. Các chi bộ: {known}.")
    names = "; ".join(f"{c.code} ({c.name})" for c in found)
    raise NotFoundError(f"Có nhiều chi bộ ứng với “{wanted}”: {names}. Hãy gõ mã của chi bộ.")


def require_cell(db, what: str) -> None:
    """At a receiving level, a list of a cell's records needs the cell: a sentence when none is viewed."""
    if viewed_cell(db) is None and is_receiving(db):
        codes = ", ".join(c.code for c in received_cells(db)[:8]) or "chưa có"
        raise ChiboError(f"Ở cấp nhận báo cáo, {what} là của từng chi bộ: hãy chọn một chi bộ bằng --unit MÃ "
                         f"hoặc --unit TÊN (mã các chi bộ: {codes}; “chibo summary” liệt kê đủ).")


def refuse_at_receiving(db, action: str) -> None:
    """A cell's work asked of a receiving book: refused with what to do instead."""
    if is_receiving(db):
        raise ChiboError(f"Sổ này là của cấp nhận báo cáo: không {action} ở đây. Danh sách đảng viên, buổi sinh hoạt "
                         "và các việc của chi bộ do chi bộ ghi trên sổ của mình rồi gửi gói báo cáo lên.")
