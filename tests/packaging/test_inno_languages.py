"""The Windows installer speaks Indonesian (Inno Setup's Indonesian.isl) and English: the
script is read here, as ISCC cannot run on this machine."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "windows" / "desa-peduli.iss"
BUILD = ROOT / "packaging" / "build-windows.ps1"
# messages every Inno Setup language file carries ([CustomMessages] of Default.isl)
STANDARD = {"CreateDesktopIcon", "AdditionalIcons", "LaunchProgram"}


def section(text: str, name: str) -> list[str]:
    match = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", text, re.M | re.S)
    assert match, name
    return [line for line in match.group(1).splitlines() if line and not line.startswith(";")]


def test_indonesian_comes_first_from_the_compilers_language_file():
    text = SCRIPT.read_text(encoding="utf-8")
    languages = section(text, "Languages")
    assert languages[0] == 'Name: "indonesian"; MessagesFile: "{#IndonesianIsl}"'
    assert languages[1] == 'Name: "english"; MessagesFile: "compiler:Default.isl"'
    # the compiler's own copy is preferred; the fallbacks follow in order
    chosen = re.findall(r'#define IndonesianIsl (.+)', text)
    assert chosen[0] == '"compiler:Languages\\Indonesian.isl"'
    assert "Unofficial" in chosen[1] and "SourcePath" in chosen[2]
    assert "#error" in text  # no silent English-only installer
    assert "ShowLanguageDialog=auto" in text and "LanguageDetectionMethod=uilanguage" in text


def test_every_custom_message_is_in_both_languages():
    text = SCRIPT.read_text(encoding="utf-8")
    used = set(re.findall(r"\{cm:(\w+)", text))
    custom = section(text, "CustomMessages")
    for name in used - STANDARD:
        for language in ("indonesian", "english"):
            assert any(line.startswith(f"{language}.{name}=") for line in custom), (language, name)


def test_the_build_fetches_the_language_file_at_a_pinned_commit():
    text = BUILD.read_text(encoding="utf-8")
    commit = re.search(r'\$islCommit = "([0-9a-f]{40})"', text)
    assert commit, "Indonesian.isl must come from a pinned commit"
    assert "jrsoftware/issrc/$islCommit/Files/Languages/Unofficial/Indonesian.isl" in text
    assert "/packaging/windows/Indonesian.isl" in (ROOT / ".gitignore").read_text()
