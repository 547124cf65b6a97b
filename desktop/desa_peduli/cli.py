"""Command-line front end over services/ (the contract is ../shared/design/CLI.md).

With no command it opens the GUI. Exit codes: 0 done, 1 input rejected (nothing
changed), 2 usage error, 3 workspace problem.
"""

from __future__ import annotations

import argparse
import csv
import getpass
import json
import os
import sys
from pathlib import Path

from desa_peduli import __version__
from desa_peduli.errors import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    EXIT_WORKSPACE,
    DesaPeduliError,
)
from desa_peduli.paths import resolve_workspace_dir

ENV_PASSPHRASE = "DESA_PEDULI_PASSPHRASE"
ENV_NEW_PASSPHRASE = "DESA_PEDULI_NEW_PASSPHRASE"


class UsageError(Exception):
    """Wrong use of the command line (exit code 2)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desa-peduli",
        description="Desa Peduli: pendaftaran BPU luring dan terenkripsi. "
        "Tanpa perintah: membuka aplikasi.",
    )
    parser.add_argument("--version", action="version", version=f"desa-peduli {__version__}")
    parser.add_argument("--data-dir", help="folder ruang kerja (default: $DESA_PEDULI_HOME)")
    parser.add_argument("--passphrase-file", help="berkas berisi kata sandi (baris pertama)")
    parser.add_argument("--lang", choices=("id", "en"), default=None,
                        help="bahasa pesan (default: id)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="buat ruang kerja baru")
    init_sub = init.add_subparsers(dest="role", metavar="ROLE", required=True)
    vol = init_sub.add_parser("volunteer", help="ruang kerja relawan")
    vol.add_argument("--name", help="nama relawan")
    vol.add_argument("--home-village", help="kode desa wilayah kerja, mis. 15.04.05.2003")
    vol.add_argument("--enrolment", help="berkas pendaftaran dari kantor cabang")
    vol.add_argument("--json", action="store_true")

    add = sub.add_parser("add", help="tambah/ubah pendaftaran dari .jsonl, .csv atau .xlsx")
    add.add_argument("file")
    add.add_argument("--skip-invalid", action="store_true",
                     help="simpan baris yang benar, laporkan yang salah")
    add.add_argument("--json", action="store_true")

    lst = sub.add_parser("list", help="daftar pendaftaran")
    lst.add_argument("--status", help="draft, ready, accepted, correction, registered, duplicate")
    lst.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    lst.add_argument("--include-deleted", action="store_true")

    check = sub.add_parser("check", help="periksa keutuhan ruang kerja")
    check.add_argument("--json", action="store_true")

    passwd = sub.add_parser("passphrase", help="ganti kata sandi (kunci dibungkus ulang)")
    passwd.add_argument("--new-passphrase-file", help="berkas berisi kata sandi baru")

    backup = sub.add_parser("backup", help="buat cadangan sekarang")
    backup.add_argument("--json", action="store_true")
    return parser


# -- helpers ----------------------------------------------------------------------------
def _lang(args) -> str:
    return args.lang or os.environ.get("DESA_PEDULI_LANG") or "id"


def _say(args, id_text: str, en_text: str, *, err: bool = True) -> None:
    print(en_text if _lang(args) == "en" else id_text, file=sys.stderr if err else sys.stdout)


def _read_passphrase(args, *, confirm: bool = False, file_arg: str | None = None) -> str:
    path = file_arg or args.passphrase_file
    if path:
        try:
            return Path(path).read_text("utf-8").splitlines()[0] if Path(path).stat().st_size else ""
        except OSError as exc:
            raise UsageError(f"berkas kata sandi tidak terbaca: {path}") from exc
    if file_arg is None and os.environ.get(ENV_PASSPHRASE):
        return os.environ[ENV_PASSPHRASE]
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(
            "kata sandi diperlukan: atur DESA_PEDULI_PASSPHRASE atau --passphrase-file"
        )
    first = getpass.getpass("Kata sandi: ")
    if confirm and getpass.getpass("Ulangi kata sandi: ") != first:
        raise UsageError("kedua kata sandi tidak sama")
    return first


def _open(args):
    from desa_peduli.services.session import Session

    return Session.open(resolve_workspace_dir(args.data_dir), _read_passphrase(args))


# -- commands ---------------------------------------------------------------------------
def cmd_init(args) -> int:
    from desa_peduli.services.session import Session

    if args.enrolment:
        _say(args, "Pendaftaran dari kantor cabang (--enrolment) belum tersedia di versi ini.",
             "Enrolment from the branch office (--enrolment) is not available in this version.")
        return EXIT_USAGE
    if not args.name:
        raise UsageError("--name wajib diisi")
    path = resolve_workspace_dir(args.data_dir)
    passphrase = _read_passphrase(args, confirm=True)
    with Session.create_volunteer(
        path, name=args.name, passphrase=passphrase, home_village=args.home_village,
        language=_lang(args),
    ) as session:
        info = {"workspace": str(path), "role": session.role,
                "workspace_id": session.workspace.meta["workspace_id"]}
    if args.json:
        print(json.dumps(info))
    else:
        _say(args, f"Ruang kerja relawan dibuat di {path}", f"Volunteer workspace created at {path}",
             err=False)
    return EXIT_OK


def cmd_add(args) -> int:
    from desa_peduli.services.adding import add_file

    with _open(args) as session:
        report = add_file(session, Path(args.file), skip_invalid=args.skip_invalid)
    lang = _lang(args)
    for problem in report.problems:
        print(problem.text(report.file, lang), file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    if report.rejected_rows and not args.skip_invalid:
        _say(args,
             f"{report.file}: {report.rejected_rows} baris salah; tidak ada yang disimpan. "
             "Perbaiki baris di atas lalu jalankan lagi (atau pakai --skip-invalid).",
             f"{report.file}: {report.rejected_rows} bad rows; nothing was stored. Fix the rows "
             "above and run again (or use --skip-invalid).")
        return EXIT_INPUT
    if not args.json:
        _say(args,
             f"{report.file}: {report.added} baru, {report.updated} diubah, "
             f"{report.unchanged} tidak berubah, {report.rejected_rows} dilewati.",
             f"{report.file}: {report.added} added, {report.updated} updated, "
             f"{report.unchanged} unchanged, {report.rejected_rows} skipped.", err=False)
    return EXIT_OK


def cmd_list(args) -> int:
    from desa_peduli.services.listing import export_records

    with _open(args) as session:
        records = export_records(session, status=args.status,
                                 include_deleted=args.include_deleted)
        if args.format == "jsonl":
            for record in records:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            writer = None
            for record in records:
                flat = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v)
                        for k, v in record.items()}
                if writer is None:
                    writer = csv.DictWriter(sys.stdout, fieldnames=list(flat))
                    writer.writeheader()
                writer.writerow(flat)
    return EXIT_OK


def cmd_check(args) -> int:
    from desa_peduli.services.maintenance import check_workspace

    with _open(args) as session:
        report = check_workspace(session)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    elif report["ok"]:
        _say(args, f"Ruang kerja sehat: {report['registrations']} pendaftaran, "
             f"{report['backups']} cadangan.",
             f"Workspace healthy: {report['registrations']} registrations, "
             f"{report['backups']} backups.", err=False)
    else:
        for problem in report["problems"]:
            print(problem, file=sys.stderr)
    return EXIT_OK if report["ok"] else EXIT_WORKSPACE


def cmd_passphrase(args) -> int:
    from desa_peduli.services.session import Session

    old = _read_passphrase(args)
    if args.new_passphrase_file:
        new = _read_passphrase(args, file_arg=args.new_passphrase_file)
    elif os.environ.get(ENV_NEW_PASSPHRASE):
        new = os.environ[ENV_NEW_PASSPHRASE]
    elif sys.stdin and sys.stdin.isatty():
        new = getpass.getpass("Kata sandi baru: ")
        if getpass.getpass("Ulangi kata sandi baru: ") != new:
            raise UsageError("kedua kata sandi tidak sama")
    else:
        raise UsageError("kata sandi baru: pakai --new-passphrase-file atau "
                         "DESA_PEDULI_NEW_PASSPHRASE")
    with Session.open(resolve_workspace_dir(args.data_dir), old) as session:
        session.workspace.change_passphrase(old, new)
    _say(args, "Kata sandi diganti.", "Passphrase changed.", err=False)
    return EXIT_OK


def cmd_backup(args) -> int:
    from desa_peduli.storage.backups import make_backup

    with _open(args) as session:
        info = make_backup(session.workspace, reason="manual")
    print(json.dumps({"backup": str(info.path)}) if args.json else str(info.path))
    return EXIT_OK


COMMANDS = {
    "init": cmd_init,
    "add": cmd_add,
    "list": cmd_list,
    "check": cmd_check,
    "passphrase": cmd_passphrase,
    "backup": cmd_backup,
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        from desa_peduli.app import run_gui

        return run_gui(data_dir=args.data_dir, lang=args.lang)
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"desa-peduli: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DesaPeduliError as exc:
        print(exc.message(_lang(args)), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
