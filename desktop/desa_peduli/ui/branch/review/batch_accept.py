"""*Batch accept…*: accept every clean registration of a bundle, a volunteer or a desa,
after showing how many that is.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.errors import DesaPeduliError
from desa_peduli.services.review import (
    BUNDLE,
    DUPLICATE,
    INVALID,
    VILLAGE,
    VOLUNTEER,
    WARNING,
    AcceptPreview,
    ReviewService,
)
from desa_peduli.ui import labels
from desa_peduli.ui.branch.review.models import (
    number,
)
from desa_peduli.ui.jobs import Job, run_job
from desa_peduli.ui.messages import failure_text
from desa_peduli.ui.widgets import (
    MiddleElidingComboBox,
    button_box,
    error_label,
    plain_labels,
    show_error,
)

log = logging.getLogger(__name__)

PREVIEW_DELAY_MS = 120


class BatchAcceptDialog(QDialog):
    """Chooses a bundle, a volunteer or a desa, says how many clean registrations that
    accepts (and how many stay for a person), then accepts them in one batch."""

    done_batch = Signal(object)  # services.review.BatchResult

    def __init__(self, review: ReviewService, parent: QWidget | None = None, *,
                 default: tuple[str, str] | None = None):
        super().__init__(parent)
        self._review = review
        self.preview: AcceptPreview | None = None
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Batch accept"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Accept every clean registration of one bundle, one volunteer or one desa: "
            "received, without a NIK warning and not part of a duplicate pair. The batch is "
            "recorded with who accepted it and when."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        self.bundle_radio = QRadioButton(self.tr("&Bundle:"), self)
        self.volunteer_radio = QRadioButton(self.tr("&Volunteer:"), self)
        self.village_radio = QRadioButton(self.tr("&Desa:"), self)
        self.bundle_combo = MiddleElidingComboBox(self)  # file names differ at the end
        self.volunteer_combo = QComboBox(self)
        self.village_combo = QComboBox(self)
        for combo in (self.bundle_combo, self.volunteer_combo, self.village_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(40)
        self.bundle_combo.setMinimumContentsLength(66)  # a bundle's file name and date whole
        for bundle in review.bundle_choices():
            self.bundle_combo.addItem(self.tr("{file} (imported {when})").format(
                file=bundle["file_name"] or bundle["bundle_id"],
                when=labels.format_timestamp(bundle["imported_at"])), bundle["bundle_id"])
        for volunteer_id, name in review.volunteer_choices():
            self.volunteer_combo.addItem(f"{volunteer_id} · {name}", volunteer_id)
        for code in review.village_choices():
            self.village_combo.addItem(f"{labels.village_path(code)} ({code})", code)
        self.village_combo.setEditable(True)
        self.village_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.village_combo.completer()
        village_edit = self.village_combo.lineEdit()
        assert completer is not None and village_edit is not None  # an editable combo's
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        village_edit.setPlaceholderText(self.tr("desa name or code"))
        rows = ((self.bundle_radio, self.bundle_combo), (self.volunteer_radio, self.volunteer_combo),
                (self.village_radio, self.village_combo))
        for row, (radio, combo) in enumerate(rows):
            grid.addWidget(radio, row, 0)
            grid.addWidget(combo, row, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        self.preview_label.setMinimumHeight(self.fontMetrics().height() * 3)
        layout.addWidget(self.preview_label)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.buttons = button_box(self, self.tr("&Accept"))
        self.ok_button = self.buttons.buttons()[0]
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        plain_labels(self)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        for radio, combo in rows:
            radio.toggled.connect(self._schedule)
            combo.currentIndexChanged.connect(lambda _i, r=radio: self._choose(r))
            combo.activated.connect(lambda _i, r=radio: self._choose(r))
        village_edit.textEdited.connect(
            lambda _t: self._choose(self.village_radio))

        kind, value = default or (BUNDLE if self.bundle_combo.count() else VOLUNTEER, None)
        radio, combo = {BUNDLE: rows[0], VOLUNTEER: rows[1], VILLAGE: rows[2]}[kind]
        if value is not None and combo.findData(value) >= 0:
            combo.setCurrentIndex(combo.findData(value))
        radio.setChecked(True)
        self.update_preview()

    def _choose(self, radio: QRadioButton) -> None:
        if radio.isChecked():
            self._schedule()
        else:
            radio.setChecked(True)

    def _schedule(self, *_args) -> None:
        self.ok_button.setEnabled(False)
        self._timer.start()

    def scope(self) -> tuple[str, str]:
        if self.bundle_radio.isChecked():
            return BUNDLE, self.bundle_combo.currentData() or ""
        if self.volunteer_radio.isChecked():
            return VOLUNTEER, self.volunteer_combo.currentData() or ""
        combo = self.village_combo
        text = combo.currentText().strip()
        index = combo.findText(text)
        return VILLAGE, (combo.itemData(index) if index >= 0 else text)

    def update_preview(self) -> None:
        self._timer.stop()
        kind, value = self.scope()
        self.preview = None
        show_error(self.error, "")
        if not value:
            self.preview_label.setText(self.tr("Choose what to accept."))
            self.ok_button.setEnabled(False)
            return
        try:
            preview = self._review.preview_accept(kind, value)
        except DesaPeduliError as exc:
            self.preview_label.setText("")
            show_error(self.error, labels.error_message(exc))
            self.ok_button.setEnabled(False)
            return
        self.preview = preview
        held = preview.held
        waiting = sum(held.values())
        lines = [self.tr("%n clean registration(s) will be accepted.", "", preview.accept)
                 if preview.accept else self.tr("No clean registration to accept here.")]
        if waiting:
            lines.append(self.tr(
                "{count} stay in the review queue: {duplicates} in a duplicate pair, "
                "{warnings} with a NIK warning, {invalid} failed validation.").format(
                count=number(waiting), duplicates=number(held[DUPLICATE]),
                warnings=number(held[WARNING]), invalid=number(held[INVALID])))
        if preview.done:
            lines.append(self.tr("{count} were decided before (accepted, sent back, registered "
                                 "or duplicate).").format(count=number(preview.done)))
        self.preview_label.setText("\n".join(lines))
        self.ok_button.setText(self.tr("&Accept %n registration(s)", "", preview.accept))
        self.ok_button.setEnabled(preview.accept > 0)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def accept(self) -> None:
        """Accept the batch in a writing job (thousands of rows at a large branch); the
        dialog stays open, its controls disabled, until it is done."""
        if self._timer.isActive():
            self.update_preview()
        if self.running or self.preview is None or self.preview.accept <= 0:
            return
        kind, value = self.scope()
        self._set_busy(True)
        self.job = run_job(lambda s, _p: ReviewService(s).accept_clean(kind, value),
                           owner=self, session=self._review.session, writes=True,
                           on_success=self._on_accepted, on_failure=self._on_failed)

    def _set_busy(self, busy: bool) -> None:
        for child in self.findChildren(QWidget):
            if child.parent() is self:
                child.setEnabled(not busy)

    def _on_accepted(self, result) -> None:
        self._set_busy(False)
        super().accept()
        self.done_batch.emit(result)

    def _on_failed(self, exc: Exception) -> None:  # one transaction: nothing changed
        self._set_busy(False)
        show_error(self.error, failure_text(exc, "batch accept failed"))

    def reject(self) -> None:
        if not self.running:  # the batch's transaction finishes first
            super().reject()
