"""Child process: a hand-over export or a KPJ import on a branch workspace (raw key).

    python _child_handover.py export WORKSPACE TARGET ROWS FORMAT   (the key, hex, on stdin)
    python _child_handover.py kpj WORKSPACE FILE

No scrypt here, so the parent's wait4 peak RSS is the work's own. Prints one JSON line:
the seconds in the service call and what it reported.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main() -> int:
    action, workspace = sys.argv[1], Path(sys.argv[2])
    key = bytes.fromhex(sys.stdin.read().strip())
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    session = Session(Workspace.open_with_key(workspace, key))
    try:
        if action == "export":
            from desa_peduli.services import handover

            target, rows, fmt = Path(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
            start = time.perf_counter()
            result = handover.export(session, target, fmt=fmt,
                                     filters=handover.HandoverFilter(branch_state=None),
                                     limit=rows)
            elapsed = time.perf_counter() - start
            report = {"export_s": elapsed, "rows": result.rows, "columns": len(result.headers),
                      "bytes": result.path.stat().st_size}
        else:
            from desa_peduli.services import kpj_import

            start = time.perf_counter()
            result = kpj_import.import_kpj(session, Path(sys.argv[3]))
            elapsed = time.perf_counter() - start
            report = {"import_s": elapsed, "rows": result.rows, "registered": result.registered,
                      "unchanged": result.unchanged, "unmatched": len(result.unmatched)}
    finally:
        session.close()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
