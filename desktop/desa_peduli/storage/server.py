"""The branch workspace on a PostgreSQL server: connection, named migrations, clerks as
PostgreSQL roles, their wrapped keys, and the row-level security that limits each clerk.

One branch per database, its tables in the schema ``desa_peduli``, owned by the role
that created the branch (the server's administrator, whose connection URL ``init branch``
was given). Every clerk logs in as a role of their own, named from the database and the
clerk's name (:func:`clerk_role`), with a password derived from their passphrase by
scrypt (:func:`login_password`): the server never sees the passphrase, and only a SCRAM
verifier of the derived password (:func:`scram_verifier`). Clerks belong to the branch's
group role, which holds the grants; row-level security on ``registrations`` and
``state_log`` lets a clerk limited to some kabupaten see and change only rows there (a
supervisor: the whole branch), and a clerk read only their own ``clerk_keys`` row. Adding
and removing clerks runs in SECURITY DEFINER functions that check the caller is a
supervisor. The branch's age identity and signing key (opaque bytes here; made in
services/) are stored only wrapped to each clerk's passphrase (age, scrypt).

Names of migrations are append-only, as in ``storage/schema.py``: never edit one once
released, add a new one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from desa_peduli.errors import (
    ClerkExists,
    ClerkLoginFailed,
    LastSupervisor,
    NotABranchServer,
    NotFound,
    NotSupervisor,
    OutsideKabupaten,
    SchemaTooNew,
    ServerRefused,
    ServerUnreachable,
    WorkspaceDamaged,
)
from desa_peduli.storage import keys as storage_keys
from desa_peduli.storage.files import atomic_write_bytes
from desa_peduli.storage.registrations import local_now
from desa_peduli.storage.workspace import SERVER_CONFIG_FILE as CONFIG_FILE  # server.json

SCHEMA = "desa_peduli"
FORMAT = 1  # of the branch on the server (branch_meta.format)
CONFIG_KIND = "desa-peduli branch server"
CLERK_ROLES = ("clerk", "supervisor")
# scrypt cost of a clerk's login password (2**17 = 128 MiB, as the workspace key's wrap)
# and of the wrap of the branch keys; read at each call so that tests can lower them
LOGIN_LOG_N = storage_keys.SCRYPT_LOG_N
KEYS_LOG_N = storage_keys.SCRYPT_LOG_N
SCRAM_ITERATIONS = 4096
CONNECT_TIMEOUT = 10  # seconds, when the URL sets none

Connection = psycopg.Connection[tuple[Any, ...]]


# -- names and passwords ------------------------------------------------------------------
def clean_name(name: str) -> str:
    """A clerk's name as stored: spaces collapsed (``"  Siti   Aminah "`` → ``"Siti Aminah"``)."""
    return " ".join((name or "").split())


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def clerk_role(database: str, clerk: str) -> str:
    """The PostgreSQL role of ``clerk`` in the branch database ``database``:
    ``dp_`` and 20 hex digits of SHA-256(database, name in lower case). Roles belong to
    the whole server, so the database is part of it; the name's case does not matter."""
    return "dp_" + _digest(database, clean_name(clerk).casefold())[:20]


def group_role(database: str) -> str:
    """The role every clerk of the branch in ``database`` belongs to (it holds the grants)."""
    return "dp_" + _digest(database)[:12] + "_clerks"


def login_password(role: str, passphrase: str) -> str:
    """The password ``role`` logs in with: scrypt of the clerk's passphrase, salted with
    the role (so two branches' passwords differ), as base64 text."""
    storage_keys.check_passphrase(passphrase)
    derived = Scrypt(salt=f"desa-peduli clerk login\n{role}".encode(), length=32,
                     n=2**LOGIN_LOG_N, r=8, p=1).derive(passphrase.encode("utf-8"))
    return base64.b64encode(derived).decode("ascii")


def scram_verifier(password: str, *, salt: bytes | None = None,
                   iterations: int = SCRAM_ITERATIONS) -> str:
    """PostgreSQL's SCRAM-SHA-256 verifier of ``password`` (RFC 5802/7677), as
    ``CREATE ROLE ... PASSWORD`` takes it: the server stores it as it is and never
    receives the password itself (not even in its log of a failed statement)."""
    salt = salt or os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


# -- the server's address -----------------------------------------------------------------
def server_address(url: str) -> str:
    """``url`` without user and password (what a clerk's folder keeps): libpq's
    ``key=value`` form. InputRejected-free: a malformed URL is a ServerRefused."""
    params = _params(url)
    params.pop("user", None)
    params.pop("password", None)
    return make_conninfo("", **params)


def _params(url: str) -> dict[str, Any]:
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise ServerRefused(url, f"alamat tidak sah / invalid address ({exc})") from exc
    if not params.get("dbname"):
        raise ServerRefused(
            url, "alamat tanpa nama basis data, mis. postgresql://server/desa_peduli / "
            "the address names no database")
    return params


def database_name(url: str) -> str:
    return str(_params(url)["dbname"])


