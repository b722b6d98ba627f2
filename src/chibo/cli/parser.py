"""The command line's grammar, in Vietnamese: every command, option and value with its help and
an example that fits it. `chibo` alone parses only the desktop app's few options (`commands=False`)
so that the window opens without building the whole tree."""

from __future__ import annotations

import argparse

from chibo.cli.argparse_vi import VietnameseParser

# Commands that only read the book: they run while the app has it open (SQLite's WAL lets readers
# in beside the one writer); every other command needs the book to itself.
READ_ONLY_COMMANDS = frozenset({
    ("members", "list"), ("documents", "list"), ("documents", "show"), ("sessions", "list"), ("sessions", "show"),
    ("plans", "list"), ("papers", "list"), ("summary", None), ("verify", None), ("info", None),
    ("completeness", None), ("review", "list"), ("print", "missing"),
})


class _Version(argparse.Action):
    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="in số phiên bản rồi thoát")

    def __call__(self, parser, namespace, values, option_string=None):
        import chibo

        print(f"chibo {chibo.__version__}")
        parser.exit()


class _Retired(argparse.Action):
    """An option that no longer exists, kept to say what replaced it."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help=argparse.SUPPRESS)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.error("--approve-new không còn dùng: nó xác nhận mọi đơn vị đang chờ mà không đối chiếu mã khóa. Hãy "
                     "đối chiếu mã khóa của từng đơn vị rồi dùng --approve MÃ-KHÓA (mỗi mã một lần --approve).")


def whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” không phải một số nguyên") from None


def day(text: str):
    from chibo.text import parse_date

    try:
        return parse_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _unit_option(parser) -> None:
    """At a receiving level, the cell whose book a listing shows."""
    parser.add_argument("--unit", metavar="MÃ|TÊN",
                        help="ở cấp nhận báo cáo: chi bộ cần xem, theo mã (BANNAMCAY) hay tên (“Nậm Cáy”); "
                             "“chibo summary” liệt kê các chi bộ")


def period(text: str) -> str:
    """A month typed as 2026-10 or 10/2026."""
    from chibo.errors import ValidationError
    from chibo.sync.periods import parse_period

    try:
        return parse_period(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def _examples(*lines: str) -> str:
    return "ví dụ:\n" + "\n".join(f"  {line}" for line in lines)


def _group(sub, name: str, help_text: str, metavar: str = "VIỆC"):
    """A command whose own commands follow it (`chibo members list`)."""
    parser = sub.add_parser(name, help=help_text, description=help_text[:1].upper() + help_text[1:] + ".")
    return parser.add_subparsers(dest="action", required=True, metavar=metavar, title="việc cần làm",
                                 help="một trong các việc dưới đây")


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """Without `commands`, only the options of the desktop app: `chibo` alone starts faster."""
    parser = VietnameseParser(
        prog="chibo", description="Sổ sách chi bộ: đảng viên, văn bản, sinh hoạt, báo cáo. Không có lệnh nào thì mở "
        "ứng dụng.", epilog=_examples("chibo --data-dir D:\\SoChiBo", "chibo members list",
                                     "chibo members import danh-sach.xlsx --dry-run", "chibo sessions show 3f2a"))
    parser.add_argument("--version", action=_Version)
    parser.add_argument("--data-dir", metavar="THƯ_MỤC",
                        help="thư mục dữ liệu của sổ (mặc định: biến CHIBO_DATA_DIR, hoặc thư mục dữ liệu của người "
                             "dùng)")
    parser.add_argument("--smoke", action="store_true", help="mở cửa sổ chính, đo thời gian khởi động rồi thoát")
    if not commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", title="các lệnh",
                                help="một trong các lệnh dưới đây (thêm --help sau lệnh để xem cách dùng lệnh đó)")

    p = sub.add_parser("init", help="khởi tạo sổ cho chi bộ hoặc cấp nhận báo cáo",
                       epilog=_examples('chibo init --name "Chi bộ bản Nậm Cáy" --parent "Đảng bộ xã Nậm Xe" '
                                        '--place "Nậm Xe"', 'chibo init --name "Đảng ủy xã Nậm Xe" --role receiving '
                                        '--parent "Đảng bộ tỉnh Lai Châu" --place "Nậm Xe"'))
    p.add_argument("--name", required=True, metavar="TÊN", help="tên đơn vị, ví dụ “Chi bộ bản Nậm Cáy”")
    p.add_argument("--role", choices=["cell", "receiving"], default="cell", metavar="VAI_TRÒ",
                   help="cell: chi bộ (mặc định); receiving: cấp nhận báo cáo của các chi bộ (Đảng ủy xã, phường)")
    p.add_argument("--parent", metavar="TÊN", help="cấp ủy cấp trên, ví dụ “Đảng bộ xã Nậm Xe”")
    p.add_argument("--place", metavar="ĐỊA_DANH", help="địa danh ghi ở dòng ngày tháng, ví dụ “Nậm Xe”")

    p = sub.add_parser("demo", help="tạo một chi bộ mẫu (dữ liệu hư cấu) trong thư mục trống",
                       epilog=_examples("chibo --data-dir /tmp/thu demo", "chibo demo --members 120 --months 24 "
                                                                          "--seed 3"))
    p.add_argument("--seed", type=whole_number, default=1, metavar="SỐ",
                   help="số khởi đầu của phép chọn ngẫu nhiên: cùng số thì cùng chi bộ mẫu (mặc định: 1)")
    p.add_argument("--members", type=whole_number, default=35, metavar="SỐ", help="số đảng viên (mặc định: 35)")
    p.add_argument("--months", type=whole_number, default=12, metavar="SỐ",
                   help="số tháng sinh hoạt đã qua (mặc định: 12)")
    p.add_argument("--if-empty", action="store_true", help="chỉ tạo khi sổ còn trống, không báo lỗi nếu đã có dữ liệu")
    p.add_argument("--name", default="Chi bộ bản Nà Khum", metavar="TÊN", help="tên chi bộ mẫu")

    members = _group(sub, "members", "danh sách đảng viên: xem, nhập từ tệp Excel")
    p = members.add_parser("list", help="danh sách đảng viên theo thứ tự tên",
                           epilog=_examples("chibo members list --current", "chibo members list --search huong",
                                            "chibo members list --json"))
    p.add_argument("--json", action="store_true", help="in dạng JSON cho chương trình khác đọc")
    p.add_argument("--search", metavar="TỪ", help="tìm theo tên, số thẻ hay số điện thoại, không cần dấu")
    p.add_argument("--current", action="store_true", help="bỏ những người đã rời chi bộ")
    _unit_option(p)
    p = members.add_parser("import", help="nhập danh sách từ tệp .xlsx hoặc .csv",
                           epilog=_examples("chibo members import danh-sach.xlsx --dry-run",
                                            "chibo members import danh-sach.xlsx",
                                            "chibo members import danh-sach.csv --skip-problem-rows"))
    p.add_argument("file", metavar="TỆP", help="tệp danh sách đảng viên (.xlsx hoặc .csv)")
    p.add_argument("--dry-run", action="store_true",
                   help="chỉ kiểm tra và in danh sách sẽ nhập, mỗi người với tình trạng của mình; không ghi gì")
    p.add_argument("--skip-problem-rows", action="store_true", help="nhập các dòng đúng, bỏ qua dòng lỗi và dòng trùng")

    for name, label, noun, example in (("documents", "văn bản cần học tập, quán triệt", "văn bản", "9c1e"),
                                       ("sessions", "buổi sinh hoạt", "buổi sinh hoạt", "3f2a")):
        group = _group(sub, name, label)
        p = group.add_parser("list", help=f"danh sách {noun}",
                             epilog=_examples(f"chibo {name} list", f"chibo {name} list --json",
                                              f"chibo {name} list --unit BANNAMCAY    (ở cấp nhận báo cáo)"))
        p.add_argument("--json", action="store_true", help="in dạng JSON cho chương trình khác đọc")
        _unit_option(p)
        if name == "sessions":
            p.add_argument("--year", type=whole_number, metavar="NĂM", help="chỉ các buổi của một năm, ví dụ 2026")
        p = group.add_parser("show", help=f"số liệu của một {noun}",
                             epilog=_examples(f"chibo {name} show {example}", f"chibo {name} show {example} --json"))
        p.add_argument("id", metavar="MÃ", help=f"mã {noun}, hoặc vài ký tự đầu của mã (xem “chibo {name} list”)"
                       + ("; hoặc số, ký hiệu văn bản, ví dụ 05-CT/TU" if name == "documents" else ""))
        p.add_argument("--json", action="store_true", help="in dạng JSON cho chương trình khác đọc")
        _unit_option(p)

    plans = _group(sub, "plans", "chương trình, kế hoạch hành động")
    p = plans.add_parser("list", help="chương trình, kế hoạch của chi bộ và kế hoạch cá nhân",
                         epilog=_examples("chibo plans list --year 2026", "chibo plans list --json"))
    p.add_argument("--json", action="store_true", help="in dạng JSON cho chương trình khác đọc")
    p.add_argument("--year", type=whole_number, metavar="NĂM", help="chỉ các kế hoạch của một năm, ví dụ 2026")
    _unit_option(p)

    printing = _group(sub, "print", "in giấy tờ ra tệp PDF theo thể thức văn bản của Đảng", metavar="GIẤY_TỜ")
    for name, target, label, number, listing, file_name in (
        ("minutes", "MÃ_BUỔI", "biên bản buổi sinh hoạt", "05-BB/CB", "sessions list", "bien-ban"),
        ("attendance", "MÃ_BUỔI", "danh sách đảng viên dự sinh hoạt (để ký tên)", None, "sessions list", "ky-ten"),
        ("report", "MÃ_VĂN_BẢN", "báo cáo kết quả học tập, quán triệt một văn bản", "03-BC/CB", "documents list",
         "bao-cao"),
        ("plan", "MÃ_KẾ_HOẠCH", "chương trình, kế hoạch hành động", "02-KH/CB", "plans list", "ke-hoach"),
    ):
        examples = [f"chibo print {name} 3f2a --out {file_name}.pdf"]
        if number:
            examples.append(f"chibo print {name} 3f2a --number {number}")
        if name in ("report", "plan"):
            examples.append(f"chibo print {name} 3f2a --date 30/06/2026")
        p = printing.add_parser(name, help=label, epilog=_examples(*examples))
        p.add_argument("id", metavar=target, help=f"mã, hoặc vài ký tự đầu của mã (xem “chibo {listing}”)"
                       + ("; hoặc số, ký hiệu văn bản, ví dụ 57-NQ/TW" if name == "report" else ""))
        p.add_argument("--out", metavar="TỆP.pdf",
                       help="tệp PDF ghi ra; thiếu đuôi thì thêm .pdf (mặc định: tên tự đặt ở thư mục hiện tại)")
        p.add_argument("--number", default=None, metavar="SỐ_KÝ_HIỆU",
                       help=f"số, ký hiệu in trên giấy, ví dụ {number} (mặc định: số tiếp theo)" if number
                       else argparse.SUPPRESS)
        p.add_argument("--date", type=day, default=None, metavar="NGÀY",
                       help="ngày lập, dạng ngày/tháng/năm (mặc định: hôm nay)" if name in ("report", "plan")
                       else argparse.SUPPRESS)
        numbered = number is not None
        p.add_argument("--new", action="store_true", help="lập giấy mới với số mới (giấy đã cấp số thì in lại đúng bản "
                       "đã lưu)" if numbered else argparse.SUPPRESS)
        p.add_argument("--rebuild", action="store_true", help="giấy được cấp số trước khi chibo lưu bản gốc: dựng lại "
                       "từ sổ với đúng số và ngày ấy, rồi lưu làm bản gốc" if numbered else argparse.SUPPRESS)
    p = printing.add_parser("consolidated", help="báo cáo tổng hợp kết quả học tập, quán triệt của các chi bộ gửi cấp "
                            "trên, có số (PDF) và biểu tổng hợp (Excel) (cấp nhận báo cáo)",
                            epilog=_examples("chibo print consolidated 57-NQ/TW --out bao-cao-57.pdf --xlsx bieu-57.xlsx",
                                             "chibo print consolidated --out bao-cao-tong-hop.pdf",
                                             "chibo print consolidated 57-NQ/TW --xlsx bieu-57.xlsx"))
    p.add_argument("document", nargs="?", metavar="VĂN_BẢN",
                   help="số, ký hiệu của văn bản, ví dụ 57-NQ/TW (bỏ trống: mọi văn bản có số liệu)")
    p.add_argument("--out", metavar="TỆP.pdf", help="báo cáo có số, tệp PDF ghi ra; thiếu đuôi thì thêm .pdf "
                   "(mặc định, khi không có --xlsx: tên tự đặt ở thư mục hiện tại)")
    p.add_argument("--xlsx", metavar="TỆP.xlsx", help="biểu tổng hợp dạng Excel; thiếu đuôi thì thêm .xlsx")
    p.add_argument("--number", default=None, metavar="SỐ_KÝ_HIỆU",
                   help="số, ký hiệu in trên báo cáo, ví dụ 03-BC/ĐU (mặc định: số tiếp theo)")
    p.add_argument("--date", type=day, default=None, metavar="NGÀY",
                   help="ngày lập, dạng ngày/tháng/năm: số liệu tính đến ngày ấy (mặc định: hôm nay)")
    p.add_argument("--new", action="store_true", help="lập báo cáo mới với số mới (báo cáo đã cấp số thì in lại đúng "
                   "bản đã lưu)")
    p = printing.add_parser("missing", help="danh sách chi bộ chưa gửi báo cáo tháng, kèm bí thư và số điện thoại "
                            "(cấp nhận báo cáo)",
                            epilog=_examples("chibo print missing", "chibo print missing --period 2026-10 --out "
                                             "chua-bao-cao.pdf"))
    p.add_argument("--period", type=period, metavar="NĂM-THÁNG",
                   help="tháng báo cáo, ví dụ 2026-10 hoặc 10/2026 (mặc định: tháng trước)")
    p.add_argument("--out", metavar="TỆP.pdf",
                   help="tệp PDF ghi ra; thiếu đuôi thì thêm .pdf (mặc định: chi-bo-chua-bao-cao-NĂM-THÁNG.pdf)")
    p = printing.add_parser("register", help="sổ đăng ký văn bản đi của nhiệm kỳ",
                            epilog=_examples("chibo print register", "chibo print register --out so-van-ban-di.pdf"))
    p.add_argument("--out", metavar="TỆP.pdf",
                   help="tệp PDF ghi ra; thiếu đuôi thì thêm .pdf (mặc định: so-dang-ky-van-ban-di.pdf)")

    papers = _group(sub, "papers", "sổ đăng ký văn bản đi: các giấy tờ đã cấp số")
    p = papers.add_parser("list", help="số, ngày, loại, trích yếu, nơi nhận và bản lưu của từng giấy đã cấp số",
                          epilog=_examples("chibo papers list", "chibo papers list --all --json"))
    p.add_argument("--json", action="store_true", help="in dạng JSON cho chương trình khác đọc")
    p.add_argument("--all", action="store_true", help="cả các nhiệm kỳ trước")

    p = sub.add_parser("export", help="xuất gói dữ liệu gửi cấp trên (ra USB)",
                       epilog=_examples("chibo export --to E:\\", "chibo export --to /media/usb --full"))
    p.add_argument("--to", metavar="THƯ_MỤC", help="thư mục đích, ví dụ ổ USB (mặc định: thư mục hiện tại)")
    p.add_argument("--full", action="store_true", help="gửi toàn bộ sổ, không chỉ phần cấp trên chưa nhận")
    p.add_argument("--unsealed", action="store_true", help="xuất gói KHÔNG niêm phong khi chưa có khóa của cấp trên "
                   "(ai cầm USB cũng đọc được dữ liệu cá nhân); chỉ dùng khi cấp trên yêu cầu")
    p = sub.add_parser("verify", help="kiểm tra một gói dữ liệu, không ghi gì",
                       epilog=_examples("chibo verify E:\\BANNAMCAY-3-20261105.chibo"))
    p.add_argument("file", metavar="TỆP", help="gói dữ liệu .chibo")
    plan = _group(sub, "plan", "gói kế hoạch gửi các chi bộ (cấp nhận báo cáo)")
    p = plan.add_parser("export", help="xuất gói kế hoạch: khóa của đơn vị, văn bản cần học, gói đã nhận của mỗi chi bộ",
                        epilog=_examples("chibo plan export --to E:\\"))
    p.add_argument("--to", metavar="THƯ_MỤC", help="thư mục đích, ví dụ ổ USB (mặc định: thư mục hiện tại)")
    p = sub.add_parser("import", help="nhập gói dữ liệu: gói báo cáo của các chi bộ (ở cấp nhận báo cáo) "
                       "hoặc gói kế hoạch của cấp trên (ở chi bộ)",
                       epilog=_examples("chibo import E:\\", "chibo import BANNAMCAY-3-20261105.chibo --json",
                                        "chibo import E:\\ --approve K7QF-3ZPA-MX2D-9RTC-HW4N"))
    p.add_argument("files", nargs="+", metavar="TỆP_HOẶC_THƯ_MỤC",
                   help="gói .chibo, hoặc thư mục có các gói (mọi gói trong đó được nhập)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON cho chương trình khác đọc")
    p.add_argument("--approve", action="append", metavar="MÃ_KHÓA",
                   help="xác nhận mã khóa này sau khi đã đối chiếu (đơn vị mới, khóa mới, cấp trên mới); lặp lại cho "
                        "mỗi mã")
    p.add_argument("--accept-other-superior", action="store_true",
                   help="cùng --approve: xác nhận cả khi đơn vị khai cấp trên khác với đơn vị này")
    p.add_argument("--approve-new", action=_Retired)
    p = sub.add_parser("summary", help="số liệu tổng hợp các đơn vị (cấp nhận báo cáo)",
                       epilog=_examples("chibo summary", "chibo summary --json"))
    p.add_argument("--json", action="store_true", help="in dạng JSON cho chương trình khác đọc")
    p = sub.add_parser("completeness", help="tình hình báo cáo của các chi bộ theo tháng và theo văn bản có hạn: "
                       "đúng hạn, muộn, chưa nhận (cấp nhận báo cáo)",
                       epilog=_examples("chibo completeness", "chibo completeness --period 2026-10 --json"))
    p.add_argument("--period", type=period, metavar="NĂM-THÁNG",
                   help="tháng báo cáo, ví dụ 2026-10 hoặc 10/2026 (mặc định: tháng trước)")
    p.add_argument("--json", action="store_true", help="in dạng JSON cho chương trình khác đọc")
    review = _group(sub, "review", "duyệt các gói báo cáo đã nhận, chốt số liệu tháng (cấp nhận báo cáo)")
    p = review.add_parser("list", help="các gói đã nhận, mới nhất trước, với trạng thái duyệt, ghi chú và cảnh báo",
                          epilog=_examples("chibo review list", 'chibo review list --unit "Nà Khum" --json'))
    p.add_argument("--unit", metavar="CHI_BỘ", help="chỉ các gói của một chi bộ (tên, một phần tên, hoặc mã)")
    p.add_argument("--json", action="store_true", help="in dạng JSON cho chương trình khác đọc")
    p = review.add_parser("set", help="đánh dấu một gói: đã nhận, cần bổ sung (kèm ghi chú gửi về chi bộ), đã duyệt",
                          epilog=_examples('chibo review set "Nà Khum" 3 da-duyet',
                                           'chibo review set "Nà Khum" 4 bo-sung --note "Thiếu biên bản tháng 10"'))
    p.add_argument("unit", metavar="CHI_BỘ", help="tên (hoặc một phần tên, không cần dấu), mã hay mã khóa của chi bộ")
    p.add_argument("seq", type=whole_number, metavar="SỐ_GÓI", help="số của gói (xem “chibo review list”)")
    p.add_argument("status", choices=["da-nhan", "bo-sung", "da-duyet"], metavar="TRẠNG_THÁI",
                   help="da-nhan (đã nhận), bo-sung (cần bổ sung: cần --note), da-duyet (đã duyệt)")
    p.add_argument("--note", metavar="GHI_CHÚ", help="điều chi bộ cần bổ sung (tối đa 500 ký tự); đến chi bộ trong gói "
                   "kế hoạch xuất lần tới")
    for action, label in (("close", "chốt số liệu một tháng: gói mang số liệu tháng ấy đến sau vẫn được nhập, ghi là "
                                    "muộn"), ("reopen", "bỏ chốt số liệu một tháng đã chốt nhầm")):
        p = review.add_parser(action, help=label, epilog=_examples(f"chibo review {action} 2026-10"))
        p.add_argument("period", type=period, metavar="NĂM-THÁNG", help="tháng, ví dụ 2026-10 hoặc 10/2026")
    p = sub.add_parser("forward", help="chuyển lên cấp trên (tỉnh ủy) các gói của các chi bộ, giữ nguyên chữ ký của "
                       "từng chi bộ, cùng dữ liệu của đảng ủy (cấp nhận báo cáo có cấp trên)",
                       epilog=_examples("chibo forward --to E:\\", "chibo forward --to /media/usb --full"))
    p.add_argument("--to", metavar="THƯ_MỤC", help="thư mục đích, ví dụ ổ USB (mặc định: thư mục hiện tại)")
    p.add_argument("--full", action="store_true", help="gửi lại tất cả, không chỉ phần cấp trên chưa nhận")
    p = sub.add_parser("restore-bundle", help="ghi gói khôi phục sổ cho một chi bộ bị mất máy, từ bản sao ở cấp nhận "
                       "báo cáo, niêm phong cho khóa đã xác nhận của chi bộ",
                       epilog=_examples('chibo restore-bundle "Nậm Cáy" --key E:\\BANNAMCAY-YEUCAU-20261121.chibo '
                                        "--approve K7QF-3ZPA-MX2D-9RTC-HW4N --to E:\\",
                                        "chibo restore-bundle BANNAMCAY --to /media/usb"))
    p.add_argument("cell", metavar="CHI_BỘ", help="tên (hoặc một phần tên, không cần dấu), mã hay mã khóa của chi bộ")
    p.add_argument("--to", metavar="THƯ_MỤC", help="thư mục đích, ví dụ ổ USB (mặc định: thư mục hiện tại)")
    p.add_argument("--key", metavar="TỆP_YÊU_CẦU",
                   help="yêu cầu lấy lại sổ do máy mới của chi bộ ghi ra (chibo restore-request), mang khóa mới của máy")
    p.add_argument("--approve", metavar="MÃ_KHÓA",
                   help="xác nhận mã khóa mới trong yêu cầu, sau khi đã đối chiếu với mã bí thư chi bộ đọc qua điện "
                        "thoại")
    p = sub.add_parser("restore-request", help="trên máy mới, thư mục dữ liệu trống: ghi yêu cầu lấy lại sổ của chi "
                       "bộ từ cấp trên (tạo khóa của máy)",
                       epilog=_examples('chibo restore-request --name "Chi bộ bản Nậm Cáy" --to E:\\'))
    p.add_argument("--name", required=True, metavar="TÊN", help="tên chi bộ, như cấp trên vẫn gọi")
    p.add_argument("--to", metavar="THƯ_MỤC", help="thư mục đích, ví dụ ổ USB (mặc định: thư mục hiện tại)")

    p = sub.add_parser("info", help="tên, vai trò, cấp trên, mã và mã khóa của đơn vị",
                       epilog=_examples("chibo info", "chibo info --json"))
    p.add_argument("--json", action="store_true", help="in dạng JSON cho chương trình khác đọc")
    p = sub.add_parser("signers", help="tên người ký giấy tờ của cấp nhận báo cáo: Bí thư ký báo cáo tổng hợp, người "
                       "lập danh sách (sổ của đảng ủy không có danh sách đảng viên riêng)",
                       epilog=_examples("chibo signers", 'chibo signers --secretary "Lò Văn Thanh" --compiler "Vàng Thị '
                                        'Mai"'))
    p.add_argument("--secretary", metavar="HỌ_TÊN", help="Bí thư Đảng ủy, ký báo cáo tổng hợp (\"\" để xóa)")
    p.add_argument("--compiler", metavar="HỌ_TÊN", help="người lập danh sách chi bộ chưa báo cáo (\"\" để xóa)")
    keys = _group(sub, "keys", "khóa ký và khóa niêm phong của đơn vị")
    p = keys.add_parser("new", help="tạo khóa mới khi khóa cũ đã mất hoặc lộ (nơi nhận phải xác nhận mã khóa mới)",
                        epilog=_examples("chibo keys new --yes"))
    p.add_argument("--yes", action="store_true", help="xác nhận tạo khóa mới")

    p = sub.add_parser("backup", help="sao lưu sổ ngay, hoặc xem các bản sao lưu",
                       epilog=_examples("chibo backup", "chibo backup --to E:\\", "chibo backup --list"))
    p.add_argument("--to", metavar="THƯ_MỤC", help="thư mục đích (mặc định: thư mục sao lưu của sổ)")
    p.add_argument("--list", action="store_true", help="liệt kê các bản sao lưu")
    p = sub.add_parser("restore", help="khôi phục sổ từ một bản sao lưu (bản hiện tại được giữ lại trước)",
                       epilog=_examples("chibo restore backups/sao-luu-20261105-080000.sqlite"))
    p.add_argument("file", metavar="TỆP", help="bản sao lưu .sqlite")
    return parser


def reads_only(args) -> bool:
    """True for a command that writes nothing to the book (it may run while the app is open)."""
    key = (args.command, getattr(args, "action", None))
    if key in READ_ONLY_COMMANDS:
        return True
    return (args.command == "members" and args.action == "import" and args.dry_run) or (
        args.command == "backup" and args.list)
