"""Running a long database job (export, import, recovery) on a worker thread.

The UI thread owns the workspace's SQLCipher connection. A job here gets a Session on a
second connection of its own, opened and closed on the worker thread
(``Workspace.connect``), so the window stays responsive and the services run unchanged.
SQLite's WAL lets the UI thread keep reading meanwhile; the window keeps the person from
writing (a modal dialog) until the job reports. ``BackgroundWorker`` delivers the result
on the UI thread and makes the idle lock wait while a job runs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from desa_peduli.ui.workers import BackgroundWorker, run_in_background


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
