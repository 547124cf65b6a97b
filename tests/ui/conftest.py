"""UI test helpers: registrations in bulk, a stand-in for the registration form, the window."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool, Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

FIRST_NAMES = ("Siti", "Dewi", "Rina", "Yuni", "Sri", "Nur", "Ani", "Eka", "Fitri", "Lina")
LAST_NAMES = ("Aminah", "Lestari", "Wati", "Sari", "Rahayu", "Handayani", "Susanti")
VILLAGES = ("15.04.05.2003", "15.04.05.2016", "15.04.05.1002")  # Serasah, Awin, Jembatan Mas
OCCUPATIONS = ("pedagang_pasar", "petani", "ojek_daring", "nelayan")


def nik_for(serial: int) -> str:
    """A valid NIK of a woman born 1988-03-02 (valid_registration's), serial 1..9999."""
    return f"150405420388{serial:04d}"


def person(base: dict, serial: int, **changes) -> dict:
    """A registration like ``base`` with its own NIK, name, village and occupation."""
    index = serial - 1
    data = dict(
        base,
        nik=nik_for(serial),
        full_name=f"{FIRST_NAMES[index % 10]} {LAST_NAMES[index % 7]}",
        village_code=VILLAGES[index % 3],
        occupation=OCCUPATIONS[index % 4],
    )
    data.update(changes)
    return data


@pytest.fixture
def add_people(session, valid_registration):
    """``add_people(n, start=1, drafts_every=0)`` → ids, saved through the service.

    Every ``drafts_every``-th person lacks a phone number, so it is saved as a draft.
    """

    def add(count: int, start: int = 1, drafts_every: int = 0) -> list[str]:
        ids = []
        for serial in range(start, start + count):
            changes = {}
            if drafts_every and serial % drafts_every == 0:
                changes["phone"] = ""
            result = session.registrations.save(person(valid_registration, serial, **changes))
            ids.append(result.id)
        return ids

    return add


class StubFormView(QWidget):
    """Stands in for ui/form's RegistrationFormView (same constructor, signals, methods)."""

    finished = Signal()
    saved = Signal(str)
    open_requested = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.current_id: str | None = None
        self.flushes = 0
        self.opened: list[str | None] = []
        self.name_edit = QLineEdit(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_edit)
        layout.addStretch(1)

    def new_registration(self) -> None:
        self.current_id = None
        self.opened.append(None)
        self.name_edit.clear()

    def open_registration(self, reg_id: str) -> None:
        self.current_id = reg_id
        self.opened.append(reg_id)
        self.name_edit.setText(self.session.registrations.get(reg_id)["full_name"] or "")

    def flush(self) -> None:
        self.flushes += 1

    def save(self, data: dict) -> str:
        """What the real form does on autosave: save and say so."""
        result = self.session.registrations.save(data, reg_id=self.current_id)
        self.current_id = result.id
        self.saved.emit(result.id)
        return result.id


@pytest.fixture
def make_window(qtbot, session):
    """``make_window(**kwargs)`` → a shown MainWindow over ``session`` with the stub form."""
    from desa_peduli.ui.volunteer.window import MainWindow

    windows = []

    def make(**kwargs):
        kwargs.setdefault("form_factory", StubFormView)
        kwargs.setdefault("lock_timeout_ms", 0)
        window = MainWindow(session, **kwargs)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):  # shortcuts only reach the active window
            window.show()
            window.activateWindow()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture(scope="session", autouse=True)
def _application_palette(qapp):
    """The palette the application sets at start (readable hints and placeholders)."""
    from desa_peduli.ui.style import apply_palette

    apply_palette(qapp)


@pytest.fixture(autouse=True)
def _interface_language_restored(qapp):
    """A test that switches the language (installs the Indonesian translator) does so
    for itself only: afterwards the translators and language of before are put back,
    so the tests written against the English source texts keep seeing them."""
    from desa_peduli.ui import i18n

    language, translators = i18n._state["language"], list(i18n._state["translators"])
    yield
    for translator in i18n._state["translators"]:
        qapp.removeTranslator(translator)
    for translator in translators:
        qapp.installTranslator(translator)
    i18n._state["language"], i18n._state["translators"] = language, translators


@pytest.fixture(autouse=True)
def _clean_up_after_each_test(qapp):
    """No key unwrap runs into the next test; closed widgets are really deleted now.

    Deleting them here rather than at interpreter exit keeps tests independent (and was
    what kept PySide6 6.12.0's refcount bug from aborting the run; pyproject now pins
    PySide6 below 6.12).
    """
    yield
    QThreadPool.globalInstance().waitForDone(15_000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
