"""Screenshots of the real application with demo data, at 1366×768.

    .venv/bin/python tools/screenshots.py [--lang id|en] [-o docs/screenshots]

Builds a throw-away workspace with generated registrations, opens the real main
window and registration form offscreen (or on $DISPLAY under xvfb-run) and saves PNGs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="id", choices=("id", "en"))
    parser.add_argument("-o", dest="out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("-n", type=int, default=120, help="demo registrations")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    sys.path.insert(0, str(ROOT / "tools"))
    import json

    from generate_registrations import generate
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desa_peduli.services.adding import add_file
    from desa_peduli.services.session import Session
    from desa_peduli.ui.i18n import install_translator
    from desa_peduli.ui.main_window import MainWindow

    app = QApplication([])
    install_translator(app, args.lang)
    tmp = Path(tempfile.mkdtemp())
    rows = tmp / "demo.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in generate(args.n, 11)), "utf-8")
    session = Session.create_volunteer(tmp / "ws", name="Rina Marlina",
                                       passphrase="demo-passphrase",
                                       home_village="15.04.05.2003", language=args.lang)
    add_file(session, rows)
    window = MainWindow(session)
    window.resize(1366, 768)
    window.show()

    def grab(name: str, widget=None) -> None:
        app.processEvents()
        (widget or window).grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    def run() -> None:
        grab("main-window")
        window.new_registration()
        form = window.form
        app.processEvents()
        from PySide6.QtTest import QTest

        QTest.keyClicks(form.nik_edit, "1504054203880001")  # typed, as a volunteer does
        QTest.keyClicks(form.name_edit, "Raden Ajeng Siti Nurhaliza Binti Abdurrahman")
        QTest.keyClicks(form.phone_edit, "0812 3456 7890")
        QTest.qWait(600)
        for index, name in enumerate(("identitas", "alamat", "pekerjaan-iuran", "ahli-waris",
                                      "persetujuan")):
            form._go_to_section(index)  # noqa: SLF001 - as Alt+1..5 does
            QApplication.processEvents()
            grab(f"form-{index + 1}-{name}")
        window.close()
        app.quit()

    QTimer.singleShot(300, run)
    app.exec()
    session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
