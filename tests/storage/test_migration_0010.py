"""Migration 0010: a branch from before enrolment secrets gains the (empty) table of
them and keeps the laptops it had bound."""

from __future__ import annotations

import shutil

from desa_peduli.storage import schema
from desa_peduli.storage.workspace import Workspace


def test_0010_adds_enrolment_secrets_to_a_branch_from_before(branch_template, tmp_path):
    src, key = branch_template
    path = tmp_path / "branch"
    shutil.copytree(src, path)
    with Workspace.open_with_key(path, key) as ws, ws.db.atomic():  # back to schema 0009
        ws.db.execute("INSERT INTO volunteers(id, name, enrolled_at, device_key) "
                      "VALUES ('RLW-001', 'Rina', '2026-11-01', 'a2V5')")
        ws.db.execute("DROP TABLE enrolment_secrets")
        ws.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0010_enrolment_secrets'")
    with Workspace.open_with_key(path, key) as ws:
        assert sorted(m.name for m in schema.migrations.applied(ws.db)) == sorted(
            schema.known_names())
        assert ws.db.execute("SELECT count(*) FROM enrolment_secrets").fetchone()[0] == 0
        assert ws.db.execute("SELECT device_key FROM volunteers").fetchall() == [("a2V5",)]
