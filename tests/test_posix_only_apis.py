"""No module calls a POSIX-only API (absent on Windows) without a platform guard."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import desa_peduli

PACKAGE = Path(desa_peduli.__file__).parent
ALLOW = "# posix-only: ok"  # on the line, for a call the reader can see is safe

POSIX_MODULES = {"fcntl", "pwd", "grp", "resource", "termios", "tty", "pty", "posix",
                 "syslog", "crypt", "spwd", "nis", "readline"}
POSIX_ATTRIBUTES = {
    "os": {"fchmod", "fchown", "chown", "lchown", "lchmod", "getuid", "geteuid", "getgid",
           "getegid", "getgroups", "setuid", "setgid", "getpgid", "setpgid", "setsid",
           "getsid", "fork", "forkpty", "openpty", "killpg", "sync", "statvfs", "fstatvfs",
           "O_DIRECTORY", "O_NOFOLLOW", "O_CLOEXEC", "O_NONBLOCK", "O_SYNC", "O_DSYNC",
           "mkfifo", "mknod", "major", "minor", "makedev", "getloadavg", "nice", "wait3",
           "wait4", "WNOHANG", "pipe2", "fdatasync", "posix_fallocate", "posix_fadvise",
           "sched_getaffinity", "sysconf", "pathconf", "fpathconf", "ttyname", "sendfile",
           "getpriority", "setpriority", "initgroups", "chroot", "setxattr", "getxattr",
           "pread", "pwrite", "lockf", "F_LOCK", "register_at_fork"},
    "signal": {"SIGKILL", "SIGUSR1", "SIGUSR2", "SIGHUP", "SIGQUIT", "SIGALRM", "SIGCHLD",
               "SIGPIPE", "SIGSTOP", "SIGCONT", "SIGTSTP", "alarm", "setitimer", "pause",
               "pthread_kill", "pthread_sigmask", "siginterrupt", "sigwait"},
}
GUARD_NAMES = ("os.name", "sys.platform", "IS_WINDOWS", "IS_POSIX", "platform.system")


def _mentions_platform(node: ast.AST) -> bool:
    text = ast.unparse(node)
    return any(name in text for name in GUARD_NAMES)


def _guarded(parents: list[ast.AST]) -> bool:
    """Inside an ``if``/conditional on the platform, a ``try`` that catches the failure,
    or a function that tests the platform before (an early return)."""
    for parent in parents:
        if isinstance(parent, ast.If | ast.IfExp) and _mentions_platform(parent.test):
            return True
        if isinstance(parent, ast.Try) and any(
                handler.type is not None and any(
                    name in ast.unparse(handler.type)
                    for name in ("ImportError", "AttributeError", "ModuleNotFoundError"))
                for handler in parent.handlers):
            return True
        if isinstance(parent, ast.FunctionDef | ast.AsyncFunctionDef) and any(
                isinstance(stmt, ast.If) and _mentions_platform(stmt.test)
                for stmt in parent.body):
            return True
    return False


def unguarded_posix_calls(source: str, name: str = "<module>") -> list[str]:
    """``file:line: what`` for each POSIX-only module or attribute used without a guard."""
    tree = ast.parse(source)
    lines = source.splitlines()
    found = []

    def visit(node: ast.AST, parents: list[ast.AST]) -> None:
        what = None
        if isinstance(node, ast.Import):
            hits = [a.name for a in node.names if a.name.split(".")[0] in POSIX_MODULES]
            what = f"import {', '.join(hits)}" if hits else None
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in POSIX_MODULES:
                what = f"from {node.module} import"
            elif node.module in POSIX_ATTRIBUTES:
                hits = [a.name for a in node.names if a.name in POSIX_ATTRIBUTES[node.module]]
                what = f"from {node.module} import {', '.join(hits)}" if hits else None
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.attr in POSIX_ATTRIBUTES.get(node.value.id, ()):
                what = f"{node.value.id}.{node.attr}"
        if what and ALLOW not in lines[node.lineno - 1] and not _guarded(parents):
            found.append(f"{name}:{node.lineno}: {what}")
        for child in ast.iter_child_nodes(node):
            visit(child, [node, *parents])

    visit(tree, [])
    return found


def test_no_unguarded_posix_only_api_in_the_package():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += unguarded_posix_calls(path.read_text("utf-8"), str(path.relative_to(PACKAGE)))
    assert found == [], "POSIX-only APIs without a platform guard (Windows has none):\n" + \
        "\n".join(found)


def test_the_check_catches_an_unguarded_call_and_accepts_guarded_ones():
    bad = textwrap.dedent("""
        import os, fcntl
        from os import fchmod
        import signal

        def private(fd):
            os.fchmod(fd, 0o600)
            os.kill(os.getpid(), signal.SIGKILL)
            return os.open("d", os.O_RDONLY | os.O_DIRECTORY)
    """)
    assert unguarded_posix_calls(bad, "bad.py") == [
        "bad.py:2: import fcntl", "bad.py:3: from os import fchmod",
        "bad.py:7: os.fchmod", "bad.py:8: signal.SIGKILL", "bad.py:9: os.O_DIRECTORY"]
    good = textwrap.dedent("""
        import os, sys
        try:
            import fcntl
        except ImportError:
            fcntl = None
        IS_WINDOWS = os.name == "nt"

        def private(fd):
            if os.name == "posix":
                os.fchmod(fd, 0o600)

        def sync_dir(path):
            if IS_WINDOWS:
                return
            fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)

        def kill(pid):
            import signal
            os.kill(pid, signal.SIGKILL if sys.platform != "win32" else signal.SIGTERM)
            os.sync()  # posix-only: ok
    """)
    assert unguarded_posix_calls(good) == []
