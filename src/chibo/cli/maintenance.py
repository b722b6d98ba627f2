"""`chibo init`, `demo`, `backup`, `restore`: setting up and safeguarding the book."""

from __future__ import annotations

import sys
from pathlib import Path

from chibo import paths
from chibo.services import demo, units
from chibo.store import backup as backups
from chibo.store.files import existing_folder
from chibo.text import format_count


def init(book, args) -> int:
    from chibo.services.keys import key_fingerprint

    unit = units.init_book(book, name=args.name, role=args.role, superior_name=args.parent or "", place_name=args.place or "")
    print(f"Đã khởi tạo sổ cho {unit.name} (mã {unit.code}) tại {book.folder}.")
    print(f"Mã khóa của đơn vị (đọc cho cấp trên đối chiếu): {key_fingerprint(unit.signing_key)}")
    if not args.parent:  # the papers' header names the level above, and their "Nơi nhận" sends to it
        print("chibo: chưa khai cấp ủy cấp trên (--parent): đầu các giấy tờ sẽ thiếu dòng tên đảng bộ cấp trên và "
              "“Nơi nhận” thiếu cấp trên. Khai sau ở Cài đặt → Đơn vị.", file=sys.stderr)
    return 0


def make_demo(book, args) -> int:
    if book.local_unit_id and args.if_empty:
        return 0

    def progress(message: str) -> None:  # a large cell takes seconds: say how far it is, apart from the result
        print(message, file=sys.stderr, flush=True)

    summary = demo.build_demo(book, seed=args.seed, member_count=args.members, months=args.months, name=args.name,
                              progress=progress)
    print(f"Đã tạo chi bộ mẫu: {summary.members} đảng viên, {summary.sessions} buổi sinh hoạt, {summary.documents} văn bản.")
    return 0


def backup(book, args) -> int:
    folder = existing_folder(args.to) if args.to else book.backups  # a stick that is not there is not made
    made = backups.make_backup(book.database, folder)
    print(f"Đã sao lưu vào {made.path} ({format_count(made.size // 1024 or 1)} KB).")
    return 0


def backup_list(folder: Path, args) -> int:
    """Runs without opening the book: the list is what a damaged book's owner needs, each backup
    checked as the app's list checks it, so a damaged one is not chosen to restore."""
    found = backups.checked_backups(paths.backup_dir(folder))
    if not found:
        print("Chưa có bản sao lưu nào.")
    for b, whole in found:
        kind = "tự động" if b.automatic else "thủ công"
        state = "nguyên vẹn" if whole else "HỎNG, không khôi phục được"
        print(f"{b.made_at:%d/%m/%Y %H:%M}  {kind:8}  {state:10}  {b.path}")
    return 0


def restore(folder: Path, args) -> int:
    """Runs without opening the book (a broken book must still be restorable), under its lock."""
    safety = backups.restore_into(folder, Path(args.file))
    print(f"Đã khôi phục từ {args.file}.")
    if safety:
        print(f"Dữ liệu trước khi khôi phục được giữ ở {safety.path}.")
    return 0
