"""Commands of a branch workspace on a PostgreSQL server: ``connect`` (this computer's
folder) and ``clerk add|list|remove``; ``init branch --server`` lives with ``init``."""

from __future__ import annotations

import argparse
import json
import os

from desa_peduli.cli.common import UsageError, language, new_passphrase, read_passphrase, say
from desa_peduli.errors import EXIT_OK
from desa_peduli.paths import resolve_workspace_dir

ENV_CLERK = "DESA_PEDULI_CLERK"


def add_clerk_option(parser: argparse.ArgumentParser) -> None:
    """``--clerk NAME`` on a command (also accepted before the command)."""
    parser.add_argument("--clerk", default=argparse.SUPPRESS, metavar="NAME",
                        help="nama petugas yang bekerja (default: $DESA_PEDULI_CLERK)")


def clerk_of(args) -> str:
    """Who works: ``--clerk`` or $DESA_PEDULI_CLERK."""
    clerk = getattr(args, "clerk", None) or os.environ.get(ENV_CLERK)
    if not clerk:
        raise UsageError("nama petugas diperlukan: --clerk NAMA atau DESA_PEDULI_CLERK")
    return clerk


def register(sub) -> None:
    connect = sub.add_parser(
        "connect", help="(cabang di server) jadikan folder komputer ini folder kantor cabang "
        "di server itu (petugas masuk dengan kata sandinya)")
    connect.add_argument("--server", required=True, metavar="URL",
                         help="alamat PostgreSQL, mis. postgresql://10.0.0.5/desa_peduli")
    add_clerk_option(connect)
    connect.add_argument("--json", action="store_true")

    clerk = sub.add_parser("clerk", help="(cabang di server) petugas kantor cabang: add, list, "
                           "remove")
    clerk_sub = clerk.add_subparsers(dest="clerk_command", metavar="add|list|remove",
                                     required=True)
    add = clerk_sub.add_parser("add", help="tambah petugas (hanya supervisor)")
    add.add_argument("name", metavar="NAME", help="nama petugas baru")
    add.add_argument("--role", required=True, choices=("clerk", "supervisor"),
                     help="clerk: hanya kabupaten --kabupaten; supervisor: seluruh cabang")
    add.add_argument("--kabupaten", metavar="CODE,...",
                     help="kode kabupaten petugas (clerk), mis. 15.02,15.08")
    add.add_argument("--new-passphrase-file",
                     help="berkas berisi kata sandi pertama petugas baru")
    add_clerk_option(add)
    add.add_argument("--json", action="store_true")
    listing = clerk_sub.add_parser("list", help="daftar petugas")
    add_clerk_option(listing)
    listing.add_argument("--json", action="store_true")
    remove = clerk_sub.add_parser("remove", help="hapus petugas: akses masuk dan kuncinya "
                                  "dicabut (hanya supervisor)")
    remove.add_argument("name", metavar="NAME")
    add_clerk_option(remove)


def init_server_branch(args, path) -> int:
    """``init branch --server URL --clerk NAME``: the branch on the server, its keys
    wrapped to the first clerk (a supervisor), and this folder pointing to it."""
    from desa_peduli.services.server_branch import create_server_branch

    clerk = clerk_of(args)
    passphrase = read_passphrase(args, confirm=True)
    info = create_server_branch(path, url=args.server, name=args.name, province=args.province,
                                clerk=clerk, passphrase=passphrase)
    if args.json:
        print(json.dumps({**info, "role": "branch"}, ensure_ascii=False))
    elif language(args) == "en":
        print(f"Branch {info['branch']} created on server {info['server']}; first "
              f"supervisor: {info['clerk']}.\nFolder {path} points to that server.\n"
              f"Fingerprint: {info['fingerprint']}")
    else:
        print(f"Kantor cabang {info['branch']} dibuat di server {info['server']}; supervisor "
              f"pertama: {info['clerk']}.\nFolder {path} menunjuk ke server itu.\n"
              f"Kode pencocokan: {info['fingerprint']}")
    return EXIT_OK


