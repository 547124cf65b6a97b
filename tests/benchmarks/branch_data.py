"""A branch workspace with N registrations from 200 volunteers, built fast and cached.

Not a test module. For benchmarks of the branch desk (dashboard, review queue, exports)::

    from tests.benchmarks.branch_data import branch_workspace
    path, passphrase = branch_workspace()          # N = $DESA_PEDULI_BENCH_BRANCH_N or 1,000,000
    data = branch_data()                           # the same, with the raw key (no scrypt) and meta

The workspace is **shared and must stay unchanged**: open it read-only in spirit, or copy
it first (:func:`copy_branch`) to write. It is kept in
``tests/benchmarks/_out/branch-cache/KEY/`` (git-ignored) and reused while KEY (the cache
version, N, the seed and shape — ``DESA_PEDULI_BENCH_SEED``, default 7, and
``DESA_PEDULI_BENCH_SHAPE``, default plain — and the schema's migration names) is
unchanged; building costs about 3–4 minutes at N = 1,000,000 (generation ~30 s, then
the inserts, with the FTS and coverage triggers as a bundle import pays them).

Rows are written straight into the tables (``executemany``), not through bundles, but look
like imported ones: every registration has a volunteer, a branch state and
``created_at`` within 26 weeks before ``END_DATE``. The spread:

- ``tools/generate_registrations.py`` content (valid, unique NIKs, Zipf-like villages);
  in the attachments shape 10% with a signature and 5% with a KTP photo in
  ``attachments`` (mind the size at 1,000,000: 50,000 photos of ~250 KB);
- 200 volunteers ``RLW-0001`` … ``RLW-0200``, each serving a run of neighbouring villages
  (so they register very different numbers of people), with real device keys; about one
  in ten stopped working some weeks before the end (for "who needs a visit");
- states by age: last fortnight mostly ``received``, older mostly ``registered`` (with a
  KPJ number), some ``accepted``, ``correction`` (with a reason), ``invalid`` (with an
  error problem);
- about 0.3 % re-registrations of an earlier person by another volunteer (same NIK): half
  resolved (``duplicate``), half open in ``duplicates``; about 0.5 % soft-deleted;
- ``coverage_targets`` seeded from the shipped figures (Batanghari, province).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import filelock

from tests.benchmarks._harness import OUT_DIR, PASSPHRASE, bench_seed, bench_shape, load_generator

CACHE_VERSION = "branch-v2"
ENV_N = "DESA_PEDULI_BENCH_BRANCH_N"
DEFAULT_N = 1_000_000
VOLUNTEERS = 200
WEEKS = 26
END_DATE = dt.date(2026, 11, 27)  # a Friday; created_at lies in the 26 weeks before
SEED = bench_seed(7)
SHAPE = bench_shape()
CACHE_ROOT = OUT_DIR / "branch-cache"
BATCH = 20_000
WIB = dt.timezone(dt.timedelta(hours=7))
BRANCH_NAME = "Kantor Cabang Jambi"


@dataclass
class BranchData:
    path: Path  # the closed branch workspace (do not modify: copy_branch() first)
    passphrase: str
    key: bytes  # the raw database key: Workspace.open_with_key(path, key) skips scrypt
    n: int
    meta: dict
    built_now: bool


def default_n() -> int:
    return int(os.environ.get(ENV_N, DEFAULT_N))


def branch_workspace(n: int | None = None) -> tuple[Path, str]:
    """``(folder, passphrase)`` of the cached branch workspace with ``n`` registrations."""
    data = branch_data(n)
    return data.path, data.passphrase


def branch_data(n: int | None = None, *, log=print) -> BranchData:
    """The cached workspace for ``n`` (default :func:`default_n`), built first if missing."""
    n = default_n() if n is None else int(n)
    CACHE_ROOT.mkdir(parents=True, exist_ok=True)
    key = cache_key(n)
    # one builder at a time (benchmarks of several people or sessions may ask at once)
    with filelock.FileLock(str(CACHE_ROOT / ".lock")):
        schema = key.rsplit("-", 1)[1]  # other seeds and shapes of this schema are kept
        for old in CACHE_ROOT.iterdir():  # interrupted builds, other versions or schemas
            if old.is_dir() and (old.name.endswith(".building")
                                 or not old.name.startswith(f"{CACHE_VERSION}-")
                                 or not old.name.endswith(f"-{schema}")):
                shutil.rmtree(old, ignore_errors=True)
        final = CACHE_ROOT / key
        found = _load(final, n, built_now=False)
        if found is not None:
            return found
        shutil.rmtree(final, ignore_errors=True)
        build = CACHE_ROOT / f"{key}.building"
        build.mkdir(parents=True)
        _build(build, n, log)
        os.replace(build, final)
        loaded = _load(final, n, built_now=True)
    assert loaded is not None, f"cache {final} incomplete after building"
    return loaded


def copy_branch(n: int | None, target: Path) -> BranchData:
    """A private copy of the cached workspace at ``target`` (for benchmarks that write)."""
    data = branch_data(n)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(data.path, target, ignore=shutil.ignore_patterns(".lock"))
    return BranchData(target, data.passphrase, data.key, data.n, data.meta, False)


def open_session(data: BranchData):
    """An open branch Session on ``data`` with the raw key (close it after use)."""
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    return Session(Workspace.open_with_key(data.path, data.key))


def cache_key(n: int) -> str:
    from desa_peduli.storage.schema import known_names

    schema = hashlib.sha256("\n".join(known_names()).encode()).hexdigest()[:10]
    return f"{CACHE_VERSION}-n{n}-seed{SEED}-{SHAPE}-s{schema}"


def _load(path: Path, n: int, *, built_now: bool) -> BranchData | None:
    try:
        meta = json.loads((path / "meta.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    workspace = path / "branch"
    if (not meta.get("complete") or meta.get("n") != n or meta.get("seed") != SEED
            or meta.get("shape", "plain") != SHAPE or not (workspace / "workspace.json").exists()):
        return None
    return BranchData(workspace, PASSPHRASE, bytes.fromhex(meta["key"]), n, meta, built_now)


# -- building ---------------------------------------------------------------------------------
def volunteer_id(i: int) -> str:
    return f"RLW-{i:04d}"


_STATE_MIX = (  # (newest week index it applies to, [(state, weight), ...])
    (2, [("received", 70), ("accepted", 14), ("correction", 8), ("invalid", 5), ("registered", 3)]),
    (5, [("received", 22), ("accepted", 35), ("correction", 8), ("invalid", 2), ("registered", 33)]),
    (WEEKS, [("received", 3), ("accepted", 12), ("correction", 5), ("invalid", 1),
             ("registered", 79)]),
)
_REASONS = ("Foto KTP buram", "Nomor HP tidak aktif", "Nama ahli waris belum lengkap",
            "Alamat RT/RW tidak sesuai KTP", "Tanda tangan persetujuan tidak ada")
_INVALID_PROBLEM = [{"field": "phone", "code": "phone.invalid", "severity": "error",
                     "message": "Nomor HP tidak valid.", "message_en": "Invalid phone number."}]


def _pick(rng: random.Random, pairs) -> str:
    roll = rng.random() * sum(w for _, w in pairs)
    for item, weight in pairs:
        roll -= weight
        if roll < 0:
            return item
    return pairs[-1][0]


def _build(build: Path, n: int, log) -> None:
    import pyrage
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desa_peduli.domain.registration import FIELDS, new_id
    from desa_peduli.services.branch import create_branch
    from desa_peduli.sync.signing import b64

    started = time.perf_counter()
    rng = random.Random(SEED)
    generator = load_generator()
    villages = generator._region_data()["villages"]  # the generator's own list
    per_volunteer = -(-len(villages) // VOLUNTEERS)
    village_owner = {code: min(i // per_volunteer, VOLUNTEERS - 1)
                     for i, code in enumerate(villages)}
    ids = [volunteer_id(i + 1) for i in range(VOLUNTEERS)]
    # active weeks per volunteer: week 0 is the newest; one in ten stopped some weeks ago
    first_week = [rng.randint(WEEKS // 2, WEEKS - 1) for _ in ids]
    last_week = [rng.randint(3, 10) if rng.random() < 0.1 else 0 for _ in ids]
    end_monday = END_DATE - dt.timedelta(days=END_DATE.weekday())

    session = create_branch(build / "branch", name=BRANCH_NAME, province="15",
                            passphrase=PASSPHRASE)
    key = session.workspace.key
    db = session.db
    conn = db.conn
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")  # 256 MB while building

    columns = ("id", *FIELDS, "status", "problems", "revision", "change_seq", "created_at",
               "created_by", "updated_at", "updated_by", "deleted_at", "deleted_reason",
               "volunteer_id", "branch_state", "branch_reason", "kpj_number",
               "branch_updated_at")
    insert = (f"INSERT INTO registrations({', '.join(columns)}) VALUES "
              f"({', '.join('?' for _ in columns)})")
    seqs = [0] * VOLUNTEERS
    latest: list[str | None] = [None] * VOLUNTEERS
    earlier: list[tuple[str, str, int]] = []  # (nik, id, volunteer index) to re-register
    counts: dict[str, int] = {}
    rows, duplicates, state_rows, attachments = [], [], [], []
    kpj = 10_000_000_000
    t_generate = 0.0
    t_insert = 0.0

    def flush() -> None:
        nonlocal t_insert
        t = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(insert, rows)
        conn.executemany(
            "INSERT INTO duplicates(nik, registration_id, other_id, found_at, resolved_at, "
            "resolution, resolved_by) VALUES (?, ?, ?, ?, ?, ?, ?)", duplicates)
        conn.executemany(
            "INSERT INTO state_log(registration_id, state, reason, kpj_number, duplicate_of, "
            "actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)", state_rows)
        conn.executemany(
            "INSERT INTO attachments(registration_id, kind, mime, sha256, data, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)", attachments)
        conn.execute("COMMIT")
        t_insert += time.perf_counter() - t
        rows.clear()
        duplicates.clear()
        state_rows.clear()
        attachments.clear()

    t = time.perf_counter()
    for i, (record, photo) in enumerate(generator.generate_with_photos(n, SEED, shape=SHAPE)):
        owner = village_owner.get(record["village_code"], i % VOLUNTEERS)
        volunteer = ids[owner]
        week = rng.randint(last_week[owner], first_week[owner])
        day = end_monday - dt.timedelta(weeks=week) + dt.timedelta(days=rng.randint(0, 5))
        if day > END_DATE:
            day = END_DATE
        created = dt.datetime(day.year, day.month, day.day, rng.randint(7, 17),
                              rng.randint(0, 59), rng.randint(0, 59), tzinfo=WIB).isoformat()
        state = _pick(rng, next(mix for limit, mix in _STATE_MIX if week < limit))
        reg_id = new_id()
        duplicate_of = None
        if earlier and rng.random() < 0.003:  # the same person, registered again elsewhere
            nik, other_id, other_owner = earlier[rng.randrange(len(earlier))]
            if other_owner != owner:
                record["nik"] = nik
                duplicate_of = other_id
        elif rng.random() < 0.01 and len(earlier) < 20_000:
            earlier.append((record["nik"], reg_id, owner))
        reason = kpj_number = None
        problems = "[]"
        branch_updated = (day + dt.timedelta(days=min(week * 7, rng.randint(0, 10)))).isoformat()
        if duplicate_of is not None:
            resolved = rng.random() < 0.5
            state = "duplicate" if resolved else "received"
            duplicates.append((record["nik"], reg_id, duplicate_of, created,
                               branch_updated if resolved else None,
                               f"kept:{duplicate_of}" if resolved else None,
                               "staf" if resolved else None))
        if state == "registered":
            kpj += rng.randint(1, 50)
            kpj_number = str(kpj)
        elif state == "correction":
            reason = rng.choice(_REASONS)
        elif state == "invalid":
            problems = json.dumps(_INVALID_PROBLEM, ensure_ascii=False)
        deleted_at = deleted_reason = None
        if rng.random() < 0.005:
            deleted_at, deleted_reason = created, "Salah input, didaftarkan ulang"
        seqs[owner] += 1
        signature = record["consent"].pop("signature_png", None)  # stored as an attachment
        for kind, mime, data in (("signature", "image/png", signature and base64.b64decode(
                signature)), ("ktp_photo", generator.KTP_MIME, photo)):
            if data:
                attachments.append((reg_id, kind, mime, hashlib.sha256(data).hexdigest(), data,
                                    created))
        values = [json.dumps(record.get(f), ensure_ascii=False, sort_keys=True)
                  if f in ("programs", "heirs", "consent") else record.get(f) for f in FIELDS]
        rows.append((reg_id, *values, "ready", problems, 1, seqs[owner], created, volunteer,
                     created, volunteer, deleted_at, deleted_reason, volunteer, state, reason,
                     kpj_number, branch_updated))
        if state != "received":
            state_rows.append((reg_id, state, reason, kpj_number, duplicate_of, "staf",
                               branch_updated))
        if latest[owner] is None or created > latest[owner]:
            latest[owner] = created
        counts[state] = counts.get(state, 0) + 1
        if len(rows) >= BATCH:
            t_generate += time.perf_counter() - t
            flush()
            t = time.perf_counter()
            if (i + 1) % 100_000 == 0:
                log(f"[branch-cache] {i + 1}/{n} rows ({time.perf_counter() - started:.0f} s)")
    t_generate += time.perf_counter() - t
    if rows:
        flush()

    volunteer_rows = []
    for index, vid in enumerate(ids):
        signing = Ed25519PrivateKey.generate().public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        recipient = str(pyrage.x25519.Identity.generate().to_public())
        served = [code for code, o in village_owner.items() if o == index]
        last_bundle = None
        if latest[index]:
            when = dt.datetime.fromisoformat(latest[index]) + dt.timedelta(days=rng.randint(0, 3))
            last_bundle = min(when, dt.datetime.combine(END_DATE, dt.time(16), WIB)).isoformat()
        enrolled = dt.datetime.combine(end_monday - dt.timedelta(weeks=WEEKS), dt.time(9), WIB)
        volunteer_rows.append((vid, f"Relawan Benchmark {index + 1}", json.dumps(served),
                               enrolled.isoformat(), b64(signing), recipient,
                               enrolled.isoformat(), seqs[index], seqs[index], last_bundle,
                               last_bundle))
    t0 = time.perf_counter()
    with db.atomic():
        conn.executemany(
            "INSERT INTO volunteers(id, name, villages, enrolled_at, device_key, "
            "device_recipient, device_bound_at, acked_seq, receipt_seq, last_bundle_at, "
            "last_receipt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", volunteer_rows)
    seeded = _seed_coverage(session)
    conn.execute("PRAGMA synchronous = FULL")
    db.execute("ANALYZE")
    finish_s = time.perf_counter() - t0
    session.close()
    meta = {
        "complete": True, "version": CACHE_VERSION, "n": n, "seed": SEED, "shape": SHAPE,
        "key": key.hex(), "volunteers": ids, "end_date": END_DATE.isoformat(), "weeks": WEEKS,
        "states": counts, "coverage_seeded": seeded,
        "generate_s": round(t_generate, 1), "insert_s": round(t_insert, 1),
        "finish_s": round(finish_s, 1), "total_s": round(time.perf_counter() - started, 1),
        "db_bytes": (build / "branch" / "desa-peduli.db").stat().st_size,
        "built_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    (build / "meta.json").write_text(json.dumps(meta, indent=1), "utf-8")
    log(f"[branch-cache] built {n} rows in {meta['total_s']:.0f} s (generate "
        f"{meta['generate_s']:.0f} s, insert {meta['insert_s']:.0f} s), "
        f"{meta['db_bytes'] / 1e6:.0f} MB")


def _seed_coverage(session) -> bool:
    try:
        from desa_peduli.services.coverage import CoverageService
    except ImportError:
        return False
    CoverageService(session).ensure_seeded()
    return True


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="build (or reuse) the cached branch workspace")
    parser.add_argument("n", type=int, nargs="?", default=None)
    args = parser.parse_args(argv)
    data = branch_data(args.n)
    print(data.path, json.dumps({k: v for k, v in data.meta.items() if k != "volunteers"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
