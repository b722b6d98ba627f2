"""`chibo sessions show ID` and `chibo documents show ID`: one record whole, by id prefix."""

from __future__ import annotations

from datetime import date

from chibo.cli.cells import check_in_view, view_for
from chibo.cli.output import print_json
from chibo.services.documents import find_document
from chibo.services.figures import document_figures, session_figures
from chibo.services.lookups import get_alive, resolve, rows_by_ids
from chibo.services.sessions import attendance, session_documents, session_title
from chibo.store.models import CellSession, Member, Presenter
from chibo.text import format_date, format_rate, name_sort_key, rate_value
from chibo.vocabulary import MEMBER_STATUS_LABELS, SESSION_FORM_LABELS, MemberStatus, label


def session_details(db, session) -> dict:
    """The whole session with stable snake_case keys (README, "chibo sessions show --json")."""
    from chibo.services.agenda import agenda_items, speeches
    from chibo.services.roll import expected_members
    from chibo.services.session_rules import session_problems

    f = session_figures(db, session.id)
    called = expected_members(db, session)
    marks = {a.member_id: a for a in attendance(db, session.id)}
    said = speeches(db, session.id)
    items = agenda_items(db, session.id)
    named = set(called) | set(marks) | {session.chair_id, session.secretary_id} | {s.member_id for s in said}
    named |= {i.presenter_member_id for i in items}
    names = {m: member.full_name for m, member in rows_by_ids(db, Member, named - {None}, alive_only=False).items()}

    def person(member_id):
        return {"member_id": member_id, "full_name": names[member_id]} if member_id else None

    def speech(s):
        return {"id": s.id, "speaker": names[s.member_id] if s.member_id else s.speaker_name,
                "speaker_kind": "member" if s.member_id else "guest", "member_id": s.member_id, "content": s.content}

    def presenter(item):
        if item.presenter_member_id:
            return {"kind": "member", "member_id": item.presenter_member_id, "presenter_id": None,
                    "full_name": names[item.presenter_member_id]}
        if item.presenter_id:
            return {"kind": "roster", "member_id": None, "presenter_id": item.presenter_id,
                    "full_name": get_alive(db, Presenter, item.presenter_id).full_name}
        if item.presenter_name:
            return {"kind": "guest", "member_id": None, "presenter_id": None, "full_name": item.presenter_name}
        return None

    roster = get_alive(db, Presenter, session.presenter_id) if session.presenter_id else None
    chair = ({"member_id": None, "full_name": session.chair_name, "guest": True} if session.chair_name else
             {**person(session.chair_id), "guest": False} if session.chair_id else None)
    quorum = f.quorum
    return {
        "id": session.id,
        "kind": session.kind,
        "form": session.form,
        "date": session.held_on.isoformat(),
        "start_time": session.start_time.strftime("%H:%M") if session.start_time else None,
        "end_time": session.end_time.strftime("%H:%M") if session.end_time else None,
        "place": session.place,
        "title": session_title(session),
        "number_symbol": session.number_symbol,
        "makeup_of": session.makeup_of_id,
        "chair": chair,
        "minute_taker": person(session.secretary_id),
        "presenter": {"presenter_id": roster.id, "full_name": roster.full_name, "title": roster.title} if roster else None,
        "guests": [g.strip() for g in session.guests.splitlines() if g.strip()],
        "documents": [d.number_symbol for d in session_documents(db, session.id)],
        "attendance": sorted(
            ({"member_id": m, "full_name": names[m], "category": str(status),
              "state": marks[m].state if m in marks else None, "reason": marks[m].reason if m in marks else ""}
             for m, status in called.items()), key=lambda row: name_sort_key(row["full_name"])),
        "summoned": {str(k): v for k, v in f.summoned.items()},
        "present": {str(k): v for k, v in f.present.items()},
        "exempt": f.exempt,
        "exempt_present": f.exempt_present,
        "away": f.away,
        "absent": [{"member_id": a.member_id, "full_name": a.full_name, "reason": a.reason_text} for a in f.absences],
        "unrecorded": f.unrecorded,
        "agenda_items": [
            {"id": item.id, "position": number, "title": item.title, "document_id": item.document_id,
             "presenter": presenter(item), "presented": item.presented, "conclusion": item.conclusion,
             "speeches": [speech(s) for s in said if s.agenda_item_id == item.id]}
            for number, item in enumerate(items, 1)],
        "speeches": [speech(s) for s in said if s.agenda_item_id is None],
        "conclusion": session.conclusion,
        "minutes_approved": session.minutes_approved,
        "vote": None if session.votes_for is None else {
            "for": session.votes_for, "against": session.votes_against or 0, "other": session.votes_other or 0,
            "voting_members_present": quorum.present},
        "quorum": {"rule": quorum.rule, "base": quorum.base, "needed": quorum.needed, "present": quorum.present,
                   "reached": quorum.reached},
        "problems": session_problems(db, session.id),
    }


