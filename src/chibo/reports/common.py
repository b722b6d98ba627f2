"""What every paper takes from the book: the unit's names for the letterhead, members' names,
the holders of the cell's offices and whom a paper goes to."""

from __future__ import annotations

from datetime import date, time

from reportlab.lib.units import mm

from chibo.reports.flowables import DOT_WIDTH_EM
from chibo.reports.layout import TEXT_WIDTH, Letterhead, Signature
from chibo.reports.wording import committee_name
from chibo.services.lookups import alive, get_alive, local_unit
from chibo.services.roll import Roll
from chibo.services.signers import load_signers
from chibo.store.models import Member
from chibo.text import format_count, name_sort_key
from chibo.vocabulary import CELL_POSITION_LABELS, ON_ROLL_STATUSES, CellPosition, UnitRole, label

# A line to fill in by hand where the book has nothing yet: as many dots as one indented body
# line holds (14 pt), so it never wraps. `Paper.fill_in` fills the rest of a line after a label.
DOTS = "." * int((TEXT_WIDTH - 10 * mm) / (DOT_WIDTH_EM * 14) - 2)


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


def office_holder(db, position: str, on: date | None = None) -> Member | None:
    """The member of this unit holding `position` (secretary, deputy) and still in it on `on`
    (today); a secretary who has left does not sign."""
    unit_id = local_unit(db).id  # a receiving level's book holds its cells' members: never theirs
    roll = Roll.load(db, unit_id=unit_id)
    holders = [m for m in db.exec(alive(Member).where(Member.position == position, Member.unit_id == unit_id))
               if (roll.status(m.id, on) if on else roll.current(m.id)) in ON_ROLL_STATUSES]
    return min(holders, key=lambda m: name_sort_key(m.full_name), default=None)


def on_behalf_line(db) -> str:
    return "T/M Đảng ủy" if local_unit(db).role == UnitRole.RECEIVING else "T/M Chi bộ"


def secretary_signature(db, on: date | None = None) -> Signature:
    """`T/M CHI BỘ` / `BÍ THƯ` with the name of the cell's secretary in the register; at a
    receiving level, which keeps no register of its own, the name set for it (`services.signers`)."""
    if local_unit(db).role == UnitRole.RECEIVING:
        return Signature(title="Bí thư", name=load_signers(db).secretary, on_behalf=on_behalf_line(db))
    secretary = office_holder(db, CellPosition.SECRETARY, on)
    return Signature(title="Bí thư", name=secretary.full_name if secretary else "", on_behalf=on_behalf_line(db))


def superior_committee(db) -> str:
    """The committee papers go up to ("Đảng ủy xã Nậm Xe"), named from the superior in the book."""
    superior = local_unit(db).superior_name or ""
    return committee_name(superior) if superior.strip() else ""


def own_file(db) -> str:
    """The last line of "Nơi nhận": the unit's own file."""
    return "Lưu Văn phòng Đảng ủy" if local_unit(db).role == UnitRole.RECEIVING else "Lưu chi bộ"


def report_recipients(db, *, members: bool = False) -> list[str]:
    """Whom a report or a plan goes to: the committee above (to report), the members (for a plan
    they carry out), the unit's file."""
    committee = superior_committee(db)
    recipients = [f"{committee} (để báo cáo)"] if committee else []
    if members:
        recipients.append("Các đồng chí đảng viên trong chi bộ")
    return [*recipients, own_file(db)]


def clock(value: time | None) -> str:
    """14:00 -> "14 giờ 00 phút"; a blank to fill in when the time was not recorded."""
    if value is None:
        return "...... giờ ...... phút"
    return f"{value.hour} giờ {value.minute:02d} phút"


def persons(count: int) -> str:
    return f"{format_count(count)} đồng chí"
