"""The whole app killed with SIGKILL while a registration is being typed: the draft returns.

A child process runs the real MainWindow, presses Ctrl+N and types into the form like
a person; once the autosave has happened it reports and is killed with SIGKILL (no
close handler runs). Reopening the workspace shows the unfinished draft in the form.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

from desa_peduli.services.session import Session
from desa_peduli.storage.workspace import Workspace

CHILD = textwrap.dedent("""
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace
    from desa_peduli.ui.volunteer.window import MainWindow

    app = QApplication([])
    session = Session(Workspace.open_with_key(sys.argv[1], bytes.fromhex(sys.argv[2])))
    window = MainWindow(session)
    window.show()
    window.activateWindow()  # shortcuts reach only the active window
    QTest.qWaitForWindowActive(window)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    QTest.qWait(50)
    QTest.keyClicks(QApplication.focusWidget(), "1504054203880001")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    QTest.keyClicks(QApplication.focusWidget(), "Siti Nur'aini")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # wait for the autosave, as a person would pause
        app.processEvents()
        draft = session.settings.get("open_draft_id")
        if draft and session.registrations.store.get(draft)["full_name"] == "Siti Nur'aini":
            print("autosaved", draft, flush=True)
            break
        time.sleep(0.05)
    while True:  # the volunteer keeps working until the power goes
        app.processEvents()
        time.sleep(0.05)
""")


def test_sigkill_while_typing_then_the_draft_comes_back(workspace_template, workspace_dir,
                                                        qtbot):
    _src, key = workspace_template
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(workspace_dir), key.hex()],
                             stdout=subprocess.PIPE, text=True)
    try:
        import selectors

        with selectors.DefaultSelector() as waiting:  # never hang on a silent child
            waiting.register(child.stdout, selectors.EVENT_READ)
            ready = waiting.select(timeout=60)
        line = child.stdout.readline().split() if ready else []
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    assert line and line[0] == "autosaved", "the child never autosaved"
    draft_id = line[1]

    from desa_peduli.ui.volunteer.window import MainWindow

    session = Session(Workspace.open_with_key(workspace_dir, key))
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.form_is_open)
    form = window.form
    assert form.current_id == draft_id
    assert form.nik_edit.text() == "1504054203880001"
    assert form.name_edit.text() == "Siti Nur'aini"
    window.close()
