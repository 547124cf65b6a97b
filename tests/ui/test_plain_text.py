"""Names from volunteers are shown as typed, never as HTML: in the branch review pane (side
by side duplicates, a registration's details) a name full of tags cannot hide the NIK,
and no label, tooltip or cell quoting user data renders rich text."""

from __future__ import annotations

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from desa_peduli.services.branch import BranchService
from desa_peduli.services.review import DUPLICATE, INVALID
from desa_peduli.ui.branch.review.models import ITEM_NAME
from tests.services.review_fixtures import export, save_as_sent, stick  # noqa: F401
from tests.sync.conftest import person
from tests.ui.branch.review.test_review import choose_kind, open_review, window  # noqa: F401

HIDING = '<b>x</b><span style="display:none">'
SMALL = "<s>Siti</s><font size=0>"
MARKERS = ("<span", "<font", "<s>", "<b>")


def shown(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What Qt puts on screen for ``text``: rich text is rendered, plain text is itself."""
    if fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText
                                         and QtGui.Qt.mightBeRichText(text)):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def label_shows(label: QLabel) -> str:
    return shown(label.text(), label.textFormat())


@pytest.fixture
def office(branch, make_volunteer, stick, valid_registration):  # noqa: F811
    """Rina sends a registration named with hiding tags and one that fails validation;
    Budi sends Rina's NIK again under another tag-laden name: a duplicate pair."""
    rina, budi = make_volunteer("RLW-001"), make_volunteer("RLW-002", "Budi Santoso")
    ids = {"left": save_as_sent(rina, person(valid_registration, 1, full_name=HIDING)),
           "invalid": save_as_sent(rina, person(valid_registration, 4, full_name=HIDING,
                                                phone="12")),
           "right": save_as_sent(budi, person(valid_registration, 1, full_name=SMALL))}
    service = BranchService(branch)
    service.import_bundle(export(rina, stick))
    assert service.import_bundle(export(budi, stick)).duplicates == 1
    return {"ids": ids, "nik": person(valid_registration, 1)["nik"]}


def test_a_tag_laden_name_shows_literally_and_the_nik_stays_visible(qtbot, window, office):  # noqa: F811
    view = open_review(qtbot, window)
    assert view.current_kind() == DUPLICATE
    model = view.comparison_model
    name_row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == HIDING)
    assert model.index(name_row, 2).data() == SMALL
    for column, name in ((1, HIDING), (2, SMALL)):  # the cell's tooltip shows the name as typed
        assert shown(model.index(name_row, column).data(Qt.ItemDataRole.ToolTipRole)) == name
    assert HIDING in shown(view.keep_left_button.toolTip())
    assert SMALL in shown(view.keep_right_button.toolTip())
    assert office["nik"] in label_shows(view.duplicate_intro)
    tip = view.items_model.index(0, ITEM_NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(tip) == f"Same NIK {office['nik']}: {HIDING} and {SMALL}"

    choose_kind(qtbot, view, INVALID)
    intro = view.registration_intro
    assert intro.textFormat() == Qt.TextFormat.PlainText
    nik = window.session.registrations.store.get(view.current_item()["registration_id"])["nik"]
    assert HIDING in label_shows(intro) and f"NIK {nik}" in label_shows(intro)


def test_no_label_with_user_data_renders_rich_text(qtbot, window, office):  # noqa: F811
    view = open_review(qtbot, window)
    seen = []
    for kind in (DUPLICATE, INVALID):
        choose_kind(qtbot, view, kind)
        for label in window.findChildren(QLabel):
            if any(m in label.text() for m in MARKERS):
                seen.append(label)
                assert label_shows(label) == label.text(), label.objectName() or label.text()
    assert view.registration_intro in seen  # the walk did see the names
