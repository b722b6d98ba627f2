"""The member register: add, edit, status changes with dates, leaving, history, listing."""

from __future__ import annotations

from datetime import date

from sqlmodel import col

from chibo.errors import ValidationError
from chibo.services.cleaning import NAME_LENGTH, NOTE_LENGTH, SHORT_LENGTH, check_choice, clean_date, clean_text
from chibo.services.lookups import alive, get_alive
from chibo.services.register_rows import MemberRow, register_of  # MemberRow: imported from here too
from chibo.services.roll import Roll
from chibo.services.viewing import in_view
from chibo.store.models import Member, MemberStatusChange
from chibo.store.records import tombstone
from chibo.text import format_date
from chibo.vocabulary import CellPosition, LeftReason, MemberStatus

SEXES = ("Nam", "Nữ")

# field -> (Vietnamese name for messages, kind)
MEMBER_FIELDS = {
    "full_name": ("họ và tên", "text"),
    "sex": ("giới tính", "sex"),
    "birth_date": ("ngày sinh", "date"),
    "birth_year": ("năm sinh", "year"),
    "ethnicity": ("dân tộc", "text"),
    "card_number": ("số thẻ đảng viên", "text"),
    "admitted_on": ("ngày vào Đảng", "date"),
    "official_on": ("ngày chính thức", "date"),
    "phone": ("số điện thoại", "text"),
    "position": ("chức vụ", "position"),
    "note": ("ghi chú", "text"),
}


def _clean_fields(fields: dict) -> dict:
    cleaned = {}
    for key, value in fields.items():
        if key not in MEMBER_FIELDS:
            raise ValidationError(f"Đảng viên không có trường “{key}”.")
        label, kind = MEMBER_FIELDS[key]
        if kind == "text":
            cleaned[key] = clean_text(value, label, required=key == "full_name", max_length=_TEXT_LENGTHS[key])
            if key == "full_name":
                cleaned[key] = " ".join(cleaned[key].split())
        elif kind == "date":
            cleaned[key] = clean_date(value, label)
        elif kind == "year":
            cleaned[key] = clean_year(value)
        elif kind == "sex":
            text = clean_text(value, label)
            if text and text.lower() not in ("nam", "nữ"):
                raise ValidationError("Giới tính phải là “Nam” hoặc “Nữ”.")
            cleaned[key] = text.capitalize() if text else ""
        elif kind == "position":
            cleaned[key] = check_choice(value or CellPosition.MEMBER, list(CellPosition), label)
    return cleaned


_TEXT_LENGTHS = {"full_name": NAME_LENGTH, "ethnicity": SHORT_LENGTH, "card_number": SHORT_LENGTH,
                 "phone": SHORT_LENGTH, "note": NOTE_LENGTH}


def clean_year(value) -> int | None:
    if value in (None, ""):
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        raise ValidationError(f"Năm sinh “{value}” không phải một năm.") from None
    if not 1900 <= year <= 2100:
        raise ValidationError(f"Năm sinh {year} nằm ngoài khoảng 1900–2100.")
    return year


def check_member_dates(member: Member) -> None:
    if member.birth_date and not member.birth_year:
        member.birth_year = member.birth_date.year
    if member.birth_date and member.birth_year and member.birth_date.year != member.birth_year:
        raise ValidationError("Năm sinh không khớp với ngày sinh.")
    # A date in the future is blamed on its own field before fields are compared with each other
    # (a birth in 2030 is the birth date's fault, not the admission's).
    today = date.today()
    for value, label in ((member.birth_date, "Ngày sinh"), (member.admitted_on, "Ngày vào Đảng"),
                         (member.official_on, "Ngày chính thức")):
        if value and value > today:
            raise ValidationError(f"{label} {format_date(value)} ở tương lai.")
    born = member.birth_year
    if born and born > today.year:
        raise ValidationError(f"Năm sinh {born} ở tương lai.")
    if born and member.admitted_on and member.admitted_on.year - born < 16:
        raise ValidationError(
            f"Ngày vào Đảng {format_date(member.admitted_on)} quá sớm so với năm sinh {born}: hãy kiểm tra lại."
        )
    if member.admitted_on and member.official_on and member.official_on < member.admitted_on:
        raise ValidationError("Ngày chính thức không thể trước ngày vào Đảng.")


