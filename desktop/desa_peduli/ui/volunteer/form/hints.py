"""What the registration form works out beside the typed fields: the NIK note, the contribution box,
the record's status, and dates and phone numbers the way people write them.

Plain functions for :class:`RegistrationFormView`; their texts keep the view's
translation context.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from desa_peduli import reference
from desa_peduli.domain.nik import NikInfo
from desa_peduli.domain.registration import DRAFT, READY
from desa_peduli.ui.volunteer.form.region_picker import short_region_name
from desa_peduli.ui.volunteer.form.widgets import rupiah

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # every text in the view's context, RegistrationFormView


# -- the NIK ------------------------------------------------------------------------------
def nik_note(info: NikInfo | None, *, birth_text: str, sex: str | None, lang: str) -> str:
    """What the NIK says (born, sex, issuing region), or "" when it says nothing yet."""
    if info is None or not info.ok or info.birth_date is None:
        return ""
    birth = info.birth_date
    born = locale(lang).toString(QDate(birth.year, birth.month, birth.day), "d MMMM yyyy")
    sex_word = (translate("RegistrationFormView", "female") if info.sex == "F"
                else translate("RegistrationFormView", "male"))
    region = ", ".join(short_region_name(r) for r in
                       (info.district, info.regency, info.province) if r is not None)
    details = ", ".join(part for part in (sex_word, born, region) if part)
    same = birth_text == info.birth_date.strftime("%d/%m/%Y") and sex == info.sex
    if same:
        text = translate("RegistrationFormView",
                         "Birth date, sex and issuing region filled in from the NIK: {details}")
    else:
        text = translate("RegistrationFormView", "According to the NIK: {details}")
    return text.format(details=details)


# -- the record's status --------------------------------------------------------------
def status_name(status: str | None) -> str:
    names = {
        DRAFT: translate("RegistrationFormView", "Draft"),
        READY: translate("RegistrationFormView", "Ready to send"),
        "accepted": translate("RegistrationFormView", "Accepted by the branch"),
        "correction": translate("RegistrationFormView", "Needs correction"),
        "registered": translate("RegistrationFormView", "Registered"),
        "duplicate": translate("RegistrationFormView", "Duplicate"),
    }
    return names.get(status or "", status or "")


# -- dates and phones -------------------------------------------------------------------
def birth_value(text: str) -> str | None:
    """The typed dd/mm/yyyy as an ISO date (what cannot be read goes on to validation)."""
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


def iso_to_text(value) -> str:
    if not value:
        return ""
    try:
        return dt.date.fromisoformat(str(value)[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return str(value)


def phone_text(value) -> str:
    """Stored ``+6281234567890`` is shown as people write it: ``081234567890``."""
    if isinstance(value, str) and value.startswith("+628"):
        return "0" + value[3:]
    return value or ""


def month_name(month: str, lang: str) -> str:
    """``"2026-11"`` → "November 2026" (Indonesian: "November 2026", "Januari 2027")."""
    year, number = (int(part) for part in month.split("-"))
    return locale(lang).toString(QDate(year, number, 1), "MMMM yyyy")


def locale(lang: str) -> QLocale:
    if lang == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


# -- the contribution -------------------------------------------------------------------
def contribution_text(values: dict, service, lang: str) -> str:
    """The contribution box (rich text) for the validated ``values``: the month it prices
    by name and, when that month's relief ends within a month, what the month after costs."""
    try:
        monthly = _contribution(values, 1, service)
        months = values.get("payment_months") or 1
        period = _contribution(values, months, service) if months > 1 and monthly else None
        after = (reference.contribution_after_relief(values, monthly.month)
                 if monthly is not None else None)
    except Exception:  # a bug in the rules must not block typing
        log.exception("contribution failed")
        monthly = period = after = None
    if monthly is None:
        return translate("RegistrationFormView",
            "Choose the occupation and enter the monthly income to see the contribution.")
    english = lang == "en"
    rule = monthly.rule_en if english and monthly.rule_en else monthly.rule
    if monthly.paid_by_funder:
        who = translate("RegistrationFormView",
                        "paid by the worker {worker}, by the funder {funder}").format(
            worker=rupiah(monthly.paid_by_worker), funder=rupiah(monthly.paid_by_funder))
    else:
        who = translate("RegistrationFormView", "paid by the worker {worker}").format(
            worker=rupiah(monthly.paid_by_worker))
    lines = [
        translate("RegistrationFormView", "<b>Contribution for {month}: {total}</b> ({who})").format(
            month=month_name(monthly.month, lang), total=rupiah(monthly.total), who=who),
        rule,
        (translate("RegistrationFormView",
                   "JKK {jkk} + JKM {jkm} + JHT {jht} · income band {band}, base {base}")
         if monthly.jht else
         translate("RegistrationFormView",
                   "JKK {jkk} + JKM {jkm} · income band {band}, base {base}")).format(
            jkk=rupiah(monthly.jkk), jkm=rupiah(monthly.jkm), jht=rupiah(monthly.jht),
            band=monthly.band, base=rupiah(monthly.base)),
    ]
    if after is not None:
        lines.append(translate("RegistrationFormView",
                               "The relief ends soon: from {month} the contribution is {total} "
                               "a month (paid by the worker {worker}).").format(
            month=month_name(after.month, lang), total=rupiah(after.total),
            worker=rupiah(after.paid_by_worker)))
    if period is not None:
        lines.append(translate("RegistrationFormView", "<b>For {months} months at once: {total}</b> "
                                                       "(paid by the worker {worker})").format(
            months=period.months, total=rupiah(period.period_total),
            worker=rupiah(period.period_paid_by_worker)))
    return "<br>".join(lines)


def _contribution(values: dict, months: int, service):
    """This month's contribution; for ``months`` > 1 the whole prepaid period (which
    may run past the end of a discount)."""
    if months == 1:
        return service.contribution(values)
    return reference.contribution_for(values, dt.date.today(), months=months)
