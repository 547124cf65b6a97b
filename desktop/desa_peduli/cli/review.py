"""Branch commands for the review queue: ``review``, ``resolve-duplicate``, ``accept``.

``review`` lists what needs a person (duplicate NIKs, registrations that failed
validation, NIK warnings, laptops awaiting approval); ``resolve-duplicate PAIR --keep ID``
keeps one registration of a pair and marks the other its duplicate (the volunteer learns
it from the next receipt), ``--fix-nik ID --reason TEXT`` says they are two people and
sends the one typed wrong back to its volunteer as a correction; ``accept
--bundle|--volunteer-id|--village`` accepts every clean registration of that scope in one
recorded batch (``--dry-run`` only counts).
"""

from __future__ import annotations

import json

from desa_peduli.cli.common import language, open_session, say
from desa_peduli.cli.server import add_clerk_option, in_server_folder, open_server_session
from desa_peduli.errors import EXIT_OK

KIND_NAMES = {  # kind → (Indonesian, English)
    "duplicate": ("NIK ganda", "Duplicate NIKs"),
    "invalid": ("Gagal validasi", "Failed validation"),
    "warning": ("Peringatan NIK", "NIK warnings"),
    "device": ("Laptop baru menunggu persetujuan", "New laptops awaiting approval"),
}


def register(sub) -> None:
    review = sub.add_parser("review", help="(cabang) antrean tinjauan: NIK ganda, gagal "
                            "validasi, peringatan NIK, laptop baru")
    review.add_argument("--limit", type=int, default=50,
                        help="butir paling banyak per jenis (default 50)")
    review.add_argument("--json", action="store_true")
    add_clerk_option(review)

    resolve = sub.add_parser("resolve-duplicate", help="(cabang) putuskan pasangan NIK ganda: "
                             "yang dipertahankan tetap, yang lain ditandai duplikat")
    resolve.add_argument("pair", help="nomor pasangan dari `review` (atau ID salah satu "
                         "pendaftarannya)")
    decision = resolve.add_mutually_exclusive_group(required=True)
    decision.add_argument("--keep", help="ID pendaftaran yang dipertahankan")
    decision.add_argument("--fix-nik", metavar="ID",
                          help="dua orang berbeda: ID pendaftaran yang NIK-nya salah ketik; "
                          "kembali ke relawannya sebagai perlu diperbaiki (dengan --reason)")
    resolve.add_argument("--reason", help="alasan untuk relawan (wajib dengan --fix-nik)")
    resolve.add_argument("--json", action="store_true")
    add_clerk_option(resolve)

    accept = sub.add_parser("accept", help="(cabang) terima semua pendaftaran bersih dari satu "
                            "bundel, relawan atau desa")
    scope = accept.add_mutually_exclusive_group(required=True)
    scope.add_argument("--bundle", help="ID bundel atau nama berkasnya")
    scope.add_argument("--volunteer-id")
    scope.add_argument("--village", help="kode desa, mis. 15.04.05.2003")
    accept.add_argument("--dry-run", action="store_true",
                        help="hanya hitung; tidak ada yang diubah")
    accept.add_argument("--json", action="store_true")


def _open(args):
    """The workspace, or in a server folder the clerk's session on the server (``review``
    and ``resolve-duplicate`` are ported there: duplicates only, so far)."""
    return open_server_session(args) if in_server_folder(args) else open_session(args)


def _service(session):
    from desa_peduli.services.review import ReviewService

    if hasattr(session, "resolve_duplicate"):  # a ServerSession: the same methods there
        return session                          # (not imported here: psycopg stays unloaded)
    return ReviewService(session)


def _problems_text(args, item: dict) -> str:
    key = "message_en" if language(args) == "en" else "message"
    return "; ".join(p.get(key) or p.get("message") or p.get("code", "") for p in item["problems"])


def _item_line(args, item: dict) -> str:
    en = language(args) == "en"
    kind = item["kind"]
    if kind == "duplicate":
        return (f"  #{item['pair_id']} NIK {item['nik']}: {item['registration_id']} "
                f"({item['volunteer_id']}, {item['full_name'] or '-'}) ↔ {item['other_id']} "
                f"({item['other_volunteer_id']}, {item['other_name'] or '-'})")
    if kind == "device":
        since = item["since"] or ""
        if item.get("current_fingerprint"):
            what = "new laptop" if en else "laptop baru"
        else:  # no laptop bound yet: this one did not prove the enrolment file
            what = "unconfirmed laptop" if en else "laptop belum disetujui"
        return (f"  {item['volunteer_id']} ({item['full_name']}): "
                + (f"{what} {item['fingerprint']} since {since}" if en else
                   f"{what} {item['fingerprint']} sejak {since}"))
    return (f"  {item['registration_id']} {item['volunteer_id']} NIK {item['nik'] or '-'} "
            f"{item['full_name'] or '-'}: {_problems_text(args, item)}")


