"""Action plans: the cell's programme for carrying out a document, and each member's individual
yearly plan; items with target, owner, deadline and status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import col

from chibo.errors import ValidationError
from chibo.services.cleaning import LONG_LENGTH, check_choice, clean_date, clean_text
from chibo.services.lookups import alive, get_alive
from chibo.services.viewing import in_view
from chibo.store.models import ActionItem, ActionPlan, Document, Member
from chibo.store.records import tombstone
from chibo.vocabulary import ItemStatus

OPEN_STATUSES = (ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS)


def create_plan(db, *, title: str, year: int, document_id: str | None = None, member_id: str | None = None,
                adopted_on=None, number_symbol: str = "") -> ActionPlan:
    """A cell plan (with `document_id` for a document's programme) or, with `member_id`, the
    member's individual plan for the year (one per member and year)."""
    title = clean_text(title, "tên kế hoạch", required=True, max_length=300)
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ValidationError("Năm của kế hoạch phải là một số.") from None
    if not 2000 <= year <= 2100:
        raise ValidationError(f"Năm {year} không hợp lệ.")
    if document_id:
        document_id = get_alive(db, Document, document_id).id
    if member_id:
        member_id = get_alive(db, Member, member_id).id
        existing = db.exec(alive(ActionPlan).where(ActionPlan.member_id == member_id, ActionPlan.year == year)).first()
        if existing:
            raise ValidationError(f"Đảng viên này đã có kế hoạch hành động cá nhân năm {year}.")
    plan = ActionPlan(
        title=title,
        year=year,
        document_id=document_id,
        member_id=member_id,
        adopted_on=clean_date(adopted_on, "ngày ban hành kế hoạch"),
        number_symbol=clean_text(number_symbol, "số, ký hiệu", max_length=60),
    )
    db.add(plan)
    db.flush()
    return plan


def edit_plan(db, plan_id: str, *, title=None, review_note=None, adopted_on=None, number_symbol=None) -> ActionPlan:
    plan = get_alive(db, ActionPlan, plan_id)
    if title is not None:
        plan.title = clean_text(title, "tên kế hoạch", required=True, max_length=300)
    if review_note is not None:
        plan.review_note = clean_text(review_note, "nội dung sơ kết, tổng kết", max_length=LONG_LENGTH)
    if adopted_on is not None:
        plan.adopted_on = clean_date(adopted_on, "ngày ban hành kế hoạch")
    if number_symbol is not None:
        plan.number_symbol = clean_text(number_symbol, "số, ký hiệu", max_length=60)
    db.add(plan)
    db.flush()
    return plan


def _clean_item(db, fields: dict) -> dict:
    cleaned = {}
    for key, value in fields.items():
        if key == "content":
            cleaned[key] = clean_text(value, "nội dung nhiệm vụ", required=True, max_length=2000)
        elif key in ("target", "owner_text", "review_note"):
            field = {"target": "chỉ tiêu", "owner_text": "người thực hiện", "review_note": "đánh giá"}[key]
            cleaned[key] = clean_text(value, field, max_length=2000)
        elif key == "owner_id":
            cleaned[key] = get_alive(db, Member, value).id if value else None
        elif key in ("deadline", "done_on"):
            cleaned[key] = clean_date(value, "thời hạn" if key == "deadline" else "ngày hoàn thành")
        elif key == "status":
            cleaned[key] = check_choice(value, list(ItemStatus), "tiến độ")
        else:
            raise ValidationError(f"Nhiệm vụ không có trường “{key}”.")
    return cleaned


def add_item(db, plan_id: str, **fields) -> ActionItem:
    plan = get_alive(db, ActionPlan, plan_id)
    item = ActionItem(plan_id=plan.id, position=len(plan_items(db, plan.id)), **_clean_item(db, fields))
    if not item.content:
        raise ValidationError("Chưa nhập nội dung nhiệm vụ.")
    _settle(item)
    db.add(item)
    db.flush()
    return item


def update_item(db, item_id: str, **fields) -> ActionItem:
    item = get_alive(db, ActionItem, item_id)
    for key, value in _clean_item(db, fields).items():
        setattr(item, key, value)
    _settle(item)
    db.add(item)
    db.flush()
    return item


def _settle(item: ActionItem) -> None:
    if item.status == ItemStatus.DONE and item.done_on is None:
        item.done_on = date.today()
    if item.status != ItemStatus.DONE:
        item.done_on = None


def remove_item(db, item_id: str) -> None:
    tombstone(db, get_alive(db, ActionItem, item_id))
    db.flush()


def remove_plan(db, plan_id: str) -> None:
    plan = get_alive(db, ActionPlan, plan_id)
    for item in plan_items(db, plan.id):
        tombstone(db, item)
    tombstone(db, plan)
    db.flush()


def plan_items(db, plan_id: str) -> list[ActionItem]:
    return list(db.exec(alive(ActionItem).where(ActionItem.plan_id == plan_id).order_by(col(ActionItem.position))))


def is_overdue(item: ActionItem, today: date) -> bool:
    return item.status in OPEN_STATUSES and item.deadline is not None and item.deadline < today


def list_plans(db, *, individual: bool | None = None, year: int | None = None) -> list[ActionPlan]:
    query = in_view(db, alive(ActionPlan), ActionPlan).order_by(col(ActionPlan.year).desc(), col(ActionPlan.title))
    if individual is True:
        query = query.where(col(ActionPlan.member_id).is_not(None))
    elif individual is False:
        query = query.where(col(ActionPlan.member_id).is_(None))
    if year:
        query = query.where(ActionPlan.year == year)
    return list(db.exec(query))


@dataclass(frozen=True)
class OverdueItem:
    item: ActionItem
    plan: ActionPlan
    days_late: int


def overdue_items(db, today: date | None = None) -> list[OverdueItem]:
    """Open items past their deadline, the latest first in line."""
    today = today or date.today()
    plans = {p.id: p for p in list_plans(db)}
    found = []
    for item in db.exec(alive(ActionItem).where(col(ActionItem.deadline) < today)):
        if item.plan_id in plans and is_overdue(item, today):
            found.append(OverdueItem(item, plans[item.plan_id], (today - item.deadline).days))
    found.sort(key=lambda o: (-o.days_late, o.item.content))
    return found


def plan_progress(db, plan_id: str, today: date | None = None) -> dict[str, int]:
    """Items per status, and how many are overdue."""
    today = today or date.today()
    items = plan_items(db, plan_id)
    counts = {str(s): 0 for s in ItemStatus}
    for item in items:
        counts[item.status] = counts.get(item.status, 0) + 1
    counts["overdue"] = sum(1 for i in items if is_overdue(i, today))
    counts["total"] = len(items)
    return counts
