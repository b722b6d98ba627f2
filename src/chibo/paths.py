"""Where chibo keeps its files: one data folder per book.

Order of precedence: an explicit `--data-dir`, then `$CHIBO_DATA_DIR`, then the per-user data
folder of platformdirs (on Windows `%LOCALAPPDATA%\\chibo`, on Linux `~/.local/share/chibo`).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "chibo"
DATABASE_NAME = "chibo.sqlite"


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("CHIBO_DATA_DIR")
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir(book_dir: Path) -> Path:
    """Logs live beside the data when the folder was chosen, in the platform's log folder otherwise."""
    if os.environ.get("CHIBO_DATA_DIR") or book_dir != data_dir():
        return book_dir / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def database_path(book_dir: Path) -> Path:
    return book_dir / DATABASE_NAME


def backup_dir(book_dir: Path) -> Path:
    return book_dir / "backups"


def demo_dir(book_dir: Path) -> Path:
    """The demo cell of the first-run wizard: a book of its own, so the real one stays empty."""
    return book_dir / "chi-bo-mau"
