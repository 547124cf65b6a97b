"""The GUI's own wording of validation problems whose domain message speaks the CLI's words.

``domain/validation.py`` words its messages for every front end, and some name what a
command line or a spreadsheet takes: the date of birth as year-month-day, the sex as
L/P, the consent method as ``signature``/``verbal_witnessed``/``paper``. The form takes
a date as dd/mm/yyyy and offers the sex and the consent method as choices, so for these
problem codes the GUI says what its own widgets ask for. The wording is picked by the
problem's stable code (never by its text), in the interface language, as the domain's
messages are; every other problem keeps the domain's message.
"""

from __future__ import annotations

from desa_peduli.ui.i18n import current_language

# code → (Indonesian, English), for the form's widgets
GUI_WORDS: dict[str, tuple[str, str]] = {
    "birth_date.format": (
        "Tanggal lahir tidak terbaca. Tulis tanggal/bulan/tahun, mis. 02/03/1988.",
        "The date of birth could not be read. Write day/month/year, e.g. 02/03/1988.",
    ),
    "birth_date.required": (
        "Isi tanggal lahir (tanggal/bulan/tahun, mis. 02/03/1988), atau isi NIK yang benar "
        "agar terisi otomatis.",
        "Enter the date of birth (day/month/year, e.g. 02/03/1988), or a valid NIK to fill "
        "it in automatically.",
    ),
    "sex.invalid": (
        "Pilih jenis kelamin dari daftar: Perempuan atau Laki-laki.",
        "Choose the sex from the list: Female or Male.",
    ),
    "sex.required": (
        "Pilih jenis kelamin: Perempuan atau Laki-laki, atau isi NIK yang benar agar "
        "terisi otomatis.",
        "Choose the sex: Female or Male, or enter a valid NIK to fill it in automatically.",
    ),
    "consent.method": (
        "Pilih cara persetujuan: tanda tangan, lisan dengan saksi, atau formulir kertas.",
        "Choose how consent is given: signature, verbal with a witness, or a paper form.",
    ),
}


def gui_message(code: str | None, message: str, message_en: str = "", *,
                lang: str | None = None) -> str:
    """A problem's message as the GUI shows it, in ``lang`` (the interface language).

    ``message``/``message_en`` are the domain's (Indonesian/English); a code with its own
    GUI wording in :data:`GUI_WORDS` gets that instead.
    """
    english = (lang or current_language()) == "en"
    words = GUI_WORDS.get(code or "")
    if words is not None:
        return words[1] if english else words[0]
    if english:
        return message_en or message
    return message or message_en


__all__ = ["GUI_WORDS", "gui_message"]
