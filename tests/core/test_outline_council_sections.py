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


JOINT = """Ofsted
Agora
Nottingham NG1 6HJ

3 July 2025

Ann Dale, Director of Children's Services, Ravelin Council
Chief Constable Tom Pike, Ravelin Police
Jo Birch, Chief Executive, Ravelin Integrated Care Board

Joint targeted area inspection of the multi-agency response to children who are victims of domestic abuse in Ravelin

This letter summarises the findings of the joint targeted area inspection of the response in Ravelin.

Headline findings

Partners work well together.

What needs to improve?

- The timeliness of notifications to schools.

Yours sincerely

Ofsted
"""


def test_a_letter_to_several_leaders_that_greets_no_one() -> None:
    parts = [(p.kind, p.title) for p in analyse(JOINT).parts if p.level == 1]
    assert parts[:2] == [("address", "Address and date"), (
        "title", "Joint targeted area inspection of the multi-agency response to children who are victims of "
                 "domestic abuse in Ravelin")]
    assert [k for k, _ in parts[2:]] == ["headline", "improve", "signoff"]
    story = "Ravelin news\n\nMonitoring visit to Ravelin published\n\nOfsted has published its letter.\n"
    assert [p.kind for p in analyse(story).parts][:1] == ["title"]  # (no date above it: no address block)


def test_a_web_pages_links_head_nothing() -> None:
    page = ("Skip to main content\n\nHome > News > Letter published\n\nLetter published\n\nOfsted has published its "
            "letter on the focused visit to Ravelin.\n\nRead the full letter (PDF, 210KB) (https://files.example.org/1)"
            "\n\nRead our plan (Word, 1.2 MB)\n\nFacebook (https://facebook.com) X (https://x.com)\n")
    assert _headings(page) == ["Letter published"]


def test_a_papers_cover_lines_and_its_own_recommendations() -> None:
    paper = ("Brackenfold Council\n\nReport of: Assistant Director, Children's Social Care\n\nBackground\n\nInspectors "
             "found that consent is not always recorded.\n\nRecommendations\n\nThat the Committee notes the progress "
             "made.\n")
    parts = [(p.kind, p.title) for p in analyse(paper).parts]
    assert parts == [("title", "Brackenfold Council"), ("heading", "Background"), ("heading", "Recommendations")]
    story = "Brackenfold News\n\nInspectors praise Brackenfold's work with care leavers\n\nOfsted visited in May.\n"
    assert "Inspectors praise Brackenfold's work with care leavers" in _headings(story)
    assert _headings("Brackenfold Council\n\nInspectors: Ann Dale and Jo Birch\n\nFindings\n\nAll good.\n") == [
        "Brackenfold Council", "Findings"]


def test_a_markdown_reports_judgement_table() -> None:
    from reviewer.core.text.markup import to_plain

    report = to_plain("# Inspection of Brackenfold local authority children's services\n\n| Judgement | Grade |\n"
                      "|---|---|\n| The impact of leaders on social work practice | Good |\n| The experiences and "
                      "progress of children in care | Requires improvement to be good |\n\n## What needs to improve?\n\n"
                      "- The stability of homes.\n").text
    parts = analyse(report).parts
    table = next(p for p in parts if p.kind == "judgements")
    assert report[table.start:table.end].rstrip().endswith("Requires improvement to be good")
    assert [p.kind for p in parts] == ["title", "judgements", "improve"]


def test_a_letter_retyped_with_numbered_sections() -> None:
    letter = ("12 May 2025\n\nDear Ann\n\nFocused visit to Ravelin children's services\n\nThis letter summarises the "
              "findings of the focused visit.\n\n1. Headline findings\n\nLeaders have made progress.\n\n2. What needs "
              "to improve in this area of social work practice?\n\n- The quality of plans.\n- The timeliness of "
              "conferences.\n\n3. Main findings\n\nSocial workers know children well.\n\nYours sincerely\n\nJo Birch\n")
    parts = [(p.kind, p.title) for p in analyse(letter).parts if p.level == 1]
    assert parts[3:] == [("headline", "1. Headline findings"),
                         ("improve", "2. What needs to improve in this area of social work practice?"),
                         ("headline", "3. Main findings"), ("signoff", "Sign-off")]
