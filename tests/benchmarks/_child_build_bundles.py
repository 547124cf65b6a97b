"""Child process: make enrolled volunteer workspaces and export one bundle from each.

    python _child_build_bundles.py BUILD_DIR VOLUNTEER_ID...   (template key, hex, on stdin)

For each volunteer: copy ``BUILD_DIR/volunteer-template`` (opened with its raw key, no
scrypt), enrol it with ``BUILD_DIR/enrolments/enrolment_ID.dpenrol`` (FieldSync.enrol),
add ``BUILD_DIR/parts/ID.jsonl`` through ``add_file`` and export everything
(FieldSync.export, everything=True) into ``BUILD_DIR/bundles``. The workspace is deleted
afterwards unless its id is listed in ``BUILD_DIR/keep.txt``. One JSON line per volunteer.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path


def main() -> int:
    build = Path(sys.argv[1])
    volunteer_ids = sys.argv[2:]
    key = bytes.fromhex(sys.stdin.read().strip())
    from desa_peduli.services.adding import add_file
    from desa_peduli.services.field import FieldSync
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    keep_file = build / "keep.txt"
    keep = set(keep_file.read_text("utf-8").split()) if keep_file.exists() else set()
    for volunteer_id in volunteer_ids:
        ws_path = build / "volunteers" / volunteer_id
        shutil.rmtree(ws_path, ignore_errors=True)
        shutil.copytree(build / "volunteer-template", ws_path,
                        ignore=shutil.ignore_patterns(".lock"))
        session = Session(Workspace.open_with_key(ws_path, key))
        try:
            sync = FieldSync(session)
            sync.enrol(build / "enrolments" / f"enrolment_{volunteer_id}.dpenrol")
            start = time.perf_counter()
            report = add_file(session, build / "parts" / f"{volunteer_id}.jsonl")
            add_s = time.perf_counter() - start
            if not report.stored or report.rejected_rows:
                raise SystemExit(f"{volunteer_id}: add_file failed: {report.to_dict()}"[:3000])
            start = time.perf_counter()
            result = sync.export(build / "bundles", everything=True)
            export_s = time.perf_counter() - start
        finally:
            session.close()
        if volunteer_id not in keep:
            shutil.rmtree(ws_path)
        print(json.dumps({"volunteer_id": volunteer_id, "added": report.added,
                          "bundle": result.path.name, "counts": result.counts,
                          "add_s": round(add_s, 3), "export_s": round(export_s, 3)}),
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
