"""A branch and two volunteer workspaces (one enrolled, one not) and one valid file of each
kind the app reads, made once; the CLI opens them with their raw keys (no scrypt wait)."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE

FROZEN = Path(__file__).parents[1] / "data" / "frozen_registration.json"


@dataclass
class World:
    root: Path
    branch: Path
    volunteer: Path  # enrolled with the branch
    unenrolled: Path  # a volunteer workspace that was never enrolled
    keys: dict[str, bytes]  # role -> database key
    bundle: Path
    receipt: Path
    enrolment: Path
    registrations: Path
    kpj_results: Path
    rules: Path
    occupations: Path
    digests: dict[Path, str] = field(default_factory=dict)


@pytest.fixture(scope="session")
def world(tmp_path_factory, workspace_template, branch_template) -> World:
    from desa_peduli.reference import resource
    from desa_peduli.services.branch import BranchService
    from desa_peduli.services.coverage import CoverageService
    from desa_peduli.services.field import FieldSync
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    root = tmp_path_factory.mktemp("hostile")
    keys = {"branch": branch_template[1], "volunteer": workspace_template[1]}
    for name, template in (("branch", branch_template[0]), ("vol", workspace_template[0]),
                           ("vol-new", workspace_template[0])):
        shutil.copytree(template, root / name)
    stick = root / "stick"
    stick.mkdir()
    record = json.loads(FROZEN.read_text("utf-8"))
    with Session(Workspace.open_with_key(root / "branch", keys["branch"])) as branch:
        service = BranchService(branch)
        enrolment = service.enrol(volunteer_id="RLW-001", name="Rina Marlina",
                                  villages=["15.04.05.2003"], target=stick)
        with Session(Workspace.open_with_key(root / "vol", keys["volunteer"])) as volunteer:
            sync = FieldSync(volunteer)
            sync.enrol(enrolment)
            assert volunteer.registrations.save(record).outcome.id
            bundle = sync.export(stick).path
            assert service.import_bundle(bundle).new == 1
            receipt = service.receipt("RLW-001", stick)
        CoverageService(branch).ensure_seeded()  # what any coverage command does first
        try:
            service.close()
        except AttributeError:
            pass
    registrations = root / "registrations.jsonl"
    registrations.write_text(json.dumps(dict(record, nik="1504054203880002")) + "\n", "utf-8")
    kpj_results = root / "kpj.csv"
    kpj_results.write_text(f"NIK,KPJ\n{record['nik']},12345678901\n", "utf-8")
    return World(root, root / "branch", root / "vol", root / "vol-new", keys, bundle, receipt,
                 enrolment, registrations, kpj_results, resource("rates", "rules.json"),
                 resource("reference", "occupations.csv"))


@pytest.fixture(autouse=True)
def raw_keys(monkeypatch, world):
    """The passphrase is checked as it is typed, then the raw key opens the workspace."""
    from desa_peduli.errors import WrongPassphrase
    from desa_peduli.storage.workspace import Workspace, read_meta

    def unwrap_key(path, passphrase: str) -> bytes:
        role = read_meta(Path(path))["role"]
        if passphrase != PASSPHRASE:
            raise WrongPassphrase()
        return world.keys[role]

    monkeypatch.setattr(Workspace, "unwrap_key", staticmethod(unwrap_key))
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASSPHRASE)


def digest(world: World, path: Path) -> str:
    """Every row of every table of the workspace at ``path``, hashed."""
    from desa_peduli.storage.workspace import Workspace, read_meta

    if not path.exists():
        return "absent"
    ws = Workspace.open_with_key(path, world.keys[read_meta(path)["role"]])
    try:
        hasher = hashlib.sha256()
        tables = [r[0] for r in ws.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        for table in tables:
            hasher.update(table.encode())
            for row in sorted(repr(tuple(r)) for r in ws.db.execute(f"SELECT * FROM {table}")):
                hasher.update(row.encode())
        return hasher.hexdigest()
    finally:
        ws.close()
