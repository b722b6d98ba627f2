"""Database work off the GUI thread: a job runs on a worker, its result comes back by signal.

Reads may run in parallel on the global pool; writes go to one dedicated worker, one at a time,
in the order they were asked for (Anki's taskman). Widgets are touched only on the GUI thread,
in the callbacks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from chibo.errors import ChiboError

log = logging.getLogger(__name__)


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


def run_write(work: Callable[[], Any], on_done: Callable[[Any], None], on_failed: Callable[[Exception], None]) -> None:
    """A job that writes to the book: queued on the single write worker."""
    run_in_background(work, on_done, on_failed, pool=write_pool())


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