def shown(url: str) -> str:
    """The server as a message names it: host (or socket folder) and database."""
    params = _params(url)
    return f"{params.get('host') or 'localhost'}/{params['dbname']}"


def connect(url: str, *, user: str | None = None, password: str | None = None,
            clerk: str | None = None) -> Connection:
    """A connection to the branch database, tables found in :data:`SCHEMA`.

    ServerUnreachable when nothing answers, ClerkLoginFailed (``clerk`` given) when the
    server refuses the login, ServerRefused for any other refusal.
    """
    params = _params(url)
    options: dict[str, Any] = {"options": f"-c search_path={SCHEMA}",
                               "application_name": "desa-peduli"}
    if not params.get("connect_timeout"):
        options["connect_timeout"] = CONNECT_TIMEOUT
    if user is not None:
        options["user"] = user
    if password is not None:
        options["password"] = password
    try:
        # autocommit: a read is its own statement; a change is ``with atomic():``
        return psycopg.connect(url, autocommit=True, **options)
    except psycopg.OperationalError as exc:
        raise _connect_error(exc, url, clerk) from exc


def _connect_error(exc: psycopg.OperationalError, url: str,
                   clerk: str | None) -> ServerUnreachable | ServerRefused | ClerkLoginFailed:
    # A connection error carries no SQLSTATE: libpq's text says whether the server
    # answered ("FATAL:" is the server's own word) and why.
    text = str(exc)
    if "FATAL:" not in text and "ERROR:" not in text:
        return ServerUnreachable(shown(url))
    detail = text.split("FATAL:", 1)[-1].strip().splitlines()[0] if "FATAL:" in text else text
    if clerk is not None and ("password" in text or "authentication" in text
                              or "does not exist" in text and "role" in text):
        return ClerkLoginFailed(clerk)
    return ServerRefused(shown(url), detail)


# -- migrations ----------------------------------------------------------------------------
Migration = Callable[[Connection], None]
_MIGRATIONS: list[tuple[str, Migration]] = []


def migration(name: str) -> Callable[[Migration], Migration]:
    """Register a server migration under ``name`` (applied once, in the order defined)."""
    def register(function: Migration) -> Migration:
        assert name not in known_names(), name
        _MIGRATIONS.append((name, function))
        return function
    return register


def known_names() -> list[str]:
    return [name for name, _function in _MIGRATIONS]


def applied_names(conn: Connection) -> set[str]:
    """The migrations applied on the server; SchemaTooNew when one is unknown here."""
    exists = conn.execute("SELECT to_regclass(%s)", [f"{SCHEMA}.server_migrations"]).fetchone()
    if not exists or exists[0] is None:
        return set()
    applied = {row[0] for row in conn.execute(f"SELECT name FROM {SCHEMA}.server_migrations")}
    unknown = applied - set(known_names())
    if unknown:
        raise SchemaTooNew(unknown)
    return applied


def migrate(conn: Connection) -> list[str]:
    """Apply the migrations the database lacks (as its owner), one transaction; returns
    their names. Two programs migrating at once wait for each other (an advisory lock)."""
    done = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('desa_peduli migrations'))")
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
        conn.execute(f"CREATE TABLE IF NOT EXISTS {SCHEMA}.server_migrations ("
                     "name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())")
        applied = applied_names(conn)
        for name, function in _MIGRATIONS:
            if name in applied:
                continue
            function(conn)
            conn.execute(f"INSERT INTO {SCHEMA}.server_migrations(name) VALUES (%s)", [name])
            done.append(name)
    return done


# the registration columns mirrored from the SQLite branch (storage/schema.py) as they
# are stored there (JSON and ISO times as text, so the logical content moves unchanged),
# plus ``kabupaten`` (derived from village_code: "15.02.05.2003" → "15.02") and who set
# the branch state last (a clerk's name) and when
REGISTRATION_COLUMNS = (
    "id", "nik", "full_name", "birth_place", "birth_date", "sex", "phone", "email",
    "village_code", "rt", "rw", "street", "occupation", "work_location", "declared_income",
    "programs", "payment_months", "funding_source", "heirs", "consent", "status", "problems",
    "revision", "change_seq", "created_at", "created_by", "updated_at", "updated_by",
    "deleted_at", "deleted_reason", "branch_state", "branch_reason", "kpj_number",
    "branch_updated_at", "volunteer_id", "purged_at", "nationality", "no_phone_reason",
    "family_phone",
)
_INTEGER_COLUMNS = {"declared_income", "payment_months", "revision", "change_seq"}


