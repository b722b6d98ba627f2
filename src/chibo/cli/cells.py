"""At a receiving level, the cell whose book a command shows (`--unit CODE|NAME`): the listings of
a cell's records read one cell at a time, never every cell as if they were one. Works on a book's
database session (turned to the cell: `services.viewing`) and on the plain sqlite3 reader of the
read commands (the caller passes the cell's id to its reads)."""

from __future__ import annotations

from chibo.errors import ChiboError, NotFoundError
from chibo.services.received_cells import find_cell, is_receiving, require_cell


def view_for(db, args, what: str, *, required: bool = True):
    """The cell of `--unit` (a receiving book only), the session turned to it; without `--unit`, a
    receiving book refuses a listing that needs a cell (`required`). Returns the cell, or None."""
    wanted = getattr(args, "unit", None)
    if wanted:
        if not is_receiving(db):
            raise ChiboError("--unit chỉ dùng ở cấp nhận báo cáo. Sổ này là của một chi bộ: các lệnh đã chỉ xem sổ "
                             "của chi bộ này; hãy bỏ --unit.")
        cell = find_cell(db, wanted)
        if isinstance(getattr(db, "info", None), dict):  # a book's session, not the reader
            from chibo.services.viewing import view_cell

            view_cell(db, cell)
        return cell
    if required:
        require_cell(db, what)
    return None


def check_in_view(cell, record, what: str) -> None:
    """A record asked for by id must be the viewed cell's (a document: or one its superior sent)."""
    if cell is not None and record.unit_id not in (cell.unit_id, cell.plans_from):
        raise NotFoundError(f"{what[:1].upper()}{what[1:]} mã {record.id[:8]} không thuộc {cell.name}.")


def heading(cell) -> None:
    """The first line of a listing at a receiving level: whose book it is."""
    if cell is not None:
        print(f"{cell.name} ({cell.code}):")
