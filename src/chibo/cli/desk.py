"""The receiving level's desk on the command line: `chibo completeness` (who has reported, on
time or late), `chibo review list|set|close|reopen` (the review of each bundle received, and the
closing of a month's figures), `chibo print missing` (the list of cells not yet reported)."""

from __future__ import annotations

import sys
from pathlib import Path

from chibo.cli.output import print_json, print_table
from chibo.errors import ChiboError
from chibo.text import format_count, format_date, format_percent, percent_of

REVIEW_WORDS = {"da-nhan": "received", "bo-sung": "needs_more", "da-duyet": "approved"}


def out_file(value: str, suffix: str) -> Path:
    """Where `--out`/`--xlsx` writes: the ending added when missing, and refused with a sentence
    (before anything is computed or numbered) when it is a folder or its folder does not exist."""
    from chibo.reports.output import pdf_target

    path = Path(value).expanduser()
    if path.suffix.lower() != suffix and not path.is_dir():
        path = path.with_name(path.name + suffix)
    return pdf_target(path)


def _rate_line(part: int, whole: int) -> str:
    return f"{format_count(part)}/{format_count(whole)} ({format_percent(percent_of(part, whole))})" if whole else "0/0"


def completeness(book, args) -> int:
    from chibo.sync.completeness import completeness as compute
    from chibo.vocabulary import TIMELINESS_LABELS, Timeliness

    with book.session() as db:
        report = compute(db, args.period)
    if args.json:
        print_json(report.as_json())
        return 0
    month = report.period
    counts = month.counts
    closed = f"; đã chốt số liệu ngày {format_date(month.closed_on)}" if month.closed_on else ""
    print(f"Báo cáo {month.title} (hạn {format_date(month.due)}: ngày cuối tháng và {report.grace_days} ngày gia hạn"
          f"{closed}): đã nhận {_rate_line(month.received, month.expected)}, đúng hạn "
          f"{_rate_line(counts[Timeliness.ON_TIME], month.expected)}, muộn {counts[Timeliness.LATE]}, chưa nhận "
          f"{counts[Timeliness.MISSING] + counts[Timeliness.NOT_DUE]}.")
    rows = []
    for cell in month.cells:
        state = TIMELINESS_LABELS[cell.status] + (" (sau khi chốt)" if cell.after_close else "")
        secretary = cell.secretary
        rows.append([cell.label, state, format_date(cell.received_on), secretary.full_name if secretary else "",
                     secretary.phone if secretary else ""])
    if rows:
        print_table(["Chi bộ", "Tình trạng", "Ngày nhận", "Bí thư", "Điện thoại"], rows)
    for document in report.documents:
        counts = document.counts
        print()
        print(f"Văn bản {document.key} (hạn {format_date(document.deadline)}, báo cáo trước {format_date(document.due)}): "
              f"đã nhận {_rate_line(document.received, document.expected)}, đúng hạn "
              f"{counts[Timeliness.ON_TIME]}, muộn {counts[Timeliness.LATE]}, chưa nhận "
              f"{counts[Timeliness.MISSING] + counts[Timeliness.NOT_DUE]}.")
        for cell in document.cells:
            if cell.status in (Timeliness.MISSING, Timeliness.NOT_DUE):
                print(f"    {cell.label}: {TIMELINESS_LABELS[cell.status].lower()}")
    return 0


def print_missing(book, args) -> int:
    from chibo.reports import save_pdf
    from chibo.reports.missing_cells import build_missing_list
    from chibo.services.signers import load_signers
    from chibo.sync.completeness import completeness as compute

    target = out_file(args.out, ".pdf") if args.out else None
    with book.session() as db:
        report = compute(db, args.period)
        pdf = build_missing_list(db, report)
        _unsigned(load_signers(db).compiler, "Danh sách")
    print(save_pdf(pdf, target or Path.cwd() / f"chi-bo-chua-bao-cao-{report.period.key}.pdf"))
    return 0


def review_list(book, args) -> int:
    from chibo.sync.periods import months_span
    from chibo.sync.restore_bundle import find_child
    from chibo.sync.review import list_reviews, require_receiving
    from chibo.vocabulary import REVIEW_STATUS_LABELS

    with book.session() as db:
        require_receiving(db)
        unit_id = find_child(db, args.unit).unit_id if args.unit else None
        reviews = list_reviews(db, unit_id=unit_id)
    if args.json:
        print_json([r.as_json() for r in reviews])
        return 0
    if not reviews:
        print("Chưa nhận gói báo cáo nào.")
        return 0
    for review in reviews:
        months = months_span(list(review.periods)) or "không mang buổi sinh hoạt nào"
        late = "; đến sau khi chốt số liệu" if review.after_close else ""
        print(f"{format_date(review.received_at)}  {review.sender_name}, gói số {review.seq} ({months}{late}): "
              f"{REVIEW_STATUS_LABELS[review.status]}")
        if review.note:  # a note of several lines keeps its lines under the first
            print("    Ghi chú gửi chi bộ: " + review.note.replace("\n", "\n" + " " * 24))
        for warning in review.warnings:
            print(f"    Cảnh báo: {warning}")
    return 0


