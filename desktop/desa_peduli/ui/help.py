"""The user guide inside the app: F1 opens it at the section for the screen in front of you.

The guides are Markdown in ``resources/guide/`` (installed as the package resource
``desa_peduli.resources/guide``, so the PyInstaller build carries them like the
translations): ``panduan-relawan.md`` and ``panduan-kantor-cabang.md`` in Indonesian,
``guide-volunteer.md`` and ``guide-branch.md`` in English, with the screenshots
``tools/screenshots.py`` makes in ``resources/guide/screenshots/{id,en}/``. They are the
only copy; ``docs/`` links to them.

A section is marked in the Markdown with a comment on the line before its heading::

    <!-- help: export -->
    ## Mengirim bundel ke kantor cabang

(GitHub hides the comment.) F1 finds the section key by walking from the focused widget
up to its window: a widget with a ``help_section()`` method (the main windows: list,
form, lock, branch tabs) or a class named in :data:`SECTION_BY_CLASS` (the dialogs)
decides. The role (volunteer or branch) comes from the window's session, the first-run
wizard's choice, or the workspace being opened.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from importlib import resources
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QImage,
    QKeySequence,
    QShortcut,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.ui.i18n import current_language

log = logging.getLogger(__name__)

GUIDE_FILES = {
    ("volunteer", "id"): "panduan-relawan.md",
    ("volunteer", "en"): "guide-volunteer.md",
    ("branch", "id"): "panduan-kantor-cabang.md",
    ("branch", "en"): "guide-branch.md",
}

# The sections F1 can ask for, per role: every guide of that role marks each of them.
SECTIONS = {
    "volunteer": (
        "start", "first-run", "open", "list", "form", "form-identity", "form-address",
        "form-work", "form-heirs", "form-consent", "corrections", "delete", "history",
        "enrol", "fingerprints", "export", "receipt", "purge", "reminders", "backup",
        "restore", "passphrase", "forgotten-passphrase", "lock", "language",
        "troubleshooting",
    ),
    "branch": (
        "start", "first-run", "open", "registrations", "enrol", "import", "device",
        "history", "volunteers", "review", "duplicates", "batch-accept", "corrections",
        "handover", "kpj", "receipts", "coverage", "coverage-figures", "report",
        "reference", "breach", "recover", "fingerprints", "backup", "passphrase", "lock",
        "troubleshooting",
    ),
}

# Dialogs and views that decide their section by their class (the name, so this module
# imports none of them). A callable gets the widget.
FORM_SECTIONS = ("form-identity", "form-address", "form-work", "form-heirs", "form-consent")
SECTION_BY_CLASS: dict[str, str | Callable[[Any], str]] = {
    # both roles
    "PassphraseDialog": "open",
    "ChangePassphraseDialog": "passphrase",
    "FingerprintDialog": "fingerprints",
    "LockView": "lock",
    # the volunteer's
    "RegistrationFormView": lambda form: FORM_SECTIONS[max(0, min(
        form.pages.currentIndex(), len(FORM_SECTIONS) - 1))],
    "DeleteDialog": "delete",
    "HistoryDialog": "history",
    "RestoreBackupDialog": "restore",
    "ExportDialog": "export",
    "ReceiptDialog": "receipt",
    "CameraDialog": "form-identity",
    # the branch office's
    "CorrectionDialog": "corrections",
    "KpjDialog": "kpj",
    "DuplicateOfDialog": "duplicates",
    "EnrolVolunteerDialog": "enrol",
    "WriteReceiptDialog": "receipts",
    "RecoverWorkspaceDialog": "recover",
    "BatchAcceptDialog": "batch-accept",
    "CoverageTargetDialog": "coverage-figures",
    "HandoverExportDialog": "handover",
    "KpjImportDialog": "kpj",
    "BreachReportDialog": "breach",
}

MARKER = re.compile(r"^\s*<!--\s*help:\s*([\w-]+)\s*-->\s*$")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


# -- the guide files -------------------------------------------------------------------------
def guide_folder():
    """``desa_peduli.resources/guide`` (a Traversable: a real folder when installed)."""
    return resources.files("desa_peduli.resources") / "guide"


def guide_name(role: str, lang: str) -> str:
    return GUIDE_FILES.get((role, lang)) or GUIDE_FILES[(role if role == "branch" else
                                                         "volunteer", "id")]


def plain_heading(text: str) -> str:
    """A Markdown heading's text as shown: links, code and emphasis marks removed."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1", r"\2", text)
    return text.strip()


