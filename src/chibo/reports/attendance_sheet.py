"""Danh sách đảng viên dự sinh hoạt / học tập: the sign-in sheet printed before a session."""

from __future__ import annotations

from chibo.reports.common import birth_year, cell_name, letterhead, persons, position_label, secretary_signature
from chibo.reports.layout import Paper, grid_table, signature_block
from chibo.reports.wording import mentions_day
from chibo.services.lookups import get_alive, rows_by_ids
from chibo.services.roll import expected_members
from chibo.services.sessions import session_title
from chibo.store.models import CellSession, Member
from chibo.text import name_sort_key, party_date
from chibo.vocabulary import MEMBER_STATUS_LABELS, MemberStatus, SessionKind, label

SHORT_STATUS = {MemberStatus.EXEMPT: "Miễn sinh hoạt"}

HEADER = ["TT", "Họ và tên", "Năm sinh", "Chức vụ", "Đảng viên", "Ký tên", "Ghi chú"]
WIDTHS_MM = [10, 46, 15, 24, 23, 29, 18]  # 165 mm: the text width of A4 with Party margins
SIGN_ROW_HEIGHT = 26  # points: room for a signature


def _members(db, ids) -> list[Member]:
    return sorted(rows_by_ids(db, Member, ids).values(), key=lambda m: (name_sort_key(m.full_name), m.birth_year or 0))


def build_attendance_sheet(db, session_id: str) -> bytes:
    session = get_alive(db, CellSession, session_id)
    called = expected_members(db, session)
    study = session.kind in (SessionKind.STUDY, SessionKind.MAKEUP)
    doc_type = "Danh sách đảng viên dự học tập, quán triệt" if study else "Danh sách đảng viên dự sinh hoạt"
    title = session_title(session)
    # "Học bù ngày 15/06/2026" names its day already; "Sinh hoạt thường kỳ tháng 6/2026" does not.
    summary = title if mentions_day(title, session.held_on) else f"{title}, {party_date(session.held_on)}"
    paper = Paper(letterhead(db, session.held_on), doc_type, summary, author=cell_name(db))
    s = paper.styles

    required = _members(db, [m for m, status in called.items() if status not in (MemberStatus.EXEMPT, MemberStatus.AWAY)])
    exempt = _members(db, [m for m, status in called.items() if status == MemberStatus.EXEMPT])
    away = [m for m, status in called.items() if status == MemberStatus.AWAY]

    def rows(members):
        return [
            [str(index), m.full_name, birth_year(m) or "", position_label(m.position),
             SHORT_STATUS.get(called[m.id]) or label(called[m.id], MEMBER_STATUS_LABELS), "", ""]
            for index, m in enumerate(members, 1)
        ]

    paper.para(f"Đảng viên phải dự: {persons(len(required))}.", s.body_left)
    paper.body.append(grid_table(s, HEADER, rows(required), WIDTHS_MM, center_columns=(0, 2),
                                 min_row_height=SIGN_ROW_HEIGHT))
    if exempt:
        paper.heading(f"Đảng viên miễn công tác và sinh hoạt đảng ({persons(len(exempt))}, không tính vào số phải dự)")
        paper.body.append(grid_table(s, HEADER, rows(exempt), WIDTHS_MM, center_columns=(0, 2),
                                     min_row_height=SIGN_ROW_HEIGHT))
    if away:
        paper.para(f"Đảng viên đi sinh hoạt tạm thời nơi khác: {persons(len(away))} (không ký tên).", s.body_left)
    paper.para("Có mặt: ........ đồng chí; vắng mặt: ........ đồng chí.", s.body_left)
    paper.close([], signature_block(s, secretary_signature(db, session.held_on)))
    return paper.build()
