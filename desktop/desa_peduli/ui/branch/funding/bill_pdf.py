"""A funded batch's monthly bill as a PDF a funder's finance office can file (Qt draws it).

Page 1: the branch, the funder, the batch and its decree or agreement, the month, the
rules used (band, PP 50/2025 relief and the reading behind it, the rate table version),
the people and amount per kabupaten/kota and the total, and a place to sign. Then the
people, one line each. Drawn with the coverage report's page helper; the words come from
``services.batches`` in the language asked for (the CSV and XLSX use the same ones).
"""

from __future__ import annotations

from pathlib import Path

from desa_peduli.services.batches import Bill, header_facts
from desa_peduli.ui.branch.dashboard.charts import format_int
from desa_peduli.ui.branch.dashboard.report_pdf import (
    ACCENT,
    GREY,
    PdfDocument,
    _mm,
)


def write_bill_pdf(bill: Bill, target: Path, *, lang: str = "id") -> int:
    """Write ``bill`` to ``target`` (atomically); returns the number of pages."""
    def w(id_text: str, en_text: str) -> str:
        return en_text if lang == "en" else id_text

    title = w("Tagihan iuran JKK+JKM", "JKK+JKM contribution bill")
    doc = PdfDocument(f"{title} — {bill.batch_name} — {bill.month}",
                      f"Desa Peduli · {bill.branch_name} · {bill.batch_name} · "
                      f"{bill.month} · {bill.issued_at[:16].replace('T', ' ')}")
    doc.text(w("BPJS Ketenagakerjaan · peserta bukan penerima upah (BPU)",
               "BPJS Ketenagakerjaan · informal workers (BPU)"), 9, colour=GREY)
    doc.text(f"{title}: {bill.month}", 17, bold=True, colour=ACCENT, space_after=_mm(1))
    doc.text(bill.branch_name, 10, space_after=_mm(3))
    doc.table([w("Keterangan", "Item"), w("Isi", "Value")],
              [[label, str(value)] for _key, label, value in header_facts(bill, lang)],
              [1.2, 3], left=frozenset({0, 1}))
    doc.heading(w("Per kabupaten/kota", "Per kabupaten/kota"))
    rows = [[f"{r.code} {r.name}".strip(), format_int(r.people, lang), format_int(r.amount, lang)]
            for r in bill.regencies]
    rows.append([w("Jumlah", "Total"), format_int(bill.people, lang), format_int(bill.total, lang)])
    doc.table([w("Kabupaten/kota", "Kabupaten/kota"), w("Orang", "People"),
               w("Iuran (Rp)", "Amount (Rp)")], rows, [4, 1.2, 1.6],
              bold_rows=frozenset({len(rows) - 1}))
    doc.text(w(f"Jumlah yang ditagihkan untuk {bill.month}: Rp{format_int(bill.total, lang)} "
               f"untuk {format_int(bill.people, lang)} orang.",
               f"Amount due for {bill.month}: Rp{format_int(bill.total, lang)} for "
               f"{format_int(bill.people, lang)} people."), 10, bold=True, space_after=_mm(8))
    doc.text(w("Mengetahui,\n\n\n\n(.................................)\nKantor Cabang",
               "Acknowledged,\n\n\n\n(.................................)\nBranch office"), 9,
             space_after=_mm(4))
    doc.heading(w("Daftar peserta yang ditanggung", "People covered"))
    doc.table(["No", "NIK", w("Nama", "Name"), w("Kode desa", "Village"),
               w("Kabupaten/kota", "Kabupaten/kota"), "JKK", "JKM", w("Iuran", "Amount")],
              [[str(n), line.nik, line.full_name, line.village_code, line.regency_name,
                format_int(line.jkk, lang), format_int(line.jkm, lang),
                format_int(line.amount, lang)] for n, line in enumerate(bill.lines, 1)]
              or [["", "", w("(tidak ada)", "(none)"), "", "", "", "", ""]],
              [0.5, 2, 3, 1.8, 2.4, 1, 1, 1.2], left=frozenset({1, 2, 3, 4}), size=7)
    return doc.save(target)
