"""Command-line front end over services/ (the contract is ../shared/design/CLI.md).

With no command it opens the GUI. Exit codes: 0 done, 1 input rejected (nothing
changed), 2 usage error, 3 workspace problem.
"""

from __future__ import annotations

import argparse
import codecs
import getpass
import importlib
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


# Modules adding more commands: each has ``add_commands(subparsers) -> {name: handler}``
# and imports its helpers (``_open``, ``_say`` …) from here.
COMMAND_MODULES: tuple[str, ...] = ("desa_peduli.cli_review", "desa_peduli.cli_report",
                                     "desa_peduli.cli_desk")


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
    branch = init_sub.add_parser("branch", help="ruang kerja kantor cabang")
    branch.add_argument("--name", required=True, help="nama kantor cabang")
    branch.add_argument("--province", required=True, help="kode provinsi, mis. 15")
    branch.add_argument("--json", action="store_true")

    enrol = sub.add_parser("enrol", help="(cabang) buat berkas pendaftaran relawan")
    enrol.add_argument("--volunteer-id", required=True)
    enrol.add_argument("--name", required=True)
    enrol.add_argument("--village", action="append", default=[], help="kode desa (boleh berulang)")
    enrol.add_argument("-o", dest="output", required=True, help="berkas atau folder tujuan")

    sub.add_parser("fingerprint", help="sidik jari kunci ruang kerja ini")

    export = sub.add_parser("export", help="(relawan) tulis bundel sinkronisasi")
    export.add_argument("-o", dest="output", required=True, help="berkas atau folder tujuan")
    export.add_argument("--all", action="store_true", help="kirim semuanya")
    export.add_argument("--json", action="store_true")

    imp = sub.add_parser("import", help="cabang: bundel; relawan: tanda terima")
    imp.add_argument("files", nargs="+")
    imp.add_argument("--json", action="store_true")

    status = sub.add_parser("status", help="(cabang) atur status pendaftaran")
    status.add_argument("id")
    status.add_argument("state", choices=("accepted", "correction", "registered", "duplicate"))
    status.add_argument("--reason")
    status.add_argument("--kpj")
    status.add_argument("--of", dest="duplicate_of")

    receipt = sub.add_parser("receipt", help="(cabang) tulis tanda terima untuk relawan")
    receipt.add_argument("--volunteer-id", required=True)
    receipt.add_argument("-o", dest="output", required=True)

    devices = sub.add_parser("approve-device", help="(cabang) setujui laptop baru relawan")
    devices.add_argument("bundle", help="bundel yang ditolak karena laptop berbeda")
    devices.add_argument("--fingerprint", help="sidik jari yang dicocokkan dengan relawan "
                         "(mis. \"1FD5 57DE 6EF5 8ECA\"): laptop lain tidak disetujui")

    recover = sub.add_parser("recover", help="(cabang) pulihkan ruang kerja relawan "
                             "yang lupa kata sandi")
    recover.add_argument("volunteer_dir")
    recover.add_argument("--new-passphrase-file", help="berkas berisi kata sandi baru")

    identity = sub.add_parser("export-identity", help="(cabang) tulis identitas age kantor "
                              "cabang untuk alat age standar")
    identity.add_argument("-o", dest="output", required=True)

    purge = sub.add_parser("purge", help="(relawan) hapus data pribadi yang sudah terdaftar")
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

    check = sub.add_parser("check", help="periksa keutuhan ruang kerja")
    check.add_argument("--json", action="store_true")

    ref = sub.add_parser("reference", help="data acuan: tabel iuran dan daftar pekerjaan")
    ref_sub = ref.add_subparsers(dest="reference_command", metavar="show|install",
                                 required=True)
    ref_show = ref_sub.add_parser("show", help="versi yang dipakai")
    ref_show.add_argument("--json", action="store_true")
    ref_install = ref_sub.add_parser(
        "install", help="(cabang) pasang tabel iuran (rules.json) atau daftar pekerjaan "
        "(occupations.csv) yang lebih baru; ikut terkirim di tanda terima berikutnya")
    ref_install.add_argument("files", nargs="+", metavar="FILE")
    ref_install.add_argument("--json", action="store_true")

    passwd = sub.add_parser("passphrase", help="ganti kata sandi (kunci dibungkus ulang)")
    passwd.add_argument("--new-passphrase-file", help="berkas berisi kata sandi baru")

    backup = sub.add_parser("backup", help="buat cadangan sekarang (--list: daftar cadangan)")
    backup.add_argument("--list", action="store_true", help="daftar cadangan, terbaru dulu")
    backup.add_argument("--json", action="store_true")

    restore = sub.add_parser("restore", help="kembali ke cadangan (keadaan sekarang dicadangkan "
                             "dulu)")
    restore.add_argument("backup", metavar="BACKUP",
                         help="nama dari backup --list, atau jalur yang dicetak backup")
    restore.add_argument("--json", action="store_true")
    for name in COMMAND_MODULES:
        COMMANDS.update(importlib.import_module(name).add_commands(sub))
    return parser


