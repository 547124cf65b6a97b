"""One-page printable quick cards for the first day, per role and language, from the app's own screenshots.

    .venv/bin/python tools/quick_card.py                  # the four cards
    .venv/bin/python tools/quick_card.py --role volunteer --lang id -o /tmp

Writes ``resources/guide/cards/kartu-{relawan,kantor-cabang}.pdf`` (Indonesian) and
``quick-card-{volunteer,branch}.pdf`` (English): A4 portrait, one page, six steps with
the screenshot each step shows, in the order of a first day. The pictures are those of
the guides (``resources/guide/screenshots/{id,en}/``, made by ``tools/screenshots.py``):
run that first when the windows changed, then this. The words follow the guides; change
both together. Drawn with Qt's QPdfWriter (no other dependency); needs no display
(``QT_QPA_PLATFORM=offscreen`` is set when none is given).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "resources" / "guide" / "screenshots"
DEFAULT_OUT = ROOT / "resources" / "guide" / "cards"
ROLES = ("volunteer", "branch")
LANGUAGES = ("id", "en")
FILE_NAMES = {
    ("volunteer", "id"): "kartu-relawan.pdf",
    ("branch", "id"): "kartu-kantor-cabang.pdf",
    ("volunteer", "en"): "quick-card-volunteer.pdf",
    ("branch", "en"): "quick-card-branch.pdf",
}
RESOLUTION = 300  # dots per inch of the page's coordinates
PICTURE_DPI = 150  # the screenshots are scaled to this on paper (small files, sharp print)
MARGIN_MM = 10


@dataclass(frozen=True)
class Step:
    shot: str  # a screenshot's name (tools/screenshots.py SHOTS)
    title: str
    text: str


@dataclass(frozen=True)
class Card:
    title: str
    subtitle: str
    steps: tuple[Step, ...]
    footer: str


CARDS: dict[tuple[str, str], Card] = {
    ("volunteer", "id"): Card(
        "Kartu ringkas relawan: hari pertama",
        "Desa Peduli · pendaftaran peserta BPU BPJS Ketenagakerjaan. Simpan kartu ini di "
        "dekat laptop.",
        (
            Step("passphrase-open", "Buka dan masuk",
                 "Klik dua kali ikon Desa Peduli, ketik kata sandi, tekan Enter. Lupa kata "
                 "sandi? Hubungi kantor cabang: datanya tidak hilang."),
            Step("form-new", "Daftarkan pekerja",
                 "Tekan Pendaftaran baru (Ctrl+N). Ketik NIK dari KTP: tanggal lahir dan "
                 "jenis kelamin terisi sendiri. Tab pindah ke isian berikutnya."),
            Step("form-3-work", "Isi kelima bagian",
                 "Identitas, alamat, pekerjaan & iuran, ahli waris, persetujuan. Ctrl+PgDown "
                 "pindah ke bagian berikutnya. Yang belum diisi tertulis di panel kanan. "
                 "Semua tersimpan sendiri."),
            Step("form-5-consent", "Minta persetujuan",
                 "Bacakan teks persetujuan dengan pelan. Jika pekerja setuju, pilih caranya "
                 "(tanda tangan, lisan dengan saksi, atau formulir kertas) dan centang "
                 "Peserta setuju. Ctrl+S menyimpan dan menutup."),
            Step("export-dialog", "Kirim ke kantor cabang",
                 "Pasang flashdisk, pilih Sinkronisasi → Simpan bundel… (Ctrl+Shift+E), "
                 "pilih flashdisk, tekan Simpan bundel. Bawa flashdisk ke kantor cabang."),
            Step("receipt-applied", "Terapkan tanda terima",
                 "Kantor cabang memberi tanda terima: Sinkronisasi → Impor tanda terima… "
                 "(Ctrl+Shift+R). Buka yang berstatus Perlu diperbaiki, perbaiki, lalu "
                 "kirim lagi."),
        ),
        "Panduan lengkap: tekan F1 · Meninggalkan laptop: Ctrl+L menguncinya · "
        "Tidak ada internet? Tidak apa-apa: semua bekerja tanpa internet.",
    ),
    ("volunteer", "en"): Card(
        "Volunteer quick card: the first day",
        "Desa Peduli · registering BPU participants for BPJS Ketenagakerjaan. Keep this card "
        "by the laptop.",
        (
            Step("passphrase-open", "Open and sign in",
                 "Double-click the Desa Peduli icon, type the passphrase, press Enter. "
                 "Forgot it? Ask the branch office: no data is lost."),
            Step("form-new", "Register a worker",
                 "Press New registration (Ctrl+N). Type the NIK from the KTP: the birth date "
                 "and sex fill themselves in. Tab moves to the next field."),
            Step("form-3-work", "Fill in the five sections",
                 "Identity, address, work & contribution, heirs, consent. Ctrl+PgDown moves "
                 "to the next section. What is still missing is listed on the right. "
                 "Everything saves itself."),
            Step("form-5-consent", "Ask for consent",
                 "Read the consent text out slowly. If the worker agrees, choose how "
                 "(signature, verbal with a witness, or a paper form) and tick the "
                 "participant agrees. Ctrl+S saves and closes."),
            Step("export-dialog", "Send to the branch office",
                 "Plug in the USB stick, choose Sync → Export bundle… (Ctrl+Shift+E), pick "
                 "the stick, press Export bundle. Take the stick to the branch office."),
            Step("receipt-applied", "Apply the receipt",
                 "The branch office gives you a receipt: Sync → Import receipt… "
                 "(Ctrl+Shift+R). Open those that need correction, fix them, send again."),
        ),
        "The full guide: press F1 · Leaving the laptop: Ctrl+L locks it · "
        "No internet? No problem: everything works offline.",
    ),
    ("branch", "id"): Card(
        "Kartu ringkas kantor cabang: minggu pertama",
        "Desa Peduli · menerima pendaftaran dari relawan, memeriksanya, dan mengembalikan "
        "tanda terima.",
        (
            Step("branch-enrol", "Daftarkan relawan",
                 "Tab Relawan (Ctrl+4) → Daftarkan relawan…. Berikan berkas pendaftaran "
                 "kepada relawan dan cocokkan sidik jari kantor cabang bersamanya."),
            Step("branch-import", "Impor bundel",
                 "Pasang flashdisk relawan: Berkas → Impor bundel… (Ctrl+I). Cadangan dibuat "
                 "sebelum setiap impor; berkas yang rusak ditolak tanpa mengubah apa pun."),
            Step("branch-review-duplicates", "Periksa",
                 "Tab Pemeriksaan: NIK duplikat, gagal validasi, peringatan NIK. Pilih "
                 "pendaftaran yang benar, atau kembalikan ke relawan dengan alasan. Siapa "
                 "memutuskan dicatat."),
            Step("branch-batch-accept", "Terima sekaligus",
                 "Terima sekaligus… menerima semua pendaftaran bersih dari satu bundel, "
                 "relawan atau desa, setelah menunjukkan jumlahnya."),
            Step("branch-receipt", "Tulis tanda terima",
                 "Tab Relawan: pilih relawan → Tulis tanda terima…, pilih flashdisknya. "
                 "Tanda terima membawa status, alasan perbaikan dan nomor KPJ."),
            Step("branch-coverage", "Cakupan dan laporan",
                 "Tab Cakupan: cakupan per kabupaten/kota terhadap target. Simpan laporan… "
                 "(Ctrl+P) menulis PDF untuk kepala cabang."),
        ),
        "Panduan lengkap: tekan F1 · Serah terima ke sistem inti: Berkas → Ekspor untuk "
        "serah terima… (Ctrl+Shift+E) · Nomor KPJ: Berkas → Impor nomor KPJ… (Ctrl+Shift+K)",
    ),
    ("branch", "en"): Card(
        "Branch office quick card: the first week",
        "Desa Peduli · receiving the volunteers' registrations, reviewing them, and sending "
        "receipts back.",
        (
            Step("branch-enrol", "Enrol a volunteer",
                 "Volunteers tab (Ctrl+4) → Enrol volunteer…. Give the enrolment file to "
                 "the volunteer and compare the branch's fingerprint together."),
            Step("branch-import", "Import bundles",
                 "Plug in the volunteer's stick: File → Import bundles… (Ctrl+I). A backup is "
                 "made before every import; a damaged file is refused and changes nothing."),
            Step("branch-review-duplicates", "Review",
                 "Review tab: duplicate NIKs, failed validation, NIK warnings. Keep the right "
                 "registration, or send it back to the volunteer with a reason. Who decided "
                 "is recorded."),
            Step("branch-batch-accept", "Batch accept",
                 "Batch accept… accepts every clean registration of a bundle, a volunteer or "
                 "a desa, after showing how many."),
            Step("branch-receipt", "Write a receipt",
                 "Volunteers tab: select the volunteer → Write receipt…, choose their stick. "
                 "The receipt carries the states, correction reasons and KPJ numbers."),
            Step("branch-coverage", "Coverage and report",
                 "Coverage tab: coverage per kabupaten/kota against the target. Save report… "
                 "(Ctrl+P) writes a PDF for the branch head."),
        ),
        "The full guide: press F1 · Hand-over to the core system: File → Export for "
        "hand-over… (Ctrl+Shift+E) · KPJ numbers: File → Import KPJ numbers… (Ctrl+Shift+K)",
    ),
}


def build(role: str, lang: str, out: Path, screenshots: Path = SCREENSHOTS) -> Path:
    """Draw one card to ``out`` (a folder: the card's standard name; or a file)."""
    # Qt loads here, after main() chose the platform (offscreen without a display)
    from PySide6.QtCore import QMarginsF, QRectF, Qt  # noqa: PLC0415
    from PySide6.QtGui import (  # noqa: PLC0415
        QColor,
        QFont,
        QImage,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QPen,
    )

    card = CARDS[(role, lang)]
    target = out / FILE_NAMES[(role, lang)] if out.is_dir() else out
    pictures = []
    for step in card.steps:
        picture = QImage(str(screenshots / lang / f"{step.shot}.png"))
        if picture.isNull():
            raise FileNotFoundError(f"no screenshot {lang}/{step.shot}.png: run "
                                    "tools/screenshots.py first")
        pictures.append(picture)

    temporary = target.with_name(f".{target.name}.tmp")
    writer = QPdfWriter(str(temporary))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(*[MARGIN_MM] * 4), QPageLayout.Unit.Millimeter))
    writer.setTitle(card.title)
    writer.setCreator("Desa Peduli")
    painter = QPainter(writer)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing
                           | QPainter.RenderHint.TextAntialiasing
                           | QPainter.RenderHint.SmoothPixmapTransform)
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    width, height = float(page.width()), float(page.height())
    accent, grey = QColor("#1b5e20"), QColor("#424242")

    def mm(value: float) -> float:
        return value * RESOLUTION / 25.4

    def font(size: float, bold: bool = False) -> QFont:
        result = QFont("DejaVu Sans")
        result.setStyleHint(QFont.StyleHint.SansSerif)
        result.setPointSizeF(size)
        result.setBold(bold)
        return result

    wrap = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap

    def text(rect: QRectF, value: str, size: float, *, bold: bool = False,
             colour: QColor | None = None) -> float:
        painter.setFont(font(size, bold))
        painter.setPen(colour or QColor("black"))
        bounds = painter.boundingRect(rect, int(wrap), value)
        painter.drawText(rect, int(wrap), value)
        return bounds.height()

    y = text(QRectF(0, 0, width, mm(12)), card.title, 16, bold=True, colour=accent)
    y += text(QRectF(0, y, width, mm(10)), card.subtitle, 8.5, colour=grey) + mm(3)
    footer_height = mm(9)
    gap = mm(4)
    columns, rows = 2, 3
    cell_w = (width - gap) / columns
    cell_h = (height - y - footer_height - gap * (rows - 1)) / rows
    for index, (step, picture) in enumerate(zip(card.steps, pictures, strict=True)):
        row, column = divmod(index, columns)
        x, top = column * (cell_w + gap), y + row * (cell_h + gap)
        painter.setPen(QPen(QColor("#bdbdbd"), mm(0.25)))
        painter.drawRoundedRect(QRectF(x, top, cell_w, cell_h), mm(1.5), mm(1.5))
        inner = QRectF(x + mm(2.5), top + mm(2), cell_w - mm(5), cell_h - mm(4))
        badge = mm(6)
        painter.setBrush(accent)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QRectF(inner.x(), inner.y(), badge, badge))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setFont(font(10, True))
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(inner.x(), inner.y(), badge, badge),
                         int(Qt.AlignmentFlag.AlignCenter), str(index + 1))
        used = text(QRectF(inner.x() + badge + mm(2), inner.y(), inner.width() - badge - mm(2),
                           badge * 2), step.title, 10.5, bold=True)
        text_top = inner.y() + max(badge, used) + mm(1)
        used = text(QRectF(inner.x(), text_top, inner.width(), inner.height()), step.text, 7.8)
        picture_top = text_top + used + mm(2)
        room = QRectF(inner.x(), picture_top, inner.width(), inner.bottom() - picture_top)
        scale = min(room.width() / picture.width(), room.height() / picture.height())
        drawn = QRectF(0, 0, picture.width() * scale, picture.height() * scale)
        drawn.moveCenter(room.center())
        drawn.moveTop(room.top())
        pixels = int(drawn.width() / RESOLUTION * PICTURE_DPI)  # small file, sharp print
        scaled = picture.scaledToWidth(pixels, Qt.TransformationMode.SmoothTransformation)
        painter.drawImage(drawn, scaled)
        painter.setPen(QPen(QColor("#9e9e9e"), mm(0.2)))
        painter.drawRect(drawn)
    text(QRectF(0, height - footer_height + mm(2), width, footer_height), card.footer, 8,
         colour=grey)
    painter.end()
    os.replace(temporary, target)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--role", choices=(*ROLES, "all"), default="all")
    parser.add_argument("--lang", choices=(*LANGUAGES, "all"), default="all")
    parser.add_argument("-o", dest="out", default=str(DEFAULT_OUT),
                        help="the folder the cards are written to (default: %(default)s)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415 - after QT_QPA_PLATFORM

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for role in ROLES if args.role == "all" else (args.role,):
        for lang in LANGUAGES if args.lang == "all" else (args.lang,):
            print(build(role, lang, out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
