"""`chibo`: the desktop app with no command, the book's commands otherwise.

Exit codes: 0 success, 1 a refused input or action (the reason in Vietnamese on stderr, the
detail in the log), 2 usage. Heavy modules are imported by the commands that need them.
"""

from __future__ import annotations

import argparse
import logging
import sys

from chibo import paths
from chibo.cli.parser import build_parser, reads_only
from chibo.errors import ChiboError

log = logging.getLogger("chibo")


def _dispatch(args, folder) -> int:
    from chibo.cli import desk, details, exchange, forwarding, info, maintenance, printing, records
    from chibo.store.book import Book

    if args.command == "restore":
        return maintenance.restore(folder, args)
    if args.command == "backup" and args.list:  # works on a book too damaged to open
        return maintenance.backup_list(folder, args)
    handlers = {
        ("init", None): maintenance.init,
        ("demo", None): maintenance.make_demo,
        ("backup", None): maintenance.backup,
        ("info", None): info.show_info,
        ("keys", "new"): info.new_keys,
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
        ("forward", None): forwarding.forward,
        ("restore-bundle", None): forwarding.restore_bundle,
        ("restore-request", None): forwarding.restore_request,
        **{("print", kind): printing.print_paper for kind in ("minutes", "attendance", "report", "plan")},
        ("print", "register"): printing.print_register,
        ("print", "missing"): desk.print_missing,
        ("print", "consolidated"): desk.print_consolidated,
        ("completeness", None): desk.completeness,
        ("review", "list"): desk.review_list,
        ("review", "set"): desk.review_set,
        ("review", "close"): desk.review_close,
        ("review", "reopen"): desk.review_close,
        ("papers", "list"): printing.papers_list,
    }
    handler = handlers[(args.command, getattr(args, "action", None))]
    with (Book.open_for_reading(folder) if reads_only(args) else Book.open(folder)) as book:
        for warning in book.warnings:
            print(f"chibo: cảnh báo: {warning}", file=sys.stderr)
        # A new computer asks for its book and takes it back into an empty folder.
        if args.command not in ("init", "demo", "import", "restore-request") and not book.local_unit_id:
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
    from chibo.cli.output import terminal_safe, utf8_when_redirected

    utf8_when_redirected()  # Windows writes a file or pipe in its ANSI code page, which has no "ả"
    with terminal_safe():  # names from old books may carry control characters: never raw to the terminal
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    args = _parse(argv)
    folder = paths.data_dir(args.data_dir)
    from chibo.cli.logs import setup_logging

    setup_logging(paths.log_dir(folder))
    try:
        if args.command is None:
            from chibo.ui.app import run_app

            return run_app(folder, smoke=args.smoke)
        return _dispatch(args, folder)
    except ChiboError as exc:  # the message may quote what was typed (a name, a date): not for the log
        log.warning("refused: %s (%s)", type(exc).__name__, exc.detail)
        print(f"chibo: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `chibo members list | head`: the reader left, nothing went wrong
        sys.stderr.close()
        return 0
    except Exception as exc:
        from chibo.errors import disk_full, is_disk_full

        if is_disk_full(exc):
            log.warning("refused: disk full (%s)", type(exc).__name__)
            print(f"chibo: {disk_full(folder).message}", file=sys.stderr)
            return 1
        log.exception("unexpected failure")
        print(
            "chibo: đã xảy ra lỗi ngoài dự kiến; dữ liệu không bị thay đổi. "
            f"Chi tiết được ghi trong nhật ký ở {paths.log_dir(folder)}.",
            file=sys.stderr,
        )
        return 1
