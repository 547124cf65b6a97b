#!/usr/bin/env bash
# Install what is missing, then run the test suite (benchmarks and slow tests excluded).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/bootstrap.sh
exec .venv/bin/python -m pytest "$@"
