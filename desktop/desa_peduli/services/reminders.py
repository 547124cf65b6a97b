"""Reminders that matter, worked out from the workspace's sync and backup state (no Qt).

The volunteer's window shows them in a banner above the list, never as a box to click
away at every start:

* **unsent**: registrations changed since the last bundle have waited for days
  ("14 pendaftaran belum dikirim sejak 10 hari");
* **not enrolled**: the registrations exist only on this laptop and cannot be sent yet;
* **receipt**: the last receipt is older than the last bundle, days after that bundle:
  ask the branch office for a new receipt;
* **backup**: no backup for days (the hourly backup keeps failing, or never ran).

:func:`reminder_state` reads what is needed from an open session;
:func:`volunteer_reminders` and :func:`branch_reminders` are pure, so they are tested
with fixed dates. The texts belong to the UI (translated there); a :class:`Reminder`
carries only its kind and numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

from desa_peduli.domain.words import parse_moment

if TYPE_CHECKING:  # annotations only: the session imports the services (a cycle)
    from desa_peduli.services.session import Session

UNSENT, NOT_ENROLLED, RECEIPT, BACKUP = "unsent", "not_enrolled", "receipt", "backup"


@dataclass(frozen=True)
class ReminderPolicy:
    """After how many days each reminder appears."""

    unsent_after_days: int = 7  # a registration not in any bundle for a week
    receipt_after_days: int = 3  # the branch office had time to answer the last bundle
    backup_after_days: int = 2  # backups are hourly while the app is open


@dataclass(frozen=True)
class ReminderState:
    """What the reminders are worked out from (timestamps as stored: ISO text)."""

    enrolled: bool = False
    registrations: int = 0  # not drafts, not deleted, not purged
    unsent: int = 0  # changed since the last bundle (all of them before the first)
    oldest_unsent_at: str | None = None  # the first change not in any bundle yet
    unacknowledged: int = 0  # not yet confirmed by a receipt
    last_export_at: str | None = None
    last_receipt_at: str | None = None
    last_backup_at: str | None = None
    created_at: str | None = None  # the workspace


@dataclass(frozen=True)
class Reminder:
    kind: str
    count: int = 0  # registrations concerned
    days: int = 0  # how long it has waited
    since: str | None = None  # the timestamp the days count from (ISO)


@overload
def parse_time(value: dt.datetime) -> dt.datetime: ...
@overload
def parse_time(value: str | dt.datetime | None) -> dt.datetime | None: ...
def parse_time(value: str | dt.datetime | None) -> dt.datetime | None:
    """An aware datetime from a stored timestamp (a naive one is local time)."""
    return parse_moment(value)


def days_between(earlier: str | dt.datetime | None, now: dt.datetime) -> int | None:
    """Whole days from ``earlier`` to ``now`` (never negative); None without a time."""
    start = parse_time(earlier)
    if start is None:
        return None
    return max(0, (parse_time(now) - start).days)


def volunteer_reminders(state: ReminderState, now: dt.datetime,
                        policy: ReminderPolicy | None = None) -> list[Reminder]:
    """The reminders for a volunteer's laptop, most urgent first."""
    policy = policy or ReminderPolicy()
    found: list[Reminder] = []
    if state.unsent:
        waited = days_between(state.oldest_unsent_at, now)
        if waited is not None and waited >= policy.unsent_after_days:
            kind = UNSENT if state.enrolled else NOT_ENROLLED
            found.append(Reminder(kind, state.unsent, waited, state.oldest_unsent_at))
    if state.enrolled and state.last_export_at and state.unacknowledged:
        exported = parse_time(state.last_export_at)
        received = parse_time(state.last_receipt_at)
        waited = days_between(exported, now)
        if exported is not None and (received is None or received < exported) \
                and waited is not None and waited >= policy.receipt_after_days:
            found.append(Reminder(RECEIPT, state.unacknowledged, waited, state.last_export_at))
    backup = _backup_reminder(state, now, policy)
    if backup is not None:
        found.append(backup)
    return found


def branch_reminders(state: ReminderState, now: dt.datetime,
                     policy: ReminderPolicy | None = None) -> list[Reminder]:
    """The branch office's: only the backup one (its data lives nowhere else)."""
    backup = _backup_reminder(state, now, policy or ReminderPolicy())
    return [backup] if backup is not None else []


def _backup_reminder(state: ReminderState, now: dt.datetime,
                     policy: ReminderPolicy) -> Reminder | None:
    if state.last_backup_at:
        waited = days_between(state.last_backup_at, now)
        if waited is not None and waited >= policy.backup_after_days:
            return Reminder(BACKUP, state.registrations, waited, state.last_backup_at)
        return None
    # never backed up: only worth saying once there is something to lose, for a while
    waited = days_between(state.created_at, now)
    if state.registrations and (waited is None or waited >= policy.backup_after_days):
        return Reminder(BACKUP, state.registrations, waited or 0, None)
    return None


def reminder_state(session: Session) -> ReminderState:
    """Read the state of an open workspace (a few indexed queries)."""
    db = session.db
    settings = session.settings
    meta = getattr(session.workspace, "meta", None) or {}
    if session.role != "volunteer":
        # a branch holds up to a million: counted by triggers (0006), not by a scan
        registrations = db.execute("SELECT coalesce(sum(n), 0) FROM volunteer_counts "
                                   "WHERE dimension = 'state'").fetchone()[0]
    else:
        live = "status != 'draft' AND deleted_at IS NULL AND purged_at IS NULL"
        registrations = db.execute(
            f"SELECT count(*) FROM registrations WHERE {live}").fetchone()[0]
    common = dict(registrations=registrations, last_backup_at=settings.get("last_backup_at"),
                  created_at=meta.get("created_at"))
    if session.role != "volunteer":
        return ReminderState(**common)
    sent_seq = int(settings.get("last_export_seq") or 0)
    acked_seq = int(settings.get("acked_seq") or 0)
    enrolled = bool(settings.get("branch"))
    pending = "change_seq > ? AND status != 'draft' AND purged_at IS NULL"
    unsent = db.execute(f"SELECT count(*) FROM registrations WHERE {pending}",
                        [sent_seq]).fetchone()[0]
    oldest = None
    if unsent:
        oldest = db.execute(
            "SELECT min(c.at) FROM change_log c JOIN registrations r ON r.id = c.registration_id "
            "WHERE c.seq > ? AND r.status != 'draft' AND r.purged_at IS NULL",
            [sent_seq]).fetchone()[0]
    unacknowledged = db.execute(f"SELECT count(*) FROM registrations WHERE {pending}",
                                [acked_seq]).fetchone()[0]
    return ReminderState(
        enrolled=enrolled, unsent=unsent, oldest_unsent_at=oldest,
        unacknowledged=unacknowledged, last_export_at=settings.get("last_export_at"),
        last_receipt_at=settings.get("last_receipt_at"), **common)


def reminders_for(session: Session, now: dt.datetime | None = None,
                  policy: ReminderPolicy | None = None) -> list[Reminder]:
    """The reminders of an open workspace now."""
    now = now or dt.datetime.now().astimezone()
    state = reminder_state(session)
    if session.role == "volunteer":
        return volunteer_reminders(state, now, policy)
    return branch_reminders(state, now, policy)


__all__ = ["BACKUP", "NOT_ENROLLED", "RECEIPT", "UNSENT", "Reminder", "ReminderPolicy",
           "ReminderState", "branch_reminders", "days_between", "reminder_state",
           "reminders_for", "volunteer_reminders"]
