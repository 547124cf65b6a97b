"""Indonesian translations: complete, consistent with their sources, compiled, and shown.

``resources/i18n/desa_peduli_id.ts`` holds the app's strings (refreshed by
``tools/update_translations.sh``), ``qtbase_id.ts`` Qt's own (context menus, dialog and
wizard buttons, the file dialog). A string added to the UI without an Indonesian
translation, a translation that lost a placeholder or a mnemonic, or a ``.qm`` older
than its ``.ts`` fails here.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import PySide6
import pytest
from PySide6.QtWidgets import QDialogButtonBox

from desa_peduli.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
I18N_DIR = ROOT / "resources" / "i18n"
APP_TS = I18N_DIR / "desa_peduli_id.ts"
TS_FILES = sorted(I18N_DIR.glob("*.ts"))
EXE = ".exe" if sys.platform == "win32" else ""
LUPDATE = Path(PySide6.__file__).parent / f"lupdate{EXE}"
LRELEASE = Path(PySide6.__file__).parent / f"lrelease{EXE}"

BRACED = re.compile(r"\{[^{}]*\}")
PERCENT = re.compile(r"%(?:[1-9]|n)")
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")
SHORTCUT = re.compile(r"\b(?:Ctrl|Alt|Shift)\+\w+")
MNEMONIC = re.compile(r"&(?=[^\s&])")


def read_ts(path: Path) -> dict[tuple[str, str, str], dict]:
    """(context, source, comment) → {"translations": [...], "unfinished": bool}."""
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            if translation is None:
                texts, kind = [], "unfinished"
            else:
                forms = translation.findall("numerusform")
                texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
                kind = translation.get("type", "")
            messages[key] = {"translations": texts, "unfinished": kind == "unfinished",
                             "numerus": message.get("numerus") == "yes"}
    return messages


def ui_sources() -> list[Path]:
    """What tools/update_translations.sh scans."""
    package = ROOT / "desktop" / "desa_peduli"
    return sorted([*(package / "ui").rglob("*.py"), package / "app.py"])


def run_tool(tool: Path, *args) -> None:
    if not tool.is_file():
        pytest.skip(f"{tool.name} is not installed with PySide6")
    result = subprocess.run([str(tool), *map(str, args)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def all_messages():
    for path in TS_FILES:
        for key, message in read_ts(path).items():
            yield path.name, key, message


def describe(file: str, key: tuple[str, str, str]) -> str:
    return f"{file} [{key[0]}] {key[1]!r}"


def mnemonics(text: str) -> tuple[int, int]:
    """(mnemonic markers, literal "&&") in a Qt label text."""
    literal = text.count("&&")
    return len(MNEMONIC.findall(text.replace("&&", ""))), literal


# -- the .ts files -------------------------------------------------------------------------
def test_the_translation_files_exist():
    assert APP_TS.is_file()
    assert (I18N_DIR / "qtbase_id.ts").is_file()


def test_every_source_string_has_a_finished_translation(tmp_path):
    """lupdate over the current UI sources finds nothing the committed .ts lacks."""
    fresh = tmp_path / "fresh.ts"
    run_tool(LUPDATE, "-no-obsolete", "-locations", "none", *ui_sources(), "-ts", fresh)
    found = read_ts(fresh)
    assert len(found) > 100, "lupdate found suspiciously few strings"
    committed = read_ts(APP_TS)
    missing = [key for key in found if key not in committed]
    unfinished = [key for key in found if key in committed and (
        committed[key]["unfinished"] or not all(t.strip() for t in committed[key]["translations"])
    )]
    assert not missing and not unfinished, (
        "Run tools/update_translations.sh and translate these into Indonesian in "
        f"{APP_TS.relative_to(ROOT)}:\n"
        + "\n".join(describe(APP_TS.name, key) for key in missing + unfinished))


def test_no_message_is_unfinished_or_empty():
    bad = [describe(file, key) for file, key, message in all_messages()
           if message["unfinished"] or not message["translations"]
           or not all(text.strip() for text in message["translations"])]
    assert not bad, "unfinished or empty translations:\n" + "\n".join(bad)


def test_plural_messages_have_numerus_forms():
    bad = [describe(file, key) for file, key, message in all_messages()
           if message["numerus"] and (len(message["translations"]) != 1
                                      or "%n" not in message["translations"][0])]
    assert not bad, "Indonesian has one plural form, with %n in it:\n" + "\n".join(bad)


@pytest.mark.parametrize(("name", "pattern"), [
    ("placeholders {…}", BRACED),
    ("placeholders %1…%9, %n", PERCENT),
    ("keyboard shortcuts", SHORTCUT),
])
def test_translations_keep_placeholders_and_shortcuts(name, pattern):
    bad = []
    for file, key, message in all_messages():
        expected = Counter(pattern.findall(key[1]))
        for text in message["translations"]:
            if Counter(pattern.findall(text)) != expected:
                bad.append(f"{describe(file, key)} → {text!r}")
    assert not bad, f"{name} differ between source and translation:\n" + "\n".join(bad)


def test_translations_keep_html_tags():
    bad = []
    for file, key, message in all_messages():
        expected = Counter(tag.lower() for tag in TAG.findall(key[1]))
        for text in message["translations"]:
            if Counter(tag.lower() for tag in TAG.findall(text)) != expected:
                bad.append(f"{describe(file, key)} → {text!r}")
    assert not bad, "HTML tags differ between source and translation:\n" + "\n".join(bad)


def test_translations_keep_one_mnemonic_where_the_source_has_one():
    bad = []
    for file, key, message in all_messages():
        expected = mnemonics(key[1])
        assert expected[0] <= 1, f"{describe(file, key)} has more than one mnemonic"
        for text in message["translations"]:
            if mnemonics(text) != expected:
                bad.append(f"{describe(file, key)} → {text!r}")
    assert not bad, "& mnemonics (or literal &&) differ:\n" + "\n".join(bad)


# -- the .qm files -------------------------------------------------------------------------
@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.name)
def test_committed_qm_is_what_lrelease_makes_now(ts, tmp_path):
    committed = ts.with_suffix(".qm")
    assert committed.is_file(), f"{committed.name} is missing: run tools/update_translations.sh"
    fresh = tmp_path / committed.name
    run_tool(LRELEASE, ts, "-qm", fresh)
    assert committed.read_bytes() == fresh.read_bytes(), (
        f"{committed.name} is stale: run tools/update_translations.sh")


# -- what a person sees --------------------------------------------------------------------
EXPECTED = {
    "id": {"new": "&Pendaftaran baru", "menus": ["&Berkas", "&Pendaftaran"],
           "count": "0 pendaftaran", "form": "Pendaftaran baru", "copy": "&Salin",
           "cancel": "Batal"},
    "en": {"new": "&New registration", "menus": ["&File", "&Registration"],
           "count": "0 registration(s)", "form": "New registration", "copy": "&Copy",
           "cancel": "Cancel"},
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_main_window_speaks_the_chosen_language(qtbot, qapp, session, lang):
    from desa_peduli.ui.volunteer.window import MainWindow

    assert i18n.install_translator(qapp, lang)  # Indonesian: both .qm files load
    expected = EXPECTED[lang]
    window = MainWindow(session, lock_timeout_ms=0)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()

    assert window.new_action.text() == expected["new"]
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:2] == expected["menus"]
    assert window.shown_label.text() == expected["count"]  # a plural (%n) message

    window.new_action.trigger()  # the real registration form
    assert window.form.title_label.text() == expected["form"]

    # Qt's own texts: the edit context menu and the standard buttons
    menu = window.search_edit.createStandardContextMenu()
    texts = [action.text().split("\t")[0] for action in menu.actions()]
    assert expected["copy"] in texts
    menu.deleteLater()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == expected["cancel"]
    box.deleteLater()
