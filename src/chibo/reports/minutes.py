"""Biên bản of a session: every field of the minutes in DOMAIN.md."""

from __future__ import annotations

from chibo.reports.common import DOTS, cell_name, clock, letterhead, member_name, persons, position_label
from chibo.reports.layout import Paper, Signature, signature_block, text
from chibo.services.common import get_alive
from chibo.services.figures import session_figures
from chibo.services.meetings import session_documents, session_title, speeches
from chibo.store.models import Meeting, Member, Presenter
from chibo.text import format_date, format_percent, party_date
from chibo.vocabulary import (
    DOCUMENT_KIND_LABELS,
    SESSION_FORM_LABELS,
    AttendanceState,
    MemberStatus,
    SessionKind,
    label,
)


def _split(counts: dict) -> str:
    return (f"chính thức {counts.get(MemberStatus.FULL, 0)}, dự bị {counts.get(MemberStatus.PROBATIONARY, 0)}, "
            f"sinh hoạt tạm {counts.get(MemberStatus.ATTACHED, 0)}")


def build_minutes(db, session_id: str, *, number: str | None = None) -> bytes:
    """The minutes of a session as PDF bytes, carrying `number` ("05-BB/CB"), the number the
    outgoing register gave it (`reports.papers.build_paper` issues papers)."""
    meeting = get_alive(db, Meeting, session_id)
    number_symbol = number
    figures = session_figures(db, meeting.id)
    title = session_title(meeting)
    paper = Paper(letterhead(db, meeting.held_on, number_symbol), "Biên bản", title, author=cell_name(db))
    s = paper.styles

    intro = (f"Hôm nay, vào lúc {clock(meeting.start_time)}, {party_date(meeting.held_on)}, "
             f"tại {text(meeting.place) if meeting.place else '......................................'}, "
             f"{text(cell_name(db))} tổ chức {text(title[:1].lower() + title[1:])}.")
    paper.para(intro)
    if meeting.kind == SessionKind.MAKEUP and meeting.makeup_of_id:
        original = get_alive(db, Meeting, meeting.makeup_of_id)
        paper.para(f"Buổi học bù cho các đồng chí chưa dự {text(session_title(original)).lower()} "
                   f"ngày {format_date(original.held_on)}.")
    paper.para(f"Hình thức: {text(label(meeting.form, SESSION_FORM_LABELS).lower())}.")

    paper.heading("I. THÀNH PHẦN")
    guests = [g.strip() for g in meeting.guests.splitlines() if g.strip()]
    paper.para("- Đại biểu, khách mời: " + (text("; ".join(guests)) if guests else "không") + ".")
    chair = get_alive(db, Member, meeting.chair_id) if meeting.chair_id else None
    paper.para("- Chủ trì: " + (f"đồng chí {text(chair.full_name)}, {text(position_label(chair.position).lower())}"
                               if chair else DOTS[:60]) + ".")
    paper.para("- Thư ký: " + (f"đồng chí {text(member_name(db, meeting.secretary_id))}" if meeting.secretary_id
                              else DOTS[:60]) + ".")
    if meeting.presenter_id:
        presenter = get_alive(db, Presenter, meeting.presenter_id)
        paper.para(f"- Báo cáo viên: đồng chí {text(presenter.full_name)}"
                   + (f", {text(presenter.title)}" if presenter.title else "") + ".")
    on_roll = figures.summoned_total + figures.exempt + figures.away
    if meeting.kind != SessionKind.MAKEUP:
        paper.para(f"- Tổng số đảng viên của chi bộ: {persons(on_roll)}.")
    paper.para(f"- Số đảng viên được triệu tập: {persons(figures.summoned_total)} ({_split(figures.summoned)}).")
    if figures.exempt:
        paper.para(f"- Đảng viên miễn công tác và sinh hoạt đảng: {persons(figures.exempt)}"
                   + (f" (có mặt {figures.exempt_present})" if figures.exempt_present else "") + ".")
    if figures.away:
        paper.para(f"- Đảng viên đi sinh hoạt tạm thời nơi khác: {persons(figures.away)}.")
    paper.para(f"- Có mặt: {persons(figures.present_required)} ({_split(figures.present)})"
               + (f"; đảng viên miễn sinh hoạt dự: {figures.exempt_present}" if figures.exempt_present else "") + ".")
    if figures.absences:
        paper.para(f"- Vắng mặt: {persons(len(figures.absences))}:")
        for index, absence in enumerate(figures.absences, 1):
            reason = (f"vắng có lý do ({text(absence.reason)})"
                      if absence.state == AttendanceState.ABSENT_EXCUSED and absence.reason else "vắng không lý do")
            paper.para(f"{index}. Đồng chí {text(absence.full_name)}: {reason}.", s.body)
    else:
        paper.para("- Vắng mặt: không.")
    if figures.unrecorded:
        paper.para(f"- Chưa điểm danh: {persons(len(figures.unrecorded))} ({text(', '.join(figures.unrecorded))}).")

    paper.heading("II. NỘI DUNG")
    documents = session_documents(db, meeting.id)
    for document in documents:
        kind = label(document.kind, DOCUMENT_KIND_LABELS)
        paper.para(f"- Học tập, quán triệt {text(kind)} số {text(document.number_symbol)}: {text(document.title)}.")
    if meeting.agenda:
        for line in meeting.agenda.splitlines():
            if line.strip():
                paper.para(text(line.strip()))
    elif not documents:
        paper.para(DOTS)

    paper.heading("III. THẢO LUẬN")
    said = speeches(db, meeting.id)
    if said:
        for speech in said:
            speaker = member_name(db, speech.member_id) if speech.member_id else speech.speaker_name
            paragraphs = [p.strip() for p in speech.content.splitlines() if p.strip()]
            paper.para(f"- Đồng chí <b>{text(speaker)}</b>: {text(paragraphs[0])}")
            for rest in paragraphs[1:]:
                paper.para(text(rest))
    else:
        paper.para("Không có ý kiến thảo luận.")

    paper.heading("IV. KẾT LUẬN CỦA CHỦ TRÌ")
    if meeting.conclusion.strip():
        for line in meeting.conclusion.splitlines():
            if line.strip():
                paper.para(text(line.strip()))
    else:
        paper.para(DOTS)
        paper.para(DOTS)

    if meeting.votes_for is not None:
        paper.heading("V. BIỂU QUYẾT")
        voters = figures.present_total
        cast = [("Tán thành", meeting.votes_for or 0), ("Không tán thành", meeting.votes_against or 0),
                ("Ý kiến khác", meeting.votes_other or 0)]
        for name, count in cast:
            share = f" ({format_percent(100.0 * count / voters)})" if voters else ""
            paper.para(f"- {name}: {count}/{voters} đồng chí{share}.")
        if figures.quorum is not None:
            quorum = figures.quorum
            verdict = "đủ" if quorum.reached else "không đủ"
            paper.para(f"Số đảng viên có mặt {verdict} điều kiện để biểu quyết theo quy định "
                       f"(số làm căn cứ {quorum.base}, cần ít nhất {quorum.needed}, có mặt {quorum.present}).")

    closing = f"Hội nghị kết thúc vào lúc {clock(meeting.end_time)} cùng ngày."
    if meeting.minutes_approved:
        closing += " Biên bản đã được đọc lại trước chi bộ và được các đồng chí dự họp nhất trí thông qua."
    paper.para(closing)

    left = signature_block(s, Signature(title="Thư ký", name=member_name(db, meeting.secretary_id)))
    right = signature_block(s, Signature(title="Chủ trì", name=chair.full_name if chair else ""))
    paper.close(left, right)
    return paper.build()