# -- helpers ----------------------------------------------------------------------------
def _lang(args) -> str:
    return args.lang or os.environ.get("DESA_PEDULI_LANG") or "id"


def _say(args, id_text: str, en_text: str, *, err: bool = True) -> None:
    print(en_text if _lang(args) == "en" else id_text, file=sys.stderr if err else sys.stdout)


def _read_passphrase(args, *, confirm: bool = False, file_arg: str | None = None) -> str:
    path = file_arg or args.passphrase_file
    if path:
        return read_passphrase_file(path)
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


MAX_PASSPHRASE_FILE = 64 * 1024
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def read_passphrase_file(path) -> str:
    """The passphrase in the first line of ``path`` (every passphrase file goes through here).

    UTF-8 with or without a BOM and UTF-16 (what PowerShell writes; with a BOM, or
    without one when every other byte is NUL) are read; only the line ending is taken
    off, any other space belongs to the passphrase. UsageError when it cannot be read.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_PASSPHRASE_FILE)
    except OSError as exc:
        raise UsageError(f"berkas kata sandi tidak terbaca: {path}") from exc
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\0" in data and len(data) % 2 == 0:
        odd, even = data[1::2].count(0), data[0::2].count(0)  # ASCII in UTF-16: 1 byte in 2
        if max(odd, even) * 2 >= len(data) // 2:
            encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"berkas kata sandi {path} bukan teks UTF-8 atau UTF-16: simpan ulang sebagai "
            "UTF-8 (mis. di Notepad: Simpan sebagai → Encoding UTF-8)") from exc
    line = text.split("\n", 1)[0]
    line = line[:-1] if line.endswith("\r") else line
    if "\0" in line:
        raise UsageError(f"berkas kata sandi {path} bukan teks: simpan ulang sebagai UTF-8")
    return line


def _open(args):
    from desa_peduli.services.session import Session

    return Session.open(resolve_workspace_dir(args.data_dir), _read_passphrase(args))


# -- commands ---------------------------------------------------------------------------
def cmd_init(args) -> int:
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import check_new_workspace_folder, is_workspace

    path = resolve_workspace_dir(args.data_dir)
    if not (args.role == "volunteer" and args.enrolment and is_workspace(path)):
        check_new_workspace_folder(path)  # before asking for a passphrase
    if args.role == "branch":
        from desa_peduli.services.branch import BranchService, create_branch

        passphrase = _read_passphrase(args, confirm=True)
        with create_branch(path, name=args.name, province=args.province,
                           passphrase=passphrase) as session:
            info = {"workspace": str(path), "role": "branch",
                    "fingerprint": BranchService(session).fingerprint()}
        print(json.dumps(info) if args.json else
              (f"Ruang kerja kantor cabang dibuat di {path}\nSidik jari: {info['fingerprint']}"
               if _lang(args) != "en" else
               f"Branch workspace created at {path}\nFingerprint: {info['fingerprint']}"))
        return EXIT_OK
    from desa_peduli.services.field import FieldSync

    if args.enrolment and is_workspace(path):
        # an existing volunteer workspace is enrolled afterwards, keeping its registrations
        with _open(args) as session:
            branch = FieldSync(session).enrol(Path(args.enrolment))
            info = {"workspace": str(path), "role": session.role, "enrolled": True,
                    "branch": branch["name"], "branch_fingerprint": branch["fingerprint"],
                    "fingerprint": FieldSync(session).fingerprint()}
        print(json.dumps(info, ensure_ascii=False) if args.json else _enrolled_text(args, info))
        return EXIT_OK
    if args.enrolment:
        from desa_peduli.sync.enrolment import read_enrolment

        name = read_enrolment(Path(args.enrolment))["volunteer_name"]
    elif args.name:
        name = args.name
    else:
        raise UsageError("--name atau --enrolment wajib diisi")
    passphrase = _read_passphrase(args, confirm=True)
    with Session.create_volunteer(
        path, name=name, passphrase=passphrase, home_village=args.home_village,
        language=_lang(args),
    ) as session:
        info = {"workspace": str(path), "role": session.role,
                "workspace_id": session.workspace.meta["workspace_id"]}
        if args.enrolment:
            branch = FieldSync(session).enrol(Path(args.enrolment))
            info.update(enrolled=True, branch=branch["name"],
                        branch_fingerprint=branch["fingerprint"],
                        fingerprint=FieldSync(session).fingerprint())
    if args.enrolment and not args.json:
        print(_enrolled_text(args, info))
        return EXIT_OK
    if args.json:
        print(json.dumps(info))
    else:
        _say(args, f"Ruang kerja relawan dibuat di {path}", f"Volunteer workspace created at {path}",
             err=False)
    return EXIT_OK


def _enrolled_text(args, info: dict) -> str:
    if _lang(args) == "en":
        return (f"Workspace {info['workspace']} enrolled with {info['branch']}.\n"
                f"Branch fingerprint: {info['branch_fingerprint']}\n"
                f"This laptop's fingerprint: {info['fingerprint']}")
    return (f"Ruang kerja {info['workspace']} terdaftar di {info['branch']}.\n"
            f"Sidik jari kantor cabang: {info['branch_fingerprint']}\n"
            f"Sidik jari laptop ini: {info['fingerprint']}")


def _role_service(session):
    if session.role == "branch":
        from desa_peduli.services.branch import BranchService

        return BranchService(session)
    from desa_peduli.services.field import FieldSync

    return FieldSync(session)


def cmd_enrol(args) -> int:
    from desa_peduli.services.branch import BranchService

    with _open(args) as session:
        path = BranchService(session).enrol(volunteer_id=args.volunteer_id, name=args.name,
                                            villages=args.village, target=Path(args.output))
    print(path)
    return EXIT_OK


def cmd_fingerprint(args) -> int:
    with _open(args) as session:
        print(_role_service(session).fingerprint())
    return EXIT_OK


def cmd_export(args) -> int:
    from desa_peduli.services.field import FieldSync

    with _open(args) as session:
        result = FieldSync(session).export(Path(args.output), everything=args.all)
    if result.path is None:
        _say(args, "Tidak ada perubahan baru untuk dikirim; tidak ada berkas ditulis.",
             "Nothing new to send; no file was written.")
        return EXIT_OK
    if args.json:
        print(json.dumps({"path": str(result.path), "manifest": result.manifest}))
    else:
        print(result.path)
    return EXIT_OK


def cmd_import(args) -> int:
    """Each file gets its own verdict: a refused (or broken) one never stops the next."""
    from desa_peduli.errors import WorkspaceError
    from desa_peduli.sync.bundle import DEVICE_REFUSALS

    reports, code = [], EXIT_OK
    with _open(args) as session:
        service = _role_service(session)
        backed_up = []

        def backup_once() -> None:  # before the first bundle that will be merged
            if not backed_up:
                from desa_peduli.storage.backups import make_backup

                backed_up.append(make_backup(session.workspace, reason="pre-import"))

        try:
            for name in args.files:
                try:
                    if session.role == "branch":
                        report = service.import_bundle(Path(name),
                                                       before_merge=backup_once).to_dict()
                    else:
                        report = service.import_receipt(Path(name)).to_dict()
                    report["status"] = "applied"
                except WorkspaceError:
                    _print_reports(args, reports)  # the verdicts so far, then stop
                    raise
                except Exception as exc:  # noqa: BLE001 - one file's fault, not the batch's
                    from desa_peduli.storage.database import known_error

                    if isinstance(known_error(exc), WorkspaceError):  # disk full, locked…
                        _print_reports(args, reports)
                        raise
                    code = EXIT_INPUT
                    report = _refused_report(args, Path(name), exc)
                    print(report["message"], file=sys.stderr)
                    if session.role == "branch" and report["reason"] in DEVICE_REFUSALS:
                        _note_awaiting_laptop(args, session, Path(name), report)
                reports.append(report)
                if not args.json and report["status"] == "applied":
                    print(_import_line(args, report))
        finally:
            if session.role == "branch":
                service.close()  # the decoding process a large bundle started
    _print_reports(args, reports)
    return code


def _note_awaiting_laptop(args, session, path: Path, report: dict) -> None:
    """Queue the refused bundle's laptop for approval, as the window's import does."""
    from desa_peduli.services.review import ReviewService

    volunteer_id = ReviewService(session).note_refused_device(path)
    report["awaiting_approval"] = volunteer_id is not None
    shown = report.get("device_fingerprint")
    if volunteer_id is not None:
        _say(args, f"Laptop {report.get('device_fingerprint')} menunggu persetujuan untuk "
             f"relawan {volunteer_id}: cocokkan sidik jarinya dengan relawan, lalu "
             f"`desa-peduli approve-device {path.name} --fingerprint \"{shown}\"` dan "
             "impor bundel itu lagi.",
             f"Laptop {report.get('device_fingerprint')} awaits approval for volunteer "
             f"{volunteer_id}: compare its fingerprint with the volunteer, then "
             f"`desa-peduli approve-device {path.name} --fingerprint \"{shown}\"` and "
             "import the bundle again.")


def _refused_report(args, path: Path, exc: Exception) -> dict:
    """The verdict on a file that was not applied (its transaction rolled back)."""
    from desa_peduli.errors import DesaPeduliError

    if isinstance(exc, DesaPeduliError):
        report = {"file": path.name, "status": "rejected",
                  "reason": getattr(exc, "reason", "rejected"),
                  "message": exc.message(_lang(args))}
        if getattr(exc, "device_fingerprint", None):
            report["device_fingerprint"] = exc.device_fingerprint
        return report
    # a bug: this file is not applied, the next ones still get their turn
    from desa_peduli import logs

    logs.log_exception((type(exc), exc, exc.__traceback__), f"importing {path.name} failed")
    message = (f"{path.name}: unexpected error ({type(exc).__name__}); nothing was changed "
               "for this file. Please report it." if _lang(args) == "en" else
               f"{path.name}: kesalahan tak terduga ({type(exc).__name__}); tidak ada yang "
               "diubah untuk berkas ini. Mohon laporkan.")
    return {"file": path.name, "status": "rejected", "reason": "error", "message": message}


def _print_reports(args, reports: list[dict]) -> None:
    if args.json and reports:
        print(json.dumps(reports if len(args.files) > 1 else reports[0], ensure_ascii=False))


def _import_line(args, report: dict) -> str:
    if "new" in report:
        if _lang(args) == "en":
            return (f"{report['file']}: {report['new']} new, {report['updated']} updated, "
                    f"{report['unchanged']} unchanged, {report['duplicates']} duplicates, "
                    f"{len(report['rejected'])} rejected")
        return (f"{report['file']}: {report['new']} baru, {report['updated']} diperbarui, "
                f"{report['unchanged']} tidak berubah, {report['duplicates']} duplikat, "
                f"{len(report['rejected'])} ditolak")
    extra = ""
    if report.get("reference"):
        extra = (f"; reference data updated: {', '.join(report['reference'])}"
                 if _lang(args) == "en" else
                 f"; data acuan diperbarui: {', '.join(report['reference'])}")
    if _lang(args) == "en":
        return f"{report['file']}: {report['updated']} registrations updated{extra}"
    return f"{report['file']}: {report['updated']} pendaftaran diperbarui{extra}"


def cmd_status(args) -> int:
    from desa_peduli.services.branch import BranchService

    with _open(args) as session:
        BranchService(session).set_state(args.id, args.state, reason=args.reason, kpj=args.kpj,
                                         duplicate_of=args.duplicate_of)
    return EXIT_OK


def cmd_reference(args) -> int:
    from desa_peduli.errors import WrongRole
    from desa_peduli.services import reference_data

    with _open(args) as session:
        if args.reference_command == "install":
            if session.role != "branch":
                raise WrongRole("branch")
            installed = reference_data.install_files(session, [Path(f) for f in args.files])
            what = {"rates": ("tabel iuran", "rate table"),
                    "occupations": ("daftar pekerjaan", "occupation list")}
            for item in installed if not args.json else ():
                name_id, name_en = what[item["name"]]
                _say(args, f"Terpasang: {name_id} versi {item['version']}; ikut terkirim di "
                     "tanda terima berikutnya.", f"Installed: {name_en} version "
                     f"{item['version']}; it goes out with the next receipts.", err=False)
            if args.json:
                print(json.dumps({"installed": installed}))
            return EXIT_OK
        in_use = reference_data.versions(session.db)
    if args.json:
        print(json.dumps(in_use))
    else:
        for name, version in in_use.items():
            print(f"{name}\t{version}")
    return EXIT_OK


def cmd_receipt(args) -> int:
    from desa_peduli.services.branch import BranchService

    with _open(args) as session:
        print(BranchService(session).receipt(args.volunteer_id, Path(args.output)))
    return EXIT_OK


def cmd_approve_device(args) -> int:
    from desa_peduli.services.branch import BranchService

    with _open(args) as session:
        print(BranchService(session).approve_device(
            Path(args.bundle), shown=_fingerprint_arg(args.fingerprint)))
    return EXIT_OK


def _fingerprint_arg(text: str | None) -> str | None:
    """A fingerprint as typed (any case and spacing) in the form the program shows."""
    if text is None:
        return None
    digits = "".join(text.split()).upper()
    return " ".join(digits[i:i + 4] for i in range(0, len(digits), 4))


def cmd_recover(args) -> int:
    from desa_peduli.services.branch import BranchService

    new = _new_passphrase(args)
    with _open(args) as session:
        volunteer_id = BranchService(session).recover_workspace(Path(args.volunteer_dir), new)
    _say(args, f"Kata sandi baru dipasang untuk ruang kerja relawan {volunteer_id}.",
         f"New passphrase set for the workspace of volunteer {volunteer_id}.", err=False)
    return EXIT_OK


def cmd_export_identity(args) -> int:
    from desa_peduli.services.branch import BranchService

    with _open(args) as session:
        print(BranchService(session).export_identity(Path(args.output)))
    return EXIT_OK


def cmd_purge(args) -> int:
    from desa_peduli.services.field import FieldSync

    with _open(args) as session:
        count = FieldSync(session).purge(args.days)
    if args.json:
        print(json.dumps({"purged": count}))
    else:
        _say(args, f"Data pribadi {count} pendaftaran yang sudah terdaftar dihapus dari laptop.",
             f"Personal data of {count} registered registrations removed from this laptop.",
             err=False)
    return EXIT_OK


def cmd_add(args) -> int:
    from desa_peduli.services.adding import add_file

    with _open(args) as session:
        if session.role != "volunteer":
            from desa_peduli.errors import WrongRole

            raise WrongRole("volunteer")
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
    from desa_peduli.services.spreadsheet import CsvWriter

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
                    writer = CsvWriter(sys.stdout, fieldnames=list(flat))
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


def _new_passphrase(args) -> str:
    if args.new_passphrase_file:
        return _read_passphrase(args, file_arg=args.new_passphrase_file)
    if os.environ.get(ENV_NEW_PASSPHRASE):
        return os.environ[ENV_NEW_PASSPHRASE]
    if sys.stdin and sys.stdin.isatty():
        new = getpass.getpass("Kata sandi baru: ")
        if getpass.getpass("Ulangi kata sandi baru: ") != new:
            raise UsageError("kedua kata sandi tidak sama")
        return new
    raise UsageError("kata sandi baru: pakai --new-passphrase-file atau DESA_PEDULI_NEW_PASSPHRASE")


def cmd_passphrase(args) -> int:
    from desa_peduli.services.session import Session

    old = _read_passphrase(args)
    new = _new_passphrase(args)
    with Session.open(resolve_workspace_dir(args.data_dir), old) as session:
        session.workspace.change_passphrase(old, new)
    _say(args, "Kata sandi diganti.", "Passphrase changed.", err=False)
    return EXIT_OK


def cmd_backup(args) -> int:
    from desa_peduli.storage.backups import make_backup

    if args.list:
        return _list_backups(args)
    with _open(args) as session:
        info = make_backup(session.workspace, reason="manual")
    print(json.dumps({"backup": str(info.path)}) if args.json else str(info.path))
    return EXIT_OK


def _backup_dict(info, count=None) -> dict:
    return {"name": info.path.name, "path": str(info.path),
            "created_at": info.created_at.isoformat(timespec="seconds"), "reason": info.reason,
            "size": info.size, "registrations": count}


def _list_backups(args) -> int:
    from desa_peduli.services import backups

    with _open(args) as session:
        items = [_backup_dict(info, count) for info, count in backups.listing(session)]
    if args.json:
        print(json.dumps(items))
    elif not items:
        _say(args, "Belum ada cadangan.", "There are no backups yet.", err=False)
    for item in items if not args.json else ():
        count = "?" if item["registrations"] is None else item["registrations"]
        print(f"{item['name']}\t{item['created_at']}\t{item['reason']}\t{item['size']}\t{count}")
    return EXIT_OK


def cmd_restore(args) -> int:
    from desa_peduli.services import backups

    with _open(args) as session:
        backup = backups.find(session, args.backup)
        safety = backups.restore(session, backup)
    if args.json:
        print(json.dumps({"restored": _backup_dict(backup), "before": _backup_dict(safety)}))
    else:
        _say(args, f"Cadangan {backup.path.name} dipulihkan. Keadaan sebelumnya disimpan di:",
             f"Restored backup {backup.path.name}. The state before was saved in:", err=False)
        print(safety.path)
    return EXIT_OK


COMMANDS = {
    "init": cmd_init,
    "add": cmd_add,
    "list": cmd_list,
    "check": cmd_check,
    "passphrase": cmd_passphrase,
    "enrol": cmd_enrol,
    "fingerprint": cmd_fingerprint,
    "export": cmd_export,
    "import": cmd_import,
    "status": cmd_status,
    "receipt": cmd_receipt,
    "reference": cmd_reference,
    "approve-device": cmd_approve_device,
    "recover": cmd_recover,
    "purge": cmd_purge,
    "export-identity": cmd_export_identity,
    "backup": cmd_backup,
    "restore": cmd_restore,
}


def _console_never_fails() -> None:
    """stdout/stderr that cannot encode every character (cp1252 when output is redirected
    on Windows, an ASCII locale) write what they cannot as ``\\uXXXX`` rather than crash."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if not encoding or not hasattr(stream, "reconfigure"):
            continue
        try:
            unicode = codecs.lookup(encoding).name in ("utf-8", "utf-16", "utf-32")
        except LookupError:
            unicode = False
        if not unicode and getattr(stream, "errors", "strict") == "strict":
            stream.reconfigure(errors="backslashreplace")


