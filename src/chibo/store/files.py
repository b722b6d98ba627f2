"""Files written so that a power cut leaves either the old file or the new one, never half."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals the rename
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(target: Path, data: bytes, *, private: bool = False) -> None:
    """Write `<name>.partial`, fsync it, rename it over `target`, fsync the folder. With `private`
    the file is readable by its owner only (keys). Raises OSError; no partial file is left."""
    partial = target.with_name(target.name + ".partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except OSError:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass  # the folder itself is unusable: there is no partial file to remove
        raise
    fsync_dir(target.parent)
