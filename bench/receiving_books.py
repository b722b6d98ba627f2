"""Receiving books of many cells for the benches, built from real bundles and kept under /tmp.

One demo cell of 35 members and 60 months is built and exported in full; the other cells are
copies of its records under new ids, new units and new keys (`sync_import.cell_copies`), each
bundle signed by its own cell and imported at a commune as an officer would (key approved by its
fingerprint). The commune has one document of its own to send them. The books grow in one pass:
after 30 bundles the book is copied aside, after 100 again, and so on. Building 300 cells takes
minutes, so the books are cached in `/tmp/chibo-bench-receiving/<BUILD>/<cells>` and reused while
`BUILD` (the schema head and this file's recipe) is the same.

    .venv/bin/python bench/receiving_books.py [CELLS ...]     (default 30 100 300: builds and prints paths)
"""

from __future__ import annotations

import json
import shutil
import sys
import time
import zipfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sync_import import cell_copies

from chibo.services.demo import build_demo
from chibo.services.units import init_book
from chibo.store.book import Book
from chibo.store.schema import SCHEMA_HEAD
from chibo.sync.export import export_bundle
from chibo.sync.importer import import_bundle

DEMO_TODAY = date(2026, 6, 20)
RECIPE = "v1-seed3-35m-60mo"
CACHE = Path("/tmp/chibo-bench-receiving") / f"{SCHEMA_HEAD}-{RECIPE}"
SIZES = (30, 100, 300)


def book_folder(cells: int) -> Path:
    return CACHE / str(cells)


def receiving_books(sizes=SIZES, say=print) -> dict[int, Path]:
    """The data folders of receiving books with these numbers of cells, built if missing."""
    sizes = sorted(set(sizes))
    missing = [n for n in sizes if not (book_folder(n) / "done").exists()]
    if missing:
        _build(max(missing), missing, say)
    for n in sizes:
        _commune_document(book_folder(n))
    return {n: book_folder(n) for n in sizes}


def _commune_document(folder: Path) -> None:
    """The commune's own resolution, which it sends its cells to study (none of the copies has
    studied it): the documents page and the consolidated figures sum it over every cell."""
    from chibo.services.documents import add_document, list_documents

    with Book.open(folder) as book, book.session() as db:
        if not any(d.unit_id == book.local_unit_id for d in list_documents(db)):
            add_document(db, number_symbol="03-NQ/ĐU", title="về chuyển đổi số ở thôn, bản giai đoạn 2026–2030",
                         issuing_level="dang_uy_xa", issued_on=date(2026, 3, 2))


def _build(largest: int, wanted: list[int], say) -> None:
    work = CACHE / "work"
    shutil.rmtree(work, ignore_errors=True)
    (work / "usb").mkdir(parents=True)
    say(f"building receiving books of {', '.join(map(str, wanted))} cells in {CACHE} (once; cached)…")
    with Book.open(work / "cell") as book:
        build_demo(book, seed=3, months=60, today=DEMO_TODAY)
        full = export_bundle(book, work / "usb", full=True, unsealed=True)
    (work / "copies").mkdir()
    paths = cell_copies(full.path, largest, work / "copies")
    commune = work / "commune"
    with Book.open(commune) as book:
        init_book(book, name="Đảng ủy xã thử", role="receiving")
    start = time.perf_counter()
    for count, path in enumerate(paths, 1):
        with Book.open(commune) as book, zipfile.ZipFile(path) as archive:
            fingerprint = json.loads(archive.read("manifest.json"))["signer_key_id"]
            report = import_bundle(book, path, approve={fingerprint})
            assert report.outcome == "imported", report.reason
        if count in wanted:
            target = book_folder(count)
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(commune, target, ignore=shutil.ignore_patterns("chibo.lock"))
            (target / "done").write_text(f"{count} cells\n")
            say(f"  {count} cells imported ({time.perf_counter() - start:.0f} s)")
    shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    for cells, folder in receiving_books(sizes).items():
        print(f"{cells} cells: {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
