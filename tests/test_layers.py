"""Arrows point down only: domain/, storage/, sync/ and services/ never import Qt or ui;
cli/ and ui/ reach storage/ and sync/ only through services/.

``NEVER`` is the rule, one row a layer: what its modules must never import (a module, or
every module under it), wherever the import stands (also inside a function). cli/ may
import services/ (``Session`` and the service modules), value types from domain/,
errors, the top-level helpers that open no workspace (paths, logs, reference, the
package's ``__version__``), app (the GUI, when no command is given) and the ui/ module
that draws the coverage PDF (``report --format pdf``); never storage/ or sync/.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "desa_peduli"
LOWER = ("domain", "storage", "sync", "services")
FORBIDDEN = ("PySide6", "desa_peduli.ui", "desa_peduli.app", "shiboken6")


def _imports(path: Path, package: Path = PACKAGE) -> set[str]:
    """Every module ``path`` imports, by its full name: ``from desa_peduli import storage``
    counts as ``desa_peduli.storage``, ``from ..storage import x`` is resolved."""
    tree = ast.parse(path.read_text("utf-8"))
    here = ["desa_peduli", *path.relative_to(package).parent.parts]  # the module's package
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                module = ".".join([*here[:len(here) - node.level + 1], *filter(None, [module])])
            found.add(module)  # and what it names: ``from desa_peduli import storage``
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


# layer (a folder of desa_peduli) -> the module prefixes it must never import
NEVER = {
    # below the UI: no Qt, and no arrow up (docs/architecture.md, "Layers")
    "domain": (*FORBIDDEN, "desa_peduli.cli", "desa_peduli.services", "desa_peduli.sync",
               "desa_peduli.storage"),
    "storage": (*FORBIDDEN, "desa_peduli.cli", "desa_peduli.services", "desa_peduli.sync"),
    "sync": (*FORBIDDEN, "desa_peduli.cli", "desa_peduli.services"),
    "services": (*FORBIDDEN, "desa_peduli.cli"),
    "cli": ("desa_peduli.storage", "desa_peduli.sync"),
    # ui/ may import services/, domain/ (value types), errors and the top-level helpers
    # (paths, logs, reference, the package's APP_NAME/__version__), never storage/ or sync/
    "ui": ("desa_peduli.storage", "desa_peduli.sync", "desa_peduli.cli", "desa_peduli.app"),
}


def _offenders(layer: str, package: Path = PACKAGE) -> list[str]:
    modules = sorted((package / layer).rglob("*.py"))
    assert modules, f"no package {layer}/"
    offenders = []
    for path in modules:
        for name in sorted(_imports(path, package)):
            if any(name == prefix or name.startswith(prefix + ".") for prefix in NEVER[layer]):
                offenders.append(f"{path.relative_to(package)} imports {name}")
    return offenders


@pytest.mark.parametrize("layer", sorted(NEVER))
def test_layers_import_only_downwards(layer):
    assert _offenders(layer) == []


@pytest.mark.parametrize(("layer", "line", "caught"), [
    ("cli", "from desa_peduli.storage.backups import make_backup", "desa_peduli.storage.backups"),
    ("cli", "from desa_peduli.storage import workspace", "desa_peduli.storage"),
    ("cli", "import desa_peduli.sync.bundle", "desa_peduli.sync.bundle"),
    ("cli", "from desa_peduli import sync", "desa_peduli.sync"),
    ("cli", "from ...storage import database", "desa_peduli.storage.database"),
    ("ui", "from desa_peduli.storage.backups import make_backup", "desa_peduli.storage.backups"),
    ("ui", "import desa_peduli.sync.bundle", "desa_peduli.sync.bundle"),
    ("ui", "from desa_peduli import storage", "desa_peduli.storage"),
    ("services", "from PySide6.QtCore import Qt", "PySide6.QtCore"),
    ("sync", "from desa_peduli.services.session import Session", "desa_peduli.services.session"),
    ("storage", "from desa_peduli.sync import bundle", "desa_peduli.sync"),
])
def test_the_layer_rule_catches_a_new_import(tmp_path, layer, line, caught):
    module = tmp_path / layer / "sub" / "late.py"
    module.parent.mkdir(parents=True)
    module.write_text(f'"""A module added later."""\n\ndef later():\n    {line}\n', "utf-8")
    assert f"{layer}/sub/late.py imports {caught}" in _offenders(layer, tmp_path)


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
