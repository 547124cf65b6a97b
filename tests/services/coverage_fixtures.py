"""A small branch office with hand-counted coverage, from real bundles (service, CLI and GUI
tests of the coverage dashboard and report). Imported where used:
``from tests.services.coverage_fixtures import *``.

Rina (RLW-001) and Budi (RLW-002) register, export, and the branch imports and sets states:

    region                               Rina              Budi             counted
    Serasah 15.04.05.2003 (Batanghari)   2: registered×2   1: correction    3
    Awin    15.04.05.2016 (Batanghari)   1: accepted                        1
    Simpang IV Sipin 15.71.01.1001 (Kota Jambi)                1: received  1
    Selam Paung 15.01.01.2001 (Kerinci)  1: deleted on the laptop before sending: not counted

So: province 5 (registered 2, accepted 1, correction 1, received 1); Batanghari 4; Kota
Jambi 1; Kerinci 0. Occupations: petani 2, nelayan 2, pedagang_pasar 1; funding: mandiri 4,
dumisake 1. All made this week.
"""

from __future__ import annotations

import pytest

from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from tests.sync.conftest import person

SERASAH, AWIN, SIPIN, SELAM_PAUNG = ("15.04.05.2003", "15.04.05.2016", "15.71.01.1001",
                                     "15.01.01.2001")
BATANGHARI, PEMAYUNG, KOTA_JAMBI, KERINCI = "15.04", "15.04.05", "15.71", "15.01"


def send(volunteer, branch, folder):
    folder.mkdir(parents=True, exist_ok=True)
    result = FieldSync(volunteer).export(folder)
    assert result.path is not None
    return BranchService(branch).import_bundle(result.path)


@pytest.fixture
def desk(branch, make_volunteer, tmp_path, valid_registration):
    """The branch above; returns the registration ids by name."""
    rina, budi = make_volunteer("RLW-001"), make_volunteer("RLW-002", "Budi Santoso")
    ids = {}

    def add(volunteer, key, serial, **changes):
        result = volunteer.registrations.save(person(valid_registration, serial, **changes))
        assert result.outcome.status == "ready", result.problems
        ids[key] = result.outcome.id

    add(rina, "rina1", 1, village_code=SERASAH, occupation="petani")
    add(rina, "rina2", 2, village_code=SERASAH, occupation="nelayan", funding_source="dumisake")
    add(rina, "rina3", 3, village_code=AWIN, occupation="petani")
    add(rina, "rina_gone", 4, village_code=SELAM_PAUNG, occupation="petani")
    rina.registrations.delete(ids["rina_gone"], "salah orang")
    add(budi, "budi1", 5, village_code=SERASAH, occupation="nelayan")
    add(budi, "budi2", 6, village_code=SIPIN, occupation="pedagang_pasar")
    assert send(rina, branch, tmp_path / "stick" / "rina").new == 4
    assert send(budi, branch, tmp_path / "stick" / "budi").new == 2
    service = BranchService(branch)
    service.set_state(ids["rina1"], "registered", kpj="12345678901")
    service.set_state(ids["rina2"], "registered", kpj="12345678902")
    service.set_state(ids["rina3"], "accepted")
    service.set_state(ids["budi1"], "correction", reason="Foto KTP buram")
    return ids


__all__ = ["AWIN", "BATANGHARI", "KERINCI", "KOTA_JAMBI", "PEMAYUNG", "SELAM_PAUNG", "SERASAH",
           "SIPIN", "desk", "send"]
