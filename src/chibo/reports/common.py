"""What every paper takes from the book: the unit's names for the letterhead, members' names."""

from __future__ import annotations

from datetime import date, time

from chibo.reports.layout import Letterhead, Signature
from chibo.services.common import alive, get_alive
from chibo.services.units import local_unit
from chibo.store.models import Member
from chibo.text import format_count
from chibo.vocabulary import CELL_POSITION_LABELS, CellPosition, UnitRole, label

DOTS = "." * 150  # a line to fill in by hand where the book has nothing yet


def letterhead(db, issued_on: date, number_symbol: str | None = None) -> Letterhead:
    unit = local_unit(db)
    return Letterhead(
        superior_name=unit.superior_name or "",
        issuing_name=unit.name,
        place_name=unit.place_name or "",
        issued_on=issued_on,
        number_symbol=number_symbol,
    )


def cell_name(db) -> str:
    return local_unit(db).name


def member_name(db, member_id: str | None) -> str:
    return get_alive(db, Member, member_id).full_name if member_id else ""


def birth_year(member: Member) -> int | None:
    """The year of birth, kept alone or read from the full date."""
    return member.birth_year or (member.birth_date.year if member.birth_date else None)


def position_label(position: str) -> str:
    return label(position, CELL_POSITION_LABELS)


def secretary_signature(db) -> Signature:
    """`T/M CHI BỘ` / `BÍ THƯ` with the name of the cell's secretary in the register."""
    secretary = db.exec(alive(Member).where(Member.position == CellPosition.SECRETARY)).first()
    on_behalf = "T/M Đảng ủy" if local_unit(db).role == UnitRole.RECEIVING else "T/M Chi bộ"
    return Signature(title="Bí thư", name=secretary.full_name if secretary else "", on_behalf=on_behalf)


def clock(value: time | None) -> str:
    """14:00 -> "14 giờ 00 phút"; a blank to fill in when the time was not recorded."""
    if value is None:
        return "...... giờ ...... phút"
    return f"{value.hour} giờ {value.minute:02d} phút"


def persons(count: int) -> str:
    return f"{format_count(count)} đồng chí"
