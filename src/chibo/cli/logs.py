"""The log file: technical detail goes here, never to the user's screen, and never a member's
personal data (the engine hides statements' values; refusals are logged by kind, not by their
sentence). Readable by its owner only."""

from __future__ import annotations

import logging
import os
from contextlib import suppress
from pathlib import Path

MAX_BYTES = 1_000_000
KEEP = 3


def _rotate(path: Path) -> None:
    """chibo.log -> chibo.log.1 -> … -> chibo.log.3 when it has grown past MAX_BYTES; done once at
    start-up (logging.handlers would cost every start-up its import of socket and pickle)."""
    try:
        if path.stat().st_size < MAX_BYTES:
            return
    except OSError:
        return
    for number in range(KEEP - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{number + 1}"))
    os.replace(path, path.with_name(f"{path.name}.1"))


def setup_logging(folder: Path) -> Path | None:
    """The data folder's log file in place of the one set up before in this process (a second
    command run in one process, as the tests do, never writes to the first one's folder, which may
    be gone or full)."""
    from chibo.store.files import create_private, private_folder, tighten

    root = logging.getLogger()
    for earlier in [h for h in root.handlers if getattr(h, "chibo_log", False)]:
        root.removeHandler(earlier)
        with suppress(OSError):  # its disk may be full: what it still held is lost, not this command
            earlier.close()
    try:
        private_folder(folder)
        path = folder / "chibo.log"
        _rotate(path)
        create_private(path)
        tighten(folder)  # a log written by an older chibo was world-readable
        handler = logging.FileHandler(path, encoding="utf-8")  # opened now: a disk that refuses it says so here
    except OSError:
        handler = logging.NullHandler()  # never Python's last resort: stderr is the user's
        handler.chibo_log = True
        root.addHandler(handler)
        return None  # a read-only or full disk must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.chibo_log = True
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
