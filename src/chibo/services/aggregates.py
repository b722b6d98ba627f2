"""The receiving level's figures as SQL aggregates: per cell and per (cell, document), computed by
SQLite with GROUP BY over the rows, never by building an object per member or session.

The numbers are those `services.figures.document_figures` and `services.roll.Roll` give in the
cell's own book (tests/test_aggregates.py holds them equal, cell by cell):
- a member's status on `as_of` is the status change with the latest `effective_on` on or before
  it, the later `rev` winning within a day (`Roll.status`); tombstoned changes and members do not
  count;
- on the roll: every status but "left" (exempt and away included); required: full, probationary
  and attached members (exempt and away apart), as on `as_of` — not on the day of each session;
- a document's study sessions are the live sessions held on or before `as_of` that cover it; a
  required member studied it when marked present at one of them, and studied it "in a make-up"
  when the first such session (by date, then by the attendance row's `rev`) was a make-up;
- essays are those of required members (by grade, to rewrite); an essay is missing for a member
  who studied a document that requires one and wrote none; non-members reached sum the audience
  of the cell's outreach for the document held on or before `as_of`.

A cell's documents are its own and those of the level it takes plans from (this book's own unit
for a cell approved here, the commune that vouched for it at a province): the documents the cell's
own book holds once it imported its superior's plan. Every document counts as required for every
required member of the cell, studied or not, as the cell's own report counts it.

Works on a book's database session or on a plain `sqlite3` connection (a read path that has not
imported SQLModel): the SQL is the same text either way.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date

from chibo.vocabulary import ON_ROLL_STATUSES, REQUIRED_STATUSES, AttendanceState, SessionKind, UnitRole

_IN_REQUIRED = "(" + ", ".join(f"'{s.value}'" for s in sorted(REQUIRED_STATUSES)) + ")"
_PRESENT = f"'{AttendanceState.PRESENT.value}'"
_MAKEUP = f"'{SessionKind.MAKEUP.value}'"

# Each member's status on :as_of, one row per member (`Roll.status`). `:unit` is NULL for every
# unit of the book, or one unit's id.
_STATUS_NOW = """
status_now AS (
    SELECT unit_id, member_id, status FROM (
        SELECT c.unit_id, c.member_id, c.status,
               ROW_NUMBER() OVER (PARTITION BY c.unit_id, c.member_id
                                  ORDER BY c.effective_on DESC, c.rev DESC) AS latest
        FROM member_status_change c JOIN member m ON m.id = c.member_id
        WHERE c.deleted_at IS NULL AND m.deleted_at IS NULL AND c.effective_on <= :as_of
          AND (:unit IS NULL OR c.unit_id = :unit))
    WHERE latest = 1),
