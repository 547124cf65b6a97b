"""Dialogs of the branch's Volunteers tab: enrol a volunteer, write a receipt, recover a
volunteer's workspace.

They call the service themselves and keep the person's input on an error.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desa_peduli import reference
from desa_peduli.domain.regions import from_digits
from desa_peduli.errors import DesaPeduliError
from desa_peduli.services.branch import BranchService
from desa_peduli.ui import labels
from desa_peduli.ui.drives import TargetChooser, Volume
from desa_peduli.ui.jobs import Job, run_job
from desa_peduli.ui.messages import write_error_message
from desa_peduli.ui.volunteer.form.region_picker import RegionCascade, RegionCombo
from desa_peduli.ui.widgets import (
    MIN_PASSPHRASE,
    PassphraseHint,
    busy_bar,
    button_box,
    error_label,
    password_edit,
    show_error,
)

IdRole = Qt.ItemDataRole.UserRole


class EnrolVolunteerDialog(QDialog):
    """Records a volunteer and writes their signed enrolment file (to a USB stick)."""

    enrolled = Signal(str, object)  # volunteer id, the file written

    def __init__(self, service, parent: QWidget | None = None, *,
                 volumes: list[Volume] | None = None):
        super().__init__(parent)
        self._service = service
        self.path: Path | None = None
        self.setWindowTitle(self.tr("Enrol a volunteer"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.id_edit = QLineEdit(self)
        self.id_edit.setMaxLength(40)
        self.id_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"), self.id_edit))
        self.id_edit.setText(self._next_id())
        id_label = QLabel(self.tr("Volunteer &ID:"), self)
        id_label.setBuddy(self.id_edit)
        form.addRow(id_label, self.id_edit)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(100)
        name_label = QLabel(self.tr("&Name:"), self)
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)
        layout.addLayout(form)

        area = QGroupBox(self.tr("Villages the volunteer works in"), self)
        area_layout = QVBoxLayout(area)
        pickers = QFormLayout()
        regions = reference.regions()
        province_combo, regency, district, village = (RegionCombo(area) for _ in range(4))
        self._combos = [province_combo, regency, district, village]
        self._cascade = RegionCascade(regions, province_combo, regency, district, village,
                                      parent=self)
        province = service.session.settings.get("province") or "15"
        self._cascade.set_village_code(None, province=province)
        self._combos[0].hide()  # the branch's own province
        for text, combo in zip((self.tr("&Kabupaten/kota:"), self.tr("K&ecamatan:"),
                                self.tr("&Desa/kelurahan:")), self._combos[1:], strict=True):
            label = QLabel(text, area)
            label.setBuddy(combo)
            pickers.addRow(label, combo)
        self.code_edit = QLineEdit(area)
        self.code_edit.setPlaceholderText(self.tr("or a code, e.g. 15.04.05.2003"))
        code_label = QLabel(self.tr("C&ode:"), area)
        code_label.setBuddy(self.code_edit)
        pickers.addRow(code_label, self.code_edit)
        area_layout.addLayout(pickers)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add village"), area)
        self.add_button.setAutoDefault(False)
        self.remove_button = QPushButton(self.tr("Re&move"), area)
        self.remove_button.setAutoDefault(False)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        area_layout.addLayout(row)
        self.villages_list = QListWidget(area)
        self.villages_list.setMaximumHeight(self.fontMetrics().height() * 5)
        area_layout.addWidget(self.villages_list)
        layout.addWidget(area)

        where = QLabel(self.tr("&Save the enrolment file to:"), self)
        layout.addWidget(where)
        self.target = TargetChooser(self, volumes=volumes,
                                    dialog_title=self.tr("Folder for the enrolment file"))
        where.setBuddy(self.target.list)
        layout.addWidget(self.target)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.buttons = button_box(self, self.tr("&Write enrolment file"))
        self.ok_button = self.buttons.buttons()[0]
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.code_edit.installEventFilter(self)  # Enter there adds the village
        self.setMinimumWidth(600)

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.code_edit and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._on_add_button_clicked()
            return True
        return super().eventFilter(watched, event)

    def _next_id(self) -> str:
        taken = {v["id"] for v in self._service.volunteers()}
        number = len(taken) + 1
        while f"RLW-{number:04d}" in taken:
            number += 1
        return f"RLW-{number:04d}"

    @property
    def villages(self) -> list[str]:
        return [self.villages_list.item(i).data(IdRole) for i in range(self.villages_list.count())]

    def _on_add_button_clicked(self) -> None:
        text = self.code_edit.text().strip()
        code = (from_digits(text) or text) if text else self._cascade.village_code()
        region = reference.regions().get(code) if code else None
        if region is None or region.level != "village":
            show_error(self.error, self.tr("Choose a desa/kelurahan, or type its code "
                                           "(e.g. 15.04.05.2003)."))
            self.code_edit.selectAll()  # typing again replaces it
            return
        show_error(self.error, "")
        self.code_edit.clear()
        if region.code in self.villages:
            return
        item = QListWidgetItem(f"{labels.village_path(region.code)} ({region.code})",
                               self.villages_list)
        item.setData(IdRole, region.code)
        self.villages_list.setCurrentItem(item)

    def _on_remove_button_clicked(self) -> None:
        row = self.villages_list.currentRow()
        if row >= 0:
            self.villages_list.takeItem(row)

    def accept(self) -> None:
        folder = self.target.folder()
        if folder is None:
            show_error(self.error, self.tr("Choose where to save the enrolment file."))
            return
        volunteer_id = self.id_edit.text().strip()
        try:
            self.path = self._service.enrol(volunteer_id=volunteer_id,
                                            name=self.name_edit.text(),
                                            villages=self.villages, target=folder)
        except (DesaPeduliError, OSError) as exc:
            show_error(self.error, write_error_message(exc, folder))
            return
        self.enrolled.emit(volunteer_id, self.path)
        super().accept()


class WriteReceiptDialog(QDialog):
    """Writes the receipt for one volunteer to a USB stick (or another folder)."""

    written = Signal(object)  # the file written

    def __init__(self, service, volunteer: dict, parent: QWidget | None = None, *,
                 volumes: list[Volume] | None = None):
        super().__init__(parent)
        self._service = service
        self._volunteer = volunteer
        self.path: Path | None = None
        self.setWindowTitle(self.tr("Write receipt"))
        layout = QVBoxLayout(self)
        corrections = volunteer.get("open_corrections") or 0
        intro = QLabel(self.tr(
            "The receipt for {name} ({id}) tells their laptop what the branch office has "
            "received, and the state of each registration: {count} need correction.").format(
            name=volunteer.get("name") or "", id=volunteer["id"], count=corrections), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        where = QLabel(self.tr("&Save the receipt to:"), self)
        layout.addWidget(where)
        self.target = TargetChooser(self, volumes=volumes,
                                    dialog_title=self.tr("Folder for the receipt"))
        where.setBuddy(self.target.list)
        layout.addWidget(self.target)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.buttons = button_box(self, self.tr("&Write receipt"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(540)

    def accept(self) -> None:
        folder = self.target.folder()
        if folder is None:
            show_error(self.error, self.tr("Choose where to save the receipt."))
            return
        try:
            self.path = self._service.receipt(self._volunteer["id"], folder)
        except (DesaPeduliError, OSError) as exc:
            show_error(self.error, write_error_message(exc, folder))
            return
        self.written.emit(self.path)
        super().accept()


class RecoverWorkspaceDialog(QDialog):
    """Gives a volunteer workspace whose passphrase was forgotten a new passphrase."""

    recovered = Signal(str)  # the volunteer id

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._worker: Job | None = None
        self.setWindowTitle(self.tr("Recover a volunteer's workspace"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "A volunteer who forgot their passphrase brings their laptop (or a copy of its "
            "Desa Peduli data folder). Choose that folder and set a new passphrase; nothing "
            "else in it changes. A backup is made first."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setPlaceholderText(self.tr("the volunteer's data folder"))
        self.choose_button = QPushButton(self.tr("C&hoose…"), self)
        self.choose_button.setAutoDefault(False)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        folder_label = QLabel(self.tr("&Folder:"), self)
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, folder_row)
        self.passphrase_edit = password_edit(self)
        self.repeat_edit = password_edit(self)
        pp_label = QLabel(self.tr("New &passphrase:"), self)
        pp_label.setBuddy(self.passphrase_edit)
        form.addRow(pp_label, self.passphrase_edit)
        form.addRow("", PassphraseHint(self.passphrase_edit, self))
        repeat_label = QLabel(self.tr("&Repeat:"), self)
        repeat_label.setBuddy(self.repeat_edit)
        form.addRow(repeat_label, self.repeat_edit)
        layout.addLayout(form)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.busy = busy_bar(self)
        layout.addWidget(self.busy)
        self.buttons = button_box(self, self.tr("&Set new passphrase"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.setMinimumWidth(560)

    @property
    def is_busy(self) -> bool:
        return self._worker is not None

    def _on_choose_button_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("The volunteer's data folder"), self.folder_edit.text() or str(Path.home()))
        if chosen:
            self.folder_edit.setText(chosen)
            self.passphrase_edit.setFocus()

    def _on_buttons_accepted(self) -> None:
        folder = self.folder_edit.text().strip()
        passphrase = self.passphrase_edit.text()
        if not folder:
            show_error(self.error, self.tr("Choose the volunteer's data folder first."))
            return
        if len(passphrase) < MIN_PASSPHRASE:
            show_error(self.error, self.tr(
                "The passphrase is too short: use at least {count} characters.").format(
                count=MIN_PASSPHRASE))
            return
        if passphrase != self.repeat_edit.text():
            show_error(self.error, self.tr("The two passphrases are not the same. Type them "
                                           "again."))
            return
        self._set_busy(True)
        self._worker = run_job(
            lambda s, _p: BranchService(s).recover_workspace(Path(folder), passphrase),
            owner=self, session=self._session, writes=True,
            on_success=self._on_worker_succeeded, on_failure=self._on_worker_failed)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.folder_edit, self.choose_button, self.passphrase_edit,
                       self.repeat_edit, self.buttons):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        if busy:
            show_error(self.error, "")

    def _on_worker_succeeded(self, volunteer_id: str) -> None:
        self._worker = None
        self._set_busy(False)
        self.recovered.emit(volunteer_id)
        self.accept()

    def _on_worker_failed(self, exc: Exception) -> None:
        self._worker = None
        self._set_busy(False)
        show_error(self.error, labels.error_message(exc))

    def reject(self) -> None:
        if self.is_busy:
            return
        super().reject()
