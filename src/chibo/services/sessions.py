"""Sessions (buổi sinh hoạt): create and edit, documents covered, attendance, and make-up sessions for
those who missed a study. Agenda items and speeches are in `agenda`, the rules every session keeps
(and the vote) in `session_rules`, the editor's whole save in `session_save`."""

from __future__ import annotations

from datetime import date, time

from sqlmodel import col, select

from chibo.errors import ValidationError
from chibo.services.cleaning import LONG_LENGTH, NAME_LENGTH, check_choice, clean_date, clean_text
from chibo.services.lookups import alive, get_alive, rows_by_ids
from chibo.services.roll import Roll, expected_members
from chibo.services.titles import default_title, session_title  # noqa: F401  (imported from here too)
from chibo.services.viewing import in_view
from chibo.store.models import AgendaItem, Attendance, CellSession, Document, Member, Presenter, SessionDocument, Speech
from chibo.store.records import tombstone
from chibo.text import format_date
from chibo.vocabulary import (
    DOCUMENT_KIND_LABELS,
    AttendanceState,
    MemberStatus,
    SessionForm,
    SessionKind,
    label,
)

_TEXT_FIELDS = {"place": ("địa điểm", 300), "title": ("tên buổi sinh hoạt", 300), "guests": ("khách mời", 2000),
                "chair_name": ("tên khách mời chủ trì", NAME_LENGTH),
                "agenda": ("nội dung, chương trình", LONG_LENGTH), "conclusion": ("kết luận của chủ trì", LONG_LENGTH),
                "number_symbol": ("số, ký hiệu biên bản", 60)}


def _clean_time(value, field: str) -> time | None:
    if value in (None, ""):
        return None
    if isinstance(value, time):
        return value
    text = str(value).strip().lower().replace("h", ":").replace(".", ":")
    hour, _, minute = text.partition(":")
    try:
        return time(int(hour), int(minute or 0))
    except (ValueError, IndexError):
        raise ValidationError(f"{field[:1].upper()}{field[1:]} “{value}” không đúng dạng giờ:phút (ví dụ 14:00).") from None


def _clean(db, fields: dict) -> dict:
    cleaned = {}
    for key, value in fields.items():
        if key in _TEXT_FIELDS:
            label, limit = _TEXT_FIELDS[key]
            cleaned[key] = clean_text(value, label, max_length=limit)
        elif key == "kind":
            cleaned[key] = check_choice(value, list(SessionKind), "loại buổi sinh hoạt")
        elif key == "form":
            cleaned[key] = check_choice(value, list(SessionForm), "hình thức")
        elif key == "held_on":
            cleaned[key] = clean_date(value, "ngày sinh hoạt", required=True)
        elif key in ("start_time", "end_time"):
            cleaned[key] = _clean_time(value, "giờ bắt đầu" if key == "start_time" else "giờ kết thúc")
        elif key in ("chair_id", "secretary_id"):
            cleaned[key] = get_alive(db, Member, value).id if value else None
        elif key == "presenter_id":
            cleaned[key] = get_alive(db, Presenter, value).id if value else None
        elif key == "minutes_approved":
            cleaned[key] = bool(value)
        else:
            raise ValidationError(f"Buổi sinh hoạt không có trường “{key}”.")
    return cleaned


def _check(session: CellSession) -> None:
    if session.chair_id and session.chair_name:
        raise ValidationError("Buổi sinh hoạt chỉ có một người chủ trì: hãy chọn một đảng viên hoặc một khách mời, "
                              "không chọn cả hai.")
    if session.start_time and session.end_time and session.end_time <= session.start_time:
        raise ValidationError("Giờ kết thúc phải sau giờ bắt đầu.")
    if session.held_on > date.today().replace(year=date.today().year + 2):
        raise ValidationError(f"Ngày {format_date(session.held_on)} quá xa trong tương lai.")


def minutes_title(session: CellSession, documents) -> str:
    """The line under BIÊN BẢN: "Sinh hoạt chi bộ định kỳ tháng 10 năm 2026" for a regular meeting."""
    month = f"tháng {session.held_on.month} năm {session.held_on.year}"
    if session.kind == SessionKind.REGULAR:
        return f"Sinh hoạt chi bộ định kỳ {month}"
    if session.title:
        return session.title
    names = "; ".join(f"{label(d.kind, DOCUMENT_KIND_LABELS)} số {d.number_symbol}" for d in documents)
    if session.kind == SessionKind.TOPIC:
        return f"Sinh hoạt chi bộ chuyên đề {month}"
    if session.kind == SessionKind.MAKEUP:
        return f"Học bù {names}".strip()
    return f"Hội nghị học tập, quán triệt {names}".strip()