def session_show(book, args) -> int:
    with book.session() as db:
        cell = view_for(db, args, "một buổi sinh hoạt")
        session = resolve(db, CellSession, args.id)
        check_in_view(cell, session, "buổi sinh hoạt")
        data = session_details(db, session)
    if args.json:
        print_json(data)
        return 0
    _print_session(data)
    return 0


def _print_session(d: dict) -> None:
    """The same as the JSON, in Vietnamese, for a person at the console."""
    times = " – ".join(t for t in (d["start_time"], d["end_time"]) if t)
    print(f"{d['title']} — {label(d['form'], SESSION_FORM_LABELS)}; ngày {format_date(date.fromisoformat(d['date']))}"
          + (f", {times}" if times else "") + (f"; {d['place']}" if d["place"] else "")
          + (f"; biên bản số {d['number_symbol']}" if d["number_symbol"] else ""))
    chair = d["chair"]
    print("  Chủ trì: " + (f"{chair['full_name']}" + (" (khách mời)" if chair["guest"] else "") if chair else "chưa chọn"))
    print("  Thư ký: " + (d["minute_taker"]["full_name"] if d["minute_taker"] else "chưa chọn"))
    if d["presenter"]:
        print(f"  Báo cáo viên: {d['presenter']['full_name']}")
    if d["guests"]:
        print("  Khách mời: " + "; ".join(d["guests"]))
    for status in (MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.ATTACHED):
        print(f"  {label(status, MEMBER_STATUS_LABELS)}: có mặt {d['present'][status]}/{d['summoned'][status]}")
    print(f"  Miễn sinh hoạt: {d['exempt']} (có mặt {d['exempt_present']}); sinh hoạt nơi khác: {d['away']}")
    print("  Vắng mặt: " + ("; ".join(f"{a['full_name']} ({a['reason']})" for a in d["absent"]) or "không"))
    if d["unrecorded"]:
        print("  Chưa điểm danh: " + ", ".join(d["unrecorded"]))
    if d["documents"]:
        print("  Văn bản: " + ", ".join(d["documents"]))
    for number, item in enumerate(d["agenda_items"], 1):
        who = f" (trình bày: {item['presenter']['full_name']})" if item["presenter"] else ""
        print(f"  Nội dung {number}: {item['title']}{who}")
        for s in item["speeches"]:
            print(f"    - {s['speaker']}: {s['content']}")
        if item["conclusion"]:
            print(f"    Kết luận: {item['conclusion']}")
    if d["speeches"]:
        print("  Ý kiến " + ("khác:" if d["agenda_items"] else "thảo luận:"))
        for s in d["speeches"]:
            print(f"    - {s['speaker']}: {s['content']}")
    if d["conclusion"]:
        print(f"  Kết luận của chủ trì: {d['conclusion']}")
    q = d["quorum"]
    verdict = "đủ" if q["reached"] else "không đủ"
    print(f"  Đảng viên có quyền biểu quyết có mặt: {q['present']}, trên {q['base']} làm căn cứ tính "
          f"(cần ít nhất {q['needed']}): {verdict} điều kiện biểu quyết")
    if d["vote"]:
        v = d["vote"]
        print(f"  Biểu quyết: tán thành {v['for']}/{v['voting_members_present']}, không tán thành {v['against']}, "
              f"ý kiến khác {v['other']}")
    for problem in d["problems"]:
        print(f"  Trái quy tắc: {problem}")


def document_show(book, args) -> int:
    with book.session() as db:
        cell = view_for(db, args, "kết quả học tập một văn bản")
        document = find_document(db, args.id)
        check_in_view(cell, document, "văn bản")
        f = document_figures(db, document.id)
    if args.json:
        print_json({
            "id": document.id,
            "number_symbol": document.number_symbol,
            "required": f.required,
            "studied": f.studied_count,
            "studied_in_makeup": f.studied_in_makeup,
            "rate": rate_value(f.studied_count, f.required),
            "not_studied": [{"member_id": m.member_id, "full_name": m.full_name, "reason": m.reason} for m in f.missing],
            "essays_by_grade": f.essays_by_grade,
            "non_members_reached": f.non_members_reached,
        })
        return 0
    print(f"{document.number_symbol}: {document.title}")
    print(f"  Đã học: {format_rate(f.studied_count, f.required)}, trong đó học bù {f.studied_in_makeup}")
    print(f"  Số buổi: {len(f.sessions)} (học bù {len(f.makeups)}); quần chúng được tuyên truyền: {f.non_members_reached}")
    if document.deadline:
        print(f"  Thời hạn: {format_date(document.deadline)}")
    for m in f.missing:
        print(f"  Chưa học: {m.full_name} ({m.reason})")
    print("  Bài thu hoạch: " + ", ".join(f"{g} {n}" for g, n in f.essays_by_grade.items()))
    return 0
