"""`chibo print minutes|attendance SESSION_ID`, `print report DOCUMENT_ID`, `print plan PLAN_ID`,
and `chibo plans list` to find a plan's id."""

from __future__ import annotations

from pathlib import Path

from chibo.cli.output import print_json, print_table
from chibo.text import format_date


def print_paper(book, args) -> int:
    from chibo.reports import save_pdf
    from chibo.reports.papers import build_paper

    with book.session() as db:
        paper = build_paper(db, args.action, args.id, number=args.number, as_of=args.date)
        # Saved before the transaction ends, so a number is kept only for a paper that was written.
        target = save_pdf(paper.pdf, pdf_path(args.out) if args.out else Path.cwd() / paper.file_name)
    print(target)
    return 0


def pdf_path(out: str) -> Path:
    """`--out bienban` writes bienban.pdf: a file without the .pdf ending opens in nothing
    (bien-ban-05.02.2026 ends in ".2026", so any other ending gets .pdf too)."""
    path = Path(out)
    if path.is_dir() or path.suffix.lower() == ".pdf":  # a folder is refused by save_pdf, with a sentence
        return path
    return path.with_name(path.name + ".pdf")


def plans_list(book, args) -> int:
    from chibo.services.common import get_alive
    from chibo.services.plans import list_plans, plan_progress
    from chibo.store.models import Member

    with book.session() as db:
        rows = []
        for plan in list_plans(db, year=args.year):
            owner = get_alive(db, Member, plan.member_id).full_name if plan.member_id else ""
            rows.append((plan, owner, plan_progress(db, plan.id)))
    if args.json:
        print_json([
            {"id": p.id, "title": p.title, "year": p.year, "number_symbol": p.number_symbol,
             "member": owner or None, "document_id": p.document_id, "items": progress["total"],
             "overdue": progress["overdue"]}
            for p, owner, progress in rows
        ])
        return 0
    print_table(
        ["Năm", "Kế hoạch", "Số", "Cá nhân", "Nội dung", "Quá hạn", "Ban hành", "Mã"],
        [[p.year, p.title, p.number_symbol, owner, progress["total"], progress["overdue"],
          format_date(p.adopted_on), p.id[:8]] for p, owner, progress in rows],
    )
    return 0
