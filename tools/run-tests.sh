#!/usr/bin/env bash
# Install what is missing, then run the test suite (benchmarks and slow tests excluded).
# With $CI set (.ci/run sets it) the slow tests run too: the installer build and the
# frozen program's checks in tests/packaging (about two minutes). Locally: -m slow.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/bootstrap.sh
if [ -n "${CI:-}" ]; then
  exec .venv/bin/python -m pytest -m "not benchmark" "$@"
fi
exec .venv/bin/python -m pytest "$@"
