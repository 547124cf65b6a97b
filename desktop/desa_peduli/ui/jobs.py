"""Background work, one way: a :class:`Job` runs on a worker thread and reports back on
the UI thread; the :class:`JobRegistry` knows what is running.

The job API (modelled on Anki's ``CollectionOp``/``QueryOp`` and its ``TaskManager``):

* ``run_job(work, owner=..., session=..., writes=..., on_success=..., on_failure=...,
  on_cancel=..., on_progress=...)`` starts ``work(session, progress)`` on the thread pool
  and returns the :class:`Job`. Every callback runs on the UI thread, and none runs once
  ``owner`` (the dialog or window that asked) has been deleted.
* ``session``: a job that touches the database gets a connection of its own on its worker
  thread (``work`` receives a :class:`Session` over it; the UI thread's connection is
  never used off the UI thread). Without one, ``work`` receives ``None`` (scrypt, files).
* ``writes=True``: writing jobs run one at a time, in the order they were started (a
  queue); reading jobs run at once, in parallel with anything.
* ``progress`` is the services' :class:`~desa_peduli.progress.Progress`:
  ``progress.report(done, total, text)`` arrives as ``on_progress(done, total, text)``;
  :meth:`Job.cancel` makes ``progress.check()`` raise ``Cancelled`` in the service.
* Cancel is an outcome: a job that ends in ``Cancelled`` (or was cancelled while it
  waited in the queue) calls ``on_cancel()``, never ``on_failure``. A failure that is not
  a :class:`~desa_peduli.errors.DesaPeduliError` (a bug) is logged.
* :func:`registry` is the one registry of running and waiting jobs: the idle lock waits
  while it is busy; the scheduled backup waits while a writing job runs
  (``registry().writing``), a restore asked for meanwhile waits its turn behind it, and
  a window closed meanwhile closes once it has ended (:func:`close_when_idle`). A
  writing job that must not be raced by the window's own one-row writes runs behind a
  window-modal dialog (restore, import, batch accept).
* Quick reads and one-row writes stay on the UI thread's connection; ``busy_cursor()``
  and ``show_failure()`` in ``ui/messages.py`` are for those.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from typing import Any, TypeVar, cast

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot

from desa_peduli.errors import Cancelled, DesaPeduliError
from desa_peduli.progress import Progress

log = logging.getLogger(__name__)

NEW, WAITING, RUNNING, DONE = "new", "waiting", "running", "done"


class Job(QObject):
    """One call of ``work(session, progress)`` on the pool; see the module's docstring.

    Has no Qt parent (the registry keeps it alive while it runs, so a closing dialog
    cannot delete it under its worker); ``owner`` only decides whether callbacks run.
    """

    finished = Signal()  # after the outcome's callback, whatever the outcome

    # emitted on the worker thread, received on the UI thread (queued)
    _reported = Signal(int, int, object)
    _ended = Signal(str, object)

    def __init__(self, work: Callable[[Any, Progress], object], *,
                 owner: QObject | None = None, session=None, writes: bool = False,
                 on_success: Callable[[object], None] | None = None,
                 on_failure: Callable[[Exception], None] | None = None,
                 on_cancel: Callable[[], None] | None = None,
                 on_progress: Callable[[int, int, str | None], None] | None = None):
        super().__init__(None)
        self._work = work
        self._owner = owner
        self._session = session
        self.writes = writes
        self._on_success, self._on_failure = on_success, on_failure
        self._on_cancel, self._on_progress = on_cancel, on_progress
        self.progress = Progress(self._reported.emit)
        self.state = NEW
        self._reported.connect(self._deliver_progress, Qt.ConnectionType.QueuedConnection)
        self._ended.connect(self._deliver_end, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        """Started and not yet reported its outcome (running or waiting its turn)."""
        return self.state in (WAITING, RUNNING)

    @property
    def cancel_requested(self) -> bool:
        return self.progress.cancelled

    def start(self) -> Job:
        registry().submit(self)
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next ``progress.check()`` (a waiting job never runs)."""
        self.progress.cancel()
        if self.state == WAITING:
            registry().withdraw(self)
            self._deliver_end("cancelled", None)

    # -- on the worker thread -----------------------------------------------------------
    def _launch(self) -> None:
        self.state = RUNNING
        QThreadPool.globalInstance().start(QRunnable.create(self._run))

    def _run(self) -> None:
        db = None
        try:
            session = None
            if self._session is not None:
                workspace = self._session.workspace
                db = workspace.connect(check_same_thread=False)
                # the stand-in answers as the Workspace does (its __getattr__)
                from desa_peduli.services.session import Session  # noqa: PLC0415 - start-up: loads after the passphrase dialog

                session = Session(cast(Any, _WorkspaceOnThread(workspace, db)))
            self.progress.check()
            value = self._work(session, self.progress)
        except Cancelled:
            self._ended.emit("cancelled", None)
        except Exception as exc:  # noqa: BLE001 - handed to the UI thread
            self._ended.emit("failed", exc)
        else:
            self._ended.emit("succeeded", value)
        finally:
            if db is not None:
                db.conn.close()

    # -- on the UI thread ---------------------------------------------------------------
    def _owner_alive(self) -> bool:
        return self._owner is None or shiboken6.isValid(self._owner)

    @Slot(int, int, object)
    def _deliver_progress(self, done: int, total: int, text) -> None:
        if self.state == RUNNING and self._on_progress and self._owner_alive():
            self._on_progress(done, total, text)

    @Slot(str, object)
    def _deliver_end(self, outcome: str, value) -> None:
        if self.state == DONE:
            return
        self.state = DONE
        registry().done(self)
        if outcome == "failed" and not isinstance(value, DesaPeduliError):
            log.error("background task failed", exc_info=(type(value), value, value.__traceback__))
        if self._owner_alive():
            callback = {"succeeded": self._on_success, "failed": self._on_failure,
                        "cancelled": self._on_cancel}[outcome]
            if callback is not None:
                callback(*(() if outcome == "cancelled" else (value,)))
            self.finished.emit()


