"""Numbers that never go back, not even after a restore: changes, revisions, receipts.

The branch keeps what it received by number: a laptop's changes by their sequence
number, a registration's content by its revision; the laptop applies receipts by their
number. A restored backup holds lower numbers than were already issued, so a new edit
would reuse them and the branch would keep the old content under the same number. So:

* a restore carries these high-water marks from the database it replaces into the
  restored one (:func:`carry_forward`): the volunteer's change sequence, each
  registration's highest revision (a *floor* in ``revision_floors``) and the number of
  the last receipt applied; the branch's per-volunteer receipt number;
* a receipt carries them back too (for a backup put back by hand, with the replaced
  database gone): each state raises its registration's floor to the revision the branch
  holds, the acknowledged sequence raises the change sequence (:func:`raise_change_seq`).

A new edit's revision is then ``max(revision, floor) + 1`` (:func:`next_revision`).
"""

from __future__ import annotations

from sqlite_utils import Database

from desa_peduli.storage.acks import recount_all
from desa_peduli.storage.settings import Settings

# the settings holding a number that must never go back
MONOTONIC_SETTINGS = ("last_receipt_seq",)
# a volunteer laptop's enrolment: who it is and which branch it answers (services.field)
IDENTITY_SETTINGS = ("volunteer_id", "volunteer_name", "villages", "branch", "enrolled_at",
                     "enrolment_id", "enrolment_issued_at")
# a branch volunteer's laptop: bound, or awaiting approval (restores keep the live ones)
DEVICE_COLUMNS = ("device_key", "device_recipient", "device_bound_at", "pending_device_key",
                  "pending_device_recipient", "pending_since")
_RAISE_FLOOR = (
    "INSERT INTO revision_floors(registration_id, revision) VALUES (?, ?) "
    "ON CONFLICT(registration_id) DO UPDATE SET revision = max(revision, excluded.revision)")


def issued_change_seq(db: Database) -> int:
    """The highest change sequence number this workspace ever issued (AUTOINCREMENT's
    counter, which outlives deleted rows, or a row above it)."""
    issued: int = db.execute(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'change_log'), 0),"
        " coalesce((SELECT max(seq) FROM change_log), 0))").fetchone()[0]
    return issued


def raise_change_seq(db: Database, at_least: int) -> None:
    """Make the next change's sequence number greater than ``at_least``."""
    if at_least <= issued_change_seq(db):
        return
    if db.execute("SELECT 1 FROM sqlite_sequence WHERE name = 'change_log'").fetchone():
        db.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'change_log'", [at_least])
    else:
        db.execute("INSERT INTO sqlite_sequence(name, seq) VALUES ('change_log', ?)",
                   [at_least])


def raise_revision_floor(db: Database, registration_id: str, revision: int) -> None:
    """Remember that ``revision`` of this registration exists (here or at the branch)."""
    db.execute(_RAISE_FLOOR, [registration_id, revision])


def next_revision(db: Database, registration_id: str, revision: int) -> int:
    """The revision of the next edit of a registration now at ``revision``."""
    row = db.execute("SELECT revision FROM revision_floors WHERE registration_id = ?",
                     [registration_id]).fetchone()
    return max(revision, row[0] if row else 0) + 1


def carry_forward(live: Database, restored: Database, *, role: str) -> None:
    """Give ``restored`` (about to replace ``live``) every high-water mark of ``live``
    that is higher. Call inside a transaction on ``restored``."""
    live_settings, restored_settings = Settings(live), Settings(restored)
    for key in MONOTONIC_SETTINGS:
        value = max(int(live_settings.get(key) or 0), int(restored_settings.get(key) or 0))
        if value:
            restored_settings.set(key, value)
    if role == "branch":
        # a volunteer enrolled after the backup was made stays enrolled (its id is never
        # handed out twice), with the secret of its newest enrolment file
        _copy_rows(live, restored, "volunteers", keep_restored=True)
        _copy_rows(live, restored, "enrolment_secrets")
        # and each keeps the laptop bound (or awaiting approval) now: a backup from before
        # a laptop was replaced (lost, stolen) would bind the old one again. What the
        # branch holds from that laptop is recounted from the restored bundles.
        restored.conn.executemany(
            "UPDATE volunteers SET device_key = ?, device_recipient = ?, device_bound_at = ?, "
            "pending_device_key = ?, pending_device_recipient = ?, pending_since = ? "
            "WHERE id = ?", live.execute(
                f"SELECT {', '.join(DEVICE_COLUMNS)}, id FROM volunteers").fetchall())
        recount_all(restored)
        # a receipt number is never reused: the laptop refuses one not above its last
        restored.conn.executemany(
            "UPDATE volunteers SET receipt_seq = max(receipt_seq, ?) WHERE id = ?",
            live.execute("SELECT receipt_seq, id FROM volunteers").fetchall())
        return
    # the laptop's identity is the one the branch knows: its device keys and enrolment
    # (a backup from before the enrolment, or before a new enrolment file, would
    # otherwise bring back other keys, and the branch would refuse the laptop)
    _copy_rows(live, restored, "secrets")
    if live_settings.get("volunteer_id"):
        restored_settings.update({key: live_settings.get(key) for key in IDENTITY_SETTINGS})
        restored.execute("UPDATE registrations SET volunteer_id = ? WHERE volunteer_id IS NULL",
                         [live_settings.get("volunteer_id")])
    # the volunteer issues change numbers and revisions (the branch only stores them)
    raise_change_seq(restored, issued_change_seq(live))
    restored.conn.executemany(_RAISE_FLOOR, live.execute(
        "SELECT id, revision FROM registrations UNION ALL "
        "SELECT registration_id, revision FROM revision_floors").fetchall())


def _copy_rows(live: Database, restored: Database, table: str, *,
               keep_restored: bool = False) -> None:
    """Every row of ``table`` in ``live`` into ``restored``: replacing a row of the same key,
    or with ``keep_restored`` only where ``restored`` has none."""
    cursor = live.execute(f"SELECT * FROM {table}")
    names = [d[0] for d in cursor.description]
    restored.conn.executemany(
        f"INSERT OR {'IGNORE' if keep_restored else 'REPLACE'} INTO {table}"
        f"({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})", cursor.fetchall())