required AS (SELECT unit_id, member_id FROM status_now WHERE status IN """ + _IN_REQUIRED + ")"

_STATUSES = "WITH " + _STATUS_NOW + " SELECT unit_id, status, COUNT(*) FROM status_now GROUP BY unit_id, status"

# Per (cell, document): members studied, in a make-up, and studied without an essay. The first
# session each member was present at decides "in a make-up" (`document_figures`: studied_at).
# CROSS JOIN keeps SQLite's join order (a book has no ANALYZE statistics): from the few links of
# study sessions to their attendance by index, never a scan of every attendance row of every cell.
_STUDIED = "WITH " + _STATUS_NOW + """,
first_present AS (
    SELECT document_id, member_id, kind FROM (
        SELECT sd.document_id, a.member_id, s.kind,
               ROW_NUMBER() OVER (PARTITION BY sd.document_id, a.member_id ORDER BY s.held_on, a.rev) AS rank
        FROM session_document sd
        CROSS JOIN session s ON s.id = sd.session_id
        CROSS JOIN attendance a ON a.session_id = s.id
        WHERE sd.deleted_at IS NULL AND s.deleted_at IS NULL AND a.deleted_at IS NULL
          AND s.held_on <= :as_of AND a.state = """ + _PRESENT + """
          AND (:unit IS NULL OR s.unit_id = :unit))
    WHERE rank = 1)
SELECT r.unit_id, f.document_id, COUNT(*), SUM(f.kind = """ + _MAKEUP + """),
       SUM(NOT EXISTS (SELECT 1 FROM essay e WHERE e.member_id = f.member_id AND e.document_id = f.document_id
                       AND e.deleted_at IS NULL))
FROM first_present f JOIN required r ON r.member_id = f.member_id
GROUP BY r.unit_id, f.document_id
"""

# Per (cell, document): members studied, no more (the first screen's column): who was present at a
# study session, without working out which session came first nor who wrote an essay.
_STUDIED_ONLY = "WITH " + _STATUS_NOW + """,
present AS (
    SELECT DISTINCT sd.document_id, a.member_id
    FROM session_document sd
    CROSS JOIN session s ON s.id = sd.session_id
    CROSS JOIN attendance a ON a.session_id = s.id
    WHERE sd.deleted_at IS NULL AND s.deleted_at IS NULL AND a.deleted_at IS NULL
      AND s.held_on <= :as_of AND a.state = """ + _PRESENT + """)
SELECT r.unit_id, p.document_id, COUNT(*) FROM present p JOIN required r ON r.member_id = p.member_id
GROUP BY r.unit_id, p.document_id
"""

# Per (cell, document): required members who have not studied it, were never marked at one of its
# sessions, and came to the cell after the last of them (`roll.missing_reason`: "vào chi bộ ngày
# …, sau buổi học"). They owe a make-up; the papers say why they are not counted as studied.
# CROSS JOIN from each member to its first day, then to its cell's last session on each document
# (SQLite otherwise paired every cell's sessions with every member: 1.5 s for 300 cells, now 0.12).
_CAME_AFTER = "WITH " + _STATUS_NOW + """,
last_held AS (
    SELECT s.unit_id, sd.document_id, MAX(s.held_on) AS held_on
    FROM session_document sd JOIN session s ON s.id = sd.session_id
    WHERE sd.deleted_at IS NULL AND s.deleted_at IS NULL AND s.held_on <= :as_of
      AND (:unit IS NULL OR s.unit_id = :unit)
    GROUP BY s.unit_id, sd.document_id),
joined AS (
    SELECT c.member_id, MIN(c.effective_on) AS joined_on FROM member_status_change c
    WHERE c.deleted_at IS NULL AND (:unit IS NULL OR c.unit_id = :unit) GROUP BY c.member_id)
SELECT r.unit_id, l.document_id, COUNT(*)
FROM required r CROSS JOIN joined j ON j.member_id = r.member_id CROSS JOIN last_held l ON l.unit_id = r.unit_id
WHERE j.joined_on > l.held_on AND NOT EXISTS (
    SELECT 1 FROM session_document sd CROSS JOIN session s ON s.id = sd.session_id
    CROSS JOIN attendance a ON a.session_id = s.id
    WHERE sd.document_id = l.document_id AND a.member_id = r.member_id AND sd.deleted_at IS NULL
      AND s.deleted_at IS NULL AND a.deleted_at IS NULL AND s.held_on <= :as_of)
GROUP BY r.unit_id, l.document_id
"""

# Per (cell, document, make-up or not, form): the study sessions held.
_STUDY_SESSIONS = """
SELECT s.unit_id, sd.document_id, s.kind = """ + _MAKEUP + """, s.form, COUNT(*)
FROM session_document sd JOIN session s ON s.id = sd.session_id
WHERE sd.deleted_at IS NULL AND s.deleted_at IS NULL AND s.held_on <= :as_of
  AND (:unit IS NULL OR s.unit_id = :unit)
GROUP BY s.unit_id, sd.document_id, s.kind = """ + _MAKEUP + """, s.form
"""

# Per (cell, document, grade): essays of required members, and how many must be rewritten.
_ESSAYS = "WITH " + _STATUS_NOW + """
SELECT r.unit_id, e.document_id, e.grade, COUNT(*), SUM(e.must_rewrite)
FROM essay e JOIN required r ON r.member_id = e.member_id
WHERE e.deleted_at IS NULL
GROUP BY r.unit_id, e.document_id, e.grade
"""

_OUTREACH = """
SELECT unit_id, document_id, SUM(audience), COUNT(*) FROM outreach
WHERE deleted_at IS NULL AND document_id IS NOT NULL AND held_on <= :as_of AND (:unit IS NULL OR unit_id = :unit)
GROUP BY unit_id, document_id
"""

# Per (cell, document): the cell's programmes for the document and members' plans tied to it.
_DOCUMENT_PLANS = """
SELECT unit_id, document_id, member_id IS NOT NULL, COUNT(*) FROM action_plan
WHERE deleted_at IS NULL AND document_id IS NOT NULL AND (:unit IS NULL OR unit_id = :unit)
GROUP BY unit_id, document_id, member_id IS NOT NULL
"""

# Per cell: required members with an individual action plan for the year of :as_of.
_YEAR_PLANS = "WITH " + _STATUS_NOW + """
SELECT r.unit_id, COUNT(DISTINCT p.member_id) FROM action_plan p JOIN required r ON r.member_id = p.member_id
WHERE p.deleted_at IS NULL AND p.year = :year
GROUP BY r.unit_id
"""

_SESSIONS = """
SELECT unit_id, kind = """ + _MAKEUP + """, COUNT(*) FROM session
WHERE deleted_at IS NULL AND held_on <= :as_of AND (:unit IS NULL OR unit_id = :unit)
GROUP BY unit_id, kind = """ + _MAKEUP

_DOCUMENTS = """
SELECT id, unit_id, number_symbol, requires_essay FROM document WHERE deleted_at IS NULL
ORDER BY number_symbol, id
"""


@dataclass(frozen=True)
class ReceivedUnit:
    """A unit this level sums: approved here (or vouched for by a child), never this level's own
    superior. `plans_from` is the unit whose plan documents it studies besides its own."""

    unit_id: str
    name: str
    fingerprint: str
    last_seq: int
    code: str
    role: str
    plans_from: str | None
    last_bundle_at: str | None  # yyyy-mm-dd of the last bundle imported from it


_RECEIVED = """
SELECT k.unit_id, k.name, k.fingerprint, k.last_seq, COALESCE(u.code, ''), COALESCE(u.role, 'cell'), k.vouched_by,
       b.received_at
FROM known_unit k LEFT JOIN unit u ON u.id = k.unit_id
LEFT JOIN (SELECT sender_unit_id, MAX(received_at) AS received_at FROM bundle_log WHERE outcome = 'imported'
           GROUP BY sender_unit_id) b ON b.sender_unit_id = k.unit_id
WHERE k.approval = 'approved' AND k.unit_id IS NOT :superior
ORDER BY k.name, k.unit_id
"""


def received_units(db, local_unit_id: str | None, superior: str | None = None) -> list[ReceivedUnit]:
    """The units this level (`local_unit_id`) sums, by name, from one query (`superior`, this
    level's own superior, left out). A cell studies the documents of the level that sends it plans:
    this level for a cell approved here, the commune that vouched for it at a province; a receiving
    unit (a commune at a province) only its own."""
    local = local_unit_id
    result = []
    for unit_id, name, fingerprint, last_seq, code, role, vouched_by, received in rows(
            db, _RECEIVED, {"superior": superior}):
        plans_from = None if role == UnitRole.RECEIVING else (vouched_by or local)
        result.append(ReceivedUnit(unit_id, name, fingerprint, last_seq, code, role, plans_from,
                                   str(received)[:10] if received else None))
    return result


@dataclass
class CellDocumentFigures:
    """One document's study in one cell, as `document_figures` counts it in the cell's book."""

    unit_id: str
    document_id: str
    number_symbol: str
    required: int
    studied: int = 0
    studied_in_makeup: int = 0
    sessions: int = 0  # study sessions, make-ups apart
    makeups: int = 0
    forms: dict[str, int] = field(default_factory=dict)  # SessionForm value → study sessions (make-ups apart)
    essays_by_grade: dict[str, int] = field(default_factory=dict)  # graded essays only; "" (not graded) left out
    essays: int = 0  # every essay of a required member, graded or not
    essays_missing: int = 0
    essays_to_rewrite: int = 0
    non_members_reached: int = 0
    outreach_activities: int = 0
    cell_plans: int = 0  # the cell's programmes for carrying out the document
    individual_plans: int = 0  # members' individual plans tied to the document
    came_after: int = 0  # of those who have not studied it: came to the cell after its last session on it

    @property
    def percent(self) -> float | None:
        return 100.0 * self.studied / self.required if self.required else None


@dataclass
class CellTotals:
    """One cell's figures on a day: its roll by status, its sessions, its documents."""

    unit_id: str
    statuses: dict[str, int] = field(default_factory=dict)  # MemberStatus value → members, "left" included
    sessions: int = 0  # every session held on or before the day, make-ups included
    makeup_sessions: int = 0
    individual_plans_year: int = 0  # required members with an individual plan for the day's year
    documents: list[CellDocumentFigures] = field(default_factory=list)

    @property
    def on_roll(self) -> int:
        return sum(n for s, n in self.statuses.items() if s in ON_ROLL_STATUSES)

    @property
    def required(self) -> int:
        return sum(n for s, n in self.statuses.items() if s in REQUIRED_STATUSES)

    @property
    def studied(self) -> int:
        return sum(d.studied for d in self.documents)

    @property
    def must_study(self) -> int:
        return sum(d.required for d in self.documents)


# Settings the figures read (the same keys as `store.book.LOCAL_UNIT_SETTING` and
# `sync.keyring.RECIPIENT_SETTING`, named here so that nothing above SQLite is imported).
LOCAL_UNIT_SETTING = "local_unit_id"
RECIPIENT_SETTING = "sync_recipient"  # this level's own superior, once its plan bundle was approved


def setting(db, key: str, default=None):
    """A setting of the book (JSON), read with SQL alone."""
    import json

    found = rows(db, "SELECT value FROM setting WHERE key = :key", {"key": key})
    return json.loads(found[0][0]) if found else default


_ANY_UNIT = re.compile(r"\(:unit IS NULL OR ([\w.]+) = :unit\)")


def rows(db, sql: str, params: dict) -> list[tuple]:
    """The rows of `sql` on a book's database session, a plain sqlite3 connection or a reader
    holding one (`.connection`). A query
    for one unit is written with `unit_id = ?` alone, so SQLite reads that unit's rows by index."""
    if params.get("unit") is not None:
        sql = _ANY_UNIT.sub(r"\1 = :unit", sql)
    if isinstance(db, sqlite3.Connection):
        return db.execute(sql, params).fetchall()
    if isinstance(getattr(db, "connection", None), sqlite3.Connection):  # store.reader's Reader
        return db.connection.execute(sql, params).fetchall()
    return db.connection().exec_driver_sql(sql, params).fetchall()


def cell_totals(db, units: dict[str, str | None], as_of: date, *, unit_id: str | None = None,
                documents: bool = True) -> dict[str, CellTotals]:
    """Every cell's figures on `as_of`, from a fixed number of queries whatever the number of cells.

    `units` maps each cell to sum to the unit it takes plans from (whose documents it studies
    besides its own), or None. `unit_id` narrows the queries to one of them (a drill-down);
    `documents=False` leaves out the study of documents (the roll and sessions alone, a few
    milliseconds for hundreds of cells)."""
    wanted = {unit_id: units[unit_id]} if unit_id is not None else units
    params = {"as_of": as_of.isoformat(), "unit": unit_id, "year": as_of.year}
    totals = {u: CellTotals(u) for u in wanted}
    for unit, status, count in rows(db, _STATUSES, params):
        if unit in totals:
            totals[unit].statuses[status] = count
    for unit, makeup, count in rows(db, _SESSIONS, params):
        if unit in totals:
            totals[unit].sessions += count
            if makeup:
                totals[unit].makeup_sessions += count
    if not documents:
        return totals
    for unit, count in rows(db, _YEAR_PLANS, params):
        if unit in totals:
            totals[unit].individual_plans_year = count

    held: dict[str, list[tuple[str, str, bool]]] = {}
    for document_id, owner, number_symbol, requires_essay in rows(db, _DOCUMENTS, {}):
        held.setdefault(owner, []).append((document_id, number_symbol, bool(requires_essay)))
    cells: dict[tuple[str, str], CellDocumentFigures] = {}
    requires_essay: dict[str, bool] = {}
    for unit, total in totals.items():
        required = total.required
        for owner in (unit, wanted[unit]):
            for document_id, number_symbol, essay in held.get(owner, []) if owner else []:
                figures = CellDocumentFigures(unit, document_id, number_symbol, required)
                cells[unit, document_id] = figures
                total.documents.append(figures)
                requires_essay[document_id] = essay
    for unit, document_id, studied, makeup, without_essay in rows(db, _STUDIED, params):
        figures = cells.get((unit, document_id))
        if figures is not None:
            figures.studied, figures.studied_in_makeup = studied, makeup
            figures.essays_missing = without_essay if requires_essay[document_id] else 0
    for unit, document_id, count in rows(db, _CAME_AFTER, params):
        figures = cells.get((unit, document_id))
        if figures is not None:
            figures.came_after = count
    for unit, document_id, makeup, form, count in rows(db, _STUDY_SESSIONS, params):
        figures = cells.get((unit, document_id))
        if figures is None:
            continue
        if makeup:
            figures.makeups += count
        else:
            figures.sessions += count
            figures.forms[form] = figures.forms.get(form, 0) + count
    for unit, document_id, grade, count, rewrite in rows(db, _ESSAYS, params):
        figures = cells.get((unit, document_id))
        if figures is None:
            continue
        figures.essays += count
        figures.essays_to_rewrite += rewrite
        if grade:
            figures.essays_by_grade[grade] = count
    for unit, document_id, audience, count in rows(db, _OUTREACH, params):
        figures = cells.get((unit, document_id))
        if figures is not None:
            figures.non_members_reached, figures.outreach_activities = audience, count
    for unit, document_id, individual, count in rows(db, _DOCUMENT_PLANS, params):
        figures = cells.get((unit, document_id))
        if figures is not None:
            if individual:
                figures.individual_plans = count
            else:
                figures.cell_plans = count
    return totals


@dataclass
class StudyCounts:
    """Who studied what, without make-ups, forms, essays or plans (`study_counts`)."""

    required: dict[str, int]  # per cell: members who must study each of its documents
    documents: dict[str, set[str]]  # per cell: the documents it holds
    studied: dict[tuple[str, str], int]  # per (cell, document held): members who studied it
    symbols: dict[str, str] = field(default_factory=dict)  # document id → number-symbol

    def by_cell(self) -> dict[str, tuple[int, int]]:
        """Per cell: (members studied, members who must study), summed over its documents."""
        totals = {u: [0, self.required[u] * len(docs)] for u, docs in self.documents.items()}
        for (unit, _document), count in self.studied.items():
            totals[unit][0] += count
        return {u: (studied, must) for u, (studied, must) in totals.items()}

    def by_document(self) -> dict[str, tuple[int, int]]:
        """Per document: (members studied, members who must study), summed over the cells holding it."""
        totals: dict[str, list[int]] = {}
        for unit, docs in self.documents.items():
            for document_id in docs:
                totals.setdefault(document_id, [0, 0])[1] += self.required[unit]
        for (_unit, document_id), count in self.studied.items():
            totals[document_id][0] += count
        return {d: (studied, must) for d, (studied, must) in totals.items()}


def study_counts(db, units: dict[str, str | None], as_of: date) -> StudyCounts:
    """The members studied per cell and document held, from three queries, with the same sums as
    `cell_totals`' documents: the first screen's column and the documents page need no more, and
    leaving out which session came first, the forms, essays and plans takes a third of the time."""
    params = {"as_of": as_of.isoformat(), "unit": None}
    required = dict.fromkeys(units, 0)
    for unit, status, count in rows(db, _STATUSES, params):
        if unit in required and status in REQUIRED_STATUSES:
            required[unit] += count
    held: dict[str, set[str]] = {}
    symbols = {}
    for document_id, owner, symbol, _essay in rows(db, _DOCUMENTS, {}):
        held.setdefault(owner, set()).add(document_id)
        symbols[document_id] = symbol
    documents = {u: held.get(u, set()) | (held.get(p, set()) if p else set()) for u, p in units.items()}
    studied = {}
    for unit, document_id, count in rows(db, _STUDIED_ONLY, params):
        if unit in documents and document_id in documents[unit]:
            studied[unit, document_id] = count
    return StudyCounts(required, documents, studied, symbols)
