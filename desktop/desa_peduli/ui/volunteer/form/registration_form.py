"""The registration form view: five sections, inline validation, live contribution, autosave.

``RegistrationFormView`` edits one registration. Every change restarts a short
validation timer (messages under the fields, a summary on the right) and a longer
autosave timer; the record is also saved on ``flush()``, when the view is hidden or
closed, and before it is left. The id of the registration being edited is kept in the
workspace setting ``open_draft_id`` so that it can be reopened after a power cut.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QDate, QEvent, QLocale, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desa_peduli import reference
from desa_peduli.domain.nik import NikInfo, parse_nik
from desa_peduli.domain.problems import ERROR, WARNING, Problem
from desa_peduli.domain.registration import DRAFT, READY, empty_registration
from desa_peduli.errors import DesaPeduliError
from desa_peduli.ui.volunteer.form.heirs_editor import HeirsEditor
from desa_peduli.ui.volunteer.form.ktp_photo import KtpPhotoField
from desa_peduli.ui.volunteer.form.region_picker import RegionCascade, RegionCombo, short_region_name
from desa_peduli.ui.volunteer.form.signature_pad import SignaturePad
from desa_peduli.ui.volunteer.form.widgets import MessageLabel, NoteLabel, rupiah, thousands

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1500
VALIDATE_MS = 300
DEFAULT_PROVINCE = "15"  # Jambi
IDENTITY, ADDRESS, WORK, HEIRS, CONSENT = range(5)
FIELD_ROLE = Qt.ItemDataRole.UserRole
ERROR_COLOR = QColor("#a4161a")
WARNING_COLOR = QColor("#7a5200")
PENDING_COLOR = QColor("#4b5563")
_HEIR_FIELD = re.compile(r"heirs\[(\d+)\](?:\.(\w+))?")
_TEXT_FIELDS = ("nik", "full_name", "birth_place", "birth_date", "phone", "email", "rt", "rw",
                "street", "work_location", "declared_income")


@dataclass
class FieldEntry:
    """Where one validation field lives in the form."""

    key: str
    section: int
    label: str
    focus: QWidget
    message: MessageLabel | None


def _plain(label: str) -> str:
    """A label without its mnemonic marker (``"Full na&me"`` → ``"Full name"``)."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")


class WrappingListWidget(QListWidget):
    """A list of word-wrapped items, each as tall as its text at the current width.

    The view's own guess uses the width at the moment an item is added, which is wrong
    before the first layout; the heights are measured again on every resize.
    """

    def fit_items(self) -> None:
        width = max(self.viewport().width() - 2 * self.spacing() - 8, 120)
        metrics = self.fontMetrics()
        for row in range(self.count()):
            item = self.item(row)
            height = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap,
                                          item.text()).height()
            item.setSizeHint(QSize(width, height + 6))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_items()


