"""The sync benchmark's data: N registrations split over volunteers' bundles, cached.

Not a test module. Building costs minutes at N = 1,000,000 (generation ~50 s, then per
volunteer an ``add_file`` of 5,000 rows ~0.8 s and an export ~0.3 s, spread over the
CPUs), so the result is kept in ``tests/benchmarks/_out/sync-cache/KEY/`` (git-ignored)
and reused while KEY is unchanged. KEY holds ``CACHE_VERSION`` (bump it when the export
side, the enrolment or the generator changes in a way that matters), the bundle format,
N and the bundle size. A cache directory holds:

    meta.json            volunteers, bundle file names, keys (synthetic data only)
    registrations.jsonl  the N registrations' plaintext, as the generator wrote them
    branch/              a branch workspace with every volunteer enrolled, nothing imported
    bundles/             one bundle per volunteer (``--all`` export of its workspace)
    volunteer-first/     the first volunteer's workspace (after its export)

The N registrations come from one ``generate(N, SEED)`` call and are split in order, so
NIKs are unique across volunteers (the generator guarantees unique NIKs only within one
call: other seeds restart the serials and would collide).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks._harness import HERE, OUT_DIR, PASSPHRASE, load_generator

CACHE_VERSION = "sync-v1"
SEED = 1
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


def cache_key(n: int, per_bundle: int) -> str:
    from desa_peduli.sync.bundle import FORMAT

    return f"{CACHE_VERSION}-{FORMAT.replace('/', '_')}-n{n}-b{per_bundle}"


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

    # 1. the plaintext, once, and its split per volunteer (unique NIKs across all)
    t = time.perf_counter()
    generator = load_generator()
    part = None
    with open(build / "registrations.jsonl", "w", encoding="utf-8", newline="\n") as whole:
        for i, record in enumerate(generator.generate(n, SEED)):
            if i % per_bundle == 0:
                if part:
                    part.close()
                part = open(build / "parts" / f"{ids[i // per_bundle]}.jsonl", "w",
                            encoding="utf-8", newline="\n")
            line = json.dumps(record, ensure_ascii=False) + "\n"
            whole.write(line)
            part.write(line)
    if part:
        part.close()
    generate_s = time.perf_counter() - t
    log(f"[sync-cache] generated {n} registrations in {generate_s:.1f} s")

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
    for vid in ids:
        rows = min(per_bundle, n - ids.index(vid) * per_bundle)
        assert reports[vid]["added"] == rows, reports[vid]
        assert reports[vid]["counts"]["registrations"] == rows, reports[vid]

    # 4. keep what the benchmarks use; the rest was temporary
    os.replace(build / "volunteers" / ids[0], build / "volunteer-first")
    for sub in ("parts", "enrolments", "volunteers", "volunteer-template"):
        shutil.rmtree(build / sub)
    (build / "keep.txt").unlink()
    add = sorted(r["add_s"] for r in reports.values())
    export = sorted(r["export_s"] for r in reports.values())
    meta = {
        "complete": True, "version": CACHE_VERSION, "n": n, "per_bundle": per_bundle,
        "seed": SEED, "volunteer_ids": ids, "bundles": [reports[v]["bundle"] for v in ids],
        "branch_key": branch_key.hex(), "volunteer_key": volunteer_key.hex(),
        "workers": workers, "generate_s": round(generate_s, 2), "setup_s": round(setup_s, 2),
        "bundles_s": round(bundles_s, 2), "total_s": round(time.perf_counter() - started, 2),
        "add_s_median": add[len(add) // 2], "export_s_median": export[len(export) // 2],
        "bundle_bytes": sum((build / "bundles" / reports[v]["bundle"]).stat().st_size
                            for v in ids),
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