@migration("0001_branch")
def m0001_branch(conn: Connection) -> None:
    """The branch, its clerks and their wrapped keys, registrations and the state log,
    the group role's grants and the row-level security policies."""
    group = group_role(conn.info.dbname)
    if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [group]).fetchone() is None:
        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
    columns = ",\n".join(
        f"{name} {'bigint' if name in _INTEGER_COLUMNS else 'text'}"
        + (" NOT NULL UNIQUE" if name == "id" else "")
        + (" NOT NULL DEFAULT 'draft'" if name == "status" else "")
        + (" NOT NULL DEFAULT '[]'" if name == "problems" else "")
        for name in REGISTRATION_COLUMNS)
    statements = [
        """CREATE TABLE branch_meta (
            one boolean PRIMARY KEY DEFAULT true CHECK (one),
            name text NOT NULL,
            province text NOT NULL,
            format integer NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            created_by text NOT NULL DEFAULT session_user)""",
        """CREATE TABLE clerks (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name text NOT NULL,
            pg_role text NOT NULL,
            role text NOT NULL CHECK (role IN ('clerk', 'supervisor')),
            kabupaten text[] NOT NULL DEFAULT '{}',
            added_at timestamptz NOT NULL DEFAULT now(),
            added_by text NOT NULL,
            removed_at timestamptz,
            removed_by text)""",
        # one active clerk per name (any case) and per role; a removed one stays, kept
        "CREATE UNIQUE INDEX clerks_active_role ON clerks (pg_role) WHERE removed_at IS NULL",
        """CREATE TABLE clerk_keys (
            clerk_id bigint PRIMARY KEY REFERENCES clerks(id),
            pg_role text NOT NULL,
            wrapped bytea NOT NULL,
            wrapped_at timestamptz NOT NULL DEFAULT now())""",
        f"""CREATE TABLE registrations (
            pk bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            {columns},
            kabupaten text GENERATED ALWAYS AS (left(village_code, 5)) STORED,
            branch_state_by text,
            branch_state_at timestamptz)""",
        "CREATE INDEX registrations_kabupaten ON registrations (kabupaten)",
        "CREATE INDEX registrations_nik ON registrations (nik)",
        """CREATE TABLE state_log (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            registration_id text NOT NULL REFERENCES registrations(id),
            state text NOT NULL,
            reason text,
            kpj_number text,
            duplicate_of text,
            batch_id bigint,
            actor text NOT NULL,
            actor_role text NOT NULL,
            at timestamptz NOT NULL DEFAULT now())""",
        "CREATE INDEX state_log_registration ON state_log (registration_id)",
        # who is acting: the clerk of the role logged in (invoker's rights: current_user)
        """CREATE FUNCTION clerk_is_supervisor() RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT EXISTS (SELECT 1 FROM desa_peduli.clerks WHERE pg_role = current_user
                           AND removed_at IS NULL AND role = 'supervisor') $$""",
        """CREATE FUNCTION clerk_kabupaten() RETURNS text[] LANGUAGE sql STABLE AS $$
            SELECT coalesce((SELECT kabupaten FROM desa_peduli.clerks
                             WHERE pg_role = current_user AND removed_at IS NULL), '{}') $$""",
        """CREATE FUNCTION current_clerk() RETURNS text LANGUAGE sql STABLE AS $$
            SELECT coalesce((SELECT name FROM desa_peduli.clerks
                             WHERE pg_role = current_user AND removed_at IS NULL),
                            current_user::text) $$""",
        # the actor of a state change is set by the server, never by the client
        """CREATE FUNCTION stamp_state_log() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.actor := desa_peduli.current_clerk();
                NEW.actor_role := current_user;
                NEW.at := now();
                RETURN NEW;
            END $$""",
        """CREATE TRIGGER state_log_actor BEFORE INSERT ON state_log
            FOR EACH ROW EXECUTE FUNCTION stamp_state_log()""",
        """CREATE FUNCTION stamp_branch_state() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' OR NEW.branch_state IS DISTINCT FROM OLD.branch_state THEN
                    NEW.branch_state_by := desa_peduli.current_clerk();
                    NEW.branch_state_at := now();
                ELSE
                    NEW.branch_state_by := OLD.branch_state_by;
                    NEW.branch_state_at := OLD.branch_state_at;
                END IF;
                RETURN NEW;
            END $$""",
        """CREATE TRIGGER registrations_state_by BEFORE INSERT OR UPDATE ON registrations
            FOR EACH ROW EXECUTE FUNCTION stamp_branch_state()""",
        # row-level security; the owner (the administrator) is not limited by it.
        # (SELECT f()) makes one evaluation per statement, not one per row.
        "ALTER TABLE registrations ENABLE ROW LEVEL SECURITY",
        f"""CREATE POLICY clerk_kabupaten ON registrations TO {group}
            USING ((SELECT clerk_is_supervisor()) OR kabupaten = ANY ((SELECT clerk_kabupaten())::text[]))
            WITH CHECK ((SELECT clerk_is_supervisor())
                        OR kabupaten = ANY ((SELECT clerk_kabupaten())::text[]))""",
        "ALTER TABLE state_log ENABLE ROW LEVEL SECURITY",
        # a log row goes with its registration: seen, and written, only where that is
        f"""CREATE POLICY through_registration ON state_log TO {group}
            USING (EXISTS (SELECT 1 FROM registrations r WHERE r.id = registration_id))
            WITH CHECK (EXISTS (SELECT 1 FROM registrations r WHERE r.id = registration_id))""",
        "ALTER TABLE clerk_keys ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY own_keys ON clerk_keys TO {group} USING (pg_role = current_user)",
        f"GRANT USAGE ON SCHEMA {SCHEMA} TO {group}",
        f"GRANT SELECT ON server_migrations, branch_meta, clerks TO {group}",
        f"GRANT SELECT, INSERT, UPDATE ON registrations TO {group}",  # never DELETE
        f"GRANT SELECT, INSERT ON state_log TO {group}",
        f"GRANT SELECT, UPDATE (wrapped, wrapped_at) ON clerk_keys TO {group}",
    ]
    for statement in statements:
        conn.execute(statement)
    _clerk_functions(conn, group)


