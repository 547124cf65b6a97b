"""Hostile files at the command line: deeply nested JSON is refused before anything else,
each file of a batch `import` gets its own verdict, and records stored before bundles
were checked for shape do not stop the hand-over."""

from __future__ import annotations

import json

import pytest

from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.sync import bundle as bundles
from desa_peduli.sync import container
from desa_peduli.sync import receipt as receipts
from tests.conftest import PASSPHRASE
from tests.sync.conftest import person

DEEP = b"[" * 100_000 + b"]" * 100_000


def _deep_container(path, header: bytes):
    """A container whose manifest is JSON nested 100,000 deep (unsigned: it never gets
    that far)."""
    path.write_bytes(header + DEEP + bytes(container.SIGNATURE_SIZE)
                     + container.FOOTER.pack(0, len(DEEP), container.FOOTER_MAGIC))
    return path


@pytest.fixture
def cli(run_cli):
    return run_cli


@pytest.fixture
def stick(branch, make_volunteer, valid_registration, tmp_path):
    """Two good bundles of Rina's and a good receipt for her, the branch closed."""
    rina = make_volunteer("RLW-001")
    folder = tmp_path / "stick"
    folder.mkdir()
    rina.registrations.save(person(valid_registration, 1))
    first = FieldSync(rina).export(folder).path
    service = BranchService(branch)
    service.import_bundle(first)
    receipt = service.receipt("RLW-001", folder)
    rina.registrations.save(person(valid_registration, 2))
    rina.settings.update({"acked_seq": 1})
    second = FieldSync(rina).export(folder).path
    rina.registrations.save(person(valid_registration, 3))
    third = FieldSync(rina).export(folder, everything=True).path
    workspace = branch.workspace.path
    branch.close()
    return {"folder": folder, "branch": workspace, "rina": rina, "second": second,
            "third": third, "receipt": receipt}


def test_a_batch_import_gives_every_file_its_own_verdict(stick, cli, monkeypatch):
    folder = stick["folder"]
    deep = _deep_container(folder / "deep.dpbundle", bundles.HEADER)
    cut = folder / "cut.dpbundle"
    cut.write_bytes(stick["third"].read_bytes()[:-10])
    buggy = folder / "buggy.dpbundle"
    buggy.write_bytes(stick["third"].read_bytes())
    real = BranchService.import_bundle

    def import_bundle(self, path, **kwargs):
        if path.name == "buggy.dpbundle":
            raise RuntimeError("a bug in one file")
        return real(self, path, **kwargs)

    monkeypatch.setattr(BranchService, "import_bundle", import_bundle)
    code, out, err = cli(stick["branch"], "import", "--json", str(deep), str(buggy),
                         str(stick["second"]), str(cut))
    assert code == 1
    verdicts = json.loads(out)
    assert [v["status"] for v in verdicts] == ["rejected", "rejected", "applied", "rejected"]
    assert verdicts[0]["reason"] == "manifest" and "manifes" in verdicts[0]["message"]
    assert verdicts[1]["reason"] == "error" and "RuntimeError" in verdicts[1]["message"]
    assert verdicts[2]["new"] == 1
    assert verdicts[3]["reason"] == "truncated"
    assert "Traceback" not in err and "deep.dpbundle: manifes bundel rusak" in err

    code, out, err = cli(stick["branch"], "--lang", "en", "import", str(deep), str(stick["third"]))
    assert code == 1
    assert "deep.dpbundle: the bundle manifest is damaged" in err
    assert "1 new" in out  # the good one after the bad one still landed


def test_a_deep_receipt_does_not_stop_the_next(stick, cli):
    deep = _deep_container(stick["folder"] / "deep.dpreceipt", receipts.HEADER)
    volunteer = stick["rina"].workspace.path
    stick["rina"].close()
    code, out, err = cli(volunteer, "import", "--json", str(deep), str(stick["receipt"]))
    assert code == 1
    verdicts = json.loads(out)
    assert [v["status"] for v in verdicts] == ["rejected", "applied"]
    assert verdicts[0]["reason"] == "structure"
    assert "Traceback" not in err


def test_a_deep_enrolment_file_is_refused_cleanly(stick, cli, tmp_path):
    deep = tmp_path / "deep.dpenrol"
    deep.write_bytes(b'{"format": "desa-peduli-enrolment/1", "enrolment": '
                     + b"[" * 30_000 + b"]" * 30_000 + b"}")
    code, _out, err = cli(tmp_path / "new-laptop", "init", "volunteer", "--enrolment",
                          str(deep))
    assert code == 1
    assert "bukan berkas penghubung" in err
    assert not (tmp_path / "new-laptop").exists()
    volunteer = stick["rina"].workspace.path
    stick["rina"].close()
    code, _out, err = cli(volunteer, "init", "volunteer", "--enrolment", str(deep))
    assert code == 1 and "bukan berkas penghubung" in err


def test_records_stored_before_shape_checks_do_not_stop_the_hand_over(stick, cli, tmp_path):
    """A database filled by an earlier version may hold any shape in the JSON columns."""
    code, _out, _err = cli(stick["branch"], "import", str(stick["second"]))
    assert code == 0
    from desa_peduli.services.session import Session

    with Session.open(stick["branch"], PASSPHRASE) as session:
        with session.db.atomic():
            session.db.execute(
                "UPDATE registrations SET heirs = ?, consent = ?, programs = ?, "
                "branch_state = 'invalid'",
                ['{"name": "x"}', '{"method": ["a"], "at": {"x": 1}}', '"JKK"'])
    for fmt in ("csv", "xlsx"):
        code, _out, err = cli(stick["branch"], "handover", "--state", "all", "--format", fmt,
                              "-o", str(tmp_path / f"all.{fmt}"))
        assert code == 0, err
    for argv in (["list"], ["list", "--format", "csv"], ["review"], ["review", "--json"]):
        code, _out, err = cli(stick["branch"], *argv)
        assert code == 0, (argv, err)


def test_a_drive_pulled_out_while_exporting_says_so(make_volunteer, valid_registration, cli,
                                                    tmp_path, monkeypatch):
    import contextlib

    from tests.sync.test_container_integrity import _DyingStick

    rina = make_volunteer("RLW-001")
    rina.registrations.save(person(valid_registration, 1))
    workspace = rina.workspace.path
    rina.close()
    original = container.atomic_writer

    @contextlib.contextmanager
    def dying(path):
        with original(path) as handle:
            yield _DyingStick(handle, 100)

    monkeypatch.setattr(container, "atomic_writer", dying)
    stick = tmp_path / "stick"
    stick.mkdir()
    code, _out, err = cli(workspace, "export", "-o", str(stick))
    assert code == 1
    assert "Flashdisk dicabut" in err and "Traceback" not in err
    assert list(stick.iterdir()) == []
    code, _out, err = cli(workspace, "--lang", "en", "export", "-o", str(stick))
    assert code == 1 and "The drive was removed" in err
