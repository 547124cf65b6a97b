"""Desa Peduli: offline, encrypted BPU registration for village volunteers."""

from importlib import metadata

try:
    __version__ = metadata.version("desa-peduli")
except metadata.PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+source"

APP_NAME = "Desa Peduli"
