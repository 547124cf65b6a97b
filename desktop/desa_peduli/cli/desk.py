"""Branch commands for the hand-over desk: ``handover``, ``import-kpj``, ``breach-report``.

``handover`` writes the XLSX or CSV the core system takes in, with the saved column
mapping (or ``--columns``) and the list's filters, in the ``--lang`` language, one file or
one per kabupaten or funder (``--split``), each with its summary; ``import-kpj FILE``
applies the core system's results (new or existing KPJ numbers, refusals sent back as
corrections), reporting each result and the rows it could not use;
``breach-report`` lists whose data a lost laptop or USB stick could hold.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from desa_peduli.cli.common import UsageError, language, open_session, require_role, say
from desa_peduli.errors import EXIT_INPUT, EXIT_OK


def register(sub) -> None:
    handover = sub.add_parser(
        "handover", help="(cabang) berkas serah terima ke sistem inti BPJS (xlsx/csv)")
    handover.add_argument("--format", choices=("xlsx", "csv"), default=None,
                          help="default: dari akhiran berkas, atau xlsx")
    handover.add_argument("-o", dest="output", help="berkas atau folder tujuan")
    handover.add_argument("--state", default="accepted",
                          help="status cabang (default accepted; 'all' untuk semua)")
    handover.add_argument("--volunteer-id")
    handover.add_argument("--village", help="kode desa, atau awalan kecamatan/kabupaten "
                          "(mis. 15.04.05)")
    handover.add_argument("--search", default="", help="nama atau awal NIK")
    handover.add_argument("--limit", type=int, default=None,
                          help="paling banyak sekian pendaftaran (yang paling dulu diterima)")
    handover.add_argument("--columns", help="kolom dan judulnya, berurutan: "
                          "nik:NIK,full_name:NAMA,phone (default: pemetaan tersimpan; "
                          "kolom tanpa judul memakai nama dalam bahasa --lang)")
    handover.add_argument("--date-format", default=None,
                          help="tanggal di CSV (dan tampilan tanggal di XLSX): DD-MM-YYYY "
                          "(default), DD/MM/YYYY, YYYY-MM-DD, ...")
    handover.add_argument("--split", choices=("kabupaten", "funder"), default=None,
                          help="satu berkas per kabupaten atau per pendana")
    handover.add_argument("--save-columns", action="store_true",
                          help="simpan --columns sebagai pemetaan default")
    handover.add_argument("--reset-columns", action="store_true",
                          help="kembalikan pemetaan default bawaan")
    handover.add_argument("--show-columns", action="store_true",
                          help="tampilkan pemetaan kolom (tanpa menulis berkas)")
    handover.add_argument("--json", action="store_true")

    kpj = sub.add_parser("import-kpj", help="(cabang) impor nomor KPJ dari sistem inti "
                         "(CSV/XLSX berisi NIK dan KPJ)")
    kpj.add_argument("file")
    kpj.add_argument("--nik-column", help="judul, huruf (B) atau nomor kolom NIK")
    kpj.add_argument("--kpj-column", help="judul, huruf atau nomor kolom KPJ")
    kpj.add_argument("--result-column", help="kolom hasil: registered, already_participant, "
                     "dukcapil_mismatch, rejected (default: kolom berjudul Hasil/Result/Status "
                     "bila ada; 'none' = tanpa kolom hasil, semua registered)")
    kpj.add_argument("--reason-column", help="kolom alasan penolakan (default: kolom berjudul "
                     "Alasan/Reason/Keterangan bila ada; 'none' = tanpa)")
    kpj.add_argument("--header-row", type=int, default=None,
                     help="baris judul (1 = baris pertama, 0 = tanpa judul; default: dikenali)")
    kpj.add_argument("--dry-run", action="store_true", help="hanya periksa; tidak ada yang diubah")
    kpj.add_argument("--json", action="store_true")

    breach = sub.add_parser("breach-report", help="(cabang) daftar orang yang datanya ada di "
                            "laptop atau flashdisk yang hilang (UU 27/2022)")
    scope = breach.add_mutually_exclusive_group(required=True)
    scope.add_argument("--volunteer-id", help="laptop relawan ini")
    scope.add_argument("--bundle", action="append", help="berkas bundel, ID bundel atau nama "
                       "berkasnya di riwayat impor (boleh berulang)")
    breach.add_argument("--device", help="kode pencocokan laptop lama (default: laptop sekarang)")
    breach.add_argument("-o", dest="output", required=True, help="berkas atau folder tujuan")
    breach.add_argument("--format", choices=("xlsx", "csv"), default=None)
    breach.add_argument("--full-nik", action="store_true",
                        help="NIK lengkap (default: disamarkan); berkasnya sangat rahasia")
    breach.add_argument("--discovered-at", help="kapan kehilangan diketahui, mis. "
                        "2026-11-28T08:00 (untuk batas 3×24 jam)")
    breach.add_argument("--json", action="store_true")


# ------------------------------------------------------------------------------ handover
def cmd_handover(args) -> int:
    from desa_peduli.services import handover

    if not args.output and not (args.show_columns or args.save_columns or args.reset_columns):
        raise UsageError("-o wajib diisi (berkas atau folder tujuan)")
    if args.save_columns and not args.columns:
        raise UsageError("--save-columns perlu --columns")
    state = None if args.state in ("all", "") else args.state
    filters = handover.HandoverFilter(branch_state=state, volunteer_id=args.volunteer_id,
                                      village_prefix=args.village, text=args.search or "")
    with open_session(args) as session:
        require_role(session, "branch")
        settings = session.settings
        columns = (handover.parse_column_spec(args.columns) if args.columns
                   else handover.default_columns() if args.reset_columns
                   else handover.load_columns(settings))
        result = None
        if args.output:  # first the file: a refused export changes no setting either
            result = handover.export(session, Path(args.output), fmt=args.format,
                                     columns=columns, filters=filters, limit=args.limit,
                                     lang=language(args), date_format=args.date_format,
                                     split=args.split)
        if args.reset_columns:
            with session.atomic():
                handover.reset_columns(settings)
        if args.save_columns:
            with session.atomic():
                handover.save_columns(settings, columns)
        if result is None:
            _show_columns(args, handover.load_columns(settings) if not args.columns
                          else columns)
            return EXIT_OK
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        for written in result.files:
            print(written.path)
        if result.summary_path:
            print(result.summary_path)
        if result.split:
            say(args, f"{result.rows} pendaftaran ditulis ke {len(result.files)} berkas.",
                f"{result.rows} registrations written to {len(result.files)} files.")
        else:
            say(args, f"{result.rows} pendaftaran ditulis.", f"{result.rows} registrations "
                "written.")
    return EXIT_OK


def _show_columns(args, columns) -> None:
    if args.json:
        print(json.dumps([c.to_dict() for c in columns], ensure_ascii=False))
        return
    for column in columns:
        mark = "x" if column.enabled else " "
        print(f"[{mark}] {column.field}\t{column.title(language(args))}")


# ------------------------------------------------------------------------------ KPJ
def cmd_import_kpj(args) -> int:
    from desa_peduli.services import kpj_import
    from desa_peduli.services.breach import mask_nik

    if args.header_row is not None and args.header_row < 0:
        raise UsageError("--header-row harus 0 atau lebih")
    with open_session(args) as session:
        require_role(session, "branch")
        report = kpj_import.import_kpj(
            session, Path(args.file), nik_column=args.nik_column, kpj_column=args.kpj_column,
            header_row=args.header_row, result_column=args.result_column,
            reason_column=args.reason_column, apply=not args.dry_run)
    lang = language(args)
    # no row could be used: the file is refused as a whole (nothing changed, exit 1)
    code = EXIT_INPUT if report.unmatched and not (
        report.registered or report.corrections or report.unchanged) else EXIT_OK
    for item in report.unmatched:  # NIKs masked: this may end up in a log
        if lang == "en":
            line = f"{report.file}: row {item.row}: {item.message('en')} (NIK {mask_nik(item.nik)})"
        else:
            line = (f"{report.file}: baris {item.row}: {item.message('id')} "
                    f"(NIK {mask_nik(item.nik)})")
        print(line, file=sys.stderr)
    if args.json:
        data = report.to_dict()
        for item in data["unmatched"]:  # personal data: masked, as on stderr
            item["nik"] = mask_nik(item["nik"])
            item["kpj"] = kpj_import.mask_kpj(item["kpj"])
        print(json.dumps(data, ensure_ascii=False))
        return code
    if report.result_column:  # a line per result
        for result, count in report.results.items():
            label_id, label_en = kpj_import.RESULT_LABELS[result]
            say(args, f"{report.file}: {result}: {count} {label_id}"
                + (" (uji saja, tidak ada yang diubah)" if args.dry_run else ""),
                f"{report.file}: {result}: {count} {label_en}"
                + (" (check only, nothing changed)" if args.dry_run else ""), err=False)
    verb_id = "akan ditandai" if args.dry_run else "ditandai"
    verb_en = "would be marked" if args.dry_run else "marked"
    say(args, f"{report.file}: {report.registered} {verb_id} Terdaftar di BPJS, "
        f"{report.unchanged} sudah Terdaftar di BPJS, {len(report.unmatched)} baris tidak dipakai"
        + (" (lihat di atas)." if report.unmatched else "."),
        f"{report.file}: {report.registered} {verb_en} registered, {report.unchanged} already "
        f"registered, {len(report.unmatched)} rows not used"
        + (" (see above)." if report.unmatched else "."), err=False)
    return code


# ------------------------------------------------------------------------------ breach
def _when(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        when = dt.datetime.fromisoformat(text.strip().replace(" ", "T", 1))
    except ValueError as exc:
        raise UsageError(f"--discovered-at tidak dikenali: {text!s:.40} "
                         "(contoh 2026-11-28T08:00)") from exc
    return when if when.tzinfo else when.astimezone()


def cmd_breach_report(args) -> int:
    from desa_peduli.services import breach
    from desa_peduli.services.branch import BranchService

    discovered = _when(args.discovered_at)
    if args.device and not args.volunteer_id:
        raise UsageError("--device hanya bersama --volunteer-id")
    with open_session(args) as session:
        service = BranchService(session)
        if args.volunteer_id:
            scope = breach.device_scope(session, args.volunteer_id, args.device)
        else:
            scope = breach.bundle_scope(session, args.bundle, identity=service.keys()[1])
        report = breach.write_report(
            session, scope, Path(args.output), fmt=args.format, full_nik=args.full_nik,
            discovered_at=discovered, lang=language(args), branch_name=service.name,
            actor=session.actor)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(report.path)
        if report.summary_path:
            print(report.summary_path)
        facts = report.summary
        deadline_id = f"; beri tahu paling lambat {facts['notify_by']}" if facts["notify_by"] else ""
        deadline_en = f"; notify by {facts['notify_by']}" if facts["notify_by"] else ""
        say(args, f"{facts['people']} orang ({facts['possibly_purged']} mungkin sudah dihapus "
            f"relawan){deadline_id}.", f"{facts['people']} people ({facts['possibly_purged']} "
            f"possibly purged by the volunteer){deadline_en}.")
    if args.full_nik:
        say(args, "Berkas ini memuat NIK lengkap: simpan terenkripsi dan hapus setelah dipakai.",
            "This file holds full NIKs: keep it encrypted and delete it after use.")
    return EXIT_OK


COMMANDS = {"handover": cmd_handover, "import-kpj": cmd_import_kpj,
            "breach-report": cmd_breach_report}
