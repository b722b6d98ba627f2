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
