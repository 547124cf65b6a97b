"""The figures editor: potential workers and the coverage target per region.
"""

from __future__ import annotations

from PySide6.QtCore import (
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from desa_peduli.errors import DesaPeduliError
from desa_peduli.services.coverage import (
    CoverageService,
    RegionCoverage,
    parse_int,
    parse_percent,
)
from desa_peduli.ui import labels
from desa_peduli.ui.branch.dashboard.charts import (
    format_target,
)
from desa_peduli.ui.i18n import current_language


# -- the figures editor ---------------------------------------------------------------------
class CoverageTargetDialog(QDialog):
    """Potential workers, active participants, target and source of one region."""

    saved = Signal(str)  # region code

    def __init__(self, service: CoverageService, region: RegionCoverage, parent=None):
        super().__init__(parent)
        self.service = service
        self.region = region
        self.setWindowTitle(self.tr("Figures for {region}").format(region=region.name))
        target = service.target(region.code)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "BPJS Ketenagakerjaan's figures for {region}. Leave a field empty when the figure "
            "is not known; an empty target uses the parent region's.").format(
            region=region.name), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.potential_edit = QLineEdit(self)
        self.potential_edit.setPlaceholderText(self.tr("e.g. 98206"))
        self.active_edit = QLineEdit(self)
        self.active_edit.setPlaceholderText(self.tr("e.g. 49803"))
        self.target_edit = QLineEdit(self)
        inherited = region.target_percent if target is None or target.target_percent is None \
            else None
        self.target_edit.setPlaceholderText(
            self.tr("parent's: {percent}").format(percent=format_target(inherited))
            if inherited is not None else self.tr("e.g. 55"))
        self.source_edit = QLineEdit(self)
        self.source_edit.setPlaceholderText(self.tr("where the figures come from, and when"))
        self.source_edit.setMaxLength(300)
        if target is not None:
            self.potential_edit.setText("" if target.potential_workers is None
                                        else str(target.potential_workers))
            self.active_edit.setText("" if target.active_participants is None
                                     else str(target.active_participants))
            self.target_edit.setText("" if target.target_percent is None
                                     else f"{target.target_percent:g}")
            self.source_edit.setText(target.source or "")
            self.source_edit.setCursorPosition(0)
        form.addRow(self.tr("&Potential workers:"), self.potential_edit)
        form.addRow(self.tr("&Active participants:"), self.active_edit)
        form.addRow(self.tr("&Target (%):"), self.target_edit)
        form.addRow(self.tr("&Source:"), self.source_edit)
        layout.addLayout(form)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def save(self) -> None:
        try:
            potential = parse_int(self.potential_edit.text())
            active = parse_int(self.active_edit.text())
            percent = parse_percent(self.target_edit.text())
        except ValueError as exc:
            self._show_error(exc.args[1] if current_language() == "en" else exc.args[0])
            return
        try:
            self.service.set_target(self.region.code, potential_workers=potential,
                                    target_percent=percent, active_participants=active,
                                    source=self.source_edit.text())
        except DesaPeduliError as exc:
            self._show_error(labels.error_message(exc))
            return
        self.saved.emit(self.region.code)
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
