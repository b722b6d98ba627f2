"""Biên bản of a session: every field of the minutes in DOMAIN.md.

A session that breaks a rule (an absent chair, votes by members who have none) is not printed:
`session_rules.check_printable` says what to fix. A session with agenda items records the
discussion item by item, as the cells' templates do ("Biên bản sinh hoạt chi bộ định kỳ"): what
was presented and by whom, who spoke, the chair's conclusion on that item. A session recorded
before agenda items existed keeps its one discussion and one conclusion.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from chibo.reports.common import cell_name, clock, letterhead, member_name, persons
from chibo.reports.layout import Paper, Signature, signature_block, text
from chibo.reports.wording import comrade, document_citation
from chibo.services.agenda import agenda_items, speeches
from chibo.services.figures import cell_membership, session_figures
from chibo.services.lookups import get_alive
from chibo.services.session_rules import check_printable
from chibo.services.sessions import attendance, minutes_title, session_documents
from chibo.store.models import CellSession, Member, Presenter
from chibo.text import fold, format_percent, party_date
from chibo.vocabulary import (
    SESSION_FORM_LABELS,
    AttendanceState,
    MemberStatus,
    SessionForm,
    SessionKind,
    label,
)

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII")


def _split(counts: dict) -> str:
    return (f"chính thức {counts.get(MemberStatus.FULL, 0)}, dự bị {counts.get(MemberStatus.PROBATIONARY, 0)}, "
            f"sinh hoạt tạm {counts.get(MemberStatus.ATTACHED, 0)}")


def _cited(documents) -> str:
    """ "Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Bộ Chính trị về …; Kết luận số …" """
    return "; ".join(document_citation(d) for d in documents)


def _occasion(db, session: CellSession, documents) -> str:
    """What the cell held, to follow "… tổ chức": it reads right for every kind of session."""
    if session.kind == SessionKind.REGULAR:
        return f"sinh hoạt chi bộ định kỳ tháng {session.held_on.month} năm {session.held_on.year}"
    if session.kind == SessionKind.MAKEUP:
        original = get_alive(db, CellSession, session.makeup_of_id) if session.makeup_of_id else None
        missed = f" cho các đồng chí chưa dự buổi học {party_date(original.held_on)}" if original else ""
        return " ".join(part for part in ("học bù", _cited(documents)) if part) + missed
    if session.kind == SessionKind.STUDY and documents:
        return f"hội nghị học tập, quán triệt {_cited(documents)}"
    kind = "sinh hoạt chuyên đề" if session.kind == SessionKind.TOPIC else "hội nghị học tập, quán triệt"
    if not session.title:
        return kind
    if fold(session.title).startswith(fold(kind)):
        return session.title[:1].lower() + session.title[1:]
    return f"{kind} “{session.title}”"


def _form(session: CellSession) -> str:
    if session.kind == SessionKind.REGULAR and session.form == SessionForm.COMBINED:
        return "sinh hoạt trực tiếp, lồng ghép học tập, quán triệt văn bản của cấp trên"
    return label(session.form, SESSION_FORM_LABELS).lower()


def _guest(line: str) -> tuple[str, str]:
    """A guest as written in the session ("Đồng chí Lường Văn Khăm, Phó Bí thư Đảng ủy xã"): the
    name alone for a signature, and the line to follow "đồng chí" in a sentence."""
    words = line.strip()
    for prefix in ("đồng chí ", "đ/c "):
        if fold(words).startswith(fold(prefix)):
            words = words[len(prefix):].strip()
    return words.split(",")[0].strip(), words


def _paragraphs(value: str) -> list[str]:
    return [p.strip() for p in value.splitlines() if p.strip()]


class _Sections:
    """I., II., … in the order the sections come."""

    def __init__(self, paper: Paper):
        self.paper, self.count = paper, 0

    def __call__(self, title: str) -> None:
        self.paper.heading(f"{ROMAN[self.count]}. {title}")
        self.count += 1


def build_minutes(db, session_id: str, *, number: str | None = None) -> bytes:
    """The minutes of a session as PDF bytes, carrying `number` ("05-BB/CB"), the number the
    outgoing register gave it (`reports.papers.build_paper` issues papers). Refused for a session
    that breaks a rule."""
    session = get_alive(db, CellSession, session_id)
    check_printable(db, session.id)
    number_symbol = number
    figures = session_figures(db, session.id)
    documents = session_documents(db, session.id)
    paper = Paper(letterhead(db, session.held_on, number_symbol), "Biên bản", minutes_title(session, documents),
                  author=cell_name(db), summary_caps=True)
    section = _Sections(paper)

    paper.para(f"Hôm nay, vào lúc {clock(session.start_time)}, {party_date(session.held_on)}, "
               f"tại {text(session.place) if session.place else '......................................'}, "
               f"{text(cell_name(db))} tổ chức {text(_occasion(db, session, documents))}.")
    paper.para(f"Hình thức: {text(_form(session))}.")

    items = agenda_items(db, session.id)
    said = speeches(db, session.id)
    section("THÀNH PHẦN")
    _people(db, paper, session, figures, _guests(session, items, said))
    if items:
        section("NỘI DUNG SINH HOẠT")
        _agenda(db, paper, documents, items, said)
        if session.conclusion.strip():
            section("KẾT LUẬN CHUNG CỦA CHỦ TRÌ")
            for line in _paragraphs(session.conclusion):
                paper.para(text(line))
    else:
        _one_discussion(db, paper, section, session, documents, said)

    if session.votes_for is not None:
        section("BIỂU QUYẾT")
        _vote(paper, session, figures)

    closing = f"Hội nghị kết thúc vào lúc {clock(session.end_time)} cùng ngày."
    if session.minutes_approved:
        closing += " Biên bản đã được đọc lại trước chi bộ và được các đồng chí dự họp nhất trí thông qua."
    paper.para(closing)

    chair = _guest(session.chair_name)[0] if session.chair_name else member_name(db, session.chair_id)
    left = signature_block(paper.styles, Signature(title="Thư ký", name=member_name(db, session.secretary_id)))
    right = signature_block(paper.styles, Signature(title="Chủ trì", name=chair))
    paper.close(left, right)
    return paper.build()


def _guests(session: CellSession, items, said) -> list[str]:
    """The guests written on the session, then any guest who presented an item or spoke without
    being written there: the minutes never say "khách mời: không" above a guest's speech."""
    guests = [g.strip() for g in session.guests.splitlines() if g.strip()]
    named = {fold(_guest(g)[0]) for g in guests}
    for line in [i.presenter_name for i in items] + [s.speaker_name for s in said if not s.member_id]:
        if line.strip() and fold(_guest(line)[0]) not in named:
            guests.append(line.strip())
            named.add(fold(_guest(line)[0]))
    return guests


