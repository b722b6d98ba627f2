"""Bring a book to the newest schema at start-up: a copy of it first (SQLite's backup API, checked
before it takes its name), then the Alembic migrations shipped in the package, in one transaction.
Alembic is imported only when an upgrade is due."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from chibo.store import schema
from chibo.store.backup import copy_database


def upgrade(engine, path: Path, backup_folder: Path) -> str | None:
    """Bring the book to SCHEMA_HEAD. Returns the path of the pre-upgrade backup, if one was made."""
    revision = schema.read_revision(path)
    schema.check_not_newer(revision, path)
    if revision == schema.SCHEMA_HEAD:
        return None
    backup_path = None
    if revision is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_path = copy_database(path, backup_folder / f"truoc-nang-cap-{revision}-{stamp}.sqlite")
    _run_alembic(engine)
    return str(backup_path) if backup_path else None


def _run_alembic(engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(schema.migrations_folder()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
