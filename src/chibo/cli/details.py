"""`chibo sessions show ID` and `chibo documents show ID`: the figures of one record, by id prefix."""

from __future__ import annotations

from chibo.cli.output import print_json
from chibo.services.common import resolve
from chibo.services.figures import document_figures, session_figures
from chibo.services.meetings import session_documents, session_title
from chibo.store.models import Document, Meeting
from chibo.text import format_date, format_rate
from chibo.vocabulary import MEMBER_STATUS_LABELS, SESSION_FORM_LABELS, MemberStatus, label


def session_show(book, args) -> int:
    with book.session() as db:
        meeting = resolve(db, Meeting, args.id)
        f = session_figures(db, meeting.id)
        docs = session_documents(db, meeting.id)
    data = {
        "id": meeting.id,
        "date": meeting.held_on.isoformat(),
        "title": session_title(meeting),
        "summoned": {str(k): v for k, v in f.summoned.items()},
        "present": {str(k): v for k, v in f.present.items()},
        "exempt": f.exempt,
        "exempt_present": f.exempt_present,
        "away": f.away,
        "absent": [{"member_id": a.member_id, "full_name": a.full_name, "reason": a.reason_text} for a in f.absences],
        "unrecorded": f.unrecorded,
        "quorum": {"base": f.quorum.base, "present": f.quorum.present, "reached": f.quorum.reached},
        "documents": [d.number_symbol for d in docs],
    }
    if args.json:
        print_json(data)
        return 0
    print(f"{session_title(meeting)} — {label(meeting.form, SESSION_FORM_LABELS)}, {meeting.place}")
    for status in (MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.ATTACHED):
        print(f"  {label(status, MEMBER_STATUS_LABELS)}: có mặt {f.present[status]}/{f.summoned[status]}")
    print(f"  Miễn sinh hoạt: {f.exempt} (có mặt {f.exempt_present}); sinh hoạt nơi khác: {f.away}")
    print("  Vắng mặt: " + ("; ".join(f"{a.full_name} ({a.reason_text})" for a in f.absences) or "không"))
    verdict = "đủ" if f.quorum.reached else "không đủ"
    print(f"  Biểu quyết: {verdict} số lượng ({f.quorum.present}/{f.quorum.base}, cần {f.quorum.needed})")
    if docs:
        print("  Văn bản: " + ", ".join(d.number_symbol for d in docs))
    return 0


def document_show(book, args) -> int:
    with book.session() as db:
        document = resolve(db, Document, args.id)
        f = document_figures(db, document.id)
    if args.json:
        print_json({
            "id": document.id,
            "number_symbol": document.number_symbol,
            "required": f.required,
            "studied": f.studied_count,
            "studied_in_makeup": f.studied_in_makeup,
            "rate": round(f.percent, 2) if f.percent is not None else None,
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
