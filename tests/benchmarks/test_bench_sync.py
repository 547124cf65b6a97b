"""Sync benchmarks: bundle export, branch import of N registrations, re-import.

Targets (from the issue):

1. Export of 50,000 registrations (``desa-peduli export -o DIR --all`` of the 50,000-row
   volunteer workspace, enrolled): ≤ 5 s for the whole CLI run. The passphrase unwrap
   and the in-process ``FieldSync.export`` time are reported separately; the export's
   peak RSS must not grow with the bundle (5,000-row export vs 50,000-row export).
2. Import at the branch of N = 1,000,000 registrations in bundles of 5,000 (200
   volunteers): ``desa-peduli import F1 ... F200`` into one branch workspace, in one
   child, takes at most 2× ``sqlite-utils insert --nl`` loading the same records'
   plaintext (the N registrations as JSON Lines) into a plain SQLite table, measured
   before and after in the same run (their mean is the baseline); the child's peak RSS
   is ≤ 300 MB and does not grow with the bundle size (one 5,000 bundle vs one 50,000
   bundle, and RSS sampled across the whole run).
3. Re-import of a bundle already imported: ≤ 0.5 s (the second import of one 5,000
   bundle into the N-row branch: in-process ``BranchService.import_bundle`` raising
   BundleRejected(already_imported), and the whole CLI call).

The bundles are built once and cached in ``_out/sync-cache/`` (see ``_sync_cache.py``).
Run (the full size takes 10+ minutes; the first run also builds the cache)::

    .venv/bin/python -m pytest tests/benchmarks/test_bench_sync.py -m benchmark -s -p no:randomly

``DESA_PEDULI_BENCH_SYNC_N`` sets N (default 1,000,000; e.g. 100000 for a quick run),
``DESA_PEDULI_BENCH_SYNC_PER_BUNDLE`` the bundle size (default 5,000),
``DESA_PEDULI_BENCH_SEED``/``DESA_PEDULI_BENCH_SHAPE`` the data (see ``_sync_cache.py``: the
edit bundles follow the 5,000 bundles, so N = 1,000,000 imports 200 bundles of new
registrations and then about 200 small ones of edits). Profile the import path with
``python -m tests.benchmarks._sync_cache profile N`` (cProfile) or py-spy (README.md).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.benchmarks import _sync_cache
from tests.benchmarks._harness import (
    HERE,
    PASSPHRASE,
    ChildRun,
    median,
    percentile,
    run_child,
    venv_tool,
)
from tests.benchmarks.conftest import copy_workspace

pytestmark = pytest.mark.benchmark

SYNC_N = int(os.environ.get("DESA_PEDULI_BENCH_SYNC_N", "1000000"))
PER_BUNDLE = int(os.environ.get("DESA_PEDULI_BENCH_SYNC_PER_BUNDLE", "5000"))
EXPORT_TARGET_S = 5.0
IMPORT_MAX_RATIO = 2.0
IMPORT_MAX_RSS_MB = 300.0
REIMPORT_TARGET_S = 0.5
# "does not grow with the bundle": going from one 5,000 bundle to one 50,000 bundle may
# add at most this much peak RSS. SQLite's page cache alone may fill up to its 32 MB cap
# (cache_size = -32000) on the bigger bundle; holding 45,000 more records in memory
# would add hundreds of MB.
MAX_RSS_GROWTH_MB = 48.0
ENV = {"DESA_PEDULI_PASSPHRASE": PASSPHRASE, "DESA_PEDULI_LANG": "en"}
X_VOLUNTEER = "RLW-X50K"  # the 50,000-row workspace's volunteer id
IMPORT_LINE = re.compile(r"^(?P<file>\S+\.dpbundle): (?P<new>\d+) new, (?P<updated>\d+) updated, "
                         r"(?P<unchanged>\d+) unchanged, (?P<duplicates>\d+) duplicates, "
                         r"(?P<rejected>\d+) rejected$")


def _extra(data) -> dict:
    return {"sync_n": data.n, "per_bundle": data.per_bundle, "bundles": len(data.bundles),
            "edit_bundles": data.meta.get("edit_bundles", 0)}


# -- a measured child with RSS samples and timestamped output lines -----------------------
@dataclass
class SampledRun(ChildRun):
    samples: list  # [seconds, rss_kb]
    lines: list  # [seconds, rss_kb or None, text]


def run_child_sampled(argv: list[str], *, env: dict | None = None, timeout: float = 600,
                      interval: float = 0.1) -> SampledRun:
    """``run_child`` through ``_measure_sampled.py`` (RSS over time, output line times)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    full_env["PYTHONUNBUFFERED"] = "1"
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryFile() as out, \
            tempfile.TemporaryFile() as err:
        report_path = Path(tmp) / "usage.json"
        wrapper = [sys.executable, str(HERE / "_measure_sampled.py"), str(report_path),
                   str(timeout), str(interval), "--", *argv]
        subprocess.run(wrapper, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                       env=full_env, timeout=timeout + 60, check=True)
        usage = json.loads(report_path.read_text("utf-8"))
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if usage["timed_out"]:
        raise AssertionError(f"timed out after {timeout} s: {argv[:6]}...\n{stderr[-2000:]}")
    return SampledRun(list(argv), usage["returncode"], usage["wall_s"],
                      usage["max_rss_kb"] / 1024, usage["user_s"], usage["sys_s"], stdout,
                      stderr, usage["samples"], usage["lines"])


