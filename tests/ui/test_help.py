"""The user guides and F1: every section F1 can ask for exists in both languages, every
picture and link resolves, the troubleshooting quotes the program's real messages, and
F1 opens the guide at the part about the screen in front."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desa_peduli import errors
from desa_peduli import ui as ui_package
from desa_peduli.sync import bundle, receipt
from desa_peduli.ui import help as guide

ROOT = Path(__file__).resolve().parents[2]
GUIDE_DIR = ROOT / "resources" / "guide"
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")


def guide_text(role: str, lang: str) -> str:
    return (GUIDE_DIR / guide.GUIDE_FILES[(role, lang)]).read_text("utf-8")


GUIDES = sorted(guide.GUIDE_FILES)


@pytest.fixture(autouse=True)
def _no_help_window_left():
    yield
    guide.close_help()


@pytest.fixture
def english(qapp):
    """The interface (and so the guide) in English (the other tests' language is put back
    by tests/ui/conftest.py)."""
    from desa_peduli.ui import i18n

    i18n.install_translator(qapp, "en")


# -- the files ------------------------------------------------------------------------------
def test_the_guides_are_package_resources():
    """Read through importlib.resources, as the installed (frozen) program reads them."""
    for (role, lang), name in guide.GUIDE_FILES.items():
        node = guide.guide_folder() / name
        assert node.is_file(), name
        assert guide.read_guide(role, lang).startswith("# ")
    for name in ("panduan-relawan.md", "panduan-kantor-cabang.md", "guide-volunteer.md",
                 "guide-branch.md"):
        pointer = (ROOT / "docs" / name).read_text("utf-8")
        assert f"../resources/guide/{name}" in pointer  # docs/ points at the one copy


@pytest.mark.parametrize(("role", "lang"), GUIDES)
def test_every_section_f1_asks_for_is_marked(role, lang):
    _markdown, sections, _headings = guide.parse_guide(guide_text(role, lang))
    missing = sorted(set(guide.SECTIONS[role]) - set(sections))
    unknown = sorted(set(sections) - set(guide.SECTIONS[role]))
    assert not missing, f"sections without a <!-- help: … --> marker: {missing}"
    assert not unknown, f"markers F1 never asks for (a typo?): {unknown}"


@pytest.mark.parametrize("role", ["volunteer", "branch"])
def test_both_languages_have_the_same_sections_and_pictures(role):
    found = {}
    for lang in ("id", "en"):
        text = guide_text(role, lang)
        _markdown, sections, _headings = guide.parse_guide(text)
        pictures = [Path(p).name for p in IMAGE.findall(text)]
        found[lang] = (sorted(sections), pictures)
    assert found["id"] == found["en"]


@pytest.mark.parametrize(("role", "lang"), GUIDES)
def test_every_picture_exists_in_its_language(role, lang):
    pictures = IMAGE.findall(guide_text(role, lang))
    assert pictures
    for picture in pictures:
        assert picture.startswith(f"screenshots/{lang}/"), picture
        assert (GUIDE_DIR / picture).is_file(), f"{picture}: run tools/screenshots.py"


def test_every_picture_comes_from_the_screenshot_script():
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        shots = importlib.import_module("screenshots").SHOTS
    finally:
        sys.path.remove(str(ROOT / "tools"))
    used = {Path(p).stem for role, lang in GUIDES for p in IMAGE.findall(guide_text(role, lang))}
    assert used <= set(shots), f"pictures the script does not make: {sorted(used - set(shots))}"
    for lang in ("id", "en"):
        stale = {p.stem for p in (GUIDE_DIR / "screenshots" / lang).glob("*.png")} - set(shots)
        assert not stale, f"screenshots the script no longer makes: {sorted(stale)}"


@pytest.mark.parametrize(("role", "lang"), GUIDES)
def test_every_link_inside_the_guides_resolves(role, lang):
    text = guide_text(role, lang)
    anchors = {name: {a for _l, _t, a in guide.parse_guide(
        (GUIDE_DIR / name).read_text("utf-8"))[2]} for name in guide.GUIDE_FILES.values()}
    own = guide.GUIDE_FILES[(role, lang)]
    for target in LINK.findall(text):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        file, _sep, anchor = target.partition("#")
        file = file or own
        assert file in anchors, f"{own}: link to {target}"
        if anchor:
            assert anchor in anchors[file], f"{own}: no heading for #{anchor}"


# -- troubleshooting from the real messages ---------------------------------------------------
def workspace_messages(lang: str) -> list[str]:
    return [error.message(lang) for error in (
        errors.WrongPassphrase(), errors.WorkspaceLocked("…"), errors.DiskFull("…"),
        errors.WorkspaceDamaged("…"), errors.SchemaTooNew(["…"]))]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_branch_troubleshooting_quotes_every_bundle_refusal(lang):
    text = guide_text("branch", lang)
    index = 0 if lang == "id" else 1
    missing = [reason for reason, texts in bundle.REFUSALS.items() if texts[index] not in text]
    assert not missing, f"refusal reasons missing from the troubleshooting: {missing}"
    for message in workspace_messages(lang):
        assert message in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_volunteer_troubleshooting_quotes_the_real_messages(qapp, lang):
    from desa_peduli.ui import i18n
    from desa_peduli.ui.messages import write_error_message

    text = guide_text("volunteer", lang)
    index = 0 if lang == "id" else 1
    missing = [r for r, texts in receipt.RECEIPT_REFUSALS.items() if texts[index] not in text]
    assert not missing, f"receipt refusals missing: {missing}"
    for message in [*workspace_messages(lang), errors.NotEnrolled().message(lang)]:
        assert message in text
    i18n.install_translator(qapp, lang)
    assert write_error_message(OSError(28, "full"), Path("…")) in text  # the stick


# -- F1 -----------------------------------------------------------------------------------------
def test_slugs_are_githubs():
    assert guide.slugify("Memasang dan membuka Desa Peduli") == "memasang-dan-membuka-desa-peduli"
    assert guide.slugify("Pertama kali: panduan awal") == "pertama-kali-panduan-awal"
    assert guide.slugify("Work & contribution") == "work--contribution"
    assert guide.slugify("A volunteer's **new** laptop") == "a-volunteers-new-laptop"


UI_PACKAGE = Path(ui_package.__file__).parent


def test_dialog_classes_named_for_f1_exist():
    modules = [path.relative_to(UI_PACKAGE).with_suffix("").as_posix().replace("/", ".")
               for path in UI_PACKAGE.rglob("*.py") if path.name != "__init__.py"]
    classes = set()
    for name in modules:
        module = importlib.import_module(f"desa_peduli.ui.{name}")
        classes |= {n for n in dir(module) if isinstance(getattr(module, n), type)}
    assert set(guide.SECTION_BY_CLASS) <= classes
    plain = [s for s in guide.SECTION_BY_CLASS.values() if isinstance(s, str)]
    assert set(plain) <= set(guide.SECTIONS["volunteer"]) | set(guide.SECTIONS["branch"])


def press_f1(qtbot, widget) -> guide.HelpWindow:
    qtbot.keyClick(widget, Qt.Key.Key_F1)
    window = guide.help_window()
    qtbot.waitUntil(window.isVisible)
    return window


def shown_heading(qtbot, window, text: str) -> None:
    """The heading ``text`` is at the top of the guide's view (once laid out)."""
    qtbot.waitUntil(lambda: window.visible_heading() == text, timeout=3000)


