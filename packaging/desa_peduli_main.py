"""Entry point of the frozen program (PyInstaller): ``desa_peduli.cli:main``.

``multiprocessing.freeze_support()`` comes first: importing a large bundle starts a
decoder process with the "spawn" method, which re-runs this executable; that child must
stop here instead of opening the application again.

``DESA_PEDULI_STARTUP_PROBE=1`` (used by the packaging test and to measure a cold start)
makes the GUI write one JSON line to stderr when its first window is on screen, e.g.
``{"startup_probe": "PassphraseDialog", "wall_time": 1767000000.123, "labels": [...]}``
(the window's class, the wall-clock time it was exposed and its first label texts), and
then close that window, so the program exits on its own with its usual exit code.
"""

import multiprocessing
import os
import sys
import time

_STARTED = time.perf_counter()


def _install_startup_probe() -> None:
    """Wrap ``run_gui`` so the first exposed top-level window is reported and closed."""
    import json

    import desa_peduli.app as app_module

    run_gui = app_module.run_gui

    def probed_run_gui(*args, **kwargs):
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication, QDialog, QLabel

        app = QApplication.instance() or QApplication(sys.argv[:1])

        class Probe(QObject):
            reported = False

            def eventFilter(self, obj, event):  # noqa: N802 - Qt override
                if (not self.reported and event.type() == QEvent.Type.Expose
                        and not obj.isWidgetType() and hasattr(obj, "isExposed")
                        and obj.isExposed()):
                    widget = next((w for w in QApplication.topLevelWidgets()
                                   if w.windowHandle() is obj), None)
                    widget = widget or QApplication.activeModalWidget()
                    if widget is None:
                        return False
                    self.reported = True
                    report = {"startup_probe": type(widget).__name__,
                              "title": widget.windowTitle(),
                              "labels": [label.text() for label in widget.findChildren(QLabel)
                                         if label.text()][:6],
                              "wall_time": time.time(),
                              "since_main_s": round(time.perf_counter() - _STARTED, 4)}
                    print(json.dumps(report), file=sys.stderr, flush=True)
                    close = widget.reject if isinstance(widget, QDialog) else widget.close
                    QTimer.singleShot(0, close)
                return False

        probe = Probe(app)
        app.installEventFilter(probe)
        return run_gui(*args, **kwargs)

    app_module.run_gui = probed_run_gui


if __name__ == "__main__":
    multiprocessing.freeze_support()
    if os.environ.get("DESA_PEDULI_STARTUP_PROBE"):
        _install_startup_probe()
    from desa_peduli.cli import main

    sys.exit(main())
