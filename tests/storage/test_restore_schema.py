"""A restored backup is brought to this program's schema at once, and one made by a newer
program is refused before anything changes."""

from __future__ import annotations

import shutil

import pytest

from desa_peduli.errors import InputRejected, SchemaTooNew
from desa_peduli.services import backups
from desa_peduli.services.session import Session
from desa_peduli.storage import schema
from desa_peduli.storage.backups import list_backups, make_backup
from desa_peduli.storage.database import connect
from desa_peduli.storage.registrations import RegistrationStore
from desa_peduli.storage.workspace import Workspace
from tests.storage.test_migrations import FROZEN, FROZEN_PASSPHRASE
from tests.sync.conftest import digest


def test_a_pre_migration_backup_is_migrated_by_the_restore(tmp_path):
    folder = tmp_path / "ws"
    shutil.copytree(FROZEN / "workspace-0001", folder)
    with Session(Workspace.open(folder, FROZEN_PASSPHRASE)) as session:
        # opening migrated the workspace and kept the old database as a backup
        [old] = list_backups(session.workspace)
        assert old.reason == "pre-migration"
        store = RegistrationStore(session.db, "t")
        last = store.save({"full_name": "Sesudah Pembaruan"}, status="draft").change_seq
        backups.restore(session, old)
        # the restored data, already in this program's schema (not at the next start)
        assert schema.migrations.pending(session.db) == []
        assert {m.name for m in schema.migrations.applied(session.db)} == set(
            schema.known_names())
        assert session.db["revision_floors"].exists()
        names = {row[0] for row in session.db.execute("SELECT full_name FROM registrations")}
        assert "Siti Nur'aini" in names and "Sesudah Pembaruan" not in names
        # and it is used as such right away: an edit keeps the numbers going up
        reg_id = session.db.execute(
            "SELECT id FROM registrations WHERE full_name = 'Siti Nur''aini'").fetchone()[0]
        record = store.get(reg_id)
        outcome = store.save({**record, "street": "Jalan Baru"}, status=record["status"],
                             reg_id=reg_id)
        assert outcome.revision == 3
        # the change made before the restore had its number: the next one is above it
        assert outcome.change_seq == last + 1


def test_a_backup_from_a_newer_program_is_refused_and_nothing_changes(session):
    backup = make_backup(session.workspace, reason="manual")
    newer = connect(backup.path, session.workspace.key)
    try:
        newer["_sqlite_migrations"].insert(
            {"migration_set": schema.migrations.name, "name": "9999_from_the_future",
             "applied_at": "2030-01-01"})
    finally:
        newer.conn.close()
    RegistrationStore(session.db, "t").save({"full_name": "Tetap Ada"}, status="draft")
    before = digest(session.db)
    with pytest.raises(SchemaTooNew) as info:
        backups.restore(session, backup)
    assert "9999_from_the_future" in info.value.message("en")
    assert digest(session.db) == before
    assert [b.reason for b in list_backups(session.workspace)] == ["manual"]  # no pre-restore


def test_a_damaged_backup_is_refused_and_nothing_changes(session):
    backup = make_backup(session.workspace, reason="manual")
    with open(backup.path, "r+b") as handle:
        handle.seek(5000)
        handle.write(b"\0" * 2000)
    before = digest(session.db)
    with pytest.raises(InputRejected) as info:
        backups.restore(session, backup)
    assert "rusak" in info.value.message("id")
    assert digest(session.db) == before
    assert [b.reason for b in list_backups(session.workspace)] == ["manual"]
    assert not list(session.workspace.backups_dir.glob("*.tmp"))
