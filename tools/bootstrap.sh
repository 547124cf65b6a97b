#!/usr/bin/env bash
# Prepare a fresh Debian/Ubuntu machine: system libraries Qt needs, a venv, the package.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# libpulse0: QtMultimedia (the form's KTP camera) does not load without it.
# postgresql: the tests of a branch workspace on a server start a throwaway cluster of
# their own with its initdb and pg_ctl (tests/pg_cluster.py); the cluster Debian sets up
# at install is not used.
APT_PACKAGES=(python3-venv age libgl1 libegl1 libglib2.0-0 libxkbcommon0 libfontconfig1
              libdbus-1-3 fonts-dejavu-core libxcb-cursor0 libpulse0 postgresql)
missing=()
if command -v dpkg >/dev/null 2>&1; then
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
fi
# python3-venv is only needed where the interpreter lacks ensurepip
if python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
  missing=("${missing[@]/python3-venv}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test,dev]'
  rm -f .venv/.installed-* && touch "$stamp"
fi
