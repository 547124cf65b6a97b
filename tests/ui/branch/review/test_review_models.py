"""How the review's comparison words a registration's fields."""


def test_a_birth_date_reads_as_a_date_in_the_comparison():
    """Worked example: 1977-12-29 stored reads "29 Des 1977" in Indonesian and
    "29 Dec 1977" in English beside a duplicate, never the ISO text (issue 13, item 11)."""
    from desa_peduli.domain import words
    from desa_peduli.ui.branch.review.models import field_value
    from desa_peduli.ui.i18n import current_language

    shown = field_value({"birth_date": "1977-12-29"}, "birth_date")
    assert shown == words.format_date("1977-12-29", current_language())
    assert "1977-12-29" not in shown and "1977" in shown and "29" in shown
