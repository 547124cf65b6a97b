"""Starting the GUI: QApplication, translations, the workspace (wizard or passphrase), window.

The interface language is chosen before the workspace is open (``--lang``, then
``$DESA_PEDULI_LANG``, then the language last used, kept in QSettings next to the window
geometry, then Indonesian); once the workspace is open its ``language`` setting wins
unless ``--lang`` was given.
"""

from __future__ import annotations

import logging
import platform
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desa_peduli import __version__, logs
from desa_peduli.errors import EXIT_OK, EXIT_WORKSPACE, WorkspaceError, WorkspaceLocked
from desa_peduli.paths import resolve_workspace_dir
from desa_peduli.ui import crash, labels
from desa_peduli.ui.about import app_icon
from desa_peduli.ui.help import close_help, install_help_key
from desa_peduli.ui.i18n import current_language, install_translator, normalise, resolve_language
from desa_peduli.ui.startup.passphrase import PassphraseDialog, workspace_in_use
from desa_peduli.ui.startup.wizard import FirstRunWizard
from desa_peduli.ui.style import apply_palette
from desa_peduli.ui.text_size import PREFS_KEY as TEXT_SCALE_KEY
from desa_peduli.ui.text_size import SETTING as TEXT_SCALE_SETTING
from desa_peduli.ui.text_size import apply_text_scale
from desa_peduli.ui.text_size import normalise as normalise_scale

if TYPE_CHECKING:
    from desa_peduli.ui.branch.window import BranchMainWindow
    from desa_peduli.ui.volunteer.window import MainWindow

APP_NAME = "Desa Peduli"
ORG_NAME = "GDPJS"
SMALL_SCREEN = (1366, 800)  # at or below this, the window starts maximised


def _message(parent, title: str, text: str) -> None:
    """A blocking error box (only before the main window exists)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.addButton(QCoreApplication.translate("App", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def _open_workspace(path, lang: str):
    """(session, exit_code): the wizard for a new folder, else the passphrase dialog."""
    title = QCoreApplication.translate("App", "Desa Peduli")
    # late, as before: the GUI's imports stay light until a workspace is looked at
    from desa_peduli.services.session import (  # noqa: PLC0415
        check_new_workspace_folder,
        is_workspace,
    )

    if not is_workspace(path):
        try:  # keys or a database without workspace.json: damaged, not new
            check_new_workspace_folder(path)
        except WorkspaceError as exc:
            _message(None, title, exc.message(lang))
            return None, exc.exit_code
        wizard = FirstRunWizard(path)
        if wizard.exec() != QDialog.DialogCode.Accepted or wizard.session is None:
            return None, EXIT_OK
        return wizard.session, EXIT_OK
    if workspace_in_use(path):
        _message(None, title, WorkspaceLocked(path).message(lang))
        return None, EXIT_WORKSPACE
    dialog = PassphraseDialog(path)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.session is None:
        if dialog.fatal_error is not None:
            _message(None, title, labels.error_message(dialog.fatal_error))
            return None, getattr(dialog.fatal_error, "exit_code", EXIT_WORKSPACE)
        return None, EXIT_OK
    return dialog.session, EXIT_OK


def _start_log(app) -> None:
    """The log file and the crash handler (uncaught exceptions, Qt's messages, a dialog)."""
    logs.setup()
    crash.install(app)
    logging.getLogger("desa_peduli").info(
        "Desa Peduli %s started (Python %s, %s)", __version__, platform.python_version(),
        platform.platform())


def run_gui(data_dir=None, lang: str | None = None) -> int:
    """Run the desktop application; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # the GUI's own (or a test's): never a QCoreApplication
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    _start_log(app)
    app.setDesktopFileName("desa-peduli")  # the .desktop entry the Linux package installs
    app.setWindowIcon(app_icon())
    apply_palette(app)  # readable hints and placeholders
    prefs = QSettings()
    apply_text_scale(app, prefs.value(TEXT_SCALE_KEY))  # the text size last used
    install_translator(app, resolve_language(lang, prefs.value("ui/language")))
    install_help_key(app)  # F1: the guide, from the first window on

    path = resolve_workspace_dir(data_dir)
    session, code = _open_workspace(path, current_language())
    if session is None:
        return code

    stored = normalise(session.settings.get("language"))
    if not normalise(lang) and stored and stored != current_language():
        install_translator(app, stored)
    prefs.setValue("ui/language", stored or current_language())
    scale = normalise_scale(session.settings.get(TEXT_SCALE_SETTING))
    if scale is not None:  # the workspace's text size wins, as its language does
        prefs.setValue(TEXT_SCALE_KEY, apply_text_scale(app, scale))

    window: BranchMainWindow | MainWindow
    if session.role == "branch":
        # start-up: a window's modules load after the passphrase dialog has shown
        from desa_peduli.ui.branch.window import BranchMainWindow  # noqa: PLC0415 - see above

        window = BranchMainWindow(session)
    else:
        from desa_peduli.ui.volunteer.window import MainWindow  # noqa: PLC0415 - start-up, as above

        window = MainWindow(session)
    window.language_changed.connect(lambda code: prefs.setValue("ui/language", code))
    window.text_size_menu.changed.connect(lambda percent: prefs.setValue(TEXT_SCALE_KEY, percent))
    geometry = prefs.value("ui/geometry")
    screen = QGuiApplication.primaryScreen()
    small = screen is not None and (
        screen.availableGeometry().width() <= SMALL_SCREEN[0]
        or screen.availableGeometry().height() <= SMALL_SCREEN[1]
    )
    if geometry is not None and window.restoreGeometry(geometry):
        window.show()
    elif small:
        window.showMaximized()
    else:
        window.show()
    result = app.exec()
    prefs.setValue("ui/geometry", window.saveGeometry())
    close_help()
    return result
