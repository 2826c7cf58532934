"""How the window says counts, people and dates."""

from __future__ import annotations


def test_a_date_as_the_window_says_it() -> None:
    from reviewer.core.text.words import short_date

    assert short_date("2026-11-29T10:15:00+00:00") == "29 Nov 2026" and short_date("2027-03-01") == "1 Mar 2027"
    assert short_date("") == short_date("soon") == ""
