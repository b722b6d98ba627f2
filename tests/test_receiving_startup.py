"""A receiving book's start-up runs the same number of SQL statements whatever the number of cells:
the real start-up (`run_app` with `--smoke`: the window, the first screen read through the sqlite3
reader, its second read of the cells' study, the book opened through the engine), counted with
sqlite3's trace callback on the reader's connections and SQLAlchemy's `before_cursor_execute` on
the engine's, on a commune of 3 cells and one of 12, each cell a copy of the same demo cell made
and signed as `bench/sync_import.py` makes them."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from chibo.services.units import init_book
from chibo.store.book import Book
from chibo.sync.export import export_bundle
from chibo.sync.importer import import_bundle
from conftest import _copy_book

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from sync_import import cell_copies


@pytest.fixture(scope="module")
def communes(demo_template, tmp_path_factory):
    """Receiving books of 3 and of 12 cells."""
    folder = tmp_path_factory.mktemp("communes")
    cell = _copy_book(demo_template, folder / "cell")
    try:
        full = export_bundle(cell, folder, full=True, unsealed=True)
    finally:
        cell.close()
    (folder / "copies").mkdir()
    paths = cell_copies(full.path, 12, folder / "copies")
    made = {}
    for count in (3, 12):
        with Book.open(folder / f"commune-{count}") as book:
            init_book(book, name="Đảng ủy xã thử", role="receiving")  # the copies name it their superior
            for path in paths[:count]:
                with zipfile.ZipFile(path) as archive:
                    fingerprint = json.loads(archive.read("manifest.json"))["signer_key_id"]
                assert import_bundle(book, path, approve={fingerprint}).outcome == "imported"
        made[count] = folder / f"commune-{count}"
    return made


def start_up_statements(folder: Path, monkeypatch) -> list[tuple[str, str]]:
    """Every SQL statement the desktop app runs from its start to `--smoke`'s end on `folder`, with
    the way it went: the sqlite3 reader or the engine."""
    import chibo.store.reader as reader_module
    from chibo.ui.app import run_app

    seen: list[tuple[str, str]] = []
    opened = reader_module.open_reader

    def traced(database):
        reader = opened(database)
        reader.connection.set_trace_callback(lambda statement: seen.append(("reader", statement)))
        return reader

    def engine_statement(_conn, _cursor, statement, *_args):
        seen.append(("engine", statement))

    monkeypatch.setattr(reader_module, "open_reader", traced)
    # The test application has its translators (conftest's qapp): none added for the rest of the run.
    monkeypatch.setattr("chibo.ui.i18n.install_translations", lambda *args, **kwargs: [])
    event.listen(Engine, "before_cursor_execute", engine_statement)
    try:
        assert run_app(folder, smoke=True) == 0
    finally:
        event.remove(Engine, "before_cursor_execute", engine_statement)
    return seen


def test_start_up_statements_do_not_grow_with_the_number_of_cells(qapp, communes, monkeypatch, capsys):
    counts = {}
    for cells, folder in communes.items():
        statements = start_up_statements(folder, monkeypatch)
        counts[cells] = {way: sum(1 for w, _ in statements if w == way) for way in ("reader", "engine")}
        out = capsys.readouterr().out
        assert "chibo: dữ liệu của sổ hiện sau" in out and "chibo: sổ mở xong sau" in out
        assert any("FROM known_unit k" in s for _, s in statements)  # the first screen's list of cells was read
        assert any("SELECT DISTINCT sd.document_id, a.member_id" in s for _, s in statements)  # and their study
    print(f"statements at start-up: {counts}")
    assert counts[3] == counts[12], counts
    assert counts[12]["engine"] > 0 and sum(counts[12].values()) < 120, counts  # the PRAGMAs, the board, the opening
