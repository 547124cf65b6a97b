"""No text is clipped in the main windows, the wizard and the main dialogs at 1366×768, in
Indonesian or English: measured with font metrics, not by eye.

Every visible label, button, check box, radio button, tab, group box title and table
header of each surface is compared with the room it has: a one-line text's advance
(``QFontMetrics.horizontalAdvance`` of the text without its ``&`` mnemonic) against the
widget's text rectangle; a word-wrapped label's height for its width against its height
(so a message that appears in a dialog that does not grow is caught too). Indonesian is
the longer language, so most problems show there first.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QStyleOptionHeader,
    QTabBar,
    QToolBar,
    QToolButton,
    QWidget,
)

from desa_peduli.ui import i18n
from tests.services.review_fixtures import export, office, person, save_as_sent, stick  # noqa: F401
from tests.ui.sync_fixtures import enrol, volunteer  # noqa: F401 - fixtures

WINDOW = (1366, 728)  # a 1366×768 screen less the title bar and the taskbar
TOLERANCE = 1  # px


def plain(text: str) -> str:
    """The text as shown: ``&&`` is an ampersand, ``&x`` underlines x."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def is_rich(label: QLabel) -> bool:
    kind = label.textFormat()
    return kind == Qt.TextFormat.RichText or (
        kind == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text()))


def label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + TOLERANCE:
            return f"wraps to {needed}px high but has {label.height()}px"
        if not is_rich(label):
            words = plain(text).split() if label.buddy() else text.split()
            widest = max((label.fontMetrics().horizontalAdvance(w) for w in words), default=0)
            if widest > room + TOLERANCE:
                return f"a word needs {widest}px, has {room}px"
        return None
    if is_rich(label):
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        needed = document.idealWidth()
    else:
        shown = plain(text) if label.buddy() is not None else text
        needed = max(label.fontMetrics().horizontalAdvance(line) for line in shown.split("\n"))
    if needed > room + TOLERANCE:
        return f"needs {needed:.0f}px, has {room}px"
    return None


CONTENTS = {QPushButton: QStyle.SubElement.SE_PushButtonContents,
            QCheckBox: QStyle.SubElement.SE_CheckBoxContents,
            QRadioButton: QStyle.SubElement.SE_RadioButtonContents}


def button_problem(button: QAbstractButton) -> str | None:
    text = plain(button.text())
    if not text:
        return None
    needed = max(button.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
    element = next((e for cls, e in CONTENTS.items() if isinstance(button, cls)), None)
    if element is None:  # a tool button: the text is all it holds
        room = button.width() - 8
    else:
        option = QStyleOptionButton()
        button.initStyleOption(option)
        room = button.style().subElementRect(element, option, button).width()
        if element == QStyle.SubElement.SE_PushButtonContents:
            room -= 2 * button.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, option,
                                                   button) // 3
        elif not button.icon().isNull():
            room -= button.iconSize().width() + 4
    if needed > room + TOLERANCE:
        return f"needs {needed}px, has {room}px"
    return None


def tab_problems(bar: QTabBar) -> list[str]:
    found = []
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        rect, hint = bar.tabRect(index), bar.tabSizeHint(index)
        if hint.width() > rect.width() + TOLERANCE or rect.right() > bar.width():
            found.append(f"tab {plain(bar.tabText(index))!r}: needs {hint.width()}px, "
                         f"has {min(rect.width(), bar.width() - rect.left())}px")
    return found


