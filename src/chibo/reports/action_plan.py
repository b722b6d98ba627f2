"""Chương trình / Kế hoạch hành động of the cell, and a member's individual action plan."""

from __future__ import annotations

from datetime import date

from chibo.reports.common import birth_year, letterhead, member_name, position_label, secretary_signature
from chibo.reports.layout import Paper, Signature, grid_table, recipients_block, signature_block, text
from chibo.reports.study_report import document_name
from chibo.services.common import get_alive
from chibo.services.numbering import parse_number, plan_number
from chibo.services.plans import is_overdue, plan_items
from chibo.services.units import local_unit
from chibo.store.models import ActionPlan, Document, Member
from chibo.text import format_date, fold
from chibo.vocabulary import ITEM_STATUS_LABELS, label

HEADER = ["TT", "Nội dung", "Chỉ tiêu", "Người thực hiện", "Thời hạn", "Kết quả"]
WIDTHS_MM = [9, 55, 25, 27, 23, 26]  # 165 mm; a date needs 23 mm at 12 pt
PERSONAL_HEADER = ["TT", "Nội dung", "Chỉ tiêu", "Thời hạn", "Kết quả"]
PERSONAL_WIDTHS_MM = [9, 75, 30, 23, 28]


def plan_kind(plan: ActionPlan) -> str:
    """CTr for a programme (chương trình), KH for a plan: from its number-symbol or its title."""
    parsed = parse_number(plan.number_symbol)
    if parsed:
        return "CTr" if parsed[1] == "CTR" else "KH"
    return "CTr" if fold(plan.title).startswith("chuong trinh") else "KH"


def build_action_plan(db, plan_id: str, *, today: date | None = None, number: str | None = None) -> bytes:
    plan = get_alive(db, ActionPlan, plan_id)
    today = today or date.today()
    issued_on = plan.adopted_on or today
    unit = local_unit(db)
    if plan.member_id:
        member = get_alive(db, Member, plan.member_id)
        doc_type = f"Kế hoạch hành động cá nhân năm {plan.year}"
        summary = "" if fold(doc_type).startswith(fold(plan.title)) else plan.title
        paper = Paper(letterhead(db, issued_on), doc_type, summary, author=member.full_name)
        s = paper.styles
        year = birth_year(member)
        paper.para(f"Họ và tên: <b>{text(member.full_name)}</b>" + (f"; năm sinh: {year}" if year else "")
                   + f"; chức vụ: {text(position_label(member.position).lower())}; {text(unit.name)}.", s.body_left)
    else:
        kind = plan_kind(plan)
        symbol = plan_number(db, plan, kind, number)
        doc_type = "Chương trình hành động" if kind == "CTr" else "Kế hoạch"
        paper = Paper(letterhead(db, issued_on, symbol), doc_type, plan.title, author=unit.name)
        s = paper.styles
        if plan.document_id:
            document = get_alive(db, Document, plan.document_id)
            paper.para(f"Thực hiện {text(document_name(document))} về {text(document.title)}, {text(unit.name)} "
                       f"xây dựng {text(doc_type.lower())} năm {plan.year} với các nội dung sau:")

    items = plan_items(db, plan.id)
    rows = []
    for index, item in enumerate(items, 1):
        owner = member_name(db, item.owner_id) if item.owner_id else item.owner_text
        result = label(item.status, ITEM_STATUS_LABELS)
        if item.done_on:
            result += f" ngày {format_date(item.done_on)}"
        if is_overdue(item, today):
            result += " (quá hạn)"
        row = [str(index), item.content, item.target, owner, format_date(item.deadline), result]
        rows.append(row if not plan.member_id else row[:3] + row[4:])
    if rows and plan.member_id:
        paper.body.append(grid_table(s, PERSONAL_HEADER, rows, PERSONAL_WIDTHS_MM, center_columns=(0, 3)))
    elif rows:
        paper.body.append(grid_table(s, HEADER, rows, WIDTHS_MM, center_columns=(0, 4)))
    else:
        paper.para("Kế hoạch chưa có nội dung nào.")
    if plan.review_note.strip():
        paper.heading("Sơ kết, tổng kết")
        for line in plan.review_note.splitlines():
            if line.strip():
                paper.para(text(line.strip()))

    if plan.member_id:
        confirm = secretary_signature(db)
        left = signature_block(s, Signature(title="Bí thư", name=confirm.name, on_behalf="Xác nhận của chi bộ"))
        right = signature_block(s, Signature(title="Người xây dựng kế hoạch", name=member_name(db, plan.member_id)))
    else:
        recipients = [f"{unit.superior_name} (để báo cáo)"] if unit.superior_name else []
        recipients += ["Các đồng chí đảng viên trong chi bộ", "Lưu chi bộ"]
        left, right = recipients_block(s, recipients), signature_block(s, secretary_signature(db))
    paper.close(left, right)
    return paper.build()
