"""The coverage report as a PDF for the branch head, drawn with Qt's QPdfWriter.

Page 1: the branch, the date, the province's figures, coverage per kabupaten/kota against
the target and the weekly trend (the dashboard's own charts, as vectors). Page 2:
occupations, funding sources and the volunteers who may need a visit. Then the coverage
tables per kabupaten/kota and kecamatan (and desa when asked). Needs a QApplication (the
charts are QtCharts widgets); the CLI makes an offscreen one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import QChart
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtWidgets import QGraphicsScene

from desa_peduli.domain.regions import DISTRICT, PROVINCE, REGENCY, VILLAGE
from desa_peduli.domain.words import format_date, format_moment
from desa_peduli.services.coverage import STATES, RegionCoverage
from desa_peduli.services.coverage_report import (
    REASON_WORDS,
    STATE_WORDS,
    CoverageReport,
    funding_words,
    occupation_words,
    word,
    write_pdf_bytes,
)
from desa_peduli.ui.branch.dashboard.charts import (
    RENDER_HINTS,
    coverage_chart,
    format_int,
    format_percent,
    format_target,
    set_chart_font_size,
    trend_chart,
)

translate = QCoreApplication.translate
RESOLUTION = 300  # dots per inch of the PDF's coordinate system
MARGIN_MM = 14
VISIT_ROWS = 22
SHADE = QColor("#eef3ee")
RULE = QColor("#9e9e9e")
ACCENT = QColor("#1b5e20")
GREY = QColor("#616161")



def _mm(value: float) -> float:
    return value * RESOLUTION / 25.4


class PdfDocument:
    """An A4 portrait PDF drawn in memory: a painter with a cursor that moves down and
    starts new pages; ``save()`` writes the file atomically (the coverage report and the
    funded batches' bills)."""

    def __init__(self, title: str, footer: str):
        self.buffer = QBuffer()
        self.buffer.setData(QByteArray())
        self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(self.buffer)
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                         QPageLayout.Unit.Millimeter))
        writer.setTitle(title)
        writer.setCreator("Desa Peduli")
        self.writer = writer
        self.painter = QPainter(writer)
        self.painter.setRenderHints(RENDER_HINTS)
        layout = writer.pageLayout()
        paint = layout.paintRectPixels(RESOLUTION)
        self.width = float(paint.width())
        self.height = float(paint.height())
        self.footer_height = _mm(7)
        self.bottom = self.height - self.footer_height
        self.y = 0.0
        self.pages = 1
        self.footer = footer
        self.base = QFont("DejaVu Sans")
        self.base.setStyleHint(QFont.StyleHint.SansSerif)

    def font(self, size: float, *, bold: bool = False) -> QFont:
        font = QFont(self.base)
        font.setPointSizeF(size)
        font.setBold(bold)
        return font

    def line_height(self, font: QFont) -> float:
        return QFontMetricsF(font, self.writer).height()

    def new_page(self) -> None:
        self._draw_footer()
        self.writer.newPage()
        self.pages += 1
        self.y = 0.0

    def ensure(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > 0:
            self.new_page()

    def save(self, target: Path) -> int:
        """Draw the last footer and write the PDF to ``target`` (atomically); the pages."""
        self._draw_footer()
        self.painter.end()
        self.buffer.close()
        write_pdf_bytes(target, bytes(self.buffer.data().data()))
        return self.pages

    def _draw_footer(self) -> None:
        font = self.font(7)
        self.painter.setFont(font)
        self.painter.setPen(QColor("#616161"))
        rect = QRectF(0, self.height - self.footer_height * 0.7, self.width,
                      self.footer_height * 0.7)
        self.painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                              self.footer)
        self.painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                              translate("CoverageReport", "Page {page}").format(page=self.pages))
        self.painter.setPen(Qt.GlobalColor.black)

    def text(self, text: str, size: float = 9, *, bold: bool = False, colour=None,
             space_after: float = 0.0, wrap: bool = True) -> None:
        font = self.font(size, bold=bold)
        self.painter.setFont(font)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        if wrap:
            flags |= Qt.TextFlag.TextWordWrap
        bounds = self.painter.boundingRect(QRectF(0, 0, self.width, self.bottom), flags, text)
        self.ensure(bounds.height())
        self.painter.setPen(colour or Qt.GlobalColor.black)
        self.painter.drawText(QRectF(0, self.y, self.width, bounds.height()), flags, text)
        self.painter.setPen(Qt.GlobalColor.black)
        self.y += bounds.height() + space_after

    def heading(self, text: str) -> None:
        self.ensure(self.line_height(self.font(11, bold=True)) * 4)
        self.y += _mm(2)
        self.text(text, 11, bold=True, colour=ACCENT, space_after=_mm(1.5))

    def chart(self, chart: QChart, height_mm: float) -> None:
        """Render ``chart`` as vectors into the full width, ``height_mm`` high."""
        height = _mm(height_mm)
        self.ensure(height)
        width_px = 760.0  # the chart's own layout size (screen pixels)
        height_px = width_px * height / self.width
        scene = QGraphicsScene()
        scene.addItem(chart)
        chart.setGeometry(QRectF(0, 0, width_px, height_px))
        scene.setSceneRect(QRectF(0, 0, width_px, height_px))
        target = QRectF(0, self.y, self.width, height)
        scene.render(self.painter, target, QRectF(0, 0, width_px, height_px))
        self.painter.setPen(QPen(RULE, 2))
        self.painter.drawRect(target)
        self.painter.setPen(Qt.GlobalColor.black)
        scene.removeItem(chart)
        chart.deleteLater()
        self.y += height + _mm(3)

    def table(self, headers: list[str], rows: list[list[str]], widths: list[float], *,
              size: float = 7.5, bold_rows: set[int] | frozenset = frozenset(),
              group_rows: set[int] | frozenset = frozenset(),
              left: frozenset[int] = frozenset({0})) -> None:
        """A table with its header repeated on each page; ``widths`` are shares of the width.

        Rows in ``group_rows`` span the table (a sub-heading); ``bold_rows`` are totals;
        columns in ``left`` are aligned left (and elided), the others right.
        """
        font, bold = self.font(size), self.font(size, bold=True)
        row_height = self.line_height(font) * 1.35
        header_font = self.font(size, bold=True)
        columns = self._fit_columns(widths, headers, rows, bold, left, group_rows)
        header_lines = max(h.count("\n") + 1 for h in headers)
        header_height = self.line_height(header_font) * header_lines + row_height * 0.35

        def draw_header() -> None:
            self.painter.fillRect(QRectF(0, self.y, self.width, header_height), SHADE)
            self.painter.setFont(header_font)
            x = 0.0
            for index, (text, width) in enumerate(zip(headers, columns, strict=True)):
                align = (Qt.AlignmentFlag.AlignLeft if index in left
                         else Qt.AlignmentFlag.AlignRight)
                self.painter.drawText(QRectF(x + _mm(0.8), self.y, width - _mm(1.6),
                                             header_height),
                                      align | Qt.AlignmentFlag.AlignVCenter, text)
                x += width
            self.y += header_height
            self.painter.setPen(QPen(RULE, 2))
            self.painter.drawLine(0, int(self.y), int(self.width), int(self.y))
            self.painter.setPen(Qt.GlobalColor.black)

        self.ensure(header_height + row_height * 3)
        draw_header()
        for number, row in enumerate(rows):
            if self.y + row_height > self.bottom:
                self.new_page()
                draw_header()
            if number in group_rows:
                self.painter.setFont(bold)
                self.painter.setPen(ACCENT)
                self.painter.drawText(QRectF(_mm(0.8), self.y, self.width, row_height),
                                      Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                      row[0])
                self.painter.setPen(Qt.GlobalColor.black)
                self.y += row_height
                continue
            self.painter.setFont(bold if number in bold_rows else font)
            x = 0.0
            for index, (text, width) in enumerate(zip(row, columns, strict=True)):
                align = (Qt.AlignmentFlag.AlignLeft if index in left
                         else Qt.AlignmentFlag.AlignRight)
                rect = QRectF(x + _mm(0.8), self.y, width - _mm(1.6), row_height)
                shown = text
                if index in left:
                    metrics = QFontMetricsF(self.painter.font(), self.writer)
                    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
                self.painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, shown)
                x += width
            self.y += row_height
            self.painter.setPen(QPen(QColor("#e0e0e0"), 1))
            self.painter.drawLine(0, int(self.y), int(self.width), int(self.y))
            self.painter.setPen(Qt.GlobalColor.black)
        self.y += _mm(3)


    def _fit_columns(self, widths: list[float], headers: list[str], rows: list[list[str]],
                     font: QFont, left: frozenset[int], group_rows) -> list[float]:
        """``widths`` as shares of the page, then widened where a right-aligned column's
        title or numbers would not fit (Indonesian words are longer), the room taken from
        the left-aligned columns, which elide."""
        scale = self.width / sum(widths)
        columns = [w * scale for w in widths]
        metrics = QFontMetricsF(font, self.writer)
        pad = _mm(1.6) + 2
        needed = []
        for index, width in enumerate(columns):
            if index in left:
                needed.append(0.0)
                continue
            texts = [line for line in headers[index].split("\n")]
            texts += [row[index] for number, row in enumerate(rows)
                      if number not in group_rows and index < len(row)]
            widest = max((metrics.horizontalAdvance(text) for text in texts), default=0.0)
            needed.append(max(width, widest + pad))
        extra = sum(n - c for n, c in zip(needed, columns, strict=True) if n > c)
        flexible = [i for i in range(len(columns)) if i in left]
        room = sum(columns[i] * 0.4 for i in flexible)  # a left column keeps 60 % at least
        if extra <= 0 or not flexible or extra > room:
            return columns
        taken = extra / sum(columns[i] for i in flexible)
        return [columns[i] * (1 - taken) if i in left else needed[i]
                for i in range(len(columns))]


