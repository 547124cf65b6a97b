"""Benchmark fixtures: the synthetic data set and the 50,000-registration workspace.

Everything heavy is session-scoped and built only when a benchmark asks for it, so the
default test run (which deselects ``benchmark``) pays nothing here. Run with::

    .venv/bin/python -m pytest tests/benchmarks -m benchmark -s -p no:randomly

``DESA_PEDULI_BENCH_N`` changes the workspace size (default 50,000) for a quick try;
``DESA_PEDULI_BENCH_SEED`` and ``DESA_PEDULI_BENCH_SHAPE`` (``plain`` or ``attachments``)
choose the generated data (``tools/bench-matrix.sh`` runs several and reports the worst).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.benchmarks._harness import (
    HERE,
    PASSPHRASE,
    Recorder,
    bench_seed,
    bench_shape,
    load_generator,
    run_child,
)

BENCH_N = int(os.environ.get("DESA_PEDULI_BENCH_N", "50000"))
SEED = bench_seed(1)
SHAPE = bench_shape()
EXTRA = 260  # generated after the N rows (so NIKs stay unique): new registrations to save

_recorder: Recorder | None = None


@dataclass
class Dataset:
    path: Path  # JSON Lines with BENCH_N registrations
    n: int
    head: list[dict]  # the first records of the file
    extra: list[dict]  # EXTRA more valid registrations, not in the file


@dataclass
class BenchWorkspace:
    path: Path
    key: bytes
    rows: int


@pytest.fixture(scope="session")
def recorder() -> Recorder:
    global _recorder
    if _recorder is None:
        _recorder = Recorder()
        _recorder.context["workspace_rows"] = BENCH_N
        _recorder.context["seed"] = SEED
        _recorder.context["shape"] = SHAPE
    return _recorder


@pytest.fixture(scope="session")
def bench_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("bench")


@pytest.fixture(scope="session")
def dataset(bench_dir) -> Dataset:
    generator = load_generator()
    path = bench_dir / f"registrations_{BENCH_N}_s{SEED}_{SHAPE}.jsonl"
    head: list[dict] = []
    extra: list[dict] = []
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        # the attachments shape carries its signatures inline (consent.signature_png, as
        # `add` takes them); KTP photos have no CLI column (the sync cache saves them)
        for i, record in enumerate(generator.generate(BENCH_N + EXTRA, SEED, shape=SHAPE)):
            if i < BENCH_N:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                if i < 50:
                    head.append(record)
            else:
                extra.append(record)
    return Dataset(path, BENCH_N, head, extra)


@pytest.fixture(scope="session")
def template_workspace(bench_dir) -> BenchWorkspace:
    """An empty volunteer workspace (closed), copied wherever a fresh one is needed."""
    from desa_peduli.services.session import Session

    path = bench_dir / "template"
    session = Session.create_volunteer(path, name="Relawan Benchmark", passphrase=PASSPHRASE,
                                       home_village="15.04.05.2003")
    key = session.workspace.key
    session.close()
    return BenchWorkspace(path, key, 0)


def copy_workspace(source: BenchWorkspace, target: Path) -> BenchWorkspace:
    """A copy of a closed workspace (same key); the lock file is not copied."""
    shutil.copytree(source.path, target, ignore=shutil.ignore_patterns(".lock"))
    return BenchWorkspace(target, source.key, source.rows)


@pytest.fixture(scope="session")
def workspace_50k(bench_dir, dataset, template_workspace, recorder) -> BenchWorkspace:
    """The template filled with the data set through ``add_file`` (closed afterwards).

    Runs in a child opened with the raw key, so its time and peak memory are the add
    path's own (no scrypt); recorded for information (the targets are on the CLI run).
    """
    ws = copy_workspace(template_workspace, bench_dir / f"ws_{dataset.n}_s{SEED}_{SHAPE}")
    run = run_child([sys.executable, str(HERE / "_child_add.py"), str(ws.path),
                     str(dataset.path)], stdin_bytes=ws.key.hex().encode())
    assert run.returncode == 0, run.stderr[-3000:]
    report = run.json_line()
    assert report["added"] == dataset.n, report
    recorder.record("workspace_fixture", "add_file in-process (raw key, no unwrap)",
                    report["add_file_s"], "s", rows=dataset.n,
                    note=f"child wall {run.wall_s:.2f} s, child peak RSS {run.max_rss_mb:.0f} MB")
    recorder.record("workspace_fixture", "add_file child peak RSS (no unwrap)",
                    run.max_rss_mb, "MB", rows=dataset.n)
    ws.rows = dataset.n
    return ws


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _recorder is None or not _recorder.results:
        return
    terminalreporter.section("benchmark results")
    for result in _recorder.results:
        terminalreporter.write_line(Recorder.line(result))
    terminalreporter.write_line(f"(appended to {HERE / '_out' / 'results.jsonl'})")
