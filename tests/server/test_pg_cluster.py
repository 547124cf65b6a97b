"""The throwaway PostgreSQL cluster itself (tests/pg_cluster.py)."""

from __future__ import annotations

import psycopg
import pytest

from tests import pg_cluster
from tests.pg_cluster import BOOTSTRAP_HINT, PostgresCluster


def test_a_cluster_listens_on_its_socket_only_and_is_removed_when_stopped():
    cluster = PostgresCluster().start()
    try:
        with psycopg.connect(cluster.admin_url(), autocommit=True) as conn:
            settings = dict(conn.execute(
                "SELECT name, setting FROM pg_settings WHERE name IN "
                "('listen_addresses', 'unix_socket_directories', 'fsync')").fetchall())
        assert settings == {"listen_addresses": "", "fsync": "off",
                            "unix_socket_directories": str(cluster.sockets)}
    finally:
        cluster.stop()
    assert not cluster.root.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(cluster.admin_url(), connect_timeout=2)


def test_without_postgresql_the_message_says_to_run_bootstrap(monkeypatch, tmp_path):
    monkeypatch.setenv("DESA_PEDULI_PG_BIN", str(tmp_path))  # no initdb there
    monkeypatch.setattr(pg_cluster.glob, "glob", lambda pattern: [])
    monkeypatch.setattr(pg_cluster.shutil, "which", lambda name: None)
    with pytest.raises(RuntimeError, match="tools/bootstrap.sh") as missing:
        PostgresCluster()
    assert str(missing.value) == BOOTSTRAP_HINT
