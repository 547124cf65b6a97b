"""Atomic file writes: a reader (or a power cut) never sees half a file."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
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


# the hidden temporary files this program writes beside a target: atomic_writer's
# ``.NAME.XXXXXXXX.tmp`` and the hand-over's sheet buffers ``.NAME.sheetXXXXXXXX.tmp``
TEMP_NAME = re.compile(r"^\..+\.(?:sheet)?[a-z0-9_]{8}\.tmp$")
# inside a workspace every ``*.tmp`` is this program's (a backup being copied, too)
ANY_TEMP = re.compile(r"^.+\.tmp$")
# a temporary file untouched this long belongs to a write that died (a writer touches its
# file as it goes): only then is one removed from a folder other programs may share
STALE_AFTER_SECONDS = 10 * 60


def remove_stale_temps(folder: str | os.PathLike, *, older_than: float = STALE_AFTER_SECONDS,
                       pattern: re.Pattern[str] = TEMP_NAME) -> list[Path]:
    """Remove the temporary files a killed write left in ``folder``; returns them.

    A write killed part-way (power cut, pulled plug, SIGKILL) leaves its hidden temporary
    file behind, and a hand-over or breach list holds personal data in clear text. Only
    names of ``pattern`` not modified for ``older_than`` seconds are removed (0: every one,
    for a folder this process holds the lock of); a file that cannot be removed (open
    elsewhere, read-only stick) is left alone.
    """
    removed = []
    cutoff = time.time() - older_than
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.match(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or entry.stat().st_mtime > cutoff:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """Write to a temporary file beside ``path``; fsync and rename over it on success.

    On any error the temporary file is removed and ``path`` is left as it was; a write
    killed part-way leaves it, and a later write into the folder removes it.
    """
    target = Path(path)
    remove_stale_temps(target.parent)  # what an earlier, killed write left here
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
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


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    with atomic_writer(path) as handle:
        handle.write(data)
