"""`chibo export`, `chibo plan export`, `chibo verify`, `chibo import`, `chibo summary`: bundles on
the command line."""

from __future__ import annotations

import sys
from pathlib import Path

from chibo.cli.output import print_json, print_table
from chibo.errors import ChiboError
from chibo.text import format_percent


def export(book, args) -> int:
    from chibo.sync.export import export_bundle

    result = export_bundle(book, Path(args.to or Path.cwd()), full=args.full)
    if not result.sealed:
        print("chibo: chưa có khóa của cấp trên (chưa nhập gói kế hoạch), gói chỉ được ký, không niêm phong.",
              file=sys.stderr)
    print(result.path)
    return 0


def plan_export(book, args) -> int:
    from chibo.sync.export import export_plan

    result = export_plan(book, Path(args.to or Path.cwd()))
    print(result.path)
    return 0


def _bundle_files(paths: list[str]) -> list[Path]:
    files = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.is_file() and p.suffix == ".chibo")
        elif path.exists():
            files.append(path)
        else:
            raise ChiboError(f"Không thấy tệp hay thư mục “{name}”.")
    return files


def _print_report(report) -> None:
    counts = report.counts
    line = (f"{Path(report.file).name}: {report.sender_name or '?'} gói số {report.seq or '?'} — "
            f"mới {counts['new']}, cập nhật {counts['updated']}, trùng {counts['duplicate']}, "
            f"cũ {counts['stale']}, xung đột {counts['conflict']}")
    if report.outcome == "pending":
        line = f"{Path(report.file).name}: {report.reason} Trên dòng lệnh: nhập lại với --approve-new."
    if report.outcome in ("imported", "pending"):  # a rejected bundle is said once, on stderr
        print(line)


def import_bundles(book, args) -> int:
    from chibo.sync.importer import import_bundle

    reports = [import_bundle(book, path, approve_new=args.approve_new) for path in _bundle_files(args.files)]
    if args.json:
        print_json([r.as_json() for r in reports])
    else:
        for report in reports:
            _print_report(report)
    refused = [r for r in reports if r.outcome == "rejected"]
    for report in refused if not args.json else []:
        print(f"chibo: {Path(report.file).name}: {report.reason}", file=sys.stderr)
    if refused and args.json:
        print(f"chibo: {len(refused)} gói bị từ chối.", file=sys.stderr)
    return 1 if refused else 0


def verify(book, args) -> int:
    from chibo.sync.importer import verify_bundle

    report = verify_bundle(book, Path(args.file))
    if report.outcome == "rejected":
        print(f"chibo: {report.reason}", file=sys.stderr)
        return 1
    print(f"Gói nguyên vẹn, chữ ký đúng: {report.sender_name}, gói số {report.seq}, {report.counts['new']} bản ghi; "
          f"mã khóa {report.fingerprint}.")
    if report.reason:
        print(report.reason)
    return 0


def summary(book, args) -> int:
    from chibo.sync.summary import consolidated

    with book.session() as db:
        units, total = consolidated(db)
    if args.json:
        print_json({"units": [u.as_json() for u in units], "total": total.as_json()})
        return 0
    for unit in [*units, total]:
        head = f"{unit.name}: {unit.members} đảng viên, {unit.sessions} buổi sinh hoạt"
        if unit.unit_id:
            head += f"; gói cuối số {unit.last_seq} ({unit.last_bundle_at or 'chưa có'})"
        print(head)
        print_table(["Văn bản", "Đã học", "Phải học", "Tỷ lệ"],
                    [[d.number_symbol, d.studied, d.required, format_percent(d.percent) if d.percent is not None else ""]
                     for d in sorted(unit.documents.values(), key=lambda d: d.number_symbol)])
        print()
    return 0
