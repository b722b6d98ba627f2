"""The rules every session keeps, judged in one place.

The chair and the minute-taker are members present (the chair may be a guest of the upper level
named among the session's guests, where the cell's rules allow it), two different people; a
member who speaks or presents an agenda item is present. A make-up's list holds the members who
make up a study; the members of the cell who run it (the secretary chairs) need not be on it, but
one on it and marked absent takes no part; votes are cast only by members who may
vote (`figures.voting_quorum`), never more of them than are present, and only with a quorum.

`problems` judges the facts of a session, whether read from the book (`session_facts`) or from
the editor while it is being filled, so the editor shows the same sentences a save is refused
with. Every service that writes a session's people or votes ends with `check_session`; the
minutes of a session that breaks a rule are not printed (`check_printable`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from chibo.errors import ValidationError
from chibo.services.figures import Quorum, count_attendance
from chibo.services.lookups import alive, get_alive, rows_by_ids
from chibo.services.roll import Roll, expected_members
from chibo.services.settings import CellRules, load_rules
from chibo.store.models import AgendaItem, Attendance, CellSession, Member, Speech
from chibo.text import format_date, nfc
from chibo.vocabulary import AttendanceState, MemberStatus, SessionKind


@dataclass
class SessionFacts:
    """What the rules look at: who was called with their status that day, how each was marked,
    and who took which part. Names cover every member named here, called or not."""

    held_on: date
    called: dict[str, MemberStatus]
    marks: dict[str, tuple[AttendanceState, str]]
    names: dict[str, str]
    rules: CellRules
    chair_id: str | None = None
    chair_name: str = ""  # a guest who chairs
    secretary_id: str | None = None
    guests: tuple[str, ...] = ()
    speakers: list[str] = field(default_factory=list)  # member ids, in the order they spoke
    presenters: list[tuple[str, str]] = field(default_factory=list)  # (member id, agenda item's title)
    votes: tuple[int, int, int] | None = None
    running: frozenset[str] = frozenset()  # a make-up: members of the cell that day, off its list, who may run it

    def quorum(self) -> Quorum:
        return count_attendance("", self.called, self.marks, self.names, self.rules).quorum


# role: (what the member does, what to do when marked absent, the other way out when not marked)
_ROLES = {
    "chair": ("chủ trì buổi sinh hoạt", "hãy chọn người chủ trì là đảng viên có mặt", "chọn người chủ trì khác"),
    "secretary": ("làm thư ký buổi sinh hoạt", "hãy chọn thư ký là đảng viên có mặt", "chọn thư ký khác"),
    "speaker": ("phát biểu", "hãy bỏ ý kiến của đồng chí hoặc sửa lại điểm danh", "bỏ ý kiến của đồng chí"),
    "presenter": ("trình bày nội dung “{title}”", "hãy chọn người trình bày có mặt", "chọn người trình bày khác"),
}


def _role_problem(facts: SessionFacts, member_id: str, role: str, title: str = "") -> str | None:
    doing, fix, other_way = (part.format(title=title) for part in _ROLES[role])
    name = facts.names.get(member_id, member_id)
    if member_id in facts.running and member_id not in facts.called:
        return None
    if member_id not in facts.called:
        return (f"Đồng chí {name} không có trong danh sách điểm danh của buổi sinh hoạt ngày "
                f"{format_date(facts.held_on)} nên không thể {doing}: {fix}.")
    state = facts.marks.get(member_id, (None, ""))[0]
    if state == AttendanceState.PRESENT:
        return None
    if state is None:
        return (f"Đồng chí {name} chưa được điểm danh có mặt nên chưa thể {doing}: hãy điểm danh đồng chí "
                f"có mặt, hoặc {other_way}.")
    return f"Đồng chí {name} vắng mặt nên không thể {doing}: {fix}."


def problems(facts: SessionFacts) -> list[str]:
    """Each rule the session breaks, as a sentence that names the member and says what to do."""
    found: list[str] = []
    if facts.chair_name:
        if not facts.rules.guest_may_chair:
            found.append("Theo quy tắc của chi bộ, khách mời không chủ trì buổi sinh hoạt: hãy chọn người chủ trì là "
                         "đảng viên có mặt (quy tắc này đổi được ở Cài đặt, thẻ Quy tắc của chi bộ).")
        elif nfc(facts.chair_name) not in {nfc(g) for g in facts.guests}:
            found.append(f"Người chủ trì “{facts.chair_name}” không có trong danh sách đại biểu, khách mời của buổi "
                         "này: hãy ghi tên vào ô Khách mời.")
    elif facts.chair_id:
        found.append(_role_problem(facts, facts.chair_id, "chair"))
    if facts.secretary_id:
        if facts.secretary_id == facts.chair_id:
            name = facts.names.get(facts.secretary_id, "")
            found.append(f"Đồng chí {name} không thể vừa chủ trì vừa làm thư ký: hãy chọn thư ký là một đảng viên "
                         "có mặt khác.")
        else:
            found.append(_role_problem(facts, facts.secretary_id, "secretary"))
    for member_id, title in facts.presenters:
        found.append(_role_problem(facts, member_id, "presenter", title))
    for member_id in dict.fromkeys(facts.speakers):
        found.append(_role_problem(facts, member_id, "speaker"))
    if facts.votes is not None:
        found += _vote_problems(facts.votes, facts.quorum())
    return [problem for problem in found if problem]


def _vote_problems(votes: tuple[int, int, int], quorum: Quorum) -> list[str]:
    cast = sum(votes)
    if cast > quorum.present:
        who = "đảng viên dự bị" if quorum.attached_members_vote else "đảng viên dự bị và đảng viên sinh hoạt tạm"
        return [f"Tổng số biểu quyết ({cast}) lớn hơn số đảng viên có quyền biểu quyết có mặt ({quorum.present}); "
                f"{who} không biểu quyết."]
    if not quorum.reached:
        return [f"Chưa đủ số đảng viên có quyền biểu quyết có mặt (cần ít nhất {quorum.needed}, có mặt "
                f"{quorum.present}) nên không ghi được kết quả biểu quyết."]
    return []


def session_facts(db, session: CellSession, rules: CellRules | None = None) -> SessionFacts:
    """The facts of a saved session, read from the book."""
    roll = Roll.load(db)
    called = expected_members(db, session, roll)
    marks = {row.member_id: (AttendanceState(row.state), row.reason)
             for row in db.exec(alive(Attendance).where(Attendance.session_id == session.id))}
    items = db.exec(alive(AgendaItem).where(AgendaItem.session_id == session.id)
                    .order_by(AgendaItem.position)).all()
    said = db.exec(alive(Speech).where(Speech.session_id == session.id).order_by(Speech.position)).all()
    facts = SessionFacts(
        held_on=session.held_on, called=called, marks=marks, names={}, rules=rules or load_rules(db),
        chair_id=session.chair_id, chair_name=session.chair_name, secretary_id=session.secretary_id,
        guests=tuple(g.strip() for g in session.guests.splitlines() if g.strip()),
        speakers=[s.member_id for s in said if s.member_id],
        presenters=[(i.presenter_member_id, i.title) for i in items if i.presenter_member_id],
        votes=None if session.votes_for is None else (session.votes_for, session.votes_against or 0,
                                                      session.votes_other or 0),
        running=makeup_runners(session, roll),
    )
    named = set(called) | set(facts.speakers) | {m for m, _ in facts.presenters}
    named |= {m for m in (session.chair_id, session.secretary_id) if m}
    facts.names = {m: member.full_name for m, member in rows_by_ids(db, Member, named, alive_only=False).items()}
    return facts


def makeup_runners(session: CellSession, roll: Roll) -> frozenset[str]:
    """Who may run a make-up without being on its list: members of the cell on its day, exempt and
    away members and those who left apart."""
    if session.kind != SessionKind.MAKEUP:
        return frozenset()
    return frozenset(roll.required(session.held_on))


def session_problems(db, session_id: str) -> list[str]:
    return problems(session_facts(db, get_alive(db, CellSession, session_id)))


def check_session(db, session_id: str) -> None:
    """Refuse (ValidationError, one sentence a line) a session that breaks a rule; the caller's
    transaction then rolls back, so nothing of the refused change is kept."""
    db.flush()
    found = session_problems(db, session_id)
    if found:
        raise ValidationError("\n".join(found))


def check_printable(db, session_id: str) -> None:
    """A Party paper that contradicts itself is never printed: the minutes wait until it is fixed."""
    found = session_problems(db, session_id)
    if found:
        raise ValidationError("Chưa in được biên bản của buổi sinh hoạt này: " + " ".join(found)
                              + " Hãy sửa buổi sinh hoạt (mục Sinh hoạt, nút Sửa) rồi in lại.")


def clean_votes(votes_for, votes_against=0, votes_other=0) -> tuple[int, int, int]:
    counts = []
    for value, label in ((votes_for, "tán thành"), (votes_against, "không tán thành"), (votes_other, "ý kiến khác")):
        try:
            number = int(value or 0)
        except (TypeError, ValueError):
            raise ValidationError(f"Số phiếu {label} phải là một số.") from None
        if number < 0:
            raise ValidationError(f"Số phiếu {label} không thể âm.")
        counts.append(number)
    return counts[0], counts[1], counts[2]


def set_votes(db, session: CellSession, votes: tuple[int, int, int] | None) -> None:
    """The vote on the session's resolution (None: the session did not vote), unchecked."""
    counts = clean_votes(*votes) if votes is not None else (None, None, None)
    if (session.votes_for, session.votes_against, session.votes_other) != counts:
        session.votes_for, session.votes_against, session.votes_other = counts
        db.add(session)


def record_votes(db, session_id: str, votes_for: int, votes_against: int = 0, votes_other: int = 0) -> CellSession:
    """Votes on the resolution of the session: cast by the members present who may vote, with a
    quorum, never more of them than those members."""
    session = get_alive(db, CellSession, session_id)
    set_votes(db, session, (votes_for, votes_against, votes_other))
    check_session(db, session.id)
    return session
