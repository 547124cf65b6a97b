"""The sync benchmark's data: N registrations split over volunteers' bundles, cached.

Not a test module. Building costs minutes at N = 1,000,000 (generation ~50 s, then per
volunteer an ``add_file`` of 5,000 rows ~0.8 s and an export ~0.3 s, spread over the
CPUs), so the result is kept in ``tests/benchmarks/_out/sync-cache/KEY/`` (git-ignored)
and reused while KEY is unchanged. KEY holds ``CACHE_VERSION`` (bump it when the export
side, the enrolment or the generator changes in a way that matters), the bundle format,
N, the bundle size, the seed and the shape (``DESA_PEDULI_BENCH_SEED``, default 1, and
``DESA_PEDULI_BENCH_SHAPE``, default plain). A cache directory holds:

    meta.json            volunteers, bundle file names, keys (synthetic data only)
    registrations.jsonl  the plaintext the import applies: every volunteer's new
                         registrations, then the edits; a KTP photo rides along in its
                         person's line as ``ktp_photo`` (base64), signatures in
                         ``consent.signature_png``
    branch/              a branch workspace with every volunteer enrolled, nothing imported
    bundles/             per volunteer, a bundle of its new registrations (``--all``
                         export); then, for the volunteers with edits, a later bundle of
                         them (exported after a simulated receipt)
    volunteer-first/     the first volunteer's workspace (after its exports)

The registrations come from ``volunteer_parts(N, seed, per_volunteer=bundle size)``:
NIKs are unique within a volunteer, a few people (~0.2%) are registered again by a later
volunteer (the branch flags them as duplicates), 5% of each volunteer's records come
back edited in its later bundle, and in the attachments shape 10% sign on the laptop
(PNG) and 5% have a KTP photo (JPEG, saved through the service as the form does).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks._harness import (
    HERE,
    OUT_DIR,
    PASSPHRASE,
    bench_seed,
    bench_shape,
    load_generator,
)

CACHE_VERSION = "sync-v2"
SEED = bench_seed(1)
SHAPE = bench_shape()
VILLAGES = ["15.04.05.2003"]
CACHE_ROOT = OUT_DIR / "sync-cache"


@dataclass
class SyncData:
    path: Path
    n: int
    per_bundle: int
    volunteer_ids: list[str]
    bundles: list[Path]  # in volunteer order
    branch: Path  # the enrolled, empty branch template (copy it before use)
    branch_key: bytes
    volunteer_key: bytes  # of volunteer-first (all volunteers share the template's key)
    first_volunteer: Path
    plaintext: Path  # registrations.jsonl
    meta: dict
    built_now: bool


def cache_key(n: int, per_bundle: int, seed: int = SEED, shape: str = SHAPE) -> str:
    from desa_peduli.sync.bundle import FORMAT

    return f"{CACHE_VERSION}-{FORMAT.replace('/', '_')}-n{n}-b{per_bundle}-s{seed}-{shape}"


def volunteer_id(i: int) -> str:
    return f"RLW-{i:04d}"


def copy_closed(source: Path, target: Path) -> Path:
    """A copy of a closed workspace; the lock file is not copied."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".lock"))
    return target


