"""The log file: technical detail goes here, never to the user's screen."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path


def setup_logging(folder: Path) -> Path | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "chibo.log"
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None  # a read-only or full disk must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
