"""The printable quick cards (tools/quick_card.py) build: one A4 page per role and language,
with every step's screenshot from the guides, and the shipped cards are there."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def tool(name: str):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(ROOT / "tools"))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("role", ["volunteer", "branch"])
def test_a_card_is_one_page_with_six_screenshots(qapp, tmp_path, role, lang):
    from PySide6.QtPdf import QPdfDocument

    cards = tool("quick_card")
    path = cards.build(role, lang, tmp_path)
    assert path.name == cards.FILE_NAMES[(role, lang)] and path.is_file()
    assert not list(tmp_path.glob(".*.tmp"))  # written whole, then renamed
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    assert document.pageCount() == 1
    text = document.getAllText(0).text()
    document.close()
    card = cards.CARDS[(role, lang)]
    assert " ".join(card.title.split()) in " ".join(text.split())
    for step in card.steps:
        assert step.title in text
    data = path.read_bytes()
    assert len(re.findall(rb"/Subtype\s*/Image", data)) == len(card.steps) == 6
    assert len(data) < 600_000  # printable and small enough to ship


def test_every_step_shows_a_screenshot_the_script_makes():
    shots = tool("screenshots").SHOTS
    cards = tool("quick_card")
    for (_role, lang), card in cards.CARDS.items():
        for step in card.steps:
            assert step.shot in shots, step.shot
            assert (cards.SCREENSHOTS / lang / f"{step.shot}.png").is_file()


def test_the_cards_ship_with_the_guides():
    cards = tool("quick_card")
    for name in cards.FILE_NAMES.values():
        assert (cards.DEFAULT_OUT / name).is_file(), f"{name}: run tools/quick_card.py"
