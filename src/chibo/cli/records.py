"""`chibo members|documents|sessions ...`: import and list the book's records."""

from __future__ import annotations

from datetime import date

from chibo.cli.output import print_json, print_table
from chibo.services import member_import
from chibo.services.documents import list_documents
from chibo.services.figures import document_figures, session_figures
from chibo.services.members import list_members
from chibo.services.roll import Roll
from chibo.services.sessions import list_sessions, session_documents, session_title
from chibo.text import format_date, format_percent, rate_value
from chibo.vocabulary import (
    CELL_POSITION_LABELS,
    DOCUMENT_KIND_LABELS,
    MEMBER_STATUS_LABELS,
    SESSION_FORM_LABELS,
    SESSION_KIND_LABELS,
    label,
)


def members_list(book, args) -> int:
    with book.session() as db:
        rows = list_members(db, query=args.search or "", include_left=not args.current)
    if args.json:
        print_json([row.as_json() for row in rows])
        return 0
    print_table(
        ["STT", "Họ và tên", "Năm sinh", "Dân tộc", "Chức vụ", "Tình trạng", "Mã"],
        [
            [str(i), r.member.full_name, str(r.member.birth_year or ""), r.member.ethnicity,
             label(r.member.position, CELL_POSITION_LABELS), label(r.status, MEMBER_STATUS_LABELS), r.member.id[:8]]
            for i, r in enumerate(rows, 1)
        ],
    )
    return 0


def members_import(book, args) -> int:
    """Check the file; print who comes in with which status (`--dry-run`: only that); write all
    rows or none. Problems are printed once, on stderr, as the refusal."""
    from chibo.errors import ChiboError

    with book.session() as db:
        preview = member_import.read_member_file(db, args.file)
        notes = preview.notes()
        if args.dry_run or notes:
            _print_preview(preview, listing=args.dry_run)
        problems = preview.problems()
        if problems and not args.skip_problem_rows:
            raise ChiboError(
                f"Chưa nhập gì: tệp {preview.file_name} có {len(preview.error_rows)} dòng lỗi và "
                f"{len(preview.duplicate_rows)} dòng trùng.\n" + "\n".join(problems)
                + "\nSửa tệp rồi nhập lại, hoặc thêm --skip-problem-rows để chỉ nhập các dòng đúng.")
        if args.dry_run:
            print(f"Xem trước: sẽ nhập {len(preview.good_rows)} đảng viên ("
                  f"{member_import.status_summary(preview.good_rows)}); chưa ghi gì.")
            return 0
        added = member_import.commit_import(db, preview, skip_problem_rows=args.skip_problem_rows)
    left_out = f"; bỏ qua {len(problems)} dòng lỗi hoặc trùng" if problems else ""
    print(f"Đã nhập {added} đảng viên từ {preview.file_name} "
          f"({member_import.status_summary(preview.good_rows)}){left_out}.")
    return 0


def _print_preview(preview, *, listing: bool) -> None:
    if listing:
        print_table(
            ["Dòng", "Họ và tên", "Năm sinh", "Tình trạng", "Từ ngày", "Căn cứ"],
            [[str(row.row_number), row.full_name, _born(row), label(row.status, MEMBER_STATUS_LABELS)
              + (" *" if row.guessed else ""), format_date(member_import.status_changes(row, date.today())[-1][1]),
              row.how_read()] for row in preview.good_rows],
        )
        if any(row.guessed for row in preview.good_rows):
            print("* tình trạng đoán (từ ghi chú, tiêu đề mục hay ngày vào Đảng, hoặc không ghi gì): nếu sai, hãy ghi "
                  "rõ ở cột “Tình trạng” trong tệp rồi chạy lại.")
    for note in preview.notes():
        print(note)


def _born(row) -> str:
    birth = row.fields.get("birth_date")
    return str(birth.year if birth else row.fields.get("birth_year") or "")


def documents_list(book, args) -> int:
    with book.session() as db:
        roll = Roll.load(db)
        docs = list_documents(db)
        figures = {d.id: document_figures(db, d.id, roll=roll) for d in docs}
    if args.json:
        print_json([
            {
                "id": d.id,
                "kind": d.kind,
                "number_symbol": d.number_symbol,
                "title": d.title,
                "issuing_level": d.issuing_level,
                "issued_on": d.issued_on.isoformat() if d.issued_on else None,
                "deadline": d.deadline.isoformat() if d.deadline else None,
                "required": figures[d.id].required,
                "studied": figures[d.id].studied_count,
                "rate": rate_value(figures[d.id].studied_count, figures[d.id].required),
            }
            for d in docs
        ])
        return 0
    print_table(
        ["Số, ký hiệu", "Loại", "Thời hạn", "Đã học", "Tỷ lệ", "Mã"],
        [
            [d.number_symbol, label(d.kind, DOCUMENT_KIND_LABELS), format_date(d.deadline),
             f"{figures[d.id].studied_count}/{figures[d.id].required}",
             format_percent(figures[d.id].percent) if figures[d.id].percent is not None else "", d.id[:8]]
            for d in docs
        ],
    )
    return 0


def sessions_list(book, args) -> int:
    with book.session() as db:
        roll = Roll.load(db)
        held = list_sessions(db, year=args.year)
        rows = []
        for m in held:
            f = session_figures(db, m.id, roll)
            docs = session_documents(db, m.id)
            rows.append((m, f, docs))
    if args.json:
        print_json([
            {
                "id": m.id,
                "date": m.held_on.isoformat(),
                "kind": m.kind,
                "form": m.form,
                "title": session_title(m),
                "place": m.place,
                "documents": [d.number_symbol for d in docs],
                "summoned": f.summoned_total,
                "present": f.present_total,
                "absent": len(f.absences),
                "quorum_reached": f.quorum.reached,
                "makeup_of": m.makeup_of_id,
            }
            for m, f, docs in rows
        ])
        return 0
    print_table(
        ["Ngày", "Loại", "Hình thức", "Có mặt", "Vắng", "Văn bản", "Mã"],
        [
            [format_date(m.held_on), label(m.kind, SESSION_KIND_LABELS), label(m.form, SESSION_FORM_LABELS),
             f"{f.present_required}/{f.summoned_total}", str(len(f.absences)), ", ".join(d.number_symbol for d in docs), m.id[:8]]
            for m, f, docs in rows
        ],
    )
    return 0
