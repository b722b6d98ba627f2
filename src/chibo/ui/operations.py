"""Database work off the GUI thread, in two helpers modelled on Anki's `QueryOp` and
`CollectionOp` (qt/aqt/operations): a job runs on a worker and its result comes back by signal.

- `QueryOp(parent, book, read, success)`: a read, `read(db)` in a database session on the global
  pool (reads may run side by side).
- `BookOp(parent, book, write, changes)`: a write, `write(db)` in one transaction on the single
  write worker (one at a time, in the order asked: Anki's taskman). When it succeeds, `success`
  runs and then every window on that book hears `changes`: which kinds of records it changed
  (`Kind`), so that a page reloads only when its kind changed (`MainWindow.on_changes`).

Both show the failure in Vietnamese by default (a refusal's own sentence, `ChiboError`, else the
`failure_text` given, the detail in the log); `.failure(callback)` replaces that, for an editor
that shows it in its own red line. Widgets are touched only on the GUI thread, in the callbacks.
`run_in_background` is the primitive under both, for the few jobs that run before there is a
book (opening it, looking for backups)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from chibo.errors import ChiboError

log = logging.getLogger(__name__)


class Kind(StrEnum):
    """The kinds of records a write may change; pages say which kinds they show."""

    MEMBERS = "members"  # the register and the status history
    SESSIONS = "sessions"  # sessions, their attendance, agenda, speeches
    DOCUMENTS = "documents"  # documents to study
    ESSAYS = "essays"
    PLANS = "plans"  # action plans and their tasks
    OUTREACH = "outreach"
    PAPERS = "papers"  # numbers issued to papers (the outgoing register)
    EXCHANGE = "exchange"  # bundles written or read, keys approved
    SETTINGS = "settings"  # the unit, the cell's rules, the text size
    BACKUPS = "backups"  # the backup files beside the book


class Changes(frozenset):
    """What a write changed: a set of `Kind`s (Anki's `OpChanges`)."""

    def touches(self, kinds: Iterable[Kind]) -> bool:
        return not self.isdisjoint(kinds)


def changes(*kinds: Kind) -> Changes:
    return Changes(kinds)


EVERYTHING = Changes(Kind)  # a restore, or a bundle that may bring any record


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except ChiboError as exc:  # a refusal: its sentence may quote what was typed (a name, a date), not logged
            log.warning("refused: %s (%s)", type(exc).__name__, exc.detail)
            self.relay.failed.emit(exc)
        except Exception as exc:  # reported on the GUI thread, logged here
            log.exception("background job failed")
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


_live_relays: set[_Relay] = set()
_write_pool: QThreadPool | None = None


def write_pool() -> QThreadPool:
    global _write_pool
    if _write_pool is None:
        _write_pool = QThreadPool()
        _write_pool.setMaxThreadCount(1)
    return _write_pool


def message_of(exc: Exception, fallback: str) -> str:
    """What a failed job tells the user: a refusal's own sentence (ChiboError), else `fallback`;
    the technical detail is in the log."""
    return exc.message if isinstance(exc, ChiboError) else fallback


def wait_for_jobs(msecs: int = 10_000) -> None:
    """Before closing the book: let running jobs finish."""
    QThreadPool.globalInstance().waitForDone(msecs)
    write_pool().waitForDone(msecs)


def run_in_background(work: Callable[[], Any], on_done: Callable[[Any], None], on_failed: Callable[[Exception], None],
                      pool: QThreadPool | None = None) -> None:
    relay = _Relay()
    _live_relays.add(relay)  # keep it alive until the job reports

    def finish(callback, value):
        _live_relays.discard(relay)
        callback(value)

    relay.done.connect(lambda value: finish(on_done, value))
    relay.failed.connect(lambda exc: finish(on_failed, exc))
    (pool or QThreadPool.globalInstance()).start(_Job(work, relay))


class _ChangeBus(QObject):
    """Where a successful write announces its changes: (book, Changes)."""

    changed = Signal(object, object)


_bus: _ChangeBus | None = None


def change_bus() -> _ChangeBus:
    global _bus
    if _bus is None:
        _bus = _ChangeBus()
    return _bus


def announce(book, what: Changes) -> None:
    """Tell every window on `book` that these kinds of records changed (a write made outside
    `BookOp`, such as a dialog's own job, says it here)."""
    if what:
        change_bus().changed.emit(book, what)


def _warn(parent, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent.window() if parent is not None else None, "chibo", text)


class _Op:
    def __init__(self, parent, book, work: Callable, failure_text: str, in_session: bool):
        self._parent, self._book, self._work = parent, book, work
        self._failure_text, self._in_session = failure_text, in_session
        self._success: Callable[[Any], Any] | None = None
        self._failure: Callable[[Exception], Any] | None = None

    def success(self, callback: Callable[[Any], Any] | None):
        self._success = callback
        return self

    def failure(self, callback: Callable[[Exception], Any] | None):
        """Instead of the default message box (an editor shows the refusal in its own red line)."""
        self._failure = callback
        return self

    def _job(self) -> Callable[[], Any]:
        book, work = self._book, self._work
        if not self._in_session:
            return work

        def in_session():
            with book.session() as db:  # one transaction: a refusal rolls the whole of it back
                return work(db)

        return in_session

    def _gone(self) -> bool:
        """The widget that asked was closed and deleted while the job ran: nobody to tell."""
        from shiboken6 import isValid

        return self._parent is not None and not isValid(self._parent)

    def _failed(self, exc: Exception) -> None:
        if self._gone():
            log.info("a job's failure came after its window was closed: %s", type(exc).__name__)
            return
        if self._failure is not None:
            self._failure(exc)
        else:
            _warn(self._parent, message_of(exc, self._failure_text))


class QueryOp(_Op):
    """A read on a worker: `read(db)`, then `success(result)` on the GUI thread.

    `in_session=False`: `read()` takes no argument (it opens what it needs itself)."""

    def __init__(self, parent, book, read: Callable, success: Callable[[Any], Any], *, failure_text: str = "",
                 in_session: bool = True):
        from chibo.ui.i18n import tr

        super().__init__(parent, book, read, failure_text or tr("Could not read the book. The details are in the log."),
                         in_session)
        self._success = success

    def run(self) -> None:
        run_in_background(self._job(), self._done, self._failed)

    def _done(self, result) -> None:
        if self._success is not None and not self._gone():
            self._success(result)


class BookOp(_Op):
    """A write on the single write worker: `write(db)` in one transaction, then `success(result)`,
    then `changes` announced to every window on the book. `changes` is a `Changes`, or a callable
    that makes one from the result (an import knows what it brought only once it is done).

    `in_session=False`: `write()` takes no argument and manages its own transactions (export,
    import, backup, restore)."""

    def __init__(self, parent, book, write: Callable, changes: Changes | Callable[[Any], Changes], *,
                 failure_text: str = "", in_session: bool = True):
        from chibo.ui.i18n import tr

        super().__init__(parent, book, write, failure_text or tr(
            "Could not save. The details are in the log; the book was not changed."), in_session)
        self._changes = changes

    def run(self) -> None:
        run_in_background(self._job(), self._done, self._failed, pool=write_pool())

    def _done(self, result) -> None:
        try:
            if self._success is not None and not self._gone():
                self._success(result)
        finally:  # written: whoever shows the book hears of it, even if the widget that asked is gone
            announce(self._book, self._changes(result) if callable(self._changes) else self._changes)
