"""An open workspace with its services: what the CLI and the GUI both work through."""

from __future__ import annotations

import functools
from pathlib import Path

from sqlite_utils import Database

from desa_peduli.errors import InputRejected
from desa_peduli.services import reference_data
from desa_peduli.services.registrations import RegistrationService
from desa_peduli.storage.database import open_database
from desa_peduli.storage.settings import Settings
from desa_peduli.storage.workspace import Workspace


class Session:
    """One open workspace. Create with :meth:`open` or :meth:`create_volunteer`."""

    def __init__(self, workspace: Workspace):
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

    @property
    def role(self) -> str:
        return self.workspace.role

    @property
    def actor(self) -> str:
        settings = self.settings
        return settings.get("volunteer_id") or settings.get("volunteer_name") or self.role

    @functools.cached_property
    def registrations(self) -> RegistrationService:
        return RegistrationService(self)
