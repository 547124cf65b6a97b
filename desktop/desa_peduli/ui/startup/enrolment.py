"""The first-run wizard's sync parts: the enrolment file chooser, the branch office page
and the last page with the fingerprints to read aloud (used by ``ui/wizard.py``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from desa_peduli.errors import DesaPeduliError
from desa_peduli.ui import drives, labels
from desa_peduli.ui.fingerprint import fingerprint_font
from desa_peduli.ui.startup.page import TranslatedPage
from desa_peduli.ui.volunteer.sync import ENROLMENT_SUFFIX
from desa_peduli.ui.widgets import error_label, plain_labels, show_error

# `noqa: PLC0415 - start-up`: the wizard loads this module before the passphrase dialog
# shows; the sync services (and the sync layer, ~100 ms) load when a page needs them.

HOME_PROVINCE = "15"  # Jambi


class EnrolmentChooser(QWidget):
    """Chooses and verifies the enrolment file; ``enrolment`` is set once it is valid."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.path: Path | None = None
        self.enrolment: dict | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 0, 0, 0)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.choose_button = QPushButton(self)
        self.choose_button.setAutoDefault(False)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.hide()
        layout.addWidget(self.details)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.choose_button.clicked.connect(self.choose)
        self.retranslate_ui()
        plain_labels(self)  # what it shows may quote user data

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.choose_button.setText(self.tr("C&hoose file…"))
        self.path_edit.setPlaceholderText(self.tr("the enrolment file ({suffix}) from the USB "
                                                  "stick").format(suffix=ENROLMENT_SUFFIX))
        self._show_details()

    def choose(self) -> None:
        volumes = drives.removable_volumes()
        start = str(self.path.parent if self.path else volumes[0].path if volumes
                    else Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Enrolment file from the branch office"), start,
            self.tr("Enrolment files (*{suffix});;All files (*)").format(suffix=ENROLMENT_SUFFIX))
        if chosen:
            self.set_path(Path(chosen))

    def set_path(self, path: Path) -> None:
        """Read and verify ``path`` (the branch's signature); show what it says."""
        from desa_peduli.services.field import read_enrolment  # noqa: PLC0415 - start-up

        self.path = Path(path)
        self.path_edit.setText(str(self.path))
        try:
            self.enrolment = read_enrolment(self.path)
        except DesaPeduliError as exc:
            self.enrolment = None
            show_error(self.error, labels.error_message(exc))
        else:
            show_error(self.error, "")
        self._show_details()
        self.changed.emit()

    def _show_details(self) -> None:
        from desa_peduli.services.field import branch_fingerprint  # noqa: PLC0415 - start-up

        if self.enrolment is None:
            self.details.hide()
            return
        self.details.setText(self.tr(
            "Branch office: {branch} (fingerprint {fingerprint})\nVolunteer: {id}, {name}").format(
            branch=self.enrolment["branch"].get("name") or "",
            fingerprint=branch_fingerprint(self.enrolment),
            id=self.enrolment["volunteer_id"], name=self.enrolment["volunteer_name"]))
        self.details.show()


class BranchPage(TranslatedPage):
    """The branch office's name and province."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(100)
        self.name_label = QLabel(self)
        self.name_label.setBuddy(self.name_edit)
        form.addRow(self.name_label, self.name_edit)
        self.registerField("branch_name*", self.name_edit)
        self.province_combo = QComboBox(self)
        from desa_peduli import reference  # noqa: PLC0415 - start-up: loads after the passphrase dialog

        for region in sorted(reference.regions().all("province"), key=lambda r: r.name.casefold()):
            self.province_combo.addItem(f"{region.name} ({region.code})", region.code)
        self.province_combo.setCurrentIndex(max(0, self.province_combo.findData(HOME_PROVINCE)))
        self.province_label = QLabel(self)
        self.province_label.setBuddy(self.province_combo)
        form.addRow(self.province_label, self.province_combo)
        layout.addLayout(form)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.retranslate_ui()
        plain_labels(self)  # what it shows may quote user data

    @property
    def branch_name(self) -> str:
        return " ".join(self.name_edit.text().split())

    @property
    def province(self) -> str:
        return self.province_combo.currentData() or HOME_PROVINCE

    def initializePage(self) -> None:
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("The branch office"))
        self.setSubTitle(self.tr("This laptop receives the volunteers' bundles and sends "
                                 "receipts back."))
        self.name_label.setText(self.tr("Branch office &name:"))
        self.province_label.setText(self.tr("&Province:"))
        self.note.setText(self.tr(
            "The name is shown to volunteers when they enrol. The keys that sign enrolment "
            "files and open bundles are made now and stay in this workspace."))


class DonePage(TranslatedPage):
    """After creating: the fingerprints to compare aloud (enrolled laptop or branch)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []
        self._kind = "enrolled"
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        layout.addLayout(self.grid)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.error = error_label(self)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.value_labels: list[QLabel] = []
        self.retranslate_ui()
        plain_labels(self)  # what it shows may quote user data

    def set_result(self, kind: str, message: str, rows: list[tuple[str, str]],
                   error: str = "") -> None:
        """``kind``: "enrolled" or "branch"; rows: (caption, fingerprint)."""
        self._kind = kind
        self.message.setText(message)
        while (item := self.grid.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.value_labels = []
        for row, (caption, value) in enumerate(rows):
            self.grid.addWidget(QLabel(caption, self), row, 0)
            shown = QLabel(value, self)
            shown.setFont(fingerprint_font())
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(shown, row, 1)
            self.value_labels.append(shown)
        show_error(self.error, error)
        self.retranslate_ui()

    def fingerprints(self) -> list[str]:
        return [label.text() for label in self.value_labels]

    def initializePage(self) -> None:
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Start"))
        wizard = self.wizard()
        if wizard is not None:  # the workspace exists now: the only way on is to open it
            wizard.setOption(QWizard.WizardOption.NoCancelButton, True)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Ready"))
        if self._kind == "branch":
            self.setSubTitle(self.tr("The branch office workspace is created."))
            self.note.setText(self.tr(
                "Volunteers see this fingerprint when they enrol their laptop. Read it "
                "aloud with them (Help → Branch fingerprint shows it again)."))
        else:
            self.setSubTitle(self.tr("Your workspace is created."))
            self.note.setText(self.tr(
                "Read both fingerprints aloud with the branch office staff: they must see the "
                "same on their screen. If they differ, call the branch office before sending "
                "anything. (Sync → Show fingerprints shows them again.)"))