def change_server_passphrase(args, path) -> int:
    """``passphrase`` in a server folder: the clerk's own (login and wrap of the keys)."""
    from desa_peduli.services.server_branch import ServerBranch

    clerk = clerk_of(args)
    old = read_passphrase(args)
    new = new_passphrase(args)
    with ServerBranch.open(path, clerk, old) as branch:
        branch.change_passphrase(new)
    say(args, f"Kata sandi petugas {clerk} diganti.", f"Passphrase of clerk {clerk} changed.",
        err=False)
    return EXIT_OK


def cmd_connect(args) -> int:
    from desa_peduli.services.server_branch import ServerBranch
    from desa_peduli.services.session import check_new_workspace_folder

    path = resolve_workspace_dir(args.data_dir)
    clerk = clerk_of(args)
    check_new_workspace_folder(path)  # before asking for a passphrase
    info = ServerBranch.connect_folder(path, url=args.server, clerk=clerk,
                                       passphrase=read_passphrase(args))
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
    elif language(args) == "en":
        print(f"Folder {path} connected to branch {info['branch']} on server "
              f"{info['server']} as {info['clerk']}.\nBranch fingerprint: {info['fingerprint']}")
    else:
        print(f"Folder {path} terhubung dengan kantor cabang {info['branch']} di server "
              f"{info['server']} sebagai {info['clerk']}.\n"
              f"Kode pencocokan kantor cabang: {info['fingerprint']}")
    return EXIT_OK


def _open(args):
    from desa_peduli.services.server_branch import ServerBranch

    return ServerBranch.open(resolve_workspace_dir(args.data_dir), clerk_of(args),
                             read_passphrase(args))


def in_server_folder(args) -> bool:
    """``--data-dir`` is a clerk's folder of a branch on a server."""
    from desa_peduli.services.session import is_server_folder

    return is_server_folder(resolve_workspace_dir(args.data_dir))


def open_server_session(args):
    """The clerk (``--clerk``) logged in to the server of ``--data-dir``, keys unlocked."""
    from desa_peduli.services.server_session import ServerSession

    return ServerSession.open(resolve_workspace_dir(args.data_dir), clerk_of(args),
                              read_passphrase(args))


def cmd_clerk(args) -> int:
    if args.clerk_command == "add":
        return _add(args)
    if args.clerk_command == "remove":
        with _open(args) as branch:
            branch.remove_clerk(args.name)
        say(args, f"Petugas {args.name} dihapus: tidak bisa masuk lagi, salinan kuncinya "
            "dihapus; catatan kerjanya tetap ada.", f"Clerk {args.name} removed: can no longer "
            "log in, their copy of the keys is deleted; their past actions stay recorded.",
            err=False)
        return EXIT_OK
    with _open(args) as branch:
        clerks = [clerk.as_dict() for clerk in branch.clerks()]
    if args.json:
        print(json.dumps(clerks, ensure_ascii=False))
    for clerk in clerks if not args.json else ():
        print("\t".join([clerk["name"], clerk["role"], ",".join(clerk["kabupaten"]) or "-",
                         clerk["added_at"], clerk["added_by"]]))
    return EXIT_OK


def _add(args) -> int:
    kabupaten = [code for code in (args.kabupaten or "").split(",") if code.strip()]
    first = new_passphrase(args)
    with _open(args) as branch:
        clerk = branch.add_clerk(args.name, role=args.role, kabupaten=kabupaten,
                                 passphrase=first)
    if args.json:
        print(json.dumps(clerk.as_dict(), ensure_ascii=False))
    else:
        where_id = ", ".join(clerk.kabupaten) or "seluruh kantor cabang"
        where_en = ", ".join(clerk.kabupaten) or "the whole branch"
        say(args, f"Petugas {clerk.name} ditambahkan ({clerk.role}: {where_id}). Ia masuk "
            "dengan --clerk dan kata sandi pertamanya, lalu menggantinya.",
            f"Clerk {clerk.name} added ({clerk.role}: {where_en}). They log in with --clerk "
            "and their first passphrase, then change it.", err=False)
    return EXIT_OK


COMMANDS = {
    "connect": cmd_connect,
    "clerk": cmd_clerk,
}
