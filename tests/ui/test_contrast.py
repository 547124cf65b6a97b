"""Hints and placeholders are readable: every one shown measures at least 4.5:1 (WCAG AA).

The walk goes over what a volunteer sees (the passphrase dialog, the wizard, the list when
empty, every section of the form, the export and receipt dialogs) and measures, with the
WCAG relative-luminance formula (``ui/style.py``), the colour each hint, note, label and
placeholder is drawn in against the background it is drawn on, both taken from the
widget's palette after its style sheet has been applied (``palette(placeholder-text)``,
``color: #…``, ``background: #…``). Disabled widgets are left out (WCAG exempts them).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QWidget

from desa_peduli.ui.style import HINT, MINIMUM_CONTRAST, contrast_ratio
from tests.ui.sync_fixtures import enrol, volunteer  # noqa: F401 - fixtures

Role = QPalette.ColorRole


def background_of(widget: QWidget) -> QColor:
    """The colour behind ``widget``: its own or its nearest ancestor's style-sheet
    background, else the window colour of its palette."""
    node: QWidget | None = widget
    while node is not None:
        if "background" in node.styleSheet():
            return node.palette().color(node.backgroundRole())
        node = node.parentWidget()
    return widget.palette().color(Role.Window)


def measured(top: QWidget, where: str) -> list[tuple[str, float]]:
    """(what, contrast) of every visible text colour in ``top``."""
    QApplication.processEvents()
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible() or not widget.isEnabled():
            continue
        widget.ensurePolished()
        palette = widget.palette()
        if isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            found.append((f"{where}: placeholder {widget.placeholderText()!r}",
                          contrast_ratio(palette.color(Role.PlaceholderText),
                                         palette.color(Role.Base))))
        elif isinstance(widget, QComboBox) and widget.placeholderText() \
                and widget.currentIndex() < 0:
            found.append((f"{where}: placeholder {widget.placeholderText()!r}",
                          contrast_ratio(palette.color(Role.PlaceholderText),
                                         palette.color(Role.Button))))
        elif isinstance(widget, QLabel) and widget.text().strip() and (
                widget.pixmap() is None or widget.pixmap().isNull()):
            found.append((f"{where}: {widget.objectName() or 'label'} {widget.text()[:50]!r}",
                          contrast_ratio(palette.color(Role.WindowText),
                                         background_of(widget))))
    return found


def too_faint(found: list[tuple[str, float]]) -> list[str]:
    return [f"{what}: {ratio:.2f}:1" for what, ratio in found if ratio < MINIMUM_CONTRAST]


def test_the_contrast_formula_matches_wcag():
    """Worked examples: black on white is 21:1, #777 on white 4.48:1 (just fails AA), the
    ``mid`` grey the hints used before (#b8b8b8) 1.73:1 on the window grey #efefef, and
    half-transparent black (Qt's default placeholder) on white is drawn as
    #7f7f7f (4.00:1)."""
    white, window = QColor("#ffffff"), QColor("#efefef")
    assert round(contrast_ratio(QColor("#000000"), white), 2) == 21.0
    assert round(contrast_ratio(QColor("#777777"), white), 2) == 4.48
    assert round(contrast_ratio(QColor("#b8b8b8"), window), 2) == 1.73
    assert round(contrast_ratio(QColor(0, 0, 0, 128), white), 2) == 4.0
    assert contrast_ratio(HINT, window) >= MINIMUM_CONTRAST


def test_every_hint_and_placeholder_is_readable(qtbot, volunteer, workspace_dir,  # noqa: F811
                                                tmp_path):
    from desa_peduli.ui.startup.passphrase import PassphraseDialog
    from desa_peduli.ui.startup.wizard import FirstRunWizard
    from desa_peduli.ui.volunteer.sync import ExportDialog
    from desa_peduli.ui.volunteer.sync_control import ReceiptDialog
    from desa_peduli.ui.volunteer.window import MainWindow

    passphrase = PassphraseDialog(workspace_dir)
    qtbot.addWidget(passphrase)
    passphrase.show()
    found = measured(passphrase, "passphrase")
    assert any("Forgotten the passphrase" in what for what, _ratio in found)

    wizard = FirstRunWizard(tmp_path / "new")
    qtbot.addWidget(wizard)
    wizard.show()
    found += measured(wizard, "wizard")

    window = MainWindow(volunteer, lock_timeout_ms=0)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    found += measured(window, "empty list")
    assert any("No registrations yet" in what for what, _ratio in found)
    assert any("Name or NIK" in what for what, _ratio in found)  # the search placeholder
    window.new_action.trigger()
    for index in range(5):
        window.form._go_to_section(index)
        found += measured(window, f"form section {index + 1}")
    assert any("16 digits from the KTP" in what for what, _ratio in found)
    window.form.flush()
    window.show_list()

    exporting = ExportDialog(volunteer, window, volumes=[])
    qtbot.addWidget(exporting)
    exporting.show()
    found += measured(exporting, "export")
    receipts = ReceiptDialog(window, volumes=[])
    qtbot.addWidget(receipts)
    receipts.show()
    found += measured(receipts, "receipt")
    assert any("No receipt found" in what for what, _ratio in found)

    assert not too_faint(found), "\n".join(too_faint(found))
