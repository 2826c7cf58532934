"""A council's or a board's paper outlined by its own sections: minutes numbered by item with prose under each
item, and headings that name a financial year."""

from reviewer.core.reading.outline import analyse

MINUTES = """Ashbourne Vale Children's Services Improvement Board

Minutes of the meeting held on Monday 3 March 2025

1. Welcome and apologies

The Chair welcomed members. Apologies were received from the adviser.

2. Ofsted monitoring visit, February 2025

The Director reported on the third monitoring visit. Inspectors found that plans are still too variable.

Members asked how many children were affected.

3. Date of next meeting

Monday 7 April 2025.
"""

LIST = """What needs to improve?

1. The quality of plans

2. Management oversight

Inspectors found that plans are too variable.

3. Supervision
"""


def _headings(text: str) -> list[str]:
    return [p.title for p in analyse(text).parts if p.level == 1]


def test_minutes_items_head_their_sections() -> None:
    assert _headings(MINUTES) == ["Ashbourne Vale Children's Services Improvement Board", "1. Welcome and apologies",
                                  "2. Ofsted monitoring visit, February 2025", "3. Date of next meeting"]


def test_a_numbered_list_is_no_run_of_sections() -> None:
    assert "1. The quality of plans" not in _headings(LIST)


def test_a_heading_may_name_a_financial_year() -> None:
    text = "Brackenfold Council\n\nForeword\n\nWe did well this year.\n\nOur priorities for 2025/26\n\nWe will " \
           "improve plans.\n\n4. Priorities for 2025-26\n\nNeglect.\n\n5. Contacts\n\nThe team.\n"
    assert "Our priorities for 2025/26" in _headings(text) and "4. Priorities for 2025-26" in _headings(text)
    assert "Published 2024-03-22" not in _headings("Brackenfold Council\n\nPublished 2024-03-22\n\nWe did well.\n")
