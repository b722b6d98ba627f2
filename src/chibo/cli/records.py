"""`chibo members|documents|sessions ...`: import and list the book's records.

`members list` and `sessions list` read the book through the plain sqlite3 reader
(`store.reader`, `services.register_rows`, `services.glance`) and get a `Reader`, not a `Book`:
they need no SQLAlchemy, SQLModel or pydantic, half a second of every such command's start-up.
Their rows are the services' rows (tests hold the two equal).

At a receiving level the lists of a cell's records take the cell (`--unit`, `cli.cells`) and list
that cell's rows alone; `documents list` without it lists the level's own documents with their
figures summed over the cells."""

from __future__ import annotations

from datetime import date

from chibo.cli.cells import heading, view_for
from chibo.cli.output import print_json, print_table
from chibo.text import format_date, format_percent, rate_value
from chibo.vocabulary import (
    CELL_POSITION_LABELS,
    DOCUMENT_KIND_LABELS,
    MEMBER_STATUS_LABELS,
    SESSION_FORM_LABELS,
    SESSION_KIND_LABELS,
    label,
)


def members_list(reader, args) -> int:
    from chibo.services.register_rows import register

    cell = view_for(reader, args, "danh sách đảng viên")
    rows = register(reader, query=args.search or "", include_left=not args.current,
                    unit_id=cell.unit_id if cell else None)
    if args.json:
        print_json([row.as_json() for row in rows])
        return 0
    heading(cell)
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
    from chibo.services import member_import

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
    from chibo.services import member_import

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
    """A cell's documents with its study figures; at a receiving level without `--unit`, the
    level's own documents with each one's figures summed over its cells (per cell in SQL)."""
    from chibo.services.documents import list_documents
    from chibo.services.figures import document_figures
    from chibo.services.received_cells import is_receiving
    from chibo.services.roll import Roll

    level_note = None
    with book.session() as db:
        cell = view_for(db, args, "văn bản và kết quả học tập", required=False)
        if cell is None and is_receiving(db):
            from chibo.services.received_cells import received_cells

            docs, figures = _summed_documents(db)
            codes = ", ".join(c.code for c in received_cells(db)[:8]) or "chưa có"
            level_note = (("Văn bản của cấp mình gửi các chi bộ; cột Đã học cộng của các chi bộ." if docs else
                           "Cấp mình chưa có văn bản nào gửi các chi bộ (thêm ở trang Văn bản).")
                          + f" Văn bản của một chi bộ: --unit MÃ (mã các chi bộ: {codes}).")
        else:
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
    heading(cell)
    if level_note:
        print(level_note)
        if not docs:
            return 0  # no table of nothing under the sentence
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


def _summed_documents(db):
    """The receiving level's own documents, each with `studied_count`, `required` and `percent`
    summed over the cells it receives (`aggregates.study_counts`)."""
    from types import SimpleNamespace

    from chibo.services.aggregates import study_counts
    from chibo.services.documents import list_documents
    from chibo.services.received_cells import received_cells
    from chibo.store.records import LOCAL_UNIT

    docs = [d for d in list_documents(db) if d.unit_id == db.info.get(LOCAL_UNIT)]
    cells = received_cells(db)
    summed = study_counts(db, {c.unit_id: c.plans_from for c in cells}, date.today()).by_document() if cells else {}
    figures = {}
    for document in docs:
        studied, required = summed.get(document.id, (0, 0))
        figures[document.id] = SimpleNamespace(studied_count=studied, required=required,
                                               percent=100.0 * studied / required if required else None)
    return docs, figures


def sessions_list(reader, args) -> int:
    from chibo.services import glance
    from chibo.services.titles import session_title

    cell = view_for(reader, args, "các buổi sinh hoạt")
    unit_id = cell.unit_id if cell else None
    first, last = (date(args.year, 1, 1), date(args.year, 12, 31)) if args.year else (date.min, date.max)
    rows = glance.sessions_between(reader, first, last, glance.roll(reader, unit_id), unit_id=unit_id)
    if args.json:
        print_json([
            {
                "id": s.id,
                "date": s.held_on.isoformat(),
                "kind": s.kind,
                "form": s.form,
                "title": session_title(s),
                "place": s.place,
                "documents": list(s.documents),
                "summoned": s.figures.summoned_total,
                "present": s.figures.present_total,
                "absent": len(s.figures.absences),
                "quorum_reached": s.figures.quorum.reached,
                "makeup_of": s.makeup_of,
            }
            for s in rows
        ])
        return 0
    heading(cell)
    print_table(
        ["Ngày", "Loại", "Hình thức", "Có mặt", "Vắng", "Văn bản", "Mã"],
        [
            [format_date(s.held_on), label(s.kind, SESSION_KIND_LABELS), label(s.form, SESSION_FORM_LABELS),
             f"{s.figures.present_required}/{s.figures.summoned_total}", str(len(s.figures.absences)),
             ", ".join(s.documents), s.id[:8]]
            for s in rows
        ],
    )
    return 0
