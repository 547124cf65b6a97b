"""Arrows point down only: each layer imports only what lies below it.

    ui/  ─┐
    cli/ ─┴─> services/ ──> storage/, sync/ ──> domain/

What a layer must never import is the table ``FORBIDDEN`` below (a module, or every module
under a package):

* ``domain/``, ``storage/``, ``sync/`` and ``services/`` never import Qt, ``ui/`` or
  ``app`` (the GUI's start).
* ``cli/`` reaches the workspace only through ``services/`` (``Session`` and the service
  modules): never ``storage/`` or ``sync/``. It may import ``services/``, value types from
  ``domain/``, ``errors``, and the top-level helpers that touch no workspace (``paths``,
  ``logs``, ``reference``, the package's ``__version__``); ``app`` to open the GUI when
  no command is given, and the ``ui/`` module that draws the coverage PDF (Qt paints it;
  imported only by ``report --format pdf``).

A new rule is a new row (e.g. ``"ui": BELOW_SERVICES``).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "desa_peduli"
QT_AND_UI = ("PySide6", "shiboken6", "desa_peduli.ui", "desa_peduli.app")
BELOW_SERVICES = ("desa_peduli.storage", "desa_peduli.sync")

# layer (a folder of the package) → what none of its modules may import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": QT_AND_UI,
    "storage": QT_AND_UI,
    "sync": QT_AND_UI,
    "services": QT_AND_UI,
    "cli": BELOW_SERVICES,
}


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in it (also inside functions), by its full
    name: ``from desa_peduli import storage`` counts as ``desa_peduli.storage`` and a
    relative import is resolved against the module's own package."""
    tree = ast.parse(path.read_text("utf-8"))
    package = list(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # from . import x, from ..storage import y
                parent = package[:len(package) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _is_under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


@pytest.mark.parametrize("layer", FORBIDDEN)
def test_a_layer_imports_nothing_it_must_not(layer):
    modules = sorted((PACKAGE / layer).rglob("*.py"))
    assert modules, f"no package {layer}/"
    offenders = [f"{path.relative_to(PACKAGE)} imports {name}"
                 for path in modules for name in sorted(_imports(path))
                 if _is_under(name, FORBIDDEN[layer])]
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
