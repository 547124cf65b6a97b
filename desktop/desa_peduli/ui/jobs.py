"""Running slow, database-free work (scrypt key wrapping) off the UI thread.

The workspace's SQLCipher connection belongs to the UI thread, so background work here
must not touch it: it unwraps or wraps keys, reads files, and hands a plain result back.
``succeeded``/``failed`` always arrive on the UI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the UI thread; the pool thread emits through it (queued)."""

    result = Signal(object)
    error = Signal(object)


class BackgroundWorker(QObject):
    """One call of ``fn`` on the thread pool. Keep a reference until it reports."""

    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    done = Signal()

    _active = 0  # functions running on the pool, all instances
    _active_lock = threading.Lock()

    @classmethod
    def active_count(cls) -> int:
        return cls._active

    def __init__(self, fn: Callable[[], object], parent: QObject | None = None):
        super().__init__(parent)
        self._fn = fn
        self._relay = _Relay()
        self._relay.result.connect(self._on_relay_result, Qt.ConnectionType.QueuedConnection)
        self._relay.error.connect(self._on_relay_error, Qt.ConnectionType.QueuedConnection)
        self.running = False

    def start(self) -> None:
        self.running = True
        relay, fn = self._relay, self._fn
        with BackgroundWorker._active_lock:
            BackgroundWorker._active += 1

        def run():
            try:
                value = fn()
            except Exception as exc:  # noqa: BLE001 - handed to the UI thread
                relay.error.emit(exc)
            else:
                relay.result.emit(value)
            finally:
                with BackgroundWorker._active_lock:
                    BackgroundWorker._active -= 1

        QThreadPool.globalInstance().start(run)

    def _finish(self) -> None:
        self.running = False

    @Slot(object)
    def _on_relay_result(self, value) -> None:
        self._finish()
        self.succeeded.emit(value)
        self.done.emit()

    @Slot(object)
    def _on_relay_error(self, exc) -> None:
        self._finish()
        from desa_peduli.errors import DesaPeduliError

        if not isinstance(exc, DesaPeduliError):
            log.error("background task failed", exc_info=(type(exc), exc, exc.__traceback__))
        self.failed.emit(exc)
        self.done.emit()


def run_in_background(
    fn: Callable[[], object],
    on_success: Callable[[object], None],
    on_failure: Callable[[Exception], None],
    parent: QObject | None = None,
) -> BackgroundWorker:
    """Start ``fn`` on the pool; the callbacks run on the UI thread."""
    worker = BackgroundWorker(fn, parent)
    worker.succeeded.connect(on_success)
    worker.failed.connect(on_failure)
    worker.start()
    return worker


# -- database jobs on a connection of their own (was sync_worker.py)






class _WorkspaceOnThread:
    """The open workspace as a worker thread sees it: its own connection, the rest shared.

    Never closed through the Session: :meth:`Workspace.close` would release the lock of
    the real workspace. Only the connection is closed, by :func:`run_with_own_connection`.
    """

    def __init__(self, workspace, db):
        self._workspace = workspace
        self.db = db

    def __getattr__(self, name):
        return getattr(self._workspace, name)


def run_with_own_connection(
    session,
    work: Callable[[object], object],
    on_success: Callable[[object], None],
    on_failure: Callable[[Exception], None],
    parent: QObject | None = None,
) -> BackgroundWorker:
    """Run ``work(thread_session)`` on the pool; the callbacks run on the UI thread."""
    from desa_peduli.services.session import Session

    workspace = session.workspace

    def task():
        db = workspace.connect(check_same_thread=False)
        try:
            return work(Session(_WorkspaceOnThread(workspace, db)))
        finally:
            db.conn.close()

    return run_in_background(task, on_success, on_failure, parent)
