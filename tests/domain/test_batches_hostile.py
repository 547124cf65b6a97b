"""Batch names and decrees typed by a hostile or careless user (outside review, issue 12)."""

from __future__ import annotations

import pytest

from desa_peduli import reference
from desa_peduli.domain.batches import check_batch


@pytest.mark.parametrize("hidden", ["\u202e", "\u2066", "\u200b", "\x00", "\x1b[2J"])
def test_a_hidden_direction_override_in_a_name_or_decree_is_refused(hidden):
    """``"DUMISAKE\u202e21-7202"`` shows as ``DUMISAKE2027-12`` and turns the rest of every
    line it is printed on (the month in the bill's footer, ``batch list``) backwards: a
    filed bill could show another month. Hidden (format/control) characters are refused;
    the same name without them is accepted."""
    dumisake = reference.funders()["dumisake"]
    for name, ref in ((f"DUMISAKE{hidden}21-7202", "SK 1/2027"), ("DUMISAKE", f"SK{hidden}1")):
        problems = check_batch(dumisake, name, ref, "2027-01", "2027-12", None, 2027)
        assert [p[1] for p in problems] == [
            "The batch name and its decree or agreement cannot hold hidden characters "
            "(such as a text-direction mark); type them again."]
    assert check_batch(dumisake, "DUMISAKE 2027 Tahap 1", "SK 1/2027", "2027-01", "2027-12",
                       None, 2027) == []
    assert check_batch(dumisake, "DUMISAKE\n2027\tTahap 1", "SK 1/2027", "2027-01", "2027-12",
                       None, 2027) == []  # white space is folded to single spaces later
