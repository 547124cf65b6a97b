"""Several files replaced as one set (storage/files.py ``earlier_versions_kept``)."""

from __future__ import annotations

import os
import time

import pytest

from desa_peduli.storage import files


def test_a_failure_puts_every_earlier_version_back(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("old a")
    b.write_text("old b")
    os.utime(b, (1_700_000_000, 1_700_000_000))
    with pytest.raises(OSError), files.earlier_versions_kept() as earlier:
        earlier.set_aside([a, b, tmp_path / "new.csv"])
        a.write_text("new a")  # in place, then the second cannot be written
        raise OSError(28, "No space left on device")
    assert (a.read_text(), b.read_text()) == ("old a", "old b")
    assert b.stat().st_mtime == 1_700_000_000  # its date too
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_what_a_killed_export_set_aside_is_removed_like_its_temporary_files(tmp_path):
    """A hand-over killed between setting the earlier files aside and saving the new ones
    leaves them hidden beside the target: personal data in clear text, which the next
    write into the folder removes once stale, as it does a killed write's temporary file
    (the copy is marked fresh, so the write setting it aside cannot remove it)."""
    old = tmp_path / "serah_15.04.xlsx"
    old.write_text("hand-over of yesterday")
    yesterday = time.time() - 86400
    os.utime(old, (yesterday, yesterday))
    files.EarlierVersions().set_aside([old])  # then the process is killed
    (aside,) = list(tmp_path.iterdir())
    assert files.TEMP_NAME.match(aside.name)
    assert files.remove_stale_temps(tmp_path) == []  # fresh: not yet
    assert files.remove_stale_temps(tmp_path, older_than=0) == [aside]
