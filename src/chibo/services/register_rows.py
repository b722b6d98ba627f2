"""The register's rows: a member with the status held today and the day the member joined the cell
(`MemberRow`), and the register read through the plain sqlite3 reader (`register`) for the command
line's `chibo members list`, which then needs no SQLAlchemy (half a second of its start-up).
`members.list_members` reads the same rows through the engine, for the desktop app; a test holds
the two equal. No database layer here."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from chibo.services.glance import roll
from chibo.store.reader import Reader, day
from chibo.text import matches, name_sort_key
from chibo.vocabulary import MemberStatus


@dataclass(frozen=True)
class MemberRow:
    """A member as the register shows it: the record, its current status and joining date."""

    member: object  # a `Member`, or a `MemberRecord` read by the plain reader
    status: MemberStatus | None
    joined_on: date | None

    def as_json(self) -> dict:
        m = self.member
        return {
            "id": m.id,
            "full_name": m.full_name,
            "status": str(self.status) if self.status else None,
            "sex": m.sex,
            "birth_date": m.birth_date.isoformat() if m.birth_date else None,
            "birth_year": m.birth_year,
            "ethnicity": m.ethnicity,
            "card_number": m.card_number,
            "admitted_on": m.admitted_on.isoformat() if m.admitted_on else None,
            "official_on": m.official_on.isoformat() if m.official_on else None,
            "position": m.position,
            "phone": m.phone,
            "joined_on": self.joined_on.isoformat() if self.joined_on else None,
        }


@dataclass(frozen=True)
class MemberRecord:
    """The columns of `member` the register shows, as `Member` names them."""

    id: str
    full_name: str
    sex: str
    birth_date: date | None
    birth_year: int | None
    ethnicity: str
    card_number: str
    admitted_on: date | None
    official_on: date | None
    position: str
    phone: str


_COLUMNS = ", ".join(f.name for f in fields(MemberRecord))
_DATES = {"birth_date", "admitted_on", "official_on"}


def register(reader: Reader, *, query: str = "", statuses: set[str] | None = None,
             include_left: bool = True, unit_id: str | None = None) -> list[MemberRow]:
    """`members.list_members`, read with two statements: the register in Vietnamese given-name
    order, filtered by an accent-blind search (name, card number, phone) and statuses; at a
    receiving level, one cell's (`unit_id`)."""
    where, params = (" AND unit_id = ?", (unit_id,)) if unit_id else ("", ())
    records = (MemberRecord(*(day(v) if f.name in _DATES else v for f, v in zip(fields(MemberRecord), values,
                                                                                 strict=True)))
               for values in reader.rows(f"SELECT {_COLUMNS} FROM member WHERE deleted_at IS NULL" + where, params))
    return register_of(records, roll(reader, unit_id), query=query, statuses=statuses, include_left=include_left)


def register_of(members, roll_, *, query: str = "", statuses: set[str] | None = None,
                include_left: bool = True) -> list[MemberRow]:
    """The rows of `members` (records read either way) with their status on `roll_`, filtered and
    in Vietnamese given-name order: what both `register` and `members.list_members` list."""
    rows = []
    for member in members:
        status = roll_.current(member.id)
        if not include_left and status == MemberStatus.LEFT:
            continue
        if statuses is not None and str(status) not in statuses:
            continue
        if query and not matches(query, f"{member.full_name} {member.card_number} {member.phone}"):
            continue
        rows.append(MemberRow(member, status, roll_.joined_on(member.id)))
    rows.sort(key=lambda row: (name_sort_key(row.member.full_name), row.member.birth_year or 0, row.member.id))
    return rows