class RegistrationFormView(QWidget):
    """The form for one BPU registration; see the module docstring."""

    finished = Signal()  # the person is done: back to the list
    saved = Signal(str)  # the id just saved
    open_requested = Signal(str)  # open another registration (same NIK)

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
        self._show_all = False
        self._touched: set[str] = set()
        self._auto_birth = ""  # the dd/MM/yyyy text last filled in from the NIK
        self._auto_sex: str | None = None
        self._consent_at: str | None = None
        self._photo_changed = False
        self._problems: list[Problem] = []
        self._fields: dict[str, FieldEntry] = {}
        self._heir_rows_in_data: list = []
        self._last_focus: QWidget | None = None

        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_MS)
        self._validate_timer.timeout.connect(self._run_validation)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_MS)
        self._autosave_timer.timeout.connect(self._on_autosave_timer_timeout)

        self._build()
        self._connect_changes()
        self._install_shortcuts()
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._on_app_focus_changed)
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
        self._show_all = False
        self._reset(data, photo=None)
        self._go_to_section(IDENTITY, focus="first")

    def open_registration(self, reg_id: str) -> None:
        """Load a stored registration (with its signature and KTP photo) for editing."""
        self.flush()
        record = self._service.get(reg_id)
        photo = self._service.ktp_photo(reg_id)
        self._current_id = reg_id
        self._record_status = record.get("status")
        self._show_all = True
        self._reset(record, photo=photo)
        self._go_to_section(IDENTITY, focus="first")

    def flush(self) -> bool:
        """Save now if anything changed. True when nothing typed is left unsaved."""
        self._autosave_timer.stop()
        if not self._dirty:
            return True
        if self._current_id is None and not self._has_content():
            return True  # never store a blank form
        return self._save()

    def data(self) -> dict:
        """The registration as typed (raw: validation normalises it)."""
        consent_method = self._consent_method()
        heirs, rows = self.heirs_editor.values()
        self._heir_rows_in_data = rows
        income = self.income_edit.text().strip()
        return {
            "nik": self.nik_edit.text().strip(),
            "full_name": self.name_edit.text(),
            "birth_place": self.birth_place_edit.text(),
            "birth_date": self._birth_value(),
            "sex": self.sex_combo.currentData(),
            "phone": self.phone_edit.text().strip(),
            "email": self.email_edit.text().strip() or None,
            "village_code": self._cascade.village_code(),
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

    # ================================================================== building
    def _build(self) -> None:
        self._line_height = QLineEdit().sizeHint().height()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)

        header = QHBoxLayout()
        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        header.addWidget(self.title_label, 1)
        self.status_label = QLabel(self)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status_label.setObjectName("saveStatus")
        header.addWidget(self.status_label)
        outer.addLayout(header)

        body = QHBoxLayout()
        body.setSpacing(8)
        self.nav_list = QListWidget(self)
        self.nav_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.nav_list.setFixedWidth(200)
        self.nav_list.setSpacing(2)
        nav_font = self.nav_list.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.1)
        self.nav_list.setFont(nav_font)
        body.addWidget(self.nav_list)

        self.pages = QStackedWidget(self)
        self._scrolls: list[QScrollArea] = []
        self._section_titles = [
            self.tr("Identity"),
            self.tr("Address"),
            self.tr("Work & contribution"),
            self.tr("Heirs"),
            self.tr("Consent"),
        ]
        builders = (self._build_identity, self._build_address, self._build_work,
                    self._build_heirs, self._build_consent)
        for index, (title, build) in enumerate(zip(self._section_titles, builders, strict=True)):
            page = QWidget()
            page.setObjectName(f"section{index}")
            layout = QVBoxLayout(page)
            layout.setContentsMargins(16, 10, 16, 16)
            heading = QLabel(title, page)
            heading_font = heading.font()
            heading_font.setPointSizeF(heading_font.pointSizeF() * 1.2)
            heading_font.setBold(True)
            heading.setFont(heading_font)
            layout.addWidget(heading)
            build(page, layout)
            layout.addStretch(1)
            scroll = QScrollArea(self.pages)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(page)
            self._scrolls.append(scroll)
            self.pages.addWidget(scroll)
            item = QListWidgetItem(self._nav_text(index, 0))
            self.nav_list.addItem(item)
        body.addWidget(self.pages, 1)

        body.addWidget(self._build_summary())
        outer.addLayout(body, 1)

        footer = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("‹ Previous"), self)
        self.previous_button.setToolTip(self.tr("Previous section (Ctrl+PgUp)"))
        self.next_button = QPushButton(self.tr("Next ›"), self)
        self.next_button.setToolTip(self.tr("Next section (Ctrl+PgDown)"))
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setToolTip(self.tr("Save and go back to the list (Esc)"))
        self.save_close_button = QPushButton(self.tr("Save && close"), self)
        self.save_close_button.setToolTip(self.tr("Save and go back to the list (Ctrl+S)"))
        for button in (self.previous_button, self.next_button, self.close_button,
                       self.save_close_button):
            button.setAutoDefault(False)
        footer.addWidget(self.previous_button)
        footer.addWidget(self.next_button)
        footer.addStretch(1)
        hint = QLabel(self.tr("Saved automatically while you type."), self)
        hint.setStyleSheet("QLabel { color: #5b6475; }")
        footer.addWidget(hint)
        footer.addSpacing(12)
        footer.addWidget(self.close_button)
        footer.addWidget(self.save_close_button)
        outer.addLayout(footer)

        self.nav_list.currentRowChanged.connect(self._on_nav_list_current_row_changed)
        self.previous_button.clicked.connect(lambda: self._step_section(-1))
        self.next_button.clicked.connect(lambda: self._step_section(+1))
        self.close_button.clicked.connect(self._finish)
        self.save_close_button.clicked.connect(self._finish)
        self.nav_list.setCurrentRow(0)

        # Tab from the last field of the last section goes to "Save & close"
        QWidget.setTabOrder(self.consent_check, self.save_close_button)
        QWidget.setTabOrder(self.save_close_button, self.close_button)
        QWidget.setTabOrder(self.close_button, self.summary_list)

    def _build_summary(self) -> QWidget:
        panel = QFrame(self)
        panel.setFixedWidth(300)
        panel.setObjectName("problemSummary")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 8, 8, 8)
        title = QLabel(self.tr("Still to do"), panel)
        title_font = title.font()
        title_font.setBold(True)
        title.setFont(title_font)
        layout.addWidget(title)
        self.summary_header = QLabel(panel)
        self.summary_header.setWordWrap(True)
        layout.addWidget(self.summary_header)
        self.summary_list = WrappingListWidget(panel)
        self.summary_list.setWordWrap(True)
        self.summary_list.setSpacing(3)
        self.summary_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.summary_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.summary_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary_list.setAccessibleName(self.tr("Problems still to fix"))
        self.summary_list.setToolTip(self.tr("Click a line (or press Enter) to go to the field"))
        self.summary_list.itemClicked.connect(self._on_summary_list_item_activated)
        self.summary_list.itemActivated.connect(self._on_summary_list_item_activated)
        layout.addWidget(self.summary_list, 1)
        return panel

    def _form(self, layout: QVBoxLayout) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        layout.addLayout(form)
        return form

    def _add_row(
        self,
        section: int,
        form: QFormLayout,
        names: tuple[str, ...],
        label_text: str,
        widgets: list[QWidget],
        *,
        buddy: QWidget | None = None,
        note: NoteLabel | None = None,
        extra: QWidget | None = None,
        focus: dict[str, QWidget] | None = None,
    ) -> QWidget:
        """A labelled row: the widgets side by side, then a note, an extra box, messages."""
        parent = widgets[0].parentWidget()
        container = QWidget(parent)
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        line = QHBoxLayout()
        line.setSpacing(6)
        for widget in widgets:
            line.addWidget(widget)
        line.addStretch(1)
        column.addLayout(line)
        if note is not None:
            column.addWidget(note)
        if extra is not None:
            column.addWidget(extra)
        message = MessageLabel(container)
        message.setObjectName(f"message:{names[0]}")
        column.addWidget(message)
        label = QLabel(label_text, parent)
        target = buddy or widgets[0]
        label.setBuddy(target)
        # as high as the first line of the field, so the text lines up with it
        label.setFixedHeight(min(max(target.sizeHint().height(), 24), self._line_height))
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(label, container)
        for name in names:
            widget = (focus or {}).get(name, target)
            self._fields[name] = FieldEntry(name, section, _plain(label_text), widget, message)
        return container

    def _line_edit(self, parent: QWidget, width: int | None = None, *, max_length: int = 100,
                   placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setMaxLength(max_length)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        if width:
            edit.setFixedWidth(width)
        edit.returnPressed.connect(self._on_line_edit_return_pressed)
        return edit

    # -- sections ---------------------------------------------------------------------
    def _build_identity(self, page: QWidget, layout: QVBoxLayout) -> None:
        form = self._form(layout)
        self.nik_edit = self._line_edit(page, 230, max_length=24,
                                        placeholder=self.tr("16 digits from the KTP"))
        self.nik_note = NoteLabel(page)
        self.nik_note.setObjectName("nikNote")
        self.duplicate_box = QFrame(page)
        self.duplicate_box.setObjectName("duplicateBox")
        self.duplicate_box.setStyleSheet(
            "QFrame#duplicateBox { background: #fff4d6; border: 1px solid #e0a000;"
            " border-radius: 3px; }")
        box = QHBoxLayout(self.duplicate_box)
        box.setContentsMargins(8, 6, 8, 6)
        self.duplicate_label = QLabel(self.duplicate_box)
        self.duplicate_label.setWordWrap(True)
        self.duplicate_label.setStyleSheet("QLabel { color: #6b4500; }")
        self.duplicate_button = QPushButton(self.tr("Open that registration"), self.duplicate_box)
        self.duplicate_button.setAutoDefault(False)
        self.duplicate_button.clicked.connect(self._on_duplicate_button_clicked)
        box.addWidget(self.duplicate_label, 1)
        box.addWidget(self.duplicate_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.duplicate_box.setMaximumWidth(620)
        self.duplicate_box.hide()
        self._add_row(IDENTITY, form, ("nik",), self.tr("&NIK"), [self.nik_edit],
                      note=self.nik_note, extra=self.duplicate_box)

        self.name_edit = self._line_edit(page, placeholder=self.tr("As written on the KTP"))
        self.name_edit.setMinimumWidth(420)
        self.name_edit.setMaximumWidth(560)
        self._add_row(IDENTITY, form, ("full_name",), self.tr("Full na&me"), [self.name_edit])

        self.birth_place_edit = self._line_edit(page, 300, placeholder=self.tr("Town or regency"))
        self._add_row(IDENTITY, form, ("birth_place",), self.tr("Place of &birth"),
                      [self.birth_place_edit])

        self.birth_date_edit = QLineEdit(page)
        self.birth_date_edit.setInputMask("00/00/0000;_")
        self.birth_date_edit.setFixedWidth(120)
        self.birth_date_edit.returnPressed.connect(self._on_line_edit_return_pressed)
        date_hint = QLabel(self.tr("day/month/year"), page)
        date_hint.setStyleSheet("QLabel { color: #5b6475; }")
        self._add_row(IDENTITY, form, ("birth_date",), self.tr("&Date of birth"),
                      [self.birth_date_edit, date_hint])

        self.sex_combo = QComboBox(page)
        self.sex_combo.setPlaceholderText(self.tr("Choose…"))
        self.sex_combo.addItem(self.tr("Female"), "F")
        self.sex_combo.addItem(self.tr("Male"), "M")
        self.sex_combo.setFixedWidth(170)
        self._add_row(IDENTITY, form, ("sex",), self.tr("&Sex"), [self.sex_combo])

        self.phone_edit = self._line_edit(page, 230, max_length=20,
                                          placeholder=self.tr("e.g. 0812 3456 7890"))
        self._add_row(IDENTITY, form, ("phone",), self.tr("&Phone (mobile)"), [self.phone_edit])

        self.email_edit = self._line_edit(page, 300, max_length=254,
                                          placeholder=self.tr("optional"))
        self._add_row(IDENTITY, form, ("email",), self.tr("&E-mail"), [self.email_edit])

        self.photo_field = KtpPhotoField(page)
        self.photo_field.failed.connect(self._on_photo_field_failed)
        self._add_row(IDENTITY, form, ("ktp_photo",), self.tr("KTP p&hoto (optional)"),
                      [self.photo_field], buddy=self.photo_field.choose_button)

    def _build_address(self, page: QWidget, layout: QVBoxLayout) -> None:
        form = self._form(layout)
        self.province_combo = RegionCombo(page)
        self.regency_combo = RegionCombo(page)
        self.district_combo = RegionCombo(page)
        self.village_combo = RegionCombo(page)
        for combo, width in ((self.province_combo, 300), (self.regency_combo, 340),
                             (self.district_combo, 340), (self.village_combo, 340)):
            combo.setFixedWidth(width)
        self._cascade = RegionCascade(self._regions, self.province_combo, self.regency_combo,
                                      self.district_combo, self.village_combo, self)
        search_hint = self.tr("Type part of a name to search")
        for combo in (self.province_combo, self.regency_combo, self.district_combo,
                      self.village_combo):
            combo.lineEdit().setPlaceholderText(search_hint)
        self._add_row(ADDRESS, form, ("province",), self.tr("&Province"), [self.province_combo])
        self._add_row(ADDRESS, form, ("regency",), self.tr("&Regency or city"),
                      [self.regency_combo])
        self._add_row(ADDRESS, form, ("district",), self.tr("&District (kecamatan)"),
                      [self.district_combo])
        self._add_row(ADDRESS, form, ("village_code",), self.tr("&Village (desa/kelurahan)"),
                      [self.village_combo])

        self.rt_edit = self._line_edit(page, 64, max_length=3, placeholder="001")
        self.rw_edit = self._line_edit(page, 64, max_length=3, placeholder="001")
        self.rt_edit.setAccessibleName(self.tr("RT"))
        self.rw_edit.setAccessibleName(self.tr("RW"))
        slash = QLabel("/", page)
        self._add_row(ADDRESS, form, ("rt", "rw"), self.tr("R&T / RW"),
                      [self.rt_edit, slash, self.rw_edit], focus={"rw": self.rw_edit})

        self.street_edit = self._line_edit(page, max_length=200,
                                           placeholder=self.tr("optional"))
        self.street_edit.setMinimumWidth(420)
        self.street_edit.setMaximumWidth(560)
        self._add_row(ADDRESS, form, ("street",), self.tr("&Street or dusun"), [self.street_edit])

    def _build_work(self, page: QWidget, layout: QVBoxLayout) -> None:
        form = self._form(layout)
        english = self._lang == "en"
        self.occupation_combo = QComboBox(page)
        self.occupation_combo.setPlaceholderText(self.tr("Choose…"))
        for occupation in reference.occupations():
            self.occupation_combo.addItem(
                occupation.label_en if english else occupation.label_id, occupation.code)
        self.occupation_combo.setFixedWidth(300)
        self.occupation_combo.setMaxVisibleItems(16)
        self._add_row(WORK, form, ("occupation",), self.tr("&Occupation"), [self.occupation_combo])

        self.work_location_edit = self._line_edit(page, max_length=200,
                                                  placeholder=self.tr("e.g. Pasar Muara Bulian"))
        self.work_location_edit.setMinimumWidth(420)
        self.work_location_edit.setMaximumWidth(560)
        self._add_row(WORK, form, ("work_location",), self.tr("&Work location"),
                      [self.work_location_edit])

        rp = QLabel("Rp", page)
        self.income_edit = self._line_edit(page, 160, max_length=20,
                                           placeholder=self.tr("e.g. 1.500.000"))
        self.income_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        per_month = QLabel(self.tr("per month (average)"), page)
        self._add_row(WORK, form, ("declared_income",), self.tr("Monthly &income"),
                      [rp, self.income_edit, per_month], buddy=self.income_edit)

        programs = QWidget(page)
        column = QVBoxLayout(programs)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.jkk_check = QCheckBox(self.tr("JKK: work accident insurance (always included)"),
                                   programs)
        self.jkm_check = QCheckBox(self.tr("JKM: death benefit (always included)"), programs)
        for check in (self.jkk_check, self.jkm_check):
            check.setChecked(True)
            check.setEnabled(False)
        self.jht_check = QCheckBox(self.tr("&JHT: old-age savings (optional, 2% of the base)"),
                                   programs)
        for check in (self.jkk_check, self.jkm_check, self.jht_check):
            column.addWidget(check)
        self._add_row(WORK, form, ("programs",), self.tr("Programmes"), [programs],
                      buddy=self.jht_check)

        self.period_combo = QComboBox(page)
        for months in reference.rate_table().payment_months:
            text = self.tr("1 month") if months == 1 else self.tr("{n} months").format(n=months)
            self.period_combo.addItem(text, months)
        self.period_combo.setFixedWidth(170)
        self._add_row(WORK, form, ("payment_months",), self.tr("Payment &period"),
                      [self.period_combo])

        self.funding_combo = QComboBox(page)
        for source in reference.funding_sources():
            self.funding_combo.addItem(source.label_en if english else source.label_id,
                                       source.code)
        self.funding_combo.setFixedWidth(340)
        self._add_row(WORK, form, ("funding_source",), self.tr("&Funding source"),
                      [self.funding_combo])

        self.contribution_label = QLabel(page)
        self.contribution_label.setObjectName("contribution")
        self.contribution_label.setWordWrap(True)
        self.contribution_label.setTextFormat(Qt.TextFormat.RichText)
        self.contribution_label.setMaximumWidth(620)
        self.contribution_label.setMinimumWidth(420)
        self.contribution_label.setStyleSheet(
            "QLabel#contribution { background: #eef4fb; border: 1px solid #b9cde6;"
            " border-radius: 3px; padding: 8px; color: #15324f; }")
        label = QLabel(self.tr("Contribution"), page)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow(label, self.contribution_label)

    def _build_heirs(self, page: QWidget, layout: QVBoxLayout) -> None:
        intro = QLabel(self.tr(
            "Heirs receive the JKM death benefit and the scholarship for the children. "
            "List the spouse and children first, then parents, grandchildren, grandparents, "
            "siblings, parents-in-law or a person named in a will."), page)
        intro.setWordWrap(True)
        intro.setMaximumWidth(760)
        layout.addWidget(intro)
        layout.addSpacing(6)
        english = self._lang == "en"
        relationships = [(r.code, r.label_en if english else r.label_id)
                         for r in reference.heir_relationships()]
        self.heirs_editor = HeirsEditor(relationships, page)
        layout.addWidget(self.heirs_editor)
        self.heirs_message = MessageLabel(page)
        self.heirs_message.setObjectName("message:heirs")
        layout.addWidget(self.heirs_message)
        self._fields["heirs"] = FieldEntry("heirs", HEIRS, self.tr("Heirs"),
                                           self.heirs_editor.add_button, self.heirs_message)

    def _build_consent(self, page: QWidget, layout: QVBoxLayout) -> None:
        self.statement_label = QLabel(page)
        self.statement_label.setObjectName("consentStatement")
        self.statement_label.setTextFormat(Qt.TextFormat.MarkdownText)
        self.statement_label.setWordWrap(True)
        self.statement_label.setMaximumWidth(760)
        self.statement_label.setText(self._consent_statement())
        self.statement_label.setStyleSheet(
            "QLabel#consentStatement { background: #fbfaf5; border: 1px solid #d8d2bd;"
            " border-radius: 3px; padding: 10px; }")
        layout.addWidget(self.statement_label)
        layout.addSpacing(8)
        form = self._form(layout)

        methods = QWidget(page)
        row = QHBoxLayout(methods)
        row.setContentsMargins(0, 0, 0, 0)
        self.method_group = QButtonGroup(self)
        self.signature_radio = QRadioButton(self.tr("&Signature"), methods)
        self.verbal_radio = QRadioButton(self.tr("&Verbal, witnessed"), methods)
        self.paper_radio = QRadioButton(self.tr("Pa&per form"), methods)
        for code, radio in (("signature", self.signature_radio),
                            ("verbal_witnessed", self.verbal_radio),
                            ("paper", self.paper_radio)):
            radio.setProperty("method", code)
            self.method_group.addButton(radio)
            row.addWidget(radio)
        row.addStretch(1)
        self._add_row(CONSENT, form, ("consent.method",), self.tr("How consent is given"),
                      [methods], buddy=self.signature_radio)

        self.signature_pad = SignaturePad(page)
        self._signature_row = self._add_row(
            CONSENT, form, ("consent.signature_png",), self.tr("Signature of the participant"),
            [self.signature_pad])
        self.witness_edit = self._line_edit(page, 320, max_length=100,
                                            placeholder=self.tr("Who heard the consent"))
        self._witness_row = self._add_row(CONSENT, form, ("consent.witness",),
                                          self.tr("&Witness name"), [self.witness_edit])
        self.paper_edit = self._line_edit(page, 220, max_length=60)
        self._paper_row = self._add_row(CONSENT, form, ("consent.reference",),
                                        self.tr("Paper form &number"), [self.paper_edit])
        self._consent_form = form

        self.consent_check = QCheckBox(self.tr("The participant &agrees (consent given)"), page)
        self.consent_time_label = NoteLabel(page)
        self._add_row(CONSENT, form, ("consent.given",), self.tr("Consent"), [self.consent_check],
                      note=self.consent_time_label)
        entry = self._fields["consent.given"]
        for name in ("consent", "consent.at"):
            self._fields[name] = FieldEntry(name, CONSENT, entry.label, entry.focus, entry.message)
        self._update_method_rows()

    def _consent_statement(self) -> str:
        name = "consent_statement_en.md" if self._lang == "en" else "consent_statement_id.md"
        try:
            return reference.resource("reference", name).read_text(encoding="utf-8")
        except OSError:  # a broken installation: say so rather than show nothing
            log.exception("consent statement %s missing", name)
            return self.tr("The consent statement is missing from this installation.")

    # ================================================================== signals
    def _connect_changes(self) -> None:
        edits = {
            "nik": self.nik_edit, "full_name": self.name_edit,
            "birth_place": self.birth_place_edit, "birth_date": self.birth_date_edit,
            "phone": self.phone_edit, "email": self.email_edit, "rt": self.rt_edit,
            "rw": self.rw_edit, "street": self.street_edit,
            "work_location": self.work_location_edit, "declared_income": self.income_edit,
            "consent.witness": self.witness_edit, "consent.reference": self.paper_edit,
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
        self._cascade.changed.connect(lambda: self._on_edited("village_code"))
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
        shortcut("Ctrl+PgDown", lambda: self._step_section(+1))
        shortcut("Ctrl+PgUp", lambda: self._step_section(-1))
        for index in range(len(self._section_titles)):
            shortcut(f"Alt+{index + 1}", lambda index=index: self._go_to_section(index, "first"))

    # ================================================================== state
    def _reset(self, data: dict, *, photo: tuple[str, bytes] | None) -> None:
        """Fill every widget from ``data`` without counting it as an edit."""
        self._validate_timer.stop()
        self._autosave_timer.stop()
        self._loading = True
        try:
            self._touched.clear()
            self._last_focus = None
            self._save_error = None
            self._saved_at = None
            self._problems = []
            self.nik_edit.setText(data.get("nik") or "")
            self.name_edit.setText(data.get("full_name") or "")
            self.birth_place_edit.setText(data.get("birth_place") or "")
            self.birth_date_edit.setText(self._iso_to_text(data.get("birth_date")))
            self.sex_combo.setCurrentIndex(self.sex_combo.findData(data.get("sex")))
            self.phone_edit.setText(self._phone_text(data.get("phone")))
            self.email_edit.setText(data.get("email") or "")
            village = data.get("village_code")
            self._cascade.set_village_code(village, province=self._default_province())
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
            consent = data.get("consent") if isinstance(data.get("consent"), dict) else {}
            self._set_consent(consent)
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
            from desa_peduli.services.registrations import decode_signature

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
            self._touched.add(name)
        if name.startswith("consent"):
            self._touched.update(n for n in self._fields if n.startswith("consent"))
        self._dirty = True
        self._save_error = None
        self._validate_timer.start()
        self._autosave_timer.start()
        self._update_status()

    def _on_left(self, name: str) -> None:
        """Focus left a text field: from now on its messages are shown."""
        if self._loading or name in self._touched:
            return
        self._touched.add(name)
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
        self._fields["ktp_photo"].message.show_messages([], None)
        self._on_edited("ktp_photo")

    def _on_photo_field_failed(self, message: str) -> None:
        self._fields["ktp_photo"].message.show_messages([message], ERROR)

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
        form = self._consent_form
        form.setRowVisible(self._signature_row, method == "signature")
        form.setRowVisible(self._witness_row, method == "verbal_witnessed")
        form.setRowVisible(self._paper_row, method == "paper")

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
        if info is None or not info.ok or info.birth_date is None:
            self.nik_note.set_note("")
            return
        locale = self._locale()
        born = locale.toString(QDate(info.birth_date), "d MMMM yyyy")
        sex = self.tr("female") if info.sex == "F" else self.tr("male")
        region = ", ".join(short_region_name(r) for r in
                           (info.district, info.regency, info.province) if r is not None)
        details = ", ".join(part for part in (sex, born, region) if part)
        same = (self._birth_text() == info.birth_date.strftime("%d/%m/%Y")
                and self.sex_combo.currentData() == info.sex)
        if same:
            text = self.tr("Birth date, sex and issuing region filled in from the NIK: {details}")
        else:
            text = self.tr("According to the NIK: {details}")
        self.nik_note.set_note(text.format(details=details))

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
        text = self._birth_text()
        if not text:
            return None
        match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                pass
        return text  # validation explains what is wrong

    @staticmethod
    def _iso_to_text(value) -> str:
        if not value:
            return ""
        try:
            return dt.date.fromisoformat(str(value)[:10]).strftime("%d/%m/%Y")
        except ValueError:
            return str(value)

    @staticmethod
    def _phone_text(value) -> str:
        """Stored ``+6281234567890`` is shown as people write it: ``081234567890``."""
        if isinstance(value, str) and value.startswith("+628"):
            return "0" + value[3:]
        return value or ""

    def _locale(self) -> QLocale:
        if self._lang == "en":
            return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)

    # ================================================================== validation
    def _run_validation(self) -> None:
        self._validate_timer.stop()
        data = self.data()
        try:
            result = self._service.validate(data, reg_id=self._current_id)
        except Exception:  # a bug: keep the form usable, log without personal data
            log.exception("validation failed")
            return
        self._apply_problems(list(result.problems))
        self._update_contribution(result.values)

    def _message(self, problem: Problem) -> str:
        if self._lang == "en" and problem.message_en:
            return problem.message_en
        return problem.message

    def _visible_problems(self, problems: list[Problem]) -> list[Problem]:
        """Drop "when was consent given" while consent is not given: the time is automatic."""
        given_error = any(p.field == "consent.given" and p.is_error for p in problems)
        if given_error or not self.consent_check.isChecked():
            problems = [p for p in problems if p.field != "consent.at"]
        return problems

    def _entry_for(self, problem: Problem) -> FieldEntry | None:
        name = problem.field
        if problem.code == "nik.birth_date_mismatch":
            name = "birth_date"
        elif problem.code == "nik.sex_mismatch":
            name = "sex"
        if name in self._fields:
            return self._fields[name]
        match = _HEIR_FIELD.fullmatch(name)
        if match:
            index = int(match.group(1))
            if index < len(self._heir_rows_in_data):
                row = self._heir_rows_in_data[index]
                part = match.group(2)
                focus = {"relationship": row.relationship, "phone": row.phone}.get(part, row.name)
                return FieldEntry(f"heir:{id(row)}", HEIRS,
                                  self.tr("Heir {number}").format(number=index + 1),
                                  focus, row.message)
            return self._fields["heirs"]
        if name.startswith("consent"):
            return self._fields["consent"]
        head = re.split(r"[.\[]", name, maxsplit=1)[0]
        return self._fields.get(head)

    def _is_shown(self, entry: FieldEntry) -> bool:
        if self._show_all:
            return True
        if entry.key.startswith("heir:"):
            return "heirs" in self._touched
        return entry.key in self._touched

    def _apply_problems(self, problems: list[Problem]) -> None:
        self._problems = problems
        problems = self._visible_problems(problems)
        # inline messages, grouped by the label they show in
        groups: dict[int, tuple[MessageLabel, list[str], str]] = {}
        for entry in list(self._fields.values()):
            if entry.message is not None:
                groups.setdefault(id(entry.message), (entry.message, [], ""))
        for row in self.heirs_editor.rows:
            groups.setdefault(id(row.message), (row.message, [], ""))
        duplicate = None
        summary: list[tuple[Problem, FieldEntry | None]] = []
        counts = [0] * len(self._section_titles)
        for problem in problems:
            if problem.code == "nik.duplicate":
                duplicate = problem
            entry = self._entry_for(problem)
            summary.append((problem, entry))
            if entry is not None and problem.is_error:
                counts[entry.section] += 1
            if entry is None or entry.message is None or problem.code == "nik.duplicate":
                continue
            if not self._is_shown(entry) and problem.is_error:
                continue
            label, messages, severity = groups.setdefault(id(entry.message),
                                                          (entry.message, [], ""))
            text = self._message(problem)
            if text not in messages:
                messages.append(text)
            worst = ERROR if (severity == ERROR or problem.is_error) else WARNING
            groups[id(entry.message)] = (label, messages, worst)
        for label, messages, severity in groups.values():
            label.show_messages(messages, severity or None)

        if duplicate is not None:
            self.duplicate_label.setText(self._message(duplicate))
            self.duplicate_box.show()
        else:
            self.duplicate_box.hide()
        self._fill_summary(summary)
        for index in range(len(self._section_titles)):
            item = self.nav_list.item(index)
            if item is not None:
                item.setText(self._nav_text(index, counts[index]))

    def _fill_summary(self, summary: list[tuple[Problem, FieldEntry | None]]) -> None:
        self.summary_list.clear()
        errors = sum(1 for p, _e in summary if p.is_error)
        warnings = len(summary) - errors
        if not summary:
            self.summary_header.setText(self.tr("Everything is filled in."))
            self.summary_header.setStyleSheet("QLabel { color: #1b6e2a; font-weight: bold; }")
        else:
            if errors and warnings:
                text = self.tr("{errors} to fix, {warnings} to check")
            elif errors:
                text = self.tr("{errors} to fix")
            else:
                text = self.tr("{warnings} to check")
            self.summary_header.setText(text.format(errors=errors, warnings=warnings))
            self.summary_header.setStyleSheet("")
        ordered = sorted(summary, key=lambda pe: (0 if pe[0].is_error else 1,
                                                  pe[1].section if pe[1] else 9))
        for problem, entry in ordered:
            where = (f"{self._section_titles[entry.section]} › {entry.label}" if entry
                     else self.tr("Registration"))
            item = QListWidgetItem(f"{where}\n{self._message(problem)}")
            item.setData(FIELD_ROLE, (problem.field, problem.code))
            if problem.is_error:
                shown = entry is not None and self._is_shown(entry)
                item.setForeground(ERROR_COLOR if shown else PENDING_COLOR)
            else:
                item.setForeground(WARNING_COLOR)
            item.setToolTip(self._message(problem))
            self.summary_list.addItem(item)
        self.summary_list.fit_items()

    def _on_summary_list_item_activated(self, item: QListWidgetItem) -> None:
        field_name, code = item.data(FIELD_ROLE)
        entry = self._entry_for(Problem(field_name, code, ""))
        if entry is None:
            return
        self._touched.add(entry.key if not entry.key.startswith("heir:") else "heirs")
        self._go_to_section(entry.section, focus=None)
        self._focus(entry.focus)
        self._validate_timer.start()

    # -- contribution -----------------------------------------------------------------
    def _update_contribution(self, values: dict) -> None:
        try:
            monthly = self._contribution(values, 1)
            months = values.get("payment_months") or 1
            period = self._contribution(values, months) if months > 1 and monthly else None
        except Exception:  # a bug in the rules must not block typing
            log.exception("contribution failed")
            monthly = period = None
        if monthly is None:
            self.contribution_label.setText(self.tr(
                "Choose the occupation and enter the monthly income to see the contribution."))
            return
        english = self._lang == "en"
        rule = monthly.rule_en if english and monthly.rule_en else monthly.rule
        if monthly.paid_by_funder:
            who = self.tr("paid by the worker {worker}, by the funder {funder}").format(
                worker=rupiah(monthly.paid_by_worker), funder=rupiah(monthly.paid_by_funder))
        else:
            who = self.tr("paid by the worker {worker}").format(
                worker=rupiah(monthly.paid_by_worker))
        lines = [
            self.tr("<b>Contribution per month: {total}</b> ({who})").format(
                total=rupiah(monthly.total), who=who),
            rule,
            (self.tr("JKK {jkk} + JKM {jkm} + JHT {jht} · income band {band}, base {base}")
             if monthly.jht else
             self.tr("JKK {jkk} + JKM {jkm} · income band {band}, base {base}")).format(
                jkk=rupiah(monthly.jkk), jkm=rupiah(monthly.jkm), jht=rupiah(monthly.jht),
                band=monthly.band, base=rupiah(monthly.base)),
        ]
        if period is not None:
            lines.append(self.tr("<b>For {months} months at once: {total}</b> "
                                 "(paid by the worker {worker})").format(
                months=period.months, total=rupiah(period.period_total),
                worker=rupiah(period.period_paid_by_worker)))
        self.contribution_label.setText("<br>".join(lines))

    def _contribution(self, values: dict, months: int):
        """This month's contribution; for ``months`` > 1 the whole prepaid period (which
        may run past the end of a discount)."""
        if months == 1:
            return self._service.contribution(values)
        return reference.contribution_for(values, dt.date.today(), months=months)

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
        self._apply_problems(list(result.problems))
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

    def hideEvent(self, event) -> None:  # noqa: N802
        self.flush()  # another view took our place, the window was minimised or locked
        super().hideEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
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

    def _status_name(self, status: str | None) -> str:
        names = {
            DRAFT: self.tr("Draft"),
            READY: self.tr("Ready to send"),
            "accepted": self.tr("Accepted by the branch"),
            "correction": self.tr("Needs correction"),
            "registered": self.tr("Registered"),
            "duplicate": self.tr("Duplicate"),
        }
        return names.get(status or "", status or "")

    def _update_status(self) -> None:
        style = "QLabel { color: #374151; }"
        if self._save_error:
            text = self._save_error
            style = "QLabel { color: #a4161a; font-weight: bold; }"
        elif self._dirty:
            text = self.tr("Changes not saved yet…")
        elif self._saved_at is not None:
            text = self.tr("Saved automatically {time}").format(
                time=self._saved_at.strftime("%H:%M:%S"))
            text = f"{text} · {self._status_name(self._record_status)}"
        elif self._current_id:
            text = self._status_name(self._record_status)
        else:
            text = self.tr("Not saved yet")
        if self._record_status == READY and not self._dirty and not self._save_error:
            style = "QLabel { color: #1b6e2a; font-weight: bold; }"
        self.status_label.setText(text)
        self.status_label.setStyleSheet(style)

    # ================================================================== navigation
    def _nav_text(self, index: int, errors: int) -> str:
        text = f"{index + 1}   {self._section_titles[index]}"
        return f"{text}   ({errors})" if errors else text

    def _on_nav_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < self.pages.count() and row != self.pages.currentIndex():
            self._leave_section(self.pages.currentIndex())
            self.pages.setCurrentIndex(row)
        self.previous_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < self.pages.count() - 1)

    def _leave_section(self, index: int) -> None:
        """Once a section has been seen, its problems are shown next to its fields."""
        for entry in self._fields.values():
            if entry.section == index:
                self._touched.add(entry.key)
        if index == HEIRS:
            self._touched.add("heirs")
        self._validate_timer.start()

    def _step_section(self, step: int) -> None:
        index = self.pages.currentIndex() + step
        if 0 <= index < self.pages.count():
            self._go_to_section(index, focus="first")

    def _go_to_section(self, index: int, focus: str | None = "first") -> None:
        self.nav_list.setCurrentRow(index)
        self._on_nav_list_current_row_changed(index)
        if focus is None:
            return
        widgets = self._focusable(index)
        if widgets:
            self._focus(widgets[0] if focus == "first" else widgets[-1])

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        scroll = self._scrolls[self.pages.currentIndex()]
        if scroll.widget().isAncestorOf(widget):
            scroll.ensureWidgetVisible(widget, 20, 40)

    def _focusable(self, index: int) -> list[QWidget]:
        """The widgets Tab visits in section ``index``, in focus-chain order."""
        page = self._scrolls[index].widget()
        found: list[QWidget] = []
        widget = page.nextInFocusChain()
        for _ in range(5000):
            if widget is None or widget is page:
                break
            if (page.isAncestorOf(widget) and widget.focusProxy() is None
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                    and widget.isEnabled() and widget.isVisibleTo(page)):
                found.append(widget)
            widget = widget.nextInFocusChain()
        return found

    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802 (Qt override)
        """Tab past the last field of a section opens the next one (and back with Shift+Tab)."""
        index = self.pages.currentIndex()
        page = self._scrolls[index].widget()
        before = self.focusWidget()
        inside = before is not None and page.isAncestorOf(before)
        if inside:
            widgets = self._focusable(index)
            position = next((i for i, w in enumerate(widgets)
                             if w is before or w.isAncestorOf(before)), None)
            if position is not None:
                if next_ and position == len(widgets) - 1 and index < self.pages.count() - 1:
                    self._go_to_section(index + 1, focus="first")
                    return True
                if not next_ and position == 0 and index > 0:
                    self._go_to_section(index - 1, focus="last")
                    return True
        return super().focusNextPrevChild(next_)

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        scroll = self._scrolls[self.pages.currentIndex()]
        if scroll.widget().isAncestorOf(new):
            scroll.ensureWidgetVisible(new, 20, 40)
            self._last_focus = new

    def focusInEvent(self, event) -> None:  # noqa: N802
        """Focus given to the view itself (by the main window) goes on to a field."""
        super().focusInEvent(event)
        page = self._scrolls[self.pages.currentIndex()].widget()
        target = self._last_focus
        if (target is None or not shiboken6.isValid(target) or not page.isAncestorOf(target)
                or not target.isVisibleTo(page)):
            widgets = self._focusable(self.pages.currentIndex())
            target = widgets[0] if widgets else None
        if target is not None:
            target.setFocus(event.reason())

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self._update_title()
        super().changeEvent(event)


__all__ = ["RegistrationFormView"]