def _clerk_functions(conn: Connection, group: str) -> None:
    """``add_clerk`` and ``remove_clerk``: run with the owner's rights (it may create and
    drop roles), callable by the branch's clerks, doing anything only for a supervisor
    (or the owner, who adds the first one). The caller is ``session_user``: the role that
    logged in, which a clerk cannot change."""
    caller = """
        SELECT name INTO actor FROM clerks
            WHERE pg_role = session_user AND removed_at IS NULL AND role = 'supervisor';
        IF actor IS NULL AND session_user = current_user THEN
            actor := session_user;  -- the owner (administrator)
        END IF;
        IF actor IS NULL THEN
            RAISE EXCEPTION 'only a supervisor adds or removes clerks'
                USING ERRCODE = 'insufficient_privilege';
        END IF;"""
    conn.execute(f"""
        CREATE FUNCTION add_clerk(p_name text, p_pg_role text, p_role text,
                                  p_kabupaten text[], p_verifier text, p_wrapped bytea)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = {SCHEMA}, pg_catalog, pg_temp AS $$
        DECLARE
            actor text;
            new_id bigint;
        BEGIN
            {caller}
            IF p_pg_role !~ '^dp_[0-9a-f]{{20}}$' OR p_verifier NOT LIKE 'SCRAM-SHA-256$%'
               OR p_role NOT IN ('clerk', 'supervisor') THEN
                RAISE EXCEPTION 'malformed clerk' USING ERRCODE = 'invalid_parameter_value';
            END IF;
            INSERT INTO clerks(name, pg_role, role, kabupaten, added_by)
                VALUES (p_name, p_pg_role, p_role, coalesce(p_kabupaten, '{{}}'), actor)
                RETURNING id INTO new_id;
            INSERT INTO clerk_keys(clerk_id, pg_role, wrapped) VALUES (new_id, p_pg_role, p_wrapped);
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I',
                           p_pg_role, p_verifier, '{group}');
        END $$""")
    conn.execute(f"""
        CREATE FUNCTION remove_clerk(p_pg_role text) RETURNS void LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = {SCHEMA}, pg_catalog, pg_temp AS $$
        DECLARE
            actor text;
            target clerks%ROWTYPE;
        BEGIN
            {caller}
            SELECT * INTO target FROM clerks WHERE pg_role = p_pg_role AND removed_at IS NULL
                FOR UPDATE;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'no such clerk' USING ERRCODE = 'no_data_found';
            END IF;
            IF target.role = 'supervisor' AND (SELECT count(*) FROM clerks WHERE
                    role = 'supervisor' AND removed_at IS NULL) = 1 THEN
                RAISE EXCEPTION 'the last supervisor' USING ERRCODE = 'DP001';
            END IF;
            DELETE FROM clerk_keys WHERE clerk_id = target.id;
            UPDATE clerks SET removed_at = now(), removed_by = actor WHERE id = target.id;
            EXECUTE format('DROP ROLE IF EXISTS %I', p_pg_role);
        END $$""")
    for function in ("add_clerk(text, text, text, text[], text, bytea)", "remove_clerk(text)"):
        conn.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
        conn.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {group}")


# -- the branch ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Clerk:
    name: str
    pg_role: str
    role: str  # clerk | supervisor
    kabupaten: tuple[str, ...]
    added_at: str
    added_by: str

    @property
    def is_supervisor(self) -> bool:
        return self.role == "supervisor"


@dataclass(frozen=True)
class BranchMeta:
    name: str
    province: str
    created_at: str
    format: int


_CLERK_COLUMNS = "name, pg_role, role, kabupaten, added_at, added_by"


def _clerk(row: Sequence[Any]) -> Clerk:
    name, pg_role, role, kabupaten, added_at, added_by = row
    return Clerk(name, pg_role, role, tuple(kabupaten), added_at.isoformat(timespec="seconds"),
                 added_by)


