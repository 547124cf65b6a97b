"""Reminders: worked out with fixed dates from the sync and backup state."""

from __future__ import annotations

import datetime as dt

import pytest

from desa_peduli.services.reminders import (
    BACKUP,
    NOT_ENROLLED,
    RECEIPT,
    UNSENT,
    ReminderPolicy,
    ReminderState,
    branch_reminders,
    days_between,
    reminder_state,
    volunteer_reminders,
)

WIB = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=WIB)


def ago(days: float, hours: float = 0) -> str:
    return (NOW - dt.timedelta(days=days, hours=hours)).isoformat()


def state(**changes) -> ReminderState:
    """An enrolled laptop with everything sent, received and backed up an hour ago."""
    base = dict(enrolled=True, registrations=40, unsent=0, unacknowledged=0,
                last_export_at=ago(0, 2), last_receipt_at=ago(0, 1), last_backup_at=ago(0, 1),
                created_at=ago(60))
    base.update(changes)
    return ReminderState(**base)


def kinds(found) -> list[str]:
    return [reminder.kind for reminder in found]


def test_nothing_to_say_when_all_is_sent_received_and_backed_up():
    assert volunteer_reminders(state(), NOW) == []


def test_fourteen_registrations_unsent_for_ten_days():
    found = volunteer_reminders(state(unsent=14, oldest_unsent_at=ago(10), unacknowledged=14),
                                NOW)
    assert kinds(found) == [UNSENT]
    assert (found[0].count, found[0].days) == (14, 10)


def test_unsent_waits_a_week_before_reminding():
    assert volunteer_reminders(state(unsent=3, oldest_unsent_at=ago(6, 23),
                                     unacknowledged=3), NOW) == []
    found = volunteer_reminders(state(unsent=3, oldest_unsent_at=ago(7), unacknowledged=3), NOW)
    assert kinds(found) == [UNSENT] and found[0].days == 7


def test_the_policy_changes_the_thresholds():
    policy = ReminderPolicy(unsent_after_days=2, receipt_after_days=1, backup_after_days=10)
    found = volunteer_reminders(state(unsent=3, oldest_unsent_at=ago(2), unacknowledged=3,
                                      last_backup_at=ago(5)), NOW, policy)
    assert kinds(found) == [UNSENT]


def test_not_enrolled_laptop_is_told_its_data_is_only_here():
    found = volunteer_reminders(state(enrolled=False, unsent=25, oldest_unsent_at=ago(9),
                                      unacknowledged=25, last_export_at=None,
                                      last_receipt_at=None), NOW)
    assert kinds(found) == [NOT_ENROLLED]
    assert (found[0].count, found[0].days) == (25, 9)


def test_receipt_older_than_the_last_bundle_after_three_days():
    exported = ago(4)
    found = volunteer_reminders(state(last_export_at=exported, last_receipt_at=ago(20),
                                      unacknowledged=12), NOW)
    assert kinds(found) == [RECEIPT]
    assert (found[0].count, found[0].days, found[0].since) == (12, 4, exported)


def test_no_receipt_reminder_right_after_exporting():
    assert volunteer_reminders(state(last_export_at=ago(1), last_receipt_at=ago(20),
                                     unacknowledged=12), NOW) == []


def test_no_receipt_reminder_once_everything_is_acknowledged():
    assert volunteer_reminders(state(last_export_at=ago(9), last_receipt_at=ago(20),
                                     unacknowledged=0), NOW) == []


def test_never_a_receipt_counts_as_older():
    found = volunteer_reminders(state(last_export_at=ago(5), last_receipt_at=None,
                                      unacknowledged=8), NOW)
    assert kinds(found) == [RECEIPT]


def test_backup_reminder_after_two_days_without_one():
    assert volunteer_reminders(state(last_backup_at=ago(1, 23)), NOW) == []
    found = volunteer_reminders(state(last_backup_at=ago(3)), NOW)
    assert kinds(found) == [BACKUP] and found[0].days == 3


def test_never_backed_up_matters_only_with_registrations_after_a_while():
    assert volunteer_reminders(state(last_backup_at=None, registrations=0), NOW) == []
    assert volunteer_reminders(state(last_backup_at=None, created_at=ago(0, 3)), NOW) == []
    found = volunteer_reminders(state(last_backup_at=None, created_at=ago(4)), NOW)
    assert kinds(found) == [BACKUP] and found[0].since is None


def test_several_reminders_most_urgent_first():
    found = volunteer_reminders(state(unsent=5, oldest_unsent_at=ago(8), unacknowledged=20,
                                      last_export_at=ago(8), last_receipt_at=ago(30),
                                      last_backup_at=ago(8)), NOW)
    assert kinds(found) == [UNSENT, RECEIPT, BACKUP]


def test_branch_office_only_gets_the_backup_reminder():
    assert branch_reminders(state(unsent=5, oldest_unsent_at=ago(30)), NOW) == []
    assert kinds(branch_reminders(state(last_backup_at=ago(5)), NOW)) == [BACKUP]


@pytest.mark.parametrize(("earlier", "expected"), [
    ("2026-11-20T09:00:00+07:00", 10),
    ("2026-11-20T10:00:00+07:00", 9),  # not yet ten whole days
    ("2026-12-01T09:00:00+07:00", 0),  # a clock set wrong: never negative
    (None, None),
    ("not a date", None),
])
def test_days_between(earlier, expected):
    assert days_between(earlier, NOW) == expected


def test_a_naive_timestamp_is_local_time():
    local_now = dt.datetime(2026, 11, 30, 9, 0).astimezone()
    assert days_between("2026-11-27T09:00:00", local_now) == 3


def test_state_of_a_real_workspace(session, valid_registration):
    """Counts and times read from an open workspace (not enrolled, nothing sent yet)."""
    session.registrations.save(valid_registration)
    session.registrations.save(dict(valid_registration, nik="1504054203880002", phone=""))
    read = reminder_state(session)
    assert read.enrolled is False
    assert read.unsent == 1 and read.unacknowledged == 1  # the draft is not counted
    assert read.registrations == 1
    assert days_between(read.oldest_unsent_at, dt.datetime.now().astimezone()) == 0
    session.settings.update({"last_export_seq": 10**6, "acked_seq": 10**6})
    read = reminder_state(session)
    assert (read.unsent, read.unacknowledged, read.oldest_unsent_at) == (0, 0, None)