def _cli(*args: str) -> list[str]:
    return [venv_tool("desa-peduli"), *args]


def _sqlite_utils(plaintext: Path, db_path: Path) -> ChildRun:
    db_path.unlink(missing_ok=True)
    run = run_child([venv_tool("sqlite-utils"), "insert", str(db_path), "registrations",
                     str(plaintext), "--nl"], timeout=3600)
    assert run.returncode == 0, run.stderr[-2000:]
    db_path.unlink(missing_ok=True)
    return run


# -- fixtures -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sync_data(recorder):
    data = _sync_cache.ensure(SYNC_N, PER_BUNDLE, log=lambda text: print(text, flush=True))
    meta = data.meta
    note = (f"{'built now' if data.built_now else 'reused'}: {data.path.name}; generate "
            f"{meta['generate_s']:.0f} s, bundles {meta['bundles_s']:.0f} s on "
            f"{meta['workers']} workers (add_file median {meta['add_s_median']:.2f} s, export "
            f"median {meta['export_s_median']:.2f} s per bundle), "
            f"{meta['bundle_bytes'] / 1e6:.0f} MB of bundles")
    recorder.record("sync_fixture", "bundle cache build (total)", meta["total_s"], "s",
                    built_now=data.built_now, note=note, **_extra(data))
    return data


@pytest.fixture(scope="module")
def branch_x(sync_data, bench_dir):
    """A copy of the cached branch with the 50,000-row volunteer enrolled too (closed)."""
    from desa_peduli.services.branch import BranchService
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    path = _sync_cache.copy_closed(sync_data.branch, bench_dir / "sync_branch_x")
    session = Session(Workspace.open_with_key(path, sync_data.branch_key))
    try:
        enrolment = BranchService(session).enrol(
            volunteer_id=X_VOLUNTEER, name="Relawan Lima Puluh Ribu",
            villages=_sync_cache.VILLAGES, target=bench_dir)
    finally:
        session.close()
    return path, enrolment


@dataclass
class ExportRuns:
    rows: int
    cli: ChildRun
    bundle: Path
    manifest: dict
    unwrap: ChildRun
    in_process: ChildRun
    cli_small: ChildRun
    in_process_small: ChildRun
    small_rows: int


