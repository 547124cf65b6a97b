"""The personal-data breach report (UU PDP): what, whose, since when, written out for the authority.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import (
    QDateTime,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.ui import labels
from desa_peduli.ui.branch.desk.base import DeskDialog, format_buttons, save_path
from desa_peduli.ui.i18n import current_language
from desa_peduli.ui.jobs import Job, run_job
from desa_peduli.ui.widgets import elide_in_the_middle

COUNT_DEBOUNCE_MS = 250


# ------------------------------------------------------------------------------ breach
class BreachReportDialog(DeskDialog):
    """Whose data a lost laptop or USB stick could hold: choose it, write the list."""

    written = Signal(object)  # services.breach.BreachReport

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Breach report"))
        self.report = None
        self._devices: list[dict] = []
        self.preview_info: dict | None = None
        self._preview_job: Job | None = None
        self._preview_generation = 0
        self.extra_files: list[Path] = []

        intro = QLabel(self.tr(
            "When a volunteer's laptop or a USB stick with bundles is lost, the people whose "
            "data it held must be told within 3×24 hours (UU 27/2022). Choose what was lost; "
            "the report lists those people and what data of theirs it held."), self)
        intro.setWordWrap(True)

        kind = QHBoxLayout()
        self.laptop_radio = QRadioButton(self.tr("A volunteer's &laptop"), self)
        self.stick_radio = QRadioButton(self.tr("A USB &stick with bundles"), self)
        self.laptop_radio.setChecked(True)
        self._kind_group = QButtonGroup(self)
        self._kind_group.addButton(self.laptop_radio)
        self._kind_group.addButton(self.stick_radio)
        kind.addWidget(self.laptop_radio)
        kind.addWidget(self.stick_radio)
        kind.addStretch(1)

        self.pages = QStackedWidget(self)
        laptop = QWidget(self.pages)
        laptop_page = QVBoxLayout(laptop)  # the form at the top, the spare room below it
        laptop_page.setContentsMargins(0, 0, 0, 0)
        laptop_form = QFormLayout()
        laptop_page.addLayout(laptop_form)
        laptop_page.addStretch(1)
        self.volunteer_combo = QComboBox(laptop)
        for volunteer_id, name in session.desk.volunteer_choices():
            self.volunteer_combo.addItem(f"{volunteer_id} · {name}", volunteer_id)
        self.device_combo = QComboBox(laptop)
        for combo in (self.volunteer_combo, self.device_combo):
            combo.setMinimumContentsLength(28)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for text, widget in ((self.tr("&Volunteer:"), self.volunteer_combo),
                             (self.tr("Lapt&op:"), self.device_combo)):
            label = QLabel(text, laptop)
            label.setBuddy(widget)
            laptop_form.addRow(label, widget)
        self.device_info = QLabel(laptop)
        self.device_info.setWordWrap(True)
        laptop_form.addRow("", self.device_info)
        laptop_note = QLabel(self.tr(
            "The laptop holds every registration it sent the branch, including those the "
            "volunteer deleted. Those registered and told in a receipt may since have been "
            "removed by the volunteer (purge): they are listed and marked, because the "
            "laptop's backups can still hold them. Registrations made after its last bundle "
            "are unknown to the branch: ask the volunteer."), laptop)
        laptop_note.setWordWrap(True)
        laptop_form.addRow("", laptop_note)
        stick = QWidget(self.pages)
        stick_layout = QVBoxLayout(stick)
        stick_layout.setContentsMargins(0, 0, 0, 0)
        stick_label = QLabel(self.tr("Tick the &bundles that were on the stick (from the "
                                     "import history), or add bundle files:"), stick)
        stick_label.setWordWrap(True)
        self.bundle_list = QListWidget(stick)
        stick_label.setBuddy(self.bundle_list)
        self._fill_bundles()
        self.add_file_button = QPushButton(self.tr("&Add bundle file…"), stick)
        self.add_file_button.setAutoDefault(False)
        stick_layout.addWidget(stick_label)
        stick_layout.addWidget(self.bundle_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_file_button)
        row.addStretch(1)
        stick_layout.addLayout(row)
        self.pages.addWidget(laptop)
        self.pages.addWidget(stick)

        options = QFormLayout()
        self.discovered_edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.discovered_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.discovered_edit.setCalendarPopup(True)
        self.deadline_label = QLabel(self)
        discovered_label = QLabel(self.tr("Loss &discovered:"), self)
        discovered_label.setBuddy(self.discovered_edit)
        discovered_row = QHBoxLayout()
        discovered_row.addWidget(self.discovered_edit)
        discovered_row.addWidget(self.deadline_label, 1)
        options.addRow(discovered_label, discovered_row)
        format_row = QHBoxLayout()
        self.xlsx_radio, self.csv_radio, self._format_group = format_buttons(self)
        format_row.addWidget(self.xlsx_radio)
        format_row.addWidget(self.csv_radio)
        format_row.addStretch(1)
        options.addRow(QLabel(self.tr("Format:"), self), format_row)
        self.full_nik_check = QCheckBox(self.tr("Write full &NIKs"), self)
        self.full_nik_check.setToolTip(self.tr(
            "Only when the recipient needs them. Without it the NIK shows the region and the "
            "last four digits; name, desa and phone are always written."))
        self.nik_warning = QLabel(self.tr(
            "The file will hold full NIKs with names: keep it encrypted and delete it after "
            "use."), self)
        self.nik_warning.setWordWrap(True)
        self.nik_warning.setStyleSheet("color: #a15c00;")
        self.nik_warning.hide()
        options.addRow("", self.full_nik_check)
        options.addRow("", self.nik_warning)

        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        font = self.preview_label.font()
        font.setBold(True)
        self.preview_label.setFont(font)

        buttons = QHBoxLayout()
        self.write_button = QPushButton(self.tr("&Write report…"), self)
        self.write_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        buttons.addWidget(self.progress_bar, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.write_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(kind)
        layout.addWidget(self.pages, 1)
        layout.addLayout(options)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.error)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(COUNT_DEBOUNCE_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self.laptop_radio.toggled.connect(self._on_kind_toggled)
        self.volunteer_combo.currentIndexChanged.connect(self._on_volunteer_changed)
        self.device_combo.currentIndexChanged.connect(self._on_device_changed)
        self.bundle_list.itemChanged.connect(lambda _item: self._preview_timer.start())
        self.add_file_button.clicked.connect(self.add_bundle_file)
        self.discovered_edit.dateTimeChanged.connect(lambda _d: self._update_deadline())
        self.full_nik_check.toggled.connect(self.nik_warning.setVisible)
        self.write_button.clicked.connect(self.choose_and_write)
        self.close_button.clicked.connect(self.reject)
        self._on_volunteer_changed()
        self._update_deadline()
        self.update_buttons()
        self.resize(780, 560)

    # -- the scope ----------------------------------------------------------------------
    def _fill_bundles(self) -> None:
        elide_in_the_middle(self.bundle_list)  # two bundles' names differ at the end
        rows = self.session.desk.recent_bundles(500)
        for bundle_id, file_name, volunteer_id, created_at, imported_at in rows:
            item = QListWidgetItem(self.tr("{file} · {volunteer} · made {made}, imported "
                                           "{imported}").format(
                file=file_name or bundle_id, volunteer=volunteer_id,
                made=labels.format_timestamp(created_at),
                imported=labels.format_timestamp(imported_at)), self.bundle_list)
            item.setData(Qt.ItemDataRole.UserRole, bundle_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def _on_kind_toggled(self, laptop: bool) -> None:
        self.pages.setCurrentIndex(0 if laptop else 1)
        self._preview_timer.start()

    def _on_volunteer_changed(self, *_args) -> None:
        self.device_combo.blockSignals(True)
        self.device_combo.clear()
        volunteer_id = self.volunteer_combo.currentData()
        self._devices = self.session.desk.devices(volunteer_id) if volunteer_id else []
        for device in reversed(self._devices):
            text = (self.tr("{fingerprint} (current laptop)") if device["current"] else
                    self.tr("{fingerprint} (earlier laptop)")).format(
                fingerprint=device["fingerprint"])
            self.device_combo.addItem(text, device["fingerprint"])
        if volunteer_id and self.device_combo.count() == 0:
            self.device_combo.addItem(self.tr("no bundle received yet"), None)
        self.device_combo.blockSignals(False)
        self._on_device_changed()

    def _on_device_changed(self, *_args) -> None:
        fingerprint = self.device_combo.currentData()
        device = next((d for d in self._devices if d["fingerprint"] == fingerprint), None)
        if device is None or not device["bundles"]:
            self.device_info.setText(self.tr("No bundle from this laptop has reached the "
                                             "branch."))
        else:
            self.device_info.setText(self.tr(
                "%n bundle(s) from this laptop, from {first} to {last}.", "",
                device["bundles"]).format(first=labels.format_timestamp(device["first_bundle"]),
                                          last=labels.format_timestamp(device["last_bundle"])))
        self._preview_timer.start()

    def add_bundle_file(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add bundle files"), str(Path.home()),
            self.tr("Sync bundles (*.dpbundle);;All files (*)"))
        for path in paths:
            self.add_bundle_path(Path(path))

    def add_bundle_path(self, path: Path) -> None:
        item = QListWidgetItem(self.tr("File: {path}").format(path=str(path)))
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.bundle_list.insertItem(0, item)
        self.extra_files.append(path)

    def bundle_refs(self) -> list[str]:
        refs = []
        for row in range(self.bundle_list.count()):
            item = self.bundle_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                refs.append(item.data(Qt.ItemDataRole.UserRole))
        return refs

    def _scope_work(self) -> Callable | None:
        """A function building the scope on the worker's connection, or None."""
        if self.laptop_radio.isChecked():
            volunteer_id = self.volunteer_combo.currentData()
            device = self.device_combo.currentData()
            if not volunteer_id:
                return None
            return lambda session: session.desk.device_scope(volunteer_id, device)
        refs = self.bundle_refs()
        if not refs:
            return None

        return lambda session: session.desk.bundle_scope(refs)

    def update_preview(self) -> None:
        self._preview_timer.stop()
        self._preview_generation += 1
        generation = self._preview_generation
        make_scope = self._scope_work()
        self.preview_info = None
        if make_scope is None:
            self.preview_label.setText(self.tr("Choose what was lost."))
            self.update_buttons()
            return
        self.preview_label.setText(self.tr("Looking up the people…"))
        self._preview_job = run_job(
            lambda s, _p: s.desk.breach_preview(make_scope(s)), owner=self,
            session=self.session,
            on_success=lambda info: self._on_preview(generation, info, None),
            on_failure=lambda exc: self._on_preview(generation, None, exc))
        self.update_buttons()

    def _on_preview(self, generation: int, info: dict | None, exc) -> None:
        if generation != self._preview_generation:
            return
        self.preview_info = info
        if info is None:
            self.preview_label.setText(labels.error_message(exc))
        else:
            text = self.tr("%n person(s) whose data it could hold.", "", info["people"])
            if info["possibly_purged"]:
                text += " " + self.tr("%n of them possibly removed by the volunteer (purge).",
                                      "", info["possibly_purged"])
            if info["never_sent"]:
                text += " " + self.tr("%n more begun on the laptop but never sent: the branch "
                                      "has no data on them; ask the volunteer.", "",
                                      info["never_sent"])
            self.preview_label.setText(text)
        self.update_buttons()

    def _update_deadline(self) -> None:
        deadline = self.discovered_edit.dateTime().addSecs(72 * 3600)
        self.deadline_label.setText(self.tr("Tell the people by {when}").format(
            when=deadline.toString("dd/MM/yyyy HH:mm")))

    def discovered_at(self) -> dt.datetime:
        value = cast(dt.datetime, self.discovered_edit.dateTime().toPython())
        return value if value.tzinfo else value.astimezone()

    def update_buttons(self) -> None:
        running = self.running
        for widget in (self.laptop_radio, self.stick_radio, self.pages, self.discovered_edit,
                       self.xlsx_radio, self.csv_radio, self.full_nik_check):
            widget.setEnabled(not running)
        self.write_button.setEnabled(not running and self.preview_info is not None)
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    # -- writing ------------------------------------------------------------------------
    @property
    def format(self) -> str:
        return "csv" if self.csv_radio.isChecked() else "xlsx"

    def standard_name(self) -> str:
        what = (self.volunteer_combo.currentData() if self.laptop_radio.isChecked()
                else "usb-stick") or "report"
        return f"breach-report_{what}_{dt.datetime.now():%Y%m%d-%H%M}.{self.format}"

    def choose_and_write(self) -> None:
        path = save_path(self, self.tr("Breach report"), self.standard_name(), self.format)
        if path is not None:
            self.write_to(path)

    def write_to(self, path: Path) -> Job | None:
        make_scope = self._scope_work()
        if make_scope is None:
            return None
        fmt, full_nik, discovered = self.format, self.full_nik_check.isChecked(), \
            self.discovered_at()
        lang = "en" if current_language() == "en" else "id"

        def work(session, progress):
            return session.desk.write_breach_report(
                make_scope(session), path, fmt=fmt, full_nik=full_nik, discovered_at=discovered,
                lang=lang, progress=progress)

        return self.run_job(work, self._on_written, self.tr("Writing {file}…").format(
            file=path.name), writes=True)

    def _on_written(self, report) -> None:
        self.report = report
        self.status_label.setText(self.tr("Report written: {file}").format(
            file=report.path.name))
        self.written.emit(report)
        extra = ("\n" + str(report.summary_path)) if report.summary_path else ""
        self.tell(QMessageBox.Icon.Information, self.tr("Breach report"), self.tr(
            "The list of %n person(s) is written:\n{path}\n\nIts summary sheet gives the "
            "counts, the time range and the kinds of data for the notice.", "",
            report.people).format(path=str(report.path) + extra))
