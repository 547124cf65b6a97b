"""Child process: from the passphrase to a usable main window, imports counted cold.

    QT_QPA_PLATFORM=offscreen DESA_PEDULI_PASSPHRASE=... python _child_open_window.py WS

Replays ``app.run_gui`` in a fresh interpreter: QApplication, translator and the
passphrase dialog exist first (the state when the volunteer presses Enter); then the key
unwrap (timed on its own: age scrypt), the workspace opened with the key, the main window
module imported, built and shown, until the window is exposed and its list has fetched
rows from the database. Prints one JSON line with the phases in seconds. If the main
window cannot be imported it falls back to Session open + the list model's first page
and says so (``"fallback": true``).
"""

from __future__ import annotations

import time

PROCESS_START = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

WAIT_LIMIT_S = 20.0


def main() -> int:
    path = Path(sys.argv[1])
    passphrase = os.environ["DESA_PEDULI_PASSPHRASE"]
    from PySide6.QtWidgets import QApplication

    app = QApplication(["desa-peduli"])
    app.setApplicationName("Desa Peduli")
    app.setOrganizationName("GDPJS-bench")
    from desa_peduli.ui.i18n import current_language, install_translator, normalise, resolve_language

    install_translator(app, resolve_language(None, None))
    from desa_peduli.ui.startup.passphrase import (
        PassphraseDialog,
        open_session_with_key,
        unwrap_workspace_key,
    )

    dialog = PassphraseDialog(path)
    dialog.show()
    app.processEvents()
    before_enter = time.perf_counter()

    # -- the volunteer presses Enter ------------------------------------------------------
    t0 = time.perf_counter()
    key = unwrap_workspace_key(path, passphrase)  # on a worker thread in the app
    t1 = time.perf_counter()
    session = open_session_with_key(path, key)
    dialog.hide()
    stored = normalise(session.settings.get("language"))
    if stored and stored != current_language():
        install_translator(app, stored)
    t2 = time.perf_counter()
    fallback = False
    window = None
    try:
        from desa_peduli.ui.volunteer.window import MainWindow
    except ImportError as exc:  # the window is not written yet: measure the list model
        fallback = repr(exc)
    t3 = time.perf_counter()
    if not fallback:
        window = MainWindow(session)
        t4 = time.perf_counter()
        window.show()
        model = window.model
        deadline = time.perf_counter() + WAIT_LIMIT_S
        while time.perf_counter() < deadline:
            app.processEvents()
            handle = window.windowHandle()
            if (window.isVisible() and handle is not None and handle.isExposed()
                    and model.rowCount() > 0 and model.rows_fetched > 0):
                break
            time.sleep(0.001)
        rows, fetched = model.rowCount(), model.rows_fetched
    else:
        from desa_peduli.storage.registrations import ListQuery
        from desa_peduli.ui.volunteer.table_model import RegistrationTableModel

        model = RegistrationTableModel(session.registrations.store, ListQuery())
        t4 = time.perf_counter()
        model.data(model.index(0, 0))
        rows, fetched = model.rowCount(), model.rows_fetched
    t5 = time.perf_counter()
    report = {
        "fallback": fallback,
        "startup_before_passphrase_s": before_enter - PROCESS_START,
        "unwrap_s": t1 - t0,
        "session_open_s": t2 - t1,
        "import_main_window_s": t3 - t2,
        "construct_s": t4 - t3,
        "show_until_rows_s": t5 - t4,
        "after_passphrase_s": (t5 - t0) - (t1 - t0),
        "with_unwrap_s": t5 - t0,
        "rows": rows,
        "rows_fetched": fetched,
        "exposed": bool(window is not None and window.windowHandle() is not None
                        and window.windowHandle().isExposed()),
    }
    print(json.dumps(report), flush=True)
    if window is not None:
        window.close()  # releases the model and closes the session
    else:
        session.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
