"""An open workspace with its services: what the CLI and the GUI both work through."""

from __future__ import annotations

import functools
from contextlib import AbstractContextManager
from pathlib import Path

from desa_peduli.errors import InputRejected
from desa_peduli.storage.database import known_error  # noqa: F401 - re-exported (ui, cli)
from desa_peduli.storage.settings import Settings
from desa_peduli.storage.workspace import (  # noqa: F401 - re-exported (cli)
    Workspace,
    check_new_workspace_folder,
    is_workspace,
)


class Session:
    """One open workspace. Create with :meth:`open` or :meth:`create_volunteer`."""

    def __init__(self, workspace: Workspace):
        from desa_peduli.services import reference_data

        self.workspace = workspace
        # this workspace's rate table and occupation list (shipped, or newer ones)
        reference_data.activate(self)

    # -- life cycle ---------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, passphrase: str) -> Session:
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

    def close(self) -> None:
        self.workspace.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- parts --------------------------------------------------------------------------
    @property
    def db(self):
        return self.workspace.db

    @property
    def settings(self) -> Settings:
        return Settings(self.db)

    def atomic(self) -> AbstractContextManager:
        """One user action, one transaction: ``with session.atomic(): ...``."""
        return self.db.atomic()

    @property
    def role(self) -> str:
        return self.workspace.role

    @property
    def workspace_id(self) -> str:
        return self.workspace.meta["workspace_id"]

    def change_passphrase(self, old: str, new: str) -> None:
        """Wrap the workspace key under ``new`` (``old`` must be the current passphrase)."""
        self.workspace.change_passphrase(old, new)

    @property
    def actor(self) -> str:
        settings = self.settings
        return settings.get("volunteer_id") or settings.get("volunteer_name") or self.role

    @functools.cached_property
    def registrations(self):
        from desa_peduli.services.registrations import RegistrationService

        return RegistrationService(self)
