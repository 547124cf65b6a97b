#!/usr/bin/env bash
# Refresh resources/i18n/desa_peduli_id.ts from the UI sources (keeping translations),
# then compile it to .qm. Translate new entries with pyside6-linguist in between.
# qtbase_id.ts holds Indonesian for Qt's own texts (context menus, wizard and dialog
# buttons, the file dialog); it is edited by hand and only compiled here.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(find desktop/desa_peduli/ui desktop/desa_peduli/app.py -name '*.py' | sort)
.venv/bin/pyside6-lupdate -no-obsolete -locations none "${sources[@]}" \
    -ts resources/i18n/desa_peduli_id.ts
.venv/bin/pyside6-lrelease resources/i18n/desa_peduli_id.ts -qm resources/i18n/desa_peduli_id.qm
.venv/bin/pyside6-lrelease resources/i18n/qtbase_id.ts -qm resources/i18n/qtbase_id.qm
