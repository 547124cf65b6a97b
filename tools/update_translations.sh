#!/usr/bin/env bash
# Refresh resources/i18n/desa_peduli_id.ts from the UI sources (keeping translations),
# then compile it to .qm. Translate new entries with pyside6-linguist in between.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(find desktop/desa_peduli/ui desktop/desa_peduli/app.py -name '*.py' | sort)
.venv/bin/pyside6-lupdate -no-obsolete -locations none "${sources[@]}" \
    -ts resources/i18n/desa_peduli_id.ts
.venv/bin/pyside6-lrelease resources/i18n/desa_peduli_id.ts -qm resources/i18n/desa_peduli_id.qm