def _unexpected(args, exc: Exception) -> int:
    """A failure no handler knew: SQLite's disk full, locked or read-only as what they are;
    anything else is a bug, logged with its (masked) traceback, the log's path printed."""
    from desa_peduli.storage.database import known_error

    known = known_error(exc, resolve_workspace_dir(args.data_dir))
    if known is not None:
        print(known.message(_lang(args)), file=sys.stderr)
        return known.exit_code
    from desa_peduli import logs

    path = logs.log_exception((type(exc), exc, exc.__traceback__),
                              f"desa-peduli {args.command}: unexpected error")
    kind = type(exc).__name__
    if path is None:
        _say(args, f"desa-peduli: kesalahan tak terduga ({kind}); perintah tidak selesai.",
             f"desa-peduli: unexpected error ({kind}); the command did not finish.")
    else:
        _say(args, f"desa-peduli: kesalahan tak terduga ({kind}); perintah tidak selesai. "
             f"Rinciannya dicatat di {path}; kirim berkas itu ke kantor cabang.",
             f"desa-peduli: unexpected error ({kind}); the command did not finish. The "
             f"details are logged in {path}; send that file to the branch office.")
    return EXIT_INPUT


def main(argv: list[str] | None = None) -> int:
    _console_never_fails()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        from desa_peduli.app import run_gui

        return run_gui(data_dir=args.data_dir, lang=args.lang)
    from desa_peduli import logs

    logs.setup()
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
    except BrokenPipeError:  # e.g. `desa-peduli list | head`
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last net: never a raw traceback
        return _unexpected(args, exc)
