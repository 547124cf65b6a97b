"""Child process: make enrolled volunteer workspaces and export their bundles.

    python _child_build_bundles.py BUILD_DIR VOLUNTEER_ID...   (template key, hex, on stdin)

For each volunteer: copy ``BUILD_DIR/volunteer-template`` (opened with its raw key, no
scrypt), enrol it with ``BUILD_DIR/enrolments/enrolment_ID.dpenrol`` (FieldSync.enrol),
add ``BUILD_DIR/parts/ID.jsonl`` through ``add_file`` (the people with a KTP photo in
``parts/ID.photos.jsonl`` are saved one by one through the service with their photo, as
the form does: the CLI has no photo column) and export everything (FieldSync.export,
everything=True) into ``BUILD_DIR/bundles``. When ``parts/ID.edits.jsonl`` exists, a
receipt is simulated (``acked_seq`` set to the export's end, as applying the branch's
receipt would), the edits are added (same NIK = update) and a later bundle exported.
The workspace is deleted afterwards unless its id is listed in ``BUILD_DIR/keep.txt``.
One JSON line per volunteer.
"""

from __future__ import annotations

import base64
import json
import shutil
import sys
import time
from pathlib import Path


def _photos(path: Path) -> dict[str, tuple[str, bytes]]:
    if not path.exists():
        return {}
    photos = {}
    with open(path, encoding="ascii") as handle:
        for line in handle:
            item = json.loads(line)
            photos[item["nik"]] = (item["mime"], base64.b64decode(item["data"]))
    return photos


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
        parts = build / "parts"
        photos = _photos(parts / f"{volunteer_id}.photos.jsonl")
        source = parts / f"{volunteer_id}.jsonl"
        with_photo = []
        if photos:  # add_file takes the others; the photo people go through save()
            plain = parts / f"{volunteer_id}.nophoto.jsonl"
            with open(source, encoding="utf-8") as lines, \
                    open(plain, "w", encoding="utf-8", newline="\n") as out:
                for line in lines:
                    record = json.loads(line)
                    if record["nik"] in photos:
                        with_photo.append(record)
                    else:
                        out.write(line)
            source = plain
        session = Session(Workspace.open_with_key(ws_path, key))
        edit_bundle = None
        updated = 0
        try:
            sync = FieldSync(session)
            sync.enrol(build / "enrolments" / f"enrolment_{volunteer_id}.dpenrol")
            start = time.perf_counter()
            report = add_file(session, source)
            if not report.stored or report.rejected_rows:
                raise SystemExit(f"{volunteer_id}: add_file failed: {report.to_dict()}"[:3000])
            added = report.added
            for record in with_photo:
                saved = session.registrations.save(record, ktp_photo=photos[record["nik"]],
                                                   require_signature_image=False)
                if not saved.outcome.created or saved.problems and any(
                        p.severity == "error" for p in saved.problems):
                    raise SystemExit(f"{volunteer_id}: save with photo failed: {record['nik']}")
                added += 1
            add_s = time.perf_counter() - start
            start = time.perf_counter()
            result = sync.export(build / "bundles", everything=True)
            export_s = time.perf_counter() - start
            edits = parts / f"{volunteer_id}.edits.jsonl"
            if edits.exists():
                seq_to = session.db.execute("SELECT max(seq) FROM change_log").fetchone()[0]
                with session.db.atomic():  # what applying the branch's receipt records
                    sync.settings.update({"acked_seq": seq_to})
                edit_report = add_file(session, edits)
                if not edit_report.stored or edit_report.rejected_rows or edit_report.added:
                    raise SystemExit(f"{volunteer_id}: edits failed: {edit_report.to_dict()}"[:3000])
                updated = edit_report.updated
                edit_bundle = sync.export(build / "bundles").path.name
        finally:
            session.close()
        if volunteer_id not in keep:
            shutil.rmtree(ws_path)
        print(json.dumps({"volunteer_id": volunteer_id, "added": added,
                          "bundle": result.path.name, "counts": result.counts,
                          "edit_bundle": edit_bundle, "updated": updated,
                          "photos": len(with_photo),
                          "add_s": round(add_s, 3), "export_s": round(export_s, 3)}),
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
