"""Errors the user sees.

Every failure that reaches a person is a `ChiboError`: its message is a Vietnamese sentence that
says what happened and what to do; the technical detail goes to the log, never to the screen.
"""


class ChiboError(Exception):
    """A refused action or input, with a message fit to show the secretary."""

    def __init__(self, message: str, detail: str | None = None):
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class NotFoundError(ChiboError):
    """A record asked for by id (or id prefix) does not exist or is ambiguous."""


class BookLockedError(ChiboError):
    """Another chibo already has this data folder open."""


class SchemaTooNewError(ChiboError):
    """The database was written by a newer chibo; it is left untouched."""


class ValidationError(ChiboError):
    """A value typed or imported does not fit the record."""


class DamagedBookError(ChiboError):
    """The book cannot be used as it is (damaged pages, 0 bytes, gone while backups remain); the
    message names the newest good backup, `good_backup` is its path (None when there is none)."""

    def __init__(self, message: str, detail: str | None = None, good_backup=None):
        super().__init__(message, detail)
        self.good_backup = good_backup


class DiskFullError(ChiboError):
    """The disk ran out of space while writing; nothing was changed."""


class KeysLostError(ChiboError):
    """The unit's private keys are gone from this computer while its public keys were sent out."""


def is_disk_full(exc: BaseException | None) -> bool:
    """True when `exc`, or an error it was raised from, is "no space left on the device" (ENOSPC,
    EDQUOT) or SQLite's SQLITE_FULL, however deeply SQLAlchemy wrapped it."""
    import errno

    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return True
        if getattr(exc, "sqlite_errorcode", None) == 13 or "database or disk is full" in str(exc):  # SQLITE_FULL
            return True
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
    return False


def is_damaged_database(exc: BaseException | None) -> bool:
    """True when `exc`, or an error it was raised from, is SQLite finding the file damaged
    (SQLITE_CORRUPT, SQLITE_NOTADB, their extended codes), however deeply SQLAlchemy wrapped it."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        code = getattr(exc, "sqlite_errorcode", None)
        if (code is not None and code & 0xFF in (11, 26)) or "database disk image is malformed" in str(exc):
            return True
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
    return False


def disk_full(folder) -> DiskFullError:
    return DiskFullError(f"Ổ đĩa chứa “{folder}” đã đầy. Hãy giải phóng chỗ trống rồi thử lại; dữ liệu chưa bị "
                         "thay đổi.", detail=f"no space left on the device of {folder}")
