"""`chibo export`, `chibo plan export`, `chibo verify`, `chibo import`, `chibo summary`: bundles on
the command line."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from chibo.cli.output import print_json, print_table
from chibo.errors import ChiboError
from chibo.text import format_count, format_date, format_percent


def export(book, args) -> int:
    from chibo.sync.export import export_bundle

    result = export_bundle(book, Path(args.to or Path.cwd()), full=args.full, unsealed=args.unsealed)
    if not result.sealed:
        print("chibo: CẢNH BÁO: gói này KHÔNG niêm phong (--unsealed): ai cầm USB cũng đọc được họ tên, ngày sinh, số "
              "điện thoại, số thẻ đảng viên. Hãy giữ USB cẩn thận và xóa tệp sau khi cấp trên đã nhập.", file=sys.stderr)
    print(result.path)  # stdout: the file alone, for a script; what it holds is said beside it
    said = f"chibo: gói số {result.seq}, {format_count(result.records)} bản ghi, đã đọc lại để kiểm tra."
    if result.records == 0:
        said += (" Gói không mang thay đổi nào: cấp trên đã xác nhận có mọi bản ghi của sổ; gói chỉ cho biết chi bộ vẫn "
                 "gửi báo cáo.")
    print(said, file=sys.stderr)
    return 0


def plan_export(book, args) -> int:
    from chibo.cli.desk import warn_unsent
    from chibo.sync.export import export_plan

    result = export_plan(book, Path(args.to or Path.cwd()))
    warn_unsent(result.notes_unsent)
    print(result.path)
    return 0


def bundle_files(paths: list[str], own_unit_id: str | None = None) -> list[Path]:
    """The files named, and the .chibo files of the folders named. A folder's bundles that this
    book wrote itself (the commune's plan bundle on the stick it carries to the cells) are left
    out with a line on stdout: they are not errors. A file named by itself is always tried."""
    from chibo.sync.bundle import sender_unit_id

    files = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for found in sorted(p for p in path.iterdir() if p.is_file() and p.suffix == ".chibo"):
                if own_unit_id and sender_unit_id(found) == own_unit_id:
                    print(f"{found.name}: gói do chính sổ này xuất ra, bỏ qua.")
                    continue
                files.append(found)
        elif path.exists():
            files.append(path)
        else:
            raise ChiboError(f"Không thấy tệp hay thư mục “{name}”.")
    return files


def _counts(counts: dict) -> str:
    return (f"mới {counts['new']}, cập nhật {counts['updated']}, trùng {counts['duplicate']}, cũ {counts['stale']}, "
            f"xung đột {counts['conflict']}")


_KIND_WORDS = {"forward": "gói chuyển lên", "restore": "gói khôi phục"}


def _print_report(report, approve: set[str]) -> None:
    name = Path(report.file).name
    if report.outcome == "imported":
        approved = f" (đã xác nhận mã khóa {report.fingerprint})" if report.approved else ""
        print(f"{name}: {report.sender_name} {_KIND_WORDS.get(report.kind, 'gói')} số {report.seq}{approved} — "
              f"{_counts(report.counts)}")
        for nested in report.nested:  # a forward bundle: each child's bundle, as it merged
            print(f"    {nested.sender_name} gói số {nested.seq} (qua {nested.voucher_name}) — {_counts(nested.counts)}")
        for note in report.notes:
            print(f"    {note}")
        for review in report.reviews or []:  # a plan bundle: the superior's word on this cell's bundles
            print(f"    {_review_line(report.sender_name, review)}")
        for warning in report.warnings:
            print(f"    Cảnh báo: {warning}")
    elif report.outcome == "pending":
        how = f"nhập lại với --approve {report.fingerprint}"
        if report.flag:
            print(f"{name}: {report.reason} {report.flag}")
            how += " --accept-other-superior"
            if report.fingerprint in approve:
                how = "thêm --accept-other-superior (đơn vị khai cấp trên khác) nếu đã chắc chắn"
        else:
            print(f"{name}: {report.reason}")
        print(f"    Sau khi đã đối chiếu mã khóa, trên dòng lệnh: {how}.")


def _review_line(superior: str, review: dict) -> str:
    """ "Đảng ủy xã Sơn Cao, về gói số 1: Cần bổ sung (07/12/2026) — Thiếu biên bản tháng 11." """
    from chibo.vocabulary import REVIEW_STATUS_LABELS, label

    day = f" ({format_date(date.fromisoformat(review['reviewed_on']))})" if review.get("reviewed_on") else ""
    note = f" — {review['note']}" if review.get("note") else ""
    line = f"{superior}, về gói số {review['seq']}: {label(review['status'], REVIEW_STATUS_LABELS)}{day}{note}"
    return line.replace("\n", "\n        ")  # a note of several lines, each under the first


def import_bundles(book, args) -> int:
    from chibo.services.keys import parse_fingerprint
    from chibo.sync.importer import import_bundle
    from chibo.sync.trust import import_waiting

    approve = {parse_fingerprint(text) for text in args.approve or []}
    files = bundle_files(args.files, book.local_unit_id)
    reports = [import_bundle(book, path, approve=approve, other_superior=args.accept_other_superior)
               for path in files]
    for unit_id in dict.fromkeys(r.sender_unit_id for r in reports if r.approved):  # what waited for that word
        reports += import_waiting(book, unit_id, approve=approve, other_superior=args.accept_other_superior)
    if args.json:
        print_json([r.as_json() for r in reports])
    else:
        for report in reports:
            _print_report(report, approve)
    refused = [r for r in reports if r.outcome == "rejected"]
    for report in refused:
        print(f"chibo: {Path(report.file).name}: {report.reason}", file=sys.stderr)
    unmatched = sorted(approve - {r.fingerprint for r in reports})
    for text in unmatched:
        print(f"chibo: mã khóa {text} không khớp với gói nào vừa nhập; chưa xác nhận gì theo mã này. Hãy kiểm tra lại "
              "mã (chibo verify TỆP in mã khóa của gói).", file=sys.stderr)
    # Asked by its fingerprint and still held (a unit that names another committee its superior
    # needs the second word): what was asked was not done, so the exit says so too.
    held = [r for r in reports if r.outcome == "pending" and r.fingerprint in approve]
    for report in held:
        print(f"chibo: {Path(report.file).name}: chưa nhập, vẫn chờ xác nhận (xem dòng trên).", file=sys.stderr)
    return 1 if refused or unmatched or held else 0


def verify(book, args) -> int:
    """One bundle, or every .chibo file of a folder; exit 1 when any is refused."""
    from chibo.sync.importer import verify_bundle

    files = bundle_files([args.file], book.local_unit_id)
    if not files:
        if Path(args.file).is_dir() and any(Path(args.file).glob("*.chibo")):
            return 0  # only this book's own bundles there, each said above
        raise ChiboError(f"Thư mục “{args.file}” không có tệp .chibo nào.")
    code = 0
    for path in files:
        report = verify_bundle(book, path)
        prefix = f"{path.name}: " if len(files) > 1 or Path(args.file).is_dir() else ""
        if report.outcome == "rejected":
            print(f"chibo: {prefix}{report.reason}", file=sys.stderr)
            code = 1
            continue
        print(f"{prefix}Gói nguyên vẹn, chữ ký đúng: {report.sender_name}, gói số {report.seq}, "
              f"{report.counts['new']} bản ghi; mã khóa {report.fingerprint}.")
        if report.reason:
            print(report.reason)
    return code


def summary(reader, args) -> int:
    """Per unit and in total; at a level above the communes, by level: each commune summed with the
    cells under it, then the cells (`levels` in the JSON). Read through the plain sqlite3 reader
    (`cli.main.READER_COMMANDS`): the figures are SQL alone, so the command imports no SQLAlchemy
    or SQLModel (half a second of its second and a half for 300 cells)."""
    from chibo.services.received_cells import is_receiving
    from chibo.sync.levels import by_level
    from chibo.sync.summary import consolidated

    if not is_receiving(reader):  # a cell's book sums nobody's bundles: zeros would alarm
        raise ChiboError("Bảng tổng hợp các chi bộ chỉ có ở sổ của cấp nhận báo cáo (đảng ủy); sổ của chi bộ không "
                         "nhận báo cáo của ai. Số liệu của chi bộ mình: chibo documents list, chibo sessions list.")
    units, total = consolidated(reader)
    levels = by_level(reader, units)
    if args.json:
        print_json({"units": [u.as_json() for u in units], "levels": [node.as_json() for node in levels],
                    "total": total.as_json()})
        return 0
    if any(node.units for node in levels):
        for node, depth in _walk(levels):
            _print_unit(node.subtotal if node.units else node.unit, depth, len(node.units))
    else:
        for unit in units:
            _print_unit(unit, 0, 0)
    _print_unit(total, 0, 0)
    return 0


def _walk(nodes, depth: int = 0):
    for node in nodes:
        yield node, depth
        yield from _walk(node.units, depth + 1)


def _print_unit(unit, depth: int, below: int) -> None:
    indent = "    " * depth
    head = f"{indent}{unit.label}"
    if below:
        head += f" (cộng {below} đơn vị cấp dưới)"
    head += f": {unit.members} đảng viên, {unit.sessions} buổi sinh hoạt"
    if unit.unit_id:
        arrived = format_date(date.fromisoformat(unit.last_bundle_at)) if unit.last_bundle_at else "chưa có"
        head += f"; gói cuối số {unit.last_seq} ({arrived})"
    print(head)
    print_table(["Văn bản", "Đã học", "Phải học", "Tỷ lệ"],
                [[d.number_symbol, d.studied, d.required, format_percent(d.percent) if d.percent is not None else ""]
                 for d in sorted(unit.documents.values(), key=lambda d: d.number_symbol)], indent=indent)
    print()
