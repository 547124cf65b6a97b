"""`desa-peduli add FILE.jsonl` of 50,000 rows against `sqlite-utils insert --nl`.

Targets: the CLI takes at most 2.5× the time sqlite-utils needs to load the same file into
a plain SQLite table (measured in the same run, before and after: their mean is the
baseline), and its peak memory (the child's own max RSS, from os.wait4) is ≤ 250 MB.
The passphrase unwrap (age scrypt) is measured in a separate child and reported too.
"""

from __future__ import annotations

import sys

import pytest

from tests.benchmarks._harness import HERE, PASSPHRASE, run_child, venv_tool
from tests.benchmarks.conftest import copy_workspace

pytestmark = pytest.mark.benchmark

MAX_RATIO = 2.5
MAX_RSS_MB = 250.0


def _sqlite_utils_insert(dataset, db_path):
    run = run_child([venv_tool("sqlite-utils"), "insert", str(db_path), "registrations",
                     str(dataset.path), "--nl"])
    assert run.returncode == 0, run.stderr[-2000:]
    return run


def test_add_jsonl_cli_vs_sqlite_utils(dataset, template_workspace, bench_dir, recorder):
    ws = copy_workspace(template_workspace, bench_dir / "ws_cli_add")
    env = {"DESA_PEDULI_PASSPHRASE": PASSPHRASE, "DESA_PEDULI_LANG": "en"}

    before = _sqlite_utils_insert(dataset, bench_dir / "baseline_before.db")
    cli = run_child([venv_tool("desa-peduli"), "--data-dir", str(ws.path), "add",
                     str(dataset.path)], env=env)
    after = _sqlite_utils_insert(dataset, bench_dir / "baseline_after.db")
    unwrap = run_child([sys.executable, str(HERE / "_child_unwrap.py"), str(ws.path)], env=env)

    assert cli.returncode == 0, cli.stderr[-3000:]
    assert f"{dataset.n} added" in cli.stdout, cli.stdout[-2000:]
    assert unwrap.returncode == 0, unwrap.stderr[-2000:]
    unwrap_info = unwrap.json_line()
    unwrap_s = unwrap_info["unwrap_s"]

    baseline = (before.wall_s + after.wall_s) / 2
    ratio = cli.wall_s / baseline
    rows = dataset.n
    time_result = recorder.record(
        "add_50k", "CLI add wall time", cli.wall_s, "s", target=MAX_RATIO,
        baseline=baseline, baseline_name="sqlite-utils insert --nl", ratio=ratio, rows=rows,
        baseline_runs_s=[round(before.wall_s, 3), round(after.wall_s, 3)],
        note=f"{rows / cli.wall_s:.0f} rows/s vs {rows / baseline:.0f} rows/s; sqlite-utils runs "
             f"{before.wall_s:.2f} s before, {after.wall_s:.2f} s after",
    )
    recorder.record(
        "add_50k", "CLI add wall time without the passphrase unwrap", cli.wall_s - unwrap_s, "s",
        baseline=baseline, baseline_name="sqlite-utils insert --nl",
        ratio=(cli.wall_s - unwrap_s) / baseline, rows=rows,
        note="information only (the target is on the whole CLI run)",
    )
    recorder.record("add_50k", "passphrase unwrap (age scrypt), separate child", unwrap_s, "s",
                    scrypt_log_n=unwrap_info["scrypt_log_n"],
                    note=f"scrypt logN={unwrap_info['scrypt_log_n']}; unwrap-only child "
                         f"peak RSS {unwrap.max_rss_mb:.0f} MB")
    rss_result = recorder.record(
        "add_50k", "CLI add peak RSS (child max RSS)", cli.max_rss_mb, "MB", target=MAX_RSS_MB,
        baseline=None, unwrap_child_rss_mb=round(unwrap.max_rss_mb, 1),
        baseline_rss_mb=round(max(before.max_rss_mb, after.max_rss_mb), 1),
        note=f"unwrap-only child peaks at {unwrap.max_rss_mb:.0f} MB; sqlite-utils at "
             f"{max(before.max_rss_mb, after.max_rss_mb):.0f} MB",
    )
    cli_cpu = cli.user_s + cli.sys_s
    baseline_cpu = (before.user_s + before.sys_s + after.user_s + after.sys_s) / 2
    recorder.record("add_50k", "CLI add CPU time (user+sys)", cli_cpu, "s",
                    baseline=baseline_cpu, baseline_name="sqlite-utils CPU", ratio=cli_cpu / baseline_cpu,
                    note="information: less sensitive than wall time to other load on the machine")
    failures = []
    if not time_result["passed"]:
        failures.append(f"add took {ratio:.2f}x sqlite-utils (target <= {MAX_RATIO}x)")
    if not rss_result["passed"]:
        failures.append(f"peak RSS {cli.max_rss_mb:.0f} MB (target <= {MAX_RSS_MB:.0f} MB)")
    assert not failures, "; ".join(failures)
