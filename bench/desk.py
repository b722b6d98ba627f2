"""The commune's desk on many cells: the import with its desk notes (arrivals, review row, checks),
who has reported (`completeness`) against a hand-written SQL of the same month's arrivals, the
review list, and the papers (the list of cells not reported, the consolidated report on every
document, its Excel file). Printed, never asserted.

    .venv/bin/python bench/desk.py [CELLS]     (default 100; each 35 members, 5 years)

The cells are copies of one 60-month demo cell under new ids and keys (`sync_import.cell_copies`),
each imported from its own signed bundle as an officer would, its fingerprint approved."""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sync_import import cell_copies, five_year_cell, import_all

from chibo.services.units import init_book
from chibo.store.book import Book

PERIOD = "2026-05"
# The same figures as `completeness` by hand, on a plain sqlite3 connection: the cells, when each
# started, the month's first arrivals, the documents with a deadline in the window and their first
# arrivals, each cell's secretary and deputy with their status today, the month's closing.
HAND_SQL = {
    "cells": """SELECT k.unit_id, k.name, k.first_seen_at, k.vouched_by,
                (SELECT MAX(b.received_at) FROM bundle_log b WHERE b.sender_unit_id = k.unit_id AND b.outcome = 'imported')
                FROM known_unit k LEFT JOIN unit u ON u.id = k.unit_id
                WHERE k.approval = 'approved' AND COALESCE(u.role, 'cell') != 'receiving'""",
    "started": "SELECT unit_id, MIN(held_on) FROM session WHERE deleted_at IS NULL GROUP BY unit_id",
    "month": """SELECT s.unit_id, MIN(a.received_at) FROM session s JOIN session_arrival a ON a.session_id = s.id
                WHERE s.deleted_at IS NULL AND s.held_on BETWEEN '2026-05-01' AND '2026-05-31' GROUP BY s.unit_id""",
    "deadlines": """SELECT unit_id, number_symbol, MIN(deadline) FROM document
                    WHERE deleted_at IS NULL AND deadline >= '2025-04-25' GROUP BY unit_id, number_symbol""",
    "documents": """SELECT s.unit_id, d.number_symbol, MIN(a.received_at) FROM session s
                    JOIN session_document sd ON sd.session_id = s.id JOIN document d ON d.id = sd.document_id
                    JOIN session_arrival a ON a.session_id = s.id
                    WHERE s.deleted_at IS NULL AND sd.deleted_at IS NULL AND d.number_symbol IN
                      (SELECT number_symbol FROM document WHERE deleted_at IS NULL AND deadline >= '2025-04-25')
                    GROUP BY s.unit_id, d.number_symbol""",
    "secretaries": """SELECT m.unit_id, m.position, m.full_name, m.phone,
                      (SELECT c.status FROM member_status_change c WHERE c.member_id = m.id AND c.deleted_at IS NULL
                       AND c.effective_on <= '2026-06-20' ORDER BY c.effective_on DESC, c.rev DESC LIMIT 1)
                      FROM member m WHERE m.deleted_at IS NULL AND m.position IN ('bi_thu', 'pho_bi_thu')""",
    "closed": "SELECT closed_at FROM closed_period WHERE period = '2026-05'",
}


def by_hand(connection) -> dict:
    return {name: connection.execute(sql).fetchall() for name, sql in HAND_SQL.items()}


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
        full = five_year_cell(tmp / "cell", stick)
        copies = tmp / "copies"
        copies.mkdir()
        paths = cell_copies(full.path, cells, copies)
        with Book.open(tmp / "commune") as book:
            init_book(book, name="Đảng ủy xã thử", role="receiving")
            start = time.perf_counter()
            import_all(book, paths)
            imported = time.perf_counter() - start
            print(f"{cells} cells imported (5 years each, desk notes included): {imported:.1f} s, "
                  f"{imported / cells * 1000:.0f} ms a cell")
            connection = sqlite3.connect(book.database)
            hand, rows = timed(lambda: by_hand(connection))
            connection.close()
            with book.session() as db:
                took, report = timed(lambda: completeness(db, PERIOD, date(2026, 6, 20)))
                month = report.period
                assert month.received == len(rows["month"]), (month.received, len(rows["month"]))
                print(f"completeness of {PERIOD} ({month.expected} cells, {len(report.documents)} documents with a "
                      f"deadline): {took * 1000:.0f} ms; the same figures by hand-written SQL {hand * 1000:.1f} ms; "
                      f"ratio {took / hand:.1f}×")
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
