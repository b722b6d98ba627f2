"""How tests/data/book-0002.sqlite was built, by chibo at schema 0002 (commit 72b543c), run as
`python tests/data/make_book_0002.py /tmp/b0002` on 7-12-2026, then VACUUMed with journal_mode=DELETE:
a receiving book (Đảng ủy xã Sơn Cao) holding two small demo cells, each imported from its report bundle."""
import shutil
import sys
from datetime import date
from pathlib import Path

from chibo.sync.keys import ensure_keys

from chibo.services.demo import build_demo
from chibo.services.units import init_book
from chibo.store.book import Book
from chibo.sync.export import export_bundle, export_plan
from chibo.sync.importer import import_bundle

root = Path(sys.argv[1])
shutil.rmtree(root, ignore_errors=True)
root.mkdir()
stick = root / "usb"
stick.mkdir()
commune = Book.open(root / "commune")
init_book(commune, name="Đảng ủy xã Sơn Cao", role="receiving")
for seed, name in ((3, "Chi bộ bản Nà Khum"), (4, "Chi bộ bản Phìn Hồ")):
    cell = Book.open(root / name.split()[-1])
    build_demo(cell, seed=seed, member_count=8, months=3, today=date(2026, 6, 20), name=name)
    plan = export_plan(commune, stick)
    assert import_bundle(cell, plan.path, approve={ensure_keys(commune).fingerprint}).outcome == "imported"
    r = import_bundle(commune, export_bundle(cell, stick).path, approve={ensure_keys(cell).fingerprint})
    assert r.outcome == "imported", r.reason
    cell.close()
commune.close()
print(root / "commune" / "chibo.sqlite")
