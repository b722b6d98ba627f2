"""At a receiving level, the cell whose book a command shows (`--unit CODE|NAME`): the listings of
a cell's records read one cell at a time, never every cell as if they were one."""

from __future__ import annotations

from chibo.errors import ChiboError, NotFoundError
from chibo.services.viewing import find_cell, is_receiving, require_cell, view_cell, viewed_cell


def view_for(db, args, what: str, *, required: bool = True):
    """Turn the session to the cell of `--unit` (a receiving book only); without it, a receiving
    book refuses a listing that needs a cell (`required`). Returns the cell, or None."""
    wanted = getattr(args, "unit", None)
    if wanted:
        if not is_receiving(db):
            raise ChiboError("--unit chỉ dùng ở cấp nhận báo cáo. Sổ này là của một chi bộ: các lệnh đã chỉ xem sổ "
                             "của chi bộ này; hãy bỏ --unit.")
        cell = find_cell(db, wanted)
        view_cell(db, cell)
        return cell
    if required:
        require_cell(db, what)
    return None


def check_in_view(db, record, what: str) -> None:
    """A record asked for by id must be the viewed cell's (a document: or one its superior sent)."""
    cell = viewed_cell(db)
    if cell is not None and record.unit_id not in (cell.unit_id, cell.plans_from):
        raise NotFoundError(f"{what[:1].upper()}{what[1:]} mã {record.id[:8]} không thuộc {cell.name}.")


def heading(cell) -> None:
    """The first line of a listing at a receiving level: whose book it is."""
    if cell is not None:
        print(f"{cell.name} ({cell.code}):")
