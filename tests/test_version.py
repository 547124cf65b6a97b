"""The version the program shows and writes into bundles is the package's version."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import desa_peduli

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_version_matches_pyproject_and_installed_metadata():
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    assert desa_peduli.__version__ == declared
    assert metadata.version("desa-peduli") == declared
