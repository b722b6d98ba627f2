"""Benchmarks: figures and ratios, printed, never asserted (shared machines are noisy).

    .venv/bin/python bench/run.py

- start-up of the command line (`chibo --version`, `chibo members list` on a demo book);
- demo generation;
- member import of 10,000 rows against raw sqlite3.executemany of the same rows (ratio);
- sorting and searching 10,000 members;
- printing: the minutes of a demo session, and the sign-in sheet of a 300-member cell.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from chibo.services import member_import
from chibo.services.demo import build_demo
from chibo.services.demo_names import PEOPLES
from chibo.services.members import list_members
from chibo.services.units import init_book
from chibo.store.book import Book
from chibo.text import fold, matches, name_sort_key
from chibo.text.collation import text_sort_key

ROWS = 10_000


def timed(fn, repeat=1):
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def cli_startup(folder: Path) -> None:
    exe = Path(sys.executable).with_name("chibo")
    bare, _ = timed(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), 5)
    version, _ = timed(lambda: subprocess.run([exe, "--version"], check=True, capture_output=True), 5)
    listing, _ = timed(lambda: subprocess.run([exe, "--data-dir", folder, "members", "list", "--json"],
                                              check=True, capture_output=True), 5)
    print(f"start-up: python -c pass {bare * 1000:.0f} ms; chibo --version {version * 1000:.0f} ms "
          f"({version / bare:.1f}× bare python); chibo members list --json (demo) {listing * 1000:.0f} ms")


def names(count: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    result = []
    for _ in range(count):
        families, male_mid, female_mid, male_given, female_given = PEOPLES[rng.choice(list(PEOPLES))]
        female = rng.random() < 0.4
        result.append(" ".join((rng.choice(families), rng.choice(female_mid if female else male_mid),
                                rng.choice(female_given if female else male_given))))
    return result


def import_vs_executemany(tmp: Path) -> None:
    people = names(ROWS)
    csv_path = tmp / "ds.csv"
    lines = ["Họ và tên;Ngày sinh;Số thẻ đảng viên;Ngày vào Đảng"]
    births = [date(1950, 1, 1) + timedelta(days=i) for i in range(ROWS)]  # distinct: no name+birth duplicates
    lines += [f"{n};{b:%d/%m/%Y};{10_000_000 + i};01/01/2015" for i, (n, b) in enumerate(zip(people, births, strict=True))]
    csv_path.write_text("\n".join(lines), encoding="utf-8")

    def chibo_import():
        folder = tmp / f"imp-{uuid.uuid4().hex[:6]}"
        with Book.open(folder) as book:
            init_book(book, name="Chi bộ thử")
            start = time.perf_counter()
            with book.session() as db:
                preview = member_import.read_member_file(db, csv_path)
                member_import.commit_import(db, preview)
            return time.perf_counter() - start

    def raw_executemany():
        folder = tmp / f"raw-{uuid.uuid4().hex[:6]}"
        with Book.open(folder) as book:
            init_book(book, name="Chi bộ thử")
            unit = book.local_unit_id
        conn = sqlite3.connect(folder / "chibo.sqlite")
        conn.execute("PRAGMA synchronous=FULL")
        now = datetime.now(UTC).isoformat()
        start = time.perf_counter()
        members, changes = [], []
        for i, n in enumerate(people):
            mid = str(uuid.uuid4())
            members.append((mid, unit, 2 * i + 1, now, n, "", births[i].isoformat(), births[i].year, "",
                            str(10_000_000 + i), "2015-01-01", None, "", "dang_vien", ""))
            changes.append((str(uuid.uuid4()), unit, 2 * i + 2, now, mid, "chinh_thuc", "2015-01-01", "", ""))
        with conn:
            conn.executemany("INSERT INTO member (id, unit_id, rev, updated_at, full_name, sex, birth_date, birth_year, "
                             "ethnicity, card_number, admitted_on, official_on, phone, position, note) "
                             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", members)
            conn.executemany("INSERT INTO member_status_change (id, unit_id, rev, updated_at, member_id, status, "
                             "effective_on, left_reason, note) VALUES (?,?,?,?,?,?,?,?,?)", changes)
        elapsed = time.perf_counter() - start
        conn.close()
        return elapsed

    ours = statistics.median(chibo_import() for _ in range(3))
    floor = statistics.median(raw_executemany() for _ in range(3))
    print(f"member import, {ROWS:,} rows: chibo {ours:.2f} s (read, check, duplicates, insert) vs raw executemany "
          f"{floor:.3f} s: ratio {ours / floor:.1f}×")


def sort_and_search(tmp: Path) -> None:
    people = names(ROWS, seed=9)
    name_sort_key.cache_clear()
    text_sort_key.cache_clear()
    sort_time, _ = timed(lambda: sorted(people, key=name_sort_key))
    fold.cache_clear()
    search_time, found = timed(lambda: [n for n in people if matches("giang pao", n)])
    print(f"sort {ROWS:,} names (cold keys) {sort_time * 1000:.0f} ms; accent-blind search {search_time * 1000:.0f} ms "
          f"({len(found)} found)")
    folder = tmp / "register"
    with Book.open(folder) as book:
        init_book(book, name="Chi bộ thử")
        csv_path = tmp / "people.csv"
        csv_path.write_text("Họ và tên;Số thẻ đảng viên\n" + "\n".join(f"{n};{30_000_000 + i}" for i, n in enumerate(people)),
                            encoding="utf-8")
        with book.session() as db:
            member_import.commit_import(db, member_import.read_member_file(db, csv_path))
        with book.session() as db:
            listing, rows = timed(lambda: list_members(db), 3)
            query, hits = timed(lambda: list_members(db, query="nguyen thi huong"), 3)
    print(f"register of {len(rows):,} members: list in given-name order {listing * 1000:.0f} ms; "
          f"search “nguyen thi huong” {query * 1000:.0f} ms ({len(hits)} found)")


def printing(tmp: Path, demo_dir: Path) -> None:
    from chibo.reports.attendance_sheet import build_attendance_sheet
    from chibo.reports.minutes import build_minutes
    from chibo.services.sessions import create_session, list_sessions

    with Book.open(demo_dir) as book, book.session() as db:
        session = list_sessions(db)[0]
        first, _ = timed(lambda: build_minutes(db, session.id))  # fonts registered, modules imported
        minutes, pdf = timed(lambda: build_minutes(db, session.id), 5)
    folder = tmp / "big-cell"
    with Book.open(folder) as book:
        init_book(book, name="Chi bộ thử", superior_name="Đảng bộ xã thử", place_name="Thử")
        csv_path = tmp / "300.csv"
        births = [date(1950, 1, 1) + timedelta(days=37 * i) for i in range(300)]  # distinct: no duplicates
        rows = (f"{n};{b:%d/%m/%Y}" for n, b in zip(names(300, 3), births, strict=True))
        csv_path.write_text("Họ và tên;Ngày sinh\n" + "\n".join(rows), encoding="utf-8")
        with book.session() as db:
            member_import.commit_import(db, member_import.read_member_file(db, csv_path))
            session_id = create_session(db, kind="thuong_ky", held_on=date.today()).id
        with book.session() as db:
            sheet, sheet_pdf = timed(lambda: build_attendance_sheet(db, session_id), 3)
    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(sheet_pdf)).pages)
    print(f"printing: minutes {minutes * 1000:.0f} ms ({len(pdf) // 1024} KB; first build with font loading "
          f"{first * 1000:.0f} ms); sign-in sheet of 300 members {sheet * 1000:.0f} ms ({pages} pages, "
          f"{len(sheet_pdf) // 1024} KB)")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        demo_dir = tmp / "demo"
        with Book.open(demo_dir) as book:
            elapsed, summary = timed(lambda: build_demo(book, seed=1))
        print(f"demo generation: {summary.members} members, {summary.sessions} sessions in {elapsed:.2f} s")
        cli_startup(demo_dir)
        import_vs_executemany(tmp)
        sort_and_search(tmp)
        printing(tmp, demo_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
