"""The branch workspace on a PostgreSQL server: create it, connect a computer's folder to
it, a clerk's login, and the clerks (add, list, remove).

The branch services are being ported onto it: enrolment, import, ``list``, states and
duplicate pairs run on a server (``services/server_session.py``, the ``Session`` facade);
the rest of the review queue, batch accept, receipts, hand-over and the rest not yet
(storage/server.py holds the schema and the rules).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from desa_peduli import reference
from desa_peduli.domain.regions import REGENCY, RegionLookup
from desa_peduli.errors import InputRejected, NotSupervisor, WorkspaceDamaged, WorkspaceNotFound
from desa_peduli.services.branch import branch_name_and_province
from desa_peduli.storage.keys import check_passphrase
from desa_peduli.storage.server import (
    Clerk,
    ServerStore,
    clean_name,
    is_server_folder,
    read_config,
    shown,
    write_config,
)
from desa_peduli.storage.workspace import check_new_workspace_folder
from desa_peduli.sync.signing import AgeIdentity, SigningKey, b64, fingerprint, unb64

CLERK_ROLES = ("clerk", "supervisor")
MAX_NAME = 100


def keys_payload(signing: SigningKey, identity: AgeIdentity) -> bytes:
    """The branch keys as wrapped to each clerk (JSON; only ever stored wrapped)."""
    return json.dumps({"signing_key": b64(signing.to_bytes()),
                       "age_identity": identity.secret}).encode("utf-8")


def keys_from_payload(data: bytes) -> tuple[SigningKey, AgeIdentity]:
    try:
        content = json.loads(data)
        return SigningKey.from_bytes(unb64(content["signing_key"])), AgeIdentity(
            content["age_identity"])
    except (ValueError, KeyError, TypeError) as exc:
        raise WorkspaceDamaged("kunci kantor cabang di server tidak sah") from exc


def clerk_name(name: str) -> str:
    """A clerk's name, spaces collapsed; InputRejected when empty or too long."""
    name = clean_name(name)
    if not name or len(name) > MAX_NAME:
        raise InputRejected(f"Nama petugas wajib diisi (1–{MAX_NAME} karakter).",
                            f"The clerk's name is required (1–{MAX_NAME} characters).")
    return name


def create_server_branch(path: Path, *, url: str, name: str, province: str, clerk: str,
                         passphrase: str, regions: RegionLookup | None = None) -> dict[str, str]:
    """A new branch on the server of ``url`` (its user: the database's owner, who may
    create roles): the schema, the branch keys and ``clerk`` as its first supervisor,
    then ``path`` as that clerk's folder. One transaction on the server."""
    name, province = branch_name_and_province(name, province, regions)
    clerk = clerk_name(clerk)
    check_passphrase(passphrase)
    path = Path(path)
    check_new_workspace_folder(path)  # before anything is made on the server
    signing, identity = SigningKey.generate(), AgeIdentity.generate()
    with ServerStore.as_owner(url) as store, store.atomic():
        store.create_branch(name, province)
        store.add_clerk(clerk, "supervisor", (), passphrase, keys_payload(signing, identity))
    write_config(path, url=url, branch=name)
    return {"workspace": str(path), "server": shown(url), "branch": name, "clerk": clerk,
            "fingerprint": fingerprint(signing.public_bytes)}


