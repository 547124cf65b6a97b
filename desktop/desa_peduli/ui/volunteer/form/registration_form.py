"""The registration form view: five sections, inline validation, live contribution, autosave.

``RegistrationFormView`` edits one registration. Every change restarts a short
validation timer (messages under the fields, a summary on the right) and a longer
autosave timer; the record is also saved on ``flush()``, when the view is hidden or
closed, and before it is left. The id of the registration being edited is kept in the
workspace setting ``open_draft_id`` so that it can be reopened after a power cut.

This module is the controller: state, editing, saving and moving between sections.
The layout is built by ``sections.py`` (``FormSections``), the problems are shown by
``problems.py`` (``ProblemDisplay``), ``navigation.py`` moves between the sections and
``hints.py`` words the NIK note and the contribution.

Over 600 lines: about 70 of them declare the widgets ``FormSections`` builds (mypy checks
every use against them), and the rest is one controller whose state (the record, the
timers, the dirty flag) every handler shares. The next seam is the consent part (its
method, time and signature handlers, about 60 lines), which could become a small
controller like ``branch_note.py``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QWidget,
)

from desa_peduli import reference
from desa_peduli.domain.nik import NikInfo, parse_nik
from desa_peduli.domain.problems import ERROR
from desa_peduli.domain.registration import READY, REGISTERED, empty_registration
from desa_peduli.errors import DesaPeduliError
from desa_peduli.services.registrations import decode_signature
from desa_peduli.ui.volunteer.form import hints
from desa_peduli.ui.volunteer.form.branch_note import CORRECTION_STATES, BranchNote
from desa_peduli.ui.volunteer.form.heirs_editor import HeirsEditor
from desa_peduli.ui.volunteer.form.ktp_photo import KtpPhotoField
from desa_peduli.ui.volunteer.form.navigation import SectionNavigator
from desa_peduli.ui.volunteer.form.problems import ProblemDisplay
from desa_peduli.ui.volunteer.form.region_picker import RegionCombo
from desa_peduli.ui.volunteer.form.sections import IDENTITY, FormSections
from desa_peduli.ui.volunteer.form.signature_pad import SignaturePad
from desa_peduli.ui.volunteer.form.widgets import MessageLabel, NoteLabel, WrappingListWidget, thousands

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1500
VALIDATE_MS = 300
DEFAULT_PROVINCE = "15"  # Jambi
_TEXT_FIELDS = ("nik", "full_name", "birth_place", "birth_date", "phone", "email", "rt", "rw",
                "street", "work_location", "declared_income")


class RegistrationFormView(QWidget):
    """The form for one BPU registration; see the module docstring."""

    finished = Signal()  # the person is done: back to the list
    saved = Signal(str)  # the id just saved
    open_requested = Signal(str)  # open another registration (same NIK)

    # the widgets FormSections builds onto the view (sections.py)
    title_label: QLabel
    status_label: QLabel
    nav_list: QListWidget
    pages: QStackedWidget
    previous_button: QPushButton
    next_button: QPushButton
    close_button: QPushButton
    save_close_button: QPushButton
    summary_header: QLabel
    summary_list: WrappingListWidget
    # identity
    nik_edit: QLineEdit
    nik_note: NoteLabel
    duplicate_box: QFrame
    duplicate_label: QLabel
    duplicate_button: QPushButton
    name_edit: QLineEdit
    birth_place_edit: QLineEdit
    birth_date_edit: QLineEdit
    sex_combo: QComboBox
    nationality_combo: QComboBox
    phone_edit: QLineEdit
    no_phone_check: QCheckBox
    no_phone_box: QWidget
    no_phone_reason_edit: QLineEdit
    family_phone_edit: QLineEdit
    email_edit: QLineEdit
    photo_field: KtpPhotoField
    # address
    province_combo: RegionCombo
    regency_combo: RegionCombo
    district_combo: RegionCombo
    village_combo: RegionCombo
    rt_edit: QLineEdit
    rw_edit: QLineEdit
    street_edit: QLineEdit
    # work & contribution
    occupation_combo: QComboBox
    work_location_edit: QLineEdit
    income_edit: QLineEdit
    jkk_check: QCheckBox
    jkm_check: QCheckBox
    jht_check: QCheckBox
    period_combo: QComboBox
    funding_combo: QComboBox
    contribution_label: QLabel
    # heirs
    heirs_editor: HeirsEditor
    heirs_message: MessageLabel
    # consent
    statement_label: QLabel
    method_group: QButtonGroup
    signature_radio: QRadioButton
    verbal_radio: QRadioButton
    paper_radio: QRadioButton
    signature_pad: SignaturePad
    witness_edit: QLineEdit
    paper_edit: QLineEdit
    consent_check: QCheckBox
    consent_time_label: NoteLabel

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("RegistrationFormView")
        self._session = session
        self._service = session.registrations
        self._regions = reference.regions()
        self._lang = session.settings.get("language") or "id"
        self._current_id: str | None = None
        self._record_status: str | None = None
        self._dirty = False
        self._loading = False
        self._saved_at: dt.datetime | None = None
        self._save_error: str | None = None
        self._auto_birth = ""  # the dd/MM/yyyy text last filled in from the NIK
        self._auto_sex: str | None = None
        self._consent_at: str | None = None
        self._photo_changed = False
        self._protected = False  # registered at BPJS, until "Change anyway"

        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_MS)
        self._validate_timer.timeout.connect(self._run_validation)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self._on_autosave_timer_timeout)

        self._sections = FormSections(self, lang=self._lang, regions=self._regions)
        self._sections.build()
        self._display = ProblemDisplay(self, self._sections, lang=self._lang)
        self._branch = BranchNote(self, self._sections.outer, self._sections.header)
        self._branch.change_confirmed.connect(self._on_branch_change_confirmed)
        self._navigator = SectionNavigator(self, self._sections, self._leave_section)
        self._connect_controls()
        self._update_method_rows()
        self._connect_changes()
        self._install_shortcuts()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)  # gone with the view
        self._reset(empty_registration(), photo=None)

    # ================================================================== public API
    @property
    def current_id(self) -> str | None:
        """The id of the registration in the form; None until it is first saved."""
        return self._current_id

    def new_registration(self) -> None:
        """Start a blank registration in the volunteer's own village."""
        self.flush()
        data = empty_registration()
        data["village_code"] = self._session.settings.get("home_village")
        self._current_id = None
        self._record_status = None
        self._display.show_all = False
        self._display.branch_reason = None
        self._reset(data, photo=None)
        self._show_branch_note(None)
        self._go_to_section(IDENTITY, focus="first")

    def open_registration(self, reg_id: str) -> None:
        """Load a stored registration (with its signature and KTP photo) for editing."""
        self.flush()
        record = self._service.get(reg_id)
        photo = self._service.ktp_photo(reg_id)
        self._current_id = reg_id
        self._record_status = record.get("status")
        self._display.show_all = True
        reason = " ".join(str(record.get("branch_reason") or "").split())
        self._display.branch_reason = (
            reason if record.get("status") in CORRECTION_STATES and reason else None)
        self._reset(record, photo=photo)
        self._show_branch_note(record)
        self._go_to_section(IDENTITY, focus="first")
        if self.is_protected:
            self._branch.change_button.setFocus()

    @property
    def is_protected(self) -> bool:
        """A registration registered at BPJS: its fields wait for "Change anyway"."""
        return self._protected

    def _show_branch_note(self, record: dict | None) -> None:
        protect = record is not None and record.get("status") == REGISTERED
        self._protected = protect
        self.pages.setEnabled(not protect)
        self._branch.show_for(record, protect=protect)

    def _on_branch_change_confirmed(self) -> None:
        self._protected = False
        self.pages.setEnabled(True)
        self._go_to_section(self.pages.currentIndex(), focus="first")

    def flush(self) -> bool:
        """Save now if anything changed. True when nothing typed is left unsaved."""
        self._autosave_timer.stop()
        if not self._dirty:
            return True
        if self._current_id is None and not self._has_content():
            self._dirty = False  # never store a blank form
            self._update_status()
            return True
        return self._save()

    def data(self) -> dict:
        """The registration as typed (raw: validation normalises it)."""
        consent_method = self._consent_method()
        heirs, rows = self.heirs_editor.values()
        self._display.heir_rows = rows
        income = self.income_edit.text().strip()
        return {
            "nik": self.nik_edit.text().strip(),
            "full_name": self.name_edit.text(),
            "birth_place": self.birth_place_edit.text(),
            "birth_date": self._birth_value(),
            "sex": self.sex_combo.currentData(),
            "nationality": self.nationality_combo.currentData(),
            "phone": "" if self.no_phone_check.isChecked() else self.phone_edit.text().strip(),
            "no_phone_reason": (self.no_phone_reason_edit.text().strip()
                                if self.no_phone_check.isChecked() else None),
            "family_phone": (self.family_phone_edit.text().strip() or None
                             if self.no_phone_check.isChecked() else None),
            "email": self.email_edit.text().strip() or None,
            "village_code": self._sections.cascade.village_code(),
            "rt": self.rt_edit.text().strip(),
            "rw": self.rw_edit.text().strip(),
            "street": self.street_edit.text().strip() or None,
            "occupation": self.occupation_combo.currentData(),
            "work_location": self.work_location_edit.text().strip() or None,
            "declared_income": income or None,
            "programs": ["JKK", "JKM", "JHT"] if self.jht_check.isChecked() else ["JKK", "JKM"],
            "payment_months": self.period_combo.currentData(),
            "funding_source": self.funding_combo.currentData(),
            "heirs": heirs,
            "consent": {
                "given": self.consent_check.isChecked(),
                "at": self._consent_at if self.consent_check.isChecked() else None,
                "method": consent_method,
                "witness": (self.witness_edit.text().strip() or None
                            if consent_method == "verbal_witnessed" else None),
                "reference": (self.paper_edit.text().strip() or None
                              if consent_method == "paper" else None),
                "signature_png": (self.signature_pad.to_png()
                                  if consent_method == "signature" else None),
            },
        }


    # ================================================================== signals
    def _connect_controls(self) -> None:
        """The buttons, the section list, the summary and Enter in the fields."""
        self.nav_list.currentRowChanged.connect(self._navigator.on_row_changed)
        self.previous_button.clicked.connect(lambda: self._navigator.step(-1))
        self.next_button.clicked.connect(lambda: self._navigator.step(+1))
        self.close_button.clicked.connect(self._finish)
        self.nav_list.setCurrentRow(0)
        self.summary_list.itemClicked.connect(self._on_summary_list_item_activated)
        self.summary_list.itemActivated.connect(self._on_summary_list_item_activated)
        self.duplicate_button.clicked.connect(self._on_duplicate_button_clicked)
        self.photo_field.failed.connect(self._on_photo_field_failed)
        for edit in self._sections.line_edits:
            edit.returnPressed.connect(self._on_line_edit_return_pressed)

    def _connect_changes(self) -> None:
        edits = {
            "nik": self.nik_edit, "full_name": self.name_edit,
            "birth_place": self.birth_place_edit, "birth_date": self.birth_date_edit,
            "phone": self.phone_edit, "email": self.email_edit, "rt": self.rt_edit,
            "rw": self.rw_edit, "street": self.street_edit,
            "work_location": self.work_location_edit, "declared_income": self.income_edit,
            "consent.witness": self.witness_edit, "consent.reference": self.paper_edit,
            "no_phone_reason": self.no_phone_reason_edit, "family_phone": self.family_phone_edit,
        }
        for name, edit in edits.items():
            edit.textEdited.connect(lambda _text, name=name: self._on_edited(name, touch=False))
            edit.editingFinished.connect(lambda name=name: self._on_left(name))
        self.nik_edit.textChanged.connect(self._on_nik_edit_text_changed)
        self.name_edit.textChanged.connect(self._update_title)
        self.birth_date_edit.textEdited.connect(lambda _t: self._refresh_nik_note())
        self.income_edit.editingFinished.connect(self._on_income_edit_editing_finished)
        self.sex_combo.activated.connect(lambda _i: self._on_sex_combo_activated())
        self.occupation_combo.currentIndexChanged.connect(lambda _i: self._on_edited("occupation"))
        self.period_combo.currentIndexChanged.connect(lambda _i: self._on_edited("payment_months"))
        self.funding_combo.currentIndexChanged.connect(lambda _i: self._on_edited("funding_source"))
        self.jht_check.toggled.connect(lambda _c: self._on_edited("programs"))
        self.nationality_combo.currentIndexChanged.connect(lambda _i: self._on_edited("nationality"))
        self.no_phone_check.toggled.connect(self._on_no_phone_check_toggled)
        self._sections.cascade.changed.connect(lambda: self._on_edited("village_code"))
        self.heirs_editor.changed.connect(lambda: self._on_edited("heirs"))
        self.photo_field.changed.connect(self._on_photo_field_changed)
        self.method_group.buttonToggled.connect(self._on_method_group_button_toggled)
        self.signature_pad.changed.connect(lambda: self._on_edited("consent.signature_png"))
        self.consent_check.toggled.connect(self._on_consent_check_toggled)

    def _install_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut

        def shortcut(keys, slot) -> None:
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(context)
            sc.activated.connect(slot)

        shortcut("Ctrl+S", self._finish)
        shortcut(Qt.Key.Key_Escape, self._finish)
        shortcut("Ctrl+PgDown", lambda: self._navigator.step(+1))
        shortcut("Ctrl+PgUp", lambda: self._navigator.step(-1))
        for index in range(len(self._sections.titles)):
            shortcut(f"Alt+{index + 1}", lambda index=index: self._go_to_section(index, "first"))

    # ================================================================== state
    def _reset(self, data: dict, *, photo: tuple[str, bytes] | None) -> None:
        """Fill every widget from ``data`` without counting it as an edit."""
        self._validate_timer.stop()
        self._autosave_timer.stop()
        self._loading = True
        try:
            self._display.touched.clear()
            self._navigator.last_focus = None
            self._save_error = None
            self._saved_at = None
            self._display.problems = []
            self.nik_edit.setText(data.get("nik") or "")
            self.name_edit.setText(data.get("full_name") or "")
            self.birth_place_edit.setText(data.get("birth_place") or "")
            self.birth_date_edit.setText(hints.iso_to_text(data.get("birth_date")))
            self.sex_combo.setCurrentIndex(self.sex_combo.findData(data.get("sex")))
            self.phone_edit.setText(hints.phone_text(data.get("phone")))
            self.nationality_combo.setCurrentIndex(
                max(self.nationality_combo.findData(data.get("nationality") or "WNI"), 0))
            self.no_phone_reason_edit.setText(data.get("no_phone_reason") or "")
            self.family_phone_edit.setText(hints.phone_text(data.get("family_phone")))
            self.no_phone_check.setChecked(bool(data.get("no_phone_reason"))
                                           and not data.get("phone"))
            self._on_no_phone_check_toggled(self.no_phone_check.isChecked())
            self.email_edit.setText(data.get("email") or "")
            village = data.get("village_code")
            self._sections.cascade.set_village_code(village, province=self._default_province())
            self.rt_edit.setText(data.get("rt") or "")
            self.rw_edit.setText(data.get("rw") or "")
            self.street_edit.setText(data.get("street") or "")
            self.occupation_combo.setCurrentIndex(
                self.occupation_combo.findData(data.get("occupation")))
            self.work_location_edit.setText(data.get("work_location") or "")
            income = data.get("declared_income")
            self.income_edit.setText(thousands(income) if isinstance(income, int)
                                     else str(income or ""))
            self.jht_check.setChecked("JHT" in (data.get("programs") or []))
            period = self.period_combo.findData(data.get("payment_months") or 1)
            self.period_combo.setCurrentIndex(max(period, 0))
            funding = self.funding_combo.findData(data.get("funding_source") or "mandiri")
            self.funding_combo.setCurrentIndex(max(funding, 0))
            self.heirs_editor.set_values(list(data.get("heirs") or []))
            consent = data.get("consent")
            self._set_consent(consent if isinstance(consent, dict) else {})
            self.photo_field.set_photo(photo)
            self._photo_changed = False
            info = self._parse_nik()
            self._auto_birth = ""
            self._auto_sex = None
            if info is not None and info.ok:
                # values equal to the NIK's count as filled from it, so a corrected NIK
                # may replace them
                if info.birth_date and self._birth_text() == info.birth_date.strftime("%d/%m/%Y"):
                    self._auto_birth = self._birth_text()
                if info.sex and self.sex_combo.currentData() == info.sex:
                    self._auto_sex = info.sex
            self._refresh_nik_note(info)
        finally:
            self._loading = False
        self._dirty = False
        self._update_title()
        self._run_validation()
        self._update_status()

    def _set_consent(self, consent: dict) -> None:
        method = consent.get("method")
        self.method_group.setExclusive(False)
        for button in self.method_group.buttons():
            button.setChecked(button.property("method") == method)
        self.method_group.setExclusive(True)
        self.witness_edit.setText(consent.get("witness") or "")
        self.paper_edit.setText(consent.get("reference") or "")
        signature = consent.get("signature_png")
        if isinstance(signature, str):
            signature = decode_signature(signature)
        self.signature_pad.load_png(signature if isinstance(signature, bytes) else None)
        self._consent_at = consent.get("at") if consent.get("given") else None
        self.consent_check.setChecked(bool(consent.get("given")))
        self._update_method_rows()
        self._update_consent_time()

    def _has_content(self) -> bool:
        data = self.data()
        if any(str(data.get(name) or "").strip() for name in _TEXT_FIELDS):
            return True
        consent = data["consent"]
        return bool(
            data["occupation"] or data["heirs"] or self.photo_field.photo() is not None
            or consent["given"] or consent["witness"] or consent["reference"]
            or consent["signature_png"]
        )

    def _default_province(self) -> str:
        home = self._session.settings.get("home_village")
        if isinstance(home, str) and home[:2].isdigit():
            return home[:2]
        return DEFAULT_PROVINCE

    # ================================================================== editing
    def _on_edited(self, name: str, *, touch: bool = True) -> None:
        if self._loading:
            return
        if touch:
            self._display.touched.add(name)
        self._display.branch_reason = None  # changed: the summary shows what is left
        if name == "consent.given":  # its message stands for "consent" and its time too
            self._display.touched.update(("consent", "consent.at"))
        self._dirty = True
        self._save_error = None
        self._validate_timer.start()
        self._autosave_timer.start()
        self._update_status()

    def _on_left(self, name: str) -> None:
        """Focus left a text field: from now on its messages are shown."""
        if self._loading or name in self._display.touched:
            return
        self._display.touched.add(name)
        self._validate_timer.start()

    def _on_line_edit_return_pressed(self) -> None:
        self.focusNextPrevChild(True)  # Enter moves on, like Tab

    def _on_nik_edit_text_changed(self, _text: str) -> None:
        if self._loading:
            return
        info = self._parse_nik()
        if info is not None and info.ok:
            if info.birth_date is not None:
                nik_text = info.birth_date.strftime("%d/%m/%Y")
                current = self._birth_text()
                if not current or current == self._auto_birth:
                    self.birth_date_edit.setText(nik_text)
                    self._auto_birth = nik_text
            if info.sex is not None:
                current_sex = self.sex_combo.currentData()
                if current_sex is None or current_sex == self._auto_sex:
                    self.sex_combo.setCurrentIndex(self.sex_combo.findData(info.sex))
                    self._auto_sex = info.sex
        self._refresh_nik_note(info)

    def _on_no_phone_check_toggled(self, checked: bool) -> None:
        """No phone: the reason and a family member's number instead of the number."""
        self.phone_edit.setEnabled(not checked)
        self.no_phone_box.setVisible(checked)
        if checked and not self._loading:
            self.no_phone_reason_edit.setFocus()
        self._on_edited("phone")

    def _on_sex_combo_activated(self) -> None:
        self._refresh_nik_note()
        self._on_edited("sex")

    def _on_income_edit_editing_finished(self) -> None:
        text = self.income_edit.text()
        digits = "".join(text.split())
        if digits[:2].lower() == "rp":
            digits = digits[2:]
        plain = digits.replace(".", "")
        if plain.isascii() and plain.isdigit() and (
                "." not in digits or re.fullmatch(r"\d{1,3}(\.\d{3})+", digits)):
            formatted = thousands(int(plain))
            if formatted != text:
                self.income_edit.setText(formatted)

    def _on_photo_field_changed(self) -> None:
        self._photo_changed = True
        self._photo_message().show_messages([], None)
        self._on_edited("ktp_photo")

    def _on_photo_field_failed(self, message: str) -> None:
        self._photo_message().show_messages([message], ERROR)

    def _photo_message(self) -> MessageLabel:
        message = self._sections.fields["ktp_photo"].message
        assert message is not None  # every row FormSections adds has its message label
        return message

    def _on_method_group_button_toggled(self, _button, checked: bool) -> None:
        if not checked:
            return
        self._update_method_rows()
        self._on_edited("consent.method")

    def _on_consent_check_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        self._consent_at = (dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
                            if checked else None)
        self._update_consent_time()
        self._on_edited("consent.given")

    def _consent_method(self) -> str | None:
        button = self.method_group.checkedButton()
        return button.property("method") if button is not None else None

    def _update_method_rows(self) -> None:
        method = self._consent_method()
        sections = self._sections
        form = sections.consent_form
        form.setRowVisible(sections.signature_row, method == "signature")
        form.setRowVisible(sections.witness_row, method == "verbal_witnessed")
        form.setRowVisible(sections.paper_row, method == "paper")

    def _update_consent_time(self) -> None:
        when = self._consent_at if self.consent_check.isChecked() else None
        if not when:
            self.consent_time_label.set_note("")
            return
        try:
            moment = dt.datetime.fromisoformat(when)
        except ValueError:
            self.consent_time_label.set_note(when)
            return
        self.consent_time_label.set_note(self.tr("Consent recorded on {date} at {time}").format(
            date=moment.strftime("%d/%m/%Y"), time=moment.strftime("%H:%M")))

    # -- NIK --------------------------------------------------------------------------
    def _parse_nik(self) -> NikInfo | None:
        text = self.nik_edit.text().strip()
        if not text:
            return None
        return parse_nik(text, self._regions, dt.date.today())

    def _refresh_nik_note(self, info: NikInfo | None = None) -> None:
        if info is None:
            info = self._parse_nik()
        self.nik_note.set_note(hints.nik_note(info, birth_text=self._birth_text(),
                                              sex=self.sex_combo.currentData(), lang=self._lang))

    def _on_duplicate_button_clicked(self) -> None:
        nik = "".join(self.nik_edit.text().split())
        others = self._service.find_by_nik(nik, exclude_id=self._current_id)
        if others:
            self.open_requested.emit(others[0]["id"])

    # -- dates and phones -------------------------------------------------------------
    def _birth_text(self) -> str:
        text = self.birth_date_edit.text()
        return text if any(ch.isdigit() for ch in text) else ""

    def _birth_value(self) -> str | None:
        return hints.birth_value(self._birth_text())

    # ================================================================== validation
    def _run_validation(self) -> None:
        self._validate_timer.stop()
        data = self.data()
        try:
            result = self._service.validate(data, reg_id=self._current_id)
        except Exception:  # a bug: keep the form usable, log without personal data
            log.exception("validation failed")
            return
        self._display.apply(list(result.problems))
        self._update_contribution(result.values)

    def _on_summary_list_item_activated(self, item: QListWidgetItem) -> None:
        entry = self._display.entry_of_item(item)
        if entry is None:
            return
        self._display.reveal(entry)
        self._go_to_section(entry.section, focus=None)
        self._navigator.focus(entry.focus)
        self._validate_timer.start()


    def _update_contribution(self, values: dict) -> None:
        self.contribution_label.setText(hints.contribution_text(values, self._service, self._lang))

    # ================================================================== saving
    def _on_autosave_timer_timeout(self) -> None:
        self.flush()

    def _save(self) -> bool:
        self._autosave_timer.stop()
        data = self.data()
        photo = self.photo_field.photo() if self._photo_changed else False
        settings = self._session.settings
        try:
            with self._session.atomic():
                result = self._service.save(data, reg_id=self._current_id, ktp_photo=photo)
                if settings.get("open_draft_id") != result.id:
                    settings.set("open_draft_id", result.id)
        except DesaPeduliError as exc:
            self._save_error = exc.message(self._lang)
            self._update_status()
            return False
        except Exception:  # disk, database: never lose the form, say so, log the bug
            log.exception("saving the registration failed")
            self._save_error = self.tr("Could not save. Keep this window open and call for help.")
            self._update_status()
            return False
        self._current_id = result.id
        self._record_status = result.status
        self._dirty = False
        self._photo_changed = False
        self._save_error = None
        self._saved_at = dt.datetime.now()
        self._display.apply(list(result.problems))
        self._update_status()
        self.saved.emit(result.id)
        return True

    def _finish(self) -> None:
        """Save, forget the open draft and go back to the list (Save & close / Close / Esc)."""
        if not self.flush():
            return  # the status line says why; nothing is thrown away
        try:
            with self._session.atomic():
                self._session.settings.set("open_draft_id", None)
        except Exception:
            log.exception("clearing open_draft_id failed")
        self.finished.emit()

    def hideEvent(self, event) -> None:
        self.flush()  # another view took our place, the window was minimised or locked
        super().hideEvent(event)

    def closeEvent(self, event) -> None:
        self._validate_timer.stop()
        self.flush()
        super().closeEvent(event)

    # -- header -----------------------------------------------------------------------
    def _update_title(self) -> None:
        name = " ".join(self.name_edit.text().split())
        if name:
            title = self.tr("Registration: {name}").format(name=name)
        elif self._current_id:
            title = self.tr("Registration")
        else:
            title = self.tr("New registration")
        metrics = self.title_label.fontMetrics()
        self.title_label.setText(metrics.elidedText(title, Qt.TextElideMode.ElideRight, 760))
        self.title_label.setToolTip(title)

    def _update_status(self) -> None:
        style = "QLabel { color: #374151; }"
        if self._save_error:
            text = self._save_error
            style = "QLabel { color: #a4161a; font-weight: bold; }"
        elif self._dirty:
            text = self.tr("Saving…")
        elif self._saved_at is not None:
            text = self.tr("Saved automatically {time}").format(
                time=self._saved_at.strftime("%H:%M:%S"))
            text = f"{text} · {hints.status_name(self._record_status)}"
        elif self._current_id:
            text = hints.status_name(self._record_status)
        else:
            text = self.tr("Not saved yet")
        if self._record_status == READY and not self._dirty and not self._save_error:
            style = "QLabel { color: #1b6e2a; font-weight: bold; }"
        self.status_label.setText(text)
        self.status_label.setStyleSheet(style)

    # ================================================================== navigation
    def _leave_section(self, index: int) -> None:
        """Once a section has been seen, its problems are shown next to its fields."""
        self._display.reveal_section(index)
        self._validate_timer.start()

    def _go_to_section(self, index: int, focus: str | None = "first") -> None:
        self._navigator.go_to(index, focus)

    def _on_app_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        self._navigator.on_app_focus_changed(old, new)

    def focusNextPrevChild(self, next_: bool) -> bool:
        """Tab past the last field of a section opens the next one (and back with Shift+Tab)."""
        return self._navigator.tab_across(next_) or super().focusNextPrevChild(next_)

    def focusInEvent(self, event) -> None:
        """Focus given to the view itself (by the main window) goes on to a field."""
        super().focusInEvent(event)
        if self.is_protected:  # registered at BPJS: the first step is "Change anyway"
            self._branch.change_button.setFocus(event.reason())
            return
        target = self._navigator.focus_target()
        if target is not None:
            target.setFocus(event.reason())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._update_title()
        super().changeEvent(event)


__all__ = ["RegistrationFormView"]
