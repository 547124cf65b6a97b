"""An open workspace with its services: what the CLI and the GUI both work through."""

from __future__ import annotations

import functools
import getpass
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

import filelock
from sqlite_utils import Database

from desa_peduli.errors import InputRejected, ServerFolder
from desa_peduli.services import reference_data
from desa_peduli.services.registrations import RegistrationService
from desa_peduli.storage.database import known_error as known_error  # re-exported (ui, cli)
from desa_peduli.storage.database import open_database
from desa_peduli.storage.settings import Settings
from desa_peduli.storage.workspace import (  # the last two re-exported (cli)
    LOCK_FILE,
    SERVER_CONFIG_FILE,
    Workspace,
    read_meta,
)
from desa_peduli.storage.workspace import check_new_workspace_folder as check_new_workspace_folder
from desa_peduli.storage.workspace import is_workspace as is_workspace

if TYPE_CHECKING:
    from desa_peduli.services.desk import Desk


class Session:
    """One open workspace. Create with :meth:`open` or :meth:`create_volunteer`."""

    def __init__(self, workspace: Workspace):
        self.workspace = workspace
        # this workspace's rate table and occupation list (shipped, or newer ones)
        reference_data.activate(self)

    # -- life cycle ---------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, passphrase: str) -> Session:
        refuse_server_folder(path)
        return cls(Workspace.open(path, passphrase))

    @classmethod
    def create_volunteer(
        cls,
        path: Path,
        *,
        name: str,
        passphrase: str,
        home_village: str | None = None,
        language: str = "id",
    ) -> Session:
        name = " ".join((name or "").split())
        if not name or len(name) > 100:
            raise InputRejected(
                "Nama relawan wajib diisi (1–100 karakter).",
                "The volunteer's name is required (1–100 characters).",
            )
        ws = Workspace.create(
            path,
            role="volunteer",
            passphrase=passphrase,
            settings={"volunteer_name": name, "home_village": home_village, "language": language},
        )
        return cls(ws)

    @staticmethod
    def unwrap_key(path: Path, passphrase: str) -> bytes:
        """The database key of the workspace at ``path`` (slow: scrypt). Touches no database."""
        return Workspace.unwrap_key(Path(path), passphrase)

    @classmethod
    def open_with_key(cls, path: Path, key: bytes) -> Session:
        """Open with a key from :meth:`unwrap_key` (fast)."""
        return cls(Workspace.open_with_key(Path(path), key))

    def close(self) -> None:
        self.workspace.close()

    @property
    def is_open(self) -> bool:
        """False once closed: a step left over from a job must not touch it then."""
        return self.workspace.db is not None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- parts --------------------------------------------------------------------------
    @property
    def db(self) -> Database:
        return open_database(self.workspace)

    @property
    def settings(self) -> Settings:
        return Settings(self.db)

    def atomic(self) -> AbstractContextManager[Database]:
        """One user action, one transaction: ``with session.atomic(): ...``."""
        return self.db.atomic()

    @property
    def role(self) -> str:
        return self.workspace.role

    @property
    def workspace_id(self) -> str:
        workspace_id: str = self.workspace.meta["workspace_id"]
        return workspace_id

    def change_passphrase(self, old: str, new: str) -> None:
        """Wrap the workspace key under ``new`` (``old`` must be the current passphrase)."""
        self.workspace.change_passphrase(old, new)

    @property
    def actor(self) -> str:
        """Who acts, as stored in the logs: the volunteer's id on a laptop; at the branch
        ``branch:<clerk>``, the clerk being the computer's login name (the branch has no
        accounts of its own; each clerk logs in to Windows as themself)."""
        if self.role == "branch":
            return branch_actor()
        settings = self.settings
        return settings.get("volunteer_id") or settings.get("volunteer_name") or self.role

    @functools.cached_property
    def registrations(self) -> RegistrationService:
        return RegistrationService(self)

    @functools.cached_property
    def desk(self) -> Desk:
        """The branch's hand-over desk: choices, counts, exports and breach reports."""
        # a cycle: desk -> review -> branch -> session
        from desa_peduli.services.desk import Desk  # noqa: PLC0415

        return Desk(self)


BRANCH_ACTOR = "branch"  # the prefix; alone, a record made before clerks were recorded


def branch_actor() -> str:
    """``branch:siti``: the branch office and the login of the clerk acting."""
    try:
        clerk = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (a service account)
        clerk = ""
    clerk = " ".join(clerk.split())[:60]
    return f"{BRANCH_ACTOR}:{clerk}" if clerk else BRANCH_ACTOR


# -- a workspace folder before (or without) opening it ----------------------------------
def is_server_folder(path: Path) -> bool:
    """``path`` is a clerk's folder of a branch on a server (it names the server only)."""
    return (Path(path) / SERVER_CONFIG_FILE).is_file()


def refuse_server_folder(path: Path) -> None:
    """ServerFolder when ``path`` is a clerk's folder of a branch on a server (made by
    ``init branch --server`` or ``connect``): it holds no workspace to open here."""
    if is_server_folder(path):
        raise ServerFolder(path)


def workspace_in_use(path: Path) -> bool:
    """True when another program holds the workspace's lock right now."""
    lock = filelock.FileLock(str(Path(path) / LOCK_FILE), timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout:
        return True
    except OSError:
        return False
    lock.release()
    return False


def workspace_role(path: Path) -> str | None:
    """The role workspace.json at ``path`` names (raises when it cannot be read)."""
    return read_meta(Path(path)).get("role")