@dataclass(frozen=True)
class ClerkInfo:
    """A clerk as ``clerk list`` shows them."""

    name: str
    role: str
    kabupaten: list[str]
    added_at: str
    added_by: str

    @classmethod
    def of(cls, clerk: Clerk) -> ClerkInfo:
        return cls(clerk.name, clerk.role, list(clerk.kabupaten), clerk.added_at, clerk.added_by)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class ServerBranch:
    """A clerk logged in to the branch server, the branch keys unlocked.

    Open with :meth:`open` (a folder made by init or connect) or :meth:`connect_folder`.
    """

    def __init__(self, store: ServerStore, keys: bytes):
        self.store = store
        self._keys = keys

    @classmethod
    def login(cls, url: str, clerk: str, passphrase: str) -> ServerBranch:
        store = ServerStore.login(url, clerk_name(clerk), passphrase)
        try:
            return cls(store, store.unwrap_keys(passphrase))
        except BaseException:
            store.close()
            raise

    @classmethod
    def open(cls, path: Path, clerk: str, passphrase: str) -> ServerBranch:
        """Log ``clerk`` in to the server named in the folder ``path``."""
        if not is_server_folder(path):
            raise WorkspaceNotFound(
                f"{path} bukan folder kantor cabang di server. Buat dengan desa-peduli "
                "connect --server URL (atau init branch --server URL).",
                f"{path} is not a folder of a branch on a server. Make one with desa-peduli "
                "connect --server URL (or init branch --server URL).")
        return cls.login(read_config(Path(path))["server"], clerk, passphrase)

    @classmethod
    def connect_folder(cls, path: Path, *, url: str, clerk: str,
                       passphrase: str) -> dict[str, str]:
        """Make ``path`` a folder of the branch on ``url`` for this computer, once
        ``clerk`` logged in and opened the branch keys (proving both work)."""
        path = Path(path)
        check_new_workspace_folder(path)
        with cls.login(url, clerk, passphrase) as branch:
            name = branch.store.meta().name
            write_config(path, url=url, branch=name)
            return {"workspace": str(path), "server": shown(url), "branch": name,
                    "clerk": branch.me().name, "fingerprint": branch.fingerprint()}

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> ServerBranch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the branch ------------------------------------------------------------------------
    def keys(self) -> tuple[SigningKey, AgeIdentity]:
        return keys_from_payload(self._keys)

    def fingerprint(self) -> str:
        return fingerprint(self.keys()[0].public_bytes)

    def me(self) -> ClerkInfo:
        return ClerkInfo.of(self.store.me())

    def change_passphrase(self, new: str) -> None:
        """The clerk's own passphrase: they log in and unlock the keys with ``new`` from now."""
        check_passphrase(new)
        self.store.change_passphrase(new, self._keys)

    # -- clerks ----------------------------------------------------------------------------
    def clerks(self) -> list[ClerkInfo]:
        return [ClerkInfo.of(clerk) for clerk in self.store.clerks()]

    def _require_supervisor(self) -> None:
        # the server refuses too (add_clerk/remove_clerk); asked first for a quick answer
        if not self.store.me().is_supervisor:
            raise NotSupervisor()

    def add_clerk(self, name: str, *, role: str, kabupaten: list[str], passphrase: str,
                  regions: RegionLookup | None = None) -> ClerkInfo:
        """A new clerk with their first ``passphrase``; a ``clerk`` works only in the
        kabupaten listed (at least one, of the branch's province); a ``supervisor`` on the
        whole branch."""
        self._require_supervisor()
        name = clerk_name(name)
        if role not in CLERK_ROLES:
            raise InputRejected(f"Peran petugas tidak dikenal: {role!s:.20} (clerk atau "
                                "supervisor).", f"Unknown clerk role: {role!s:.20} (clerk or "
                                "supervisor).")
        codes = self._kabupaten(kabupaten, regions)
        if role == "supervisor" and codes:
            raise InputRejected(
                "Supervisor bekerja untuk seluruh kantor cabang: --kabupaten hanya untuk "
                "petugas (clerk); tidak ada yang diubah.",
                "A supervisor works on the whole branch: --kabupaten is for clerks only; "
                "nothing was changed.")
        if role == "clerk" and not codes:
            raise InputRejected(
                "Petugas (clerk) perlu minimal satu kabupaten: --kabupaten KODE[,KODE...], "
                "mis. 15.08 untuk Bungo; tidak ada yang diubah.",
                "A clerk needs at least one kabupaten: --kabupaten CODE[,CODE...], e.g. 15.08 "
                "for Bungo; nothing was changed.")
        check_passphrase(passphrase)
        return ClerkInfo.of(self.store.add_clerk(name, role, codes, passphrase, self._keys))

    def _kabupaten(self, codes: list[str], regions: RegionLookup | None) -> list[str]:
        province = self.store.meta().province
        lookup = regions or reference.regions()
        found = []
        for code in dict.fromkeys(code.strip() for code in codes if code.strip()):
            region = lookup.get(code)
            if region is None or region.level != REGENCY or region.parent_code != province:
                raise InputRejected(
                    f"Kode kabupaten tidak dikenal di provinsi {province}: {code!s:.20} (mis. "
                    "15.02 Merangin, 15.08 Bungo); tidak ada yang diubah.",
                    f"Unknown kabupaten code in province {province}: {code!s:.20} (e.g. "
                    "15.02 Merangin, 15.08 Bungo); nothing was changed.")
            found.append(region.code)
        return found

    def remove_clerk(self, name: str) -> None:
        """Remove a clerk: their login and their copy of the keys; the others keep theirs."""
        self._require_supervisor()
        self.store.remove_clerk(clerk_name(name))
