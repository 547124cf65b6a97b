"""Branch commands for funded batches: ``batch create|add|list|show|bill|reading``.

``batch create`` makes a funder's batch (its id on the last line of the output);
``batch add BATCH`` adds registrations from a file of ids, a village or a volunteer,
checked against the funder's rules (refused ones are listed on stderr, and nothing is
added unless ``--skip-refused``); ``batch bill`` writes a month's bill (XLSX, CSV or PDF)
as first issued; ``batch reading`` shows or sets whether a village budget counts as APBD.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desa_peduli.cli.common import (
    UsageError,
    language,
    open_session,
    qt_application,
    require_role,
    say,
)
from desa_peduli.errors import EXIT_INPUT, EXIT_OK


def register(sub) -> None:
    batch = sub.add_parser("batch", help="(cabang) batch pembiayaan: peserta yang iurannya "
                           "dibayar pendana (DUMISAKE, DBH Sawit, dana desa, CSR) dan tagihannya")
    cmds = batch.add_subparsers(dest="batch_command", metavar="create|add|list|show|bill|reading",
                                required=True)

    create = cmds.add_parser("create", help="buat batch baru; ID-nya di baris terakhir")
    create.add_argument("--funder", required=True, help="kode pendana, mis. dumisake")
    create.add_argument("--name", required=True, help='mis. "DUMISAKE 2027 Tahap 1"')
    create.add_argument("--reference", required=True, help="nomor SK atau perjanjian")
    create.add_argument("--from", dest="first", required=True, metavar="YYYY-MM",
                        help="bulan pertama masa tanggungan")
    create.add_argument("--to", dest="last", required=True, metavar="YYYY-MM",
                        help="bulan terakhir masa tanggungan")
    create.add_argument("--quota", type=int, default=None, help="paling banyak sekian orang")
    create.add_argument("--budget-year", type=int, default=None,
                        help="tahun anggaran (default: tahun bulan pertama)")
    create.add_argument("--json", action="store_true")

    add = cmds.add_parser("add", help="tambahkan pendaftaran ke batch (diperiksa terhadap "
                          "aturan pendana)")
    add.add_argument("batch", metavar="BATCH")
    which = add.add_mutually_exclusive_group(required=True)
    which.add_argument("--ids", metavar="FILE", help="berkas berisi ID pendaftaran, satu per baris")
    which.add_argument("--village", metavar="CODE", help="kode desa (atau awalan kecamatan/"
                       "kabupaten)")
    which.add_argument("--volunteer-id", metavar="ID", help="pendaftaran relawan ini")
    add.add_argument("--from", dest="first", metavar="YYYY-MM",
                     help="ditanggung mulai bulan ini (default: bulan pertama batch)")
    add.add_argument("--move", action="store_true",
                     help="pindahkan yang sudah ditanggung batch lain pada bulan-bulan itu")
    add.add_argument("--skip-refused", action="store_true",
                     help="tambahkan yang lolos meski ada yang ditolak")
    add.add_argument("--json", action="store_true")

    listing = cmds.add_parser("list", help="semua batch")
    listing.add_argument("--json", action="store_true")

    show = cmds.add_parser("show", help="rincian batch dan pesertanya (--json: dengan riwayat "
                           "tambah/pindah tiap peserta)")
    show.add_argument("batch", metavar="BATCH")
    show.add_argument("--month", metavar="YYYY-MM", help="hanya yang ditanggung bulan ini")
    show.add_argument("--json", action="store_true")

    bill = cmds.add_parser("bill", help="tagihan satu bulan (xlsx, csv atau pdf)")
    bill.add_argument("batch", metavar="BATCH")
    bill.add_argument("--month", required=True, metavar="YYYY-MM")
    bill.add_argument("--format", choices=("xlsx", "csv", "pdf"), required=True)
    bill.add_argument("-o", dest="output", required=True, help="folder (atau berkas) tujuan")
    bill.add_argument("--reissue", action="store_true",
                      help="hitung ulang dari peserta dan aturan hari ini (default: tagihan "
                      "seperti pertama diterbitkan)")
    bill.add_argument("--json", action="store_true")

    reading = cmds.add_parser("reading", help="apakah APBDes (dana desa) dihitung APBD untuk "
                              "PP 50/2025")
    reading.add_argument("--village-budget-is-apbd", choices=("yes", "no"),
                         help="ya (default, tafsiran ketat: tanpa keringanan) atau tidak")
    reading.add_argument("--note", help="sumber atau alasan tafsiran (wajib bila mengubah)")
    reading.add_argument("--json", action="store_true")


def cmd_batch(args) -> int:
    handler = {"create": _create, "add": _add, "list": _list, "show": _show, "bill": _bill,
               "reading": _reading}[args.batch_command]
    with open_session(args) as session:
        require_role(session, "branch")
        return handler(args, session)


def _create(args, session) -> int:
    from desa_peduli.services import batches

    batch = batches.create(session, funder=args.funder, name=args.name,
                           reference_text=args.reference, first_month=args.first,
                           last_month=args.last, quota=args.quota, budget_year=args.budget_year)
    if args.json:
        print(json.dumps(batches.BatchSummary(batch, 0).to_dict(), ensure_ascii=False))
    else:
        say(args, f"Batch dibuat: {batch.name} ({batch.funder}, {batch.first_month}.."
            f"{batch.last_month}).", f"Batch created: {batch.name} ({batch.funder}, "
            f"{batch.first_month}..{batch.last_month}).", err=False)
    print(batch.id)
    return EXIT_OK


def _add(args, session) -> int:
    from desa_peduli.services import batches

    ids = batches.read_ids(Path(args.ids)) if args.ids else None
    result = batches.add(session, args.batch, ids=ids, village=args.village,
                         volunteer_id=args.volunteer_id, first_month=args.first,
                         move=args.move, skip_refused=args.skip_refused)
    lang = language(args)
    for reg_id in result.not_found:
        say(args, f"{reg_id}: pendaftaran tidak ditemukan", f"{reg_id}: registration not found")
    for refusal in result.refused:
        print(f"{refusal.registration_id}: {refusal.message(lang)}", file=sys.stderr)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    elif result.applied:
        moved = f", {len(result.moved)} dipindahkan dari batch lain" if result.moved else ""
        moved_en = f", {len(result.moved)} moved from another batch" if result.moved else ""
        say(args, f"Batch {result.batch_id}: {len(result.added)} pendaftaran ditambahkan{moved}"
            f", {len(result.refused)} ditolak.", f"Batch {result.batch_id}: "
            f"{len(result.added)} registrations added{moved_en}, {len(result.refused)} "
            "refused.", err=False)
    else:
        say(args, f"Batch {result.batch_id}: {len(result.refused) + len(result.not_found)} "
            "pendaftaran ditolak (lihat di atas); tidak ada yang ditambahkan. Pakai "
            "--skip-refused untuk menambahkan yang lolos saja.",
            f"Batch {result.batch_id}: {len(result.refused) + len(result.not_found)} "
            "registrations refused (see above); nothing was added. Use --skip-refused to add "
            "the others.")
    return EXIT_OK if result.applied and (result.added or not result.refused) else EXIT_INPUT


def _list(args, session) -> int:
    from desa_peduli.services import batches

    items = batches.list_batches(session)
    if args.json:
        print(json.dumps([i.to_dict() for i in items], ensure_ascii=False))
        return EXIT_OK
    for item in items:
        b = item.batch
        quota = f"/{b.quota}" if b.quota else ""
        print(f"{b.id}\t{b.funder}\t{b.first_month}..{b.last_month}\t{item.members}{quota}\t"
              f"{b.name}")
    if not items:
        say(args, "Belum ada batch.", "No batches yet.")
    return EXIT_OK


def _show(args, session) -> int:
    from desa_peduli.services import batches

    batch = batches.get(session, args.batch)
    month = batches.month_arg(args.month) if args.month else None
    rows = batches.members(session, batch.id, month)
    summary = batches.BatchSummary(batch, len(batches.members(session, batch.id)))
    if args.json:
        data = summary.to_dict()
        data["members_list"] = [{"id": r.registration_id, "nik": r.nik, "name": r.full_name,
                                 "village_code": r.village_code, "from": r.first_month,
                                 "to": r.last_month, "added_at": r.added_at,
                                 "added_by": r.added_by,
                                 "history": batches.history(session, r.registration_id)}
                                for r in rows]
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    rules = batch.rules
    window = (f"{rules.min_age or '…'}–{rules.max_age or '…'}"
              if rules.min_age is not None or rules.max_age is not None else "-")
    for label_id, label_en, value in (
            ("Batch", "Batch", f"{batch.id} {batch.name}"),
            ("Pendana", "Funder", f"{batch.funder} ({rules.label(language(args))})"),
            ("Dasar", "Reference", batch.reference),
            ("Tahun anggaran", "Budget year", batch.budget_year),
            ("Masa tanggungan", "Cover period", f"{batch.first_month}..{batch.last_month}"),
            ("Kuota", "Quota", batch.quota or "-"),
            ("Batas umur", "Age window", window),
            ("Peserta", "Members", summary.members)):
        print(f"{label_en if language(args) == 'en' else label_id}: {value}")
    for r in rows:
        print(f"{r.registration_id}\t{r.village_code}\t{r.first_month}..{r.last_month}\t"
              f"{r.full_name}")
    return EXIT_OK


def _bill(args, session) -> int:
    from desa_peduli.services import batches

    lang = language(args)
    bill = batches.bill(session, args.batch, args.month, reissue=args.reissue)
    target = batches.resolve_target(args.output, bill, args.format)
    if args.format == "csv":
        batches.write_csv_bill(bill, target, lang)
    elif args.format == "xlsx":
        batches.write_xlsx_bill(bill, target, lang)
    else:
        qt_application(lang)
        from desa_peduli.ui.branch.funding.bill_pdf import write_bill_pdf

        write_bill_pdf(bill, target, lang=lang)
    if bill.stale:
        say(args, f"Catatan: peserta batch untuk {bill.month} berubah sejak tagihan ini "
            f"diterbitkan ({bill.issued_at}); --reissue untuk menghitung ulang.",
            f"Note: the batch's members for {bill.month} changed since this bill was issued "
            f"({bill.issued_at}); --reissue to price it again.")
    if args.json:
        print(json.dumps({"path": str(target), "format": args.format, **bill.summary()},
                         ensure_ascii=False))
    else:
        print(target)
    return EXIT_OK


def _reading(args, session) -> int:
    from desa_peduli.services import batches, reference_data

    if args.village_budget_is_apbd is not None:
        if not args.note:
            raise UsageError("--note wajib bersama --village-budget-is-apbd")
        reading = reference_data.set_relief_reading(
            session, args.village_budget_is_apbd == "yes", args.note)
    elif args.note:
        raise UsageError("--note hanya bersama --village-budget-is-apbd")
    else:
        reading = batches.relief_reading(session)
    if args.json:
        print(json.dumps(reading.to_dict(), ensure_ascii=False))
    else:
        print(reading.label(language(args)))
        print(reading.note)
    return EXIT_OK


COMMANDS = {"batch": cmd_batch}
