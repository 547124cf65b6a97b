"""The hand-over desk as the branch window sees it: choices, counts, exports, breach reports.

``session.desk`` is this façade; the dialogs in ui/branch/desk/ reach the database only
through it (on the UI thread for quick choices, on a job's own Session for long work).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desa_peduli.progress import Progress
from desa_peduli.services import breach, handover
from desa_peduli.services.branch import BranchService
from desa_peduli.services.breach import BreachReport, BreachScope
from desa_peduli.services.handover import Column, HandoverFilter, HandoverResult
from desa_peduli.services.review import ReviewService

if TYPE_CHECKING:  # annotations only: the session imports the services (a cycle)
    from desa_peduli.services.session import Session



class Desk:
    """The hand-over desk of one open branch workspace (``session.desk``)."""

    def __init__(self, session: Session):
        self._session = session

    # -- choices for the dialogs --------------------------------------------------------
    def volunteer_choices(self) -> list[tuple[str, str]]:
        """``(id, name)`` of every enrolled volunteer, by id."""
        return ReviewService(self._session).volunteer_choices()

    def recent_bundles(self, limit: int = 500) -> list[tuple[Any, ...]]:
        """``(bundle_id, file_name, volunteer_id, created_at, imported_at)``, newest first."""
        rows: list[tuple[Any, ...]] = self._session.db.execute(
            "SELECT bundle_id, file_name, volunteer_id, created_at, imported_at FROM bundles "
            "ORDER BY imported_at DESC, rowid DESC LIMIT ?", [limit]).fetchall()
        return rows

    # -- hand-over export ---------------------------------------------------------------
    def handover_count(self, filters: HandoverFilter) -> int:
        return handover.count(self._session, filters)

    def save_handover_columns(self, columns: list[Column]) -> None:
        """Make ``columns`` the default (one transaction)."""
        with self._session.atomic():
            handover.save_columns(self._session.settings, columns)

    def handover_export(self, target: Path, *, fmt: str | None = None,
                        columns: list[Column] | None = None,
                        filters: HandoverFilter | None = None,
                        progress: Progress | None = None, lang: str = "id",
                        date_format: str | None = None,
                        split: str | None = None) -> HandoverResult:
        return handover.export(self._session, target, fmt=fmt, columns=columns,
                               filters=filters, progress=progress, lang=lang,
                               date_format=date_format, split=split)

    # -- breach reports -----------------------------------------------------------------
    def devices(self, volunteer_id: str) -> list[dict[str, Any]]:
        """The laptops ``volunteer_id`` has sent from, oldest first."""
        return breach.devices(self._session, volunteer_id)

    def device_scope(self, volunteer_id: str, device: str | None = None) -> BreachScope:
        return breach.device_scope(self._session, volunteer_id, device)

    def bundle_scope(self, refs: list[str]) -> BreachScope:
        return breach.bundle_scope(self._session, refs,
                                   identity=BranchService(self._session).keys()[1])

    def breach_preview(self, scope: BreachScope) -> dict[str, Any]:
        return breach.preview(self._session, scope)

    def write_breach_report(self, scope: BreachScope, target: Path, *, fmt: str | None = None,
                            full_nik: bool = False, discovered_at: dt.datetime | None = None,
                            lang: str = "id", progress: Progress | None = None) -> BreachReport:
        """The report, signed with this branch's name and the session's actor."""
        return breach.write_report(
            self._session, scope, target, fmt=fmt, full_nik=full_nik,
            discovered_at=discovered_at, lang=lang,
            branch_name=BranchService(self._session).name, actor=self._session.actor,
            progress=progress)
