"""Windows file semantics emulated on Linux, for tests (nothing here runs on Windows).

What it emulates, in the running test process only:
- ``os.fsync`` on a handle opened read-only fails with EBADF ("Bad file descriptor");
- a directory cannot be opened (``os.open`` raises PermissionError), so no directory fsync;
- ``os.replace``/``os.rename``/``os.unlink`` of a file any handle of this process holds
  open (Python's or SQLite's, read from /proc/self/fd) fail with PermissionError, as a
  sharing violation does (neither the C runtime nor SQLite opens with FILE_SHARE_DELETE);
- ``os.chmod`` changes nothing;
- stdout and stderr are cp1252 consoles that refuse characters outside cp1252;
- the project's own switch ``storage.files.IS_WINDOWS`` is on (``os.name`` stays, pathlib
  needs it), with ``icacls`` recorded instead of run and every drive a local one.

What it cannot prove: real NTFS behaviour (ACLs, the MAX_PATH limit, case-insensitive
names, reserved names such as CON), antivirus timing, other processes' handles (a
subprocess sees plain Linux), SQLite's own Windows VFS, the real console code page.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import io
import os
import sys
from pathlib import Path

# every module whose tests run twice, as on Linux and as on Windows (tests/conftest.py)
EMULATED_MODULES = frozenset({
    "tests.storage.test_backups",
    "tests.storage.test_workspace",
    "tests.storage.test_keys",
    "tests.sync.test_round_trip",
    "tests.cli.test_cli",
    "tests.cli.test_sync_cli",
    "tests.cli.test_desk_cli",
    "tests.cli.test_review_cli",
    "tests.cli.test_backup_cli",
    "tests.sync.test_restores",
})


def _open_paths() -> set[str]:
    """Every file this process holds open (any layer: Python, SQLite, a library)."""
    held = set()
    fd_dir = "/proc/self/fd"
    for name in os.listdir(fd_dir):
        try:
            held.add(os.readlink(f"{fd_dir}/{name}"))
        except OSError:  # closed meanwhile
            pass
    return held


def _called_from_unix_filelock() -> bool:
    """filelock's Unix lock removes a probe file it holds open; on Windows filelock locks
    with msvcrt instead and never does that, so the emulation lets it pass."""
    frame = sys._getframe(2)
    for _ in range(4):
        if frame is None:
            return False
        if f"filelock{os.sep}_native{os.sep}_unix" in frame.f_code.co_filename:
            return True
        frame = frame.f_back
    return False


def _real(path) -> str:
    return os.path.realpath(os.fspath(path))


class _ConsoleBytes(io.RawIOBase):
    """The bytes a cp1252 console receives, passed on (decoded) to pytest's capture."""

    def __init__(self, text_stream):
        self.text_stream = text_stream

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.text_stream.write(bytes(data).decode("cp1252"))
        return len(data)

    def flush(self) -> None:
        if not self.closed and not getattr(self.text_stream, "closed", False):
            self.text_stream.flush()


class WindowsSemantics:
    """Installs the emulation through ``monkeypatch`` (undone after the test)."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch
        self.acl_restricted: list[Path] = []  # files make_private() ran icacls on
        self.refused: list[tuple[str, str]] = []  # (operation, path) refused as in use

    def install(self) -> WindowsSemantics:
        """Everything but the consoles (see :meth:`consoles`)."""
        from desa_peduli.storage import files

        mp = self.monkeypatch
        real_fsync, real_open = os.fsync, os.open
        real_replace, real_rename, real_unlink = os.replace, os.rename, os.unlink

        def fsync(fd):
            if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
                raise OSError(errno.EBADF, "Bad file descriptor")
            return real_fsync(fd)

        def open_(path, flags, *args, **kwargs):
            if kwargs.get("dir_fd") is None and os.path.isdir(path):
                raise PermissionError(errno.EACCES, "Access is denied", os.fspath(path))
            return real_open(path, flags, *args, **kwargs)

        def refuse_if_open(operation, *paths):
            held = _open_paths()
            for path in paths:
                if _real(path) in held:
                    self.refused.append((operation, os.fspath(path)))
                    raise PermissionError(
                        errno.EACCES, "The process cannot access the file because it is "
                        "being used by another process", os.fspath(path))

        def replace(src, dst, **kwargs):
            refuse_if_open("replace", src, dst)
            return real_replace(src, dst, **kwargs)

        def rename(src, dst, **kwargs):
            refuse_if_open("rename", src, dst)
            return real_rename(src, dst, **kwargs)

        def unlink(path, **kwargs):
            if not _called_from_unix_filelock():
                refuse_if_open("unlink", path)
            return real_unlink(path, **kwargs)

        def icacls(path):
            self.acl_restricted.append(Path(path))
            return True

        mp.setattr(os, "fsync", fsync)
        mp.setattr(os, "open", open_)
        mp.setattr(os, "replace", replace)
        mp.setattr(os, "rename", rename)
        mp.setattr(os, "unlink", unlink)
        mp.setattr(os, "remove", unlink)
        mp.setattr(os, "chmod", lambda *args, **kwargs: None)
        mp.setattr(files, "IS_WINDOWS", True)
        mp.setattr(files, "_icacls", icacls)
        mp.setattr(files, "_drive_type", lambda root: 3)  # DRIVE_FIXED
        return self

    @contextlib.contextmanager
    def consoles(self):
        """stdout and stderr encode as a Windows console redirected to a file does. Put in
        place around the test's call (tests/conftest.py), inside pytest's own capture,
        which sets sys.stdout again at each phase."""
        saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = (
            io.TextIOWrapper(_ConsoleBytes(stream), encoding="cp1252", errors="strict",
                             newline="\n", write_through=True)
            for stream in saved)
        try:
            yield
        finally:
            sys.stdout, sys.stderr = saved