@pytest.fixture(scope="module")
def export_50k(workspace_50k, branch_x, sync_data, bench_dir) -> ExportRuns:
    """The 50,000-row workspace enrolled at branch_x, exported by the CLI (and more)."""
    from desa_peduli.services.field import FieldSync
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    _branch, enrolment = branch_x
    ws = copy_workspace(workspace_50k, bench_dir / "ws_sync_export")
    session = Session(Workspace.open_with_key(ws.path, ws.key))
    try:
        FieldSync(session).enrol(enrolment)
    finally:
        session.close()

    out = bench_dir / "sync_export_cli"
    out.mkdir(exist_ok=True)
    cli = run_child(_cli("--data-dir", str(ws.path), "export", "-o", str(out), "--all",
                         "--json"), env=ENV)
    assert cli.returncode == 0, cli.stderr[-3000:]
    exported = cli.json_line()
    unwrap = run_child([sys.executable, str(HERE / "_child_unwrap.py"), str(ws.path)], env=ENV)
    assert unwrap.returncode == 0, unwrap.stderr[-2000:]
    out2 = bench_dir / "sync_export_inproc"
    out2.mkdir(exist_ok=True)
    in_process = run_child([sys.executable, str(HERE / "_child_export.py"), str(ws.path),
                            str(out2)], stdin_bytes=ws.key.hex().encode())
    assert in_process.returncode == 0, in_process.stderr[-3000:]

    small_ws = _sync_cache.copy_closed(sync_data.first_volunteer, bench_dir / "sync_vol_first")
    out3 = bench_dir / "sync_export_small"
    out3.mkdir(exist_ok=True)
    cli_small = run_child(_cli("--data-dir", str(small_ws), "export", "-o", str(out3), "--all",
                               "--json"), env=ENV)
    assert cli_small.returncode == 0, cli_small.stderr[-3000:]
    small_rows = cli_small.json_line()["manifest"]["counts"]["registrations"]
    out4 = bench_dir / "sync_export_small_inproc"
    out4.mkdir(exist_ok=True)
    in_process_small = run_child([sys.executable, str(HERE / "_child_export.py"), str(small_ws),
                                  str(out4)], stdin_bytes=sync_data.volunteer_key.hex().encode())
    assert in_process_small.returncode == 0, in_process_small.stderr[-3000:]
    return ExportRuns(ws.rows, cli, Path(exported["path"]), exported["manifest"], unwrap,
                      in_process, cli_small, in_process_small, small_rows)


@dataclass
class BigImport:
    branch: Path
    cli: SampledRun
    before: ChildRun
    after: ChildRun
    unwrap: ChildRun


@pytest.fixture(scope="module")
def big_import(sync_data, bench_dir):
    """Every cached bundle imported into one copy of the branch by one CLI call, between
    two ``sqlite-utils insert --nl`` runs of the same registrations' plaintext."""
    branch = _sync_cache.copy_closed(sync_data.branch, bench_dir / "sync_branch_big")
    before = _sqlite_utils(sync_data.plaintext, bench_dir / "sync_baseline.db")
    print(f"\n[sync] importing {len(sync_data.bundles)} bundles ({sync_data.n} registrations)"
          " in one CLI call...", flush=True)
    cli = run_child_sampled(_cli("--data-dir", str(branch), "import",
                                 *map(str, sync_data.bundles)), env=ENV, timeout=4 * 3600)
    after = _sqlite_utils(sync_data.plaintext, bench_dir / "sync_baseline.db")
    unwrap = run_child([sys.executable, str(HERE / "_child_unwrap.py"), str(branch)], env=ENV)
    assert unwrap.returncode == 0, unwrap.stderr[-2000:]
    yield BigImport(branch, cli, before, after, unwrap)
    shutil.rmtree(branch, ignore_errors=True)  # ~1.5 KB a registration, plus a backup


# -- 1. export ----------------------------------------------------------------------------
def test_export_50k(export_50k, sync_data, recorder):
    runs = export_50k
    rows = runs.rows
    counts = runs.manifest["counts"]
    assert counts["registrations"] == rows, counts
    unwrap_s = runs.unwrap.json_line()["unwrap_s"]
    in_process = runs.in_process.json_line()
    assert in_process["counts"]["registrations"] == rows, in_process
    size_mb = runs.bundle.stat().st_size / 1e6
    extra = {"rows": rows, **_extra(sync_data)}
    time_result = recorder.record(
        "export_50k", "CLI export --all wall time", runs.cli.wall_s, "s", target=EXPORT_TARGET_S,
        note=f"{rows / runs.cli.wall_s:.0f} rows/s; bundle {size_mb:.1f} MB; includes the "
             f"passphrase unwrap ({unwrap_s:.2f} s)", bundle_mb=round(size_mb, 2), **extra)
    recorder.record("export_50k", "CLI export wall time without the passphrase unwrap",
                    runs.cli.wall_s - unwrap_s, "s",
                    note="information only (the target is on the whole CLI run)", **extra)
    recorder.record("export_50k", "FieldSync.export in-process (raw key, no unwrap)",
                    in_process["export_s"], "s",
                    note=f"child wall {runs.in_process.wall_s:.2f} s, child peak RSS "
                         f"{runs.in_process.max_rss_mb:.0f} MB", **extra)
    recorder.record("export_50k", "passphrase unwrap (age scrypt), separate child", unwrap_s, "s",
                    note=f"unwrap-only child peak RSS {runs.unwrap.max_rss_mb:.0f} MB", **extra)
    recorder.record("export_50k", "CLI export CPU time (user+sys)",
                    runs.cli.user_s + runs.cli.sys_s, "s", **extra)
    cli_small, cli_big = runs.cli_small.max_rss_mb, runs.cli.max_rss_mb
    small, big = runs.in_process_small.max_rss_mb, runs.in_process.max_rss_mb
    recorder.record(
        "export_50k", f"CLI export peak RSS ({rows} rows)", cli_big, "MB",
        note=f"{runs.small_rows}-row CLI export {cli_small:.0f} MB (both include the scrypt "
             f"unwrap: unwrap-only child {runs.unwrap.max_rss_mb:.0f} MB)",
        small_rss_mb=round(cli_small, 1), **extra)
    growth = recorder.record(
        "export_50k", f"export peak RSS growth {runs.small_rows} → {rows} rows (in-process "
        "child, no unwrap)", big - small, "MB", target=MAX_RSS_GROWTH_MB,
        note=f"{small:.0f} MB → {big:.0f} MB ({big / small:.2f}x) for "
             f"{rows / runs.small_rows:.0f}x the rows; CLI {cli_small:.0f} → {cli_big:.0f} MB",
        small_rss_mb=round(small, 1), big_rss_mb=round(big, 1), **extra)
    failures = []
    if not time_result["passed"]:
        failures.append(f"export took {runs.cli.wall_s:.2f} s (target <= {EXPORT_TARGET_S} s)")
    if not growth["passed"]:
        failures.append(f"export peak RSS grew by {big - small:.0f} MB with the bundle")
    assert not failures, "; ".join(failures)


