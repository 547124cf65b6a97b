"""Commands on registrations: ``add`` (from .jsonl, .csv or .xlsx), ``list``, ``status``
(the branch's processing state) and ``purge`` (the volunteer's registered personal data)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desa_peduli.cli.common import language, open_session, require_role, say
from desa_peduli.cli.server import add_clerk_option, in_server_folder, open_server_session
from desa_peduli.errors import EXIT_INPUT, EXIT_OK


def register(sub) -> None:
    status = sub.add_parser("status", help="(cabang) atur status pendaftaran")
    status.add_argument("id")
    status.add_argument("state", choices=("accepted", "correction", "registered", "duplicate"))
    status.add_argument("--reason")
    status.add_argument("--kpj")
    status.add_argument("--of", dest="duplicate_of")
    add_clerk_option(status)

    purge = sub.add_parser("purge", help="(relawan) hapus data pribadi yang sudah Terdaftar "
                           "di BPJS")
    purge.add_argument("--days", type=int, default=None, help="umur minimal (hari), default 30")
    purge.add_argument("--json", action="store_true")

    add = sub.add_parser("add", help="tambah/ubah pendaftaran dari .jsonl, .csv atau .xlsx")
    add.add_argument("file")
    add.add_argument("--skip-invalid", action="store_true",
                     help="simpan baris yang benar, laporkan yang salah")
    add.add_argument("--json", action="store_true")

    lst = sub.add_parser("list", help="daftar pendaftaran")
    lst.add_argument("--status", help="draft, ready, accepted, correction, registered, duplicate")
    lst.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    lst.add_argument("--include-deleted", action="store_true")
    add_clerk_option(lst)


def cmd_add(args) -> int:
    from desa_peduli.services.adding import add_file

    with open_session(args) as session:
        require_role(session, "volunteer")
        report = add_file(session, Path(args.file), skip_invalid=args.skip_invalid)
    lang = language(args)
    for problem in report.problems:
        print(problem.text(report.file, lang), file=sys.stderr)
    label = "warning" if lang == "en" else "peringatan"
    for problem in report.warnings:  # stored all the same: for the volunteer to check
        print(f"{label}: {problem.text(report.file, lang)}", file=sys.stderr)
    if report.warning_count > len(report.warnings):
        more = report.warning_count - len(report.warnings)
        say(args, f"{report.file}: {more} peringatan lagi tidak ditampilkan.",
            f"{report.file}: {more} more warnings not shown.")
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    if report.rejected_rows and not args.skip_invalid:
        say(args,
            f"{report.file}: {report.rejected_rows} baris salah; tidak ada yang disimpan. "
            "Perbaiki baris di atas lalu jalankan lagi (atau pakai --skip-invalid).",
            f"{report.file}: {report.rejected_rows} bad rows; nothing was stored. Fix the rows "
            "above and run again (or use --skip-invalid).")
        return EXIT_INPUT
    if not args.json:
        say(args,
            f"{report.file}: {report.added} baru, {report.updated} diubah, "
            f"{report.unchanged} tidak berubah, {report.rejected_rows} dilewati.",
            f"{report.file}: {report.added} added, {report.updated} updated, "
            f"{report.unchanged} unchanged, {report.rejected_rows} skipped.", err=False)
    return EXIT_OK


def cmd_list(args) -> int:
    from desa_peduli.services.listing import export_records
    from desa_peduli.services.spreadsheet import CsvWriter

    if in_server_folder(args):
        session = open_server_session(args)
        records = session.export_records(status=args.status,
                                         include_deleted=args.include_deleted)
    else:
        session = open_session(args)
        records = export_records(session, status=args.status,
                                 include_deleted=args.include_deleted)
    with session:
        if args.format == "jsonl":
            for record in records:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            writer = None
            for record in records:
                flat = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v)
                        for k, v in record.items()}
                if writer is None:
                    writer = CsvWriter(sys.stdout, fieldnames=list(flat))
                    writer.writeheader()
                writer.writerow(flat)
    return EXIT_OK


def cmd_status(args) -> int:
    from desa_peduli.services.branch import BranchService

    if in_server_folder(args):  # the server checks the clerk's kabupaten and records them
        with open_server_session(args) as server:
            server.set_state(args.id, args.state, reason=args.reason, kpj=args.kpj,
                             duplicate_of=args.duplicate_of)
        return EXIT_OK
    with open_session(args) as session:
        BranchService(session).set_state(args.id, args.state, reason=args.reason, kpj=args.kpj,
                                         duplicate_of=args.duplicate_of)
    return EXIT_OK


def cmd_purge(args) -> int:
    from desa_peduli.services.field import FieldSync

    with open_session(args) as session:
        count = FieldSync(session).purge(args.days)
    if args.json:
        print(json.dumps({"purged": count}))
    else:
        say(args, f"Data pribadi {count} pendaftaran yang sudah Terdaftar di BPJS dihapus dari laptop.",
            f"Personal data of {count} registered registrations removed from this laptop.",
            err=False)
    return EXIT_OK


COMMANDS = {
    "status": cmd_status,
    "purge": cmd_purge,
    "add": cmd_add,
    "list": cmd_list,
}
