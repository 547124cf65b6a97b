"""Rolling backups and restore."""

from __future__ import annotations

from desa_peduli.storage.backups import (
    backup_due,
    count_registrations,
    list_backups,
    make_backup,
    restore_backup,
)
from desa_peduli.storage.registrations import RegistrationStore


def test_backup_restore_round_trip(session):
    store = RegistrationStore(session.db, "t")
    kept = store.save({"full_name": "Yang Dicadangkan"}, status="draft")
    assert backup_due(session.workspace)
    backup = make_backup(session.workspace, reason="manual")
    assert not backup_due(session.workspace)
    assert count_registrations(session.workspace, backup) == 1
    assert b"Dicadangkan" not in backup.path.read_bytes()  # encrypted like the live one
    store.save({"full_name": "Sesudah Cadangan"}, status="draft")
    store.soft_delete(kept.id, "uji pemulihan")
    safety = restore_backup(session.workspace, backup)
    assert safety.reason == "pre-restore"
    assert store.get(kept.id)["deleted_at"] is None
    assert store.counts()["total"] == 1
    # the state before the restore is itself kept
    assert count_registrations(session.workspace, safety) == 1


def test_backups_are_pruned_to_the_newest(session):
    for _ in range(5):
        make_backup(session.workspace, reason="scheduled", keep=3)
    names = [b.path.name for b in list_backups(session.workspace)]
    assert len(names) == 3 and names == sorted(names, reverse=True)
    assert not list(session.workspace.backups_dir.glob("*.tmp"))


def test_listing_and_reading_a_backup_writes_nothing(workspace_template, workspace_dir):
    """Counting a backup's registrations (backup --list, the restore dialog) and restoring
    from it leave the backup file byte for byte as it was, with no side file beside it."""
    import hashlib

    from desa_peduli.storage.backups import (
        count_registrations,
        list_backups,
        make_backup,
        restore_backup,
    )
    from desa_peduli.storage.workspace import Workspace

    with Workspace.open_with_key(workspace_dir, workspace_template[1]) as ws:
        backup = make_backup(ws, reason="manual")
        before = hashlib.sha256(backup.path.read_bytes()).hexdigest()
        assert count_registrations(ws, backup) is not None
        restore_backup(ws, backup)
        assert hashlib.sha256(backup.path.read_bytes()).hexdigest() == before
        side = [p.name for p in ws.backups_dir.iterdir() if not p.name.endswith(".db")]
        assert side == []
        assert len(list_backups(ws)) == 2  # the one restored and the pre-restore copy