def _people(db, paper: Paper, session: CellSession, figures, guests: list[str]) -> None:
    paper.para("- Đại biểu, khách mời: " + (text("; ".join(guests)) if guests else "không") + ".")
    if session.chair_name:
        paper.para(f"- Chủ trì: đồng chí {text(_guest(session.chair_name)[1])} (đại biểu cấp trên).")
    elif session.chair_id:
        member = get_alive(db, Member, session.chair_id)
        paper.para(f"- Chủ trì: {text(comrade(member.full_name, member.position))}.")
    else:
        paper.fill_in("- Chủ trì: ")
    if session.secretary_id:
        paper.para(f"- Thư ký: đồng chí {text(member_name(db, session.secretary_id))}.")
    else:
        paper.fill_in("- Thư ký: ")
    if session.presenter_id:
        presenter = get_alive(db, Presenter, session.presenter_id)
        paper.para(f"- Báo cáo viên: đồng chí {text(presenter.full_name)}"
                   + (f", {text(presenter.title)}" if presenter.title else "") + ".")
    if session.kind != SessionKind.MAKEUP:
        split = cell_membership(db, session.held_on)
        paper.para(f"- Tổng số đảng viên của chi bộ: {persons(sum(split.values()))} ({_split(split)}).")
    paper.para(f"- Số đảng viên được triệu tập: {persons(figures.summoned_total)} ({_split(figures.summoned)}).")
    if figures.exempt:
        paper.para(f"- Đảng viên miễn công tác và sinh hoạt đảng: {persons(figures.exempt)}"
                   + (f" (có mặt {figures.exempt_present})" if figures.exempt_present else "") + ".")
    if figures.away:
        paper.para(f"- Đảng viên đi sinh hoạt tạm thời nơi khác: {persons(figures.away)}.")
    if session.kind == SessionKind.MAKEUP:
        paper.para(f"- Có mặt: {figures.present_required}/{persons(figures.summoned_total)} cần học bù "
                   f"({_split(figures.present)}){_makeup_runners(db, session)}.")
    else:
        paper.para(f"- Có mặt: {persons(figures.present_required)} ({_split(figures.present)})"
                   + (f"; đảng viên miễn sinh hoạt dự: {figures.exempt_present}" if figures.exempt_present else "")
                   + ".")
    if figures.absences:
        paper.para(f"- Vắng mặt: {persons(len(figures.absences))}:")
        for index, absence in enumerate(figures.absences, 1):
            reason = (f"vắng có lý do ({text(absence.reason)})"
                      if absence.state == AttendanceState.ABSENT_EXCUSED and absence.reason else "vắng không lý do")
            paper.para(f"{index}. Đồng chí {text(absence.full_name)}: {reason}.")
    else:
        paper.para("- Vắng mặt: không.")
    if figures.unrecorded:
        paper.para(f"- Chưa điểm danh: {persons(len(figures.unrecorded))} ({text(', '.join(figures.unrecorded))}).")


