"""Child process: add a JSON Lines file to a workspace opened with its raw key.

    python _child_add.py WORKSPACE FILE.jsonl   (the key, hex, on standard input)

No passphrase unwrap (scrypt) happens here, so the parent's wait4 peak RSS is the add
path's own. Prints one JSON line: rows, added, seconds spent in add_file.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main() -> int:
    workspace, source = Path(sys.argv[1]), Path(sys.argv[2])
    key = bytes.fromhex(sys.stdin.read().strip())
    from desa_peduli.services.adding import add_file
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    session = Session(Workspace.open_with_key(workspace, key))
    try:
        start = time.perf_counter()
        report = add_file(session, source)
        elapsed = time.perf_counter() - start
    finally:
        session.close()
    print(json.dumps({"rows": report.rows, "added": report.added,
                      "rejected": report.rejected_rows, "stored": report.stored,
                      "add_file_s": elapsed}))
    return 0 if report.stored else 1


if __name__ == "__main__":
    sys.exit(main())