class ServerStore:
    """An open connection to a branch database, as one clerk (or as its owner at init).

    Use :meth:`login` (a clerk) or :meth:`as_owner` (``init branch``); always :meth:`close`.
    """

    def __init__(self, conn: Connection, url: str, clerk: str | None = None):
        self.conn = conn
        self.url = url
        self.clerk_name = clerk
        self._login: tuple[str, str] | None = None  # role and derived password (another())

    @classmethod
    def login(cls, url: str, clerk: str, passphrase: str) -> ServerStore:
        """Log in as ``clerk`` with their passphrase (scrypt: slow on purpose)."""
        clerk = clean_name(clerk)
        role = clerk_role(database_name(url), clerk)
        password = login_password(role, passphrase)
        store = cls._logged_in(url, clerk, role, password)
        store._login = (role, password)
        return store

    @classmethod
    def _logged_in(cls, url: str, clerk: str, role: str, password: str) -> ServerStore:
        conn = connect(url, user=role, password=password, clerk=clerk)
        store = cls(conn, url, clerk)
        try:
            store._check_schema()
        except BaseException:
            conn.close()
            raise
        return store

    def another(self) -> ServerStore:
        """A second connection as the same clerk (for a parallel worker), without deriving
        the login password again; only after :meth:`login`."""
        if self._login is None or self.clerk_name is None:
            raise RuntimeError("another() needs a clerk's login")
        role, password = self._login
        store = self._logged_in(self.url, self.clerk_name, role, password)
        store._login = self._login
        return store

    @classmethod
    def as_owner(cls, url: str) -> ServerStore:
        """Connect as the URL's own user (the administrator who creates the branch)."""
        return cls(connect(url), url)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> ServerStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[Connection]:
        """One user action, one transaction."""
        with self.conn.transaction():
            yield self.conn

    def _check_schema(self) -> None:
        applied = applied_names(self.conn)
        if "0001_branch" not in applied:
            raise NotABranchServer(
                f"Belum ada kantor cabang di server {shown(self.url)}. Buat dulu: desa-peduli "
                "init branch --server URL ...",
                f"There is no branch on server {shown(self.url)}. Create one first: "
                "desa-peduli init branch --server URL ...")
        if set(known_names()) - applied:
            raise NotABranchServer(
                f"Server {shown(self.url)} memakai versi data yang lebih lama: minta "
                "pengelola menjalankan desa-peduli versi ini sebagai pemilik basis data.",
                f"Server {shown(self.url)} holds an older data version: ask its administrator "
                "to run this desa-peduli version as the database's owner.")

    # -- creating the branch ---------------------------------------------------------------
    def create_branch(self, name: str, province: str) -> None:
        """Migrate and record the branch (in the current transaction); refuses a database
        that holds a branch already."""
        self.conn.execute("SELECT pg_advisory_xact_lock(hashtext('desa_peduli migrations'))")
        applied = applied_names(self.conn)
        if "0001_branch" in applied and self.conn.execute(
                "SELECT 1 FROM branch_meta").fetchone():
            raise NotABranchServer(
                f"Sudah ada kantor cabang di server {shown(self.url)}; tidak ada yang diubah. "
                "Untuk bekerja di sana: desa-peduli connect --server URL.",
                f"There is already a branch on server {shown(self.url)}; nothing was changed. "
                "To work on it: desa-peduli connect --server URL.")
        migrate(self.conn)
        self.conn.execute("INSERT INTO branch_meta(name, province, format) VALUES (%s, %s, %s)",
                          [name, province, FORMAT])

    # -- reading ---------------------------------------------------------------------------
    def meta(self) -> BranchMeta:
        row = self.conn.execute(
            "SELECT name, province, created_at, format FROM branch_meta").fetchone()
        if row is None:
            raise WorkspaceDamaged("branch_meta kosong / empty")
        return BranchMeta(row[0], row[1], row[2].isoformat(timespec="seconds"), row[3])

    def clerks(self) -> list[Clerk]:
        """The active clerks, by name."""
        return [_clerk(row) for row in self.conn.execute(
            f"SELECT {_CLERK_COLUMNS} FROM clerks WHERE removed_at IS NULL ORDER BY lower(name)")]

    def me(self) -> Clerk:
        row = self.conn.execute(f"SELECT {_CLERK_COLUMNS} FROM clerks WHERE pg_role = "
                                "current_user AND removed_at IS NULL").fetchone()
        if row is None:
            raise ClerkLoginFailed(self.clerk_name or "?")
        return _clerk(row)

    def wrapped_keys(self) -> bytes:
        """This clerk's wrapped copy of the branch keys (the only row they can read)."""
        row = self.conn.execute("SELECT wrapped FROM clerk_keys").fetchone()
        if row is None:
            raise ClerkLoginFailed(self.clerk_name or "?")
        return bytes(row[0])

    def unwrap_keys(self, passphrase: str) -> bytes:
        """The branch's keys (as :meth:`add_clerk` was given them), unwrapped with this
        clerk's passphrase; WrongPassphrase if it does not open them."""
        return storage_keys.decrypt_with_passphrase(self.wrapped_keys(), passphrase)

    def change_passphrase(self, new: str, secrets: bytes) -> None:
        """This clerk's new passphrase: their login password and their wrap of the keys
        (``secrets``, unwrapped with the old one), both or neither."""
        role = self.me().pg_role
        verifier = scram_verifier(login_password(role, new))
        wrapped = storage_keys.wrap_with_passphrase(secrets, new, log_n=KEYS_LOG_N)
        with self.conn.transaction():
            self.conn.execute(sql.SQL("ALTER ROLE CURRENT_USER PASSWORD {}").format(
                sql.Literal(verifier)))
            changed = self.conn.execute("UPDATE clerk_keys SET wrapped = %s, wrapped_at = now() "
                                        "WHERE pg_role = current_user", [wrapped]).rowcount
            if changed != 1:
                raise ClerkLoginFailed(self.clerk_name or role)

    # -- clerks ----------------------------------------------------------------------------
    def add_clerk(self, name: str, role: str, kabupaten: Sequence[str], passphrase: str,
                  secrets: bytes) -> Clerk:
        """A new clerk: a login role with their passphrase, in the branch's group, and
        ``secrets`` (the branch keys) wrapped to that passphrase. Supervisors only."""
        name = clean_name(name)
        pg_role = clerk_role(self.conn.info.dbname, name)
        verifier = scram_verifier(login_password(pg_role, passphrase))
        wrapped = storage_keys.wrap_with_passphrase(secrets, passphrase, log_n=KEYS_LOG_N)
        try:
            with self.conn.transaction():
                self.conn.execute("SELECT add_clerk(%s, %s, %s, %s, %s, %s)",
                                  [name, pg_role, role, list(kabupaten), verifier, wrapped])
        except psycopg.errors.InsufficientPrivilege as exc:
            raise NotSupervisor() from exc
        except (psycopg.errors.UniqueViolation, psycopg.errors.DuplicateObject) as exc:
            raise ClerkExists(name) from exc
        row = self.conn.execute(f"SELECT {_CLERK_COLUMNS} FROM clerks WHERE pg_role = %s AND "
                                "removed_at IS NULL", [pg_role]).fetchone()
        assert row is not None
        return _clerk(row)

    def remove_clerk(self, name: str) -> None:
        """Remove a clerk: their login role and their copy of the keys go; their past
        actions stay recorded under their name. Supervisors only."""
        name = clean_name(name)
        try:
            with self.conn.transaction():
                self.conn.execute("SELECT remove_clerk(%s)",
                                  [clerk_role(self.conn.info.dbname, name)])
        except psycopg.errors.InsufficientPrivilege as exc:
            raise NotSupervisor() from exc
        except psycopg.errors.NoDataFound as exc:
            raise NotFound(f"petugas {name} / clerk {name}") from exc
        except psycopg.Error as exc:
            if exc.sqlstate == "DP001":
                raise LastSupervisor(name) from exc
            raise

    # -- registrations (the first pieces the branch services will build on) -----------------
    def insert_registration(self, record: Mapping[str, object]) -> None:
        """Store one registration (the columns of :data:`REGISTRATION_COLUMNS` it has);
        OutsideKabupaten when the server refuses it to this clerk."""
        names = [name for name in REGISTRATION_COLUMNS if name in record]
        statement = sql.SQL("INSERT INTO registrations ({}) VALUES ({})").format(
            sql.SQL(", ").join(map(sql.Identifier, names)),
            sql.SQL(", ").join(sql.Placeholder() * len(names)))
        try:
            with self.conn.transaction():
                self.conn.execute(statement, [record[name] for name in names])
        except psycopg.errors.InsufficientPrivilege as exc:
            raise OutsideKabupaten(str(record.get("id"))) from exc

    def set_branch_state(self, registration_id: str, state: str, *, reason: str | None = None,
                         kpj_number: str | None = None, duplicate_of: str | None = None,
                         now: str | None = None) -> None:
        """Set a registration's branch state and log it, one transaction (or part of the
        caller's), as ``BranchService.set_state`` does on SQLite: the KPJ number kept only
        with ``registered``, ``branch_updated_at`` = ``now``, a ``duplicate`` closing its
        open pair (``kept:<duplicate_of>``). The server records the clerk and the time.
        OutsideKabupaten when the clerk may not see or change the registration."""
        now = now or local_now()
        try:
            with self.conn.transaction():
                changed = self.conn.execute(
                    "UPDATE registrations SET branch_state = %s, branch_reason = %s, "
                    "kpj_number = %s, branch_updated_at = %s "
                    "WHERE id = %s",
                    [state, reason, kpj_number if state == "registered" else None, now,
                     registration_id]).rowcount
                if changed != 1:
                    raise OutsideKabupaten(registration_id)
                self.conn.execute(
                    "INSERT INTO state_log(registration_id, state, reason, kpj_number, "
                    "duplicate_of) VALUES (%s, %s, %s, %s, %s)",
                    [registration_id, state, reason, kpj_number, duplicate_of])
                if state == "duplicate" and duplicate_of:
                    self.conn.execute(
                        "UPDATE duplicates SET resolved_at = %s, resolution = %s "
                        "WHERE resolved_at IS NULL AND ((registration_id = %s AND other_id = %s)"
                        " OR (registration_id = %s AND other_id = %s))",
                        [now, f"kept:{duplicate_of}", registration_id, duplicate_of,
                         duplicate_of, registration_id])
        except psycopg.errors.InsufficientPrivilege as exc:
            raise OutsideKabupaten(registration_id) from exc

    def close_pair(self, pair_id: int, resolution: str, now: str) -> bool:
        """Mark an open duplicate pair decided (the server records the clerk); False when
        it is not open (or not the clerk's to see)."""
        changed = self.conn.execute(
            "UPDATE duplicates SET resolved_at = %s, resolution = %s "
            "WHERE id = %s AND resolved_at IS NULL", [now, resolution, pair_id]).rowcount
        return changed == 1


