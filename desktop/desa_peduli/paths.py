"""Where things live: the workspace (--data-dir, $DESA_PEDULI_HOME, platformdirs) and the log."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_HOME = "DESA_PEDULI_HOME"
ENV_LOG_DIR = "DESA_PEDULI_LOG_DIR"
APP_DIR_NAME = "DesaPeduli"


def default_workspace_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def log_dir() -> Path:
    """The log folder: %LOCALAPPDATA%\\DesaPeduli\\Logs, ~/.local/state/DesaPeduli/log, …"""
    env = os.environ.get(ENV_LOG_DIR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def resolve_workspace_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    if data_dir:
        return Path(data_dir).expanduser()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser()
    return default_workspace_dir()
