"""The branch window's Review tab: one queue of what needs a person, and batch accept.

Left, the queue's kinds with their counts and the chosen kind's items; right, the item:
a duplicate pair side by side (differences highlighted, keep left or right), a
registration that failed validation or has a NIK warning (accept, send back, show in
the list), or a volunteer's new laptop (approve after comparing fingerprints).
*Batch accept…* accepts every clean registration of a bundle, a volunteer or a desa
after showing how many that is. Everything goes through ``services.review``.
The widgets are built by ``layout.py`` (``ReviewLayout``); this module is the controller.

Over 600 lines: about 40 of them declare the widgets ``ReviewLayout`` builds (mypy checks
every use against them), and the controller serves four kinds of item with their own
actions. The next seam is the duplicate pair's actions (keep left or right, different
people), which could become a controller of their own beside ``dialogs.py``.
"""

from __future__ import annotations

import logging
from typing import cast

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QWidget,
)

from desa_peduli.errors import DesaPeduliError
from desa_peduli.services.branch import DEVICE_REFUSALS
from desa_peduli.services.review import (
    DEVICE,
    DUPLICATE,
    INVALID,
    KINDS,
    VOLUNTEER,
    WARNING,
    ReviewService,
)
from desa_peduli.ui import labels
from desa_peduli.ui.branch.review.batch_accept import BatchAcceptDialog
from desa_peduli.ui.branch.review.dialogs import (
    CorrectionDialog,
    DecisionsDialog,
    DifferentPeopleDialog,
)
from desa_peduli.ui.branch.review.layout import ReviewLayout
from desa_peduli.ui.branch.review.models import (
    ITEM_NAME,
    ITEM_NIK,
    ITEM_VOLUNTEER,
    ComparisonTableModel,
    ReviewItemsTableModel,
    ReviewKindsModel,
    kind_description,
    number,
)
from desa_peduli.ui.jobs import run_job
from desa_peduli.ui.messages import DialogHost, busy_cursor, message_box, show_failure
from desa_peduli.ui.widgets import (
    plain_tip,
)

log = logging.getLogger(__name__)


# the fields a NIK warning is about besides the NIK itself (highlighted with it)
_WARNING_FIELDS = {"nik.birth_date_mismatch": "birth_date", "nik.sex_mismatch": "sex"}


def problem_fields(problems: list[dict]) -> list[str]:
    fields = []
    for problem in problems:
        fields.append(problem.get("field") or "")
        if problem.get("code") in _WARNING_FIELDS:
            fields.append(_WARNING_FIELDS[problem["code"]])
    return fields


