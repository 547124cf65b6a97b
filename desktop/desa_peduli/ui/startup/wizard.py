"""First run: language, role, the volunteer's name and area (or the branch office's name),
a passphrase; creates the workspace, enrols it if an enrolment file was given, and shows
the fingerprints to compare (enrolment pages in ``ui/startup/enrolment.py``).

Creating the workspace wraps the database key with scrypt (about 2 s), so it runs off
the UI thread; the new database is then opened on the UI thread with the raw key.
Choosing a language switches the wizard at once (each page retranslates itself).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from desa_peduli.ui import labels
from desa_peduli.ui.fingerprint import volunteer_fingerprints
from desa_peduli.ui.help import install_help_key
from desa_peduli.ui.i18n import current_language, install_translator
from desa_peduli.ui.jobs import Job, run_job
from desa_peduli.ui.startup.enrolment import BranchPage, DonePage, EnrolmentChooser
from desa_peduli.ui.startup.page import TranslatedPage
from desa_peduli.ui.startup.passphrase import open_session_with_key
from desa_peduli.ui.text_size import scaled
from desa_peduli.ui.widgets import (
    MIN_PASSPHRASE,
    PassphraseHint,
    busy_bar,
    error_label,
    password_edit,
    plain_labels,
    show_error,
)

if TYPE_CHECKING:
    from desa_peduli.services.session import Session

# `noqa: PLC0415 - start-up`: app.py loads the wizard before the passphrase dialog shows;
# the branch and sync services (and the sync layer, ~100 ms) load when the wizard finishes.

HOME_PROVINCE = "15"  # Jambi: the programme's province


class WelcomePage(TranslatedPage):
    """Language, who uses this laptop, and how a volunteer starts (alone or enrolled)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.language_box = QGroupBox(self)
        language_layout = QVBoxLayout(self.language_box)
        self.indonesian = QRadioButton("Bahasa &Indonesia", self.language_box)
        self.english = QRadioButton("&English", self.language_box)
        self.language_group = QButtonGroup(self)
        self.language_group.addButton(self.indonesian)
        self.language_group.addButton(self.english)
        (self.english if current_language() == "en" else self.indonesian).setChecked(True)
        language_layout.addWidget(self.indonesian)
        language_layout.addWidget(self.english)
        layout.addWidget(self.language_box)

        self.role_box = QGroupBox(self)
        role_layout = QVBoxLayout(self.role_box)
        self.role_volunteer = QRadioButton(self.role_box)
        self.role_volunteer.setChecked(True)
        self.role_branch = QRadioButton(self.role_box)
        role_layout.addWidget(self.role_volunteer)
        role_layout.addWidget(self.role_branch)
        layout.addWidget(self.role_box)

        self.start_box = QGroupBox(self)
        start_layout = QVBoxLayout(self.start_box)
        self.start_alone = QRadioButton(self.start_box)
        self.start_alone.setChecked(True)
        self.start_enrolment = QRadioButton(self.start_box)
        self.enrolment_chooser = EnrolmentChooser(self.start_box)
        self.enrolment_chooser.setEnabled(False)
        start_layout.addWidget(self.start_alone)
        start_layout.addWidget(self.start_enrolment)
        start_layout.addWidget(self.enrolment_chooser)
        self.no_file_note = QLabel(self.start_box)
        self.no_file_note.setWordWrap(True)
        self.no_file_note.setStyleSheet("color: palette(placeholder-text);")
        start_layout.addWidget(self.no_file_note)
        layout.addWidget(self.start_box)
        layout.addStretch(1)
        self.help_note = QLabel(self)
        self.help_note.setWordWrap(True)
        self.help_note.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.help_note)

        self.indonesian.toggled.connect(self._on_language_toggled)
        self.role_volunteer.toggled.connect(self._on_choice_toggled)
        self.start_enrolment.toggled.connect(self._on_choice_toggled)
        self.enrolment_chooser.changed.connect(self.completeChanged)
        self.retranslate_ui()

    @property
    def language(self) -> str:
        return "en" if self.english.isChecked() else "id"

    @property
    def role(self) -> str:
        return "branch" if self.role_branch.isChecked() else "volunteer"

    @property
    def enrolment(self) -> dict | None:
        """The verified enrolment, when a volunteer starts with an enrolment file."""
        if self.role == "volunteer" and self.start_enrolment.isChecked():
            return self.enrolment_chooser.enrolment
        return None

    def _on_choice_toggled(self, _checked: bool) -> None:
        self.start_box.setVisible(self.role == "volunteer")
        self.enrolment_chooser.setEnabled(self.start_enrolment.isChecked())
        # what to do without a file, while "on my own" is chosen (the file's details
        # take its place otherwise)
        self.no_file_note.setVisible(not self.start_enrolment.isChecked())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.role == "volunteer" and self.start_enrolment.isChecked():
            return self.enrolment_chooser.enrolment is not None
        return True

    def _on_language_toggled(self, _checked: bool) -> None:
        app = QCoreApplication.instance()
        if app is not None and self.language != current_language():
            install_translator(app, self.language)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Welcome to Desa Peduli"))
        self.setSubTitle(self.tr("Three short steps, then you can start registering."))
        self.intro.setText(self.tr(
            "This program keeps the registrations you make for BPJS Ketenagakerjaan "
            "(BPU), encrypted on this laptop. It works without internet."))
        self.language_box.setTitle(self.tr("Language"))
        self.role_box.setTitle(self.tr("Who uses Desa Peduli on this laptop?"))
        self.role_volunteer.setText(self.tr("A &volunteer (relawan) who registers workers"))
        self.role_branch.setText(self.tr(
            "The bra&nch office (kantor cabang) that receives the volunteers' bundles"))
        self.start_box.setTitle(self.tr("How do you start?"))
        self.start_alone.setText(self.tr(
            "&On my own: register workers now, connect to the branch office later"))
        self.start_enrolment.setText(self.tr("With an enrolment &file from the branch office"))
        self.no_file_note.setText(self.tr(
            "No enrolment file yet? Start on your own: you can register workers today. When "
            "the branch office gives you the file (on a USB stick), choose Sync → Enrol this "
            "laptop; every registration made before is kept and sent."))
        self.help_note.setText(self.tr("Press F1 at any time to open the user guide."))


