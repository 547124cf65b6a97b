"""A real PostgreSQL server for the tests of the branch on a server (tests/pg_cluster.py).

One throwaway cluster per test run, started on first use and stopped and removed at the
end, even when tests fail; each test gets a database of its own. No skipping: without
PostgreSQL the tests fail and say to run tools/bootstrap.sh.
"""

from __future__ import annotations

import pytest

from tests.pg_cluster import BOOTSTRAP_HINT, PostgresCluster


@pytest.fixture(scope="session")
def pg_cluster():
    try:
        cluster = PostgresCluster().start()
    except (RuntimeError, OSError) as exc:
        pytest.fail(f"{BOOTSTRAP_HINT}\n{exc}", pytrace=False)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_database(pg_cluster) -> str:
    """The name of a new, empty database on the test server."""
    return pg_cluster.new_database()


@pytest.fixture
def admin_url(pg_cluster, pg_database) -> str:
    """The URL of that database as its owner (the server's administrator)."""
    return pg_cluster.admin_url(pg_database)


@pytest.fixture
def server_url(pg_cluster, pg_database) -> str:
    """The URL of that database as a clerk is given it (no user)."""
    return pg_cluster.url(pg_database)


@pytest.fixture(autouse=True)
def _quick_scrypt(monkeypatch):
    """scrypt at 2**10 instead of 2**17 for the clerks' logins and key wraps: the same
    code, a hundred times cheaper (tests log in dozens of times on a shared machine)."""
    from desa_peduli.storage import server

    monkeypatch.setattr(server, "LOGIN_LOG_N", 10)
    monkeypatch.setattr(server, "KEYS_LOG_N", 10)
