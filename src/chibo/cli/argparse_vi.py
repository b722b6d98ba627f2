"""argparse in Vietnamese: its own words ("usage:", "invalid choice", "the following arguments are
required", "show this help message and exit" …) come from a catalogue here.

argparse looks every message up through the module's `_` (gettext) and `ngettext` when it builds a
parser, parses or formats help. A gettext catalogue would follow the system's locale (English on
most Windows PCs of the communes), so `VietnameseParser` swaps argparse's two look-up functions for
this catalogue's, only while its own methods run, and puts them back after: no other user of
argparse in the process (pytest, say) is touched. A test checks that every message of the running
Python's argparse is in the catalogue.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager

MESSAGES = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "show program's version number and exit": "in số phiên bản rồi thoát",
    " (default: %(default)s)": " (mặc định: %(default)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi cú pháp lệnh: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: cảnh báo: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "còn thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không có: %(value)r (chọn một trong: %(choices)s)",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "lựa chọn không có: %(value)r, có phải là %(closest)r? (chọn một trong: %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ",
    "expected one argument": "cần một giá trị theo sau",
    "expected at most one argument": "chỉ nhận nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ, có thể là: %(matches)s",
    "not allowed with argument %s": "không dùng được cùng với %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị %r",
    "can't open '%(filename)s': %(error)s": "không mở được “%(filename)s”: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
    "argument \"-\" with mode %r": "tham số \"-\" với chế độ %r",
    "command '%(parser_name)s' is deprecated": "lệnh “%(parser_name)s” sẽ bị bỏ",
    "option '%(option)s' is deprecated": "tùy chọn “%(option)s” sẽ bị bỏ",
    "argument '%(argument_name)s' is deprecated": "tham số “%(argument_name)s” sẽ bị bỏ",
    # Mistakes in building a parser (a programmer's, not a user's), in Vietnamese all the same.
    "%r is not callable": "%r không gọi được",
    "'required' is an invalid argument for positionals": "tham số theo vị trí không nhận “required”",
    ".__call__() not defined": ".__call__() chưa được định nghĩa",
    "cannot have multiple subparser arguments": "không thể có hai nhóm lệnh con",
    "cannot merge actions - two groups are named %r": "không gộp được: hai nhóm cùng tên %r",
    "conflicting subparser alias: %s": "trùng tên gọi khác của lệnh con: %s",
    "conflicting subparser: %s": "trùng lệnh con: %s",
    "dest= is required for options like %r": "cần dest= cho tùy chọn như %r",
    "invalid conflict_resolution value: %r": "giá trị conflict_resolution không hợp lệ: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r":
        "tùy chọn %(option)r không hợp lệ: phải bắt đầu bằng ký tự %(prefix_chars)r",
    "mutually exclusive arguments must be optional": "các tham số loại trừ nhau phải là tùy chọn",
}
PLURAL_MESSAGES = {
    ("expected %s argument", "expected %s arguments"): "cần %s giá trị",
    ("conflicting option string: %s", "conflicting option strings: %s"): "trùng tùy chọn: %s",
}


def translate(message: str) -> str:
    return MESSAGES.get(message, message)


def translate_plural(singular: str, plural: str, count: int) -> str:
    return PLURAL_MESSAGES.get((singular, plural), singular if count == 1 else plural)


@contextmanager
def vietnamese():
    """argparse speaking Vietnamese for the duration of the block (re-entrant)."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = translate, translate_plural
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class VietnameseFormatter(argparse.RawDescriptionHelpFormatter):
    """Help laid out as argparse does, the examples under it kept line by line."""


class VietnameseParser(argparse.ArgumentParser):
    """An ArgumentParser whose every message is Vietnamese; a usage error exits 2 with the usage,
    as argparse does, and the reason once."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", VietnameseFormatter)
        with vietnamese():  # the -h option's help and the section titles are made here
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs):
        kwargs.setdefault("parser_class", type(self))
        with vietnamese():
            return super().add_subparsers(**kwargs)

    def parse_args(self, args=None, namespace=None):
        with vietnamese():  # "unrecognized arguments" is said here, after parse_known_args
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with vietnamese():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with vietnamese():
            return super().format_usage()

    def format_help(self) -> str:
        with vietnamese():
            return super().format_help()

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi cú pháp lệnh: {message}\n")