def header_problems(header: QHeaderView) -> list[str]:
    """Each visible section's title (each line) against the section less the style's
    margins, and less the sort arrow where it is drawn."""
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    found = []
    metrics = header.fontMetrics()
    option = QStyleOptionHeader()
    option.initFrom(header)
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, header)
    arrow = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, option, header)
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) == 0:
            continue
        text = model.headerData(section, Qt.Orientation.Horizontal,
                                Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        needed = max(metrics.horizontalAdvance(line) for line in str(text).split("\n"))
        room = header.sectionSize(section) - 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            room -= arrow + margin
        if needed > room + TOLERANCE:
            found.append(f"column {str(text)!r}: needs {needed}px, has {room}px")
    return found


def scroll_problems(area: QScrollArea) -> list[str]:
    """A page wider or taller than its scroll area must be able to scroll there (a
    scroll bar that is always off cuts the page off)."""
    inner = area.widget()
    needed = inner.minimumSizeHint().expandedTo(inner.minimumSize())
    view = area.viewport().size()
    found = []
    for axis, need, room, policy in (
            ("wide", needed.width(), view.width(), area.horizontalScrollBarPolicy()),
            ("high", needed.height(), view.height(), area.verticalScrollBarPolicy())):
        if need > room + TOLERANCE and policy == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            found.append(f"{area.objectName() or 'scroll area'}: the page is {need}px {axis}, "
                         f"the area {room}px, and it cannot scroll")
    return found


def clipped(top: QWidget, where: str) -> list[str]:
    """What is clipped in ``top`` (visible widgets only), one line each."""
    QApplication.processEvents()
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        name = widget.objectName() or type(widget).__name__
        problems = []
        if isinstance(widget, QLabel):
            problem = label_problem(widget)
            problems = [f"{name} {widget.text()[:60]!r}: {problem}"] if problem else []
        elif isinstance(widget, QAbstractButton):
            problem = button_problem(widget)
            problems = [f"{name} {plain(widget.text())[:60]!r}: {problem}"] if problem else []
        elif isinstance(widget, QTabBar):
            problems = tab_problems(widget)
        elif isinstance(widget, QGroupBox) and widget.title():
            needed = widget.fontMetrics().horizontalAdvance(plain(widget.title())) + 16
            if needed > widget.width() + TOLERANCE:
                problems = [f"group {plain(widget.title())!r}: needs {needed}px, has "
                            f"{widget.width()}px"]
        elif isinstance(widget, QHeaderView):
            problems = header_problems(widget)
        elif isinstance(widget, QScrollArea) and widget.widget() is not None:
            problems = scroll_problems(widget)
        elif isinstance(widget, QToolBar):
            more = widget.findChild(QToolButton, "qt_toolbar_ext_button")
            if more is not None and more.isVisible():
                problems = [f"toolbar {widget.windowTitle()!r}: some of it is hidden behind »"]
        found += [f"{where}: {problem}" for problem in problems]
    return found


def show(qtbot, widget: QWidget, size: tuple[int, int] | None = None) -> QWidget:
    qtbot.addWidget(widget)
    if size:
        widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def dialog(qtbot, widget: QWidget) -> QWidget:
    """A dialog at the size it opens with (as ``open()`` shows it)."""
    widget.open() if hasattr(widget, "open") else widget.show()
    qtbot.addWidget(widget)
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture(params=["id", "en"])
def lang(request, qapp):
    i18n.install_translator(qapp, request.param)  # put back by tests/ui/conftest.py
    return request.param


@pytest.fixture(params=[100, 125], ids=["100%", "125%"])
def text_scale(request, qapp):
    """The text size setting (Windows laptops commonly run at 125 %)."""
    from desa_peduli.ui.text_size import apply_text_scale

    apply_text_scale(qapp, request.param)
    yield request.param
    apply_text_scale(qapp, 100)


# -- the volunteer ---------------------------------------------------------------------------
def test_nothing_clipped_for_the_volunteer(qtbot, lang, text_scale, volunteer,  # noqa: F811
                                           valid_registration, tmp_path):
    """The list with reminders and the longest status bar, each section of the form, the
    dialogs of the File, Registration and Sync menus, the lock and the guide."""
    import datetime as dt

    from desa_peduli.services.field import FieldSync
    from desa_peduli.storage.backups import make_backup
    from desa_peduli.ui.drives import Volume
    from desa_peduli.ui.help import close_help, show_help
    from desa_peduli.ui.volunteer.dialogs import DeleteDialog
    from desa_peduli.ui.volunteer.sync import ExportDialog
    from desa_peduli.ui.volunteer.window import MainWindow
    from desa_peduli.ui.workspace_dialogs import ChangePassphraseDialog
    from tests.ui.conftest import person as someone

    session = volunteer
    for serial in range(1, 13):
        session.registrations.save(someone(valid_registration, serial))
    FieldSync(session).export(tmp_path)  # twelve sent, not acknowledged
    for serial in range(13, 27):
        session.registrations.save(someone(valid_registration, serial))
    old = (dt.datetime.now().astimezone() - dt.timedelta(days=12)).isoformat(timespec="seconds")
    session.db.execute("UPDATE change_log SET at = ?", [old])
    session.settings.update({"last_export_at": old, "last_receipt_at": old})
    make_backup(session.workspace, reason="manual")
    window = show(qtbot, MainWindow(session, lock_timeout_ms=0), WINDOW)
    assert window.reminder_banner.isVisible()
    found = clipped(window, "list")

    window.new_action.trigger()  # the real registration form
    form = window.form
    for index in range(5):
        form._go_to_section(index)  # as Alt+1…5 do
        found += clipped(window, f"form section {index + 1}")
    form.signature_radio.click()  # the large signature pad shown
    form._run_validation()
    form._display.show_all = True  # every message under its field, as after "Save"
    form._run_validation()
    found += clipped(window, "form: consent by signature, all messages")
    form._display.show_all = False
    form.flush()
    window.show_list()

    window.select_row(0)
    found += clipped(dialog(qtbot, DeleteDialog("Raden Ajeng Siti Nurhaliza", window)), "delete")
    window.show_history(window.current_id())
    found += clipped(window._dialog, "history")  # the dialog it opened
    window._dialog.done(0)
    window.restore_from_backup()
    found += clipped(window._dialog, "restore")
    window._dialog.done(0)
    found += clipped(dialog(qtbot, ChangePassphraseDialog(session.workspace, window)),
                     "change passphrase")
    exporting = dialog(qtbot, ExportDialog(session, window, volumes=[
        Volume("KINGSTON", tmp_path, 7_000_000_000)]))
    found += clipped(exporting, "export")
    with qtbot.waitSignal(exporting.exported, timeout=20_000):
        exporting.export()
    found += clipped(exporting, "export, done")
    exporting.done(0)
    from desa_peduli.ui.volunteer.sync_control import ReceiptDialog

    receipts = dialog(qtbot, ReceiptDialog(window, volumes=[
        Volume("KINGSTON", tmp_path, 7_000_000_000)]))
    found += clipped(receipts, "receipt: none on the stick")
    receipts.done(0)
    window.sync.show_fingerprints()
    found += clipped(window.sync.dialog, "fingerprints")
    window.sync.dialog.done(0)
    window.lock()
    found += clipped(window, "locked")
    help_window = show_help("export", "volunteer", lang)
    qtbot.waitExposed(help_window)
    found += clipped(help_window, "user guide")
    close_help()
    assert not found, f"clipped in {lang} at {text_scale} %:\n" + "\n".join(found)


def test_nothing_clipped_when_opening_and_in_the_wizard(qtbot, lang, text_scale, workspace_dir,
                                                      tmp_path, branch):
    from desa_peduli.errors import WrongPassphrase
    from desa_peduli.services.branch import BranchService
    from desa_peduli.ui import labels
    from desa_peduli.ui.startup.passphrase import PassphraseDialog
    from desa_peduli.ui.startup.wizard import FirstRunWizard
    from desa_peduli.ui.widgets import show_error

    opening = dialog(qtbot, PassphraseDialog(workspace_dir))
    found = clipped(opening, "passphrase")
    opening._on_worker_failed(WrongPassphrase())  # as a wrong passphrase shows it
    assert labels.error_message(WrongPassphrase()) == opening.error.text()
    found += clipped(opening, "passphrase: wrong")
    show_error(opening.error, "")
    wizard = show(qtbot, FirstRunWizard(tmp_path / "new"))
    welcome = wizard.welcome_page
    found += clipped(wizard, "wizard: welcome")
    enrolment = BranchService(branch).enrol(volunteer_id="RLW-0042", name="Dewi Lestari",
                                            villages=["15.04.05.2003"], target=tmp_path)
    welcome.start_enrolment.setChecked(True)
    welcome.enrolment_chooser.set_path(enrolment)
    found += clipped(wizard, "wizard: enrolment file")
    wizard.next()
    wizard.volunteer_page.name_edit.setText("Dewi Lestari")
    found += clipped(wizard, "wizard: about you")
    wizard.next()
    wizard.passphrase_page.passphrase_edit.setText("kopi")
    found += clipped(wizard, "wizard: passphrase")
    wizard.back()
    wizard.back()
    welcome.role_branch.setChecked(True)
    wizard.next()
    found += clipped(wizard, "wizard: branch office")
    wizard.done_page.set_result("enrolled", "This laptop is enrolled with Kantor Cabang Jambi "
                                "as volunteer RLW-0042.", [
                                    ("This laptop:", "79E1 AE3F F1BC 8175"),
                                    ("Branch office (Kantor Cabang Jambi):",
                                     "121E 8A64 FF67 E08D")])
    wizard.setStartId(wizard.DONE)
    wizard.restart()
    found += clipped(wizard, "wizard: fingerprints")
    assert not found, f"clipped in {lang} at {text_scale} %:\n" + "\n".join(found)


# -- the branch office -----------------------------------------------------------------------
def test_nothing_clipped_at_the_branch_office(qtbot, lang, text_scale, office, branch,  # noqa: F811
                                              tmp_path):
    """Every tab (the review queue's pages too) and the dialogs of the tabs and the File
    menu."""
    from desa_peduli.services.coverage import CoverageService
    from desa_peduli.services.review import DUPLICATE, INVALID, WARNING
    from desa_peduli.ui.branch.dashboard.targets import CoverageTargetDialog
    from desa_peduli.ui.branch.review.batch_accept import BatchAcceptDialog
    from desa_peduli.ui.branch.review.dialogs import CorrectionDialog, DuplicateOfDialog, KpjDialog
    from desa_peduli.ui.branch.volunteer_dialogs import (
        EnrolVolunteerDialog,
        RecoverWorkspaceDialog,
        WriteReceiptDialog,
    )
    from desa_peduli.ui.branch.window import BranchMainWindow
    from desa_peduli.ui.drives import Volume

    window = show(qtbot, BranchMainWindow(branch), WINDOW)
    found = []
    for index in range(window.tabs.count()):
        window.show_tab(index)
        found += clipped(window, f"tab {plain(window.tabs.tabText(index))}")
    review = window.review_view
    window.tabs.setCurrentWidget(review)
    for kind in (DUPLICATE, INVALID, WARNING):
        review.select_kind(kind)
        review._select_item(0)  # as a click on the first row
        found += clipped(window, f"review: {kind}")
    window.tabs.setCurrentWidget(window.dashboard_view)
    qtbot.waitUntil(lambda: window.dashboard_view.dashboard is not None, timeout=20_000)
    found += clipped(window, "coverage")

    volumes = [Volume("KINGSTON", tmp_path, 7_000_000_000)]
    service = window.service
    volunteer_row = service.volunteers()[0]
    reg_id = office["ids"]["clean1"]
    coverage = CoverageService(branch)
    region = coverage.dashboard().children[0]
    for name, widget in (
        ("enrol", EnrolVolunteerDialog(service, window, volumes=volumes)),
        ("receipt", WriteReceiptDialog(service, volunteer_row, window, volumes=volumes)),
        ("recover", RecoverWorkspaceDialog(branch, window)),
        ("correction", CorrectionDialog("Raden Ajeng Siti Nurhaliza", window)),
        ("kpj", KpjDialog("Raden Ajeng Siti Nurhaliza", window)),
        ("duplicate of", DuplicateOfDialog(service, reg_id, window)),
        ("batch accept", BatchAcceptDialog(review.review, window)),
        ("figures", CoverageTargetDialog(coverage, region, window)),
    ):
        found += clipped(dialog(qtbot, widget), name)
        widget.done(0)
    desk = window.handover_desk
    for name, opener in (("hand-over", desk.export), ("KPJ import", desk.import_kpj),
                         ("breach report", desk.breach_report)):
        opened = opener()
        qtbot.waitExposed(opened)
        qtbot.waitUntil(lambda o=opened: not o.running, timeout=10_000)
        found += clipped(opened, name)
        opened.done(0)
    window.show_fingerprint()
    found += clipped(window.dialog, "branch fingerprint")
    window.dialog.done(0)
    window.restore_from_backup()
    found += clipped(window.dialog, "restore")
    window.dialog.done(0)
    assert not found, f"clipped in {lang} at {text_scale} %:\n" + "\n".join(found)
