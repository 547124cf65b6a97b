"""Atomic file writes: a reader (or a power cut) never sees half a file."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from desa_peduli.errors import DiskFull


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (no-op where directories cannot be opened)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike, *, new: bool = False) -> Iterator[BinaryIO]:
    """Write to a temporary file beside ``path``; fsync and rename over it on success.

    On any error the temporary file is removed and ``path`` is left as it was. With
    ``new=True`` an existing ``path`` is never replaced (FileExistsError): for files that
    must not exist yet, such as a new workspace's key.
    """
    target = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if new:
            _link_new(tmp, target)
        else:
            os.replace(tmp, target)
        fsync_dir(target.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise DiskFull(target) from exc
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _link_new(tmp: Path, target: Path) -> None:
    """Give the written ``tmp`` the name ``target`` unless ``target`` exists (atomically
    where the file system has hard links; else the name is reserved with O_EXCL first)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT, some network file systems)
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.replace(tmp, target)
    else:
        tmp.unlink()


def atomic_write_bytes(path: str | os.PathLike, data: bytes, *, new: bool = False) -> None:
    with atomic_writer(path, new=new) as handle:
        handle.write(data)
