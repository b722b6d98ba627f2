"""`chibo`: the desktop app with no command, the book's commands otherwise.

Exit codes: 0 success, 1 a refused input or action (the reason in Vietnamese on stderr, the
detail in the log), 2 usage. Heavy modules are imported by the commands that need them.
"""

from __future__ import annotations

import argparse
import logging
import sys

from chibo import paths
from chibo.errors import ChiboError

log = logging.getLogger("chibo")


class _Version(argparse.Action):
    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="in phiên bản rồi thoát")

    def __call__(self, parser, namespace, values, option_string=None):
        import chibo

        print(f"chibo {chibo.__version__}")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors exit 2 with the usage, as argparse does
        self.print_usage(sys.stderr)
        self.exit(2, f"chibo: lỗi cú pháp lệnh: {message}\n")


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """Without `commands`, only the options of the desktop app: `chibo` alone starts faster."""
    parser = _Parser(prog="chibo", description="Sổ sách chi bộ: đảng viên, văn bản, sinh hoạt, báo cáo.")
    parser.add_argument("--version", action=_Version)
    parser.add_argument("--data-dir", metavar="DIR", help="thư mục dữ liệu (mặc định: $CHIBO_DATA_DIR hoặc thư mục người dùng)")
    parser.add_argument("--smoke", action="store_true", help="mở cửa sổ chính, đo thời gian khởi động rồi thoát")
    if not commands:
        return parser
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("init", help="khởi tạo sổ cho chi bộ hoặc cấp nhận báo cáo")
    p.add_argument("--name", required=True, help="tên đơn vị, ví dụ “Chi bộ bản Nậm Cáy”")
    p.add_argument("--role", choices=["cell", "receiving"], default="cell")
    p.add_argument("--parent", help="cấp ủy cấp trên, ví dụ “Đảng bộ xã Nậm Xe”")
    p.add_argument("--place", help="địa danh ghi ở dòng ngày tháng, ví dụ “Nậm Xe”")

    p = sub.add_parser("demo", help="tạo một chi bộ mẫu (dữ liệu hư cấu) trong thư mục trống")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--members", type=int, default=35)
    p.add_argument("--months", type=int, default=12)
    p.add_argument("--if-empty", action="store_true", help="chỉ tạo khi sổ còn trống, không báo lỗi nếu đã có dữ liệu")
    p.add_argument("--name", default="Chi bộ bản Nà Khum", help="tên chi bộ mẫu")

    members = sub.add_parser("members", help="đảng viên").add_subparsers(dest="action", required=True, parser_class=_Parser)
    p = members.add_parser("list", help="danh sách đảng viên theo thứ tự tên")
    p.add_argument("--json", action="store_true")
    p.add_argument("--search", help="tìm theo tên, không cần dấu")
    p.add_argument("--current", action="store_true", help="bỏ những người đã rời chi bộ")
    p = members.add_parser("import", help="nhập danh sách từ tệp .xlsx hoặc .csv")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")
    p.add_argument("--skip-problem-rows", action="store_true", help="nhập các dòng đúng, bỏ qua dòng lỗi và dòng trùng")

    for name, label in (("documents", "văn bản"), ("sessions", "buổi sinh hoạt")):
        group = sub.add_parser(name, help=label).add_subparsers(dest="action", required=True, parser_class=_Parser)
        p = group.add_parser("list", help=f"danh sách {label}")
        p.add_argument("--json", action="store_true")
        if name == "sessions":
            p.add_argument("--year", type=int)
        p = group.add_parser("show", help=f"số liệu của một {label} (mã hoặc vài ký tự đầu của mã)")
        p.add_argument("id")
        p.add_argument("--json", action="store_true")

    plans = sub.add_parser("plans", help="kế hoạch hành động").add_subparsers(dest="action", required=True, parser_class=_Parser)
    p = plans.add_parser("list", help="chương trình, kế hoạch của chi bộ và kế hoạch cá nhân")
    p.add_argument("--json", action="store_true")
    p.add_argument("--year", type=int)

    printing = sub.add_parser("print", help="in giấy tờ ra tệp PDF theo thể thức văn bản của Đảng")
    printing = printing.add_subparsers(dest="action", required=True, parser_class=_Parser)
    for name, target, label in (
        ("minutes", "SESSION_ID", "biên bản buổi sinh hoạt"),
        ("attendance", "SESSION_ID", "danh sách đảng viên dự sinh hoạt (để ký tên)"),
        ("report", "DOCUMENT_ID", "báo cáo kết quả học tập, quán triệt một văn bản"),
        ("plan", "PLAN_ID", "chương trình, kế hoạch hành động"),
    ):
        p = printing.add_parser(name, help=label)
        p.add_argument("id", metavar=target, help="mã, hoặc vài ký tự đầu của mã")
        p.add_argument("--out", metavar="FILE.pdf", help="tệp PDF ghi ra (mặc định: tên tự đặt ở thư mục hiện tại)")
        p.add_argument("--number", default=None, help="số, ký hiệu in trên giấy, ví dụ 05-BB/CB (mặc định: số tiếp theo)"
                       if name != "attendance" else argparse.SUPPRESS)
        p.add_argument("--date", type=_day, default=None,
                       help="ngày lập báo cáo, dạng ngày/tháng/năm (mặc định: hôm nay)" if name in ("report", "plan")
                       else argparse.SUPPRESS)
        numbered = name != "attendance"
        p.add_argument("--new", action="store_true", help="lập giấy mới với số mới (giấy đã cấp số thì in lại đúng bản "
                       "đã lưu)" if numbered else argparse.SUPPRESS)
        p.add_argument("--rebuild", action="store_true", help="giấy được cấp số trước khi chibo lưu bản gốc: dựng lại "
                       "từ sổ với đúng số và ngày ấy, rồi lưu làm bản gốc" if numbered else argparse.SUPPRESS)
    p = printing.add_parser("register", help="sổ đăng ký văn bản đi của nhiệm kỳ")
    p.add_argument("--out", metavar="FILE.pdf", help="tệp PDF ghi ra (mặc định: so-dang-ky-van-ban-di.pdf)")

    papers = sub.add_parser("papers", help="sổ đăng ký văn bản đi: các giấy tờ đã cấp số")
    papers = papers.add_subparsers(dest="action", required=True, parser_class=_Parser)
    p = papers.add_parser("list", help="số, ngày, loại, trích yếu, nơi nhận và bản lưu của từng giấy đã cấp số")
    p.add_argument("--json", action="store_true")
    p.add_argument("--all", action="store_true", help="cả các nhiệm kỳ trước")

    p = sub.add_parser("export", help="xuất gói dữ liệu gửi cấp trên (ra USB)")
    p.add_argument("--to", metavar="DIR", help="thư mục đích, ví dụ ổ USB (mặc định: thư mục hiện tại)")
    p.add_argument("--full", action="store_true", help="gửi toàn bộ sổ, không chỉ phần cấp trên chưa nhận")
    p = sub.add_parser("verify", help="kiểm tra một gói dữ liệu, không ghi gì")
    p.add_argument("file")
    plan = sub.add_parser("plan", help="gói kế hoạch gửi các chi bộ (cấp nhận báo cáo)")
    plan = plan.add_subparsers(dest="action", required=True, parser_class=_Parser)
    p = plan.add_parser("export", help="xuất gói kế hoạch: khóa của đơn vị, văn bản cần học, gói đã nhận của mỗi chi bộ")
    p.add_argument("--to", metavar="DIR", help="thư mục đích, ví dụ ổ USB (mặc định: thư mục hiện tại)")
    p = sub.add_parser("import", help="nhập gói dữ liệu: gói báo cáo của các chi bộ (ở cấp nhận báo cáo) "
                       "hoặc gói kế hoạch của cấp trên (ở chi bộ)")
    p.add_argument("files", nargs="+", metavar="FILE|DIR")
    p.add_argument("--json", action="store_true")
    p.add_argument("--approve-new", action="store_true", help="xác nhận đơn vị mới (sau khi đã đối chiếu mã khóa)")
    p = sub.add_parser("summary", help="số liệu tổng hợp các đơn vị (cấp nhận báo cáo)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("backup", help="sao lưu sổ ngay")
    p.add_argument("--to", metavar="DIR", help="thư mục đích (mặc định: thư mục sao lưu của sổ)")
    p.add_argument("--list", action="store_true", help="liệt kê các bản sao lưu")
    p = sub.add_parser("restore", help="khôi phục sổ từ một bản sao lưu")
    p.add_argument("file")
    return parser


def _day(value: str):
    from chibo.text import parse_date

    try:
        return parse_date(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _dispatch(args, folder) -> int:
    from chibo.cli import details, exchange, maintenance, printing, records
    from chibo.store.book import Book

    if args.command == "restore":
        return maintenance.restore(folder, args)
    handlers = {
        ("init", None): maintenance.init,
        ("demo", None): maintenance.make_demo,
        ("backup", None): maintenance.backup_list if getattr(args, "list", False) else maintenance.backup,
        ("members", "list"): records.members_list,
        ("members", "import"): records.members_import,
        ("documents", "list"): records.documents_list,
        ("documents", "show"): details.document_show,
        ("sessions", "list"): records.sessions_list,
        ("sessions", "show"): details.session_show,
        ("plans", "list"): printing.plans_list,
        ("export", None): exchange.export,
        ("plan", "export"): exchange.plan_export,
        ("verify", None): exchange.verify,
        ("import", None): exchange.import_bundles,
        ("summary", None): exchange.summary,
        **{("print", kind): printing.print_paper for kind in ("minutes", "attendance", "report", "plan")},
        ("print", "register"): printing.print_register,
        ("papers", "list"): printing.papers_list,
    }
    handler = handlers[(args.command, getattr(args, "action", None))]
    with Book.open(folder) as book:
        if args.command not in ("init", "demo") and not book.local_unit_id:
            raise ChiboError(
                f"Thư mục {folder} chưa có sổ nào. Hãy chạy “chibo init --name …” (hoặc “chibo demo” để thử)."
            )
        return handler(book, args)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    """The desktop app's few options first; the whole command tree only when a command is given."""
    words = sys.argv[1:] if argv is None else argv
    if not {"-h", "--help"} & set(words):
        args, rest = build_parser(commands=False).parse_known_args(words)
        if not rest:
            args.command = None
            return args
    return build_parser().parse_args(words)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    folder = paths.data_dir(args.data_dir)
    from chibo.cli.logs import setup_logging

    setup_logging(paths.log_dir(folder))
    try:
        if args.command is None:
            from chibo.ui.app import run_app

            return run_app(folder, smoke=args.smoke)
        return _dispatch(args, folder)
    except ChiboError as exc:
        log.warning("refused: %s (%s)", exc.message, exc.detail)
        print(f"chibo: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `chibo members list | head`: the reader left, nothing went wrong
        sys.stderr.close()
        return 0
    except Exception:
        log.exception("unexpected failure")
        print(
            "chibo: đã xảy ra lỗi ngoài dự kiến; dữ liệu không bị thay đổi. "
            f"Chi tiết được ghi trong nhật ký ở {paths.log_dir(folder)}.",
            file=sys.stderr,
        )
        return 1
