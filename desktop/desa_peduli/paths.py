"""Where a workspace lives: --data-dir, else $DESA_PEDULI_HOME, else the platformdirs default."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_HOME = "DESA_PEDULI_HOME"


def default_workspace_dir() -> Path:
    return Path(platformdirs.user_data_dir("DesaPeduli", appauthor=False, roaming=False))


def resolve_workspace_dir(data_dir: str | os.PathLike | None = None) -> Path:
    if data_dir:
        return Path(data_dir).expanduser()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser()
    return default_workspace_dir()