def write_pdf(report: CoverageReport, target: Path, *, lang: str = "id") -> int:
    """Write the report to ``target`` (atomically); returns the number of pages."""
    stamp = format_moment(report.generated_at, lang)  # "3 Des 2026 08:13": no ISO date
    title = translate("CoverageReport", "Coverage report")
    doc = PdfDocument(f"{title} — {report.branch_name} — {format_date(report.generated_at, lang)}",
                      f"Desa Peduli · {report.branch_name} · {stamp}")

    _first_page(doc, report, title, stamp, lang)
    doc.new_page()
    _second_page(doc, report, lang)
    doc.new_page()
    _region_tables(doc, report, lang)
    return doc.save(target)


def _first_page(doc: PdfDocument, report: CoverageReport, title: str, stamp: str,
                lang: str) -> None:
    """The branch, the date, the province's figures and the two charts."""
    doc.text(translate("CoverageReport",
                       "BPJS Ketenagakerjaan coverage of informal workers (BPU)"), 9, colour=GREY)
    doc.text(f"{title}: {report.province.name}", 17, bold=True, colour=ACCENT,
             space_after=_mm(1))
    doc.text(translate("CoverageReport", "{branch} · made on {date}").format(
        branch=report.branch_name, date=stamp), 10, space_after=_mm(3))
    _summary(doc, report, lang)
    dashboard = report.dashboard
    if any(c.coverage_percent is not None for c in dashboard.children):
        chart = coverage_chart(dashboard.children, translate(
            "CoverageReport", "Coverage per kabupaten/kota against target"), lang=lang)
        set_chart_font_size(chart, 7)
        doc.chart(chart, 92)
    else:
        doc.text(translate("CoverageReport",
                           "Coverage per kabupaten/kota cannot be drawn yet: no kabupaten/kota "
                           "has a potential-worker figure."), 9, colour=GREY,
                 space_after=_mm(3))
    if dashboard.weeks:
        chart = trend_chart(dashboard.weeks,
                            translate("CoverageReport", "Registrations per week"), lang=lang)
        set_chart_font_size(chart, 7)
        doc.chart(chart, 62)
    else:
        doc.text(translate("CoverageReport", "No registrations yet, so no weekly trend."), 9,
                 colour=GREY)