def cmd_review(args) -> int:
    with _open(args) as session:
        queue = _service(session).queue(limit=max(1, args.limit))
    if args.json:
        print(json.dumps(queue, ensure_ascii=False))
        return EXIT_OK
    en = language(args) == "en"
    if not queue["total"]:
        say(args, "Antrean tinjauan kosong: tidak ada yang perlu diperiksa.",
            "The review queue is empty: nothing needs a person.", err=False)
        return EXIT_OK
    say(args, f"Antrean tinjauan: {queue['total']} butir.",
        f"Review queue: {queue['total']} items.", err=False)
    for kind, count in queue["counts"].items():
        if not count:
            continue
        print(f"{KIND_NAMES[kind][1 if en else 0]}: {count}")
        for item in queue["items"][kind]:
            print(_item_line(args, item))
        shown = len(queue["items"][kind])
        if shown < count:
            say(args, f"  … dan {count - shown} lagi (pakai --limit atau --json).",
                f"  … and {count - shown} more (use --limit or --json).", err=False)
    if queue["counts"]["duplicate"]:
        say(args, "Putuskan NIK ganda: desa-peduli resolve-duplicate NOMOR --keep ID",
            "Decide a duplicate: desa-peduli resolve-duplicate NUMBER --keep ID", err=False)
    return EXIT_OK


def cmd_resolve_duplicate(args) -> int:
    if args.fix_nik:
        return _send_back_different(args)
    with _open(args) as session:
        service = _service(session)
        pair = args.pair.strip()
        pair_id = int(pair) if pair.isdigit() else service.find_pair(pair, args.keep)
        marked = service.resolve_duplicate(pair_id, args.keep)
    if args.json:
        print(json.dumps({"pair_id": pair_id, "kept": args.keep, "duplicate": marked}))
    else:
        say(args, f"Pasangan #{pair_id}: {args.keep} dipertahankan; {marked} ditandai duplikat "
            "(relawannya diberi tahu di tanda terima berikutnya).",
            f"Pair #{pair_id}: {args.keep} kept; {marked} marked duplicate (its volunteer "
            "is told in the next receipt).", err=False)
    return EXIT_OK


def cmd_accept(args) -> int:
    kind, value = (("bundle", args.bundle) if args.bundle is not None else
                   ("volunteer", args.volunteer_id) if args.volunteer_id is not None else
                   ("village", args.village))
    with open_session(args) as session:
        service = _service(session)
        if args.dry_run:
            result = service.preview_accept(kind, value)
            count = result.accept
        else:
            result = service.accept_clean(kind, value)
            count = result.count
    if args.json:
        print(json.dumps({**result.to_dict(), "clean": count, "dry_run": bool(args.dry_run)},
                         ensure_ascii=False))
        return EXIT_OK
    held, label = result.held, result.scope_label
    waiting_id = (f"{held['duplicate']} NIK ganda, {held['warning']} peringatan NIK, "
                  f"{held['invalid']} gagal validasi")
    waiting_en = (f"{held['duplicate']} duplicate NIKs, {held['warning']} NIK warnings, "
                  f"{held['invalid']} failed validation")
    if args.dry_run:
        say(args, f"{label}: {count} pendaftaran bersih akan diterima; "
            f"tetap di antrean: {waiting_id}. Tidak ada yang diubah (--dry-run).",
            f"{label}: {count} clean registrations would be accepted; "
            f"left in the queue: {waiting_en}. Nothing was changed (--dry-run).", err=False)
    elif count == 0:
        say(args, f"{label}: tidak ada pendaftaran bersih untuk diterima; "
            f"tetap di antrean: {waiting_id}.",
            f"{label}: no clean registration to accept; left in the queue: "
            f"{waiting_en}.", err=False)
    else:
        say(args, f"{label}: {count} pendaftaran diterima (kelompok "
            f"#{result.batch_id}, {result.actor}, {result.at}); tetap di antrean: {waiting_id}.",
            f"{label}: {count} registrations accepted (batch "
            f"#{result.batch_id}, {result.actor}, {result.at}); left in the queue: "
            f"{waiting_en}.", err=False)
    return EXIT_OK


COMMANDS = {"review": cmd_review, "resolve-duplicate": cmd_resolve_duplicate,
            "accept": cmd_accept}


def _send_back_different(args) -> int:
    """Two different people with one NIK: the registration typed wrong goes back."""
    with _open(args) as session:
        service = _service(session)
        pair = args.pair.strip()
        if pair.isdigit():
            pair_id = int(pair)
        elif pair == args.fix_nik:
            pair_id = service.pair_holding(pair)
        else:
            pair_id = service.find_pair(pair, args.fix_nik)
        other = service.send_back_different(pair_id, args.fix_nik, args.reason or "")
    if args.json:
        print(json.dumps({"pair_id": pair_id, "correction": args.fix_nik, "unchanged": other}))
    else:
        say(args, f"Pasangan #{pair_id}: dua orang berbeda. {args.fix_nik} kembali ke "
            "relawannya untuk memperbaiki NIK (di tanda terima berikutnya); "
            f"{other} tetap.",
            f"Pair #{pair_id}: two different people. {args.fix_nik} goes back to its "
            f"volunteer to fix the NIK (in the next receipt); {other} is unchanged.",
            err=False)
    return EXIT_OK
