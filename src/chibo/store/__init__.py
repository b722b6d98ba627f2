"""The book's storage: tables, the engine factory, migrations, backups, the instance lock."""

from chibo.store.book import Book

__all__ = ["Book"]