def _share_rows(counts: dict[str, int], words: dict[str, str], total: int,
                lang: str) -> list[list[str]]:
    rows = [[words.get(code, code or "—"), format_int(n, lang),
             format_percent(n * 100 / total, lang, 1)] for code, n in counts.items()]
    return rows or [[translate("CoverageReport", "(none yet)"), "", ""]]


def _second_page(doc: PdfDocument, report: CoverageReport, lang: str) -> None:
    """Occupations, funding sources and the volunteers who may need a visit."""
    dashboard = report.dashboard
    total = report.province.total or 1
    registrations = translate("CoverageReport", "Registrations")
    share = translate("CoverageReport", "Share")
    doc.heading(translate("CoverageReport", "Registrations by occupation"))
    doc.table([translate("CoverageReport", "Occupation"), registrations, share],
              _share_rows(dashboard.occupations, occupation_words(lang), total, lang),
              [6, 2, 1.5])
    # participants split by funder (the registration's funding source)
    doc.heading(translate("CoverageReport", "Participants by funder"))
    funders = funding_words(lang)
    participants = sum(f.participants for f in dashboard.funders) or 1
    rows = [[funders.get(f.code, f.code or "—"), format_int(f.participants, lang),
             format_percent(f.participants * 100 / participants, lang, 1),
             format_int(f.registrations, lang)] for f in dashboard.funders]
    doc.table([translate("CoverageReport", "Funder"),
               translate("CoverageReport", "Participants\n(KPJ)"), share, registrations],
              rows or [[translate("CoverageReport", "(none yet)"), "", "", ""]],
              [6, 2, 1.5, 2])
    visits = [v for v in report.volunteers if v.needs_visit]
    doc.heading(translate("CoverageReport",
                          "Volunteers who may need a visit ({count} of {total})").format(
        count=format_int(len(visits), lang), total=format_int(len(report.volunteers), lang)))
    if not visits:
        doc.text(translate("CoverageReport",
                           "None: every volunteer registered people in the last two weeks, "
                           "sent a bundle in the last 14 days and has few open corrections."), 9)
        return
    never = translate("CoverageReport", "never")
    rows = [[f"{v.id} · {v.name}", format_int(v.registrations, lang),
             format_int(v.this_week, lang), format_date(v.last_bundle_at, lang) or never,
             format_int(v.open_corrections, lang),
             ", ".join(word(REASON_WORDS[r], lang) for r in v.reasons)]
            for v in visits[:VISIT_ROWS]]
    headers = [translate("CoverageReport", "Volunteer"),
               translate("CoverageReport", "Regis-\ntrations"),
               translate("CoverageReport", "This\nweek"),
               translate("CoverageReport", "Last\nbundle"),
               translate("CoverageReport", "Open\ncorrections"),
               translate("CoverageReport", "Why")]
    doc.table(headers, rows, [4.1, 1.2, 0.9, 1.5, 1.6, 5.9], left=frozenset({0, 5}), size=7)
    if len(visits) > VISIT_ROWS:
        doc.text(translate("CoverageReport", "… and {count} more (see the XLSX report).").format(
            count=format_int(len(visits) - VISIT_ROWS, lang)), 8)


