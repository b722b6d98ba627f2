"""A paper issued before, printed again: its archived original, found and checked with the plain
sqlite3 reader (`store.reader`), without SQLAlchemy or ReportLab. Printing again is what a cell
does most (another copy of the month's minutes for the commune), and it only copies bytes, so it
need not pay for what building and issuing a paper needs (about 0.7 s of imports here).

Only the plain case is taken here: a full id or a unique prefix of at least 4 characters, a paper
of this unit issued before with its original archived and intact, and no new number, date or
rebuild asked for. Anything else returns None and the usual way (`papers.build_paper`) handles it,
with its own sentence for what is wrong. The result is `build_paper`'s for the same paper (a test
holds them equal)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from chibo.reports.output import paper_file_name
from chibo.store.reader import Reader, day
from chibo.text import format_date
from chibo.vocabulary import kind_word

ARCHIVE_FOLDER = "issued"  # `services.issuing.ARCHIVE_FOLDER`
# paper -> (its record's table, the label its file name starts with, as `papers.build_paper` names it)
RECORDS = {"minutes": ("session", "bien ban"), "report": ("document", "bao cao"), "plan": ("action_plan", "ke hoach")}


@dataclass(frozen=True)
class Reprint:
    pdf: bytes
    file_name: str
    note: str  # what `build_paper` says of a paper printed again


def archived_original(reader: Reader, folder: Path, paper: str, prefix: str) -> Reprint | None:
    """The archived original of the `paper` (minutes, report, plan) of the record whose id starts
    with `prefix`, when the plain case holds (see the module); else None."""
    prefix = (prefix or "").strip().lower()
    if paper not in RECORDS or len(prefix) < 4 or any(c in prefix for c in "%_\\"):
        return None
    table, label = RECORDS[paper]
    individual = ", member_id" if paper == "plan" else ", NULL"
    found = reader.rows(f"SELECT id, unit_id{individual} FROM {table} WHERE deleted_at IS NULL AND id LIKE ? LIMIT 2",
                        (prefix + "%",))
    unit_id = reader.local_unit_id
    if len(found) != 1 or found[0][2] or found[0][1] != unit_id:  # ambiguous, a member's own plan, another unit's
        return None
    issued = reader.rows(
        "SELECT kind, number_symbol, issued_on, file_name, sha256, size FROM issued_paper WHERE deleted_at IS NULL"
        " AND unit_id = ? AND paper = ? AND record_id = ? ORDER BY issued_on DESC, number DESC LIMIT 1",
        (unit_id, paper, found[0][0]))
    if not issued or not issued[0][3]:  # never issued, or numbered before chibo kept originals
        return None
    kind, number_symbol, issued_on, file_name, sha256, size = issued[0]
    root = (Path(folder) / ARCHIVE_FOLDER).resolve()
    path = (root / file_name).resolve()
    if root not in path.parents:
        return None
    try:
        pdf = path.read_bytes()
    except OSError:
        return None
    if len(pdf) != size or hashlib.sha256(pdf).hexdigest() != sha256:
        return None
    note = f"Bản gốc đã lưu của {kind_word(kind)} số {number_symbol}, cấp ngày {format_date(day(issued_on))}."
    return Reprint(pdf, paper_file_name(label, number_symbol), note)
