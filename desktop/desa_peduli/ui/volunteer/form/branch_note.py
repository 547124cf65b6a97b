"""What the branch office said about the registration in the form: its reason, the KPJ number.

:class:`BranchNote` puts, in a :class:`RegistrationFormView`, a banner under the header
with the branch office's correction reason (or, for a registration already registered
at BPJS, what changing it means, with "Change anyway") and, in the header, "Registered ·
KPJ number …" with a button that copies the number. Nothing of it is only in a tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

translate = QCoreApplication.translate  # the view's context, RegistrationFormView

_REASON_STYLE = ("QWidget#branchNote { background: #fde8e8; border: 1px solid #e3a5a5;"
                 " border-radius: 3px; } QLabel { color: #5c0b0b; }")
_REGISTERED_STYLE = ("QWidget#branchNote { background: #e7f3ea; border: 1px solid #9cc9a6;"
                     " border-radius: 3px; } QLabel { color: #123d1c; }")
CORRECTION_STATES = ("correction", "duplicate")


class BranchNote(QObject):
    """The branch office's word in the form (see the module docstring)."""

    change_confirmed = Signal()  # "Change anyway" on a registration registered at BPJS

    def __init__(self, view: QWidget, outer: QVBoxLayout, header: QHBoxLayout):
        super().__init__(view)
        self.banner = QWidget(view)
        self.banner.setObjectName("branchNote")
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(10, 6, 10, 6)
        self.message_label = QLabel(self.banner)
        self.message_label.setWordWrap(True)
        row.addWidget(self.message_label, 1)
        self.change_button = QPushButton(
            translate("RegistrationFormView", "&Change anyway"), self.banner)
        self.change_button.setAutoDefault(False)
        self.change_button.clicked.connect(self._on_change_button_clicked)
        row.addWidget(self.change_button)
        outer.insertWidget(1, self.banner)
        self.banner.hide()

        self.kpj_box = QWidget(view)
        kpj_row = QHBoxLayout(self.kpj_box)
        kpj_row.setContentsMargins(0, 0, 12, 0)
        self.kpj_label = QLabel(self.kpj_box)
        kpj_row.addWidget(self.kpj_label)
        self.copy_button = QPushButton(translate("RegistrationFormView", "Cop&y"), self.kpj_box)
        self.copy_button.setAutoDefault(False)
        self.copy_button.setToolTip(translate(
            "RegistrationFormView", "Copy the KPJ number, to paste it elsewhere"))
        self.copy_button.clicked.connect(self.copy_kpj)
        kpj_row.addWidget(self.copy_button)
        header.insertWidget(1, self.kpj_box)
        self.kpj_box.hide()
        self.kpj_number = ""

    def show_for(self, record: dict | None, *, protect: bool) -> None:
        """Show what the branch said about ``record`` (None: a new registration)."""
        record = record or {}
        status = record.get("status")
        reason = " ".join(str(record.get("branch_reason") or "").split())
        self.kpj_number = str(record.get("kpj_number") or "")
        self.kpj_label.setText(translate(
            "RegistrationFormView", "Registered · KPJ number {number}").format(
                number=self.kpj_number))
        self.kpj_box.setVisible(bool(self.kpj_number))
        if status in CORRECTION_STATES and reason:
            self.banner.setStyleSheet(_REASON_STYLE)
            self.message_label.setText(translate(
                "RegistrationFormView",
                "The branch office asks for a correction: {reason}. Fix it here; the "
                "registration is then sent again with the next bundle.").format(reason=reason))
            self.change_button.hide()
            self.banner.show()
        elif protect:
            self.banner.setStyleSheet(_REGISTERED_STYLE)
            self.message_label.setText(translate(
                "RegistrationFormView",
                "This worker is registered at BPJS. Change something only if it is wrong: "
                "the registration is then sent to the branch office again, to be checked "
                "once more."))
            self.change_button.show()
            self.banner.show()
        else:
            self.banner.hide()

    def copy_kpj(self) -> None:
        if self.kpj_number:
            QGuiApplication.clipboard().setText(self.kpj_number)

    def _on_change_button_clicked(self) -> None:
        self.message_label.setText(translate(
            "RegistrationFormView",
            "Your changes are sent to the branch office again with the next bundle."))
        self.change_button.hide()
        self.change_confirmed.emit()


__all__ = ["BranchNote", "CORRECTION_STATES"]
