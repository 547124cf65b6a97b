"""Pulling the plug: a child process killed with SIGKILL at random moments while saving.

After every kill the database passes ``integrity_check`` and every save that returned
(the child printed its id after ``save`` came back) is present with its content.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import textwrap
import time

from desa_peduli.storage.database import integrity_check
from desa_peduli.storage.workspace import Workspace

KILLS = 30

CHILD = textwrap.dedent("""
    import json, sys
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace
    ws = Workspace.open_with_key(sys.argv[1], bytes.fromhex(sys.argv[2]))
    session = Session(ws)
    base = json.loads(sys.argv[3])
    start = int(sys.argv[4])
    for i in range(start, start + 100000):
        data = dict(base, nik="1504054203" + "88" + f"{i % 9999 + 1:04d}",
                    full_name=f"Pekerja Uji {i}")
        saved = session.registrations.save(data)
        # edit it once too, so updates are killed mid-way as well
        session.registrations.save(dict(data, street=f"Jalan {i}"), reg_id=saved.id)
        print(saved.id, i, flush=True)
""")


def test_sigkill_while_saving_loses_nothing_that_returned(workspace_template, workspace_dir,
                                                         valid_registration):
    _src, key = workspace_template
    rng = random.Random(20261124)
    confirmed: dict[str, int] = {}
    start = 0
    for _kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(workspace_dir), key.hex(),
             json.dumps(valid_registration), str(start)],
            stdout=subprocess.PIPE, text=True,
        )
        # let it start (imports, open) and save for a random while, then pull the plug
        time.sleep(rng.uniform(0.4, 1.2))
        child.send_signal(signal.SIGKILL)
        child.wait()
        output = child.stdout.read()  # whatever the child wrote before it died
        child.stdout.close()
        for line in output.split("\n")[:-1]:  # the last piece may be a cut-off line
            if line:
                reg_id, number = line.split()
                confirmed[reg_id] = int(number)
                start = max(start, int(number) + 1)

        ws = Workspace.open_with_key(workspace_dir, key)
        try:
            assert integrity_check(ws.db) == ["ok"]
            rows = dict(ws.db.execute("SELECT id, street FROM registrations").fetchall())
            for reg_id, number in confirmed.items():
                assert rows.get(reg_id) == f"Jalan {number}", reg_id
            fts = ws.db.execute("SELECT count(*) FROM registrations_fts").fetchone()[0]
            assert fts == len(rows)
        finally:
            ws.close()
    assert len(confirmed) > KILLS  # the children really saved between the kills
