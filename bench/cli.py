"""The command line's read commands and `print minutes`, whole process, against floors measured in
the same run, interleaved (a busy moment hits all of them): a bare `python -c pass`, a plain
sqlite3 + json script that dumps the member table, and (for a paper built for the first time) a
plain ReportLab script that writes a one-page PDF with chibo's font. Printed, never asserted.

    .venv/bin/python bench/cli.py [RUNS] [--books DIR]      (default 9 runs; DIR as bench/startup.py's)

Goals (issue 18): `members list --json` and `sessions list --json` at most 0.4 s, `print minutes`
at most 0.6 s, here.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import make_books

PLAIN_SQLITE = """
import json, sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
rows = connection.execute("SELECT id, full_name, birth_year, ethnicity, position FROM member WHERE deleted_at IS NULL")
json.dump([dict(zip(("id", "full_name", "birth_year", "ethnicity", "position"), r)) for r in rows], sys.stdout,
          ensure_ascii=False, indent=2)
"""

PLAIN_REPORTLAB = """
import sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from chibo.reports.fonts import register_fonts
page = canvas.Canvas(sys.argv[1], pagesize=A4)
page.setFont(register_fonts(), 14)
page.drawString(100, 750, "BIÊN BẢN SINH HOẠT CHI BỘ ĐỊNH KỲ THÁNG 6 NĂM 2026")
page.save()
"""


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed: {result.stderr[-1500:]}")
    return time.perf_counter() - start


def summary(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:5.0f} ms ({min(values) * 1000:.0f}–{max(values) * 1000:.0f})"


def latest_issued_minutes(folder: Path) -> str:
    import sqlite3

    connection = sqlite3.connect(folder / "chibo.sqlite")
    try:
        return connection.execute("SELECT record_id FROM issued_paper WHERE paper = 'minutes' AND file_name != ''"
                                  " ORDER BY issued_on DESC LIMIT 1").fetchone()[0]
    finally:
        connection.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("runs", nargs="?", type=int, default=9)
    parser.add_argument("--books", type=Path)
    args = parser.parse_args()
    keep = args.books or Path(tempfile.mkdtemp(prefix="chibo-bench-"))
    books = make_books(keep)
    chibo = [sys.executable, "-m", "chibo"]
    work = Path(tempfile.mkdtemp(prefix="chibo-cli-"))
    try:
        fresh = work / "fresh"  # a copy whose minutes are issued anew each run (--new): build, number, archive
        shutil.copytree(books["demo"], fresh, ignore=shutil.ignore_patterns("chibo.lock"))
        cases = {"python -c pass": [sys.executable, "-c", "pass"],
                 "plain sqlite3 + json (members)": [sys.executable, "-c", PLAIN_SQLITE,
                                                    str(books["demo"] / "chibo.sqlite")],
                 "plain ReportLab, one page": [sys.executable, "-c", PLAIN_REPORTLAB, str(work / "plain.pdf")]}
        for name, folder in books.items():
            session = latest_issued_minutes(folder)
            cases |= {
                f"chibo members list --json ({name})": [*chibo, "--data-dir", folder, "members", "list", "--json"],
                f"chibo sessions list --json ({name})": [*chibo, "--data-dir", folder, "sessions", "list", "--json"],
                f"chibo print minutes, printed again ({name})": [*chibo, "--data-dir", folder, "print", "minutes",
                                                                  session[:8], "--out", str(work / f"{name}.pdf")],
            }
        cases["chibo print minutes --new, built and issued (demo)"] = [
            *chibo, "--data-dir", fresh, "print", "minutes", latest_issued_minutes(fresh)[:8], "--new",
            "--out", str(work / "new.pdf")]
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, command in cases.items():
                times[name].append(timed([str(part) for part in command]))
        base = statistics.median(times["python -c pass"])
        print(f"whole process, median of {args.runs} runs (range); goals: lists ≤ 400 ms, print minutes ≤ 600 ms")
        for name, values in times.items():
            print(f"  {name:<52} {summary(values)}   {statistics.median(values) / base:4.1f}× python -c pass")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if not args.books:
            shutil.rmtree(keep, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
