"""The commune's desk on many cells: the import with its desk notes (arrivals, review row, checks),
who has reported (`completeness`) against a hand-written SQL of the same month's arrivals, the
review list, and the papers (the list of cells not reported, the consolidated report on every
document, its Excel file). Printed, never asserted.

    .venv/bin/python bench/desk.py [CELLS]     (default 100; each 35 members, 5 years)

The cells are copies of one 60-month demo cell under new ids and keys (`sync_import.cell_copies`),
each imported from its own signed bundle as an officer would, its fingerprint approved."""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sync_import import cell_copies

from chibo.services.demo import build_demo
from chibo.services.units import init_book
from chibo.store.book import Book
from chibo.sync.export import export_bundle
from chibo.sync.importer import import_bundle

PERIOD = "2026-05"
HAND_SQL = """
SELECT s.unit_id, MIN(a.received_at) FROM session s JOIN session_arrival a ON a.session_id = s.id
WHERE s.deleted_at IS NULL AND s.held_on BETWEEN '2026-05-01' AND '2026-05-31' GROUP BY s.unit_id
"""


def timed(work, repeat: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> int:
    from chibo.reports.consolidated import build_consolidated
    from chibo.reports.consolidated_xlsx import build_consolidated_xlsx
    from chibo.reports.missing_cells import build_missing_list
    from chibo.sync.completeness import completeness
    from chibo.sync.review import list_reviews
    from chibo.sync.summary import consolidated

    cells = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        stick = tmp / "usb"
        stick.mkdir()
        with Book.open(tmp / "cell") as book:
            build_demo(book, seed=3, months=60, today=date(2026, 6, 20))
            full = export_bundle(book, stick, full=True, unsealed=True)
        copies = tmp / "copies"
        copies.mkdir()
        paths = cell_copies(full.path, cells, copies)
        with Book.open(tmp / "commune") as book:
            init_book(book, name="Đảng ủy xã thử", role="receiving")
            start = time.perf_counter()
            for path in paths:
                with zipfile.ZipFile(path) as archive:
                    compared = json.loads(archive.read("manifest.json"))["signer_key_id"]
                assert import_bundle(book, path, approve={compared}).outcome == "imported"
            imported = time.perf_counter() - start
            print(f"{cells} cells imported (5 years each, desk notes included): {imported:.1f} s, "
                  f"{imported / cells * 1000:.0f} ms a cell")
            connection = sqlite3.connect(book.database)
            hand, rows = timed(lambda: connection.execute(HAND_SQL).fetchall())
            connection.close()
            with book.session() as db:
                took, report = timed(lambda: completeness(db, PERIOD, date(2026, 6, 20)))
                month = report.period
                assert month.received == len(rows), (month.received, len(rows))
                print(f"completeness of {PERIOD} ({month.expected} cells, {len(report.documents)} documents with a "
                      f"deadline): {took * 1000:.0f} ms; hand-written SQL of the month's arrivals {hand * 1000:.1f} ms; "
                      f"ratio {took / hand:.0f}× (the documents and the secretaries' phones are extra work)")
                took, reviews = timed(lambda: list_reviews(db, limit=500))
                print(f"review list ({len(reviews)} bundles): {took * 1000:.0f} ms")
                took, _ = timed(lambda: build_missing_list(db, report), repeat=1)
                print(f"list of cells not reported: {took * 1000:.0f} ms")
                took, (units, total) = timed(lambda: consolidated(db, date(2026, 6, 20)), repeat=1)
                print(f"summed figures (summary.consolidated): {took * 1000:.0f} ms")
                took, pdf = timed(lambda: build_consolidated(db, units, total, as_of=date(2026, 6, 20)), repeat=1)
                print(f"consolidated report on every document: {took * 1000:.0f} ms, {len(pdf) // 1024} KB")
                took, data = timed(lambda: build_consolidated_xlsx(db, units, total, as_of=date(2026, 6, 20)), repeat=1)
                print(f"its Excel file: {took * 1000:.0f} ms, {len(data) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
