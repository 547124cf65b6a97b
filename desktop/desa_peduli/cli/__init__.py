"""Command-line front end over services/ (the contract is ../shared/design/CLI.md).

With no command it opens the GUI. Exit codes: 0 done, 1 input rejected (nothing
changed), 2 usage error, 3 workspace problem. Each module of this package registers its
own commands (``register(subparsers)``) and names their handlers (``COMMANDS``);
``common`` holds what they share.
"""

from __future__ import annotations

import argparse

from desa_peduli import __version__
from desa_peduli.cli import batch, desk, registrations, report, review, server, sync, workspace
from desa_peduli.cli.common import console_never_fails, run

MODULES = (workspace, registrations, sync, review, report, desk, batch, server)

# command name → handler, for every module's commands
COMMANDS = {name: handler for module in MODULES for name, handler in module.COMMANDS.items()}

# the order ``desa-peduli --help`` lists the commands in (as it always has; the modules
# group them by subject instead)
HELP_ORDER = ("init", "enrol", "fingerprint", "export", "import", "status", "receipt",
              "approve-device", "recover", "export-identity", "purge", "add", "list", "check",
              "reference", "passphrase", "backup", "restore", "review", "resolve-duplicate",
              "accept", "report", "coverage-targets", "handover", "import-kpj", "breach-report",
              "batch", "connect", "clerk")


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
    parser.add_argument("--clerk", metavar="NAME", help="(kantor cabang di server) nama "
                        "petugas yang bekerja (default: $DESA_PEDULI_CLERK)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in MODULES:
        module.register(sub)
    assert sorted(sub.choices) == sorted(COMMANDS) == sorted(HELP_ORDER), "one command, three names"
    _in_help_order(sub)
    return parser


def _in_help_order(sub) -> None:
    """``--help`` and the message on a mistyped command list the commands in HELP_ORDER
    (argparse lists them in the order they were added, here module by module)."""
    ordered = {name: sub.choices[name] for name in HELP_ORDER}
    sub.choices.clear()  # the same dict argparse looks a command up in: changed in place
    sub.choices.update(ordered)
    sub._choices_actions.sort(key=lambda action: HELP_ORDER.index(action.dest))


def main(argv: list[str] | None = None) -> int:
    console_never_fails()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        from desa_peduli.app import run_gui

        return run_gui(data_dir=args.data_dir, lang=args.lang)
    from desa_peduli import logs

    logs.setup()
    return run(parser, COMMANDS[args.command], args)
