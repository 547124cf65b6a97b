"""The review's state dialogs: a correction's reason, a KPJ number, the original of a duplicate.

They only collect and check input; the caller calls the service and shows an
``InputRejected`` message if it refuses.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.ui.widgets import (
    button_box,
    error_label,
    plain_labels,
    show_error,
)

MIN_REASON = 3
IdRole = Qt.ItemDataRole.UserRole


def _describe(record: dict) -> str:
    """``Siti Aminah · 1504054203880001 · RLW-001`` for a registration row."""
    parts = [record.get("full_name") or "", record.get("nik") or "", record.get("volunteer_id")
             or ""]
    return " · ".join(p for p in parts if p)


class CorrectionDialog(QDialog):
    """Asks what the volunteer has to correct."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Needs correction"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "What must the volunteer correct in the registration of {name}? The reason goes "
            "back to the volunteer with the next receipt.").format(name=name), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(300)
        self.reason_edit.setPlaceholderText(self.tr(
            "e.g. the phone number is not active; the KTP photo cannot be read"))
        label = QLabel(self.tr("&Reason:"), self)
        label.setBuddy(self.reason_edit)
        form.addRow(label, self.reason_edit)
        layout.addLayout(form)
        self.buttons = button_box(self, self.tr("&Save"))
        self.ok_button = self.buttons.buttons()[0]
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(
            lambda _t: self.ok_button.setEnabled(len(self.reason) >= MIN_REASON))
        self.ok_button.setEnabled(False)
        self.setMinimumWidth(520)
        plain_labels(self)  # what it shows may quote user data

    @property
    def reason(self) -> str:
        return " ".join(self.reason_edit.text().split())

    def accept(self) -> None:
        if len(self.reason) >= MIN_REASON:
            super().accept()


class KpjDialog(QDialog):
    """Asks for the KPJ number (8–16 digits) BPJS Ketenagakerjaan gave."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Registered"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "{name} is registered with BPJS Ketenagakerjaan. Type the KPJ number from the "
            "membership card.").format(name=name), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.kpj_edit = QLineEdit(self)
        self.kpj_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"^\d{0,16}$"), self.kpj_edit))
        self.kpj_edit.setPlaceholderText(self.tr("8–16 digits"))
        label = QLabel(self.tr("&KPJ number:"), self)
        label.setBuddy(self.kpj_edit)
        form.addRow(label, self.kpj_edit)
        layout.addLayout(form)
        self.buttons = button_box(self, self.tr("&Save"))
        self.ok_button = self.buttons.buttons()[0]
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.kpj_edit.textChanged.connect(lambda _t: self.ok_button.setEnabled(self._valid()))
        self.ok_button.setEnabled(False)
        self.setMinimumWidth(440)
        plain_labels(self)  # what it shows may quote user data

    @property
    def kpj(self) -> str:
        return self.kpj_edit.text().strip()

    def _valid(self) -> bool:
        return self.kpj.isdigit() and 8 <= len(self.kpj) <= 16

    def accept(self) -> None:
        if self._valid():
            super().accept()


class DuplicateOfDialog(QDialog):
    """Chooses the registration that is kept; the selected one becomes its duplicate."""

    def __init__(self, service, reg_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._service = service
        self._store = service.session.registrations.store
        self._reg_id = reg_id
        self.duplicate_of: str | None = None
        record = self._store.get(reg_id) or {}
        self.setWindowTitle(self.tr("Duplicate of…"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Mark the registration of {name} as a duplicate of another registration. The "
            "other one is kept.").format(name=_describe(record)), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        list_label = QLabel(self.tr("Registrations with the same &NIK:"), self)
        layout.addWidget(list_label)
        self.candidates = QListWidget(self)
        self.candidates.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        list_label.setBuddy(self.candidates)
        layout.addWidget(self.candidates)
        for other in self._candidates(record):
            item = QListWidgetItem(_describe(other), self.candidates)
            item.setData(IdRole, other["id"])
            item.setToolTip(other["id"])
        self.none_label = QLabel(self.tr("None found: type the other registration's ID or NIK."),
                                 self)
        self.none_label.setStyleSheet("color: palette(placeholder-text);")
        self.none_label.setVisible(self.candidates.count() == 0)
        layout.addWidget(self.none_label)
        form = QFormLayout()
        self.other_edit = QLineEdit(self)
        self.other_edit.setPlaceholderText(self.tr("registration ID or 16-digit NIK"))
        other_label = QLabel(self.tr("&Or type:"), self)
        other_label.setBuddy(self.other_edit)
        form.addRow(other_label, self.other_edit)
        layout.addLayout(form)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.buttons = button_box(self, self.tr("&Mark as duplicate"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.other_edit.textChanged.connect(lambda _t: show_error(self.error, ""))
        self.other_edit.textEdited.connect(lambda _t: self.candidates.clearSelection())
        if self.candidates.count():
            self.candidates.setCurrentRow(0)
        self.resize(620, 380)
        plain_labels(self)  # what it shows may quote user data

    def _candidates(self, record: dict) -> list[dict]:
        ids = []
        for pair in self._service.duplicates(open_only=True):
            if self._reg_id in (pair["registration_id"], pair["other_id"]):
                other = pair["other_id"] if pair["registration_id"] == self._reg_id \
                    else pair["registration_id"]
                ids.append(other)
        if record.get("nik"):
            ids += [r["id"] for r in self._store.find_by_nik(record["nik"], self._reg_id)]
        out = []
        for reg_id in dict.fromkeys(ids):
            other = self._store.get(reg_id)
            if other is not None:
                out.append(other)
        return out

    def _resolve(self) -> str | None:
        text = self.other_edit.text().strip()
        if not text:
            item = self.candidates.currentItem()
            if item is None or not item.isSelected():
                show_error(self.error, self.tr("Choose the other registration, or type its ID "
                                               "or NIK."))
                return None
            return item.data(IdRole)
        if text.isdigit() and len(text) == 16:
            found = self._store.find_by_nik(text, self._reg_id)
            if len(found) == 1:
                return found[0]["id"]
            if len(found) > 1:
                show_error(self.error, self.tr("Several registrations have this NIK: choose one "
                                               "from the list."))
                return None
        elif text != self._reg_id and self._store.get(text) is not None:
            return text
        show_error(self.error, self.tr("No other registration has this ID or NIK."))
        return None

    def accept(self) -> None:
        other = self._resolve()
        if other is None:
            return
        self.duplicate_of = other
        super().accept()
