"""Commands between the laptops and the branch: ``enrol``, ``fingerprint``, ``export``,
``import``, ``receipt``, ``approve-device`` and ``export-identity``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desa_peduli.cli.common import UsageError, language, open_session, say
from desa_peduli.cli.server import add_clerk_option, in_server_folder, open_server_session
from desa_peduli.errors import EXIT_INPUT, EXIT_OK, DesaPeduliError, WorkspaceError


def register(sub) -> None:
    enrol = sub.add_parser("enrol", help="(cabang) buat berkas penghubung untuk laptop relawan")
    enrol.add_argument("--volunteer-id", required=True)
    enrol.add_argument("--name", required=True)
    enrol.add_argument("--village", action="append", default=[], help="kode desa (boleh berulang)")
    enrol.add_argument("-o", dest="output", required=True, help="berkas atau folder tujuan")
    add_clerk_option(enrol)

    sub.add_parser("fingerprint", help="kode pencocokan kunci ruang kerja ini")

    export = sub.add_parser("export", help="(relawan) tulis bundel sinkronisasi")
    export.add_argument("-o", dest="output", required=True, help="berkas atau folder tujuan")
    export.add_argument("--all", action="store_true", help="kirim semuanya")
    export.add_argument("--json", action="store_true")

    imp = sub.add_parser("import", help="cabang: bundel; relawan: tanda terima")
    imp.add_argument("files", nargs="+")
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--workers", type=int, default=1, metavar="N",
                     help="(cabang di server) impor dengan N pekerja sekaligus, masing-masing "
                     "dengan sambungannya sendiri (default 1)")
    add_clerk_option(imp)

    receipt = sub.add_parser("receipt", help="(cabang) tulis tanda terima untuk relawan")
    receipt.add_argument("--volunteer-id", required=True)
    receipt.add_argument("-o", dest="output", required=True)

    devices = sub.add_parser("approve-device", help="(cabang) setujui laptop baru relawan")
    devices.add_argument("bundle", help="bundel yang ditolak karena laptop berbeda")
    devices.add_argument("--fingerprint", help="kode pencocokan laptop, sudah dicocokkan dengan relawan "
                         "(mis. \"1FD5 57DE 6EF5 8ECA\"): laptop lain tidak disetujui")

    identity = sub.add_parser("export-identity", help="(cabang) tulis identitas age kantor "
                              "cabang untuk alat age standar")
    identity.add_argument("-o", dest="output", required=True)


def _role_service(session):
    if session.role == "branch":
        from desa_peduli.services.branch import BranchService

        return BranchService(session)
    from desa_peduli.services.field import FieldSync

    return FieldSync(session)


def cmd_enrol(args) -> int:
    from desa_peduli.services.branch import BranchService

    if in_server_folder(args):
        with open_server_session(args) as server:
            print(server.enrol(volunteer_id=args.volunteer_id, name=args.name,
                               villages=args.village, target=Path(args.output)))
        return EXIT_OK
    with open_session(args) as session:
        path = BranchService(session).enrol(volunteer_id=args.volunteer_id, name=args.name,
                                            villages=args.village, target=Path(args.output))
    print(path)
    return EXIT_OK


def cmd_fingerprint(args) -> int:
    with open_session(args) as session:
        print(_role_service(session).fingerprint())
    return EXIT_OK


def cmd_export(args) -> int:
    from desa_peduli.services.field import FieldSync

    with open_session(args) as session:
        result = FieldSync(session).export(Path(args.output), everything=args.all)
    if result.path is None:
        say(args, "Tidak ada perubahan baru untuk dikirim; tidak ada berkas ditulis.",
            "Nothing new to send; no file was written.")
        return EXIT_OK
    if args.json:
        print(json.dumps({"path": str(result.path), "manifest": result.manifest}))
    else:
        print(result.path)
    return EXIT_OK


def cmd_import(args) -> int:
    """Each file gets its own verdict: a refused (or broken) one never stops the next."""
    from desa_peduli.services import backups
    from desa_peduli.services.branch import DEVICE_REFUSALS
    from desa_peduli.services.session import known_error

    if args.workers < 1:
        raise UsageError("--workers: minimal 1")
    if in_server_folder(args):
        return _import_on_server(args)
    if args.workers != 1:
        raise UsageError("--workers hanya untuk kantor cabang di server")
    reports: list[dict] = []
    code = EXIT_OK
    with open_session(args) as session:
        service = _role_service(session)
        backed_up: list[object] = []  # the backup made before the first merge

        def backup_once() -> None:  # before the first bundle that will be merged
            if not backed_up:
                backed_up.append(backups.make(session, reason="pre-import"))

        try:
            for index, name in enumerate(args.files):
                try:
                    if session.role == "branch":
                        report = service.import_bundle(
                            Path(name), before_merge=backup_once,
                            upcoming=[Path(f) for f in args.files[index + 1:]]).to_dict()
                    else:
                        report = service.import_receipt(Path(name)).to_dict()
                    report["status"] = "applied"
                except WorkspaceError:
                    _print_reports(args, reports)  # the verdicts so far, then stop
                    raise
                except Exception as exc:  # one file's fault, not the batch's
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


def _import_on_server(args) -> int:
    """``import`` in a server folder: each file one transaction on the server, with
    ``--workers`` files at once; the verdicts in the order of the files. A file the
    server could not finish (connection lost) is exit 3, after every verdict."""
    reports: list[dict] = []
    code = EXIT_OK
    lost: WorkspaceError | None = None
    with open_server_session(args) as server:
        for path, result in server.import_bundles([Path(n) for n in args.files],
                                                  workers=args.workers):
            if isinstance(result, WorkspaceError):
                lost = lost or result
                report = _refused_report(args, path, result)
            elif isinstance(result, Exception):
                code = EXIT_INPUT
                report = _refused_report(args, path, result)
            else:
                report = result.to_dict()
            reports.append(report)
            if report["status"] != "applied":
                print(report["message"], file=sys.stderr)
            elif not args.json:
                print(_import_line(args, report))
    _print_reports(args, reports)
    if lost is not None:
        return lost.exit_code
    return code


def _note_awaiting_laptop(args, session, path: Path, report: dict) -> None:
    """Queue the refused bundle's laptop for approval, as the window's import does."""
    from desa_peduli.services.review import ReviewService

    volunteer_id = ReviewService(session).note_refused_device(path)
    report["awaiting_approval"] = volunteer_id is not None
    shown = report.get("device_fingerprint")
    if volunteer_id is not None:
        say(args, f"Laptop {report.get('device_fingerprint')} menunggu persetujuan untuk "
            f"relawan {volunteer_id}: cocokkan kode pencocokannya dengan relawan, lalu "
            f"`desa-peduli approve-device {path.name} --fingerprint \"{shown}\"` dan "
            "impor bundel itu lagi.",
            f"Laptop {report.get('device_fingerprint')} awaits approval for volunteer "
            f"{volunteer_id}: compare its matching code with the volunteer, then "
            f"`desa-peduli approve-device {path.name} --fingerprint \"{shown}\"` and "
            "import the bundle again.")


def _refused_report(args, path: Path, exc: Exception) -> dict:
    """The verdict on a file that was not applied (its transaction rolled back)."""
    if isinstance(exc, DesaPeduliError):
        report = {"file": path.name, "status": "rejected",
                  "reason": getattr(exc, "reason", "rejected"),
                  "message": exc.message(language(args))}
        device_fingerprint = getattr(exc, "device_fingerprint", None)
        if device_fingerprint:
            report["device_fingerprint"] = device_fingerprint
        return report
    # a bug: this file is not applied, the next ones still get their turn
    from desa_peduli import logs

    logs.log_exception((type(exc), exc, exc.__traceback__), f"importing {path.name} failed")
    message = (f"{path.name}: unexpected error ({type(exc).__name__}); nothing was changed "
               "for this file. Please report it." if language(args) == "en" else
               f"{path.name}: kesalahan tak terduga ({type(exc).__name__}); tidak ada yang "
               "diubah untuk berkas ini. Mohon laporkan.")
    return {"file": path.name, "status": "rejected", "reason": "error", "message": message}


def _print_reports(args, reports: list[dict]) -> None:
    if args.json and reports:
        print(json.dumps(reports if len(args.files) > 1 else reports[0], ensure_ascii=False))


def _import_line(args, report: dict) -> str:
    if "new" in report:
        if language(args) == "en":
            return (f"{report['file']}: {report['new']} new, {report['updated']} updated, "
                    f"{report['unchanged']} unchanged, {report['duplicates']} duplicates, "
                    f"{len(report['rejected'])} rejected")
        return (f"{report['file']}: {report['new']} baru, {report['updated']} diperbarui, "
                f"{report['unchanged']} tidak berubah, {report['duplicates']} duplikat, "
                f"{len(report['rejected'])} ditolak")
    extra = ""
    if report.get("reference"):
        extra = (f"; reference data updated: {', '.join(report['reference'])}"
                 if language(args) == "en" else
                 f"; data acuan diperbarui: {', '.join(report['reference'])}")
    if language(args) == "en":
        return f"{report['file']}: {report['updated']} registrations updated{extra}"
    return f"{report['file']}: {report['updated']} pendaftaran diperbarui{extra}"


def cmd_receipt(args) -> int:
    from desa_peduli.services.branch import BranchService

    with open_session(args) as session:
        print(BranchService(session).receipt(args.volunteer_id, Path(args.output)))
    return EXIT_OK


def cmd_approve_device(args) -> int:
    from desa_peduli.services.branch import BranchService

    with open_session(args) as session:
        print(BranchService(session).approve_device(
            Path(args.bundle), shown=_fingerprint_arg(args.fingerprint)))
    return EXIT_OK


def _fingerprint_arg(text: str | None) -> str | None:
    """A fingerprint as typed (any case and spacing) in the form the program shows."""
    if text is None:
        return None
    digits = "".join(text.split()).upper()
    return " ".join(digits[i:i + 4] for i in range(0, len(digits), 4))


def cmd_export_identity(args) -> int:
    from desa_peduli.services.branch import BranchService

    with open_session(args) as session:
        print(BranchService(session).export_identity(Path(args.output)))
    return EXIT_OK


COMMANDS = {
    "enrol": cmd_enrol,
    "fingerprint": cmd_fingerprint,
    "export": cmd_export,
    "import": cmd_import,
    "receipt": cmd_receipt,
    "approve-device": cmd_approve_device,
    "export-identity": cmd_export_identity,
}
