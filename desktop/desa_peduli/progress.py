"""Progress and cancel of one long operation: the service reports, the caller may cancel.

Plain Python (no Qt), at the top of the package so that every layer may take one (the
bundle import in ``sync/`` reports through it too): the GUI's jobs (``ui/jobs.py``)
forward :meth:`Progress.report` to the UI thread, the CLI could print it, a test records
it. A service calls
:meth:`Progress.check` every few hundred rows; once :meth:`Progress.cancel` was called it
raises :class:`~desa_peduli.errors.Cancelled` and the service's transaction rolls back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from desa_peduli.errors import Cancelled

Reporter = Callable[[int, int, "str | None"], None]


class Progress:
    """``report(done, total, text)`` to whoever listens; ``total`` 0 means not known yet."""

    def __init__(self, on_report: Reporter | None = None,
                 cancelled: Callable[[], bool] | None = None):
        self._on_report = on_report
        self._cancel = threading.Event()
        self._cancelled = cancelled  # an outside condition that also counts as a cancel

    def report(self, done: int, total: int = 0, text: str | None = None) -> None:
        if self._on_report is not None:
            self._on_report(done, total, text)

    def cancel(self) -> None:
        """Ask the operation to stop at its next :meth:`check` (any thread)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set() or bool(self._cancelled and self._cancelled())

    def check(self) -> None:
        """Raise :class:`Cancelled` if the operation was asked to stop."""
        if self.cancelled:
            raise Cancelled()


def report(progress: Progress | None, done: int, total: int = 0) -> None:
    """``progress.report(done, total)`` unless there is no one to tell."""
    if progress is not None:
        progress.report(done, total)


def check(progress: Progress | None) -> None:
    """``progress.check()`` unless the operation cannot be cancelled."""
    if progress is not None:
        progress.check()