def test_f1_on_the_list_and_in_the_form(qtbot, make_window, english):
    window = make_window()
    help_window = press_f1(qtbot, window.table)
    assert (help_window.role, help_window.lang) == ("volunteer", "en")
    assert help_window.section == "list"
    shown_heading(qtbot, help_window, "The list of registrations")
    images = [w for w in help_window._images.values()]  # pictures loaded
    assert images and all(images)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.new_action.trigger()  # the stand-in form: no pages, so the form in general
    help_window = press_f1(qtbot, window.form.name_edit)
    assert help_window.section == "form"
    shown_heading(qtbot, help_window, "Registering a worker")


def test_f1_in_a_modal_dialog_opens_its_section(qtbot, make_window, add_people, english):
    add_people(1)
    window = make_window()
    window.select_row(0)
    window.delete_action.trigger()
    dialog = window._dialog  # the dialog it opened
    qtbot.waitUntil(dialog.isVisible)
    help_window = press_f1(qtbot, dialog.reason_edit)
    assert help_window.section == "delete"
    shown_heading(qtbot, help_window, "Deleting a registration")
    assert dialog.isVisible()  # the dialog stays; the guide is beside it


def test_f1_in_indonesian_opens_the_indonesian_guide(qtbot, qapp, make_window):
    from desa_peduli.ui import i18n

    i18n.install_translator(qapp, "id")
    window = make_window()
    help_window = press_f1(qtbot, window.search_edit)
    assert help_window.lang == "id"
    shown_heading(qtbot, help_window, "Daftar pendaftaran")


def test_help_menu_opens_the_guide(qtbot, make_window, english):
    window = make_window()
    assert window.guide_action.shortcut().toString() == "F1"
    window.guide_action.trigger()
    help_window = guide.help_window()
    qtbot.waitUntil(help_window.isVisible)
    assert help_window.section == "list"


def test_f1_on_the_branch_review_tab(qtbot, branch, english):
    from desa_peduli.ui.branch.window import BranchMainWindow

    window = BranchMainWindow(branch)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.show_tab(window.tabs.indexOf(window.review_view))
    help_window = press_f1(qtbot, QApplication.focusWidget() or window)
    assert (help_window.role, help_window.section) == ("branch", "review")
    shown_heading(qtbot, help_window, "Review")
    window.close()


def test_f1_in_the_wizard(qtbot, tmp_path, english):
    from desa_peduli.ui.startup.wizard import FirstRunWizard

    wizard = FirstRunWizard(tmp_path / "baru")
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    wizard.welcome_page.role_branch.setChecked(True)
    help_window = press_f1(qtbot, wizard.welcome_page.role_branch)
    assert (help_window.role, help_window.section) == ("branch", "first-run")
    shown_heading(qtbot, help_window, "The first start: the branch office's workspace")


def test_links_inside_the_guide_scroll_to_their_heading(qtbot):
    help_window = guide.show_help(None, "volunteer", "en")
    qtbot.waitUntil(help_window.isVisible)
    from PySide6.QtCore import QUrl

    help_window.browser.anchorClicked.emit(QUrl("#backups"))
    shown_heading(qtbot, help_window, "Backups")
    help_window.browser.anchorClicked.emit(QUrl("guide-branch.md#importing-bundles"))
    assert help_window.role == "branch"
    shown_heading(qtbot, help_window, "Importing bundles")
    # the guide left open does not keep the program running once the main window closes
    assert not help_window.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)
