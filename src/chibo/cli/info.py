"""`chibo info` (the unit as others compare it) and `chibo keys new` (new keys on purpose)."""

from __future__ import annotations

from chibo.cli.output import print_json
from chibo.errors import ChiboError
from chibo.vocabulary import UnitRole


def show_info(book, args) -> int:
    from chibo.sync.identity import unit_identity

    with book.session() as db:
        info = unit_identity(db, book.folder)
    if args.json:
        print_json({**info.as_json(), "data_dir": str(book.folder)})
        return 0
    role = "cấp nhận báo cáo" if info.role == UnitRole.RECEIVING else "chi bộ"
    print(f"Đơn vị: {info.name} (mã {info.code}), {role}")
    print(f"Cấp trên khai báo: {info.superior_name or '(chưa khai báo)'}")
    if info.fingerprint:
        print(f"Mã khóa: {info.fingerprint}")
    elif info.keys_lost:
        print(f"Mã khóa: máy này không có khóa của đơn vị (mã đã gửi đi: {info.published_fingerprint}); "
              "xem “chibo keys new”.")
    else:
        print("Mã khóa: chưa có (tạo khi xuất gói đầu tiên).")
    superior = info.superior
    if superior or info.role != UnitRole.RECEIVING:  # a commune may have its province
        print(f"Cấp trên đã xác nhận: {superior['name']}, mã khóa {superior['fingerprint']}" if superior else
              "Cấp trên đã xác nhận: chưa có (hãy nhập gói kế hoạch của cấp trên).")
    print(f"Thư mục dữ liệu: {book.folder}")
    return 0


def new_keys(book, args) -> int:
    from chibo.services.keys import make_new_keys
    from chibo.services.lookups import local_unit

    with book.session() as db:
        receiving = local_unit(db).role == UnitRole.RECEIVING
    who = "các chi bộ" if receiving else "cấp trên"
    if not args.yes:
        raise ChiboError(f"Chưa tạo khóa mới. Khóa mới chỉ dùng khi khóa cũ đã mất (ví dụ khôi phục sổ trên máy mới) "
                         f"hoặc bị lộ: {who} sẽ giữ các gói ký bằng khóa mới lại cho đến khi người phụ trách đối chiếu "
                         f"và xác nhận mã khóa mới. Nếu chắc chắn, chạy lại: chibo keys new --yes")
    keys, previous = make_new_keys(book)
    print(f"Đã tạo khóa mới. Mã khóa mới: {keys.fingerprint}")
    if previous:
        print(f"Mã khóa cũ: {previous}")
    print(f"Hãy đọc mã khóa mới cho {who} (qua điện thoại, hoặc gửi giấy có chữ ký) để họ đối chiếu khi nhập gói "
          "tiếp theo" + (", và xuất gói kế hoạch mới cho các chi bộ." if receiving else "."))
    return 0
