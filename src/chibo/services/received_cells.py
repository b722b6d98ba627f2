"""The cells a receiving book holds, and the refusals of what is a cell's own, with SQL alone:
used through a book's database session and through the plain sqlite3 reader of the command line's
lists (which import no SQLModel). The session-side view of one cell is `services.viewing`."""

from __future__ import annotations

from chibo.errors import ChiboError, NotFoundError
from chibo.services.aggregates import LOCAL_UNIT_SETTING, ReceivedUnit, received_units, rows, setting
from chibo.text import fold
from chibo.vocabulary import UnitRole

_SESSION_LOCAL_UNIT = "local_unit_id"  # `store.records.LOCAL_UNIT`: a book session's writing unit


def local_unit_id(db) -> str | None:
    """The book's own unit: a session knows it (`info`), a reader reads the setting."""
    info = getattr(db, "info", None)
    if isinstance(info, dict) and info.get(_SESSION_LOCAL_UNIT):
        return info[_SESSION_LOCAL_UNIT]
    return setting(db, LOCAL_UNIT_SETTING)


def is_receiving(db) -> bool:
    """A receiving book's; False for a book not yet set up (the first-run wizard reads a member
    list before the cell is written)."""
    local = local_unit_id(db)
    found = rows(db, "SELECT role FROM unit WHERE id = :id", {"id": local}) if local else []
    return bool(found) and found[0][0] == UnitRole.RECEIVING


def received_cells(db) -> list[ReceivedUnit]:
    """The cells whose books this receiving book holds (a commune at a province is not one)."""
    return [unit for unit in received_units(db, local_unit_id(db)) if unit.role == UnitRole.CELL]


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
    """At a receiving level, a list of a cell's records needs the cell: the sentence that says so."""
    if is_receiving(db):
        codes = ", ".join(c.code for c in received_cells(db)[:8]) or "chưa có"
        raise ChiboError(f"Ở cấp nhận báo cáo, {what} là của từng chi bộ: hãy chọn một chi bộ bằng --unit MÃ "
                         f"hoặc --unit TÊN (mã các chi bộ: {codes}; “chibo summary” liệt kê đủ).")


def refuse_at_receiving(db, action: str) -> None:
    """A cell's work asked of a receiving book: refused with what to do instead."""
    if is_receiving(db):
        raise ChiboError(f"Sổ này là của cấp nhận báo cáo: không {action} ở đây. Danh sách đảng viên, buổi sinh hoạt "
                         "và các việc của chi bộ do chi bộ ghi trên sổ của mình rồi gửi gói báo cáo lên.")
