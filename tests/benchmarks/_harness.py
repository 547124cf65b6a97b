"""Helpers for the benchmarks: measured child processes, percentiles, the results file.

Not a test module (no ``test_`` prefix). Every measurement is printed as one line and
appended as JSON to ``tests/benchmarks/_out/results.jsonl`` (git-ignored).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
OUT_DIR = HERE / "_out"
RESULTS_FILE = OUT_DIR / "results.jsonl"
GENERATOR_PATH = REPO / "tools" / "generate_registrations.py"
PASSPHRASE = "rahasia-desa-123"


# Which data the benchmarks run on (see README.md, "Seeds and shapes"): the generator's
# seed and shape ("plain" or "attachments"); every cache is keyed by both.
ENV_SEED = "DESA_PEDULI_BENCH_SEED"
ENV_SHAPE = "DESA_PEDULI_BENCH_SHAPE"


def bench_seed(default: int) -> int:
    """``$DESA_PEDULI_BENCH_SEED``, or the benchmark's own ``default`` when unset."""
    value = os.environ.get(ENV_SEED, "").strip()
    return int(value) if value else default


def bench_shape() -> str:
    """``$DESA_PEDULI_BENCH_SHAPE`` (default ``plain``), checked against the generator."""
    shape = os.environ.get(ENV_SHAPE, "").strip() or "plain"
    load_generator().shape_of(shape)  # ValueError on an unknown shape
    return shape


def load_generator():
    """``tools/generate_registrations.py`` as a module (tools/ is not a package)."""
    name = "generate_registrations"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, GENERATOR_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def venv_tool(name: str) -> str:
    """A console script installed next to the running interpreter (the project's venv)."""
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return str(candidate)
    import shutil

    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} is not installed next to {sys.executable}")
    return found


# -- child processes ------------------------------------------------------------------------
@dataclass
class ChildRun:
    argv: list[str]
    returncode: int
    wall_s: float
    max_rss_mb: float  # peak resident set of this one command (see _measure.py)
    user_s: float
    sys_s: float
    stdout: str
    stderr: str

    def json_line(self) -> dict:
        """The last line of stdout parsed as JSON (what the child scripts report)."""
        lines = [line for line in self.stdout.splitlines() if line.strip()]
        if not lines:
            raise AssertionError(f"no output from {self.argv}; stderr:\n{self.stderr[-2000:]}")
        return json.loads(lines[-1])


def run_child(argv: list[str], *, env: dict | None = None, stdin_bytes: bytes | None = None,
              cwd: Path | None = None, timeout: float = 600) -> ChildRun:
    """Run ``argv`` and measure it alone: wall time and its own peak RSS.

    The command runs under ``_measure.py`` (see there why: a child of this process would
    inherit this process's peak RSS), which reports the command's ``os.wait4`` usage.
    """
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryFile() as out, \
            tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as inp:
        report_path = Path(tmp) / "usage.json"
        if stdin_bytes is not None:
            inp.write(stdin_bytes)
            inp.seek(0)
        wrapper = [sys.executable, str(HERE / "_measure.py"), str(report_path), str(timeout),
                   "--", *argv]
        subprocess.run(wrapper, stdin=inp, stdout=out, stderr=err, env=full_env,
                       cwd=str(cwd) if cwd else None, timeout=timeout + 30, check=True)
        usage = json.loads(report_path.read_text("utf-8"))
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if usage["timed_out"]:
        raise AssertionError(f"timed out after {timeout} s: {argv}\n{stderr[-2000:]}")
    return ChildRun(list(argv), usage["returncode"], usage["wall_s"], usage["max_rss_kb"] / 1024,
                    usage["user_s"], usage["sys_s"], stdout, stderr)


# -- statistics -----------------------------------------------------------------------------
def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile (0–100) with linear interpolation between ranks."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: list[float]) -> float:
    return statistics.median(values)


# -- results --------------------------------------------------------------------------------
def _git_revision() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                             capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=REPO, capture_output=True, text=True, timeout=10).stdout
        return rev + ("-dirty" if dirty.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


class Recorder:
    """Prints one line per result and appends it to the results file."""

    def __init__(self):
        self.run_id = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        self.revision = _git_revision()
        self.machine = {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        }
        self.results: list[dict] = []
        self.context: dict = {}  # merged into every result (e.g. the workspace size)

    def record(self, benchmark: str, metric: str, value: float, unit: str, *,
               target: float | None = None, target_kind: str = "max",
               baseline: float | None = None, baseline_name: str | None = None,
               ratio: float | None = None, passed: bool | None = None,
               note: str = "", **extra) -> dict:
        """One measured value; ``target`` (with ``ratio`` if the target is a ratio)."""
        if passed is None and target is not None:
            compared = ratio if ratio is not None and baseline is not None else value
            passed = compared <= target if target_kind == "max" else compared >= target
        result = {
            "run": self.run_id,
            "revision": self.revision,
            "benchmark": benchmark,
            "metric": metric,
            "value": round(value, 6),
            "unit": unit,
            "target": target,
            "baseline": None if baseline is None else round(baseline, 6),
            "baseline_name": baseline_name,
            "ratio": None if ratio is None else round(ratio, 4),
            "target_kind": target_kind,
            "passed": passed,
            "note": note,
            "machine": self.machine,
            **self.context,
            **extra,
        }
        self.results.append(result)
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        with open(RESULTS_FILE, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(result, ensure_ascii=False) + "\n")
        print("\n" + self.line(result), flush=True)
        return result

    @staticmethod
    def line(result: dict) -> str:
        value, unit = result["value"], result["unit"]
        text = f"BENCH {result['benchmark']} / {result['metric']}: {_fmt(value)} {unit}"
        if result["baseline"] is not None:
            text += f" | baseline {result['baseline_name']}: {_fmt(result['baseline'])} {unit}"
        if result["ratio"] is not None:
            text += f" | ratio {result['ratio']:.2f}x"
        if result["target"] is not None:
            sign = "<=" if result.get("target_kind", "max") == "max" else ">="
            if result["baseline"] is not None and result["ratio"] is not None:
                text += f" | target ratio {sign} {_fmt(result['target'])}x"
            else:
                text += f" | target {sign} {_fmt(result['target'])} {unit}"
                text += f" | value/target {value / result['target']:.2f}" if result["target"] else ""
        if result["passed"] is not None:
            text += " | PASS" if result["passed"] else " | FAIL"
        if result["note"]:
            text += f" | {result['note']}"
        return text


def _fmt(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3f}" if abs(value) < 1 else f"{value:.2f}"
