"""The form and the domain fixes: no phone with a reason, nationality, warnings shown as
warnings (not errors) in the panel, the contribution naming the month it prices."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from desa_peduli import reference
from desa_peduli.ui.volunteer.form import hints
from desa_peduli.ui.volunteer.form.problems import WARNING_COLOR


def _summary(form) -> dict[str, object]:
    items = [form.summary_list.item(i) for i in range(form.summary_list.count())]
    return {item.data(Qt.ItemDataRole.UserRole)[1]: item for item in items}


def test_a_worker_without_a_phone_is_saved_with_the_reason(form, keyboard, qtbot, session,
                                                           valid_registration):
    """Worked example: ticking "Has no phone", reason "tidak punya HP", the daughter's
    0813 1111 2222: the phone error goes and the record keeps reason and family number."""
    keyboard.press(Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # "&Phone (mobile)"
    assert keyboard.focus() is form.phone_edit
    keyboard.tab()
    assert keyboard.focus() is form.no_phone_check and not form.no_phone_box.isVisible()
    keyboard.press(Qt.Key.Key_Space)
    assert form.no_phone_box.isVisible() and not form.phone_edit.isEnabled()
    assert keyboard.focus() is form.no_phone_reason_edit
    keyboard.type("tidak punya HP")
    keyboard.tab()
    assert keyboard.focus() is form.family_phone_edit
    keyboard.type("0813 1111 2222")
    keyboard.tab()
    data = form.data()
    assert (data["phone"], data["no_phone_reason"], data["family_phone"]) == (
        "", "tidak punya HP", "0813 1111 2222")
    qtbot.waitUntil(lambda: "phone.required" not in _summary(form))
    result = session.registrations.validate({**valid_registration, **data,
                                             "nik": valid_registration["nik"]})
    assert result.values["family_phone"] == "+6281311112222"
    # untick: the number is asked for again
    form.no_phone_check.click()
    assert not form.no_phone_box.isVisible() and form.phone_edit.isEnabled()
    qtbot.waitUntil(lambda: "phone.required" in _summary(form))


def test_a_stored_reason_reopens_ticked(make_form, session, valid_registration):
    saved = session.registrations.save({**valid_registration, "phone": None,
                                        "no_phone_reason": "HP rusak", "nationality": "WNA"})
    form = make_form()
    form.open_registration(saved.outcome.id)
    assert form.no_phone_check.isChecked() and form.no_phone_reason_edit.text() == "HP rusak"
    assert form.nationality_combo.currentData() == "WNA"


def test_an_age_warning_shows_as_a_warning_not_an_error(form, keyboard, qtbot):
    """Worked example: NIK 1504054203130001 (born 2 March 2013): 13 on the registration
    date, under 15, which no current rule sets: amber under the date of birth and in the
    summary among the things "to check", not "to fix"."""
    keyboard.type("1504054203130001")
    keyboard.tab()
    qtbot.waitUntil(lambda: "birth_date.too_young" in _summary(form))
    item = _summary(form)["birth_date.too_young"]
    assert item.foreground().color() == WARNING_COLOR
    assert form.findChild(QLabel, "message:birth_date").severity == "warning"
    assert "Umur 13 tahun pada tanggal pendaftaran" in item.text()


def test_the_contribution_names_the_month_it_prices(form, keyboard, qtbot):
    keyboard.press(Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    keyboard.type("Pet")  # Petani
    keyboard.tab(2)
    keyboard.type("1000000")
    month = hints.month_name(f"{dt.date.today():%Y-%m}", "id")
    qtbot.waitUntil(lambda: month in form.contribution_label.text())


def test_near_the_end_of_the_relief_the_month_after_is_shown():
    """Worked example: a farmer declaring Rp1,000,000, priced for November 2026 (relief:
    Rp8,400): the relief ends in December, so "from January 2027 … Rp16,800" is shown;
    in October 2026 it is not (two relief months to go)."""
    values = {"declared_income": 1_000_000, "occupation": "petani", "funding_source": "mandiri",
              "programs": ["JKK", "JKM"], "payment_months": 1}

    class Priced:
        def __init__(self, month):
            self.month = month

        def contribution(self, values):
            return reference.contribution_for(values, self.month)

    text = hints.contribution_text(values, Priced("2026-11"), "en")
    after = QCoreApplication.translate(
        "RegistrationFormView", "The relief ends soon: from {month} the contribution is {total} "
        "a month (paid by the worker {worker}).").format(
        month="January 2027", total="Rp16.800", worker="Rp16.800")
    assert "November 2026" in text and "Rp8.400" in text and after in text
    assert "January 2027" not in hints.contribution_text(values, Priced("2026-10"), "en")
