#!/usr/bin/env bash
# Install what is missing, run ruff and mypy, then the test suite (benchmarks and slow tests
# excluded). Any finding of ruff or mypy fails the run.
# With $CI set (.ci/run sets it) the slow tests run too: the installer build and the
# frozen program's checks in tests/packaging (about two minutes). Locally: -m slow.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/bootstrap.sh
# the checks first: lint (ruff) and types (mypy, configured in pyproject.toml; its cache
# in .mypy_cache/ makes a second run take about a second)
.venv/bin/ruff check desktop tests
.venv/bin/python -m mypy
if [ -n "${CI:-}" ]; then
  exec .venv/bin/python -m pytest -m "not benchmark" "$@"
fi
exec .venv/bin/python -m pytest "$@"
