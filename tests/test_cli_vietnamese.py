"""The command line speaks Vietnamese throughout: argparse's own words translated, help on every
option with examples that fit, each error said once; read-only commands run beside the open app;
`--out` without an ending gets .pdf."""

from __future__ import annotations

import argparse
import ast
import inspect
import json
import re
import subprocess
import sys

import pytest

from chibo.cli.argparse_vi import MESSAGES, PLURAL_MESSAGES
from chibo.cli.main import main
from chibo.cli.parser import build_parser
from conftest import copy_book_files


def argparse_messages() -> tuple[set[str], set[tuple[str, str]]]:
    """Every message the running Python's argparse looks up through gettext."""
    tree = ast.parse(inspect.getsource(argparse))
    singles, plurals = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if node.func.id == "_" and texts:
                singles.add(texts[0])
            elif node.func.id == "ngettext" and len(texts) == 2:
                plurals.add((texts[0], texts[1]))
    return singles, plurals


def english_words() -> set[str]:
    """The words argparse would print in English, and a few a hurried help text might use."""
    singles, plurals = argparse_messages()
    text = " ".join([*singles, *(p for pair in plurals for p in pair)])
    text = re.sub(r"%\([a-z_]+\)[rs]|%[rs]", " ", text)
    words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)}
    return words | {"file", "folder", "directory", "default", "command", "commands", "optional", "positional"}


ENGLISH = english_words()


