"""One exception per idea: a single ``Cancelled`` for every long operation (issue 10, item 26)."""

from __future__ import annotations

import ast
from pathlib import Path

import desa_peduli

PACKAGE = Path(desa_peduli.__file__).parent


def test_one_cancelled_for_the_whole_program():
    defined = [str(path.relative_to(PACKAGE)) for path in sorted(PACKAGE.rglob("*.py"))
               for node in ast.walk(ast.parse(path.read_text("utf-8")))
               if isinstance(node, ast.ClassDef) and node.name == "Cancelled"]
    assert defined == ["errors.py"]

