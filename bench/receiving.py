"""A commune's book at scale: receiving books of 30, 100 and 300 cells (each 35 members, 60 months,
imported from real bundles: `receiving_books.py`, cached under /tmp), and what each costs.

For each size, in the same run (ratios, never absolute goals, on a shared machine):
- spawn to data: `chibo --smoke` from the process's spawn to the first data on screen, interleaved
  with a bare PySide6 window's spawn to first paint (`startup.py`'s measure); goal at most 3.5×;
- every page of the receiving book: from the click on its navigation entry to its data on screen,
  in one process (the window opened on the book first); goal under 1 s each;
- `chibo summary --json` (the whole process) against a hand-written SQL aggregate of the same
  figures run the same way (`python -c`, sqlite3 alone); in process, `consolidated()` against the
  same SQL; goal at most 3×; `chibo completeness --json` too where the command exists;
and how each cost grows from the smallest book to the largest (goal for start-up: well under linear).

    .venv/bin/python bench/receiving.py [RUNS] [CELLS ...]     (default 3 runs; 30 100 300)
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from receiving_books import SIZES, receiving_books
from startup import BARE, spawn

# The floor: the same figures as `chibo summary --json`, written by hand against the tables with
# sqlite3 alone. Bare-column MAX/MIN (SQLite picks the other columns from the row holding the
# extreme) instead of the window functions of services/aggregates.py, so the two are independent.
FLOOR = r"""
import json, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}/chibo.sqlite?mode=ro", uri=True)
as_of = sys.argv[2]
db.executescript('''
CREATE TEMP TABLE now (member_id TEXT PRIMARY KEY, unit_id TEXT, status TEXT, k TEXT);
INSERT INTO now SELECT c.member_id, c.unit_id, c.status, MAX(c.effective_on || printf('%012d', c.rev))
  FROM member_status_change c JOIN member m ON m.id = c.member_id AND m.deleted_at IS NULL
  WHERE c.deleted_at IS NULL AND c.effective_on <= 'AS_OF' GROUP BY c.member_id;
CREATE TEMP TABLE required (member_id TEXT PRIMARY KEY, unit_id TEXT);
INSERT INTO required SELECT member_id, unit_id FROM now WHERE status IN ('chinh_thuc', 'du_bi', 'sinh_hoat_tam');
'''.replace("AS_OF", as_of))
units = {u: {"members": 0, "required": 0, "sessions": 0, "documents": {}} for (u,) in db.execute(
    "SELECT unit_id FROM known_unit WHERE approval = 'approved'")}
for u, on_roll, required in db.execute(
        "SELECT unit_id, SUM(status != 'da_roi'), SUM(status IN ('chinh_thuc', 'du_bi', 'sinh_hoat_tam')) "
        "FROM now GROUP BY unit_id"):
    units[u]["members"], units[u]["required"] = on_roll, required
for u, n in db.execute("SELECT unit_id, COUNT(*) FROM session WHERE deleted_at IS NULL AND held_on <= ? "
                       "GROUP BY unit_id", (as_of,)):
    units[u]["sessions"] = n
symbols = {i: s for i, s in db.execute("SELECT id, number_symbol FROM document WHERE deleted_at IS NULL")}
for u, d, studied, makeup in db.execute('''
  SELECT r.unit_id, f.document_id, COUNT(*), SUM(f.kind = 'hoc_bu') FROM (
    SELECT sd.document_id, a.member_id, s.kind, MIN(s.held_on || printf('%012d', a.rev))
    FROM session_document sd CROSS JOIN session s ON s.id = sd.session_id CROSS JOIN attendance a ON a.session_id = s.id
    WHERE sd.deleted_at IS NULL AND s.deleted_at IS NULL AND a.deleted_at IS NULL AND a.state = 'co_mat'
      AND s.held_on <= ? GROUP BY sd.document_id, a.member_id) f
  JOIN required r ON r.member_id = f.member_id GROUP BY r.unit_id, f.document_id''', (as_of,)):
    units[u]["documents"][symbols[d]] = {"required": units[u]["required"], "studied": studied, "in_makeup": makeup}
for u, d, grade, n in db.execute('''
  SELECT r.unit_id, e.document_id, e.grade, COUNT(*) FROM essay e JOIN required r ON r.member_id = e.member_id
  WHERE e.deleted_at IS NULL GROUP BY r.unit_id, e.document_id, e.grade'''):
    units[u]["documents"].setdefault(symbols[d], {}).setdefault("essays", {})[grade] = n
