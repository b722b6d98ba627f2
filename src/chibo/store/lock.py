"""One running chibo per data folder: an OS file lock that dies with the process (a power cut or a
crash never leaves a stale lock behind)."""

from __future__ import annotations

import os
from pathlib import Path

from chibo.errors import BookLockedError

LOCK_NAME = "chibo.lock"


class InstanceLock:
    def __init__(self, folder: Path):
        self.path = folder / LOCK_NAME
        self._file = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+b")  # noqa: SIM115  (kept open: the handle holds the lock until release)
        try:
            if os.name == "nt":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise BookLockedError(
                "Chibo đang mở sổ này ở một cửa sổ hoặc lệnh khác. Hãy đóng cửa sổ đó rồi thử lại.",
                detail=str(self.path),
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            self._file.close()  # closing drops the lock on both platforms
            self._file = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
