"""The desk's work on a worker thread with a connection of its own: progress, cancel, result.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import (
    QObject,
    Qt,
    Signal,
    Slot,
)

from desa_peduli.ui.jobs import run_with_own_connection

log = logging.getLogger(__name__)


# ------------------------------------------------------------------------------ jobs
class _Relay(QObject):
    """Lives on the UI thread; the worker emits through it (queued)."""

    progress = Signal(int, int)


class DeskJob(QObject):
    """``work(session, progress, cancelled)`` on a worker thread with its own connection.

    ``progress(done, total)`` and the result arrive on the UI thread; :meth:`cancel`
    makes ``cancelled()`` true, which the services check every few hundred rows.
    """

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, session, work: Callable, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._work = work
        self._cancel = threading.Event()
        self._relay = _Relay()
        self._relay.progress.connect(self._on_relay_progress, Qt.ConnectionType.QueuedConnection)
        self._worker = None

    @property
    def running(self) -> bool:
        return self._worker is not None

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        work, relay, cancel = self._work, self._relay, self._cancel

        def task(session):
            try:
                return work(session, relay.progress.emit, cancel.is_set)
            except Exception as exc:  # noqa: BLE001 - a cancel is no failure worth a log
                if is_cancel(exc):
                    return Stopped(exc)
                raise

        self._worker = run_with_own_connection(
            self._session, task, self._on_worker_succeeded, self._on_worker_failed, self)

    def cancel(self) -> None:
        self._cancel.set()

    @Slot(int, int)
    def _on_relay_progress(self, done: int, total: int) -> None:
        self.progress.emit(done, total)

    def _on_worker_succeeded(self, result) -> None:
        self._worker = None
        if isinstance(result, Stopped):
            self.failed.emit(result.exc)
        else:
            self.succeeded.emit(result)
        self.finished.emit()

    def _on_worker_failed(self, exc) -> None:
        self._worker = None
        self.failed.emit(exc)
        self.finished.emit()


class Stopped:
    """What a cancelled job hands back (a cancel is not an error to log)."""

    def __init__(self, exc: Exception):
        self.exc = exc


def is_cancel(exc: Exception) -> bool:
    from desa_peduli.errors import Cancelled

    return isinstance(exc, Cancelled)
