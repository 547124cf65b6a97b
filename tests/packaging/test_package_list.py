"""The wheel's package list in pyproject.toml names every package of desa_peduli."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
                 ["tool"]["setuptools"]["packages"])
    source = ROOT / "desktop"
    found = {".".join(init.parent.relative_to(source).parts)
             for init in (source / "desa_peduli").rglob("__init__.py")}
    assert found - listed == set()  # a package left out would be missing from the install
