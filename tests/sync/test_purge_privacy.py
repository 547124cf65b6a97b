"""After a purge nothing on the laptop still holds the purged people: not the rows, not the
name index, not the database's free pages or log, not any backup."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.services.session import Session
from desa_peduli.storage.backups import forget_backups_before, list_backups, make_backup
from desa_peduli.storage.database import connect
from tests.sync.conftest import person

# SQLCipher 4 defaults: 4096-byte pages ending in a 16-byte IV and a 64-byte HMAC; the file
# starts with a 16-byte salt instead of SQLite's header
PAGE, RESERVE, SALT = 4096, 80, 16


def decrypted_pages(path: Path, key: bytes) -> bytes:
    """Every page of a SQLCipher file (and of its -wal) decrypted with the raw key: what
    SQL cannot show, free pages and the slack inside pages, included."""
    out = []

    def page(raw: bytes, first: bool) -> bytes:
        iv = raw[PAGE - RESERVE:PAGE - RESERVE + 16]
        body = raw[SALT if first else 0:PAGE - RESERVE]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        return decryptor.update(body) + decryptor.finalize()

    data = path.read_bytes()
    for start in range(0, len(data) - PAGE + 1, PAGE):
        out.append(page(data[start:start + PAGE], start == 0))
    wal = Path(f"{path}-wal")
    if wal.exists():
        frames = wal.read_bytes()
        for start in range(32, len(frames) - 24 - PAGE + 1, 24 + PAGE):
            number = int.from_bytes(frames[start:start + 4], "big")
            out.append(page(frames[start + 24:start + 24 + PAGE], number == 1))
    return b"".join(out)


def assert_forgotten(path: Path, key: bytes, reg_id: str, nik: str, name: str) -> None:
    """Neither SQL nor the decrypted bytes of ``path`` know the purged person."""
    tokens = name.lower().split()
    db = connect(path, key)
    try:
        row = db.execute("SELECT nik, full_name, purged_at FROM registrations WHERE id = ?",
                         [reg_id]).fetchone()
        assert row is None or (row[0] is None and row[1] is None and row[2])
        for table in ("revisions", "attachments"):
            assert not db.execute(f"SELECT count(*) FROM {table} WHERE registration_id = ?",
                                  [reg_id]).fetchone()[0], table
        for token in tokens:
            assert not db.execute("SELECT rowid FROM registrations_fts WHERE "
                                  "registrations_fts MATCH ?", [token]).fetchall()
        db.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, registrations_fts, "
                   "row)")
        terms = {row[0] for row in db.execute("SELECT term FROM temp.vocab")}
        assert not terms & set(tokens), path
    finally:
        db.conn.close()
    plain = decrypted_pages(path, key)
    for text in [nik, name, *tokens]:  # the index keeps names as lower-case tokens
        assert text.encode() not in plain, (path, text)


def test_purge_leaves_no_trace_in_index_pages_log_or_backups(branch, make_volunteer, tmp_path,
                                                             valid_registration):
    rina = make_volunteer("RLW-001")
    out = tmp_path / "stick"
    out.mkdir()
    gone = person(valid_registration, 1, full_name="Wulandari Kusumawati")
    kept = person(valid_registration, 2, full_name="Sekar Ayuningtyas")
    done = rina.registrations.save(gone).id
    # a second revision: the first one's name sits in an older index segment
    gone["full_name"] = "Wulandari Kusumawati Dewi"
    # and many: deleting their revisions frees whole pages, which SQLite does not wipe
    for number in range(1, 25):
        rina.registrations.save(dict(gone, street=f"Jalan Mawar {number}"), reg_id=done)
    waiting = rina.registrations.save(kept).id
    ws = rina.workspace
    make_backup(ws, reason="scheduled")
    svc = BranchService(branch)
    svc.import_bundle(FieldSync(rina).export(out).path)
    svc.set_state(done, "registered", kpj="99887766554")
    FieldSync(rina).import_receipt(svc.receipt("RLW-001", out))
    make_backup(ws, reason="manual")
    # what a backup killed part-way leaves: a whole copy of the database
    (ws.backups_dir / "20260101T000000000000-scheduled.tmp").write_bytes(
        next(iter(list_backups(ws))).path.read_bytes())
    old = ws.backups_dir / "20260101T000000000000-scheduled.tmp"
    os.utime(old, (0, 0))
    before = list_backups(ws)
    assert len(before) == 2

    assert FieldSync(rina).purge(days=0) == 1

    backups = list_backups(ws)
    assert backups and not {b.path for b in backups} & {b.path for b in before}
    assert not old.exists()
    for path in [ws.db_path] + [b.path for b in backups]:
        assert_forgotten(path, ws.key, done, gone["nik"], gone["full_name"])
    # the person not purged is still found, in the live data and in the backup (and the
    # page scan above does see clear text)
    assert rina.registrations.store.get(waiting)["nik"] == kept["nik"]
    for path in [ws.db_path] + [b.path for b in backups]:
        assert kept["nik"].encode() in decrypted_pages(path, ws.key)
        db = connect(path, ws.key)
        try:
            assert db.execute("SELECT count(*) FROM registrations_fts WHERE registrations_fts "
                              "MATCH 'ayuningtyas'").fetchone()[0] == 1
        finally:
            db.conn.close()


def test_a_purge_cut_short_after_its_commit_is_finished_by_the_next(
        branch, make_volunteer, tmp_path, valid_registration, monkeypatch):
    rina = make_volunteer("RLW-001")
    out = tmp_path / "stick"
    out.mkdir()
    gone = person(valid_registration, 3, full_name="Kartika Puspitasari")
    done = rina.registrations.save(gone).id
    svc = BranchService(branch)
    svc.import_bundle(FieldSync(rina).export(out).path)
    svc.set_state(done, "registered", kpj="99887766554")
    FieldSync(rina).import_receipt(svc.receipt("RLW-001", out))
    ws = rina.workspace
    make_backup(ws, reason="scheduled")

    def power_cut(self):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(FieldSync, "_forget_purged", power_cut, raising=False)
        try:
            FieldSync(rina).purge(days=0)
        except KeyboardInterrupt:
            pass
    assert FieldSync(rina).purge(days=0) == 0  # nothing new to purge, but finished
    for path in [ws.db_path] + [b.path for b in list_backups(ws)]:
        assert_forgotten(path, ws.key, done, gone["nik"], gone["full_name"])
    # and later backups are kept: only those from before the purge hold the people
    later = make_backup(ws, reason="manual")
    FieldSync(rina).purge(days=0)
    assert later.path.exists()


def test_forgetting_old_backups_always_leaves_one(session):
    """Even when the clock was set back and names every backup "before the purge"."""
    ws = session.workspace
    first = make_backup(ws, reason="scheduled")
    gone = forget_backups_before(ws, dt.datetime.now() + dt.timedelta(days=1))
    assert gone == [first.path]
    [left] = list_backups(ws)
    assert left.reason == "post-purge"


def test_names_an_earlier_version_purged_leave_the_index_on_update(
        branch, make_volunteer, tmp_path, valid_registration, workspace_template):
    from desa_peduli.storage.workspace import Workspace

    rina = make_volunteer("RLW-001")
    gone = person(valid_registration, 4, full_name="Anggraini Prameswari")
    done = rina.registrations.save(gone).id
    # what purge did before this release: the row's fields set to NULL, nothing else
    with rina.db.atomic():
        rina.db.execute("UPDATE registrations SET nik = NULL, full_name = NULL, "
                        "purged_at = '2026-11-01T08:00:00+07:00' WHERE id = ?", [done])
        rina.db.execute("DELETE FROM revisions WHERE registration_id = ?", [done])
        rina.db.execute("DELETE FROM _sqlite_migrations WHERE name = "
                        "'0012_forget_purged_names'")
    old = make_backup(rina.workspace, reason="scheduled")
    path, key = rina.workspace.path, rina.workspace.key
    rina.close()

    with Workspace.open_with_key(path, key):  # the update: migrated on opening
        pass
    assert_forgotten(path / "desa-peduli.db", key, done, gone["nik"], gone["full_name"])
    with Session(Workspace.open_with_key(path, key)) as again:
        assert FieldSync(again).purge(days=0) == 0  # nothing new; the backups are cleared
        assert old.path.exists() is False
        for backup in list_backups(again.workspace):
            assert_forgotten(backup.path, key, done, gone["nik"], gone["full_name"])


def test_purge_forgets_what_the_branch_wrote_about_the_person(branch, make_volunteer, tmp_path,
                                                              valid_registration):
    """A clerk's reason for a correction quotes the person ("NIK ... milik Wulandari ...");
    it reached the laptop in a receipt (the registration's branch reason and its event
    history). After the purge no reason about that person is left."""
    rina = make_volunteer("RLW-001")
    out = tmp_path / "stick"
    out.mkdir()
    gone = person(valid_registration, 1, full_name="Wulandari Kusumawati")
    reason = f"NIK {gone['nik']} tercatat atas nama Wulandari Prameswari; periksa KTP"
    done = rina.registrations.save(gone).id
    svc = BranchService(branch)
    svc.import_bundle(FieldSync(rina).export(out).path)
    svc.set_state(done, "correction", reason=reason)
    FieldSync(rina).import_receipt(svc.receipt("RLW-001", out))
    rina.registrations.save(dict(gone, street="Jalan Melati 2"), reg_id=done)
    svc.import_bundle(FieldSync(rina).export(out).path)
    svc.set_state(done, "registered", kpj="99887766554")
    FieldSync(rina).import_receipt(svc.receipt("RLW-001", out))
    ws = rina.workspace
    assert reason.encode() in decrypted_pages(ws.db_path, ws.key)  # the receipt brought it

    assert FieldSync(rina).purge(days=0) == 1

    for path in [ws.db_path] + [b.path for b in list_backups(ws)]:
        plain = decrypted_pages(path, ws.key)
        assert b"Prameswari" not in plain and gone["nik"].encode() not in plain, path
