"""Desa Peduli: offline, encrypted BPU registration for village volunteers."""

# Kept equal to pyproject.toml's version by tests/test_version.py. A literal, not
# importlib.metadata: that import alone cost 60 ms of every command's start-up.
__version__ = "0.1.0"

APP_NAME = "Desa Peduli"
