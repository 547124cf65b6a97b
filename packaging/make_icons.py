#!/usr/bin/env python3
"""Render the application icon (resources/icons/desa-peduli.svg) to PNGs and a Windows .ico.

    .venv/bin/python packaging/make_icons.py

Writes ``resources/icons/desa-peduli-<N>.png`` for N in SIZES and
``resources/icons/desa-peduli.ico`` (16–256 px: uncompressed 32-bit images up to 64 px,
as every Windows version reads them, and PNG for 256 px). The results are committed;
run this again only after changing the SVG. Needs only PySide6 (QtSvg), no ImageMagick.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "desa-peduli.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 256)
ICO_PNG_FROM = 256  # sizes from here on are stored as PNG inside the .ico


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """An ICO image entry: BITMAPINFOHEADER, 32-bit BGRA rows bottom-up, 1-bit AND mask."""
    size = image.width()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = []
    for y in range(size - 1, -1, -1):  # bottom-up
        row = bytearray()
        for x in range(size):
            argb = image.pixel(x, y)
            row += struct.pack("<I", argb)  # little-endian ARGB32 is B, G, R, A in memory
        rows.append(bytes(row))
    mask_stride = ((size + 31) // 32) * 4
    mask = bytes(mask_stride * size)  # all zero: the alpha channel decides
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0,
                         size * size * 4 + len(mask), 0, 0, 0, 0)
    return header + b"".join(rows) + mask


def write_ico(images: dict[int, QImage], path: Path) -> None:
    entries = []
    for size in sorted(images):
        blob = png_bytes(images[size]) if size >= ICO_PNG_FROM else dib_bytes(images[size])
        entries.append((size, blob))
    offset = 6 + 16 * len(entries)
    directory = b""
    blobs = b""
    for size, blob in entries:
        dim = 0 if size >= 256 else size  # 0 means 256
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    path.write_bytes(struct.pack("<HHH", 0, 1, len(entries)) + directory + blobs)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in sorted(set(SIZES) | set(ICO_SIZES))}
    for size in SIZES:
        images[size].save(str(ICONS / f"desa-peduli-{size}.png"), "PNG")
    write_ico({s: images[s] for s in ICO_SIZES}, ICONS / "desa-peduli.ico")
    print(f"wrote {len(SIZES)} PNGs and desa-peduli.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