def _makeup_runners(db, session: CellSession) -> str:
    """The chair and minute-taker of a make-up who are not on its list: they run it for the members
    who missed the study and are not counted with them, so the attendance line names them apart
    ("; đồng chí X chủ trì, đồng chí Y làm thư ký (không tính trong số học bù)"). A guest who
    chairs is named among the guests."""
    listed = {row.member_id for row in attendance(db, session.id)}
    chair_id = None if session.chair_name else session.chair_id
    runners = [f"đồng chí {text(member_name(db, member_id))} {role}"
               for member_id, role in ((chair_id, "chủ trì"), (session.secretary_id, "làm thư ký"))
               if member_id and member_id not in listed]
    return f"; {', '.join(runners)} (không tính trong số học bù)" if runners else ""


def _speaker(db, speech) -> str:
    return member_name(db, speech.member_id) if speech.member_id else _guest(speech.speaker_name)[1]


def _speeches(db, paper: Paper, said) -> None:
    for speech in said:
        paragraphs = _paragraphs(speech.content)
        paper.para(f"- Đồng chí <b>{text(_speaker(db, speech))}</b>: {text(paragraphs[0])}")
        for rest in paragraphs[1:]:
            paper.para(text(rest))


def _presenter(db, item) -> str:
    if item.presenter_member_id:
        return f"Đồng chí {text(member_name(db, item.presenter_member_id))}"
    if item.presenter_id:
        presenter = get_alive(db, Presenter, item.presenter_id)
        return f"Đồng chí {text(presenter.full_name)}" + (f", {text(presenter.title)}," if presenter.title else "")
    if item.presenter_name:
        return f"Đồng chí {text(_guest(item.presenter_name)[1])}"
    return ""