class VolunteerPage(TranslatedPage):
    """The volunteer's name and, optionally, their own desa (the form's default)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(100)
        self.name_label = QLabel(self)
        self.name_label.setBuddy(self.name_edit)
        form.addRow(self.name_label, self.name_edit)
        self.registerField("volunteer_name*", self.name_edit)
        layout.addLayout(form)

        self.area_box = QGroupBox(self)
        area = QFormLayout(self.area_box)
        self.area_note = QLabel(self.area_box)
        self.area_note.setWordWrap(True)
        area.addRow(self.area_note)
        self.regency_combo = QComboBox(self.area_box)
        self.district_combo = QComboBox(self.area_box)
        self.village_combo = QComboBox(self.area_box)
        self.area_labels = []
        for combo in (self.regency_combo, self.district_combo, self.village_combo):
            label = QLabel(self.area_box)
            label.setBuddy(combo)
            self.area_labels.append(label)
            area.addRow(label, combo)
        layout.addWidget(self.area_box)
        layout.addStretch(1)

        self._fill(self.regency_combo, HOME_PROVINCE)
        self._fill(self.district_combo, None)
        self._fill(self.village_combo, None)
        self.regency_combo.currentIndexChanged.connect(self._on_regency_combo_changed)
        self.district_combo.currentIndexChanged.connect(self._on_district_combo_changed)
        self.retranslate_ui()

    @staticmethod
    def _fill(combo: QComboBox, parent_code: str | None) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("", None)
        if parent_code:
            from desa_peduli import reference  # noqa: PLC0415 - start-up: loads after the passphrase dialog

            for region in reference.regions().children(parent_code):
                combo.addItem(region.name, region.code)
        combo.setEnabled(combo.count() > 1)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)
        combo.setItemText(0, QCoreApplication.translate("VolunteerPage", "(not chosen)"))

    def _on_regency_combo_changed(self, _index: int) -> None:
        self._fill(self.district_combo, self.regency_combo.currentData())
        self._fill(self.village_combo, None)

    def _on_district_combo_changed(self, _index: int) -> None:
        self._fill(self.village_combo, self.district_combo.currentData())

    @property
    def volunteer_name(self) -> str:
        return " ".join(self.name_edit.text().split())

    @property
    def home_village(self) -> str | None:
        return self.village_combo.currentData()

    def initializePage(self) -> None:
        enrolment = getattr(self.wizard(), "enrolment", None)
        if enrolment and not self.name_edit.text().strip():
            self.name_edit.setText(enrolment["volunteer_name"])
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("About you"))
        self.setSubTitle(self.tr("Your name is written into every registration you make."))
        self.name_label.setText(self.tr("Your &name:"))
        self.area_box.setTitle(self.tr("Your area (optional)"))
        self.area_note.setText(self.tr(
            "The village you work in is offered first in the form. You can skip this."))
        for label, text in zip(self.area_labels, (
            self.tr("&Kabupaten/kota:"), self.tr("K&ecamatan:"), self.tr("&Desa/kelurahan:"),
        ), strict=True):
            label.setText(text)
        for combo in (self.regency_combo, self.district_combo, self.village_combo):
            combo.setItemText(0, self.tr("(not chosen)"))


class PassphrasePage(TranslatedPage):
    """The passphrase, twice, with a strength hint and where the data will live."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._path = Path(path)
        self.created = False
        self.kind = "volunteer"  # "enrolled" or "branch" change the warning
        self.setCommitPage(False)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.passphrase_edit = password_edit(self)
        self.repeat_edit = password_edit(self)
        self.passphrase_label = QLabel(self)
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.repeat_label = QLabel(self)
        self.repeat_label.setBuddy(self.repeat_edit)
        form.addRow(self.passphrase_label, self.passphrase_edit)
        self.hint = PassphraseHint(self.passphrase_edit, self)
        form.addRow("", self.hint)
        form.addRow(self.repeat_label, self.repeat_edit)
        layout.addLayout(form)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "background: #fff4ce; color: #3d3000; padding: 8px; border: 1px solid #e0c97a;")
        layout.addWidget(self.warning)
        self.folder = QLabel(self)
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder)
        layout.addStretch(1)
        self.busy = busy_bar(self)
        layout.addWidget(self.busy)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        self.status.hide()
        self.passphrase_edit.textChanged.connect(lambda _t: show_error(self.error, ""))
        self.repeat_edit.textChanged.connect(lambda _t: show_error(self.error, ""))
        self.retranslate_ui()

    @property
    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def initializePage(self) -> None:
        self.passphrase_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def check(self) -> str | None:
        """A message saying what is wrong with the typed passphrases, or None."""
        if len(self.passphrase) < MIN_PASSPHRASE:
            return self.tr(
                "The passphrase is too short: use at least {count} characters."
            ).format(count=MIN_PASSPHRASE)
        if self.passphrase != self.repeat_edit.text():
            return self.tr("The two passphrases are not the same. Type them again.")
        return None

    def validatePage(self) -> bool:
        if self.created:
            return True
        wizard = cast("FirstRunWizard | None", self.wizard())  # the page's only wizard
        if wizard is None or wizard.is_busy:
            return False
        problem = self.check()
        if problem:
            show_error(self.error, problem)
            edit = self.passphrase_edit if len(self.passphrase) < MIN_PASSPHRASE else self.repeat_edit
            edit.selectAll()
            edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        wizard.create_workspace()
        return False

    def set_busy(self, busy: bool) -> None:
        self.passphrase_edit.setEnabled(not busy)
        self.repeat_edit.setEnabled(not busy)
        self.busy.setVisible(busy)
        self.status.setVisible(busy)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Passphrase"))
        self.setSubTitle(self.tr(
            "The passphrase locks the data on this laptop. You type it each time you open "
            "Desa Peduli."))
        self.passphrase_label.setText(self.tr("&Passphrase:"))
        self.repeat_label.setText(self.tr("&Repeat:"))
        if self.kind == "branch":
            self.warning.setText(self.tr(
                "Write the passphrase down and keep it in a safe place. If it is forgotten, "
                "nobody can open the branch office's data again."))
        elif self.kind == "enrolled":
            self.warning.setText(self.tr(
                "Write the passphrase down and keep it in a safe place. If it is forgotten, "
                "the branch office can set a new one on this laptop's data."))
        else:
            self.warning.setText(self.tr(
                "Write the passphrase down and keep it in a safe place. If it is forgotten "
                "before this laptop is enrolled with a branch office, nobody can open the data "
                "again; once it is enrolled, the branch office can set a new one."))
        self.folder.setText(self.tr(
            "The data is stored, encrypted, in this folder: {folder}\nBackups are made there "
            "every hour while Desa Peduli is open (in backups/).").format(folder=str(self._path)))
        self.status.setText(self.tr("Creating your workspace… this takes a few seconds."))