def _region_tables(doc: PdfDocument, report: CoverageReport, lang: str) -> None:
    """Coverage per kabupaten/kota, then per kecamatan (and desa), grouped by their parent."""
    headers = [translate("CoverageReport", "Region"),
               translate("CoverageReport", "Regis-\ntrations"),
               translate("CoverageReport", "Registered\n(KPJ)"),
               translate("CoverageReport", "Active\nbefore"),
               translate("CoverageReport", "Potential\nworkers"),
               translate("CoverageReport", "Coverage"),
               translate("CoverageReport", "Target"),
               translate("CoverageReport", "To go")]
    widths = [5.0, 1.6, 1.6, 1.6, 1.7, 1.4, 1.1, 1.5]
    regencies = [r for r in report.regions if r.level in (PROVINCE, REGENCY)]
    doc.heading(translate("CoverageReport", "Coverage per kabupaten/kota"))
    doc.table(headers, [_region_row(r, lang) for r in regencies], widths, bold_rows={0})
    names = {r.code: r.name for r in report.regions}
    for level, group_level, heading in (
            (DISTRICT, REGENCY, translate("CoverageReport", "Coverage per kecamatan")),
            (VILLAGE, DISTRICT, translate("CoverageReport", "Coverage per desa/kelurahan"))):
        if not any(r.level == level for r in report.regions):
            continue
        doc.heading(heading)
        rows: list[list[str]] = []
        groups: set[int] = set()
        for region in report.regions:
            if region.level == group_level:
                groups.add(len(rows))
                name = region.name if level == DISTRICT else (
                    f"{names.get(region.code[:5], '')} › {region.name}")
                rows.append([name] + [""] * 7)
            elif region.level == level:
                rows.append(_region_row(region, lang))
        doc.table(headers, rows, widths, group_rows=groups)
    states = ", ".join(word(STATE_WORDS[s], lang) for s in STATES)
    doc.text(translate("CoverageReport",
                       "Coverage = (registered through Desa Peduli + active participants "
                       "before) ÷ potential workers. Potential workers are BPJS "
                       "Ketenagakerjaan's count where it was published, else BPS's employed "
                       "persons (each region's source says which). ≥: no count of active "
                       "participants exists for the region, so coverage counts Desa Peduli's "
                       "registrations only; ?: unknown. A region without a target uses its "
                       "parent's. Registrations: at the branch, not deleted, every state "
                       "({states}).").format(states=states), 7.5, colour=GREY)