for u, d, reached in db.execute("SELECT unit_id, document_id, SUM(audience) FROM outreach WHERE deleted_at IS NULL "
                                "AND document_id IS NOT NULL AND held_on <= ? GROUP BY unit_id, document_id", (as_of,)):
    units[u]["documents"].setdefault(symbols[d], {})["reached"] = reached
json.dump(units, sys.stdout)
"""


def median(values) -> float:
    return statistics.median(values)


def timed_process(command: list[str], env: dict) -> tuple[float, str]:
    """Seconds of the whole process, and what it printed ("" when the command does not exist: exit 2)."""
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 2):
        raise RuntimeError(f"{command[2:]} failed: {result.stderr.strip()}")
    return elapsed, result.stdout if result.returncode == 0 else ""


def smoke_and_bare(folder: Path, runs: int, env: dict) -> tuple[float, dict[str, float]]:
    """The bare window's first paint and chibo --smoke's marks (first-paint, data, book-open), the
    medians of `runs` interleaved runs, each from the spawn (bench/startup.py's measure)."""
    bare, marks = [], []
    for _ in range(runs):
        bare.append(spawn([sys.executable, "-c", BARE], env)["first-paint"])
        marks.append(spawn([sys.executable, "-m", "chibo", "--smoke"], {**env, "CHIBO_DATA_DIR": str(folder)}))
    return median(bare), {key: median(m[key] for m in marks) for key in marks[0]}


# In one process: the window on the book as the app opens it, then each page from its entry in the
# sidebar to its data on screen (the page's read done and shown, then painted).
PAGES = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from chibo.store.book import Book
from chibo.ui.i18n import install_translations
from chibo.ui.main_window import PAGES, MainWindow

install_translations(app, "vi")
book = Book.open(Path(sys.argv[1]))
times = {}
window = MainWindow(book)
window.resize(1366, 768)
start = time.perf_counter()
window.show()

def settled(name):
    return window.fills[name] and name not in window.stale and name not in window._loading

def wait(test, then):
    def poll():
        if test():
            app.processEvents()  # the data painted
            then(time.perf_counter())
        else:
            QTimer.singleShot(2, poll)
    poll()

def overview_done(now):
    times["Tổng quan (first rows)"] = now - start
    overview = window.overview
    if getattr(overview, "receiving", None) is not None:
        wait(lambda: getattr(overview, "study_filled", False), study_done)
    else:
        visit([spec.name for spec in PAGES[1:]])

def study_done(now):
    times["Tổng quan (study column filled)"] = now - start
    visit([spec.name for spec in PAGES[1:]])

def visit(names):
    if not names:
        return other_cell()
    name = names[0]
    t0 = time.perf_counter()
    window.show_page(name)
    label = window.navigation.item([s.name for s in PAGES].index(name)).text()
    def done(now):
        times[label] = now - t0
        visit(names[1:])
    wait(lambda: settled(name), done)

def other_cell():
    choice = window.cell_choice
    if len(choice.cells) < 2:
        return finish()
    window.show_page("sessions")
    t0 = time.perf_counter()
    before = window.fills["sessions"]
    choice.choose(choice.cells[-1])
    def done(now):
        times["Sinh hoạt, another cell chosen"] = now - t0
        finish()
    wait(lambda: window.fills["sessions"] > before and settled("sessions"), done)

def finish():
    print(json.dumps(times, ensure_ascii=False), flush=True)
    app.quit()

wait(lambda: settled("overview"), overview_done)
app.exec()
from chibo.ui.operations import wait_for_jobs
wait_for_jobs()
book.close()
"""


def page_times(folder: Path, env: dict) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", PAGES, str(folder)], env=env, capture_output=True, text=True,
                            timeout=600)
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("{")), None)
    if line is None:
        raise RuntimeError(f"the pages' probe failed: {result.stderr[-2000:]}")
    return json.loads(line)


def in_process(folder: Path) -> tuple[float, float]:
    """(consolidated() on an open book, the floor's SQL in this process) in seconds, best of three."""
    from chibo.store.book import Book
    from chibo.sync.summary import consolidated

    ours, floor = [], []
    with Book.open_for_reading(folder) as book:
        for _ in range(3):
            start = time.perf_counter()
            with book.session() as db:
                consolidated(db)
            ours.append(time.perf_counter() - start)
    for _ in range(3):
        start = time.perf_counter()
        namespace = {"__name__": "floor"}
        argv = sys.argv
        sys.argv = ["floor", str(folder), date.today().isoformat()]
        try:
            with open(os.devnull, "w") as nowhere, contextlib.redirect_stdout(nowhere):
                exec(FLOOR, namespace)
        finally:
            sys.argv = argv
        floor.append(time.perf_counter() - start)
    return min(ours), min(floor)


def check_agreement(folder: Path, env: dict) -> str:
    """The floor computes the same figures: compared with summary --json, unit by unit."""
    _, ours = timed_process([sys.executable, "-m", "chibo", "--data-dir", str(folder), "summary", "--json"], env)
    _, floor = timed_process([sys.executable, "-c", FLOOR, str(folder), date.today().isoformat()], env)
    ours, floor = json.loads(ours), json.loads(floor)
    for unit in ours["units"]:
        expected = floor[unit["id"]]
        if (unit["members"], unit["required"], unit["sessions"]) != (
                expected["members"], expected["required"], expected["sessions"]):
            return f"DISAGREE on {unit['name']}'s roll or sessions"
        for document in unit["documents"]:
            got = expected["documents"].get(document["number_symbol"], {})
            if (document["studied"], document["studied_in_makeup"]) != (got.get("studied", 0), got.get("in_makeup", 0)):
                return f"DISAGREE on {unit['name']} {document['number_symbol']}"
            if dict(document["essays_by_grade"]) != {k: v for k, v in got.get("essays", {}).items() if k}:
                return f"DISAGREE on {unit['name']} {document['number_symbol']} essays"
    return "the same figures"


def main() -> int:
    args = [int(a) for a in sys.argv[1:]]
    runs = args[0] if args else 3
    sizes = args[1:] or list(SIZES)
    books = receiving_books(sizes)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    results = {}
    for cells, folder in books.items():
        bare, marks = smoke_and_bare(folder, runs, env)
        summary = median(timed_process([sys.executable, "-m", "chibo", "--data-dir", str(folder), "summary", "--json"],
                                       env)[0] for _ in range(runs))
        floor = median(timed_process([sys.executable, "-c", FLOOR, str(folder), date.today().isoformat()], env)[0]
                       for _ in range(runs))
        completeness = [timed_process([sys.executable, "-m", "chibo", "--data-dir", str(folder), "completeness",
                                       "--json"], env) for _ in range(runs)]
        completeness = median(t for t, _ in completeness) if all(out for _, out in completeness) else None
        ours_in, floor_in = in_process(folder)
        pages = page_times(folder, env)
        results[cells] = {"bare window": bare, "chibo window": marks["first-paint"], "spawn to data": marks["data"],
                          "book open": marks["book-open"], "summary --json": summary, "SQL floor (process)": floor,
                          "completeness --json": completeness, "consolidated() in process": ours_in,
                          "SQL floor in process": floor_in, **pages}
        print(f"\n{cells} cells ({folder}), medians of {runs} runs:")
        print(f"  bare window first paint {bare * 1000:.0f} ms; chibo --smoke: window {marks['first-paint'] * 1000:.0f} ms,"
              f" data {marks['data'] * 1000:.0f} ms = {marks['data'] / bare:.2f}× bare (goal ≤ 3.5×), book open "
              f"{marks['book-open'] * 1000:.0f} ms")
        print(f"  summary --json {summary * 1000:.0f} ms vs hand-written SQL {floor * 1000:.0f} ms (both whole "
              f"processes): {summary / floor:.2f}× (goal ≤ 3×); agreement: {check_agreement(folder, env)}")
        print(f"  in process: consolidated() {ours_in * 1000:.0f} ms vs the same SQL {floor_in * 1000:.0f} ms: "
              f"{ours_in / floor_in:.2f}×")
        if completeness is not None:
            print(f"  completeness --json {completeness * 1000:.0f} ms: {completeness / floor:.2f}× the SQL floor")
        for name, seconds in pages.items():
            print(f"  page {name}: {seconds * 1000:.0f} ms{'' if seconds < 1 else '  (over 1 s)'}")
    if len(results) > 1:
        small, large = min(results), max(results)
        print(f"\ngrowth from {small} to {large} cells ({large / small:.0f}× the cells; 1.00 = flat, "
              f"{large / small:.0f} = linear):")
        for key in results[small]:
            a, b = results[small][key], results[large].get(key)
            if a and b:
                print(f"  {key}: {b / a:.2f}×  ({a * 1000:.0f} → {b * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
