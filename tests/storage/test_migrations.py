"""Migrations: frozen databases of every released schema open and migrate; backups first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desa_peduli.storage import schema
from desa_peduli.storage.backups import list_backups
from desa_peduli.storage.database import integrity_check
from desa_peduli.storage.registrations import ListQuery, RegistrationStore
from desa_peduli.storage.workspace import Workspace

FROZEN = Path(__file__).resolve().parents[1] / "data" / "frozen"
FROZEN_PASSPHRASE = "frozen-passphrase"


@pytest.fixture
def frozen_0001(tmp_path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(FROZEN / "workspace-0001", target)
    return target


@pytest.fixture
def extra_migration():
    """Temporarily register a future migration, as a new release would."""
    added = []

    def add(fn, name):
        schema.migrations(name=name)(fn)
        added.append(name)

    yield add
    schema.migrations._migrations = [
        m for m in schema.migrations._migrations if m.name not in added
    ]


def test_frozen_0001_opens_and_keeps_its_data(frozen_0001):
    with Workspace.open(frozen_0001, FROZEN_PASSPHRASE) as ws:
        assert integrity_check(ws.db) == ["ok"]
        applied = [m.name for m in schema.migrations.applied(ws.db)]
        assert applied == schema.known_names()
        store = RegistrationStore(ws.db)
        rows = store.rows_for_pks(store.query_pks(ListQuery(include_deleted=True)))
        by_name = {r["full_name"]: r for r in rows.values()}
        assert by_name["Siti Nur'aini"]["status"] == "ready"
        assert by_name["Siti Nur'aini"]["revision"] == 2
        assert by_name["Sutrisno"]["deleted_at"] is not None
        assert by_name["Draf Belum Lengkap"]["status"] == "draft"
        assert store.query_pks(ListQuery(text="nur")) != []  # the FTS index survived


def test_pending_migration_backs_up_first_then_applies(frozen_0001, extra_migration):
    def m9000_add_column(db):
        db.execute("ALTER TABLE registrations ADD COLUMN test_note TEXT")

    extra_migration(m9000_add_column, "9000_test_note")
    with Workspace.open(frozen_0001, FROZEN_PASSPHRASE) as ws:
        backups = list_backups(ws)
        assert [b.reason for b in backups] == ["pre-migration"]
        columns = {c.name for c in ws.db["registrations"].columns}
        assert "test_note" in columns
        assert "9000_test_note" in [m.name for m in schema.migrations.applied(ws.db)]


def test_failing_migration_rolls_back_and_leaves_data(frozen_0001, extra_migration):
    def m9001_broken(db):
        db.execute("ALTER TABLE registrations ADD COLUMN half_done TEXT")
        raise RuntimeError("boom")

    extra_migration(m9001_broken, "9001_broken")
    with pytest.raises(RuntimeError):
        Workspace.open(frozen_0001, FROZEN_PASSPHRASE)
    schema.migrations._migrations = [
        m for m in schema.migrations._migrations if m.name != "9001_broken"
    ]
    with Workspace.open(frozen_0001, FROZEN_PASSPHRASE) as ws:
        assert "half_done" not in {c.name for c in ws.db["registrations"].columns}
        assert ws.db.execute("SELECT count(*) FROM registrations").fetchone()[0] == 3


def test_0013_adds_the_new_fields_empty_and_they_read_as_before(frozen_0001):
    """Worked example: Siti Nur'aini, registered before 0013, has no nationality, no
    reason and no family number after the upgrade; validation reads her as WNI."""
    from desa_peduli.domain.registration import FIELDS
    from desa_peduli.domain.validation import validate
    from desa_peduli.reference import default_context

    with Workspace.open(frozen_0001, FROZEN_PASSPHRASE) as ws:
        columns = {c.name for c in ws.db["registrations"].columns}
        assert {"nationality", "no_phone_reason", "family_phone"} <= columns
        assert {"target_year", "target_count", "target_source"} <= {
            c.name for c in ws.db["coverage_targets"].columns}
        store = RegistrationStore(ws.db)
        rows = store.rows_for_pks(store.query_pks(ListQuery()))
        siti = store.get(next(r["id"] for r in rows.values()
                              if r["full_name"] == "Siti Nur'aini"))
        assert (siti["nationality"], siti["no_phone_reason"], siti["family_phone"]) == (
            None, None, None)
        assert validate({f: siti[f] for f in FIELDS}, default_context()).values[
            "nationality"] == "WNI"
