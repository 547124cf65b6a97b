#!/usr/bin/env bash
# Install what is missing, then open Desa Peduli (extra arguments go to the program).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/bootstrap.sh
exec .venv/bin/desa-peduli "$@"
