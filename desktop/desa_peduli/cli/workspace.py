"""Commands on the workspace itself: ``init``, ``check``, ``reference``, ``recover``,
``passphrase``, ``backup`` and ``restore``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desa_peduli.cli.common import (
    UsageError,
    language,
    new_passphrase,
    open_session,
    read_passphrase,
    require_role,
    say,
)
from desa_peduli.cli.server import add_clerk_option, change_server_passphrase, init_server_branch
from desa_peduli.errors import EXIT_OK, EXIT_WORKSPACE
from desa_peduli.paths import resolve_workspace_dir


def register(sub) -> None:
    init = sub.add_parser("init", help="buat ruang kerja baru")
    init_sub = init.add_subparsers(dest="role", metavar="ROLE", required=True)
    vol = init_sub.add_parser("volunteer", help="ruang kerja relawan")
    vol.add_argument("--name", help="nama relawan")
    vol.add_argument("--home-village", help="kode desa wilayah kerja, mis. 15.04.05.2003")
    vol.add_argument("--enrolment", help="berkas penghubung (.dpenrol) dari kantor cabang")
    vol.add_argument("--json", action="store_true")
    branch = init_sub.add_parser("branch", help="ruang kerja kantor cabang")
    branch.add_argument("--name", required=True, help="nama kantor cabang")
    branch.add_argument("--province", required=True, help="kode provinsi, mis. 15")
    branch.add_argument("--server", metavar="URL", help="(baru, sebagian) ruang kerja di server "
                        "PostgreSQL kantor cabang, mis. postgresql://admin@10.0.0.5/desa_peduli; "
                        "folder --data-dir hanya berisi alamat server")
    add_clerk_option(branch)
    branch.add_argument("--json", action="store_true")

    check = sub.add_parser("check", help="periksa keutuhan ruang kerja")
    check.add_argument("--json", action="store_true")

    ref = sub.add_parser("reference", help="data acuan: tabel iuran, daftar pekerjaan dan "
                         "daftar pendana")
    ref_sub = ref.add_subparsers(dest="reference_command", metavar="show|install",
                                 required=True)
    ref_show = ref_sub.add_parser("show", help="versi yang dipakai")
    ref_show.add_argument("--json", action="store_true")
    ref_install = ref_sub.add_parser(
        "install", help="(cabang) pasang tabel iuran (rules.json) atau daftar pekerjaan "
        "(occupations.csv) yang lebih baru; ikut terkirim di tanda terima berikutnya")
    ref_install.add_argument("files", nargs="+", metavar="FILE")
    ref_install.add_argument("--json", action="store_true")

    passwd = sub.add_parser("passphrase", help="ganti kata sandi (kunci dibungkus ulang; "
                            "kantor cabang di server: kata sandi petugas --clerk)")
    passwd.add_argument("--new-passphrase-file", help="berkas berisi kata sandi baru")
    add_clerk_option(passwd)

    backup = sub.add_parser("backup", help="buat cadangan sekarang (--list: daftar cadangan)")
    backup.add_argument("--list", action="store_true", help="daftar cadangan, terbaru dulu")
    backup.add_argument("--json", action="store_true")

    restore = sub.add_parser("restore", help="kembali ke cadangan (keadaan sekarang dicadangkan "
                             "dulu)")
    restore.add_argument("backup", metavar="BACKUP",
                         help="nama dari backup --list, atau jalur yang dicetak backup")
    restore.add_argument("--json", action="store_true")

    recover = sub.add_parser("recover", help="(cabang) pulihkan ruang kerja relawan "
                             "yang lupa kata sandi")
    recover.add_argument("volunteer_dir")
    recover.add_argument("--new-passphrase-file", help="berkas berisi kata sandi baru")


def cmd_init(args) -> int:
    from desa_peduli.services.session import Session, check_new_workspace_folder, is_workspace

    path = resolve_workspace_dir(args.data_dir)
    if not (args.role == "volunteer" and args.enrolment and is_workspace(path)):
        check_new_workspace_folder(path)  # before asking for a passphrase
    if args.role == "branch" and args.server:
        return init_server_branch(args, path)
    if args.role == "branch":
        from desa_peduli.services.branch import BranchService, create_branch

        passphrase = read_passphrase(args, confirm=True)
        with create_branch(path, name=args.name, province=args.province,
                           passphrase=passphrase) as session:
            info: dict[str, object] = {"workspace": str(path), "role": "branch",
                    "fingerprint": BranchService(session).fingerprint()}
        print(json.dumps(info) if args.json else
              (f"Ruang kerja kantor cabang dibuat di {path}\nKode pencocokan: {info['fingerprint']}"
               if language(args) != "en" else
               f"Branch workspace created at {path}\nFingerprint: {info['fingerprint']}"))
        return EXIT_OK
    from desa_peduli.services.field import FieldSync

    if args.enrolment and is_workspace(path):
        # an existing volunteer workspace is enrolled afterwards, keeping its registrations
        with open_session(args) as session:
            branch = FieldSync(session).enrol(Path(args.enrolment))
            info = {"workspace": str(path), "role": session.role, "enrolled": True,
                    "branch": branch["name"], "branch_fingerprint": branch["fingerprint"],
                    "fingerprint": FieldSync(session).fingerprint()}
        print(json.dumps(info, ensure_ascii=False) if args.json else _enrolled_text(args, info))
        return EXIT_OK
    if args.enrolment:
        from desa_peduli.services.field import read_enrolment

        name = read_enrolment(Path(args.enrolment))["volunteer_name"]
    elif args.name:
        name = args.name
    else:
        raise UsageError("--name atau --enrolment wajib diisi")
    passphrase = read_passphrase(args, confirm=True)
    with Session.create_volunteer(
        path, name=name, passphrase=passphrase, home_village=args.home_village,
        language=language(args),
    ) as session:
        info = {"workspace": str(path), "role": session.role,
                "workspace_id": session.workspace_id}
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
        say(args, f"Ruang kerja relawan dibuat di {path}", f"Volunteer workspace created at {path}",
            err=False)
    return EXIT_OK


def _enrolled_text(args, info: dict) -> str:
    if language(args) == "en":
        return (f"Workspace {info['workspace']} enrolled with {info['branch']}.\n"
                f"Branch fingerprint: {info['branch_fingerprint']}\n"
                f"This laptop's fingerprint: {info['fingerprint']}")
    return (f"Ruang kerja {info['workspace']} terhubung dengan {info['branch']}.\n"
            f"Kode pencocokan kantor cabang: {info['branch_fingerprint']}\n"
            f"Kode pencocokan laptop ini: {info['fingerprint']}")


def cmd_check(args) -> int:
    from desa_peduli.services.maintenance import check_workspace

    with open_session(args) as session:
        report = check_workspace(session)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    elif report["ok"]:
        say(args, f"Ruang kerja sehat: {report['registrations']} pendaftaran, "
            f"{report['backups']} cadangan.",
            f"Workspace healthy: {report['registrations']} registrations, "
            f"{report['backups']} backups.", err=False)
    else:
        for problem in report["problems"]:
            print(problem, file=sys.stderr)
    return EXIT_OK if report["ok"] else EXIT_WORKSPACE


def cmd_reference(args) -> int:
    from desa_peduli.services import reference_data

    with open_session(args) as session:
        if args.reference_command == "install":
            require_role(session, "branch")
            installed = reference_data.install_files(session, [Path(f) for f in args.files])
            what = {"rates": ("tabel iuran", "rate table"),
                    "occupations": ("daftar pekerjaan", "occupation list"),
                    "funders": ("daftar pendana", "funder list")}
            for item in installed if not args.json else ():
                name_id, name_en = what[item["name"]]
                say(args, f"Terpasang: {name_id} versi {item['version']}; ikut terkirim di "
                    "tanda terima berikutnya.", f"Installed: {name_en} version "
                    f"{item['version']}; it goes out with the next receipts.", err=False)
            if args.json:
                print(json.dumps({"installed": installed}))
            return EXIT_OK
        in_use = reference_data.versions(session)
    if args.json:
        print(json.dumps(in_use))
    else:
        for name, version in in_use.items():
            print(f"{name}\t{version}")
    return EXIT_OK


def cmd_recover(args) -> int:
    from desa_peduli.services.branch import BranchService

    new = new_passphrase(args)
    with open_session(args) as session:
        volunteer_id = BranchService(session).recover_workspace(Path(args.volunteer_dir), new)
    say(args, f"Kata sandi baru dipasang untuk ruang kerja relawan {volunteer_id}.",
        f"New passphrase set for the workspace of volunteer {volunteer_id}.", err=False)
    return EXIT_OK


def cmd_passphrase(args) -> int:
    from desa_peduli.services.session import Session, is_server_folder

    path = resolve_workspace_dir(args.data_dir)
    if is_server_folder(path):
        return change_server_passphrase(args, path)
    old = read_passphrase(args)
    new = new_passphrase(args)
    with Session.open(path, old) as session:
        session.change_passphrase(old, new)
    say(args, "Kata sandi diganti.", "Passphrase changed.", err=False)
    return EXIT_OK


def cmd_backup(args) -> int:
    from desa_peduli.services import backups

    if args.list:
        return _list_backups(args)
    with open_session(args) as session:
        info = backups.make(session, reason="manual")
    print(json.dumps({"backup": str(info.path)}) if args.json else str(info.path))
    return EXIT_OK


def _backup_dict(info, count=None) -> dict:
    return {"name": info.path.name, "path": str(info.path),
            "created_at": info.created_at.isoformat(timespec="seconds"), "reason": info.reason,
            "size": info.size, "registrations": count}


def _list_backups(args) -> int:
    from desa_peduli.services import backups

    with open_session(args) as session:
        items = [_backup_dict(info, count) for info, count in backups.listing(session)]
    if args.json:
        print(json.dumps(items))
    elif not items:
        say(args, "Belum ada cadangan.", "There are no backups yet.", err=False)
    for item in items if not args.json else ():
        count = "?" if item["registrations"] is None else item["registrations"]
        print(f"{item['name']}\t{item['created_at']}\t{item['reason']}\t{item['size']}\t{count}")
    return EXIT_OK


def cmd_restore(args) -> int:
    from desa_peduli.services import backups

    with open_session(args) as session:
        backup = backups.find(session, args.backup)
        safety = backups.restore(session, backup)
    if args.json:
        print(json.dumps({"restored": _backup_dict(backup), "before": _backup_dict(safety)}))
    else:
        say(args, f"Cadangan {backup.path.name} dipulihkan. Keadaan sebelumnya disimpan di:",
            f"Restored backup {backup.path.name}. The state before was saved in:", err=False)
        print(safety.path)
    return EXIT_OK


COMMANDS = {
    "init": cmd_init,
    "check": cmd_check,
    "reference": cmd_reference,
    "recover": cmd_recover,
    "passphrase": cmd_passphrase,
    "backup": cmd_backup,
    "restore": cmd_restore,
}
