"""After an installed chibo opened a book of the previous release: the book was copied before the
upgrade (backups/truoc-nang-cap-<old revision>-*.sqlite, still at that revision), the book itself
is now at the schema's head, and every row of the old book is in both.

    python3 installer/check_upgrade.py OLD_BOOK DATA_FOLDER

Exit 0 when all holds; prints what it compared."""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def head_revision() -> str:
    """The newest migration shipped in the source: the one no other names as its down_revision
    (read from the files, so this check needs nothing but Python, on a Windows runner too)."""
    versions = ROOT / "src" / "chibo" / "store" / "migrations" / "versions"
    revisions, downs = set(), set()
    for script in versions.glob("*.py"):
        text = script.read_text(encoding="utf-8")
        revisions.update(re.findall(r"^revision\s*=\s*['\"](\w+)['\"]", text, re.M))
        downs.update(re.findall(r"^down_revision\s*=\s*['\"](\w+)['\"]", text, re.M))
    (head,) = revisions - downs
    return head


def revision(path: Path) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND "
                                                 "name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        return {table: db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in tables}


def main() -> int:
    old, folder = Path(sys.argv[1]), Path(sys.argv[2])
    before = revision(old)
    backups = sorted((folder / "backups").glob(f"truoc-nang-cap-{before}-*.sqlite"))
    problems = []
    if len(backups) != 1:
        problems.append(f"expected one backups/truoc-nang-cap-{before}-*.sqlite, found {[p.name for p in backups]}")
    book = folder / "chibo.sqlite"
    after, head = revision(book), head_revision()
    if after != head:
        problems.append(f"the book is at revision {after}, not {head}")
    old_counts = counts(old)
    new_counts = counts(book)
    for table, number in old_counts.items():
        if new_counts.get(table) != number:
            problems.append(f"{table}: {number} rows before, {new_counts.get(table)} after the upgrade")
    if backups:
        if revision(backups[0]) != before:
            problems.append(f"{backups[0].name} is at revision {revision(backups[0])}, not {before}")
        if counts(backups[0]) != old_counts:
            problems.append(f"{backups[0].name} does not hold the old book's rows")
    for problem in problems:
        print(f"PROBLEM {problem}")
    if problems:
        return 1
    shown = ", ".join(f"{t} {n}" for t, n in old_counts.items() if n)
    print(f"upgrade {before} -> {after}: backup {backups[0].name} at {before}; rows kept ({shown})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