class FirstRunWizard(QWizard):
    """Creates a workspace at ``path``; ``session`` is open once accepted.

    Pages: welcome → volunteer (or branch office) → passphrase, then, for an enrolled
    laptop or a branch office, a last page with the fingerprints to compare.
    """

    WELCOME, VOLUNTEER, PASSPHRASE, BRANCH, DONE = range(5)

    created = Signal(object)  # the open Session

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._path = Path(path)
        self._worker: Job | None = None
        self.session: Session | None = None
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButton, False)
        self.welcome_page = WelcomePage(self)
        self.volunteer_page = VolunteerPage(self)
        self.passphrase_page = PassphrasePage(self._path, self)
        self.branch_page = BranchPage(self)
        self.done_page = DonePage(self)
        for page_id, page in ((self.WELCOME, self.welcome_page),
                              (self.VOLUNTEER, self.volunteer_page),
                              (self.PASSPHRASE, self.passphrase_page),
                              (self.BRANCH, self.branch_page), (self.DONE, self.done_page)):
            self.setPage(page_id, page)
        self.setStartId(self.WELCOME)
        self.currentIdChanged.connect(self._on_current_id_changed)
        install_help_key()
        self.retranslate_ui()
        self.resize(scaled(680), scaled(560))  # larger with the text size
        plain_labels(self)  # what it shows may quote user data

    @property
    def path(self) -> Path:
        return self._path

    @property
    def language(self) -> str:
        return self.welcome_page.language

    @property
    def role(self) -> str:
        return self.welcome_page.role

    @property
    def enrolment(self) -> dict | None:
        return self.welcome_page.enrolment

    @property
    def shows_done_page(self) -> bool:
        return self.role == "branch" or self.enrolment is not None

    @property
    def is_busy(self) -> bool:
        return self._worker is not None

    @property
    def help_role(self) -> str:
        return self.role

    def help_section(self) -> str:
        """The guide's section for the page in front (F1)."""
        if self.currentId() == self.DONE:
            return "fingerprints"
        return "first-run"

    def nextId(self) -> int:
        current = self.currentId()
        if current == self.WELCOME:
            return self.BRANCH if self.role == "branch" else self.VOLUNTEER
        if current in (self.VOLUNTEER, self.BRANCH):
            return self.PASSPHRASE
        if current == self.PASSPHRASE:
            return self.DONE if self.shows_done_page else -1
        return -1

    def _on_current_id_changed(self, page_id: int) -> None:
        if page_id == self.PASSPHRASE:
            page = self.passphrase_page
            page.kind = ("branch" if self.role == "branch"
                         else "enrolled" if self.enrolment else "volunteer")
            page.setCommitPage(self.shows_done_page)  # no way back once it exists
            page.retranslate_ui()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Desa Peduli: first start"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Create"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def create_workspace(self) -> None:
        """Start creating the workspace (called by the last page's validation)."""
        path = self._path
        name = self.volunteer_page.volunteer_name
        passphrase = self.passphrase_page.passphrase
        home = self.volunteer_page.home_village
        language = self.language
        role = self.role
        branch_name, province = self.branch_page.branch_name, self.branch_page.province

        def create() -> bytes:
            if role == "branch":
                from desa_peduli.services.branch import create_branch  # noqa: PLC0415 - start-up

                session = create_branch(path, name=branch_name, province=province,
                                        passphrase=passphrase)
            else:
                from desa_peduli.services.session import Session  # noqa: PLC0415 - start-up: loads after the passphrase dialog

                session = Session.create_volunteer(
                    path, name=name, passphrase=passphrase, home_village=home,
                    language=language)
            key = session.workspace.key
            session.close()
            return key

        self._set_busy(True)
        self._worker = run_job(lambda _s, _p: create(), owner=self,
                               on_success=self._on_worker_succeeded,
                               on_failure=self._on_worker_failed)

    def _set_busy(self, busy: bool) -> None:
        self.passphrase_page.set_busy(busy)
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton,
                      QWizard.WizardButton.CancelButton):
            button = self.button(which)
            if button is not None:
                button.setEnabled(not busy)

    def _on_worker_succeeded(self, key: bytes) -> None:
        self._worker = None
        try:
            self.session = open_session_with_key(self._path, key)
        except Exception as exc:  # noqa: BLE001 - shown on the page
            self._on_worker_failed(exc)
            return
        self._set_busy(False)
        self.passphrase_page.created = True
        self.created.emit(self.session)
        if self.shows_done_page:
            self._finish_sync_setup()
            self.next()
            return
        self.accept()

    def _finish_sync_setup(self) -> None:
        """Branch: its language and fingerprint; volunteer: enrol with the file given."""
        session = self.session
        assert session is not None  # the workspace exists: this is the step after
        if self.role == "branch":
            from desa_peduli.services.branch import BranchService  # noqa: PLC0415 - start-up

            session.settings.set("language", self.language)
            self.done_page.set_result("branch", self.tr(
                "The workspace of {branch} is ready.").format(branch=self.branch_page.branch_name),
                [(self.tr("Branch office fingerprint:"), BranchService(session).fingerprint())])
            return
        from desa_peduli.services.field import FieldSync  # noqa: PLC0415 - start-up

        enrolment = self.enrolment
        assert enrolment is not None  # shows_done_page: a volunteer with an enrolment file
        # the chooser's path is set with its enrolment
        path = cast(Path, self.welcome_page.enrolment_chooser.path)
        try:
            FieldSync(session).enrol(path, shown=enrolment)
        except Exception as exc:  # noqa: BLE001 - the workspace exists; enrol later
            self.done_page.set_result("enrolled", "", [], self.tr(
                "The workspace is created, but enrolling it failed: {error} Enrol it later "
                "with Sync → Enrol this laptop.").format(error=labels.error_message(exc)))
            return
        self.done_page.set_result("enrolled", self.tr(
            "This laptop is enrolled with {branch} as volunteer {id}.").format(
            branch=enrolment["branch"].get("name") or "", id=enrolment["volunteer_id"]),
            volunteer_fingerprints(session))

    def _on_worker_failed(self, exc: Exception) -> None:
        self._worker = None
        self._set_busy(False)
        show_error(self.passphrase_page.error, labels.error_message(exc))

    def reject(self) -> None:
        if self.is_busy:
            return
        if self.session is not None:  # created: closing the last page still opens it
            self.accept()
            return
        super().reject()
