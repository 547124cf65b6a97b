"""Child process: FieldSync.export(everything=True) of a workspace opened with its raw key.

    python _child_export.py WORKSPACE TARGET_DIR   (the key, hex, on standard input)

No scrypt here, so the parent's wait4 peak RSS is the export path's own. Prints one
JSON line: seconds in FieldSync.export, the bundle's path, size and counts.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main() -> int:
    workspace, target = Path(sys.argv[1]), Path(sys.argv[2])
    key = bytes.fromhex(sys.stdin.read().strip())
    from desa_peduli.services.field import FieldSync
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    session = Session(Workspace.open_with_key(workspace, key))
    try:
        start = time.perf_counter()
        result = FieldSync(session).export(target, everything=True)
        elapsed = time.perf_counter() - start
    finally:
        session.close()
    print(json.dumps({"export_s": elapsed, "path": str(result.path),
                      "bytes": result.path.stat().st_size, "counts": result.counts}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
