"""The volunteer's side of sync: the Sync menu, export to a USB stick, receipts, enrolment,
fingerprints, removing personal data once registered, and the sync line in the status bar.

:class:`VolunteerSync` adds all of it to a :class:`MainWindow`. Exporting runs on a worker
thread with its own database connection (``ui/jobs.py``); the rest is quick and
runs on the UI thread. Dialogs open with ``open()`` so the idle lock can close them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.errors import DesaPeduliError
from desa_peduli.ui import drives, labels
from desa_peduli.ui.drives import TargetChooser, Volume
from desa_peduli.ui.fingerprint import FingerprintDialog, volunteer_fingerprints
from desa_peduli.ui.icons import set_icons
from desa_peduli.ui.jobs import Job, run_job
from desa_peduli.ui.messages import busy_cursor, message_box, show_failure, write_error_message
from desa_peduli.ui.text_size import scaled
from desa_peduli.ui.volunteer.sync_control import ReceiptDialog, SyncControl
from desa_peduli.ui.widgets import ElidedLabel, busy_bar, error_label, fit_height, show_error

# `noqa: PLC0415 - start-up`: the wizard imports this module before the passphrase dialog
# shows; the sync and reminder services (the sync layer, ~100 ms) load at first use.

log = logging.getLogger(__name__)

ENROLMENT_SUFFIX = ".dpenrol"

NOTICE_STYLE = "background: #e8f4ea; color: #143d1c; padding: 8px; border: 1px solid #9ccaa5;"


def sync_status_text(session, state=None) -> str:
    """``14 belum dikirim · 5 menunggu tanda terima · bundel terakhir: … · tanda terima
    terakhir: …``: what is not in any bundle yet, what the branch office has not confirmed."""
    from desa_peduli.services.reminders import reminder_state  # noqa: PLC0415 - start-up

    state = state or reminder_state(session)
    unsent = state.unsent  # (lupdate takes a plain name as the count, not an attribute)
    # QApplication.translate spelled out each time: lupdate does not see through an alias
    parts = [QApplication.translate("SyncDialogs", "%n registration(s) not sent yet", "",
                                    unsent)]
    if not state.enrolled:
        parts.append(QApplication.translate("SyncDialogs", "not enrolled with a branch office yet"))
        return " · ".join(parts)
    waiting = state.unacknowledged - state.unsent
    if waiting > 0:
        parts.append(QApplication.translate("SyncDialogs", "%n awaiting the receipt", "",
                                            waiting))
    never = QApplication.translate("SyncDialogs", "never")
    parts.append(QApplication.translate("SyncDialogs", "last bundle: {when}").format(
        when=labels.format_timestamp(state.last_export_at) if state.last_export_at else never))
    parts.append(QApplication.translate("SyncDialogs", "last receipt: {when}").format(
        when=labels.format_timestamp(state.last_receipt_at) if state.last_receipt_at else never))
    return " · ".join(parts)


class ExportDialog(QDialog):
    """Writes a sync bundle to a USB stick (or another folder) on a worker thread."""

    exported = Signal(object)  # the ExportResult (path None: nothing new)

    def __init__(self, session, parent: QWidget | None = None, *,
                 volumes: list[Volume] | None = None):
        from desa_peduli.services.field import FieldSync  # noqa: PLC0415 - start-up

        super().__init__(parent)
        self.session = session
        self._worker: Job | None = None
        self.export_result = None  # the last export's result (QDialog.result() is Qt's)
        self.setWindowTitle(self.tr("Export bundle for the branch office"))
        layout = QVBoxLayout(self)
        from desa_peduli.services.reminders import reminder_state  # noqa: PLC0415 - start-up

        pending = FieldSync(session).pending_changes()
        again = pending - reminder_state(session).unsent
        if pending and again > 0:
            text = self.tr(
                "%n registration(s) go in this bundle: {new} not sent yet, and {again} sent "
                "before that the branch office has not confirmed yet (sent again in case that "
                "stick was lost).", "", pending).format(new=pending - again, again=again)
        elif pending:
            text = self.tr("%n registration(s) are waiting to be sent to the branch office.",
                           "", pending)
        else:
            text = self.tr("Every registration has been confirmed by the branch office; "
                           "there is nothing new to send.")
        self.pending_label = QLabel(text, self)
        self.pending_label.setWordWrap(True)
        font = self.pending_label.font()
        font.setBold(True)
        self.pending_label.setFont(font)
        layout.addWidget(self.pending_label)
        last = session.settings.get("last_export_at")
        if last:
            last_label = QLabel(self.tr("Last bundle: {when}, {file}").format(
                when=labels.format_timestamp(last),
                file=Path(session.settings.get("last_export_file") or "").name), self)
            last_label.setWordWrap(True)
            last_label.setStyleSheet("color: palette(placeholder-text);")
            layout.addWidget(last_label)

        where = QLabel(self.tr("&Save to:"), self)
        layout.addWidget(where)
        self.target = TargetChooser(self, volumes=volumes,
                                    dialog_title=self.tr("Folder for the bundle"))
        where.setBuddy(self.target.list)
        layout.addWidget(self.target)
        self.everything_check = QCheckBox(self.tr(
            "Send everything &again (also what the branch office already confirmed)"), self)
        layout.addWidget(self.everything_check)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.done_label = QLabel(self)
        self.done_label.setWordWrap(True)
        self.done_label.setStyleSheet(NOTICE_STYLE)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_label.hide()
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        self.busy = busy_bar(self)
        layout.addWidget(self.busy)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setDefault(True)
        self.close_button = self.buttons.addButton(
            self.tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.target.changed.connect(self._on_target_changed)
        self._on_target_changed()
        self.setMinimumWidth(scaled(560))  # wider with the text size
        self.export_button.setFocus()

    @property
    def is_busy(self) -> bool:
        return self._worker is not None

    def _on_target_changed(self) -> None:
        self.export_button.setEnabled(self.target.folder() is not None and not self.is_busy)
        show_error(self.error, "")

    def export(self) -> None:
        from desa_peduli.services.field import FieldSync  # noqa: PLC0415 - start-up

        folder = self.target.folder()
        if folder is None or self.is_busy:
            show_error(self.error, self.tr("Choose where to save the bundle first."))
            return
        everything = self.everything_check.isChecked()
        self._set_busy(True)
        self._worker = run_job(
            lambda s, _p: FieldSync(s).export(folder, everything=everything), owner=self,
            session=self.session, writes=True, on_success=self._on_worker_succeeded,
            on_failure=lambda exc: self._on_worker_failed(exc, folder))

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.target.setEnabled(not busy)
        self.everything_check.setEnabled(not busy)
        self.export_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        if busy:
            show_error(self.error, "")
            self.done_label.hide()

    def _on_worker_succeeded(self, result) -> None:
        self._worker = None
        self._set_busy(False)
        self.export_result = result
        if result.path is None:
            self.done_label.setText(self.tr(
                "Nothing new to send: the branch office has confirmed everything. "
                "No file was written."))
        else:
            count = (result.counts or {}).get("registrations", 0)
            self.done_label.setText(self.tr(
                "Saved {file}\nin {folder} ({count} registrations).\n\n"
                "The data in this file is encrypted: only the branch office can open it. "
                "The registrations stay on this laptop until the branch office's receipt "
                "comes back.").format(file=result.path.name, folder=str(result.path.parent),
                                      count=count))
            self.export_button.setEnabled(False)
        self.done_label.show()
        QTimer.singleShot(0, self._fit_height)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.exported.emit(result)

    def _on_worker_failed(self, exc: Exception, folder: Path) -> None:
        self._worker = None
        self._set_busy(False)
        show_error(self.error, write_error_message(exc, folder))
        QTimer.singleShot(0, self._fit_height)

    def _fit_height(self) -> None:
        fit_height(self)

    def reject(self) -> None:
        if self.is_busy:
            return
        super().reject()


class VolunteerSync(QObject):
    """The Sync menu and the status-bar line of the volunteer's :class:`MainWindow`."""

    changed = Signal()  # registrations or sync state changed (the window refreshes)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.dialog: QWidget | None = None  # the dialog or message open now (for tests)

        self.export_action = self._action(
            self.tr("&Export bundle…"), self.export_bundle, "Ctrl+Shift+E",
            self.tr("Write the new registrations to a USB stick for the branch office "
                    "(Ctrl+Shift+E)"))
        self.receipt_action = self._action(
            self.tr("&Import receipt…"), self.import_receipt, "Ctrl+Shift+R",
            self.tr("Apply the receipt the branch office sent back (Ctrl+Shift+R)"))
        self.enrol_action = self._action(
            self.tr("E&nrol this laptop…"), self.enrol_laptop, None,
            self.tr("Connect this laptop to the branch office with its enrolment file"))
        self.fingerprint_action = self._action(
            self.tr("Show &fingerprints"), self.show_fingerprints, None,
            self.tr("This laptop's and the branch office's fingerprints, to read aloud"))
        self.purge_action = self._action(
            self.tr("&Remove registered personal data…"), self.purge, None,
            self.tr("Remove NIK, names and addresses of registrations the branch office "
                    "has registered"))
        self.actions = (self.export_action, self.receipt_action, self.enrol_action,
                        self.fingerprint_action, self.purge_action)

        menu = window.menuBar().addMenu(self.tr("S&ync"))
        menu.addAction(self.export_action)
        menu.addAction(self.receipt_action)
        menu.addSeparator()
        menu.addAction(self.enrol_action)
        menu.addAction(self.fingerprint_action)
        menu.addSeparator()
        menu.addAction(self.purge_action)
        self.menu = menu

        set_icons({self.export_action: "usb", self.receipt_action: "receipt",
                   self.enrol_action: "plug-connected", self.fingerprint_action: "shield-check",
                   self.purge_action: "eraser"})
        # one control on the toolbar: what waits, "Send to USB stick" and "Read receipt"
        # on a row of its own under the main toolbar: at 125 % text the two would not fit
        # side by side, and the toolbar would hide the control behind its » button
        self.toolbar = QToolBar(self.tr("Sync"), window)
        self.toolbar.setObjectName("sync_toolbar")
        self.toolbar.setMovable(False)
        self.control = SyncControl(self.session, self.export_action, self.receipt_action,
                                   self.toolbar)
        self.toolbar.addWidget(self.control)
        window.addToolBarBreak()
        window.addToolBar(self.toolbar)
        # shown with the list only: the form needs the room, the lock shows nothing of it
        window.locked.connect(self._show_toolbar)
        window.unlocked.connect(self._show_toolbar)

        self.status_label = ElidedLabel(window)  # shortened with … at a large text size
        self.status_label.setContentsMargins(8, 0, 8, 0)
        window.statusBar().addPermanentWidget(self.status_label)
        # the long sync line makes room while a message shows ("Restored the backup of …")
        window.statusBar().messageChanged.connect(self._on_status_message_changed)
        self.update_actions()

    def _on_status_message_changed(self, message: str) -> None:
        self.status_label.setHidden(bool(message))

    def _action(self, text: str, slot, shortcut: str | None, tip: str) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts work everywhere; the lock disables them
        return action

    # -- state --------------------------------------------------------------------------
    @property
    def enrolled(self) -> bool:
        from desa_peduli.services.field import FieldSync  # noqa: PLC0415 - start-up

        return FieldSync(self.session).enrolled

    def _available(self) -> bool:
        return not (self.window.form_is_open or self.window.is_locked)

    def _show_toolbar(self) -> None:
        self.toolbar.setVisible(not (self.window.form_is_open or self.window.is_locked))

    def update_actions(self, list_shown: bool = True) -> None:
        self._show_toolbar()
        enrolled = self.enrolled
        for action in (self.export_action, self.receipt_action, self.purge_action):
            action.setEnabled(list_shown and enrolled)
        self.fingerprint_action.setEnabled(enrolled)
        self.enrol_action.setVisible(not enrolled)
        self.enrol_action.setEnabled(list_shown and not enrolled)

    def update_status(self) -> None:
        try:
            from desa_peduli.services.reminders import reminder_state  # noqa: PLC0415 - start-up

            state = reminder_state(self.session)  # read once for both lines
            self.status_label.set_full_text(sync_status_text(self.session, state))
            self.control.update_summary(state)
        except Exception:  # the status line must never break the window
            log.exception("sync status")
            self.status_label.set_full_text("")

    def _show(self, widget: QDialog) -> None:
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = widget  # the lock closes it like any dialog of the window
        widget.open()

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = message_box(self.window, icon, title, text)
        self._show(box)
        return box

    def _start_folder(self) -> str:
        volumes = drives.removable_volumes()
        return str(volumes[0].path) if volumes else str(Path.home())

    # -- export -------------------------------------------------------------------------
    def export_bundle(self) -> None:
        if not self._available() or not self.enrolled:
            return
        dialog = ExportDialog(self.session, self.window)
        dialog.exported.connect(lambda _result: self.changed.emit())
        self._show(dialog)

    # -- receipts -----------------------------------------------------------------------
    def import_receipt(self) -> None:
        """Choose a receipt: those found on the USB sticks plugged in, or another file."""
        if not self._available() or not self.enrolled:
            return
        dialog = ReceiptDialog(self.window,
                               volunteer_id=self.session.settings.get("volunteer_id"))
        dialog.chosen.connect(self.read_receipt)
        self._show(dialog)

    def read_receipt(self, path: Path) -> None:
        """Apply the receipt at ``path`` and say what it changed."""
        from desa_peduli.services.field import FieldSync  # noqa: PLC0415 - start-up

        if not self._available() or not self.enrolled:
            return
        try:
            with busy_cursor():  # a volunteer's registrations only, with the form closed
                report = FieldSync(self.session).import_receipt(Path(path))
        except Exception as exc:  # noqa: BLE001 - shown; a bug is logged, nothing changed
            if isinstance(exc, OSError) and not isinstance(exc, DesaPeduliError):
                self._tell(QMessageBox.Icon.Warning, self.tr("Import receipt"),
                           write_error_message(exc, Path(path).parent))
            else:
                show_failure(self._tell, self.tr("Import receipt"), exc,
                             "importing a receipt failed")
            return
        pending = FieldSync(self.session).pending_changes()
        self.changed.emit()
        self._tell(QMessageBox.Icon.Information, self.tr("Receipt applied"),
                   self.receipt_summary(report, pending))

    def receipt_summary(self, report, pending: int) -> str:
        states = report.states or {}
        corrections = states.get("correction", 0) + states.get("invalid", 0)
        lines = [
            self.tr("The branch office's receipt was applied."),
            "",
            self.tr("%n registration(s) changed status:", "", report.updated),
            self.tr("• need correction: {count}").format(count=corrections),
            self.tr("• registered (with KPJ number): {count}").format(
                count=states.get("registered", 0)),
            self.tr("• accepted: {count}").format(count=states.get("accepted", 0)),
            self.tr("• duplicates: {count}").format(count=states.get("duplicate", 0)),
            "",
        ]
        if pending:
            lines.append(self.tr(
                "%n registration(s) not yet received by the branch office: they go with "
                "the next bundle.", "", pending))
        else:
            lines.append(self.tr("The branch office has received everything sent so far."))
        for update in report.reference:
            name, _sep, version = update.partition(" ")
            lines.append(self.tr("New rate table in use: version {version}.").format(
                version=version) if name == "rates" else self.tr(
                "New occupation list in use (the form offers the new occupations)."))
        if corrections:
            lines.append(self.tr(
                "Registrations marked \"needs correction\" show the branch office's reason "
                "in the list's Note column and at the top of the form."))
        return "\n".join(lines)

    # -- enrolment and fingerprints -------------------------------------------------------
    def enrol_laptop(self) -> None:
        from desa_peduli.services.field import branch_fingerprint, read_enrolment  # noqa: PLC0415 - start-up

        if not self._available() or self.enrolled:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Enrolment file from the branch office"), self._start_folder(),
            self.tr("Enrolment files (*{suffix});;All files (*)").format(suffix=ENROLMENT_SUFFIX))
        if not path:
            return
        try:
            enrolment = read_enrolment(Path(path))
        except DesaPeduliError as exc:
            self._tell(QMessageBox.Icon.Warning, self.tr("Enrol this laptop"),
                       labels.error_message(exc))
            return
        box = message_box(
            self.window, QMessageBox.Icon.Question, self.tr("Enrol this laptop"),
            self.tr("Enrol this laptop with {branch} as volunteer {id} ({name})?\n\n"
                    "Branch office fingerprint: {fingerprint}\n"
                    "Compare it with the fingerprint the branch office reads out to you.").format(
                branch=enrolment["branch"].get("name") or "", id=enrolment["volunteer_id"],
                name=enrolment["volunteer_name"], fingerprint=branch_fingerprint(enrolment)),
            [(self.tr("&Enrol"), QMessageBox.ButtonRole.AcceptRole),
             (self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)])
        yes = box.buttons()[0]
        box.finished.connect(
            lambda _r: self._on_enrol_confirmed(Path(path), enrolment)
            if box.clickedButton() is yes else None)
        self._show(box)

    def _on_enrol_confirmed(self, path: Path, shown: dict) -> None:
        from desa_peduli.services.field import FieldSync  # noqa: PLC0415 - start-up

        try:  # what the box showed: the file may have changed on the stick since
            FieldSync(self.session).enrol(path, shown=shown)
        except Exception as exc:  # shown; enrol is one transaction
            if not isinstance(exc, DesaPeduliError):
                log.exception("enrolment failed")
            self._tell(QMessageBox.Icon.Warning, self.tr("Enrol this laptop"),
                       labels.error_message(exc))
            return
        self.update_actions()
        self.changed.emit()
        self.show_fingerprints(enrolled_now=True)

    def show_fingerprints(self, enrolled_now: bool = False) -> None:
        if self.window.is_locked:
            return
        try:
            rows = volunteer_fingerprints(self.session)
        except DesaPeduliError as exc:
            self._tell(QMessageBox.Icon.Information, self.tr("Fingerprints"),
                       labels.error_message(exc))
            return
        note = self.tr(
            "Read these aloud with the branch office staff: they must see the same "
            "fingerprints on their screen. If they differ, do not send bundles; call the "
            "branch office.")
        if enrolled_now:
            note = self.tr("This laptop is now enrolled.") + " " + note
        self._show(FingerprintDialog(rows, note, self.window))

    # -- data minimisation --------------------------------------------------------------
    def purge(self) -> None:
        from desa_peduli.services.field import FieldSync  # noqa: PLC0415 - start-up

        if not self._available() or not self.enrolled:
            return
        field = FieldSync(self.session)
        count = len(field.purgeable())
        days = int(self.session.settings.get("purge_after_days") or 30)
        if not count:
            self._tell(QMessageBox.Icon.Information, self.tr("Remove registered personal data"),
                       self.tr("Nothing to remove. Personal data is removed only from "
                               "registrations the branch office has registered (with a KPJ "
                               "number) and confirmed, {days} days after.").format(days=days))
            return
        box = message_box(
            self.window, QMessageBox.Icon.Warning, self.tr("Remove registered personal data"),
            self.tr("Remove the personal data (NIK, name, address, phone, heirs, signature) of "
                    "%n registration(s) the branch office has registered?\n\nThey stay in the "
                    "list with their village, status and KPJ number. This cannot be undone "
                    "on this laptop; the branch office keeps the full record.", "", count),
            [(self.tr("&Remove"), QMessageBox.ButtonRole.AcceptRole),
             (self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)])
        yes, no = box.buttons()[0], cast(QPushButton, box.buttons()[1])  # message_box's are
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.finished.connect(
            lambda _r: self._on_purge_confirmed() if box.clickedButton() is yes else None)
        self._show(box)

    def _on_purge_confirmed(self) -> None:
        from desa_peduli.services.field import FieldSync  # noqa: PLC0415 - start-up

        try:
            with busy_cursor():
                removed = FieldSync(self.session).purge()
        except Exception as exc:  # noqa: BLE001 - shown; purge is one transaction
            show_failure(self._tell, self.tr("Remove registered personal data"), exc,
                         "purge failed")
            return
        self.changed.emit()
        self._tell(QMessageBox.Icon.Information, self.tr("Remove registered personal data"),
                   self.tr("The personal data of %n registration(s) was removed from this "
                           "laptop.", "", removed))
