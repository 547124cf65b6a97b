"""Interface language: installs the Indonesian translator (the default) or none for English.

Source strings are English (``tr()``); Indonesian comes from
``resources/i18n/desa_peduli_id.qm``. Data that carries its own labels in both languages
(occupations, statuses, validation messages) is chosen with :func:`current_language`.
"""

from __future__ import annotations

import logging
import os
from importlib import resources

from PySide6.QtCore import QCoreApplication, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
ENV_LANG = "DESA_PEDULI_LANG"
QM_NAME = "desa_peduli_{lang}.qm"

_state = {"language": DEFAULT_LANGUAGE, "translators": []}


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

    English needs no translator. For Indonesian a missing ``.qm`` (before the lead's
    translation pass) leaves the English source text and returns False.
    """
    code = normalise(lang) or DEFAULT_LANGUAGE
    for old in _state["translators"]:
        app.removeTranslator(old)
    _state["translators"] = []
    _state["language"] = code
    if code == "en":
        return True
    node = resources.files("desa_peduli.resources") / "i18n" / QM_NAME.format(lang=code)
    if not node.is_file():
        log.info("no translation file for %s; showing English source text", code)
        return False
    translator = QTranslator(app)
    with resources.as_file(node) as path:
        loaded = translator.load(str(path))
    if not loaded:
        log.warning("translation file for %s could not be loaded", code)
        return False
    app.installTranslator(translator)
    _state["translators"].append(translator)
    return True
