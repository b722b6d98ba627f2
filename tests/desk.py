"""A receiving book with three small cells for the commune's desk. The commune sets Kế hoạch
12-KH/ĐU with a deadline of 31-5-2026 and sends it down in its plan bundle. For May 2026 (due
5-6-2026 with the default 5 days of grace): Nà Khum held its May meeting, studying 12-KH/ĐU, and
its bundle arrived on 3-6 (on time); Phìn Hồ did the same and its bundle arrived on 12-6 (late);
Nậm Cáy last sent on 2-5, with its April meeting only (missing). Each cell has a secretary with
her phone in its member register."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from chibo.services.documents import add_document
from chibo.services.members import add_member
from chibo.services.sessions import create_session, mark_all_present
from chibo.services.units import init_book
from chibo.store.book import Book
from chibo.store.models import Document
from chibo.sync.export import export_bundle
from chibo.sync.importer import import_bundle
from chibo.vocabulary import CellPosition, SessionKind
from conftest import fingerprint_of, link

PERIOD = "2026-05"
ON_TIME = datetime(2026, 6, 3, 3, 0, tzinfo=UTC)  # 10:00 in Vietnam
LATE = datetime(2026, 6, 12, 3, 0, tzinfo=UTC)
APRIL = datetime(2026, 5, 2, 3, 0, tzinfo=UTC)
TODAY = date(2026, 6, 20)
PLAN_SYMBOL = "12-KH/ĐU"

CELLS = {  # name: (secretary, phone, deputy, months of meetings)
    "Chi bộ bản Nà Khum": ("Lò Văn Pọm", "0913 111 222", "Tòng Thị Ơn", (4, 5)),
    "Chi bộ bản Phìn Hồ": ("Giàng Thị Mỷ", "0987 654 321", "Sùng A Dình", (4, 5)),
    "Chi bộ bản Nậm Cáy": ("Lò Thị Hoa", "0912 345 678", "Giàng A Páo", (4,)),
}


@dataclass
class Desk:
    commune: Book
    on_time: Book
    late: Book
    missing: Book
    stick: Path

    @property
    def cells(self) -> tuple[Book, Book, Book]:
        return self.on_time, self.late, self.missing


def new_cell(folder: Path, name: str) -> Book:
    book = Book.open(folder)
    init_book(book, name=name, superior_name="Đảng bộ xã Sơn Cao", place_name="Sơn Cao")
    return book


def fill_cell(book: Book, name: str) -> None:
    """Three members (the secretary and her deputy with their phones) and the cell's meetings, all
    present; the May meeting studies the commune's plan 12-KH/ĐU."""
    secretary, phone, deputy, months = CELLS[name]
    with book.session() as db:
        add_member(db, full_name=secretary, position=CellPosition.SECRETARY, phone=phone, joined_on=date(2020, 1, 1))
        add_member(db, full_name=deputy, position=CellPosition.DEPUTY, phone="0987 000 111", joined_on=date(2020, 1, 1))
        add_member(db, full_name="Vàng Văn Sinh", joined_on=date(2020, 1, 1))
        plan = db.exec(Document.__table__.select().where(Document.__table__.c.number_symbol == PLAN_SYMBOL)).first()
        for month in months:
            documents = [plan.id] if month == 5 and plan else []
            session = create_session(db, kind=SessionKind.REGULAR, held_on=date(2026, month, 12),
                                     document_ids=documents)
            mark_all_present(db, session.id)


def send(cell: Book, commune: Book, stick: Path, now: datetime):
    report = import_bundle(commune, export_bundle(cell, stick).path, approve={fingerprint_of(cell)}, now=now)
    assert report.outcome == "imported", report.reason
    return report


def three_cells(receiving: Book, stick: Path, tmp_path: Path) -> Desk:
    with receiving.session() as db:
        add_document(db, number_symbol=PLAN_SYMBOL, title="thực hiện Nghị quyết số 57-NQ/TW năm 2026",
                     issuing_level="dang_uy_xa", issued_on=date(2026, 3, 2), deadline=date(2026, 5, 31),
                     requires_essay=False)
    cells = []
    for index, name in enumerate(CELLS):
        cell = new_cell(tmp_path / f"cell-{index}", name)
        link(cell, receiving, stick)
        fill_cell(cell, name)
        cells.append(cell)
    on_time, late, missing = cells
    send(missing, receiving, stick, APRIL)
    send(on_time, receiving, stick, ON_TIME)
    send(late, receiving, stick, LATE)
    return Desk(receiving, on_time, late, missing, stick)


def close_all(desk: Desk) -> None:
    for book in (desk.commune, *desk.cells):
        book.close()
