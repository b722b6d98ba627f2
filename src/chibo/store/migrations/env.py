"""Alembic environment: always driven from chibo.store.schema with an open connection, inside the
caller's transaction, so an upgrade is all or nothing."""

from alembic import context
from sqlmodel import SQLModel

import chibo.store.models  # noqa: F401  (registers every table)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    transactional_ddl=True,
)
context.run_migrations()
