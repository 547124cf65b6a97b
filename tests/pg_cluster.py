"""A throwaway PostgreSQL cluster for the tests: Debian's ``postgresql`` (tools/bootstrap.sh
installs it), made with ``initdb`` in a temporary folder, listening on a Unix socket only.

``PostgresCluster.start()`` makes and starts it, ``stop()`` stops it (``pg_ctl stop -m
fast``) and removes every file; ``new_database()`` gives each test its own database. As
root the server runs as the ``postgres`` user (PostgreSQL refuses to run as root), so the
temporary folders belong to that user. The superuser ``dp_admin`` logs in without a
password over the socket (``trust``); every other role (the clerks) with its password
(``scram-sha-256``), as on a branch's real server.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ADMIN = "dp_admin"
BOOTSTRAP_HINT = ("PostgreSQL (Debian's postgresql package) is needed by the server tests: "
                  "run tools/bootstrap.sh (as root, or with sudo) first")

# fast, throwaway: no durability (fsync off) on a cluster deleted after the run
SETTINGS = """
listen_addresses = ''
unix_socket_directories = '{sockets}'
port = {port}
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 16MB
max_connections = 40
log_min_messages = warning
"""

HBA = f"""
local all {ADMIN} trust
local all all scram-sha-256
"""


def postgres_bin() -> Path:
    """The folder of ``initdb`` and ``pg_ctl``: $DESA_PEDULI_PG_BIN, else the newest
    /usr/lib/postgresql/<version>/bin (Debian), else the one on PATH."""
    env = os.environ.get("DESA_PEDULI_PG_BIN")
    candidates = [Path(env)] if env else []

    def version(path: str) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", Path(path).parts[-3]))

    candidates += [Path(p).parent for p in sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version, reverse=True)]
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise RuntimeError(BOOTSTRAP_HINT)


class PostgresCluster:
    """One throwaway cluster; ``admin_url(db)`` is a libpq URL for its superuser."""

    def __init__(self) -> None:
        self.bin = postgres_bin()
        self.root = Path(tempfile.mkdtemp(prefix="dp-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "sock"
        self.port = 5432  # only names the socket file: nothing listens on TCP
        self._as_postgres = os.geteuid() == 0
        self._names = itertools.count(1)
        self.started = False

    def _run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin / argv[0]), *argv[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    def start(self) -> PostgresCluster:
        try:
            self.sockets.mkdir()
            if self._as_postgres:
                user = pwd.getpwnam("postgres")
                for path in (self.root, self.sockets):
                    os.chown(path, user.pw_uid, user.pw_gid)
            done = self._run("initdb", "-D", str(self.data), "-U", ADMIN, "--auth=trust",
                             "--no-sync", "--encoding=UTF8", "--locale=C.UTF-8")
            if done.returncode:
                raise RuntimeError(f"initdb failed: {done.stderr.strip()}")
            with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
                conf.write(SETTINGS.format(sockets=self.sockets, port=self.port))
            (self.data / "pg_hba.conf").write_text(HBA, encoding="utf-8")  # keeps its owner
            done = self._run("pg_ctl", "start", "-D", str(self.data), "-w", "-t", "60",
                             "-l", str(self.root / "server.log"))
            if done.returncode:
                log = (self.root / "server.log")
                raise RuntimeError(f"pg_ctl start failed: {done.stderr.strip()} "
                                   f"{log.read_text('utf-8', 'replace') if log.exists() else ''}")
            self.started = True
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop the server (fast: open sessions are ended) and remove every file."""
        try:
            if self.started or (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "fast", "-w")
                self.started = False
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def admin_url(self, database: str = "postgres") -> str:
        return f"postgresql://{ADMIN}@/{database}?host={self.sockets}&port={self.port}"

    def url(self, database: str) -> str:
        """The URL a clerk would be given: the server and database, no user."""
        return f"postgresql:///{database}?host={self.sockets}&port={self.port}"

    def new_database(self, prefix: str = "branch") -> str:
        """A new, empty database (its name unique in this cluster)."""
        import psycopg

        name = f"{prefix}{next(self._names)}"
        with psycopg.connect(self.admin_url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name
