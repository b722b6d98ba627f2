"""The cell pages of a receiving book: a read-only drill-down into one chosen cell.

Decided page by page (issue 15.1):
- Members, Sessions, Action plans, Outreach: the chosen cell's book, read only. A bar on top names
  the cell and chooses another (`widgets.cell_chooser`); the buttons that add, edit, delete,
  import or print are not there, and a double click opens no editor: the cell keeps its own book
  and sends it; the commune's copy is what the cell sent (the store refuses any write anyway).
  The papers are not printed here: they carry the cell's header and signature.
- Documents: the receiving level's own documents (it adds them and sends them in its plan bundle),
  editable, each with its study summed over the cells (`services.aggregates`, per cell in SQL);
  the per-member coverage and the cell's study report are not shown (they are one cell's).
- Overview: one row per cell and the total (`pages.receiving_overview`); Data exchange and
  Settings are the level's own.

A page's rows are read for the cell chosen when its read starts, through a database session
turned to that cell (`services.viewing.view_cell`), so a listing never holds two cells' rows."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from chibo.ui.i18n import tr

DRILL_DOWN_PAGES = frozenset({"register", "sessions", "plans", "outreach"})


class CellChoice(QObject):
    """The window's chosen cell (a `services.aggregates.ReceivedUnit`), shared by its cell pages:
    `changed` when a person chooses another (the pages read again), `listed` when a page's read
    brought the list of cells and the cell it read."""

    changed = Signal(object)
    listed = Signal()

    def __init__(self):
        super().__init__()
        self.cells: list = []
        self.cell = None

    def adopt(self, cells: list, cell) -> None:
        """What a read found: the cells, and the cell it showed (the first one when none was chosen)."""
        self.cells = list(cells)
        if cell is not None and (self.cell is None or self.cell.unit_id not in {c.unit_id for c in self.cells}):
            self.cell = cell
        self.listed.emit()

    def choose(self, cell) -> None:
        if cell is not None and (self.cell is None or cell.unit_id != self.cell.unit_id):
            self.cell = cell
            self.changed.emit(cell)


@dataclass
class Viewed:
    """What a drill-down page read at a receiving level: its rows, the cells, the cell they are of."""

    rows: object
    cells: list
    cell: object  # services.aggregates.ReceivedUnit, None when no cell is approved yet


def viewed_fetch(page, read):
    """`fetch(book)` for a cell page: `read(db)` in a session of the book; at a receiving level,
    turned to the window's chosen cell (the first cell by name until one is chosen)."""
    def fetch(book):
        from chibo.services.viewing import is_receiving, received_cells, view_cell

        with book.session() as db:
            if not is_receiving(db):
                return read(db)
            cells = received_cells(db)
            chosen = getattr(page, "cell_choice", None)
            wanted = chosen.cell.unit_id if chosen is not None and chosen.cell is not None else None
            cell = next((c for c in cells if c.unit_id == wanted), cells[0] if cells else None)
            if cell is None:
                return Viewed(None, cells, None)
            view_cell(db, cell)
            return Viewed(read(db), cells, cell)

    return fetch


def unwrap(page, data):
    """The rows to show; at a receiving level the page turns read only (once) and its bar shows
    the cell the rows are of. None when there is no cell to show yet."""
    if not isinstance(data, Viewed):
        return data
    if not getattr(page, "read_only", False):
        make_read_only(page)
    page.cell_choice.adopt(data.cells, data.cell)
    page.cell_bar.setVisible(True)
    page.no_cell.setVisible(data.cell is None)
    return data.rows


def make_read_only(page) -> None:
    """Hide what writes (the page's `editing_widgets()`), put the cell bar on top."""
    from PySide6.QtWidgets import QLabel

    from chibo.ui.widgets.cell_chooser import CellBar

    page.read_only = True
    for widget in page.editing_widgets():
        widget.hide()
    page.cell_bar = CellBar(page.cell_choice)
    page.no_cell = QLabel(tr("No cell approved yet: import the cells’ report bundles on the Data exchange page."))
    page.no_cell.setWordWrap(True)
    layout = page.layout()
    layout.insertWidget(getattr(page, "bar_position", 0), page.cell_bar)
    layout.insertWidget(getattr(page, "bar_position", 0) + 1, page.no_cell)
    if hasattr(page, "count_text"):
        page.count_text = getattr(page, "read_only_count_text", page.count_text)
    hint = getattr(page, "empty_hint", None)
    if hint is not None:
        hint.setText(tr("Nothing of this kind in this cell’s book yet."))
        page.keep_hint = True
