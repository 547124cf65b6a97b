"""``desa_peduli.resources`` is the repository's top-level ``resources/`` folder (see
``[tool.setuptools.package-dir]`` in pyproject.toml): tell PyInstaller where to look."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def pre_find_module_path(hook_api):
    hook_api.search_dirs = [str(ROOT)]
