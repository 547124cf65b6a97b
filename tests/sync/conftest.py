"""Fixtures for sync tests: a branch, enrolled volunteers, bundles, a content digest."""

from __future__ import annotations

import copy
import hashlib


def person(base: dict, serial: int, **changes) -> dict:
    """A valid registration with its own NIK (women born 2 March 1988, serial varies)."""
    record = copy.deepcopy(base)
    record["nik"] = f"150405420388{serial:04d}"
    record["full_name"] = "Siti " + "".join(chr(ord("a") + int(d)) for d in f"{serial:04d}")
    record.update(changes)
    return record


# when something happened, not what: two runs of the same import differ only in these
CLOCK_COLUMNS = frozenset({"imported_at", "branch_updated_at", "at", "found_at",
                           "last_bundle_at", "device_bound_at", "report"})


def digest(db, *, ignore: frozenset[str] = frozenset()) -> str:
    """A digest of the logical content of every table (what a rejected import must keep)."""
    sha = hashlib.sha256()
    tables = [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%_fts%' ORDER BY name")]
    for table in tables:
        columns = [row[1] for row in db.execute(f"PRAGMA table_info([{table}])")
                   if row[1] not in ignore]
        sha.update(f"{table}:{','.join(columns)}".encode())
        select = ", ".join(f"[{c}]" for c in columns)
        for row in sorted(repr(r) for r in db.execute(f"SELECT {select} FROM [{table}]")):
            sha.update(row.encode())
    return sha.hexdigest()


def forge_bundle(volunteer, target_dir, mutate=lambda records: records, *, seq_from=1,
                 volunteer_id="RLW-001", counts=None):
    """The volunteer's real export from ``seq_from``, signed by its own laptop after
    ``mutate(records)`` (what an attacker who owns a bound laptop can send). The end
    record and the manifest carry the counts of the records *before* ``mutate``
    (or ``counts``)."""
    import uuid

    from desa_peduli.services.field import ENROLMENT_SECRET
    from desa_peduli.sync import bundle as bundles
    from desa_peduli.sync import container
    from desa_peduli.sync.enrolment import enrolment_proof
    from desa_peduli.sync.keystore import get_secret, load_keys
    from desa_peduli.sync.signing import age_recipient, b64, unb64

    signing, identity = load_keys(volunteer.db)
    real: dict = {}
    seq_to = volunteer.db.execute("SELECT max(seq) FROM change_log").fetchone()[0]
    records = mutate(list(bundles.export_records(volunteer.db, volunteer_id, seq_from - 1,
                                                 seq_to, real)))
    counts = dict(real if counts is None else counts)
    if records and records[-1].get("t") == "end":
        records[-1] = {"t": "end", "counts": counts}
    manifest = {"format": bundles.FORMAT, "type": "bundle", "bundle_id": str(uuid.uuid4()),
                "volunteer_id": volunteer_id, "workspace_id": "w",
                "device_public_key": b64(signing.public_bytes),
                "device_recipient": identity.recipient, "seq_from": seq_from, "seq_to": seq_to,
                "created_at": "2026-11-30T08:00:00+07:00", "app_version": "test"}
    secret = get_secret(volunteer.db, ENROLMENT_SECRET)
    if secret:  # the laptop's proof of its enrolment, as every real bundle carries
        manifest["enrolment_proof"] = enrolment_proof(unb64(secret), manifest)
    target = target_dir / f"forged-{uuid.uuid4().hex[:6]}.dpbundle"
    recipient = volunteer.settings.get("branch")["recipient"]
    container.write_container(target, header=bundles.HEADER, manifest=manifest,
                              records=iter(records), recipients=[age_recipient(recipient)],
                              signing_key=signing,
                              on_manifest=lambda m: m.update(counts=counts))
    return target