def create_session(db, *, kind: str, held_on, document_ids: list[str] = (), **fields) -> CellSession:
    """A new session. Its attendance is recorded afterwards (`mark_all_present`, `record_roll_call`),
    so the rules that depend on who is present are checked by those calls, not here."""
    session = new_session(db, kind=kind, held_on=held_on, **fields)
    set_session_documents(db, session, document_ids)
    db.flush()
    return session


def new_session(db, **fields) -> CellSession:
    """The session row alone, its fields cleaned (for `create_session` and the editor's save)."""
    cleaned = _clean(db, fields)
    if cleaned["kind"] == SessionKind.MAKEUP:
        raise ValidationError("Buổi học bù được tạo từ buổi học cần bù (create_makeup_session).")
    session = CellSession(**cleaned)
    _check(session)
    db.add(session)
    return session


def edit_session(db, session_id: str, **fields) -> CellSession:
    """Change the session's fields; refused, unchanged, when the session would break a rule."""
    from chibo.services.session_rules import check_session

    session = update_session(db, get_alive(db, CellSession, session_id), **fields)
    check_session(db, session.id)
    return session


def update_session(db, session: CellSession, **fields) -> CellSession:
    cleaned = _clean(db, fields)
    if "kind" in cleaned and (cleaned["kind"] == SessionKind.MAKEUP) != (session.kind == SessionKind.MAKEUP):
        raise ValidationError("Không đổi được một buổi thường thành buổi học bù hay ngược lại.")
    for key, value in cleaned.items():
        if getattr(session, key) != value:
            setattr(session, key, value)
    _check(session)
    db.add(session)
    db.flush()
    return session


def set_session_documents(db, session: CellSession | str, document_ids) -> None:
    """The documents the session covers, replacing the previous list."""
    if isinstance(session, str):
        session = get_alive(db, CellSession, session)
    wanted = [get_alive(db, Document, doc_id).id for doc_id in dict.fromkeys(document_ids)]
    existing = {
        link.document_id: link
        for link in db.exec(
            select(SessionDocument).where(SessionDocument.session_id == session.id)
        )
    }
    for doc_id, link in existing.items():
        if doc_id not in wanted and link.deleted_at is None:
            tombstone(db, link)
    for doc_id in wanted:
        link = existing.get(doc_id)
        if link is None:
            db.add(SessionDocument(session_id=session.id, document_id=doc_id))
        elif link.deleted_at is not None:
            link.deleted_at = None
            db.add(link)


def session_documents(db, session_id: str) -> list[Document]:
    return list(
        db.exec(
            alive(Document)
            .join(SessionDocument, col(SessionDocument.document_id) == col(Document.id))
            .where(SessionDocument.session_id == session_id, col(SessionDocument.deleted_at).is_(None))
            .order_by(col(Document.number_symbol))
        )
    )


def _attendance_rows(db, session_id: str) -> dict[str, Attendance]:
    return {row.member_id: row for row in db.exec(select(Attendance).where(Attendance.session_id == session_id))}


def default_state(status: MemberStatus) -> AttendanceState:
    """How "all present" marks a member: exempt and away members get their own state."""
    if status == MemberStatus.EXEMPT:
        return AttendanceState.EXEMPT
    if status == MemberStatus.AWAY:
        return AttendanceState.ELSEWHERE
    return AttendanceState.PRESENT


def mark_all_present(db, session_id: str) -> int:
    """One click: every member called is present (exempt and away members get their own state).
    Absences already recorded are kept. Returns how many rows were written."""
    session = get_alive(db, CellSession, session_id)
    rows = _attendance_rows(db, session.id)
    written = 0
    for member_id, status in expected_members(db, session).items():
        row = rows.get(member_id)
        if row is not None and row.deleted_at is None:
            continue
        state = default_state(status)
        if row is None:
            db.add(Attendance(session_id=session.id, member_id=member_id, state=state))
        else:
            row.deleted_at, row.state, row.reason = None, state, ""
            db.add(row)
        written += 1
    db.flush()
    return written


def record_attendance(db, session_id: str, member_id: str, state: str, reason: str = "") -> Attendance:
    """Mark one member present, absent with a reason, absent without one, exempt or elsewhere;
    refused when the session would break a rule (the chair marked absent)."""
    from chibo.services.session_rules import check_session

    session = get_alive(db, CellSession, session_id)
    row = _mark(db, session, get_alive(db, Member, member_id), state, reason, Roll.load(db),
                _attendance_rows(db, session.id))
    check_session(db, session.id)
    return row


def record_roll_call(db, session_id: str, marks: dict[str, tuple[str, str]]) -> None:
    """Mark many members at once ({member id: (state, reason)}), the roll and the rows read once;
    refused as a whole when the session would break a rule."""
    from chibo.services.session_rules import check_session

    mark_roll_call(db, get_alive(db, CellSession, session_id), marks)
    check_session(db, session_id)


