"""Where chibo keeps its files: one data folder per book.

Order of precedence: an explicit `--data-dir`, then `$CHIBO_DATA_DIR`, then the portable copy's
folder beside the program (`portable_data_dir`), then the per-user data folder of platformdirs (on
Windows `%LOCALAPPDATA%\\chibo`, on Linux `~/.local/share/chibo`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "chibo"
DATABASE_NAME = "chibo.sqlite"
PORTABLE_MARKER = "chibo-di-dong.txt"  # shipped in the portable zip beside chibo.exe
PORTABLE_DATA = "du-lieu"


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("CHIBO_DATA_DIR")
    if env:
        return Path(env).expanduser().resolve()
    portable = portable_data_dir()
    if portable:
        return portable
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def portable_data_dir() -> Path | None:
    """The book of a portable copy (a folder on a USB stick that a secretary carries between PCs):
    `du-lieu` beside the program when the marker file is there, wherever the stick is mounted. The
    program is the folder of the running executable (`chibo.exe`) or the one above it (`app\\python.exe`)."""
    if not sys.executable:  # an embedding host that does not say; never guess from the working folder
        return None
    program = Path(sys.executable).resolve().parent
    for folder in (program, program.parent):
        if (folder / PORTABLE_MARKER).is_file():
            return folder / PORTABLE_DATA
    return None


def log_dir(book_dir: Path) -> Path:
    """Logs live beside the data when the folder was chosen (or is a portable copy's, which leaves
    nothing on the PC), in the platform's log folder otherwise."""
    if os.environ.get("CHIBO_DATA_DIR") or book_dir != data_dir() or portable_data_dir():
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
