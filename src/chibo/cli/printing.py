"""`chibo print minutes|attendance SESSION_ID`, `print report DOCUMENT_ID`, `print plan PLAN_ID`,
`print register`; `chibo papers list` (the outgoing register) and `chibo plans list` to find a
plan's id."""

from __future__ import annotations

import sys
from pathlib import Path

from chibo.cli.output import print_json, print_table
from chibo.text import format_date


def print_paper(book, args) -> int:
    """A numbered paper is issued (numbered, entered in the register, archived) before its copy
    is written to `--out`; printed again, it is the archived file. The target is checked first, so
    a refused target spends no number."""
    from chibo.reports import save_pdf
    from chibo.reports.output import pdf_target
    from chibo.reports.papers import PaperState, build_paper

    target = pdf_target(pdf_path(args.out)) if args.out else None
    with book.session() as db:
        paper = build_paper(db, book.folder, args.action, args.id, issue=True, number=args.number,
                            as_of=args.date, new=args.new, rebuild=args.rebuild)
    written = save_pdf(paper.pdf, target or Path.cwd() / paper.file_name)
    print(written)
    if paper.state != PaperState.UNNUMBERED:
        print(f"chibo: {paper.note}", file=sys.stderr)
    return 0


def reprint_plainly(folder: Path, args) -> int | None:
    """`print minutes|report|plan ID` of a paper issued before: its archived original copied, read
    with sqlite3 alone (`reports.reprint`). None when that is not the plain case: `print_paper`."""
    from chibo import paths
    from chibo.errors import ChiboError
    from chibo.reports.output import pdf_target, save_pdf
    from chibo.reports.reprint import archived_original
    from chibo.store.backup import backed_up_today
    from chibo.store.reader import StaleSchemaError, open_reader

    if args.action == "attendance" or args.new or args.rebuild or args.number or args.date:
        return None
    if not backed_up_today(paths.backup_dir(folder)):  # the day's first command checks and backs the book up
        return None
    target = pdf_target(pdf_path(args.out)) if args.out else None  # refused at once, as `print_paper` does
    try:
        reader = open_reader(paths.database_path(folder))
    except (StaleSchemaError, ChiboError):
        return None
    with reader:
        found = archived_original(reader, folder, args.action, args.id)
    if found is None:
        return None
    print(save_pdf(found.pdf, target or Path.cwd() / found.file_name))
    print(f"chibo: {found.note}", file=sys.stderr)
    return 0


def pdf_path(out: str) -> Path:
    """`--out bienban` writes bienban.pdf: a file without the .pdf ending opens in nothing
    (bien-ban-05.02.2026 ends in ".2026", so any other ending gets .pdf too)."""
    path = Path(out)
    if path.is_dir() or path.suffix.lower() == ".pdf":  # a folder is refused by pdf_target, with a sentence
        return path
    return path.with_name(path.name + ".pdf")


def print_register(book, args) -> int:
    from chibo.reports import save_pdf
    from chibo.reports.output import pdf_target
    from chibo.reports.register import build_register

    target = pdf_target(pdf_path(args.out)) if args.out else Path.cwd() / "so-dang-ky-van-ban-di.pdf"
    with book.session() as db:
        pdf = build_register(db, book.folder)
    print(save_pdf(pdf, target))
    return 0


def papers_list(book, args) -> int:
    """The outgoing register (sổ đăng ký văn bản đi): number, date, kind, summary, recipients and
    whether the archived original is there."""
    from chibo.services.issuing import ARCHIVE_FOLDER, ARCHIVE_STATE_LABELS, archive_state, register_rows
    from chibo.services.numbering import kind_word

    with book.session() as db:
        rows = [(row, archive_state(book.folder, row)) for row in register_rows(db, whole=args.all)]
    if args.json:
        print_json([
            {"id": r.id, "number_symbol": r.number_symbol, "number": r.number, "kind": r.kind,
             "issued_on": r.issued_on.isoformat(), "term_start": r.term_start.isoformat(), "summary": r.summary,
             "recipients": r.recipients.splitlines(), "paper": r.paper, "record_id": r.record_id,
             "file": f"{ARCHIVE_FOLDER}/{r.file_name}" if r.file_name else None, "sha256": r.sha256 or None,
             "size": r.size or None, "archive": str(state)}
            for r, state in rows
        ])
        return 0
    print_table(
        ["Số, ký hiệu", "Ngày", "Loại", "Trích yếu", "Nơi nhận", "Bản lưu"],
        [[r.number_symbol, format_date(r.issued_on), kind_word(r.kind), r.summary, "; ".join(r.recipients.splitlines()),
          ARCHIVE_STATE_LABELS[state]] for r, state in rows],
    )
    return 0


def plans_list(book, args) -> int:
    from chibo.cli.cells import heading, view_for
    from chibo.services.lookups import get_alive
    from chibo.services.plans import list_plans, plan_progress
    from chibo.store.models import Member

    with book.session() as db:
        cell = view_for(db, args, "các kế hoạch hành động")
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
    heading(cell)
    print_table(
        ["Năm", "Kế hoạch", "Số", "Cá nhân", "Nội dung", "Quá hạn", "Ban hành", "Mã"],
        [[p.year, p.title, p.number_symbol, owner, progress["total"], progress["overdue"],
          format_date(p.adopted_on), p.id[:8]] for p, owner, progress in rows],
    )
    return 0
