"""An export killed part-way (SIGKILL, a pulled plug) leaves only ciphertext on the stick,
and the next export clears what it left."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from desa_peduli.services.adding import add_file
from desa_peduli.services.field import FieldSync
from desa_peduli.services.session import Session
from desa_peduli.storage.workspace import Workspace
from tests.sync.conftest import person

ROWS = 1000
STOP_AFTER = 1500  # records streamed (1,000 people, then changes) before the child waits
GENERATOR = Path(__file__).resolve().parents[2] / "tools" / "generate_registrations.py"

CHILD = textwrap.dedent("""
    import sys
    from desa_peduli.services.field import FieldSync
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace
    from desa_peduli.sync import bundle

    streamed = bundle.export_records

    def slow(*args, **kwargs):
        for number, record in enumerate(streamed(*args, **kwargs)):
            if number == int(sys.argv[4]):
                print("half", flush=True)
                sys.stdin.readline()  # killed here
            yield record

    bundle.export_records = slow
    session = Session(Workspace.open_with_key(sys.argv[1], bytes.fromhex(sys.argv[2])))
    FieldSync(session).export(sys.argv[3])
""")


def test_sigkilled_export_leaves_only_ciphertext_and_the_next_export_removes_it(
        make_volunteer, workspace_template, tmp_path, valid_registration):
    _src, key = workspace_template
    rina = make_volunteer("RLW-001")
    rows = tmp_path / "rows.jsonl"
    subprocess.run([sys.executable, str(GENERATOR), "-n", str(ROWS), "--seed", "11", "-o",
                    str(rows)], check=True, timeout=120)
    assert add_file(rina, rows).added == ROWS
    people = [json.loads(line) for line in rows.read_text(encoding="utf-8").splitlines()]
    workspace = rina.workspace.path
    rina.close()
    stick = tmp_path / "stick"
    stick.mkdir()

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(workspace), key.hex(), str(stick), str(STOP_AFTER)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "half"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        child.stdin.close()
        child.stdout.close()

    [left] = list(stick.iterdir())
    assert left.name.startswith(".") and left.name.endswith(".tmp")
    data = left.read_bytes()
    assert len(data) > 64 * 1024  # ciphertext of hundreds of people reached the stick
    assert data.startswith(b"desa-peduli-bundle/1\n" b"age-encryption.org/v1\n")
    # (a text of 8 bytes or more: a 3-letter name such as "Eko" turns up in 100 KiB of
    # random ciphertext by chance about once in 150 runs; 8 bytes, never)
    for someone in people:
        for text in (someone["nik"], someone["full_name"], someone.get("phone")):
            if text and len(text.encode("utf-8")) >= 8:
                assert text.encode("utf-8") not in data
    assert any(len(p["full_name"].encode("utf-8")) >= 8 for p in people)

    # the next export, after the volunteer has gone home and come back, clears it
    os.utime(left, (1_000_000_000, 1_000_000_000))
    with Session(Workspace.open_with_key(workspace, key)) as again:
        again.registrations.save(person(valid_registration, 9999))
        result = FieldSync(again).export(stick)
    assert [p.name for p in stick.iterdir()] == [result.path.name]
