"""The log file: technical detail goes here, never to the user's screen."""

from __future__ import annotations

import logging
import os
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
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "chibo.log"
        _rotate(path)
        handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        return None  # a read-only or full disk must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