def _load(path: Path, n: int, per_bundle: int, built_now: bool) -> SyncData | None:
    try:
        meta = json.loads((path / "meta.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    bundles = [path / "bundles" / name for name in meta.get("bundles", [])]
    if (not meta.get("complete") or meta.get("n") != n or meta.get("per_bundle") != per_bundle
            or meta.get("seed") != SEED or meta.get("shape") != SHAPE
            or not bundles or not all(b.exists() for b in bundles)
            or not (path / "branch").is_dir() or not (path / "registrations.jsonl").exists()):
        return None
    return SyncData(path, n, per_bundle, meta["volunteer_ids"], bundles, path / "branch",
                    bytes.fromhex(meta["branch_key"]), bytes.fromhex(meta["volunteer_key"]),
                    path / "volunteer-first", path / "registrations.jsonl", meta, built_now)


def ensure(n: int, per_bundle: int, *, log=print) -> SyncData:
    """The cached data for (n, per_bundle), built first if missing."""
    CACHE_ROOT.mkdir(parents=True, exist_ok=True)
    for old in CACHE_ROOT.iterdir():  # other versions and interrupted builds
        if old.name.endswith(".building") or not old.name.startswith(f"{CACHE_VERSION}-"):
            shutil.rmtree(old, ignore_errors=True)
    key = cache_key(n, per_bundle)
    final = CACHE_ROOT / key
    found = _load(final, n, per_bundle, False)
    if found is not None:
        return found
    shutil.rmtree(final, ignore_errors=True)
    build = CACHE_ROOT / f"{key}.building"
    _build(build, n, per_bundle, log)
    os.replace(build, final)
    loaded = _load(final, n, per_bundle, True)
    assert loaded is not None, f"cache {final} incomplete after building"
    return loaded


def _build(build: Path, n: int, per_bundle: int, log) -> None:
    from desa_peduli.services.branch import BranchService, create_branch
    from desa_peduli.services.session import Session

    started = time.perf_counter()
    build.mkdir(parents=True)
    for sub in ("parts", "enrolments", "bundles", "volunteers"):
        (build / sub).mkdir()
    count = (n + per_bundle - 1) // per_bundle
    ids = [volunteer_id(i + 1) for i in range(count)]

    # 1. the plaintext, once, and its split per volunteer (volunteer_parts)
    t = time.perf_counter()
    generator = load_generator()
    facts = {"repeated": 0, "edits": 0, "photos": 0, "signatures": 0}
    edited: list[str] = []
    with open(build / "registrations.jsonl", "w", encoding="utf-8", newline="\n") as whole, \
            open(build / "edits.jsonl", "w", encoding="utf-8", newline="\n") as edits_all:
        for part in generator.volunteer_parts(n, SEED, per_volunteer=per_bundle, shape=SHAPE):
            vid = ids[part.index]
            with open(build / "parts" / f"{vid}.jsonl", "w", encoding="utf-8",
                      newline="\n") as handle:
                for record in part.records:
                    line = json.dumps(record, ensure_ascii=False) + "\n"
                    handle.write(line)
                    photo = part.photos.get(record["nik"])
                    if photo is not None:
                        line = json.dumps({**record, "ktp_photo": base64.b64encode(photo)
                                           .decode("ascii")}, ensure_ascii=False) + "\n"
                    whole.write(line)
                    facts["signatures"] += record["consent"]["method"] == "signature"
            if part.photos:
                with open(build / "parts" / f"{vid}.photos.jsonl", "w", encoding="ascii",
                          newline="\n") as handle:
                    for nik, photo in part.photos.items():
                        handle.write(generator.photo_line(nik, photo) + "\n")
            if part.edits:
                edited.append(vid)
                with open(build / "parts" / f"{vid}.edits.jsonl", "w", encoding="utf-8",
                          newline="\n") as handle:
                    for record in part.edits:
                        line = json.dumps(record, ensure_ascii=False) + "\n"
                        handle.write(line)
                        edits_all.write(line)
            facts["repeated"] += part.repeated
            facts["edits"] += len(part.edits)
            facts["photos"] += len(part.photos)
    with open(build / "registrations.jsonl", "a", encoding="utf-8") as whole, \
            open(build / "edits.jsonl", encoding="utf-8") as edits_all:
        shutil.copyfileobj(edits_all, whole)  # the edits come after every new registration
    (build / "edits.jsonl").unlink()
    generate_s = time.perf_counter() - t
    log(f"[sync-cache] generated {n} registrations (seed {SEED}, {SHAPE}) in "
        f"{generate_s:.1f} s: {facts}")

    # 2. the branch with every volunteer enrolled, and one volunteer template
    t = time.perf_counter()
    branch = create_branch(build / "branch", name="Kantor Cabang Jambi", province="15",
                           passphrase=PASSPHRASE)
    branch_key = branch.workspace.key
    try:
        service = BranchService(branch)
        for i, vid in enumerate(ids):
            service.enrol(volunteer_id=vid, name=f"Relawan Benchmark {i + 1}",
                          villages=VILLAGES, target=build / "enrolments")
    finally:
        branch.close()
    template = Session.create_volunteer(build / "volunteer-template", name="Relawan Benchmark",
                                        passphrase=PASSPHRASE, home_village=VILLAGES[0])
    volunteer_key = template.workspace.key
    template.close()
    (build / "keep.txt").write_text(ids[0], "utf-8")
    setup_s = time.perf_counter() - t

    # 3. volunteer workspaces and their bundles, in parallel children
    t = time.perf_counter()
    workers = max(1, min(os.cpu_count() or 1, 4, len(ids)))
    chunks = [ids[w::workers] for w in range(workers)]
    procs = []
    for chunk in chunks:
        proc = subprocess.Popen(
            [sys.executable, str(HERE / "_child_build_bundles.py"), str(build), *chunk],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdin.write(volunteer_key.hex().encode())
        proc.stdin.close()
        procs.append(proc)
    reports: dict[str, dict] = {}
    errors: list[str] = []
    lock = threading.Lock()

    def collect(proc) -> None:  # one reader per child, so progress shows as it happens
        for raw in proc.stdout:
            report = json.loads(raw)
            with lock:
                reports[report["volunteer_id"]] = report
                done = len(reports)
            if done % 20 == 0 or done == len(ids):
                log(f"[sync-cache] {done}/{len(ids)} bundles ({time.perf_counter() - t:.0f} s)")

    readers = [threading.Thread(target=collect, args=(proc,), daemon=True) for proc in procs]
    for reader in readers:
        reader.start()
    for proc, reader in zip(procs, readers, strict=True):
        stderr = proc.stderr.read().decode("utf-8", "replace")
        reader.join()
        proc.stdout.close()
        proc.stderr.close()
        if proc.wait() != 0:
            errors.append(stderr[-3000:])
    if errors or len(reports) != len(ids):
        raise RuntimeError(f"building bundles failed: {errors}")
    bundles_s = time.perf_counter() - t
    for number, vid in enumerate(ids):
        rows = min(per_bundle, n - number * per_bundle)
        assert reports[vid]["added"] == rows, reports[vid]
        assert reports[vid]["counts"]["registrations"] == rows, reports[vid]
        assert (reports[vid]["edit_bundle"] is not None) == (vid in edited), reports[vid]

    # 4. keep what the benchmarks use; the rest was temporary
    os.replace(build / "volunteers" / ids[0], build / "volunteer-first")
    for sub in ("parts", "enrolments", "volunteers", "volunteer-template"):
        shutil.rmtree(build / sub)
    (build / "keep.txt").unlink()
    add = sorted(r["add_s"] for r in reports.values())
    export = sorted(r["export_s"] for r in reports.values())
    meta = {
        "complete": True, "version": CACHE_VERSION, "n": n, "per_bundle": per_bundle,
        "seed": SEED, "shape": SHAPE, **facts, "volunteer_ids": ids,
        # import order: every volunteer's new registrations, then the later edit bundles
        "bundles": [reports[v]["bundle"] for v in ids]
        + [reports[v]["edit_bundle"] for v in ids if reports[v]["edit_bundle"]],
        "new_bundles": len(ids), "edit_bundles": len(edited),
        "branch_key": branch_key.hex(), "volunteer_key": volunteer_key.hex(),
        "workers": workers, "generate_s": round(generate_s, 2), "setup_s": round(setup_s, 2),
        "bundles_s": round(bundles_s, 2), "total_s": round(time.perf_counter() - started, 2),
        "add_s_median": add[len(add) // 2], "export_s_median": export[len(export) // 2],
        "bundle_bytes": sum(path.stat().st_size for path in (build / "bundles").iterdir()),
        "plaintext_bytes": (build / "registrations.jsonl").stat().st_size,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    (build / "meta.json").write_text(json.dumps(meta, indent=1), "utf-8")
    log(f"[sync-cache] built {build.name} in {meta['total_s']:.0f} s "
        f"(add median {meta['add_s_median']:.2f} s, export median "
        f"{meta['export_s_median']:.2f} s per {per_bundle}, {workers} workers)")


def profile_import(n: int, per_bundle: int, out: Path, bundles: int | None = None,
                   top: int = 30) -> None:
    """Import the cached bundles into a fresh branch copy under cProfile; print the top."""
    import pstats
    import tempfile

    data = ensure(n, per_bundle)
    chosen = data.bundles[:bundles] if bundles else data.bundles
    with tempfile.TemporaryDirectory(dir=OUT_DIR) as tmp:
        branch = copy_closed(data.branch, Path(tmp) / "branch")
        run = subprocess.run(
            [sys.executable, str(HERE / "_child_import.py"), str(branch), *map(str, chosen),
             "--profile", str(out)], input=data.branch_key.hex().encode(),
            capture_output=True, check=False)
    if run.returncode != 0:
        raise SystemExit(run.stderr.decode("utf-8", "replace")[-3000:])
    info = json.loads(run.stdout.decode().splitlines()[-1])
    rows = sum(b["new"] for b in info["per_bundle"])
    print(f"imported {rows} registrations from {len(chosen)} bundles in "
          f"{info['import_s']:.2f} s under cProfile ({rows / info['import_s']:.0f} rows/s); "
          f"stats in {out}")
    for order in ("tottime", "cumulative"):
        print(f"\n=== top {top} by {order} ===")
        pstats.Stats(str(out)).sort_stats(order).print_stats(top)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="the sync benchmark's cached bundles")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build (or reuse) the cache for N")
    build.add_argument("n", type=int)
    build.add_argument("--per-bundle", type=int, default=5000)
    prof = sub.add_parser("profile", help="cProfile the import of the cached bundles")
    prof.add_argument("n", type=int)
    prof.add_argument("--per-bundle", type=int, default=5000)
    prof.add_argument("--bundles", type=int, help="only the first K bundles")
    prof.add_argument("-o", "--output", default=str(OUT_DIR / "import.prof"))
    prof.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    if args.command == "build":
        data = ensure(args.n, args.per_bundle)
        print(data.path)
    else:
        profile_import(args.n, args.per_bundle, Path(args.output), args.bundles, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
