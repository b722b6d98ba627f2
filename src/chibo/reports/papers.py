"""One entry point for every paper, shared by the command line and the desktop app.

A numbered paper (minutes BB, study report BC, programme CTr or plan KH) is *issued* when it is
printed or saved: it takes its number in date order (`services.numbering`), is entered in the
outgoing register and archived (`services.issuing`). Printing it again gives the archived file,
byte for byte, whatever the figures say now; new figures need a new paper with a new number
(`new=True`). A preview never spends a number: it shows "Số ......-BB/CB" on the paper and, on
screen, the number the paper would take. Sign-in sheets and members' own plans carry no number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from chibo.errors import ValidationError
from chibo.reports.output import paper_file_name as _file_name
from chibo.services.lookups import resolve
from chibo.store.models import ActionPlan, CellSession
from chibo.store.records import LOCAL_UNIT
from chibo.text import format_date


class PaperState(StrEnum):
    UNNUMBERED = "unnumbered"  # a sign-in sheet, a member's plan
    DRAFT = "draft"  # a preview of a paper not yet issued
    ISSUED = "issued"  # issued by this very call
    REPRINT = "reprint"  # the archived original of a paper issued before
    EARLIER = "earlier"  # a preview of a paper numbered before chibo archived papers (rebuilt from the book)


@dataclass(frozen=True)
class PrintedPaper:
    kind: str
    record_id: str
    pdf: bytes
    file_name: str  # suggested: "bien-ban-05-bb-cb.pdf"
    state: PaperState = PaperState.UNNUMBERED
    number_symbol: str = ""  # issued (or, for a draft, the number it would take)
    note: str = ""  # what the screen says about the paper, in Vietnamese


CELL_PAPERS = ("minutes", "attendance", "report", "plan")  # a cell's own: never built at a receiving level


@dataclass(frozen=True)
class _Numbered:
    """A record whose paper carries a number: what the builder needs and the register keeps."""

    paper: str
    record: object
    kind: str  # BB / BC / KH / CTr
    day: date  # the date on the paper
    file_label: str


def _numbered(db, kind: str, record_id: str, as_of: date | None, figures=None) -> _Numbered | None:
    """The record behind a numbered paper, and the date its paper carries; None for a paper
    without a number (a member's own plan)."""
    if kind == "minutes":
        session = resolve(db, CellSession, record_id)
        return _Numbered("minutes", session, "BB", session.held_on, "bien ban")
    if kind == "report":
        from chibo.services.documents import find_document

        document = find_document(db, record_id)
        return _Numbered("report", document, "BC", as_of or date.today(), "bao cao")
    if kind == "consolidated":
        from chibo.reports import consolidated_data as data

        data.require_receiving(db)
        if figures is None:
            raise ValueError("a consolidated report needs the summed figures")
        symbol = data.document_symbol(db, record_id)
        record = data.ConsolidatedRecord(data.record_id(symbol), db.info.get(LOCAL_UNIT), symbol, figures)
        return _Numbered("consolidated", record, "BC", as_of or date.today(), "bao cao tong hop")
    plan = resolve(db, ActionPlan, record_id)
    if plan.member_id:
        return None
    from chibo.reports.action_plan import plan_kind

    if plan.adopted_on and as_of and as_of != plan.adopted_on:
        raise ValidationError(f"Kế hoạch này ban hành ngày {format_date(plan.adopted_on)}, ngày in trên giấy. "
                              "Bỏ ngày lập đã gõ, hoặc sửa ngày ban hành của kế hoạch.")
    return _Numbered("plan", plan, plan_kind(plan), plan.adopted_on or as_of or date.today(), "ke hoach")


def _build(db, target: _Numbered, number_symbol: str):
    from chibo.reports.action_plan import build_action_plan
    from chibo.reports.minutes import build_minutes
    from chibo.reports.study_report import build_study_report

    if target.paper == "minutes":
        return build_minutes(db, target.record.id, number=number_symbol)
    if target.paper == "report":
        return build_study_report(db, target.record.id, as_of=target.day, number=number_symbol)
    if target.paper == "consolidated":
        from chibo.reports.consolidated import build_consolidated

        units, total = target.record.figures(db, target.day)
        return build_consolidated(db, units, total, symbol=target.record.symbol, as_of=target.day, number=number_symbol)
    return build_action_plan(db, target.record.id, on=target.day, number=number_symbol)


def build_paper(db, folder: Path, kind: str, record_id: str, *, issue: bool = False, number: str | None = None,
                as_of: date | None = None, new: bool = False, rebuild: bool = False, figures=None) -> PrintedPaper:
    """The paper for the record named by `record_id` (a full id or a unique prefix of it).

    With `issue` (printing, saving) a numbered paper not yet issued takes its number and is
    archived, in the caller's transaction; one issued before comes back from the archive. `new`
    issues another paper with a new number for a record issued before; `rebuild` archives, under
    its old number and date, the paper rebuilt from the book for a number given before chibo
    archived papers. Without `issue` nothing is written: a draft or the archived original.
    ReportLab is imported only to build a paper: printing one issued before copies its original.

    A receiving level's consolidated report ("consolidated", `record_id` a document's number-symbol
    or "*" for every document) takes `figures(db, day)`, its summed figures as of a day. A
    receiving level builds none of a cell's papers (minutes, sign-in sheet, study report, plan):
    they carry the cell's header and signature and are printed by the cell."""
    from chibo.services.viewing import is_receiving

    if kind in CELL_PAPERS and is_receiving(db):
        raise ValidationError("Ở cấp nhận báo cáo không in biên bản, danh sách dự họp, báo cáo kết quả học tập hay kế "
                              "hoạch của chi bộ: giấy tờ ấy mang tên và chữ ký của chi bộ, do chi bộ in trên sổ của "
                              "mình. Số liệu các chi bộ ở đây in trong báo cáo tổng hợp.")
    if kind == "attendance":
        from chibo.reports.attendance_sheet import build_attendance_sheet

        session = resolve(db, CellSession, record_id)
        return PrintedPaper(kind, session.id, build_attendance_sheet(db, session.id),
                            _file_name("danh sach du hop", session.held_on.isoformat()))
    if kind not in ("minutes", "report", "plan", "consolidated"):
        raise ValidationError(f"Không có loại giấy tờ “{kind}”.")
    target = _numbered(db, kind, record_id, as_of, figures)
    if target is None:
        if number:
            raise ValidationError("Kế hoạch hành động cá nhân của đảng viên không đánh số, ký hiệu.")
        from chibo.reports.action_plan import build_action_plan

        plan = resolve(db, ActionPlan, record_id)
        return PrintedPaper(kind, plan.id, build_action_plan(db, plan.id, on=as_of),
                            _file_name("ke hoach ca nhan", f"{plan.title} {plan.year}"))
    from chibo.services import issuing, numbering

    # A cell reports on the documents its superior sent as on its own; its sessions and plans are its own.
    if issue and target.paper != "report" and target.record.unit_id != db.info.get(LOCAL_UNIT):
        raise ValidationError("Giấy tờ này thuộc về một đơn vị khác gửi lên; chỉ đơn vị ấy cấp số và in giấy tờ của "
                              "mình. Ở đây chỉ xem trước được.")
    numbering.enter_earlier_numbers(db)  # a number already on the record is this record's paper
    existing = issuing.issued_for(db, target.paper, target.record.id)
    if existing and not new:
        return _issued_before(db, folder, kind, target, existing, issue=issue, number=number, as_of=as_of,
                              rebuild=rebuild)
    if not issue:
        try:
            would = numbering.choose_number(db, target.kind, target.day, number).number_symbol
            note = (f"Bản xem trước, chưa cấp số. Khi In hoặc Lưu PDF, giấy này nhận số {would} và được lưu "
                    "vào sổ đăng ký văn bản đi.")
        except ValidationError as refusal:
            would, note = "", refusal.message
        pdf = _build(db, target, numbering.draft_symbol(db, target.kind))
        return PrintedPaper(kind, target.record.id, pdf, _file_name(target.file_label, "du thao"), PaperState.DRAFT,
                            would, note)
    choice = numbering.choose_number(db, target.kind, target.day, number)
    pdf = _build(db, target, choice.number_symbol)
    row = issuing.issue(db, folder, _request(db, target, pdf), choice, pdf)
    _keep_number_on_record(db, target, row.number_symbol)
    return PrintedPaper(kind, target.record.id, pdf, _file_name(target.file_label, row.number_symbol),
                        PaperState.ISSUED, row.number_symbol,
                        f"Đã cấp số {row.number_symbol} ngày {format_date(row.issued_on)} và lưu bản gốc.")


def _issued_before(db, folder, kind, target: _Numbered, existing, *, issue, number, as_of, rebuild) -> PrintedPaper:
    from chibo.services import issuing, numbering

    what = numbering.kind_word(existing.kind)
    if number and numbering.clean_number(number, target.kind) != existing.number_symbol:
        raise ValidationError(f"{what.capitalize()} này đã được cấp số {existing.number_symbol} ngày "
                              f"{format_date(existing.issued_on)}; in lại là in đúng bản đã cấp. Muốn giấy mới với "
                              "số khác, hãy lập giấy mới (số mới).")
    if as_of and target.paper in ("report", "consolidated") and as_of != existing.issued_on:
        raise ValidationError(f"Báo cáo này đã được cấp số {existing.number_symbol} ngày "
                              f"{format_date(existing.issued_on)}; in lại là in đúng bản đã cấp, với số liệu của "
                              "ngày ấy. Muốn báo cáo số liệu ngày khác, hãy lập báo cáo mới (số mới): thêm --new.")
    file_name = _file_name(target.file_label, existing.number_symbol)
    if not existing.file_name and target.paper == "minutes":
        # Without an archived original the minutes can only be rebuilt from the book: say first
        # what the book must fix, rather than ask for a rebuild that would then be refused.
        from chibo.services.session_rules import check_printable

        check_printable(db, target.record.id)
    if existing.file_name or (issue and not rebuild):
        pdf = issuing.read_archived(folder, existing)
        return PrintedPaper(kind, target.record.id, pdf, file_name, PaperState.REPRINT, existing.number_symbol,
                            f"Bản gốc đã lưu của {what} số {existing.number_symbol}, cấp ngày "
                            f"{format_date(existing.issued_on)}.")
    # A number given before chibo archived papers: rebuilt from the book under its number and date.
    rebuilt = _Numbered(target.paper, target.record, target.kind, existing.issued_on, target.file_label)
    pdf = _build(db, rebuilt, existing.number_symbol)
    if not issue:
        return PrintedPaper(kind, target.record.id, pdf, file_name, PaperState.EARLIER, existing.number_symbol,
                            f"{what.capitalize()} số {existing.number_symbol} được cấp số trước khi chibo lưu bản gốc. "
                            "Đây là giấy dựng lại từ sổ để xem, chưa phải bản đã ký; đối chiếu trước khi dùng.")
    request = _request(db, rebuilt, pdf)
    existing.summary, existing.recipients = request.summary, "\n".join(request.recipients)
    row = issuing.rearchive(db, folder, existing, pdf)
    return PrintedPaper(kind, target.record.id, pdf, file_name, PaperState.ISSUED, row.number_symbol,
                        f"Đã dựng lại {what} số {row.number_symbol} từ sổ và lưu làm bản gốc.")


def _request(db, target: _Numbered, pdf):
    from chibo.reports.common import own_file
    from chibo.services.issuing import IssueRequest
    from chibo.services.numbering import register_summary

    # A paper without "Nơi nhận" (the minutes, signed by chair and minute-taker) stays in the unit's file.
    recipients = tuple(line.strip() for line in pdf.recipients) or (own_file(db),)
    return IssueRequest(target.paper, target.record.id, target.kind, target.day,
                        register_summary(pdf.doc_type, pdf.summary), recipients)


def _keep_number_on_record(db, target: _Numbered, number_symbol: str) -> None:
    """Sessions and plans show the number their paper took in the lists."""
    if target.paper in ("minutes", "plan"):
        target.record.number_symbol = number_symbol
        db.add(target.record)
