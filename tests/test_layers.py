"""Arrows point down only: domain/, storage/, sync/ and services/ never import Qt or ui."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "desa_peduli"
LOWER = ("domain", "storage", "sync", "services")
FORBIDDEN = ("PySide6", "desa_peduli.ui", "desa_peduli.app", "shiboken6")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("layer", LOWER)
def test_lower_layers_do_not_import_qt_or_ui(layer):
    offenders = []
    for path in (PACKAGE / layer).rglob("*.py"):
        for name in _imports(path):
            if name.startswith(FORBIDDEN):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_domain_does_no_io_imports():
    offenders = []
    for path in (PACKAGE / "domain").rglob("*.py"):
        for name in _imports(path):
            if name.split(".")[0] in {"sqlite3", "sqlite_utils", "sqlcipher3", "os", "pathlib",
                                      "io", "open"} or name.startswith("desa_peduli.storage"):
                offenders.append(f"{path.name} imports {name}")
    assert offenders == []


def test_cli_and_services_load_without_qt():
    code = (
        "import sys, desa_peduli.cli, desa_peduli.services.adding, desa_peduli.services.listing;"
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_every_module_has_a_docstring():
    missing = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
               if ast.get_docstring(ast.parse(p.read_text("utf-8"))) is None]
    assert missing == []
