"""The wizard pages' base: a page that sets its texts in ``retranslate_ui`` and redoes it
when the language changes (the first-run wizard and the enrolment pages share it)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWizardPage


class TranslatedPage(QWizardPage):
    """A page that sets its texts in ``retranslate_ui`` and redoes it on a language change."""

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:  # pragma: no cover - overridden
        pass