class ReviewView(QWidget, DialogHost):
    """The Review tab of :class:`~desa_peduli.ui.branch.window.BranchMainWindow`."""

    state_changed = Signal()  # registrations' states or volunteers' laptops changed here

    # the widgets ReviewLayout builds onto the view (layout.py)
    summary: QLabel
    batch_button: QPushButton
    decisions_button: QPushButton
    splitter: QSplitter
    kinds_model: ReviewKindsModel
    kinds_view: QListView
    kind_hint: QLabel
    items_model: ReviewItemsTableModel
    items_table: QTableView
    detail: QStackedWidget
    empty_page: QWidget
    empty_label: QLabel
    duplicate_page: QWidget
    duplicate_intro: QLabel
    comparison_model: ComparisonTableModel
    comparison: QTableView
    keep_left_button: QPushButton
    keep_right_button: QPushButton
    different_button: QPushButton
    registration_page: QWidget
    registration_intro: QLabel
    problems_label: QLabel
    details_model: ComparisonTableModel
    details: QTableView
    accept_button: QPushButton
    correction_button: QPushButton
    open_button: QPushButton
    device_page: QWidget
    device_intro: QLabel
    current_fingerprint: QLabel
    new_fingerprint: QLabel
    approve_device_button: QPushButton
    dismiss_device_button: QPushButton

    def __init__(self, window):
        super().__init__(window.tabs)
        self.main = window
        self.session = window.session
        self.service = window.service  # BranchService
        self.review = ReviewService(window.session)
        self.dialog: QWidget | None = None
        self._stale = False
        self._others_stale: set[QWidget] = set()
        self._pair: dict | None = None
        self._total = 0

        ReviewLayout(self).setup()

        self.reload_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        self.reload_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reload_shortcut.activated.connect(self.refresh)

        self.kinds_view.selectionModel().currentChanged.connect(self._on_kinds_current_changed)
        self.items_table.selectionModel().currentRowChanged.connect(self._show_current)
        self.items_model.modelReset.connect(self._show_current)
        self.items_model.modelReset.connect(self._size_items_table)
        self.items_table.activated.connect(self._on_items_table_activated)
        self.batch_button.clicked.connect(self.batch_accept)
        self.keep_left_button.clicked.connect(lambda: self.keep(0))
        self.keep_right_button.clicked.connect(lambda: self.keep(1))
        self.different_button.clicked.connect(self.send_back_different)
        self.decisions_button.clicked.connect(self.show_decisions)
        self.accept_button.clicked.connect(self.accept_current)
        self.correction_button.clicked.connect(self.ask_correction)
        self.open_button.clicked.connect(self.open_in_list)
        self.approve_device_button.clicked.connect(self.approve_device)
        self.dismiss_device_button.clicked.connect(self.dismiss_device)

        window.import_view.imported.connect(self._on_import_view_imported)
        window.import_view.finished.connect(self._on_import_view_finished)
        window.registrations_view.state_changed.connect(lambda _id: self.mark_stale())
        window.tabs.currentChanged.connect(self._on_tabs_current_changed)
        # read when first shown, not while the window opens (the counts touch indexes
        # over every registration: keep them off the start-up path)
        self._stale = True

    def _size_fields_table(self, table: QTableView) -> None:
        header = table.horizontalHeader()
        if table.model().columnCount() == 0:
            return
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        table.resizeColumnToContents(0)
        table.resizeRowsToContents()
        for column in range(1, table.model().columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def _size_items_table(self) -> None:
        metrics = self.items_table.fontMetrics()
        wide = self.items_model.kind == DUPLICATE
        header = self.items_table.horizontalHeader()
        header.resizeSection(
            ITEM_VOLUNTEER, metrics.horizontalAdvance("RLW-0000 / RLW-0000" if wide else
                                                      "RLW-0000") + 20)
        # a new laptop's fingerprint (four groups of hex digits) stands where a NIK does:
        # room for the widest one, so it is never cut short
        widest = max("0123456789ABCDEF", key=metrics.horizontalAdvance)
        sample = (" ".join([widest * 4] * 4) if self.items_model.kind == DEVICE
                  else "0000000000000000")
        header.resizeSection(ITEM_NIK, metrics.horizontalAdvance(sample) + 20)

    # -- the queue ----------------------------------------------------------------------
    def _first_kind_row(self) -> int:
        for row, kind in enumerate(KINDS):
            if self.kinds_model.count(kind):
                return row
        return 0

    def current_kind(self) -> str | None:
        index = self.kinds_view.currentIndex()
        return KINDS[index.row()] if index.isValid() else None

    def current_item(self) -> dict | None:
        index = self.items_table.currentIndex()
        return self.items_model.item_at(index.row()) if index.isValid() else None

    def mark_stale(self, *, recount: bool = False) -> None:
        """Something changed elsewhere: refresh now if shown, else when shown (with
        ``recount`` the tab's count is brought up to date at once, e.g. after an import)."""
        if self.isVisible():
            self.refresh()
            return
        self._stale = True
        if recount:  # the counts grow with the database: a read job
            self._count_job = run_job(lambda s, _p: ReviewService(s).counts(), owner=self,
                                      session=self.main.session,
                                      on_success=self._show_counts)

    def _on_import_view_imported(self) -> None:
        self.mark_stale(recount=True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _refresh_counts(self) -> dict:
        counts = self.review.counts()
        self._show_counts(counts)
        return counts

    def _show_counts(self, counts: dict) -> None:
        self.kinds_model.set_counts(counts)
        self._total = sum(counts.values())
        self._update_tab_text()

    def _update_tab_text(self) -> None:
        tabs = self.main.tabs
        index = tabs.indexOf(self)
        if index >= 0:
            tabs.setTabText(index, self.tr("Review ({count})").format(count=number(self._total))
                            if self._total else self.tr("Review"))

    def refresh(self) -> None:
        """Re-read the counts and the current kind's items, keeping the place."""
        self._stale = False
        counts = self._refresh_counts()
        total = sum(counts.values())
        received = self.review.received_count()
        if total:
            text = self.tr("%n item(s) need a person.", "", total)
        else:
            text = self.tr("Nothing needs a person now.")
        if received:
            text += " " + self.tr(
                "{count} received registration(s) wait to be accepted: Batch accept… takes "
                "the clean ones of a bundle, a volunteer or a desa at once.").format(
                count=number(received))
        self.summary.setText(text)
        kind = self.current_kind()
        if kind is None:  # the first time: the first kind that has items
            self.kinds_view.setCurrentIndex(self.kinds_model.index(self._first_kind_row()))
            return
        item = self.current_item()
        row = self.items_table.currentIndex().row()
        self.items_model.reload(at_least=max(row + 1, 0))
        target = self.items_model.row_of_key(self._key(item)) if item else -1
        if target < 0 and self.items_model.rowCount():
            target = min(max(row, 0), self.items_model.rowCount() - 1)
        self._select_item(target)
        self._show_current()

    @staticmethod
    def _key(item: dict | None):
        if item is None:
            return None
        return {DUPLICATE: item.get("pair_id"), DEVICE: item.get("volunteer_id")}.get(
            item["kind"], item.get("registration_id"))

    def _select_item(self, row: int) -> None:
        if row < 0 or row >= self.items_model.rowCount():
            self.items_table.selectionModel().clear()
            return
        index = self.items_model.index(row, ITEM_NAME)
        self.items_table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.items_table.scrollTo(index)

    def select_kind(self, kind: str) -> None:
        self.kinds_view.setCurrentIndex(self.kinds_model.index(self.kinds_model.row_of(kind)))

    def _on_kinds_current_changed(self, current: QModelIndex, _previous=None) -> None:
        kind = KINDS[current.row()] if current.isValid() else None
        self.kind_hint.setText(kind_description(kind) if kind else "")
        self.items_model.set_kind(kind)
        self._select_item(0)
        self._show_current()

    def _show_current(self, *_args) -> None:
        item = self.current_item()
        kind = self.current_kind()
        if item is None:
            self._show_empty(kind)
        elif item["kind"] == DUPLICATE:
            self._show_duplicate(item)
        elif item["kind"] == DEVICE:
            self._show_device(item)
        else:
            self._show_registration(item)

    def _show_empty(self, kind: str | None) -> None:
        texts: dict[str | None, str] = {
            DUPLICATE: self.tr("No duplicate NIK to decide. When a bundle brings a NIK the "
                               "branch already holds, both registrations appear here side "
                               "by side."),
            INVALID: self.tr("No registration failed validation."),
            WARNING: self.tr("No NIK warning to check."),
            DEVICE: self.tr("No new laptop is waiting. A bundle from a volunteer's new laptop "
                            "is refused on import, and the laptop waits here for approval."),
        }
        text = texts.get(kind, "")
        if not self.kinds_model.total():
            text += "\n\n" + self.tr(
                "The whole queue is empty. What needs a person in the next bundles (Ctrl+I) "
                "appears here.")
        self.empty_label.setText(text)
        self.detail.setCurrentWidget(self.empty_page)

    # -- duplicates ---------------------------------------------------------------------
    def _show_duplicate(self, item: dict) -> None:
        try:
            pair = self.review.pair(item["pair_id"])
        except DesaPeduliError:  # decided meanwhile (another tab, the command line)
            self.refresh()
            return
        left, right = pair["left"], pair["right"]
        self._pair = pair
        self.comparison_model.set_records(
            [left, right], [self.tr("Left: {volunteer}").format(volunteer=left["volunteer_id"]),
                            self.tr("Right: {volunteer}").format(volunteer=right["volunteer_id"])])
        self._size_fields_table(self.comparison)
        differing = len(self.comparison_model.differing_fields())
        self.duplicate_intro.setText(self.tr(
            "NIK {nik} was registered twice: on the left by {left}, on the right by {right}. "
            "{differences} Keep the registration that is right: the other is marked a duplicate "
            "of it, and its volunteer learns it from the next receipt.").format(
            nik=pair["nik"], left=self._who(left), right=self._who(right),
            differences=self.tr("%n field(s) differ (highlighted).", "", differing)
            if differing else self.tr("Every field is the same.")))
        name = left.get("full_name") or self.tr("(no name)")
        other = right.get("full_name") or self.tr("(no name)")
        self.keep_left_button.setToolTip(plain_tip(self.tr(
            "Keep {name} ({volunteer}); mark the right one a duplicate").format(
            name=name, volunteer=left["volunteer_id"])) or "")
        self.keep_right_button.setToolTip(plain_tip(self.tr(
            "Keep {name} ({volunteer}); mark the left one a duplicate").format(
            name=other, volunteer=right["volunteer_id"])) or "")
        self.detail.setCurrentWidget(self.duplicate_page)

    def _who(self, record: dict) -> str:
        volunteer = record.get("volunteer_id") or "?"
        return self.tr("{volunteer} ({state}, {when})").format(
            volunteer=volunteer, state=labels.branch_state_label(record.get("branch_state")),
            when=labels.format_timestamp(record.get("created_at")))

    def keep(self, side: int) -> None:
        item = self.current_item()
        if item is None or item["kind"] != DUPLICATE:
            return
        pair = self.review.pair(item["pair_id"])
        kept, other = (pair["left"], pair["right"]) if side == 0 else (pair["right"], pair["left"])
        if other.get("branch_state") == "registered":
            box = message_box(
                self, QMessageBox.Icon.Warning, self.tr("Keep one registration"),
                self.tr("The other registration is already registered with BPJS "
                        "Ketenagakerjaan (KPJ {kpj}). Mark it a duplicate anyway?").format(
                    kpj=other.get("kpj_number") or "?"),
                [(self.tr("&Mark duplicate"), QMessageBox.ButtonRole.AcceptRole),
                 (self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)])
            yes, no = box.buttons()[0], cast(QPushButton, box.buttons()[1])  # addButton made it
            box.setDefaultButton(no)
            box.setEscapeButton(no)
            box.finished.connect(lambda _r: self._resolve(item["pair_id"], kept, other)
                                 if box.clickedButton() is yes else None)
            self.show_dialog(box)
            return
        self._resolve(item["pair_id"], kept, other)

    def _resolve(self, pair_id: int, kept: dict, other: dict) -> None:
        if self._run(lambda: self.review.resolve_duplicate(pair_id, kept["id"]),
                     self.tr("Keep one registration")) is None:
            return
        self._after_action(self.tr("{name} ({volunteer}) marked a duplicate of the registration "
                                   "by {kept}").format(
            name=other.get("full_name") or self.tr("(no name)"),
            volunteer=other.get("volunteer_id"), kept=kept.get("volunteer_id")))

    def send_back_different(self) -> None:
        """Two people, one NIK: the one typed wrong goes back to its volunteer."""
        item = self.current_item()
        if item is None or item["kind"] != DUPLICATE:
            return
        try:
            pair = self.review.pair(item["pair_id"])
        except DesaPeduliError:  # decided meanwhile
            self.refresh()
            return
        choices = [(record["id"], self.tr("{side}: {name} · sent by {volunteer}").format(
            side=side, name=record.get("full_name") or self.tr("(no name)"),
            volunteer=record.get("volunteer_id") or "?"))
            for side, record in ((self.tr("Left"), pair["left"]),
                                 (self.tr("Right"), pair["right"]))]
        dialog = DifferentPeopleDialog(choices, pair["nik"], self)
        dialog.accepted.connect(lambda: self._send_back(pair, dialog.fix_id, dialog.reason))
        self.show_dialog(dialog)

    def _send_back(self, pair: dict, fix: str, reason: str) -> None:
        if self._run(lambda: self.review.send_back_different(pair["pair_id"], fix, reason),
                     self.tr("Different people, one NIK")) is None:
            return
        record = pair["left"] if pair["left"]["id"] == fix else pair["right"]
        self._after_action(self.tr("{name} ({volunteer}) sent back to fix the NIK").format(
            name=record.get("full_name") or self.tr("(no name)"),
            volunteer=record.get("volunteer_id")))

    def show_decisions(self) -> None:
        """Every decision made here, newest first, with who made it."""
        self.show_dialog(DecisionsDialog(self.review.decisions(), self))

    # -- registrations ------------------------------------------------------------------
    def _show_registration(self, item: dict) -> None:
        record = self.session.registrations.store.get(item["registration_id"])
        if record is None:
            self._show_empty(item["kind"])
            return
        self.details_model.set_records(
            [record], [self.tr("Registration")],
            problem_fields=problem_fields(item["problems"]))
        self._size_fields_table(self.details)
        self.registration_intro.setText(self.tr(
            "{name} · NIK {nik} · sent by {volunteer} · {village}").format(
            name=record.get("full_name") or self.tr("(no name)"), nik=record.get("nik") or "-",
            volunteer=record.get("volunteer_id") or "?",
            village=labels.village_path(record.get("village_code")) or "-"))
        heading = (self.tr("Problems found on import:") if item["kind"] == INVALID else
                   self.tr("To check against the KTP:"))
        self.problems_label.setText("\n".join(
            [heading, *(f"• {labels.problem_message(p)}" for p in item["problems"])]))
        if item["kind"] == WARNING:
            self.accept_button.setText(self.tr("&Accept: the KTP was checked"))
            self.accept_button.setToolTip(self.tr(
                "The NIK and the KTP agree with what was typed: accept the registration"))
        else:
            self.accept_button.setText(self.tr("&Accept anyway"))
            self.accept_button.setToolTip(self.tr(
                "Accept although the checks failed (for example a rule that changed)"))
        self.detail.setCurrentWidget(self.registration_page)

    def accept_current(self) -> None:
        item = self.current_item()
        if item is None or item["kind"] not in (INVALID, WARNING):
            return
        self._set_state(item, "accepted")

    def _set_state(self, item: dict, state: str, **kwargs) -> None:
        reg_id = item["registration_id"]
        if self._run(lambda: self.service.set_state(reg_id, state, **kwargs),
                     self.tr("Change state")) is None:
            return
        self._after_action(self.tr("{name}: {state}").format(
            name=item.get("full_name") or self.tr("(no name)"),
            state=labels.branch_state_label(state)))

    def ask_correction(self) -> None:
        item = self.current_item()
        if item is None or item["kind"] not in (INVALID, WARNING):
            return
        dialog = CorrectionDialog(item.get("full_name") or self.tr("(no name)"), self)
        # the volunteer reads it in Indonesian, whatever this window's language
        dialog.reason_edit.setText("; ".join(p.get("message") or "" for p in item["problems"])
                                   [:300])
        dialog.reason_edit.selectAll()
        dialog.accepted.connect(lambda: self._set_state(item, "correction",
                                                        reason=dialog.reason))
        self.show_dialog(dialog)

    def open_in_list(self) -> None:
        """Show the registration in the Registrations tab (all states, found by NIK)."""
        item = self.current_item()
        if item is None or not item.get("registration_id"):
            return
        view = self.main.registrations_view
        self._others_stale.discard(view)
        self.main.tabs.setCurrentWidget(view)
        widgets = (view.state_filter, view.volunteer_filter, view.search_edit)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            view.state_filter.setCurrentIndex(0)
            view.volunteer_filter.setCurrentIndex(0)
            view.search_edit.setText(item.get("nik") or "")
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        view.refresh(select_id=item["registration_id"])
        view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- laptops ------------------------------------------------------------------------
    def _show_device(self, item: dict) -> None:
        if item.get("current_fingerprint"):
            intro = self.tr(
                "Volunteer {id} ({name}) sent a bundle from a laptop other than the one bound "
                "to them ({when}). It was refused; nothing from it was imported.")
        else:
            intro = self.tr(
                "Volunteer {id} ({name}) sent a bundle from a laptop not yet confirmed for "
                "them ({when}): it does not prove their enrolment file. It was refused; "
                "nothing from it was imported.")
        self.device_intro.setText(intro.format(
            id=item["volunteer_id"], name=item.get("full_name") or "",
            when=labels.format_timestamp(item.get("since"))))
        self.current_fingerprint.setText(item.get("current_fingerprint") or "-")
        self.new_fingerprint.setText(item["fingerprint"])
        self.detail.setCurrentWidget(self.device_page)

    def approve_device(self) -> None:
        item = self.current_item()
        if item is None or item["kind"] != DEVICE:
            return
        volunteer_id = item["volunteer_id"]
        if item.get("current_fingerprint"):
            question = self.tr(
                "Approve the laptop with fingerprint\n{fingerprint}\nfor volunteer {id}? "
                "Only if the volunteer reads the same fingerprint on it. Their old laptop's "
                "bundles are refused from then on.")
        else:
            question = self.tr(
                "Approve the laptop with fingerprint\n{fingerprint}\nfor volunteer {id}? "
                "Only if the volunteer reads the same fingerprint on it: anyone who knows "
                "the volunteer's id can send a bundle in their name.")
        box = message_box(
            self, QMessageBox.Icon.Warning, self.tr("Approve this laptop"),
            question.format(fingerprint=item["fingerprint"], id=volunteer_id),
            [(self.tr("&Approve"), QMessageBox.ButtonRole.AcceptRole),
             (self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)])
        yes, no = box.buttons()[0], cast(QPushButton, box.buttons()[1])  # addButton made it
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.finished.connect(lambda _r: self._approve(volunteer_id, item["fingerprint"])
                             if box.clickedButton() is yes else None)
        self.show_dialog(box)

    def _approve(self, volunteer_id: str, shown: str) -> None:
        if self._run(lambda: self.review.approve_pending_device(volunteer_id, shown=shown),
                     self.tr("Approve this laptop")) is None:
            return
        self._after_action(self.tr(
            "Laptop of {id} approved. Import the refused bundle again (Ctrl+I).").format(
            id=volunteer_id))

    def dismiss_device(self) -> None:
        item = self.current_item()
        if item is None or item["kind"] != DEVICE:
            return
        volunteer_id = item["volunteer_id"]
        box = message_box(
            self, QMessageBox.Icon.Question, self.tr("Not this volunteer's laptop"),
            self.tr("Forget the laptop with fingerprint\n{fingerprint}\nthat sent a bundle in "
                    "the name of volunteer {id}? Bundles from it stay refused.").format(
                fingerprint=item["fingerprint"], id=volunteer_id),
            [(self.tr("&Forget it"), QMessageBox.ButtonRole.AcceptRole),
             (self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)])
        yes, no = box.buttons()[0], cast(QPushButton, box.buttons()[1])  # addButton made it
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.finished.connect(lambda _r: self._dismiss(volunteer_id, item["fingerprint"])
                             if box.clickedButton() is yes else None)
        self.show_dialog(box)

    def _dismiss(self, volunteer_id: str, shown: str) -> None:
        if self._run(lambda: self.review.dismiss_pending_device(volunteer_id, shown=shown),
                     self.tr("Not this volunteer's laptop")) is None:
            return
        self._after_action(self.tr("The new laptop of {id} was forgotten.").format(
            id=volunteer_id))

    def _on_import_view_finished(self, outcomes: list) -> None:
        """Remember the laptops of bundles refused as coming from a new or unconfirmed
        laptop."""
        noted = False
        for outcome in outcomes:
            if getattr(outcome, "reason", None) in DEVICE_REFUSALS:
                try:
                    noted = self.review.note_refused_device(outcome.path) is not None or noted
                except Exception:  # the queue misses one item; logged
                    log.exception("noting a refused laptop failed")
        if noted:
            self.mark_stale(recount=True)

    # -- batch accept -------------------------------------------------------------------
    def batch_accept(self) -> None:
        item = self.current_item() or {}
        default = (VOLUNTEER, item["volunteer_id"]) if item.get("volunteer_id") else None
        dialog = BatchAcceptDialog(self.review, self, default=default)
        dialog.done_batch.connect(self._on_batch_done)
        self.show_dialog(dialog)

    def _on_batch_done(self, result) -> None:
        self._after_action(self.tr(
            "{count} registration(s) of {scope} accepted (batch {batch}).").format(
            count=number(result.count), scope=result.scope_label, batch=result.batch_id))

    # -- common -------------------------------------------------------------------------
    def _run(self, action, title: str):
        """Run one service action; a refusal is shown and changes nothing. None: failed."""
        try:
            with busy_cursor():  # one decision: a few rows
                result = action()
        except Exception as exc:  # noqa: BLE001 - shown; one transaction, nothing changed
            show_failure(self.tell, title, exc, "a review action failed")
            self.refresh()
            return None
        return True if result is None else result

    def _after_action(self, message: str) -> None:
        self.refresh()
        self.main.statusBar().showMessage(message, 10_000)
        self._others_stale.update({self.main.registrations_view, self.main.volunteers_view})
        self.state_changed.emit()
        self.items_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_tabs_current_changed(self, _index: int) -> None:
        view = self.main.tabs.currentWidget()
        if view is self:
            target = self.items_table if self.items_model.rowCount() else self.kinds_view
            target.setFocus(Qt.FocusReason.TabFocusReason)
        if view in self._others_stale:
            self._others_stale.discard(view)
            view.refresh()

    def _on_items_table_activated(self, index: QModelIndex) -> None:
        item = self.items_model.item_at(index.row())
        if item is None:
            return
        if item["kind"] == DUPLICATE:
            self.comparison.setFocus(Qt.FocusReason.OtherFocusReason)
        elif item["kind"] == DEVICE:
            self.approve_device()
        else:
            self.open_in_list()
