"""Interface language: installs the Indonesian translator (the default) or none for English.

Source strings are English (``tr()``); Indonesian comes from
``resources/i18n/desa_peduli_id.qm``, and Qt's own texts (context menus, wizard and
dialog buttons, the file dialog) from ``resources/i18n/qtbase_id.qm``: Qt ships no
Indonesian. Data that carries its own labels in both languages (occupations, statuses,
validation messages) is chosen with :func:`current_language`.
"""

from __future__ import annotations

import logging
import os
from importlib import resources
from typing import TypedDict

from PySide6.QtCore import QCoreApplication, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
ENV_LANG = "DESA_PEDULI_LANG"
QM_NAME = "desa_peduli_{lang}.qm"
QT_QM_NAME = "qtbase_{lang}.qm"  # Qt's own texts, installed before (so under) the app's

class _State(TypedDict):
    language: str
    translators: list[QTranslator]


_state: _State = {"language": DEFAULT_LANGUAGE, "translators": []}


def normalise(lang: str | None) -> str | None:
    """``"id"``/``"en"`` from a setting or an argument (``"en_US"`` → ``"en"``), else None."""
    if not lang:
        return None
    code = str(lang).strip().lower().replace("-", "_").split("_")[0]
    return code if code in LANGUAGES else None


def resolve_language(explicit: str | None = None, stored: str | None = None) -> str:
    """The argument, else ``$DESA_PEDULI_LANG``, else the stored choice, else Indonesian."""
    for candidate in (explicit, os.environ.get(ENV_LANG), stored):
        code = normalise(candidate)
        if code:
            return code
    return DEFAULT_LANGUAGE


def current_language() -> str:
    return _state["language"]


def install_translator(app: QCoreApplication, lang: str | None) -> bool:
    """Switch the interface to ``lang``; True if that language is fully available.

    English needs no translator. For Indonesian a missing ``.qm`` leaves the English
    source text of what it covers and returns False.
    """
    code = normalise(lang) or DEFAULT_LANGUAGE
    for old in _state["translators"]:
        app.removeTranslator(old)
    _state["translators"] = []
    _state["language"] = code
    if code == "en":
        return True
    # Qt's texts first: the translator installed last is asked first, so ours wins
    loaded = [_load(app, QT_QM_NAME, code), _load(app, QM_NAME, code)]
    return all(loaded)


def _load(app: QCoreApplication, pattern: str, code: str) -> bool:
    """Install the translator in ``resources/i18n/<pattern>``; False (logged) if missing."""
    name = pattern.format(lang=code)
    node = resources.files("desa_peduli.resources") / "i18n" / name
    if not node.is_file():
        log.info("no translation file %s; showing English source text", name)
        return False
    translator = QTranslator(app)
    with resources.as_file(node) as path:
        loaded = translator.load(str(path))
    if not loaded:
        log.warning("translation file %s could not be loaded", name)
        return False
    app.installTranslator(translator)
    _state["translators"].append(translator)
    return True


def store_language(session, code: str) -> bool | None:
    """Remember ``code`` in the workspace. None: it was already set; True: it differs
    from the language running now, so it applies at the next start."""
    if session.settings.get("language") == code:
        return None
    session.settings.set("language", code)
    return code != current_language()