def _summary(doc: PdfDocument, report: CoverageReport, lang: str) -> None:
    province = report.province
    if province.target_workers is not None:
        target = translate("CoverageReport", "{percent} ({count} participants)").format(
            percent=format_target(province.target_percent, lang),
            count=format_int(province.target_workers, lang))
    else:
        target = format_target(province.target_percent, lang) or "—"
    if province.gap is None:
        to_go = "—"
    else:
        to_go = (format_int(province.gap, lang) if province.gap
                 else translate("CoverageReport", "target reached"))
    pairs = [
        (translate("CoverageReport", "Registrations at the branch"),
         format_int(province.total, lang)),
        (translate("CoverageReport", "Registered (KPJ number)"),
         format_int(province.registered, lang)),
        (translate("CoverageReport", "Active participants before"),
         format_int(province.active_participants, lang) or "—"),
        (translate("CoverageReport", "Potential workers"),
         format_int(province.potential_workers, lang) or "—"),
        (translate("CoverageReport", "Coverage"),
         format_percent(province.coverage_percent, lang) or "—"),
        (translate("CoverageReport", "Target"), target),
        (translate("CoverageReport", "Participants to go"), to_go),
    ]
    states = ", ".join(f"{word(STATE_WORDS[s], lang)} {format_int(province.count(s), lang)}"
                       for s in STATES if province.count(s))
    font, bold = doc.font(9.5), doc.font(9.5, bold=True)
    height = doc.line_height(font) * 1.3
    half = doc.width / 2
    gap = _mm(4)
    for index, (label, value) in enumerate(pairs):
        column, row = divmod(index, 4)
        x, y = column * (half + gap / 2), doc.y + row * height
        width = half - gap / 2
        doc.painter.setFont(font)
        doc.painter.drawText(QRectF(x, y, width, height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        doc.painter.setFont(bold)
        doc.painter.drawText(QRectF(x, y, width, height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, value)
    doc.y += height * 4 + _mm(1)
    if states:
        doc.text(translate("CoverageReport", "By state: {states}.").format(states=states), 8.5,
                 colour=QColor("#424242"), space_after=_mm(3))


def _region_row(region: RegionCoverage, lang: str) -> list[str]:
    name = region.name
    if region.level == PROVINCE:
        name = translate("CoverageReport", "Province {name}").format(name=region.name)
    unknown = region.potential_workers is not None and not region.participants_known
    coverage = format_percent(region.coverage_percent, lang) or "—"
    return [
        name,
        format_int(region.total, lang),
        format_int(region.registered, lang),
        "?" if unknown else format_int(region.active_participants, lang),
        format_int(region.potential_workers, lang),
        f"≥ {coverage}" if unknown and region.coverage_percent is not None else coverage,
        format_target(region.target_percent, lang),
        "?" if unknown else format_int(region.gap, lang),
    ]
