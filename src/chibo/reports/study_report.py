"""Báo cáo kết quả học tập, quán triệt a document: every figure computed from the records, as of
the report's own date."""

from __future__ import annotations

from datetime import date

from chibo.reports.action_plan import item_state
from chibo.reports.common import letterhead, persons, report_recipients, secretary_signature
from chibo.reports.layout import Paper, signature_block, text
from chibo.reports.wording import document_citation, document_name, mentions_day
from chibo.services.figures import document_figures
from chibo.services.lookups import alive, get_alive, local_unit
from chibo.services.plans import plan_items
from chibo.services.sessions import session_title
from chibo.services.settings import load_rules
from chibo.store.models import ActionPlan, Document, Presenter
from chibo.text import body_date, format_count, format_percent, percent_of
from chibo.vocabulary import SESSION_FORM_LABELS, SESSION_KIND_LABELS, ItemStatus, label


def _session_line(db, session) -> str:
    title = session_title(session)
    if mentions_day(title, session.held_on):  # "Học bù ngày 15/06/2026" after "Ngày 15-6-2026:" says it twice
        title = label(session.kind, SESSION_KIND_LABELS)
    line = (f"- Ngày {body_date(session.held_on)}: {text(title)}, hình thức "
            f"{text(label(session.form, SESSION_FORM_LABELS).lower())}")
    if session.presenter_id:
        line += f", báo cáo viên: đồng chí {text(get_alive(db, Presenter, session.presenter_id).full_name)}"
    return line + "."


def _progress(items, on: date) -> str:
    """ "6 nội dung; hoàn thành 2, …; quá hạn 1" as of the report's date: what is finished is
    known from its date; the split of the rest (in progress or not started) only for today."""
    states = [item_state(item, on) for item in items]
    done, overdue = sum(s.done for s in states), sum(s.overdue for s in states)
    if on >= date.today():
        counts = {status: sum(1 for i, s in zip(items, states, strict=True) if not s.done and i.status == status)
                  for status in (ItemStatus.IN_PROGRESS, ItemStatus.NOT_STARTED)}
        rest = (f"đang thực hiện {counts[ItemStatus.IN_PROGRESS]}, "
                f"chưa thực hiện {counts[ItemStatus.NOT_STARTED]}")
    else:
        rest = f"chưa hoàn thành {len(items) - done}"
    return f"{format_count(len(items))} nội dung; hoàn thành {done}, {rest}; quá hạn {overdue}"


def build_study_report(db, document_id: str, *, as_of: date | None = None, number: str | None = None) -> bytes:
    """The cell's report on the study of a document as of `as_of` (today by default), carrying
    `number` ("01-BC/CB"), the number the outgoing register gave it."""
    document = get_alive(db, Document, document_id)
    as_of = as_of or date.today()
    figures = document_figures(db, document.id, as_of)
    rules = load_rules(db)
    unit = local_unit(db)
    paper = Paper(letterhead(db, as_of, number), "Báo cáo",
                  f"Kết quả học tập, quán triệt {document_name(document)}", author=unit.name)
    s = paper.styles

    paper.para(f"Thực hiện việc học tập, quán triệt {text(document_citation(document))}, {text(unit.name)} báo cáo "
               "kết quả như sau:")
    if document.deadline:
        paper.para(f"Thời hạn cấp trên giao: hoàn thành trước ngày {body_date(document.deadline)}.")

    paper.heading("I. CÔNG TÁC TỔ CHỨC")
    paper.para(f"Chi bộ đã tổ chức {format_count(len(figures.sessions))} buổi học tập, quán triệt"
               + (":" if figures.sessions else "."))
    for session in figures.sessions:
        paper.para(_session_line(db, session))
    if figures.makeups:
        paper.para(f"Tổ chức {format_count(len(figures.makeups))} buổi học bù:")
        for session in figures.makeups:
            paper.para(_session_line(db, session))

    paper.heading("II. KẾT QUẢ")
    paper.para(f"1. Số đảng viên phải học tập (đến ngày {body_date(as_of)}): {persons(figures.required)} "
               "(không tính đảng viên miễn sinh hoạt và đảng viên đi sinh hoạt tạm thời nơi khác).")
    if figures.required:
        rate = percent_of(figures.studied_count, figures.required)
        target = format_percent(rules.study_target_percent, 0)
        verdict = "đạt" if rate >= rules.study_target_percent else "chưa đạt"
        paper.para(f"Số đảng viên đã học tập: {format_count(figures.studied_count)}/{persons(figures.required)}, "
                   f"đạt <b>{format_percent(rate)}</b> (trong đó học bù: {persons(figures.studied_in_makeup)}); "
                   f"{verdict} chỉ tiêu {target}.")
    if figures.missing:
        paper.para(f"2. Đảng viên chưa học tập: {persons(len(figures.missing))}:")
        for index, missing in enumerate(figures.missing, 1):
            paper.para(f"{index}) Đồng chí {text(missing.full_name)}: {text(missing.reason)}.")
    else:
        paper.para("2. Đảng viên chưa học tập: không.")
    if document.requires_essay:
        written = sum(figures.essays_by_grade.values())
        grades = "; ".join(f"{text(grade)}: {format_count(count)}" for grade, count in figures.essays_by_grade.items())
        paper.para(f"3. Bài thu hoạch: {format_count(written)} bài đã chấm ({grades}); chưa nộp: "
                   f"{format_count(figures.essays_missing)}; phải viết lại: {format_count(figures.essays_to_rewrite)}.")
    else:
        paper.para("3. Văn bản này không yêu cầu viết bài thu hoạch.")
    paper.para(f"4. Tuyên truyền cho quần chúng: {format_count(figures.non_members_reached)} lượt người "
               "ngoài Đảng được tiếp cận nội dung văn bản.")

    paper.heading("III. XÂY DỰNG VÀ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG")
    plans = [p for p in db.exec(alive(ActionPlan).where(ActionPlan.document_id == document.id))
             if not p.adopted_on or p.adopted_on <= as_of]  # a plan adopted after the report's date is not in it
    if not plans:
        paper.para("Chi bộ chưa xây dựng chương trình, kế hoạch hành động thực hiện văn bản này.")
    for plan in plans:
        numbered = f" (số {text(plan.number_symbol)})" if plan.number_symbol else ""
        paper.para(f"- {text(plan.title)}{numbered}: {_progress(plan_items(db, plan.id), as_of)}.")

    paper.close_with_recipients(report_recipients(db), signature_block(s, secretary_signature(db, as_of)))
    return paper.build()
