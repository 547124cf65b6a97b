"""The validation fast paths decide as the
validation before them (commit e274bf5) did: that domain/validation.py is loaded from git as a second module
and both judge the same records (names and text fields with hostile characters)."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

from desa_peduli.domain import validation

ROOT = Path(__file__).resolve().parents[2]
BEFORE = "e274bf5"  # the validation before its fast paths (kept in the history)

NAMES = ["Siti Aminah", "Nur'aini", "Abd. Rahman", "A", "-", "..", "’", "' - .", "Siti2",
         "²Siti", "Siti ١٢", "Ⅻ", "Ｓｉｔｉ", "Dévi", "De\u0301vi", "\u0301", "ß", "ǅ", "Siti\u200b",
         "Siti\tAminah", "  Siti   ", "Siti_Aminah", "Siti/Aminah", "Σίτη", "सीता", "李",
         "Siti\x00", "\u00a0Siti", "S" * 101, "A-", "O'Neil, Jr.", "", "   ", 7, 7.0, None,
         ["Siti"], True]
TEXTS = ["Jalan Pasar", "  a \n b ", "\u2028", "\x85x", "", " ", "\u3000", None, 3, 3.5,
         float("nan"), True, b"x", {"a": 1}]


@pytest.fixture(scope="module")
def old():
    source = subprocess.run(["git", "-C", str(ROOT), "show",
                             f"{BEFORE}:desktop/desa_peduli/domain/validation.py"],
                            capture_output=True, text=True, check=True).stdout
    module = types.ModuleType("desa_peduli.domain._validation_before")
    module.__file__ = "validation_main.py"
    sys.modules[module.__name__] = module
    try:
        exec(compile(source, module.__file__, "exec"), module.__dict__)
        yield module
    finally:
        del sys.modules[module.__name__]


def _judge(module, data, ctx):
    result = module.validate(data, ctx)
    return sorted((p.field, p.code, p.message) for p in result.problems), result.values


@pytest.mark.parametrize("field_name", ["full_name", "heirs"])
def test_names_are_judged_as_before_the_fast_paths(old, session, valid_registration,
                                                   field_name):
    ctx = session.registrations.context(require_signature_image=False)
    for name in NAMES:
        data = dict(valid_registration)
        if field_name == "full_name":
            data["full_name"] = name
        else:
            data["heirs"] = [{**valid_registration["heirs"][0], "name": name}]
        assert _judge(validation, data, ctx) == _judge(old, data, ctx), repr(name)


@pytest.mark.parametrize("field_name", ["street", "work_location", "birth_place", "rt"])
def test_text_fields_are_judged_as_before_the_fast_paths(old, session, valid_registration,
                                                         field_name):
    ctx = session.registrations.context(require_signature_image=False)
    for text in TEXTS:
        data = {**valid_registration, field_name: text}
        assert _judge(validation, data, ctx) == _judge(old, data, ctx), repr(text)
    assert validation._text("  a \n b ") == old._text("  a \n b ") == "a b"
    assert validation._blank("\u3000") == old._blank("\u3000") is True