def review_set(book, args) -> int:
    from chibo.sync.restore_bundle import find_child
    from chibo.sync.review import find_review, mark_review, require_receiving
    from chibo.vocabulary import REVIEW_STATUS_LABELS

    with book.session() as db:
        require_receiving(db)
        unit = find_child(db, args.unit)
        row = mark_review(db, find_review(db, unit.unit_id, args.seq).id, REVIEW_WORDS[args.status], args.note or "")
        said = REVIEW_STATUS_LABELS[row.status]
    travels = " Ghi chú sẽ đến chi bộ trong gói kế hoạch xuất lần tới (chibo plan export)." if row.note else ""
    print(f"{unit.name}, gói số {row.seq}: {said}.{travels}")
    return 0


def review_close(book, args) -> int:
    from chibo.sync.periods import month_words
    from chibo.sync.review import close_period, reopen_period

    with book.session() as db:
        if args.action == "reopen":
            reopen_period(db, args.period)
            print(f"Đã bỏ chốt số liệu {month_words(args.period)}.")
            return 0
        closed = close_period(db, args.period)
    print(f"Đã chốt số liệu {month_words(closed.period)}. Gói mang số liệu tháng này đến sau vẫn được nhập, và được ghi "
          "là đến sau khi chốt.")
    return 0


def signers(book, args) -> int:
    """Show the names a receiving level's papers are signed with, or set them."""
    from chibo.services.lookups import local_unit
    from chibo.services.signers import load_signers, save_signers
    from chibo.vocabulary import UnitRole

    with book.session() as db:
        if local_unit(db).role != UnitRole.RECEIVING:
            raise ChiboError("Tên người ký ở đây là của cấp nhận báo cáo (đảng ủy). Giấy tờ của chi bộ lấy tên bí thư, "
                             "phó bí thư trong danh sách đảng viên của chi bộ.")
        if args.secretary is not None or args.compiler is not None:
            save_signers(db, secretary=args.secretary, compiler=args.compiler)
        names = load_signers(db)
    print(f"Bí thư ký báo cáo tổng hợp: {names.secretary or '(chưa có)'}")
    print(f"Người lập danh sách: {names.compiler or '(chưa có)'}")
    return 0


def _unsigned(name: str, what: str) -> None:
    """A paper whose signer has no name: printed all the same (the name can be written by hand), said."""
    if name:
        return
    print(f"chibo: {what} chưa có tên người ký: khai ở Cài đặt → Đơn vị, hoặc “chibo signers”.", file=sys.stderr)


def warn_unsent(names) -> None:
    """After a plan export: the cells whose review notes could not travel."""
    if names:
        print("chibo: cảnh báo: chưa gửi được ghi chú duyệt gói cho " + ", ".join(f"“{n}”" for n in names)
              + ": sổ chưa có khóa niêm phong của chi bộ ấy (chi bộ cần gửi một gói báo cáo bằng chibo bản mới).",
              file=sys.stderr)


def print_consolidated(book, args) -> int:
    """The consolidated report for the level above: a numbered paper (issued once, like the cell's
    study report) to `--out` (by default when no `--xlsx` is asked), and its tables to `--xlsx`
    (as of the paper's day, with its number; alone, as of the report issued last, or of `--date`).
    Every target is checked before anything is numbered or computed."""
    from chibo.reports import save_pdf
    from chibo.reports.consolidated_data import document_symbol, require_receiving
    from chibo.reports.consolidated_xlsx import workbook_for
    from chibo.reports.papers import PaperState, build_paper
    from chibo.services.signers import load_signers
    from chibo.store.files import write_atomically
    from chibo.sync.summary import consolidated

    pdf_file = out_file(args.out, ".pdf") if args.out else None
    xlsx_file = out_file(args.xlsx, ".xlsx") if args.xlsx else None
    paper, workbook = None, None
    with book.session() as db:
        require_receiving(db)
        symbol = document_symbol(db, args.document)
        day = args.date
        if pdf_file is not None or xlsx_file is None:
            paper = build_paper(db, book.folder, "consolidated", symbol, issue=True, number=args.number, as_of=args.date,
                                new=args.new, figures=consolidated)
            if paper.state == PaperState.ISSUED:  # a reprint is the archived original, as it was signed
                _unsigned(load_signers(db).secretary, "Báo cáo")
            day = None  # the Excel file goes with the paper just issued or printed again
        elif args.number or args.new:
            raise ChiboError("--number và --new là của báo cáo có số (tệp PDF): hãy thêm --out TỆP.pdf, hoặc bỏ chúng "
                             "khi chỉ xuất tệp Excel.")
        if xlsx_file is not None:
            workbook, _day, _number = workbook_for(db, symbol, consolidated, day)
    if paper is not None:
        print(save_pdf(paper.pdf, pdf_file or Path.cwd() / paper.file_name))
        if paper.state != PaperState.UNNUMBERED:
            print(f"chibo: {paper.note}", file=sys.stderr)
    if workbook is not None:
        try:
            write_atomically(xlsx_file, workbook)
        except OSError as error:
            raise ChiboError(f"Không ghi được tệp “{xlsx_file}”. Hãy kiểm tra ổ đĩa còn chỗ trống và tệp không đang mở "
                             "trong Excel.", detail=repr(error)) from error
        print(xlsx_file)
    return 0