def _agenda(db, paper: Paper, documents, items, said) -> None:
    """The items in order, then what each brought: presented, speeches, the chair's conclusion."""
    # An item's title and "Ý kiến tham gia:" never end a page: they stay with what follows them.
    title_style = ParagraphStyle("minutes-item", parent=paper.styles.body_left, keepWithNext=1)
    lead_style = ParagraphStyle("minutes-lead", parent=paper.styles.body, keepWithNext=1)
    linked = {item.document_id for item in items}
    for document in documents:
        if document.id not in linked:  # studied without an item of its own
            paper.para(f"- Học tập, quán triệt {text(document_citation(document))}.")
    for number, item in enumerate(items, 1):
        paper.para(f"<b>{number}. {text(item.title)}</b>", title_style)
        who, presented = _presenter(db, item), _paragraphs(item.presented)
        if who and presented:
            paper.para(f"{who} trình bày: {text(presented[0])}")
        elif who:
            paper.para(f"{who} trình bày nội dung này.")
        elif presented:
            paper.para(text(presented[0]))
        for rest in presented[1:]:
            paper.para(text(rest))
        on_item = [s for s in said if s.agenda_item_id == item.id]
        if on_item:
            paper.para("Ý kiến tham gia:", lead_style)
            _speeches(db, paper, on_item)
        else:
            paper.para("Không có ý kiến tham gia.")
        conclusion = _paragraphs(item.conclusion)
        if conclusion:
            paper.para("Đồng chí chủ trì kết luận nội dung này: " + text(conclusion[0]))
        else:
            paper.fill_in("Đồng chí chủ trì kết luận nội dung này: ")
        for rest in conclusion[1:]:
            paper.para(text(rest))
    outside = [s for s in said if s.agenda_item_id is None]
    if outside:
        paper.para(f"<b>{len(items) + 1}. Ý kiến khác</b>", title_style)
        _speeches(db, paper, outside)


def _one_discussion(db, paper: Paper, section, session: CellSession, documents, said) -> None:
    """A session without agenda items: its documents and agenda, one discussion, one conclusion."""
    section("NỘI DUNG")
    for document in documents:
        paper.para(f"- Học tập, quán triệt {text(document_citation(document))}.")
    for line in _paragraphs(session.agenda):
        paper.para(text(line))
    if not documents and not session.agenda.strip():
        paper.fill_in()
    section("THẢO LUẬN")
    if said:
        _speeches(db, paper, said)
    else:
        paper.para("Không có ý kiến thảo luận.")
    section("KẾT LUẬN CỦA CHỦ TRÌ")
    conclusion = _paragraphs(session.conclusion)
    for line in conclusion:
        paper.para(text(line))
    if not conclusion:
        paper.fill_in()
        paper.fill_in()


def _vote(paper: Paper, session: CellSession, figures) -> None:
    """The quorum line and the vote read the same count: members present who may vote."""
    quorum = figures.quorum
    voters = quorum.present
    verdict = "đủ" if quorum.reached else "không đủ"
    silent = [who for who, count in (("đảng viên dự bị", figures.present[MemberStatus.PROBATIONARY]),
                                      ("đảng viên sinh hoạt tạm", 0 if quorum.attached_members_vote
                                       else figures.present[MemberStatus.ATTACHED])) if count]
    paper.para(f"Đảng viên có quyền biểu quyết có mặt: {persons(voters)} trên {quorum.base} đồng chí làm căn cứ tính "
               f"(cần ít nhất {quorum.needed}); {verdict} điều kiện để biểu quyết theo quy định"
               + (f" ({', '.join(silent)} có mặt không biểu quyết)" if silent else "") + ".")
    for name, count in (("Tán thành", session.votes_for or 0), ("Không tán thành", session.votes_against or 0),
                        ("Ý kiến khác", session.votes_other or 0)):
        share = f" ({format_percent(100.0 * count / voters)})" if voters else ""
        paper.para(f"- {name}: {count}/{voters} đồng chí{share}.")
