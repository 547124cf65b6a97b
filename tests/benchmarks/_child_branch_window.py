"""Child process: the branch window over a large workspace, as a clerk uses it.

    QT_QPA_PLATFORM=offscreen python _child_branch_window.py WS   (raw key, hex, on stdin)

1. open: from the workspace opened with its key (the passphrase unwrap is timed apart by
   the parent) to a shown BranchMainWindow whose list has fetched rows;
2. search: names and NIK digits typed a character at a time into the search box, each
   keystroke timed from the text change to the list's first rows fetched (what the
   debounce timer would run, without waiting for it);
3. filters: the branch-state filter through each state, a volunteer, back to all.
Prints one JSON line with the timings in milliseconds.
"""

from __future__ import annotations

import time

PROCESS_START = time.perf_counter()

import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

NAMES = ("siti", "muhammad", "budi santoso", "nur'aini", "rahmat")


def main() -> int:
    path = Path(sys.argv[1])
    key = bytes.fromhex(sys.stdin.read().strip())
    from PySide6.QtWidgets import QApplication

    app = QApplication(["desa-peduli"])
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    t0 = time.perf_counter()
    session = Session(Workspace.open_with_key(path, key))
    from desa_peduli.ui.branch.window import BranchMainWindow

    window = BranchMainWindow(session)
    window.show()
    view = window.registrations_view
    model = view.model
    while not (window.isVisible() and model.rowCount() > 0 and model.rows_fetched > 0):
        app.processEvents()
    open_ms = (time.perf_counter() - t0) * 1000
    rows = model.rowCount()

    def timed(action) -> float:
        start = time.perf_counter()
        action()
        model.data(model.index(0, 1))  # the first visible rows are read
        for row in range(min(30, model.rowCount())):
            model.data(model.index(row, 2))
        app.processEvents()
        return (time.perf_counter() - start) * 1000

    nik = session.db.execute("SELECT nik FROM registrations WHERE nik LIKE '15%' "
                             "LIMIT 1").fetchone()[0]
    keystrokes = []
    for text in (*NAMES, nik):
        keystrokes += [text[:i] for i in range(1, len(text) + 1)]
    search_ms = []
    for text in keystrokes:
        def type_it(text=text):
            view.search_edit.setText(text)
            view.apply_filters()
        search_ms.append(timed(type_it))
    view.search_edit.clear()
    view.apply_filters()

    filter_ms = {}
    combo = view.state_filter
    for index in range(combo.count()):
        filter_ms[f"state:{combo.itemData(index)}"] = timed(
            lambda index=index: combo.setCurrentIndex(index))
    combo.setCurrentIndex(0)
    if hasattr(view, "volunteer_filter"):
        volunteer = view.volunteer_filter
        for index in (1, 2, 0):
            if index < volunteer.count():
                filter_ms[f"volunteer:{volunteer.itemData(index)}"] = timed(
                    lambda index=index: volunteer.setCurrentIndex(index))
    window.close()
    print(json.dumps({"open_ms": open_ms, "rows": rows, "search_ms": search_ms,
                      "keystrokes": keystrokes[:0] or len(keystrokes), "filter_ms": filter_ms,
                      "process_s": time.perf_counter() - PROCESS_START}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
