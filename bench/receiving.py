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

import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from receiving_books import SIZES, receiving_books  # noqa: E402
from startup import BARE, run  # noqa: E402

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
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 2):
        raise RuntimeError(f"{command[2:]} failed: {result.stderr.strip()}")
    return elapsed, result.stdout if result.returncode == 0 else ""


def smoke_and_bare(folder: Path, runs: int, env: dict) -> tuple[float, float, float]:
    """(bare first paint, chibo spawn to first paint, chibo spawn to data) medians, interleaved."""
    bare, paint, data = [], [], []
    smoke_env = {**env, "CHIBO_DATA_DIR": str(folder)}
    for _ in range(runs):
        bare.append(run([sys.executable, "-c", BARE], env)[0])
        spawned = time.time()
        result = subprocess.run([sys.executable, "-m", "chibo", "--smoke"], env=smoke_env, capture_output=True,
                                text=True, check=True)
        lines = result.stdout.splitlines()
        paint.append(float(next(line.split()[1] for line in lines if line.startswith("first-paint-epoch"))) - spawned)
        data.append(_data_seconds(lines, spawned))
    return median(bare), median(paint), median(data)


def _data_seconds(lines: list[str], spawned: float) -> float:
    """Spawn to data on screen: the epoch `--smoke` prints once the data is painted, else its
    own count from the process's start (older chibo)."""
    for line in lines:
        if line.startswith("data-epoch"):
            return float(line.split()[1]) - spawned
    for line in lines:
        if "dữ liệu của sổ hiện sau" in line:
            return float(line.split("sau ")[1].split()[0])
    raise RuntimeError("chibo --smoke printed no data time:\n" + "\n".join(lines))


def page_times(folder: Path) -> dict[str, float]:
    """In this process: the window on the book, then each page from its click to its data shown."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from chibo.store.book import Book
    from chibo.ui.i18n import install_translations
    from chibo.ui.main_window import MainWindow
    from chibo.ui.operations import wait_for_jobs

    app = QApplication.instance() or QApplication([])
    install_translations(app, "vi")
    times = {}
    with Book.open(folder) as book:
        window = MainWindow(book)
        window.resize(1366, 768)
        window.show()
        start = time.perf_counter()
        window.load()
        _settle(app, wait_for_jobs)
        times["(first screen)"] = time.perf_counter() - start
        for row in range(1, window.navigation.count()):
            name = window.navigation.item(row).text()
            start = time.perf_counter()
            window.navigation.setCurrentRow(row)
            _settle(app, wait_for_jobs)
            times[name] = time.perf_counter() - start
        window.navigation.setCurrentRow(0)
        _settle(app, wait_for_jobs)
        window.close()
    return times


def _settle(app, wait_for_jobs) -> None:
    """Until no job runs and no event waits: the page's data is on screen."""
    for _ in range(50):
        app.processEvents()
        wait_for_jobs()
        app.processEvents()
        if not _jobs_running():
            return


def _jobs_running() -> bool:
    from PySide6.QtCore import QThreadPool

    from chibo.ui.operations import write_pool

    return QThreadPool.globalInstance().activeThreadCount() > 0 or write_pool().activeThreadCount() > 0


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
        argv, out = sys.argv, sys.stdout
        sys.argv, sys.stdout = ["floor", str(folder), date.today().isoformat()], open(os.devnull, "w")
        try:
            exec(FLOOR, namespace)
        finally:
            sys.stdout.close()
            sys.argv, sys.stdout = argv, out
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
            if {k: v for k, v in document["essays_by_grade"].items()} != {k: v for k, v in got.get("essays", {}).items()
                                                                            if k}:
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
        bare, paint, data = smoke_and_bare(folder, runs, env)
        summary = median(timed_process([sys.executable, "-m", "chibo", "--data-dir", str(folder), "summary", "--json"],
                                       env)[0] for _ in range(runs))
        floor = median(timed_process([sys.executable, "-c", FLOOR, str(folder), date.today().isoformat()], env)[0]
                       for _ in range(runs))
        completeness = [timed_process([sys.executable, "-m", "chibo", "--data-dir", str(folder), "completeness",
                                       "--json"], env) for _ in range(runs)]
        completeness = median(t for t, _ in completeness) if all(out for _, out in completeness) else None
        ours_in, floor_in = in_process(folder)
        pages = page_times(folder)
        results[cells] = {"bare": bare, "paint": paint, "data": data, "summary": summary, "floor": floor,
                          "completeness": completeness, "consolidated": ours_in, "floor_in": floor_in, **pages}
        print(f"\n{cells} cells ({folder}):")
        print(f"  bare window first paint {bare * 1000:.0f} ms; chibo --smoke: window {paint * 1000:.0f} ms, "
              f"data {data * 1000:.0f} ms = {data / bare:.2f}× bare (goal ≤ 3.5×)")
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
            a, b = results[small][key], results[large][key]
            if a and b:
                print(f"  {key}: {b / a:.2f}×  ({a * 1000:.0f} → {b * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
