"""The book's storage: tables, the engine factory, migrations, backups, the instance lock, and a
plain sqlite3 reader (`reader`) for the first screen.

Nothing is imported here: `chibo.store.schema`, `lock` and `reader` must stay free of SQLAlchemy
and SQLModel (the app's start-up reads the book through them before those are imported)."""


def __getattr__(name: str):
    if name == "Book":  # `from chibo.store import Book`, without importing SQLModel for every submodule
        from chibo.store.book import Book

        return Book
    raise AttributeError(name)