def add_member(db, *, status: str = MemberStatus.FULL, joined_on=None, **fields) -> Member:
    """Add a member to the register with the status held from `joined_on` (default today)."""
    if "full_name" not in fields:
        raise ValidationError("Chưa nhập họ và tên.")
    member = Member(**_clean_fields(fields))
    check_member_dates(member)
    status = check_choice(status, [s for s in MemberStatus if s != MemberStatus.LEFT], "tình trạng đảng viên")
    joined = clean_date(joined_on, "ngày bắt đầu sinh hoạt") or date.today()
    db.add(member)
    db.add(MemberStatusChange(member_id=member.id, status=status, effective_on=joined))
    db.flush()
    return member


def edit_member(db, member_id: str, **fields) -> Member:
    member = get_alive(db, Member, member_id)
    for key, value in _clean_fields(fields).items():
        setattr(member, key, value)
    if "birth_date" in fields and "birth_year" not in fields:
        member.birth_year = member.birth_date.year if member.birth_date else member.birth_year
    check_member_dates(member)
    db.add(member)
    db.flush()
    return member


def change_status(db, member_id: str, status: str, effective_on, *, left_reason: str = "", note: str = "") -> MemberStatusChange:
    """Record that from `effective_on` the member has `status` (history is kept, never rewritten)."""
    member = get_alive(db, Member, member_id)
    status = MemberStatus(check_choice(status, list(MemberStatus), "tình trạng đảng viên"))
    day = clean_date(effective_on, "ngày có hiệu lực", required=True)
    roll = Roll.load(db)
    joined = roll.joined_on(member.id)
    if joined and day < joined:
        raise ValidationError(
            f"Ngày {format_date(day)} trước ngày {member.full_name} bắt đầu sinh hoạt ở chi bộ ({format_date(joined)})."
        )
    previous = roll.status(member.id, day)
    if previous == status:
        raise ValidationError(f"{member.full_name} đã ở tình trạng này vào ngày {format_date(day)}.")
    if previous == MemberStatus.LEFT:
        raise ValidationError(
            f"{member.full_name} đã rời chi bộ vào ngày đó; muốn tiếp nhận lại, hãy chọn ngày tiếp nhận sau ngày rời."
        )
    if status == MemberStatus.LEFT:
        left_reason = check_choice(left_reason, list(LeftReason), "lý do rời chi bộ")
    elif left_reason:
        raise ValidationError("Chỉ ghi lý do rời chi bộ khi đảng viên rời chi bộ.")
    change = MemberStatusChange(
        member_id=member.id,
        status=status,
        effective_on=day,
        left_reason=left_reason,
        note=clean_text(note, "ghi chú", max_length=NOTE_LENGTH),
    )
    if status == MemberStatus.FULL and previous == MemberStatus.PROBATIONARY and not member.official_on:
        member.official_on = day
        db.add(member)
    db.add(change)
    db.flush()
    return change


def leave(db, member_id: str, on, reason: str, note: str = "") -> MemberStatusChange:
    """The member leaves the cell (transferred, deceased, removed); past records keep the name."""
    return change_status(db, member_id, MemberStatus.LEFT, on, left_reason=reason, note=note)


def remove_member(db, member_id: str) -> None:
    """Delete a member entered by mistake (tombstone); a member who really left uses `leave`."""
    member = get_alive(db, Member, member_id)
    tombstone(db, member)
    for change in db.exec(alive(MemberStatusChange).where(MemberStatusChange.member_id == member.id)):
        tombstone(db, change)
    db.flush()


def status_history(db, member_id: str) -> list[MemberStatusChange]:
    get_alive(db, Member, member_id)
    return list(
        db.exec(
            alive(MemberStatusChange)
            .where(MemberStatusChange.member_id == member_id)
            .order_by(col(MemberStatusChange.effective_on), col(MemberStatusChange.rev))
        )
    )


def list_members(
    db,
    *,
    query: str = "",
    statuses: set[str] | None = None,
    include_left: bool = True,
    roll: Roll | None = None,
) -> list[MemberRow]:
    """The register in Vietnamese given-name order, filtered by an accent-blind search and statuses."""
    return register_of(db.exec(in_view(db, alive(Member), Member)), roll or Roll.load(db), query=query,
                       statuses=statuses, include_left=include_left)
