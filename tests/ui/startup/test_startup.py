"""Start-up: the passphrase dialog (unwrap off the UI thread), a locked workspace, languages."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE


def test_passphrase_dialog_retries_then_opens(qtbot, workspace_dir):
    from desa_peduli.ui.startup.passphrase import PassphraseDialog

    dialog = PassphraseDialog(workspace_dir)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.keyClicks(dialog.passphrase_edit, "salah-sekali")
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert dialog.busy.isVisible()  # the unwrap runs in the background
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "Kata sandi salah" in dialog.error.text()
    assert dialog.session is None and dialog.isVisible()

    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    session = dialog.session
    try:
        assert session.settings.get("volunteer_name") == "Relawan Uji"
    finally:
        session.close()


def test_workspace_in_use_is_reported_with_exit_code_3(qtbot, session, monkeypatch):
    from desa_peduli import app
    from desa_peduli.ui.startup.passphrase import workspace_in_use

    assert workspace_in_use(session.workspace.path)
    shown = []
    monkeypatch.setattr(app, "_message", lambda parent, title, text: shown.append(text))
    result, code = app._open_workspace(session.workspace.path, "id")
    assert result is None and code == 3
    assert "sedang dipakai" in shown[0]


def test_workspace_not_in_use_after_close(workspace_dir):
    from desa_peduli.ui.startup.passphrase import workspace_in_use

    assert not workspace_in_use(workspace_dir)


def test_languages_resolve_and_install(qapp, monkeypatch):
    from desa_peduli.ui import i18n

    monkeypatch.delenv(i18n.ENV_LANG, raising=False)
    assert i18n.resolve_language(None, None) == "id"
    assert i18n.resolve_language("en_US", "id") == "en"
    assert i18n.resolve_language(None, "en") == "en"
    monkeypatch.setenv(i18n.ENV_LANG, "en")
    assert i18n.resolve_language(None, "id") == "en"
    try:
        assert i18n.install_translator(qapp, "en")
        assert i18n.current_language() == "en"
    finally:
        i18n.install_translator(qapp, "id")
    assert i18n.current_language() == "id"


def test_the_passphrase_dialog_loads_no_database_code():
    """Start-up: the passphrase dialog appears before SQLCipher, sqlite-utils, age and the
    services are imported (about half a second on an old laptop); they load while the
    person types. A module-level import in labels.py once undid this."""
    import subprocess
    import sys

    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        "import desa_peduli.app, desa_peduli.ui.startup.passphrase;"
        "heavy = ('sqlcipher3', 'sqlite_utils', 'pyrage', 'desa_peduli.services',"
        " 'desa_peduli.storage', 'desa_peduli.sync');"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    assert out.strip() == "[]"