def slugify(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = unicodedata.normalize("NFC", plain_heading(heading)).lower()
    kept = "".join(c for c in text if c.isalnum() or c in " -_")
    return kept.replace(" ", "-")


def parse_guide(markdown: str) -> tuple[str, dict[str, str], list[tuple[int, str, str]]]:
    """(Markdown without the help markers, {section key: heading anchor}, [(level,
    heading, anchor)]). Anchors are GitHub's, numbered -1, -2… when repeated."""
    lines = []
    sections: dict[str, str] = {}
    headings: list[tuple[int, str, str]] = []
    seen: dict[str, int] = {}
    waiting: list[str] = []
    fenced = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        marker = None if fenced else MARKER.match(line)
        if marker:
            waiting.append(marker.group(1))
            continue
        heading = None if fenced else HEADING.match(line)
        if heading:
            base = slugify(heading.group(2))
            count = seen.get(base, 0)
            seen[base] = count + 1
            anchor = base if count == 0 else f"{base}-{count}"
            headings.append((len(heading.group(1)), plain_heading(heading.group(2)), anchor))
            for key in waiting:
                sections[key] = anchor
            waiting = []
        lines.append(line)
    return "\n".join(lines) + "\n", sections, headings


def read_guide(role: str, lang: str) -> str:
    node = guide_folder() / guide_name(role, lang)
    return node.read_text(encoding="utf-8")


# -- which section, which role ------------------------------------------------------------------
def _chain(widget: QWidget | None):
    while widget is not None:
        yield widget
        widget = widget.parentWidget()


def section_for(widget: QWidget | None) -> str | None:
    """The guide section for ``widget`` (the focused one): the nearest widget up its
    parents that knows."""
    for item in _chain(widget):
        method = getattr(item, "help_section", None)
        if callable(method):
            try:
                found = method()
            except Exception:  # F1 must never break the window
                log.exception("help section")
                found = None
            if found:
                return found
        rule = SECTION_BY_CLASS.get(type(item).__name__)
        if callable(rule):
            try:
                return rule(item)
            except Exception:
                log.exception("help section")
                continue
        if rule:
            return rule
    return None


def role_for(widget: QWidget | None) -> str:
    """"volunteer" or "branch": from a ``help_role`` attribute or a session up the parents."""
    for item in _chain(widget):
        role = getattr(item, "help_role", None)
        if callable(role):
            role = role()
        if role in SECTIONS:
            return role
        session = getattr(item, "session", None)
        role = getattr(session, "role", None)
        if role in SECTIONS:
            return role
    return "volunteer"


# -- the window ------------------------------------------------------------------------------
class GuideBrowser(QTextBrowser):
    """A QTextBrowser that reads the guide's pictures from the package resources."""

    def loadResource(self, kind, url):
        if kind == QTextDocument.ResourceType.ImageResource and not url.scheme():
            node = guide_folder()
            for part in url.path().split("/"):
                if part and part not in (".", ".."):
                    node = node / part
            if node.is_file():
                image = QImage()
                image.loadFromData(node.read_bytes())
                return image
            return QImage()
        return super().loadResource(kind, url)


class HelpWindow(QWidget):
    """The guide in a window of its own (not modal: it stays open beside the work)."""

    FIT_MARGIN = 40

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.role = "volunteer"
        self.lang = "id"
        self.sections: dict[str, str] = {}
        self.headings: list[tuple[int, str, str]] = []
        self.section: str | None = None
        self._images: dict[str, int] = {}  # image name → natural width
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.contents_button = QPushButton(self)
        self.contents_button.setAutoDefault(False)
        self.find_edit = QLineEdit(self)
        self.find_edit.setClearButtonEnabled(True)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        bar.addWidget(self.contents_button)
        bar.addStretch(1)
        bar.addWidget(self.find_edit, 2)
        bar.addWidget(self.close_button)
        layout.addLayout(bar)
        self.browser = GuideBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        layout.addWidget(self.browser, 1)

        self.contents_button.clicked.connect(lambda: self.scroll_to_anchor(None))
        self.find_edit.returnPressed.connect(self.find_next)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self,
                  self._focus_find)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(120)
        self._fit_timer.timeout.connect(self._fit_images)
        self.retranslate_ui()
        self.resize(900, 680)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Desa Peduli: user guide"))
        self.contents_button.setText(self.tr("&Contents"))
        self.contents_button.setToolTip(self.tr("Back to the start of the guide"))
        self.find_edit.setPlaceholderText(self.tr("Find in the guide (Enter: next)…"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- loading --------------------------------------------------------------------------
    def load(self, role: str, lang: str) -> None:
        """Show the guide for ``role`` in ``lang`` (kept when already shown)."""
        if (role, lang) == (self.role, self.lang) and self.headings:
            return
        self.role, self.lang = role, lang
        try:
            markdown, self.sections, self.headings = parse_guide(read_guide(role, lang))
        except OSError:
            log.exception("the user guide could not be read")
            markdown, self.sections, self.headings = self.tr(
                "The user guide is missing from this installation."), {}, []
        self.browser.document().setMarkdown(
            markdown, QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
        self._images = {}
        self._fit_images()

    def show_section(self, section: str | None) -> None:
        self.section = section
        self.scroll_to_anchor(self.sections.get(section) if section else None)

    def scroll_to_anchor(self, anchor: str | None) -> bool:
        """Scroll so the heading with GitHub anchor ``anchor`` is at the top (None: the
        start). False if there is no such heading."""
        bar = self.browser.verticalScrollBar()
        if not anchor:
            bar.setValue(0)
            return True
        block = self.heading_block(anchor)
        if block is None:
            return False
        cursor = QTextCursor(block)
        self.browser.setTextCursor(cursor)
        top = self.browser.document().documentLayout().blockBoundingRect(block).top()
        bar.setValue(int(top))
        return True

    def heading_block(self, anchor: str):
        """The document block of the heading with ``anchor``, or None."""
        wanted = [i for i, (_level, _text, a) in enumerate(self.headings) if a == anchor]
        if not wanted:
            return None
        index = wanted[0]
        seen = -1
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                seen += 1
                if seen == index:
                    return block
            block = block.next()
        return None

    def visible_heading(self) -> str:
        """The text of the heading at the top of the view (for tests)."""
        cursor = self.browser.cursorForPosition(self.browser.viewport().rect().topLeft())
        block = cursor.block()
        while block.isValid() and block.blockFormat().headingLevel() == 0:
            block = block.next()
        return block.text() if block.isValid() else ""

    # -- links, find, pictures ----------------------------------------------------------------
    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        path = url.path()
        if path.endswith(".md"):
            name = path.rsplit("/", 1)[-1]
            for (role, lang), file in GUIDE_FILES.items():
                if file == name:
                    self.load(role, lang)
                    break
        self.scroll_to_anchor(url.fragment() or None)

    def _focus_find(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def find_next(self) -> None:
        text = self.find_edit.text()
        if text and not self.browser.find(text):
            self.browser.moveCursor(QTextCursor.MoveOperation.Start)
            self.browser.find(text)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()

    def _fit_images(self) -> None:
        """Pictures as wide as the window allows, never wider than they are."""
        document = self.browser.document()
        room = max(200, self.browser.viewport().width() - self.FIT_MARGIN)
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                char_format = fragment.charFormat()
                if fragment.isValid() and char_format.isImageFormat():
                    image_format = char_format.toImageFormat()
                    name = image_format.name()
                    natural = self._images.get(name)
                    if natural is None:
                        image = document.resource(QTextDocument.ResourceType.ImageResource,
                                                  QUrl(name))
                        if not isinstance(image, QImage) or image.isNull():
                            image = self.browser.loadResource(
                                QTextDocument.ResourceType.ImageResource, QUrl(name))
                        natural = image.width() if isinstance(image, QImage) else 0
                        self._images[name] = natural
                    if natural:
                        width = min(natural, room)
                        if abs(image_format.width() - width) > 0.5:
                            image_format.setWidth(width)
                            # no height: Qt keeps the picture's proportions
                            image_format.clearProperty(QTextFormat.Property.ImageHeight)
                            cursor = QTextCursor(document)
                            cursor.setPosition(fragment.position())
                            cursor.setPosition(fragment.position() + fragment.length(),
                                               QTextCursor.MoveMode.KeepAnchor)
                            cursor.setCharFormat(image_format)
                iterator += 1
            block = block.next()


_window: dict[str, HelpWindow] = {}


def help_window() -> HelpWindow:
    """The one help window (made on first use; no parent, so a modal dialog does not
    block it)."""
    window = _window.get("window")
    if window is None:
        window = HelpWindow()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        # closing the main window ends the program even while the guide is open
        window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        _window["window"] = window
    return window


def close_help() -> None:
    """Close and delete the help window (tests; the application's end)."""
    window = _window.pop("window", None)
    if window is not None:
        window.close()
        window.deleteLater()


def show_help(section: str | None = None, role: str = "volunteer",
              lang: str | None = None) -> HelpWindow:
    """Open the guide for ``role`` at ``section`` (None: the start)."""
    window = help_window()
    window.load(role, lang or current_language())
    if not window.isVisible():
        window.show()
    elif QGuiApplication.platformName() != "offscreen":  # (it has no window stacking)
        window.raise_()
    window.activateWindow()
    window.show_section(section)
    QTimer.singleShot(0, lambda: window.show_section(section))  # once laid out at its size
    return window


def show_help_for(widget: QWidget | None) -> HelpWindow:
    """F1: the guide at the section for ``widget`` (the focused one, or a window)."""
    return show_help(section_for(widget), role_for(widget))


class HelpKey(QObject):
    """Catches F1 anywhere in the application (also in modal dialogs and the wizard)."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_F1 \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            app = QApplication.instance()
            # the key goes to the focused widget; a window (QWindow) passes it on to it
            target = watched if isinstance(watched, QWidget) else (
                QApplication.focusWidget() or QApplication.activeWindow())
            window = _window.get("window")
            if window is not None and target is not None and (
                    target is window or window.isAncestorOf(target)):
                return True  # F1 inside the guide: nothing more to open
            if app is not None:
                show_help_for(target)
                return True
        return False


def install_help_key(app: QApplication | None = None) -> None:
    """Install the F1 filter once per application."""
    if app is None:
        instance = QApplication.instance()
        app = instance if isinstance(instance, QApplication) else None
    if app is None or app.property("desa_peduli_help_key"):
        return
    key = HelpKey(app)
    app.installEventFilter(key)
    app.setProperty("desa_peduli_help_key", True)


__all__ = ["GUIDE_FILES", "SECTIONS", "SECTION_BY_CLASS", "HelpWindow", "close_help", "guide_folder",
           "install_help_key", "parse_guide", "role_for", "section_for", "show_help",
           "show_help_for", "slugify"]
