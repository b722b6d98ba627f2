"""Import of many cells' report bundles at a receiving level, against raw sqlite3.executemany of
the same rows (the floor), and the sizes of a monthly and a full bundle. Printed, never asserted.

    .venv/bin/python bench/sync_import.py [CELLS]     (default 300; each 35 members, 5 years)

One demo cell of 60 months is built and exported in full; the other cells are copies of its
records under new ids, a new unit and new keys, each bundle signed by its own cell. The bundles are
not sealed (as with --unsealed), so the floor reads the same bytes; each new cell's key is
approved by its fingerprint as an officer would after comparing it."""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
import uuid
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

from chibo.services.demo import build_demo
from chibo.services.keys import UnitKeys
from chibo.services.units import init_book
from chibo.store.book import Book
from chibo.sync.bundle import canonical_json, gunzip_capped, write_bundle
from chibo.sync.export import export_bundle, pack
from chibo.sync.importer import import_bundle
from chibo.sync.payload import TABLES, content_hash


def cell_copies(source: Path, count: int, folder: Path) -> list[Path]:
    from nacl.public import PrivateKey
    from nacl.signing import SigningKey

    with zipfile.ZipFile(source) as archive:
        records = [json.loads(line) for line in gunzip_capped(archive.read("payload")).splitlines()]
    ids = {r["id"] for r in records}
    paths = []
    for k in range(count):
        space = uuid.UUID(int=k + 1)
        remap = {old: str(uuid.uuid5(space, old)) for old in ids}
        unit = SimpleNamespace(id=str(uuid.uuid5(space, "unit")), name=f"Chi bộ số {k + 1}", code=f"CB{k + 1:03d}",
                               superior_name="Đảng bộ xã thử")
        lines, counts = [], {}
        for record in records:
            fields = {name: (unit.id if name in ("unit_id",) or (record["table"] == "unit" and name == "id")
                             else remap.get(value, value) if (name == "id" or name.endswith("_id")) else value)
                      for name, value in record["fields"].items()}
            line = {"table": record["table"], "id": fields["id"], "rev": record["rev"], "hash": content_hash(fields),
                    "fields": fields}
            lines.append(canonical_json(line) + b"\n")
            counts[record["table"]] = counts.get(record["table"], 0) + 1
        keys = UnitKeys(SigningKey.generate(), PrivateKey.generate())
        parts = pack(keys, unit, lines, counts, seq=1, after_rev=0, upto_rev=len(lines), recipient=None,
                     now=datetime.now(UTC))
        path = folder / f"{unit.code}-1.chibo"
        write_bundle(path, *parts)
        paths.append(path)
    return paths


def floor(paths: list[Path], folder: Path, per_bundle: bool) -> tuple[float, int]:
    """The same rows through sqlite3.executemany into an empty receiving book, no checks at all:
    in one transaction for all bundles, or (`per_bundle`) one transaction per bundle, as the
    importer must (a bundle is all or nothing)."""
    with Book.open(folder) as book:
        init_book(book, name="Đảng ủy xã sàn", role="receiving")
    batches: list[dict[str, list]] = [{}]
    for path in paths:
        with zipfile.ZipFile(path) as archive:
            for line in gunzip_capped(archive.read("payload")).splitlines():
                record = json.loads(line)
                batches[-1].setdefault(record["table"], []).append(record["fields"])
        if per_bundle:
            batches.append({})
    connection = sqlite3.connect(folder / "chibo.sqlite")
    connection.execute("PRAGMA synchronous=FULL")
    start = time.perf_counter()
    total = 0
    for rows_by_table in batches:
        with connection:
            for table in TABLES:  # parents first
                rows = rows_by_table.get(table, [])
                if not rows:
                    continue
                columns = list(rows[0])
                connection.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                    [tuple(r[c] for c in columns) for r in rows])
                total += len(rows)
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed, total


def five_year_cell(folder: Path, stick: Path):
    """One demo cell of 60 months, exported in full and unsealed (the copies' source)."""
    with Book.open(folder) as book:
        build_demo(book, seed=3, months=60, today=date(2026, 6, 20))
        return export_bundle(book, stick, full=True, unsealed=True)


def import_all(book, paths: list[Path]) -> int:
    """Each cell's bundle imported, its key approved by the fingerprint its manifest names (as an
    officer does once it was compared); the records new to the book."""
    records = 0
    for path in paths:
        with zipfile.ZipFile(path) as archive:
            compared = json.loads(archive.read("manifest.json"))["signer_key_id"]
        report = import_bundle(book, path, approve={compared})
        assert report.outcome == "imported", report.reason
        records += report.counts["new"]
    return records


def main() -> int:
    cells = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        stick = tmp / "usb"
        stick.mkdir()
        full = five_year_cell(tmp / "cell", stick)
        with Book.open(tmp / "month") as book:
            build_demo(book, seed=3, months=1, today=date(2026, 6, 20))
            month = export_bundle(book, stick, unsealed=True)
        print(f"bundle sizes: 5-year full bundle {full.size // 1024} KB ({full.records:,} records); "
              f"one-month cell {month.size // 1024} KB ({month.records} records)")
        copies = tmp / "copies"
        copies.mkdir()
        paths = cell_copies(full.path, cells, copies)
        with Book.open(tmp / "commune") as book:
            init_book(book, name="Đảng ủy xã thử", role="receiving")
            start = time.perf_counter()
            records = import_all(book, paths)
            ours = time.perf_counter() - start
        base, rows = floor(paths, tmp / "floor", per_bundle=False)
        per_bundle, _ = floor(paths, tmp / "floor-per-bundle", per_bundle=True)
        print(f"import of {cells} cells ({records:,} records, verification included): {ours:.1f} s, "
              f"{records / ours:,.0f} records/s")
        print(f"  executemany floor, one transaction: {base:.2f} s ({rows / base:,.0f} rows/s); ratio {ours / base:.1f}×")
        print(f"  executemany floor, one transaction per bundle: {per_bundle:.2f} s; ratio {ours / per_bundle:.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