# -- a clerk's folder ---------------------------------------------------------------------
def is_server_folder(path: Path) -> bool:
    return (Path(path) / CONFIG_FILE).is_file()


def write_config(path: Path, *, url: str, branch: str) -> Path:
    """Write ``server.json`` in ``path`` (made if missing): the server's address without
    user or password, and the branch's name. Never over an existing one."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    content = {"kind": CONFIG_KIND, "format": FORMAT, "server": server_address(url),
               "branch": branch}
    target = path / CONFIG_FILE
    atomic_write_bytes(target, (json.dumps(content, ensure_ascii=False, indent=2) + "\n")
                       .encode("utf-8"), new=True)
    return target


def read_config(path: Path) -> dict[str, Any]:
    """The content of ``server.json`` in ``path``; WorkspaceDamaged when unreadable."""
    try:
        content = json.loads((Path(path) / CONFIG_FILE).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise WorkspaceDamaged(f"{CONFIG_FILE} tidak terbaca / unreadable") from exc
    if not isinstance(content, dict) or content.get("kind") != CONFIG_KIND or not isinstance(
            content.get("server"), str):
        raise WorkspaceDamaged(f"{CONFIG_FILE} bukan berkas server Desa Peduli / not ours")
    return content



# -- importing bundles (the migration; the merge is in storage/server_import.py) ------------
@migration("0002_import")
def m0002_import(conn: Connection) -> None:
    """What importing bundles needs, as on the SQLite branch (storage/schema.py): the
    volunteers and their bound laptops, the enrolment files' binding secrets, the bundles
    imported (each once), the revisions and attachments they brought (seen, like the state
    log, only with their registration), the laptops' change log and the duplicates found
    (pairs of registrations with one NIK). Who imported a bundle is set by the server."""
    group = group_role(conn.info.dbname)
    statements = [
        """CREATE TABLE volunteers (
            id text PRIMARY KEY,
            name text NOT NULL,
            villages text NOT NULL DEFAULT '[]',
            enrolled_at text NOT NULL,
            device_key text,
            device_recipient text,
            device_bound_at text,
            acked_seq bigint NOT NULL DEFAULT 0,
            last_bundle_at text)""",
        """CREATE TABLE enrolment_secrets (
            volunteer_id text PRIMARY KEY REFERENCES volunteers(id),
            enrolment_id text NOT NULL,
            secret text NOT NULL,
            issued_at text NOT NULL)""",
        """CREATE TABLE bundles (
            bundle_id text PRIMARY KEY,
            volunteer_id text NOT NULL REFERENCES volunteers(id),
            device_key text NOT NULL,
            seq_from bigint NOT NULL,
            seq_to bigint NOT NULL,
            file_name text,
            created_at text,
            imported_at text NOT NULL,
            imported_by text,
            report text NOT NULL)""",
        "CREATE INDEX bundles_volunteer ON bundles (volunteer_id, seq_to)",
        """CREATE TABLE revisions (
            registration_id text NOT NULL REFERENCES registrations(id),
            revision bigint NOT NULL,
            change_seq bigint NOT NULL,
            status text NOT NULL,
            data text NOT NULL,
            saved_at text NOT NULL,
            saved_by text,
            PRIMARY KEY (registration_id, revision))""",
        """CREATE TABLE attachments (
            registration_id text NOT NULL REFERENCES registrations(id),
            kind text NOT NULL,
            mime text NOT NULL,
            sha256 text NOT NULL,
            data bytea NOT NULL,
            created_at text NOT NULL,
            PRIMARY KEY (registration_id, kind))""",
        """CREATE TABLE remote_changes (
            volunteer_id text NOT NULL,
            device_key text NOT NULL,
            seq bigint NOT NULL,
            registration_id text NOT NULL,
            revision bigint NOT NULL,
            action text NOT NULL,
            fields text NOT NULL,
            reason text,
            actor text,
            at text NOT NULL,
            PRIMARY KEY (volunteer_id, device_key, seq))""",
        """CREATE TABLE duplicates (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            nik text NOT NULL,
            registration_id text NOT NULL,
            other_id text NOT NULL,
            found_at text NOT NULL,
            bundle_id text,
            resolved_at text,
            resolution text,
            resolved_by text,
            UNIQUE (registration_id, other_id))""",
        """CREATE FUNCTION stamp_bundle() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.imported_by := desa_peduli.current_clerk();
                RETURN NEW;
            END $$""",
        """CREATE TRIGGER bundles_imported_by BEFORE INSERT ON bundles
            FOR EACH ROW EXECUTE FUNCTION stamp_bundle()""",
    ]
    for table in ("revisions", "attachments"):
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"""CREATE POLICY through_registration ON {table} TO {group}
                USING (EXISTS (SELECT 1 FROM registrations r WHERE r.id = registration_id))
                WITH CHECK (EXISTS (SELECT 1 FROM registrations r WHERE r.id = registration_id))""",
        ]
    statements += [
        # a laptop's change log may name registrations the branch does not hold (drafts
        # deleted before export): written by any clerk, read only where the registration is
        "ALTER TABLE remote_changes ENABLE ROW LEVEL SECURITY",
        f"""CREATE POLICY through_registration ON remote_changes TO {group}
            USING (EXISTS (SELECT 1 FROM registrations r WHERE r.id = registration_id))
            WITH CHECK (true)""",
        f"GRANT SELECT, INSERT, UPDATE ON volunteers, enrolment_secrets TO {group}",
        f"GRANT SELECT, INSERT ON bundles, revisions, remote_changes TO {group}",
        f"GRANT SELECT, INSERT, UPDATE ON attachments TO {group}",
        # a pair is seen by a clerk who sees either of its registrations
        "ALTER TABLE duplicates ENABLE ROW LEVEL SECURITY",
        f"""CREATE POLICY through_registration ON duplicates TO {group}
            USING (EXISTS (SELECT 1 FROM registrations r
                           WHERE r.id IN (registration_id, other_id)))""",
        f"GRANT SELECT ON duplicates TO {group}",
        # the pairs of registrations holding one NIK, each pair once (ids in SQLite's
        # binary order), over the whole branch: with the owner's rights, so that the
        # import of a clerk limited to some kabupaten finds a duplicate in another one
        f"""CREATE FUNCTION flag_duplicates(p_niks text[], p_bundle text, p_now text)
            RETURNS integer LANGUAGE sql SECURITY DEFINER
            SET search_path = {SCHEMA}, pg_catalog, pg_temp AS $$
            WITH found AS (
                INSERT INTO duplicates(nik, registration_id, other_id, found_at, bundle_id)
                SELECT a.nik, a.id, b.id, p_now, p_bundle
                FROM registrations a JOIN registrations b
                    ON b.nik = a.nik AND a.id COLLATE "C" < b.id COLLATE "C"
                WHERE a.nik = ANY(p_niks) AND a.deleted_at IS NULL AND b.deleted_at IS NULL
                ORDER BY a.nik, a.id COLLATE "C", b.id COLLATE "C"
                ON CONFLICT (registration_id, other_id) DO NOTHING
                RETURNING 1)
            SELECT count(*)::integer FROM found $$""",
        "REVOKE ALL ON FUNCTION flag_duplicates(text[], text, text) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION flag_duplicates(text[], text, text) TO {group}",
    ]
    for statement in statements:
        conn.execute(statement)


# -- reviewing on the server ----------------------------------------------------------------
@migration("0003_review")
def m0003_review(conn: Connection) -> None:
    """What the review actions need: a clerk closes a duplicate pair they see (only its
    decision: ``resolved_at``, ``resolution``; who decided is set by the server), and
    ``open_duplicate_pairs()``: the pairs still to decide (as ``services/review.py``'s
    ``_OPEN_PAIRS`` on SQLite), judged over the whole branch with the owner's rights, since
    a limited clerk sees a pair through one registration only; the caller filters them to
    the pairs it may see (``duplicates``' row-level security)."""
    group = group_role(conn.info.dbname)
    statements = [
        """CREATE FUNCTION stamp_duplicate_resolved() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.resolved_at IS DISTINCT FROM OLD.resolved_at THEN
                    NEW.resolved_by := desa_peduli.current_clerk();
                ELSE
                    NEW.resolved_by := OLD.resolved_by;
                END IF;
                RETURN NEW;
            END $$""",
        """CREATE TRIGGER duplicates_resolved_by BEFORE UPDATE ON duplicates
            FOR EACH ROW EXECUTE FUNCTION stamp_duplicate_resolved()""",
        f"GRANT UPDATE (resolved_at, resolution, resolved_by) ON duplicates TO {group}",
        f"""CREATE FUNCTION open_duplicate_pairs()
            RETURNS TABLE (id bigint, nik text, registration_id text, other_id text,
                           found_at text, bundle_id text)
            LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = {SCHEMA}, pg_catalog, pg_temp AS $$
            SELECT d.id, d.nik, d.registration_id, d.other_id, d.found_at, d.bundle_id
            FROM duplicates d
            JOIN registrations a ON a.id = d.registration_id
            JOIN registrations b ON b.id = d.other_id
            WHERE d.resolved_at IS NULL AND a.deleted_at IS NULL AND b.deleted_at IS NULL
              AND a.nik = b.nik AND a.branch_state IS DISTINCT FROM 'duplicate'
              AND b.branch_state IS DISTINCT FROM 'duplicate' $$""",
        "REVOKE ALL ON FUNCTION open_duplicate_pairs() FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION open_duplicate_pairs() TO {group}",
    ]
    for statement in statements:
        conn.execute(statement)
