"""Every dependency installs on 64-bit Windows from wheels (no compiler), with and without
the packaging extra: ``tools/check_windows_wheels.py`` (pip download for win_amd64, the
Windows-only requirements pip skips on Linux, and the sqlcipher3 wheel's SQLCipher 4 + FTS5).

Marked slow (it downloads ~150 MB from PyPI): CI runs it; locally ``-m slow``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location(
        "check_windows_wheels", ROOT / "tools" / "check_windows_wheels.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.parametrize("extra", [None, "packaging"])
def test_every_dependency_has_a_windows_wheel(extra, tmp_path):
    names = _tool().check(extra, tmp_path, "3.11")
    assert any(n.startswith("sqlcipher3-") and n.endswith("-win_amd64.whl") for n in names)
    assert any(n.startswith("pyside6_essentials-") and n.endswith("-win_amd64.whl") for n in names)
    if extra == "packaging":  # PyInstaller's Windows-only requirements, which pip skips on Linux
        assert {"pyinstaller", "pefile", "pywin32_ctypes"} <= {n.split("-")[0] for n in names}


def test_windows_only_requirements_are_found(tmp_path):
    """pip on Linux skips ``; sys_platform == "win32"`` requirements: the tool does not."""
    import zipfile

    tool = _tool()
    wheel = tmp_path / "pyinstaller-6.0.0-py3-none-win_amd64.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("pyinstaller-6.0.0.dist-info/METADATA", (
            "Metadata-Version: 2.1\nName: pyinstaller\nVersion: 6.0.0\n"
            "Requires-Dist: pefile>=2022.5.30; sys_platform == 'win32'\n"
            "Requires-Dist: macholib>=1.8; sys_platform == 'darwin'\n"
            "Requires-Dist: psutil; extra == 'hook-testing'\n"))
    assert tool.missing_for_windows(tmp_path, "3.11") == ["pefile>=2022.5.30"]
