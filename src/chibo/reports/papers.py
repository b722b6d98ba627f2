"""One entry point for every paper, shared by the command line and the desktop app."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from chibo.errors import ValidationError
from chibo.services.common import resolve
from chibo.store.models import ActionPlan, Document, Meeting
from chibo.text import fold

@dataclass(frozen=True)
class PrintedPaper:
    kind: str
    record_id: str
    pdf: bytes
    file_name: str  # suggested: "bien-ban-05-BB-CB.pdf"


def _file_name(label: str, detail: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(f"{label} {detail}")).strip("-")
    return f"{slug[:80]}.pdf"


def build_paper(db, kind: str, record_id: str, *, number: str | None = None, as_of: date | None = None) -> PrintedPaper:
    """Build a paper for the record named by `record_id` (a full id or a unique prefix of it).
    Numbering writes to the book; the caller's transaction decides whether it is kept."""
    from chibo.reports.action_plan import build_action_plan
    from chibo.reports.attendance_sheet import build_attendance_sheet
    from chibo.reports.minutes import build_minutes
    from chibo.reports.study_report import build_study_report

    if kind == "minutes":
        meeting = resolve(db, Meeting, record_id)
        pdf = build_minutes(db, meeting.id, number=number)
        return PrintedPaper(kind, meeting.id, pdf, _file_name("bien ban", meeting.number_symbol))
    if kind == "attendance":
        meeting = resolve(db, Meeting, record_id)
        pdf = build_attendance_sheet(db, meeting.id)
        return PrintedPaper(kind, meeting.id, pdf, _file_name("danh sach du hop", meeting.held_on.isoformat()))
    if kind == "report":
        document = resolve(db, Document, record_id)
        pdf = build_study_report(db, document.id, as_of=as_of, number=number)
        return PrintedPaper(kind, document.id, pdf, _file_name("bao cao hoc tap", document.number_symbol))
    if kind == "plan":
        plan = resolve(db, ActionPlan, record_id)
        pdf = build_action_plan(db, plan.id, today=as_of, number=number)
        return PrintedPaper(kind, plan.id, pdf, _file_name("ke hoach", plan.number_symbol or f"{plan.title} {plan.year}"))
    raise ValidationError(f"Không có loại giấy tờ “{kind}”.")
