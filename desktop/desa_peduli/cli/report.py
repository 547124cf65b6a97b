"""Branch commands for coverage: ``report`` (CSV, XLSX or PDF) and ``coverage-targets``.

``report --format csv|xlsx|pdf -o PATH`` writes coverage per kabupaten/kota, kecamatan and
desa against potential workers and the target (``--level`` stops at kabupaten or
kecamatan; the PDF stops at kecamatan unless asked). ``coverage-targets`` lists the
potential-worker figures and targets; ``--import FILE`` (CSV or XLSX) replaces them for
the regions it names, all rows or none.
"""

from __future__ import annotations

import json
from pathlib import Path

from desa_peduli.cli.common import (
    UsageError,
    language,
    open_session,
    qt_application,
    require_role,
    say,
)
from desa_peduli.errors import EXIT_OK


def register(sub) -> None:
    report = sub.add_parser("report", help="(cabang) laporan cakupan per kabupaten/kota, "
                            "kecamatan dan desa terhadap pekerja potensial dan target")
    report.add_argument("--format", choices=("csv", "xlsx", "pdf"),
                        help="jenis berkas (default: dari akhiran -o)")
    report.add_argument("-o", dest="output", required=True, help="berkas atau folder tujuan")
    report.add_argument("--level", choices=("kabupaten", "kecamatan", "desa"),
                        help="rincian sampai tingkat ini (default: desa; PDF: kecamatan)")
    report.add_argument("--json", action="store_true")

    targets = sub.add_parser("coverage-targets", help="(cabang) angka pekerja potensial, "
                             "peserta aktif dan target per wilayah")
    targets.add_argument("--import", dest="import_file", metavar="FILE",
                         help="impor dari CSV/XLSX (kolom region_code atau area, "
                         "potential_workers, target_percent, active_participants, source)")
    targets.add_argument("--json", action="store_true")


def _coverage(session):
    from desa_peduli.services.coverage import CoverageService

    require_role(session, "branch")
    service = CoverageService(session)
    service.ensure_seeded()
    return service


def cmd_report(args) -> int:
    from desa_peduli.services import coverage_report as reports

    fmt = args.format or reports.format_from(args.output)
    if fmt is None:
        raise UsageError("--format csv|xlsx|pdf wajib (akhiran -o tidak menunjukkan jenisnya)")
    level = args.level or reports.DEFAULT_LEVEL[fmt]
    lang = language(args)
    with open_session(args) as session:
        _coverage(session)
        report = reports.build_report(session, level=level)
        target = reports.resolve_target(args.output, fmt, report.generated_at)
        pages = None
        if fmt == "csv":
            reports.write_csv(report, target, lang)
        elif fmt == "xlsx":
            reports.write_xlsx(report, target, lang)
        else:
            pages = _write_pdf(report, target, lang)
    if args.json:
        province = report.province
        print(json.dumps({
            "path": str(target), "format": fmt, "level": level, "regions": len(report.regions),
            "registrations": province.total, "registered": province.registered,
            "coverage_percent": None if province.coverage_percent is None
            else round(province.coverage_percent, 2),
            "target_percent": province.target_percent, "pages": pages,
            "generated_at": report.generated_at.isoformat(timespec="seconds"),
        }, ensure_ascii=False))
    else:
        print(target)
    return EXIT_OK


def _write_pdf(report, target: Path, lang: str) -> int:
    """Qt draws the PDF: a QApplication is made here (offscreen) unless one runs."""
    qt_application(lang)
    from desa_peduli.ui.branch.dashboard.report_pdf import write_pdf

    return write_pdf(report, target, lang=lang)


def cmd_coverage_targets(args) -> int:
    with open_session(args) as session:
        service = _coverage(session)
        if args.import_file:
            result = service.import_targets(Path(args.import_file))
            if not args.json:
                say(args, f"{result.file}: angka {len(result.applied)} wilayah disimpan"
                    f"{f', {result.skipped} baris tanpa angka dilewati' if result.skipped else ''}.",
                    f"{result.file}: figures of {len(result.applied)} regions stored"
                    f"{f', {result.skipped} rows without figures skipped' if result.skipped else ''}.",
                    err=False)
        rows = sorted(service.targets().values(), key=lambda t: t.region_code)
        names = {code: region.name for code, region in service.tree.regions.items()}
    if args.json:
        print(json.dumps([{**t.__dict__, "name": names.get(t.region_code)} for t in rows],
                         ensure_ascii=False))
    elif not args.import_file:
        for t in rows:
            figures = [f"{t.region_code:<14}", f"{names.get(t.region_code, '')[:32]:<32}",
                       f"{_num(t.active_participants):>10}", f"{_num(t.potential_workers):>10}",
                       f"{'' if t.target_percent is None else f'{t.target_percent:g}%':>6}"]
            print(" ".join(figures))
        if not rows:
            say(args, "Belum ada angka pekerja potensial.", "No potential-worker figures yet.")
    return EXIT_OK


def _num(value) -> str:
    return "" if value is None else f"{value:,}".replace(",", ".")


COMMANDS = {"report": cmd_report, "coverage-targets": cmd_coverage_targets}
