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


# Each command's handler as "module:function" in chibo.cli, imported when the command runs: a
# command loads only what it needs (importing every handler's module cost each command 0.7 s).
HANDLERS = {
    ("init", None): "maintenance:init",
    ("demo", None): "maintenance:make_demo",
    ("backup", None): "maintenance:backup",
    ("info", None): "info:show_info",
    ("keys", "new"): "info:new_keys",
    ("members", "list"): "records:members_list",
    ("members", "import"): "records:members_import",
    ("documents", "list"): "records:documents_list",
    ("documents", "show"): "details:document_show",
    ("sessions", "list"): "records:sessions_list",
    ("sessions", "show"): "details:session_show",
    ("plans", "list"): "printing:plans_list",
    ("export", None): "exchange:export",
    ("plan", "export"): "exchange:plan_export",
    ("verify", None): "exchange:verify",
    ("import", None): "exchange:import_bundles",
    ("summary", None): "exchange:summary",
    ("forward", None): "forwarding:forward",
    ("restore-bundle", None): "forwarding:restore_bundle",
    ("restore-request", None): "forwarding:restore_request",
    **{("print", kind): "printing:print_paper" for kind in ("minutes", "attendance", "report", "plan")},
    ("print", "register"): "printing:print_register",
    ("papers", "list"): "printing:papers_list",
    ("print", "missing"): "desk:print_missing",
    ("print", "consolidated"): "desk:print_consolidated",
    ("signers", None): "desk:signers",
    ("completeness", None): "desk:completeness",
    ("review", "list"): "desk:review_list",
    ("review", "set"): "desk:review_set",
    ("review", "close"): "desk:review_close",
    ("review", "reopen"): "desk:review_close",
}
# Handlers given a `store.reader.Reader` instead of a `Book`: lists and sums read with sqlite3 alone.
READER_COMMANDS = frozenset({("members", "list"), ("sessions", "list"), ("summary", None)})
# Tried first with the data folder; None sends the command the usual way (a paper printed again).
PLAIN_FIRST = {("print", kind): "printing:reprint_plainly" for kind in ("minutes", "report", "plan")}


def _handler(key, table=HANDLERS):
    import importlib

    module, function = table[key].split(":")
    return getattr(importlib.import_module(f"chibo.cli.{module}"), function)


def _read_plainly(key, handler, args, folder) -> int | None:
    """A list command on a book at this chibo's schema: read with sqlite3 alone, beside a chibo
    that has it open (WAL). None when the book must first be opened the usual way: new, older or
    damaged (that opening migrates it or says what is wrong), or not yet checked and backed up
    today (the day's first command does that, as the app's opening does)."""
    from chibo.errors import ChiboError, is_damaged_database
    from chibo.store.backup import backed_up_today, damaged_pages
    from chibo.store.reader import StaleSchemaError, open_reader

    database = paths.database_path(folder)
    if not backed_up_today(paths.backup_dir(folder)):
        return None
    try:
        reader = open_reader(database)
    except (StaleSchemaError, ChiboError):
        return None
    with reader:
        if not reader.local_unit_id:
            return None
        try:
            return handler(reader, args)
        except Exception as error:
            if is_damaged_database(error) and not isinstance(error, ChiboError):
                raise damaged_pages(database, paths.backup_dir(folder), error) from error
            raise


def _dispatch(args, folder) -> int:
    if args.command == "restore":
        from chibo.cli import maintenance

        return maintenance.restore(folder, args)
    if args.command == "backup" and args.list:  # works on a book too damaged to open
        from chibo.cli import maintenance

        return maintenance.backup_list(folder, args)
    key = (args.command, getattr(args, "action", None))
    if key in PLAIN_FIRST:
        done = _handler(key, PLAIN_FIRST)(folder, args)
        if done is not None:
            return done
    handler = _handler(key)
    if key in READER_COMMANDS:
        done = _read_plainly(key, handler, args, folder)
        if done is not None:
            return done
    from chibo.store.book import Book

    no_book = ChiboError(f"Thư mục {folder} chưa có sổ nào. Hãy chạy “chibo init --name …” (hoặc “chibo demo” để thử).")
    starts_a_book = args.command in ("init", "demo", "import", "restore-request")
    backups = paths.backup_dir(folder)
    if not starts_a_book and not folder.is_file() and not (folder / "chibo.sqlite").exists() and not (
            backups.is_dir() and any(backups.iterdir())):  # a vanished book with backups: the opening says so
        raise no_book  # said before anything is made: a command that only reads leaves no empty book behind
    with (Book.open_for_reading(folder) if reads_only(args) else Book.open(folder)) as book:
        for warning in book.warnings:
            print(f"chibo: cảnh báo: {warning}", file=sys.stderr)
        # A new computer asks for its book and takes it back into an empty folder.
        if not starts_a_book and not book.local_unit_id:
            raise no_book
        if key in READER_COMMANDS:  # opened (and migrated) the usual way; read as on a current book
            from chibo.store.reader import open_reader

            with open_reader(book.database) as reader:
                return handler(reader, args)
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
    desktop = args.command is None and not getattr(args, "smoke", False)
    try:
        if args.command is None:
            from chibo.ui.app import run_app

            return run_app(folder, smoke=args.smoke)
        return _dispatch(args, folder)
    except ChiboError as exc:  # the message may quote what was typed (a name, a date): not for the log
        log.warning("refused: %s (%s)", type(exc).__name__, exc.detail)
        return _say(f"chibo: {exc.message}", desktop)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `chibo members list | head`: the reader left, nothing went wrong
        sys.stderr.close()
        return 0
    except Exception as exc:
        from chibo.errors import disk_full, is_disk_full

        if is_disk_full(exc):
            log.warning("refused: disk full (%s)", type(exc).__name__)
            return _say(f"chibo: {disk_full(folder).message}", desktop)
        log.exception("unexpected failure")
        return _say("chibo: đã xảy ra lỗi ngoài dự kiến; dữ liệu không bị thay đổi. "
                    f"Chi tiết được ghi trong nhật ký ở {paths.log_dir(folder)}.", desktop)


def _say(sentence: str, desktop: bool) -> int:
    """The refusal on stderr; for the desktop app also in a box, since chibo.exe (and a launcher
    icon on Linux) has no terminal: a failure before the window opened would show nothing at all."""
    if sys.stderr is not None:
        print(sentence, file=sys.stderr)
    if desktop:
        show_failure_box(sentence.removeprefix("chibo: "))
    return 1


def show_failure_box(text: str) -> None:
    """Windows' own message box (it needs no Qt: Qt may be what failed to load); elsewhere Qt's, when
    an application object already exists to show it."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, "chibo", 0x10)  # MB_ICONERROR | MB_OK
        return
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is not None:
        QMessageBox.critical(None, "chibo", text)