def mark_roll_call(db, session: CellSession, marks: dict[str, tuple[str, str]]) -> None:
    """The marks alone, unchecked: for saves that check the whole session once at their end."""
    roll, rows = Roll.load(db), _attendance_rows(db, session.id)
    people = rows_by_ids(db, Member, marks)  # one query, not one a member: a roll call can be 300 long
    for member_id, (state, reason) in marks.items():
        _mark(db, session, people.get(member_id) or get_alive(db, Member, member_id), state, reason, roll, rows)
    db.flush()


def _mark(db, session: CellSession, member: Member, state: str, reason: str, roll: Roll,
          rows: dict[str, Attendance]) -> Attendance:
    state = AttendanceState(check_choice(state, list(AttendanceState), "tình trạng dự họp"))
    reason = clean_text(reason, "lý do vắng", max_length=300)
    status = roll.status(member.id, session.held_on)
    if status is None or status == MemberStatus.LEFT:
        raise ValidationError(
            f"{member.full_name} không sinh hoạt ở chi bộ vào ngày {format_date(session.held_on)} nên không điểm danh được."
        )
    if state == AttendanceState.ABSENT_EXCUSED and not reason:
        raise ValidationError(f"Hãy ghi lý do vắng của {member.full_name} (hoặc chọn “vắng không lý do”).")
    if state == AttendanceState.PRESENT:
        reason = ""
    row = rows.get(member.id)
    if row is None:
        row = rows[member.id] = Attendance(session_id=session.id, member_id=member.id, state=state, reason=reason)
    elif (row.state, row.reason, row.deleted_at) != (state, reason, None):
        row.state, row.reason, row.deleted_at = state, reason, None
    db.add(row)
    return row


def attendance(db, session_id: str) -> list[Attendance]:
    return list(db.exec(alive(Attendance).where(Attendance.session_id == session_id)))


def create_makeup_session(db, original_id: str, held_on, member_ids: list[str] | None = None, **fields) -> CellSession:
    """A make-up (học bù) of a study session for the members who missed it. By default it invites
    every member still required who has not studied the original's documents. Its chair and
    minute-taker may be members of the cell who are not on its list (they run it, they do not make
    up a study)."""
    from chibo.services.figures import not_studied
    from chibo.services.session_rules import check_session

    original = get_alive(db, CellSession, original_id)
    docs = session_documents(db, original.id)
    if not docs:
        raise ValidationError("Buổi này không có văn bản nào để học bù.")
    cleaned = _clean(db, {"held_on": held_on, **fields})
    if cleaned["held_on"] < original.held_on:
        raise ValidationError("Buổi học bù phải sau buổi học chính.")
    if member_ids is None:
        missing: dict[str, None] = {}
        for doc in docs:
            for member in not_studied(db, doc.id, as_of=cleaned["held_on"]):
                missing[member.id] = None
        member_ids = list(missing)
    if not member_ids:
        raise ValidationError("Mọi đảng viên đã học các văn bản của buổi này; không cần học bù.")
    cleaned.setdefault("form", SessionForm.IN_PERSON)
    session = CellSession(kind=SessionKind.MAKEUP, makeup_of_id=original.id, **cleaned)
    _check(session)
    db.add(session)
    set_session_documents(db, session, [d.id for d in docs])
    roll = Roll.load(db)
    for member_id in dict.fromkeys(member_ids):
        member = get_alive(db, Member, member_id)
        if roll.status(member.id, session.held_on) not in (MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.ATTACHED):
            raise ValidationError(f"{member.full_name} không còn phải học ở chi bộ vào ngày học bù.")
        db.add(Attendance(session_id=session.id, member_id=member.id, state=AttendanceState.PRESENT))
    db.flush()
    check_session(db, session.id)
    return session


def remove_session(db, session_id: str) -> None:
    """Delete a session with everything recorded in it (tombstones: it can be restored from a backup)."""
    session = get_alive(db, CellSession, session_id)
    makeups = db.exec(alive(CellSession).where(CellSession.makeup_of_id == session.id)).first()
    if makeups:
        raise ValidationError("Buổi này đã có buổi học bù; hãy xóa buổi học bù trước.")
    for model in (Attendance, Speech, AgendaItem, SessionDocument):
        for row in db.exec(alive(model).where(model.session_id == session.id)):
            tombstone(db, row)
    tombstone(db, session)
    db.flush()


def list_sessions(db, *, year: int | None = None) -> list[CellSession]:
    """Newest first."""
    query = in_view(db, alive(CellSession), CellSession).order_by(col(CellSession.held_on).desc(),
                                                                  col(CellSession.start_time).desc())
    if year:
        query = query.where(col(CellSession.held_on) >= date(year, 1, 1), col(CellSession.held_on) <= date(year, 12, 31))
    return list(db.exec(query))