class JobRegistry(QObject):
    """What is running and what waits: writers one at a time, readers at once."""

    changed = Signal()

    def __init__(self):
        super().__init__(None)
        self.running: list[Job] = []
        self._waiting: deque[Job] = deque()

    @property
    def busy(self) -> bool:
        """A job is running or waiting (the idle lock waits for it)."""
        return bool(self.running or self._waiting)

    @property
    def writing(self) -> bool:
        """A writing job is running or waiting: a window starts no other write."""
        return any(job.writes for job in (*self.running, *self._waiting))

    def submit(self, job: Job) -> None:
        if job.writes and any(j.writes for j in (*self.running, *self._waiting)):
            job.state = WAITING
            self._waiting.append(job)
        else:
            self.running.append(job)
            job._launch()
        self.changed.emit()

    def withdraw(self, job: Job) -> None:
        if job in self._waiting:
            self._waiting.remove(job)

    def done(self, job: Job) -> None:
        if job in self.running:
            self.running.remove(job)
        if job.writes and self._waiting and not any(j.writes for j in self.running):
            following = self._waiting.popleft()
            self.running.append(following)
            following._launch()
        self.changed.emit()


_registry: JobRegistry | None = None


def registry() -> JobRegistry:
    """The application's one :class:`JobRegistry` (made on first use, on the UI thread)."""
    global _registry
    if _registry is None:
        _registry = JobRegistry()
    return _registry


T = TypeVar("T")


def run_job(work: Callable[[Any, Progress], T], *, owner: QObject | None = None,
            session=None, writes: bool = False,
            on_success: Callable[[T], None] | None = None,
            on_failure: Callable[[Exception], None] | None = None,
            on_cancel: Callable[[], None] | None = None,
            on_progress: Callable[[int, int, str | None], None] | None = None) -> Job:
    """Start ``work(session, progress)`` as a :class:`Job` (see the module's docstring)."""
    # Job hands the value of ``work`` to ``on_success`` unchanged: the same T
    return Job(work, owner=owner, session=session, writes=writes,
               on_success=cast("Callable[[object], None] | None", on_success),
               on_failure=on_failure, on_cancel=on_cancel, on_progress=on_progress).start()


class _WorkspaceOnThread:
    """The open workspace as a worker thread sees it: its own connection, the rest shared.

    Never closed through the Session: :meth:`Workspace.close` would release the lock of
    the real workspace. Only the connection is closed, by the job that opened it.
    """

    def __init__(self, workspace, db):
        self._workspace = workspace
        self.db = db

    def __getattr__(self, name):
        return getattr(self._workspace, name)


def close_when_idle(window) -> bool:
    """For a window's ``closeEvent``: while a writing job runs (its transaction must end
    first) the window stays open and closes itself once no writing job is left. True: the
    close was put off (ignore the event)."""
    jobs = registry()
    if not jobs.writing:
        return False

    def retry() -> None:
        if not jobs.writing:
            jobs.changed.disconnect(retry)
            if shiboken6.isValid(window):
                window._close_when_idle = False
                # in a later turn: the job that just ended delivers its outcome first,
                # to the workspace still open (closing it now would pull it from under
                # the outcome's callback)
                QTimer.singleShot(0, window, window.close)

    if not getattr(window, "_close_when_idle", False):
        window._close_when_idle = True
        jobs.changed.connect(retry)
    return True