# -- 2. import ----------------------------------------------------------------------------
def _rss_at(lines: list, fraction: float) -> float:
    index = min(len(lines) - 1, max(0, round(len(lines) * fraction) - 1))
    return (lines[index][1] or 0) / 1024


def test_import_all_bundles_vs_sqlite_utils(big_import, sync_data, recorder):
    run = big_import.cli
    assert run.returncode == 0, run.stderr[-3000:]
    parsed = []
    for t, rss, text in run.lines:
        match = IMPORT_LINE.match(text)
        if match:
            parsed.append((t, rss, {k: (v if k == "file" else int(v))
                                    for k, v in match.groupdict().items()}))
    assert len(parsed) == len(sync_data.bundles), run.stdout[-3000:]
    new = sum(p[2]["new"] for p in parsed)
    duplicates = sum(p[2]["duplicates"] for p in parsed)
    rejected = sum(p[2]["rejected"] for p in parsed)
    assert new == sync_data.n, (new, sync_data.n)

    n = sync_data.n
    extra = _extra(sync_data)
    unwrap_s = big_import.unwrap.json_line()["unwrap_s"]
    before, after = big_import.before, big_import.after
    baseline = (before.wall_s + after.wall_s) / 2
    ratio = run.wall_s / baseline
    updated = sum(p[2]["updated"] for p in parsed)
    # the trend is read on the bundles of new registrations (the edit bundles come last)
    times = [p[0] for p in parsed[:sync_data.meta["new_bundles"]]]
    per_bundle = [b - a for a, b in zip(times, times[1:], strict=False)]
    tenth = max(1, len(per_bundle) // 10)
    early = median(per_bundle[:tenth]) if per_bundle else times[0]
    late = median(per_bundle[-tenth:]) if per_bundle else times[0]
    time_result = recorder.record(
        "import_sync", f"CLI import of {len(parsed)} bundles ({n} registrations) wall time",
        run.wall_s, "s", target=IMPORT_MAX_RATIO, baseline=baseline,
        baseline_name="sqlite-utils insert --nl", ratio=ratio,
        baseline_runs_s=[round(before.wall_s, 3), round(after.wall_s, 3)],
        note=f"{n / run.wall_s:.0f} rows/s vs {n / baseline:.0f} rows/s; sqlite-utils "
             f"{before.wall_s:.1f} s before, {after.wall_s:.1f} s after; {new} new, "
             f"{updated} updated, {duplicates} duplicates, {rejected} rejected", **extra)
    recorder.record(
        "import_sync", "CLI import wall time without the passphrase unwrap", run.wall_s - unwrap_s,
        "s", baseline=baseline, baseline_name="sqlite-utils insert --nl",
        ratio=(run.wall_s - unwrap_s) / baseline,
        note=f"information only; unwrap {unwrap_s:.2f} s in a separate child", **extra)
    cpu = run.user_s + run.sys_s
    baseline_cpu = (before.user_s + before.sys_s + after.user_s + after.sys_s) / 2
    recorder.record("import_sync", "CLI import CPU time (user+sys)", cpu, "s",
                    baseline=baseline_cpu, baseline_name="sqlite-utils CPU",
                    ratio=cpu / baseline_cpu, note="information", **extra)
    recorder.record(
        "import_sync", f"time per {PER_BUNDLE} bundle, last 10% of bundles", late, "s",
        baseline=early, baseline_name="first 10% of bundles", ratio=late / early,
        first_bundle_done_s=round(times[0], 3),
        p95_s=round(percentile(per_bundle, 95), 4) if per_bundle else None,
        note=f"information: does a bundle get slower as the branch fills? first line after "
             f"{times[0]:.2f} s (start, unwrap, pre-import backup, bundle 1)", **extra)
    rss_peak = run.max_rss_mb
    rss_result = recorder.record(
        "import_sync", "CLI import peak RSS (child max RSS)", rss_peak, "MB",
        target=IMPORT_MAX_RSS_MB, unwrap_child_rss_mb=round(big_import.unwrap.max_rss_mb, 1),
        baseline_rss_mb=round(max(before.max_rss_mb, after.max_rss_mb), 1),
        note=f"unwrap-only child peaks at {big_import.unwrap.max_rss_mb:.0f} MB; sqlite-utils "
             f"at {max(before.max_rss_mb, after.max_rss_mb):.0f} MB", **extra)
    marks = {f: round(_rss_at(parsed, f), 1) for f in (0.01, 0.25, 0.5, 0.75, 1.0)}
    after_first = [s[1] / 1024 for s in run.samples if s[0] >= times[0]]
    recorder.record(
        "import_sync", "RSS sampled across the run: after the last bundle", marks[1.0], "MB",
        baseline=marks[0.25], baseline_name="after 25% of the bundles",
        ratio=marks[1.0] / marks[0.25] if marks[0.25] else None, rss_after_fraction_mb=marks,
        max_after_first_bundle_mb=round(max(after_first), 1) if after_first else None,
        note="information: RSS (MB) after bundle 1 / 25% / 50% / 75% / 100%: "
             + " / ".join(f"{v:.0f}" for v in marks.values())
             + (f"; max after bundle 1 {max(after_first):.0f} MB" if after_first else ""),
        **extra)
    failures = []
    if not time_result["passed"]:
        failures.append(f"import took {ratio:.2f}x sqlite-utils (target <= {IMPORT_MAX_RATIO}x)")
    if not rss_result["passed"]:
        failures.append(f"peak RSS {rss_peak:.0f} MB (target <= {IMPORT_MAX_RSS_MB:.0f} MB)")
    assert not failures, "; ".join(failures)


def test_import_memory_does_not_grow_with_bundle(export_50k, branch_x, sync_data, bench_dir,
                                                 recorder):
    """One 5,000 bundle vs one 50,000 bundle, each into a fresh copy of the branch."""
    branch, _enrolment = branch_x
    cases = (("small", sync_data.bundles[0]), ("big", export_50k.bundle))
    raw, cli = {}, {}
    for label, bundle in cases:
        target = _sync_cache.copy_closed(branch, bench_dir / f"sync_branch_raw_{label}")
        run = run_child([sys.executable, str(HERE / "_child_import.py"), str(target),
                         str(bundle)], stdin_bytes=sync_data.branch_key.hex().encode())
        assert run.returncode == 0, run.stderr[-3000:]
        raw[label] = (run, run.json_line())
        shutil.rmtree(target)
        target = _sync_cache.copy_closed(branch, bench_dir / f"sync_branch_cli_{label}")
        run = run_child(_cli("--data-dir", str(target), "import", str(bundle)), env=ENV)
        assert run.returncode == 0, run.stderr[-3000:]
        cli[label] = run
        shutil.rmtree(target)
    small_rows, big_rows = raw["small"][1]["new"], raw["big"][1]["new"]
    assert small_rows == sync_data.per_bundle and big_rows == export_50k.rows, (small_rows,
                                                                               big_rows)
    extra = _extra(sync_data)
    for label, rows in (("small", small_rows), ("big", big_rows)):
        run, info = raw[label]
        recorder.record(
            "import_bundle_size", f"import one {rows}-row bundle in-process (raw key)",
            info["import_s"], "s", rows=rows,
            note=f"{rows / info['import_s']:.0f} rows/s; CLI wall {cli[label].wall_s:.2f} s, "
                 f"CLI peak RSS {cli[label].max_rss_mb:.0f} MB; in-process child peak RSS "
                 f"{run.max_rss_mb:.0f} MB (RSS {info['rss_before_mb']:.0f} MB before the import)",
            **extra)
    small, big = raw["small"][0].max_rss_mb, raw["big"][0].max_rss_mb
    growth = recorder.record(
        "import_bundle_size", f"import peak RSS growth {small_rows} → {big_rows}-row bundle "
        "(in-process child, no unwrap)", big - small, "MB", target=MAX_RSS_GROWTH_MB,
        small_rss_mb=round(small, 1), big_rss_mb=round(big, 1),
        note=f"{small:.0f} MB → {big:.0f} MB ({big / small:.2f}x) for {big_rows / small_rows:.0f}x "
             f"the rows", **extra)
    cli_small, cli_big = cli["small"].max_rss_mb, cli["big"].max_rss_mb
    cli_growth = recorder.record(
        "import_bundle_size", f"CLI import peak RSS growth {small_rows} → {big_rows}-row bundle",
        cli_big - cli_small, "MB", target=MAX_RSS_GROWTH_MB,
        small_rss_mb=round(cli_small, 1), big_rss_mb=round(cli_big, 1),
        note=f"{cli_small:.0f} MB → {cli_big:.0f} MB (the CLI includes the scrypt unwrap)",
        **extra)
    failures = [r["metric"] for r in (growth, cli_growth) if not r["passed"]]
    assert not failures, f"over {MAX_RSS_GROWTH_MB} MB growth: {failures}"


# -- 3. re-import -------------------------------------------------------------------------
def test_reimport_already_imported(big_import, sync_data, recorder):
    assert big_import.cli.returncode == 0, big_import.cli.stderr[-3000:]
    bundle = sync_data.bundles[0]
    child = run_child([sys.executable, str(HERE / "_child_reimport.py"), str(big_import.branch),
                       str(bundle), "5", "--backup"],
                      stdin_bytes=sync_data.branch_key.hex().encode())
    assert child.returncode == 0, child.stderr[-3000:]
    info = child.json_line()
    assert set(info["reasons"]) == {"already_imported"}, info["reasons"]
    assert info["rows"] == sync_data.n, info
    cli = run_child(_cli("--data-dir", str(big_import.branch), "import", str(bundle)), env=ENV)
    assert cli.returncode != 0 and "imported before" in cli.stderr, (cli.returncode,
                                                                     cli.stderr[-2000:])
    unwrap_s = big_import.unwrap.json_line()["unwrap_s"]
    extra = {"rows": info["rows"], **_extra(sync_data)}
    first = recorder.record(
        "reimport", f"import_bundle of an already imported {sync_data.per_bundle} bundle "
        "(in-process, first call)", info["first_s"], "s", target=REIMPORT_TARGET_S,
        repeat_s=[round(v, 4) for v in info["repeat_s"]],
        note=f"BundleRejected(already_imported); median of {len(info['repeat_s'])} more calls "
             f"{median(info['repeat_s']) * 1000:.1f} ms; branch holds {info['rows']} rows",
        **extra)
    backup_s = info["backup_s"]
    cli_result = recorder.record(
        "reimport", "CLI import of the same bundle (whole call)", cli.wall_s, "s",
        target=REIMPORT_TARGET_S, unwrap_s=round(unwrap_s, 3), open_s=round(info["open_s"], 3),
        note=f"whole process: start, passphrase unwrap (~{unwrap_s:.2f} s in a separate child), "
             f"open ({info['open_s']:.2f} s in-process), the refusal; peak RSS "
             f"{cli.max_rss_mb:.0f} MB", **extra)
    recorder.record("reimport", "CLI re-import without the passphrase unwrap",
                    cli.wall_s - unwrap_s, "s", note="information only", **extra)
    recorder.record(
        "reimport", "full backup of the branch (in-process, for reference)", backup_s, "s",
        backup_mb=round(info["backup_bytes"] / 1e6, 1),
        note=f"information: {info['backup_bytes'] / 1e6:.0f} MB; what a re-import would cost "
             "if the CLI backed the branch up before checking the bundle", **extra)
    failures = [r["metric"] for r in (first, cli_result) if not r["passed"]]
    assert not failures, f"over {REIMPORT_TARGET_S} s: {failures}"
