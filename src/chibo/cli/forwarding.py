"""`chibo forward` (a commune's bundle for its province, with its cells' bundles and their
signatures), `chibo restore-bundle` (a cell's book from the commune's copy, sealed to the cell's
approved key) and `chibo restore-request` (a new computer asking for it)."""

from __future__ import annotations

import sys
from pathlib import Path

from chibo.text import format_count


def forward(book, args) -> int:
    from chibo.sync.forward import export_forward

    result = export_forward(book, Path(args.to or Path.cwd()), full=args.full)
    print(f"Gói chuyển lên số {result.seq}: {format_count(result.bundles)} gói của {format_count(result.units)} đơn vị "
          f"cấp dưới, {format_count(result.records)} bản ghi của đơn vị; niêm phong cho cấp trên.")
    for reason in result.skipped:
        print(f"chibo: lưu ý: {reason}", file=sys.stderr)
    print(result.path)
    return 0


def restore_bundle(book, args) -> int:
    from chibo.sync.restore_bundle import export_restore

    result = export_restore(book, args.cell, Path(args.to or Path.cwd()),
                            request=Path(args.key) if args.key else None, approve=args.approve)
    if result.previous_fingerprint:
        print(f"Đã xác nhận mã khóa mới của “{result.unit_name}”: {result.fingerprint} (mã khóa cũ "
              f"{result.previous_fingerprint} không còn dùng được cho gói sau gói số {result.last_seq}).")
    print(f"Gói khôi phục sổ của “{result.unit_name}”: {format_count(result.records)} bản ghi, niêm phong cho mã khóa "
          f"{result.fingerprint}; chỉ máy có khóa này mở được. Mang tệp cho chi bộ nhập trên máy mới (chibo import TỆP "
          "--approve MÃ-KHÓA-CỦA-ĐƠN-VỊ-NÀY).")
    print(result.path)
    return 0


def restore_request(book, args) -> int:
    from chibo.sync.restore_bundle import write_restore_request

    path, fingerprint = write_restore_request(book, args.name, Path(args.to or Path.cwd()))
    print(f"Đã ghi yêu cầu lấy lại sổ. Mã khóa của máy này: {fingerprint}")
    print("Hãy mang tệp lên cấp trên (đảng ủy xã) và đọc mã khóa này qua điện thoại để cấp trên đối chiếu. Khi có gói "
          f"khôi phục, nhập nó vào đúng thư mục dữ liệu này: chibo --data-dir {book.folder} import TỆP-KHÔI-PHỤC.")
    print(path)
    return 0
