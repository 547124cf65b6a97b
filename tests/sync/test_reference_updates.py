"""Reference-data updates: the branch installs a newer rate table or occupation list and
the next receipt carries it to the volunteer's laptop."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from desa_peduli import reference
from desa_peduli.cli import main
from desa_peduli.errors import BundleRejected, InputRejected
from desa_peduli.services import reference_data
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.services.session import Session
from desa_peduli.storage.workspace import Workspace
from desa_peduli.sync import receipt as receipts
from tests.sync.conftest import digest, person

SHIPPED_RATES = Path(reference.resource("rates", "rules.json"))
SHIPPED_OCCUPATIONS = Path(reference.resource("reference", "occupations.csv"))
OJEK = {"declared_income": 1_000_000, "occupation": "ojek_daring", "funding_source": "mandiri",
        "programs": ["JKK", "JKM"]}


def newer_rates(folder: Path, version="2027.1", transport_until="2027-12") -> Path:
    """The shipped rate files with a new version and a longer transport discount."""
    folder.mkdir(parents=True, exist_ok=True)
    rules = json.loads(SHIPPED_RATES.read_text(encoding="utf-8"))
    rules["version"] = version
    rules["discounts"][0]["to"] = transport_until
    (folder / "rules.json").write_text(json.dumps(rules), encoding="utf-8")
    shutil.copy(SHIPPED_RATES.parent / rules["bands_file"], folder / rules["bands_file"])
    return folder / "rules.json"


def occupations_file(folder: Path, *, add=None, drop=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with SHIPPED_OCCUPATIONS.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows = [r for r in rows if r["code"] != drop]
    if add:
        rows.append(add)
    path = folder / "occupations.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["code", "label_id", "label_en", "transport"])
        writer.writeheader()
        writer.writerows(rows)
    return path


GUIDE = {"code": "pemandu_wisata", "label_id": "Pemandu wisata", "label_en": "Tour guide",
         "transport": "0"}


def _first_receipt(branch, rina, valid_registration, tmp_path) -> Path:
    rina.registrations.save(person(valid_registration, 1))
    result = FieldSync(rina).export(tmp_path)
    BranchService(branch).import_bundle(result.path)
    return BranchService(branch).receipt("RLW-001", tmp_path)


def test_receipt_carries_newer_rates_and_occupations_to_the_field(
        branch, make_volunteer, valid_registration, tmp_path):
    rina = make_volunteer("RLW-001")
    before = reference.contribution_for(OJEK, "2027-06")
    assert before.discount is None  # the shipped transport discount ends in March 2027

    installed = reference_data.install_files(
        branch, [newer_rates(tmp_path / "upd"), occupations_file(tmp_path / "upd", add=GUIDE)])
    assert {i["name"] for i in installed} == {"rates", "occupations"}
    assert reference_data.versions(branch)["rates"] == "2027.1"

    path = _first_receipt(branch, rina, valid_registration, tmp_path)
    reference.activate(None)  # the volunteer's laptop runs its own process
    report = FieldSync(rina).import_receipt(path)
    assert sorted(r.split()[0] for r in report.reference) == ["occupations", "rates"]
    assert "rates 2027.1" in report.reference

    assert reference.rate_table().version == "2027.1"
    after = reference.contribution_for(OJEK, "2027-06")
    assert after.discount == "PP 50/2025" and after.total < before.total
    # the new occupation is accepted by the form's validation on the laptop
    saved = rina.registrations.save(person(valid_registration, 2, occupation="pemandu_wisata"))
    assert saved.status == "ready", saved.problems
    assert rina.registrations.get(saved.id)["occupation"] == "pemandu_wisata"

    # stored in the workspace: reopening it (a new process) uses the update again
    dst, key = rina.workspace.path, rina.workspace.key
    rina.close()
    reference.activate(None)
    with Session(Workspace.open_with_key(dst, key)):
        assert reference.rate_table().version == "2027.1"
        assert "pemandu_wisata" in {o.code for o in reference.occupations()}


def test_an_update_is_applied_once_and_an_older_one_never(branch, make_volunteer,
                                                          valid_registration, tmp_path):
    rina = make_volunteer("RLW-001")
    reference_data.install_files(branch, [newer_rates(tmp_path / "a", "2027.1")])
    first = _first_receipt(branch, rina, valid_registration, tmp_path)
    assert FieldSync(rina).import_receipt(first).reference == ["rates 2027.1"]
    second = BranchService(branch).receipt("RLW-001", tmp_path)
    assert FieldSync(rina).import_receipt(second).reference == []  # nothing newer
    assert reference.rate_table().version == "2027.1"


def test_branch_refuses_an_update_that_is_not_newer_or_not_valid(branch, tmp_path):
    before = digest(branch.db)
    with pytest.raises(InputRejected, match="tidak lebih baru"):
        reference_data.install_files(branch, [newer_rates(tmp_path / "same", "2026.1")])
    with pytest.raises(InputRejected, match="ojek_daring"):
        reference_data.install_files(branch, [occupations_file(tmp_path / "o",
                                                               drop="ojek_daring")])
    with pytest.raises(InputRejected, match="sama dengan"):
        reference_data.install_files(branch, [occupations_file(tmp_path / "s")])
    broken = newer_rates(tmp_path / "broken")
    rules = json.loads(broken.read_text())
    rules["jkm_flat"] = 9999  # disagrees with the band file's precomputed column
    broken.write_text(json.dumps(rules))
    with pytest.raises(InputRejected, match="tidak sah"):
        reference_data.install_files(branch, [broken])
    # all or none: a good rate table beside a bad occupation list installs nothing
    with pytest.raises(InputRejected):
        reference_data.install_files(branch, [newer_rates(tmp_path / "ok"),
                                              occupations_file(tmp_path / "bad",
                                                               drop="petani")])
    assert digest(branch.db) == before
    assert reference.rate_table().version == "2026.1"


def test_a_receipt_with_a_bad_update_changes_nothing(branch, make_volunteer,
                                                     valid_registration, tmp_path):
    rina = make_volunteer("RLW-001")
    rina.registrations.save(person(valid_registration, 1))
    BranchService(branch).import_bundle(FieldSync(rina).export(tmp_path).path)
    service = BranchService(branch)
    bad = {"name": "rates", "version": "2099.1", "issued_at": "2026-11-30T10:00:00+07:00",
           "content": {"rules": {"version": "2099.1"}, "bands": [{"row": "1"}]}}
    signing, _identity = service.keys()
    with branch.db.atomic():
        path, _ = receipts.write_receipt(
            branch.db, tmp_path, volunteer=service.volunteer("RLW-001"), branch_key=signing,
            branch_name=service.name, reference=[bad])
    reference.activate(None)
    before = digest(rina.db)
    with pytest.raises(BundleRejected) as refused:
        FieldSync(rina).import_receipt(path)
    assert refused.value.reason == "payload"
    assert digest(rina.db) == before
    assert reference.rate_table().version == "2026.1"


def test_cli_reference_install_and_show(branch_template, tmp_path, monkeypatch, capsys):
    from tests.conftest import PASSPHRASE

    ws = tmp_path / "branch"
    shutil.copytree(branch_template[0], ws)
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASSPHRASE)
    rules = newer_rates(tmp_path / "upd", "2027.2")
    assert main(["--data-dir", str(ws), "reference", "install", str(rules)]) == 0
    assert "tabel iuran versi 2027.2" in capsys.readouterr().out
    assert main(["--data-dir", str(ws), "reference", "show", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"rates": "2027.2", "occupations": "shipped",
                                                  "funders": "shipped"}
    # again: not newer, exit 1, a message
    assert main(["--data-dir", str(ws), "reference", "install", str(rules)]) == 1
    assert "tidak lebih baru" in capsys.readouterr().err
    assert main(["--data-dir", str(ws), "reference", "install",
                 str(tmp_path / "nothing.txt")]) == 1


def funders_file(folder: Path, **dumisake_changes) -> Path:
    """The shipped funder list with DUMISAKE's row changed."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [f.to_row() for f in reference.shipped().funders]
    rows = [{**r, **dumisake_changes} if r["code"] == "dumisake" else r for r in rows]
    path = folder / "funders.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_receipt_carries_a_newer_funder_list_to_the_field(branch, make_volunteer,
                                                          valid_registration, tmp_path):
    """The branch installs a funder list giving DUMISAKE an 18–65 window; the next receipt
    brings it to Rina's laptop; the same list again is refused, and so is one dropping a
    code in use."""
    rina = make_volunteer("RLW-001")
    installed = reference_data.install_files(
        branch, [funders_file(tmp_path / "f", min_age="18", max_age="65")])
    assert [i["name"] for i in installed] == ["funders"]
    assert reference_data.versions(branch)["funders"] == installed[0]["version"]
    with pytest.raises(InputRejected, match="sama dengan"):
        reference_data.install_files(branch, [funders_file(tmp_path / "g", min_age="18",
                                                           max_age="65")])
    path = _first_receipt(branch, rina, valid_registration, tmp_path)
    reference.activate(None)  # the volunteer's laptop runs its own process
    report = FieldSync(rina).import_receipt(path)
    assert [r.split()[0] for r in report.reference] == ["funders"]
    assert (reference.funders()["dumisake"].min_age, reference.funders()["dumisake"].max_age) \
        == (18, 65)