def commands(parser: argparse.ArgumentParser, path=()):
    """(words, parser) for the whole tree of commands."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from commands(child, (*path, name))


COMMAND_NAMES = {word for path, _parser in commands(build_parser()) for word in path}


def english_in(text: str) -> set[str]:
    """English words left once what a person types literally is taken out: option names
    (--json), command names (members, print …), the role values (cell, receiving)."""
    found = set()
    for line in text.splitlines():
        line = re.sub(r"(?<![\w/])-{1,2}[a-z][a-z-]*", " ", line)  # --json, -h
        line = re.sub(r"'(?:cell|receiving)'|\bcell:|\breceiving:", " ", line)
        words = line.split()
        if "chibo" in words or (words and words[0] in COMMAND_NAMES):
            line = " ".join(w for w in words if w.strip("{},'") not in COMMAND_NAMES)
        found |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", line) if w.lower() in ENGLISH}
    return found


def run(capsys, *argv) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def test_every_argparse_message_of_this_python_has_vietnamese():
    singles, plurals = argparse_messages()
    assert singles - MESSAGES.keys() == set()
    assert plurals - PLURAL_MESSAGES.keys() == set()


def test_the_english_word_list_catches_argparse_english():
    assert {"usage", "positional", "arguments", "options", "invalid", "choice", "required", "expected",
            "unrecognized", "show", "help", "exit"} <= ENGLISH
    assert english_in("usage: chibo members list [-h] [--json]\n  -h, --help  show this help message and exit") == {
        "usage", "show", "this", "help", "message", "and", "exit"}


def test_every_help_is_vietnamese_and_every_option_has_help(capsys, tmp_path):
    seen = 0
    for path, parser in commands(build_parser()):
        for action in parser._actions:
            assert action.help, f"chibo {' '.join(path)} {action.option_strings or action.dest} has no help"
        code, out, err = run(capsys, "--data-dir", str(tmp_path), *path, "--help")
        assert code == 0 and err == "" and out.startswith("cách dùng: chibo"), path
        assert english_in(out) == set(), (path, english_in(out), out)
        if path and not any(isinstance(a, argparse._SubParsersAction) for a in parser._actions):
            examples = out.split("\nví dụ:\n")[1].splitlines()  # examples of this very command
            assert examples and all(e.startswith("  chibo ") and " ".join(path) in e for e in examples), path
        seen += 1
    assert seen >= 27  # the app, 14 commands and their 12 sub-commands (more as commands are added)


def test_each_paper_shows_its_own_number_in_the_help(capsys):
    for kind, number in (("minutes", "05-BB/CB"), ("report", "03-BC/CB"), ("plan", "02-KH/CB")):
        _, out, _ = run(capsys, "print", kind, "--help")
        assert f"ví dụ {number}" in out and f"--number {number}" in out
        assert {"05-BB/CB", "03-BC/CB", "02-KH/CB"} - {number} & set(re.findall(r"\d\d-\w+/CB", out)) == set()


WRONG = [
    (["frobnicate"], "chibo: lỗi cú pháp lệnh: tham số LỆNH: lựa chọn không có: 'frobnicate' (chọn một trong: 'init', "),
    (["members"], "chibo members: lỗi cú pháp lệnh: còn thiếu tham số bắt buộc: VIỆC"),
    (["members", "lsit"], "chibo members: lỗi cú pháp lệnh: tham số VIỆC: lựa chọn không có: 'lsit' (chọn một trong: "
                          "'list', 'import')"),
    (["members", "list", "--jsn"], "chibo: lỗi cú pháp lệnh: không hiểu tham số: --jsn"),
    (["init"], "chibo init: lỗi cú pháp lệnh: còn thiếu tham số bắt buộc: --name"),
    (["init", "--name"], "chibo init: lỗi cú pháp lệnh: tham số --name: cần một giá trị theo sau"),
    (["init", "--name", "Chi bộ A", "--role", "huyen"],
     "chibo init: lỗi cú pháp lệnh: tham số --role: lựa chọn không có: 'huyen' (chọn một trong: 'cell', 'receiving')"),
    (["demo", "--seed", "abc"], "chibo demo: lỗi cú pháp lệnh: tham số --seed: “abc” không phải một số nguyên"),
    (["demo", "--m", "3"], "chibo demo: lỗi cú pháp lệnh: tùy chọn --m chưa rõ, có thể là: --members, --months"),
    (["sessions", "list", "--year", "20x6"],
     "chibo sessions list: lỗi cú pháp lệnh: tham số --year: “20x6” không phải một số nguyên"),
    (["print", "minutes"], "chibo print minutes: lỗi cú pháp lệnh: còn thiếu tham số bắt buộc: MÃ_BUỔI"),
    (["print", "report", "abcd", "--date", "31/02/2026"],
     "chibo print report: lỗi cú pháp lệnh: tham số --date: “31/02/2026” không phải ngày có thật (ngày/tháng/năm)"),
    (["print", "letter", "abcd"], "chibo print: lỗi cú pháp lệnh: tham số GIẤY_TỜ: lựa chọn không có: 'letter' "),
    (["import"], "chibo import: lỗi cú pháp lệnh: còn thiếu tham số bắt buộc: TỆP_HOẶC_THƯ_MỤC"),
    (["backup", "--to"], "chibo backup: lỗi cú pháp lệnh: tham số --to: cần một giá trị theo sau"),
    (["--data-dir"], "chibo: lỗi cú pháp lệnh: tham số --data-dir: cần một giá trị theo sau"),
]


@pytest.mark.parametrize("argv, message", WRONG, ids=[" ".join(a) for a, _ in WRONG])
def test_wrong_invocations_are_said_once_in_vietnamese(capsys, tmp_path, argv, message):
    code, out, err = run(capsys, "--data-dir", str(tmp_path), *argv) if argv != ["--data-dir"] else run(capsys, *argv)
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("cách dùng: chibo") and lines[-1].startswith(message)
    assert sum("lỗi cú pháp lệnh" in line for line in lines) == 1
    assert english_in(err) == set()


def test_refusals_of_the_commands_are_vietnamese(capsys, demo_template, tmp_path):
    folder = copy_book_files(demo_template, tmp_path / "demo")
    files = tmp_path / "tep"  # the test's own folder name is English: it would be found in the messages
    files.mkdir()
    for argv, message in (
        (["members", "import", str(files)], f"chibo: {files} là một thư mục, không phải tệp."),
        (["members", "import", str(files / "khong-co.xlsx")], "chibo: Không tìm thấy tệp"),
        (["sessions", "show", "ab"], "chibo: Mã buổi sinh hoạt “ab” quá ngắn"),
        (["documents", "show", "zzzz"], "chibo: Không có văn bản nào có số, ký hiệu hay mã “zzzz”."),
        (["verify", str(files / "khong-co.chibo")], "chibo: "),
    ):
        code, out, err = run(capsys, "--data-dir", str(folder), *argv)
        assert code == 1 and out == "" and err.startswith(message), (argv, err)
        assert err.count("chibo:") == 1 and english_in(err.replace(str(tmp_path), "")) == set(), err


def test_a_rejected_bundle_is_said_once_on_stderr(capsys, tmp_path):
    folder = str(tmp_path / "commune")
    run(capsys, "--data-dir", folder, "init", "--name", "Đảng ủy xã Sơn Cao", "--role", "receiving")
    bundle = tmp_path / "BANNAMCAY-1-20261105.chibo"
    bundle.write_bytes(b"PK\x03\x04 not a bundle")
    code, out, err = run(capsys, "--data-dir", folder, "import", str(bundle))
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("chibo: BANNAMCAY-1-20261105.chibo: ")


def test_out_without_an_ending_gets_pdf(capsys, demo_template, tmp_path):
    folder = copy_book_files(demo_template, tmp_path / "demo")
    _, out, _ = run(capsys, "--data-dir", str(folder), "sessions", "list", "--json")
    session_id = json.loads(out)[0]["id"]
    for given, written in (("bienban", "bienban.pdf"), ("bb-05.10.2026", "bb-05.10.2026.pdf"),
                           ("danh-sach.PDF", "danh-sach.PDF")):
        code, out, _ = run(capsys, "--data-dir", str(folder), "print", "attendance", session_id[:8], "--out",
                           str(tmp_path / given))
        assert code == 0 and out.strip() == str(tmp_path / written)
        assert (tmp_path / written).read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "bienban").exists()


READ_WHILE_OPEN = """
import sys, time
from chibo.store.book import Book
book = Book.open(sys.argv[1])  # as the app holds it: the lock taken, the book open
print("open", flush=True)
sys.stdin.readline()
book.close()
"""


def test_read_only_commands_run_while_the_app_has_the_book_open(capsys, demo_template, tmp_path):
    folder = copy_book_files(demo_template, tmp_path / "demo")
    sheet = tmp_path / "ds.csv"
    sheet.write_text("Họ và tên,Ngày sinh\nLò Văn Mới,01/01/1990\n", encoding="utf-8")
    app = subprocess.Popen([sys.executable, "-c", READ_WHILE_OPEN, str(folder)], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, text=True)
    try:
        assert app.stdout.readline().strip() == "open"
        for argv in (["members", "list", "--json"], ["sessions", "list"], ["documents", "list"], ["plans", "list"],
                     ["members", "import", str(sheet), "--dry-run"]):
            code, out, err = run(capsys, "--data-dir", str(folder), *argv)
            assert code == 0 and err == "" and out, argv
        _, out, _ = run(capsys, "--data-dir", str(folder), "sessions", "list", "--json")
        session_id = json.loads(out)[0]["id"][:8]
        code, _, err = run(capsys, "--data-dir", str(folder), "sessions", "show", session_id)
        assert code == 0
        for argv in (["members", "import", str(sheet)], ["backup"]):  # writers wait for the app to close
            code, out, err = run(capsys, "--data-dir", str(folder), *argv)
            assert code == 1 and err == ("chibo: Chibo đang mở sổ này ở một cửa sổ hoặc lệnh khác. Hãy đóng cửa sổ đó "
                                         "rồi thử lại.\n"), argv
    finally:
        app.communicate("\n", timeout=30)
    code, out, _ = run(capsys, "--data-dir", str(folder), "members", "import", str(sheet))
    assert code == 0 and out == "Đã nhập 1 đảng viên từ ds.csv (1 chính thức).\n"
