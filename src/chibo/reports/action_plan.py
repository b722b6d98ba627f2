"""Chương trình / Kế hoạch hành động of the cell, and a member's individual action plan.

A plan shows the state of its items as of its own date: an item finished later is not finished
on the paper, and "quá hạn" is counted from the paper's date, never from the day it is printed.
Statuses without a date (in progress, not started) are only known for today, so a paper dated
earlier shows only what the dates prove.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from chibo.reports.common import (
    birth_year,
    letterhead,
    member_name,
    office_holder,
    report_recipients,
    secretary_signature,
    superior_committee,
)
from chibo.reports.layout import Paper, Signature, grid_table, signature_block, text
from chibo.reports.wording import document_citation, official_title
from chibo.services.lookups import get_alive, local_unit
from chibo.services.numbering import parse_number
from chibo.services.plans import plan_items
from chibo.services.settings import CONFIRM_BY_DEPUTY, load_rules
from chibo.store.models import ActionItem, ActionPlan, Document, Member
from chibo.text import fold, format_date
from chibo.vocabulary import ITEM_STATUS_LABELS, CellPosition, ItemStatus, label

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


@dataclass(frozen=True)
class ItemState:
    done: bool
    overdue: bool
    result: str  # the "Kết quả" cell


def item_state(item: ActionItem, on: date, today: date | None = None) -> ItemState:
    """What the book proves about `item` on the day `on`."""
    today = today or date.today()
    done = item.status == ItemStatus.DONE and ((item.done_on is None and on >= today) or (item.done_on is not None
                                               and item.done_on <= on))
    dropped = item.status == ItemStatus.DROPPED and on >= today
    overdue = not done and not dropped and item.deadline is not None and item.deadline < on
    if done:
        result = "Hoàn thành" + (f" ngày {format_date(item.done_on)}" if item.done_on else "")
    elif on >= today:
        result = label(item.status, ITEM_STATUS_LABELS)
    else:
        result = "Chưa hoàn thành" if overdue else ""
    return ItemState(done, overdue, result + (" (quá hạn)" if overdue else ""))


def _summary(plan: ActionPlan, doc_type: str) -> str:
    """The line under the paper's type: the plan's title without the type it repeats."""
    title = " ".join(plan.title.split())
    if fold(title).startswith(fold(doc_type)):
        title = title[len(doc_type):].strip(" ,:")
    return title


def programme_period(plan: ActionPlan, items: list[ActionItem]) -> str:
    """The period the programme covers, as its opening sentence says it: the years of its items'
    deadlines ("năm 2026", "giai đoạn 2026–2027"), not the year the paper was issued (a
    programme adopted in December is for the next year). Without any deadline, the plan's year."""
    years = sorted({item.deadline.year for item in items if item.deadline is not None})
    if not years:
        return f"năm {plan.year}"
    return f"năm {years[0]}" if years[0] == years[-1] else f"giai đoạn {years[0]}–{years[-1]}"


def _confirmation(db, member: Member, on: date) -> Signature:
    """Who confirms a member's plan: the secretary; for the secretary's own plan, the deputy or
    the committee above, as the cell's rules say (never the member who wrote it)."""
    secretary = office_holder(db, CellPosition.SECRETARY, on)
    if member.position != CellPosition.SECRETARY and (secretary is None or secretary.id != member.id):
        return Signature(title="Bí thư", name=secretary.full_name if secretary else "", on_behalf="Xác nhận của chi bộ")
    deputy = office_holder(db, CellPosition.DEPUTY, on)
    if load_rules(db).secretary_plan_confirmed_by == CONFIRM_BY_DEPUTY and deputy is not None and deputy.id != member.id:
        return Signature(title="Phó Bí thư", name=deputy.full_name, on_behalf="Xác nhận của chi bộ")
    committee = superior_committee(db) or "cấp ủy cấp trên"
    return Signature(title="", on_behalf=f"Xác nhận của {committee}")


def build_action_plan(db, plan_id: str, *, on: date | None = None, number: str | None = None) -> bytes:
    """A cell's programme or plan carrying `number` (given by the outgoing register), or a
    member's own plan (no number). The paper is dated the plan's adoption day, else `on`, else
    today, and shows the items as of that date."""
    plan = get_alive(db, ActionPlan, plan_id)
    issued_on = plan.adopted_on or on or date.today()
    unit = local_unit(db)
    items = plan_items(db, plan.id)
    if plan.member_id:
        member = get_alive(db, Member, plan.member_id)
        doc_type = f"Kế hoạch hành động cá nhân năm {plan.year}"
        summary = "" if fold(doc_type).startswith(fold(plan.title)) else _summary(plan, "Kế hoạch hành động cá nhân")
        paper = Paper(letterhead(db, issued_on), doc_type, summary, author=member.full_name)
        s = paper.styles
        year = birth_year(member)
        paper.para(f"Họ và tên: <b>{text(member.full_name)}</b>" + (f"; năm sinh: {year}" if year else "")
                   + f"; chức vụ: {text(official_title(member.position, unit.role))}; sinh hoạt tại {text(unit.name)}.",
                   s.body_left)
    else:
        doc_type = "Chương trình hành động" if plan_kind(plan) == "CTr" else "Kế hoạch"
        paper = Paper(letterhead(db, issued_on, number), doc_type, _summary(plan, doc_type), author=unit.name)
        s = paper.styles
        if plan.document_id:
            document = get_alive(db, Document, plan.document_id)
            paper.para(f"Thực hiện {text(document_citation(document))}, {text(unit.name)} xây dựng "
                       f"{text(doc_type.lower())} {programme_period(plan, items)} với các nội dung sau:")

    rows = []
    for index, item in enumerate(items, 1):
        owner = member_name(db, item.owner_id) if item.owner_id else item.owner_text
        row = [str(index), item.content, item.target, owner, format_date(item.deadline),
               item_state(item, issued_on).result]
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
        left = signature_block(s, _confirmation(db, member, issued_on))
        right = signature_block(s, Signature(title="Người xây dựng kế hoạch", name=member.full_name))
        paper.close(left, right)
    else:
        paper.close_with_recipients(report_recipients(db, members=True),
                                    signature_block(s, secretary_signature(db, issued_on)))
    return paper.build()
