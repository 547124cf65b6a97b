"""The registration form's layout: header, section list, the five sections, summary panel, footer.

:class:`FormSections` builds the widgets of a :class:`RegistrationFormView` onto the view
(the way Qt Designer's ``setupUi`` does: ``view.nik_edit``, ``view.summary_list``…) and
keeps what the controller needs to find its way: where each validation field lives
(``fields``), the section pages (``scrolls``, ``titles``) and the consent rows. It
connects nothing to the controller; the texts keep the view's translation context.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from desa_peduli.ui.volunteer.form.heirs_editor import HeirsEditor
from desa_peduli.ui.volunteer.form.ktp_photo import KtpPhotoField
from desa_peduli.ui.volunteer.form.region_picker import RegionCascade, RegionCombo
from desa_peduli.ui.volunteer.form.signature_pad import SignaturePad
from desa_peduli.ui.volunteer.form.widgets import MessageLabel, NoteLabel, WrappingListWidget
from desa_peduli.ui.widgets import ScrollPage

if TYPE_CHECKING:
    from desa_peduli.ui.volunteer.form.registration_form import RegistrationFormView

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # every text in the view's context, RegistrationFormView

IDENTITY, ADDRESS, WORK, HEIRS, CONSENT = range(5)


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


class FormSections:
    """The widgets and layout of one registration form view (see the module docstring)."""

    def __init__(self, view: RegistrationFormView, *, lang: str, regions):
        self.view = view
        self._lang = lang
        self._regions = regions
        self.fields: dict[str, FieldEntry] = {}
        self.titles: list[str] = []
        self.scrolls: list[QScrollArea] = []
        self.section_pages: list[QWidget] = []  # the page inside each scroll area
        self.line_edits: list[QLineEdit] = []  # Enter moves on from these, like Tab
        self.cascade: RegionCascade  # the address section's, made by build()
        self._line_height = 0

    def nav_text(self, index: int, errors: int) -> str:
        """The section list's line for section ``index`` (with its count of errors)."""
        text = f"{index + 1}   {self.titles[index]}"
        return f"{text}   ({errors})" if errors else text

    def build(self) -> None:
        """Create the widgets on the view and lay them out."""
        view = self.view
        self._line_height = QLineEdit().sizeHint().height()
        outer = QVBoxLayout(view)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)

        header = QHBoxLayout()
        view.title_label = QLabel(view)
        font = view.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        view.title_label.setFont(font)
        view.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        header.addWidget(view.title_label, 1)
        view.status_label = QLabel(view)
        view.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        view.status_label.setObjectName("saveStatus")
        header.addWidget(view.status_label)
        outer.addLayout(header)
        self.outer, self.header = outer, header  # (the view adds its branch note to them)

        body = QHBoxLayout()
        body.setSpacing(8)
        view.nav_list = QListWidget(view)
        view.nav_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.nav_list.setFixedWidth(200)
        view.nav_list.setSpacing(2)
        nav_font = view.nav_list.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.1)
        view.nav_list.setFont(nav_font)
        body.addWidget(view.nav_list)

        view.pages = QStackedWidget(view)
        self.titles = [
            translate("RegistrationFormView", "Identity"),
            translate("RegistrationFormView", "Address"),
            translate("RegistrationFormView", "Work & contribution"),
            translate("RegistrationFormView", "Heirs"),
            translate("RegistrationFormView", "Consent"),
        ]
        builders = (self._build_identity, self._build_address, self._build_work,
                    self._build_heirs, self._build_consent)
        for index, (title, build) in enumerate(zip(self.titles, builders, strict=True)):
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
            scroll = ScrollPage(view.pages)  # scrolls both ways when it must (125 % text)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            scroll.setWidget(page)
            self.scrolls.append(scroll)
            self.section_pages.append(page)
            view.pages.addWidget(scroll)
            item = QListWidgetItem(self.nav_text(index, 0))
            view.nav_list.addItem(item)
        body.addWidget(view.pages, 1)

        body.addWidget(self._build_summary())
        outer.addLayout(body, 1)

        footer = QHBoxLayout()
        view.previous_button = QPushButton(translate("RegistrationFormView", "‹ Previous"), view)
        view.previous_button.setToolTip(translate("RegistrationFormView", "Previous section (Ctrl+PgUp)"))
        view.next_button = QPushButton(translate("RegistrationFormView", "Next ›"), view)
        view.next_button.setToolTip(translate("RegistrationFormView", "Next section (Ctrl+PgDown)"))
        # one way out: everything is saved as it is typed (the header says when)
        view.close_button = QPushButton(
            translate("RegistrationFormView", "&Back to the list"), view)
        view.close_button.setToolTip(translate(
            "RegistrationFormView", "Everything is saved; back to the list (Esc or Ctrl+S)"))
        view.save_close_button = view.close_button  # (its old name)
        for button in (view.previous_button, view.next_button, view.close_button):
            button.setAutoDefault(False)
        footer.addWidget(view.previous_button)
        footer.addWidget(view.next_button)
        footer.addStretch(1)
        footer.addWidget(view.close_button)
        outer.addLayout(footer)

        # Tab from the last field of the last section goes to "Back to the list"
        QWidget.setTabOrder(view.paper_edit, view.close_button)
        QWidget.setTabOrder(view.close_button, view.summary_list)

    def _build_summary(self) -> QWidget:
        view = self.view
        panel = QFrame(view)
        panel.setFixedWidth(300)
        panel.setObjectName("problemSummary")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 8, 8, 8)
        title = QLabel(translate("RegistrationFormView", "Still to do"), panel)
        title_font = title.font()
        title_font.setBold(True)
        title.setFont(title_font)
        layout.addWidget(title)
        view.summary_header = QLabel(panel)
        view.summary_header.setWordWrap(True)
        layout.addWidget(view.summary_header)
        view.summary_list = WrappingListWidget(panel)
        view.summary_list.setWordWrap(True)
        view.summary_list.setSpacing(3)
        view.summary_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.summary_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.summary_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.summary_list.setAccessibleName(translate("RegistrationFormView", "Problems still to fix"))
        view.summary_list.setToolTip(translate(
            "RegistrationFormView", "Click a line (or press Enter) to go to the field"))
        layout.addWidget(view.summary_list, 1)
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
            self.fields[name] = FieldEntry(name, section, _plain(label_text), widget, message)
        return container

    def _no_phone_box(self, page: QWidget) -> QWidget:
        """Why a worker has no phone, and a family member's number (shown once ticked)."""
        view = self.view
        box = QWidget(page)
        grid = QFormLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        view.no_phone_reason_edit = self._line_edit(box, 360, max_length=200,
            placeholder=translate("RegistrationFormView", "e.g. never had one, phone broken"))
        view.family_phone_edit = self._line_edit(box, 230, max_length=24,
            placeholder=translate("RegistrationFormView", "optional"))
        reason_label = QLabel(translate("RegistrationFormView", "Reas&on"), box)
        reason_label.setBuddy(view.no_phone_reason_edit)
        family_label = QLabel(translate("RegistrationFormView", "Famil&y member's phone"), box)
        family_label.setBuddy(view.family_phone_edit)
        grid.addRow(reason_label, view.no_phone_reason_edit)
        grid.addRow(family_label, view.family_phone_edit)
        box.hide()
        return box

    def _line_edit(self, parent: QWidget, width: int | None = None, *, max_length: int = 100,
                   placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setMaxLength(max_length)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        if width:
            edit.setFixedWidth(width)
        self.line_edits.append(edit)
        return edit

    # -- sections ---------------------------------------------------------------------
    def _build_identity(self, page: QWidget, layout: QVBoxLayout) -> None:
        view = self.view
        form = self._form(layout)
        view.nik_edit = self._line_edit(page, 230, max_length=24,
            placeholder=translate("RegistrationFormView", "16 digits from the KTP"))
        view.nik_note = NoteLabel(page)
        view.nik_note.setObjectName("nikNote")
        view.duplicate_box = QFrame(page)
        view.duplicate_box.setObjectName("duplicateBox")
        view.duplicate_box.setStyleSheet(
            "QFrame#duplicateBox { background: #fff4d6; border: 1px solid #e0a000;"
            " border-radius: 3px; }")
        box = QHBoxLayout(view.duplicate_box)
        box.setContentsMargins(8, 6, 8, 6)
        view.duplicate_label = QLabel(view.duplicate_box)
        view.duplicate_label.setWordWrap(True)
        view.duplicate_label.setStyleSheet("QLabel { color: #6b4500; }")
        view.duplicate_button = QPushButton(translate(
            "RegistrationFormView", "Open that registration"), view.duplicate_box)
        view.duplicate_button.setAutoDefault(False)
        box.addWidget(view.duplicate_label, 1)
        box.addWidget(view.duplicate_button, 0, Qt.AlignmentFlag.AlignVCenter)
        view.duplicate_box.setMaximumWidth(620)
        view.duplicate_box.hide()
        self._add_row(IDENTITY, form, ("nik",), translate("RegistrationFormView", "&NIK"), [view.nik_edit],
                      note=view.nik_note, extra=view.duplicate_box)

        view.name_edit = self._line_edit(page,
            placeholder=translate("RegistrationFormView", "As written on the KTP"))
        view.name_edit.setMinimumWidth(420)
        view.name_edit.setMaximumWidth(560)
        self._add_row(IDENTITY, form, ("full_name",),
                      translate("RegistrationFormView", "Full na&me"), [view.name_edit])

        view.birth_place_edit = self._line_edit(page, 300,
            placeholder=translate("RegistrationFormView", "Town or regency"))
        self._add_row(IDENTITY, form, ("birth_place",), translate("RegistrationFormView", "Place of &birth"),
                      [view.birth_place_edit])

        view.birth_date_edit = QLineEdit(page)
        view.birth_date_edit.setInputMask("00/00/0000;_")
        view.birth_date_edit.setFixedWidth(120)
        self.line_edits.append(view.birth_date_edit)
        date_hint = QLabel(translate("RegistrationFormView", "day/month/year"), page)
        date_hint.setStyleSheet("QLabel { color: #5b6475; }")
        self._add_row(IDENTITY, form, ("birth_date",), translate("RegistrationFormView", "&Date of birth"),
                      [view.birth_date_edit, date_hint])

        view.sex_combo = QComboBox(page)
        view.sex_combo.setPlaceholderText(translate("RegistrationFormView", "Choose…"))
        view.sex_combo.addItem(translate("RegistrationFormView", "Female"), "F")
        view.sex_combo.addItem(translate("RegistrationFormView", "Male"), "M")
        view.sex_combo.setFixedWidth(170)
        self._add_row(IDENTITY, form, ("sex",), translate("RegistrationFormView", "&Sex"), [view.sex_combo])

        view.nationality_combo = QComboBox(page)
        view.nationality_combo.addItem(translate("RegistrationFormView", "Indonesian (WNI)"), "WNI")
        view.nationality_combo.addItem(
            translate("RegistrationFormView", "Foreigner with a KITAP (WNA)"), "WNA")
        view.nationality_combo.setFixedWidth(260)
        self._add_row(IDENTITY, form, ("nationality",),
                      translate("RegistrationFormView", "Na&tionality"), [view.nationality_combo])

        view.phone_edit = self._line_edit(page, 230, max_length=24,
            placeholder=translate("RegistrationFormView", "e.g. 0812 3456 7890"))
        view.no_phone_check = QCheckBox(translate("RegistrationFormView", "Has no phone"), page)
        view.no_phone_box = self._no_phone_box(page)
        self._add_row(IDENTITY, form, ("phone", "no_phone_reason", "family_phone"),
                      translate("RegistrationFormView", "&Phone (mobile)"),
                      [view.phone_edit, view.no_phone_check], extra=view.no_phone_box,
                      focus={"no_phone_reason": view.no_phone_reason_edit,
                             "family_phone": view.family_phone_edit})

        view.email_edit = self._line_edit(page, 300, max_length=254,
                                          placeholder=translate("RegistrationFormView", "optional"))
        self._add_row(IDENTITY, form, ("email",),
                      translate("RegistrationFormView", "&E-mail"), [view.email_edit])

        view.photo_field = KtpPhotoField(page)
        self._add_row(IDENTITY, form, ("ktp_photo",),
                      translate("RegistrationFormView", "KTP p&hoto (optional)"),
                      [view.photo_field], buddy=view.photo_field.choose_button)

    def _build_address(self, page: QWidget, layout: QVBoxLayout) -> None:
        view = self.view
        form = self._form(layout)
        view.province_combo = RegionCombo(page)
        view.regency_combo = RegionCombo(page)
        view.district_combo = RegionCombo(page)
        view.village_combo = RegionCombo(page)
        for combo, width in ((view.province_combo, 300), (view.regency_combo, 340),
                             (view.district_combo, 340), (view.village_combo, 340)):
            combo.setFixedWidth(width)
        self.cascade = RegionCascade(self._regions, view.province_combo, view.regency_combo,
                                      view.district_combo, view.village_combo, view)
        search_hint = translate("RegistrationFormView", "Type part of a name to search")
        for combo in (view.province_combo, view.regency_combo, view.district_combo,
                      view.village_combo):
            line_edit = combo.lineEdit()
            assert line_edit is not None  # a RegionCombo is editable
            line_edit.setPlaceholderText(search_hint)
        self._add_row(ADDRESS, form, ("province",),
                      translate("RegistrationFormView", "&Province"), [view.province_combo])
        self._add_row(ADDRESS, form, ("regency",), translate("RegistrationFormView", "&Regency or city"),
                      [view.regency_combo])
        self._add_row(ADDRESS, form, ("district",),
                      translate("RegistrationFormView", "&District (kecamatan)"),
                      [view.district_combo])
        self._add_row(ADDRESS, form, ("village_code",),
                      translate("RegistrationFormView", "&Village (desa/kelurahan)"),
                      [view.village_combo])

        view.rt_edit = self._line_edit(page, 64, max_length=3, placeholder="001")
        view.rw_edit = self._line_edit(page, 64, max_length=3, placeholder="001")
        view.rt_edit.setAccessibleName(translate("RegistrationFormView", "RT"))
        view.rw_edit.setAccessibleName(translate("RegistrationFormView", "RW"))
        slash = QLabel("/", page)
        self._add_row(ADDRESS, form, ("rt", "rw"), translate("RegistrationFormView", "R&T / RW"),
                      [view.rt_edit, slash, view.rw_edit], focus={"rw": view.rw_edit})

        view.street_edit = self._line_edit(page, max_length=200,
                                           placeholder=translate("RegistrationFormView", "optional"))
        view.street_edit.setMinimumWidth(420)
        view.street_edit.setMaximumWidth(560)
        self._add_row(ADDRESS, form, ("street",),
                      translate("RegistrationFormView", "&Street or dusun"), [view.street_edit])

    def _build_work(self, page: QWidget, layout: QVBoxLayout) -> None:
        view = self.view
        form = self._form(layout)
        english = self._lang == "en"
        view.occupation_combo = QComboBox(page)
        view.occupation_combo.setPlaceholderText(translate("RegistrationFormView", "Choose…"))
        for occupation in reference.occupations():
            view.occupation_combo.addItem(
                occupation.label_en if english else occupation.label_id, occupation.code)
        view.occupation_combo.setFixedWidth(300)
        view.occupation_combo.setMaxVisibleItems(16)
        self._add_row(WORK, form, ("occupation",),
                      translate("RegistrationFormView", "&Occupation"), [view.occupation_combo])

        view.work_location_edit = self._line_edit(page, max_length=200,
            placeholder=translate("RegistrationFormView", "e.g. Pasar Muara Bulian"))
        view.work_location_edit.setMinimumWidth(420)
        view.work_location_edit.setMaximumWidth(560)
        self._add_row(WORK, form, ("work_location",), translate("RegistrationFormView", "&Work location"),
                      [view.work_location_edit])

        rp = QLabel("Rp", page)
        view.income_edit = self._line_edit(page, 160, max_length=20,
                                           placeholder=translate("RegistrationFormView", "e.g. 1.500.000"))
        view.income_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        per_month = QLabel(translate("RegistrationFormView", "per month (average)"), page)
        self._add_row(WORK, form, ("declared_income",), translate("RegistrationFormView", "Monthly &income"),
                      [rp, view.income_edit, per_month], buddy=view.income_edit)

        programs = QWidget(page)
        column = QVBoxLayout(programs)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        view.jkk_check = QCheckBox(translate(
            "RegistrationFormView", "JKK: work accident insurance (always included)"),
                                   programs)
        view.jkm_check = QCheckBox(translate(
            "RegistrationFormView", "JKM: death benefit (always included)"), programs)
        for check in (view.jkk_check, view.jkm_check):
            check.setChecked(True)
            check.setEnabled(False)
        view.jht_check = QCheckBox(translate(
            "RegistrationFormView", "&JHT: old-age savings (optional, 2% of the base)"),
                                   programs)
        for check in (view.jkk_check, view.jkm_check, view.jht_check):
            column.addWidget(check)
        self._add_row(WORK, form, ("programs",), translate("RegistrationFormView", "Programmes"), [programs],
                      buddy=view.jht_check)

        view.period_combo = QComboBox(page)
        for months in reference.rate_table().payment_months:
            text = (translate("RegistrationFormView", "1 month") if months == 1 else
                    translate("RegistrationFormView", "{n} months").format(n=months))
            view.period_combo.addItem(text, months)
        view.period_combo.setFixedWidth(170)
        self._add_row(WORK, form, ("payment_months",), translate("RegistrationFormView", "Payment &period"),
                      [view.period_combo])

        view.funding_combo = QComboBox(page)
        for source in reference.funding_sources():
            view.funding_combo.addItem(source.label_en if english else source.label_id,
                                       source.code)
        view.funding_combo.setFixedWidth(340)
        self._add_row(WORK, form, ("funding_source",), translate("RegistrationFormView", "&Funding source"),
                      [view.funding_combo])

        view.contribution_label = QLabel(page)
        view.contribution_label.setObjectName("contribution")
        view.contribution_label.setWordWrap(True)
        view.contribution_label.setTextFormat(Qt.TextFormat.RichText)
        view.contribution_label.setMaximumWidth(620)
        view.contribution_label.setMinimumWidth(420)
        view.contribution_label.setStyleSheet(
            "QLabel#contribution { background: #eef4fb; border: 1px solid #b9cde6;"
            " border-radius: 3px; padding: 8px; color: #15324f; }")
        label = QLabel(translate("RegistrationFormView", "Contribution"), page)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow(label, view.contribution_label)

    def _build_heirs(self, page: QWidget, layout: QVBoxLayout) -> None:
        view = self.view
        intro = QLabel(translate("RegistrationFormView",
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
        view.heirs_editor = HeirsEditor(relationships, page)
        layout.addWidget(view.heirs_editor)
        view.heirs_message = MessageLabel(page)
        view.heirs_message.setObjectName("message:heirs")
        layout.addWidget(view.heirs_message)
        self.fields["heirs"] = FieldEntry("heirs", HEIRS, translate("RegistrationFormView", "Heirs"),
                                           view.heirs_editor.add_button, view.heirs_message)

    def _build_consent(self, page: QWidget, layout: QVBoxLayout) -> None:
        view = self.view
        view.statement_label = QLabel(page)
        view.statement_label.setObjectName("consentStatement")
        view.statement_label.setTextFormat(Qt.TextFormat.MarkdownText)
        view.statement_label.setWordWrap(True)
        view.statement_label.setMaximumWidth(760)
        view.statement_label.setText(self._consent_statement())
        view.statement_label.setStyleSheet(
            "QLabel#consentStatement { background: #fbfaf5; border: 1px solid #d8d2bd;"
            " border-radius: 3px; padding: 10px; }")
        # in a row with a stretch: a vertical box would ask its height at the full width,
        # past its maximum width, and cut the last lines off
        statement_row = QHBoxLayout()
        statement_row.addWidget(view.statement_label, 1)
        statement_row.addStretch(0)
        layout.addLayout(statement_row)
        layout.addSpacing(8)
        form = self._form(layout)

        # first the participant agrees, then how that is recorded (the signature last)
        view.consent_check = QCheckBox(translate(
            "RegistrationFormView", "The participant &agrees (consent given)"), page)
        view.consent_time_label = NoteLabel(page)
        self._add_row(CONSENT, form, ("consent.given",),
                      translate("RegistrationFormView", "Consent"), [view.consent_check],
                      note=view.consent_time_label)
        entry = self.fields["consent.given"]
        for name in ("consent", "consent.at"):
            self.fields[name] = FieldEntry(name, CONSENT, entry.label, entry.focus, entry.message)

        methods = QWidget(page)
        row = QHBoxLayout(methods)
        row.setContentsMargins(0, 0, 0, 0)
        view.method_group = QButtonGroup(view)
        view.signature_radio = QRadioButton(translate("RegistrationFormView", "&Signature"), methods)
        view.verbal_radio = QRadioButton(translate("RegistrationFormView", "&Verbal, witnessed"), methods)
        view.paper_radio = QRadioButton(translate("RegistrationFormView", "Pa&per form"), methods)
        for code, radio in (("signature", view.signature_radio),
                            ("verbal_witnessed", view.verbal_radio),
                            ("paper", view.paper_radio)):
            radio.setProperty("method", code)
            view.method_group.addButton(radio)
            row.addWidget(radio)
        row.addStretch(1)
        self._add_row(CONSENT, form, ("consent.method",),
                      translate("RegistrationFormView", "How consent is given"),
                      [methods], buddy=view.signature_radio)

        view.signature_pad = SignaturePad(page)
        self.signature_row = self._add_row(
            CONSENT, form, ("consent.signature_png",), translate(
                "RegistrationFormView", "Signature of the participant"),
            [view.signature_pad])
        view.witness_edit = self._line_edit(page, 320, max_length=100,
            placeholder=translate("RegistrationFormView", "Who heard the consent"))
        self.witness_row = self._add_row(CONSENT, form, ("consent.witness",),
            translate("RegistrationFormView", "&Witness name"), [view.witness_edit])
        view.paper_edit = self._line_edit(page, 220, max_length=60)
        self.paper_row = self._add_row(CONSENT, form, ("consent.reference",),
            translate("RegistrationFormView", "Paper form &number"), [view.paper_edit])
        self.consent_form = form

    def _consent_statement(self) -> str:
        name = "consent_statement_en.md" if self._lang == "en" else "consent_statement_id.md"
        try:
            return reference.resource("reference", name).read_text(encoding="utf-8")
        except OSError:  # a broken installation: say so rather than show nothing
            log.exception("consent statement %s missing", name)
            return translate(
                "RegistrationFormView", "The consent statement is missing from this installation.")
