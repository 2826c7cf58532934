"""A council's and its partners' own papers read for their kind, authority and date: annual reports, a
newsletter's issue, the papers of an improvement board or a safeguarding partnership."""

from reviewer.core.reading.metadata import read_metadata

ANNUAL = """Gorsemoor County Council

Director of Children's Services Annual Report 2024/25

June 2025

Our Ofsted inspection

In February 2025 inspectors visited our services. Inspectors found that social workers know children well.
"""

PARTNERSHIP = """Eddleston Vale Safeguarding Children Partnership

Annual Report 2023-24 (extract)

Published October 2024

Learning from inspection

A joint targeted area inspection took place from 3 to 7 June 2024. Inspectors found strong joint working.
"""

BOARD = """Wyndcaster Children's Services Improvement Board

Minutes of the meeting held on Tuesday 4 March 2025, 10.00am, Wyndcaster House

The Director reported on the second monitoring visit to Wyndcaster, which took place on 4 and 5 February 2025.
"""

NEWSLETTER = """HOLLOWAY BRIDGE COUNCIL NEWS

Issue 17 | May 2024 | News for staff and partners

Inspectors praise Holloway Bridge's work with care leavers

Support for young people leaving care has been praised by Ofsted following a focused visit on 2 and 3 April 2024.
Inspectors found that personal advisers know their young people well.
"""


def test_an_annual_report_is_the_councils_own_paper_dated_by_its_month() -> None:
    m = read_metadata(ANNUAL)
    assert (m.doc_type, m.authority, m.published, m.published_estimated) == (
        "committee report", "Gorsemoor", "2025-06-01", True)
    m = read_metadata(PARTNERSHIP)
    assert (m.doc_type, m.authority, m.published) == ("committee report", "Eddleston Vale", "2024-10-01")
    assert (m.visit_start, m.visit_end) == ("2024-06-03", "2024-06-07")


def test_a_boards_minutes_name_their_place() -> None:
    m = read_metadata(BOARD)
    assert (m.doc_type, m.authority, m.published) == ("committee report", "Wyndcaster", "2025-03-04")
    corporate = read_metadata(BOARD.replace("Wyndcaster Children's Services Improvement Board",
                                            "Corporate Parenting Board").replace("to Wyndcaster,", "to us,"))
    assert corporate.authority is None


def test_a_newsletter_is_dated_by_its_issue() -> None:
    m = read_metadata(NEWSLETTER)
    assert (m.doc_type, m.authority, m.published, m.published_estimated) == (
        "news item", "Holloway Bridge", "2024-05-01", True)
    assert (m.visit_start, m.visit_end) == ("2024-04-02", "2024-04-03")


def test_a_paper_that_tells_its_inspections_grades_in_sentences() -> None:
    told = ANNUAL.replace("Inspectors found that social workers know children well.",
                          "Overall effectiveness was judged to be good. The impact of leaders, help and protection, "
                          "and children in care were all judged good; the experiences of care leavers were judged to "
                          "require improvement.")
    assert dict(read_metadata(told).judgements) == {
        "overall_effectiveness": "good", "impact_of_leaders": "good", "help_and_protection": "good",
        "in_care": "good", "care_leavers": "requires improvement"}
    earlier = ANNUAL.replace("Inspectors found that social workers know children well.",
                             "Help and protection was previously judged inadequate. Children in care were judged "
                             "good.")
    assert not read_metadata(earlier).judgements  # (one grade of this inspection told, one of an earlier)
    last = ANNUAL.replace("Inspectors found that social workers know children well.",
                          "We were last inspected in March 2019, when overall effectiveness was judged good. The "
                          "impact of leaders and help and protection were both judged good. Since then we have grown.")
    assert not read_metadata(last).judgements  # (the sentences that go on telling grades tell the same inspection's)


def test_a_directors_letter_to_councillors_is_the_councils_paper() -> None:
    m = read_metadata("Dear Councillor\n\nOfsted focused visit – Wyndcaster\n\nI am writing to let you know that "
                      "Ofsted carried out a focused visit to our children's services on 23 and 24 January 2024.\n\n"
                      "Kind regards\n\nAnn Dale\nDirector of Children's Services\nWyndcaster Council\n")
    assert (m.doc_type, m.authority, m.visit_start, m.visit_end) == (
        "committee report", "Wyndcaster", "2024-01-23", "2024-01-24")
    assert m.published is None  # (the letter is not dated: not the visit's last day)


def test_a_press_release_names_its_place_by_its_services() -> None:
    for headline, first in (("Holloway Bridge children's services judged 'good' by Ofsted", "Services"),
                            ("Good news for families", "Children's services in Holloway Bridge")):
        m = read_metadata(f"FOR IMMEDIATE RELEASE\n\nTuesday 5 March 2024\n\n{headline}\n\n{first} have been judged "
                          "good by Ofsted following an inspection from 22 January to 2 February 2024.\n")
        assert (m.doc_type, m.authority, m.published) == ("news item", "Holloway Bridge", "2024-03-05"), headline
    m = read_metadata("Press release\n\nTuesday 5 March 2024\n\nOur children's services judged good\n\nThe council's "
                      "children's services have been judged good by Ofsted.\n")
    assert m.authority is None


def test_a_papers_copy_of_the_judgement_table_under_its_own_headers() -> None:
    rows = ("Overall effectiveness\nGood\nImpact of leaders on social work practice with children and families\nGood\n"
            "Experiences and progress of children who need help and protection\nGood\nExperiences and progress of "
            "children in care\nRequires improvement to be good\nExperiences and progress of care leavers\nGood")
    want = {"overall_effectiveness": "good", "impact_of_leaders": "good", "help_and_protection": "good",
            "in_care": "requires improvement", "care_leavers": "good"}
    for header in ("Area of inspection\nOfsted judgement\n", ""):
        paper = ("Wyndcaster Borough Council\n\nReport to: Children's Scrutiny Committee\nDate of meeting: 12 March 2024"
                 f"\n\n1. Judgements\n\n{header}{rows}\n\n2. Next steps\n\n2.1 An action plan will be produced.\n")
        assert dict(read_metadata(paper).judgements) == want, header


def test_grades_a_paper_denies_supposes_or_wishes_for_are_none_it_tells() -> None:
    """A sentence that names judgements and grades without telling the inspection's: what was not so ('neither …
    nor …'), what would follow if ('If … is judged inadequate'), an aim ('Our ambition is that …'), other councils'."""
    from reviewer.core.reading.judgements import told_judgements

    told = "Overall effectiveness was judged to be good; help and protection was judged good."
    assert told_judgements(told) == {"overall_effectiveness": "good", "help_and_protection": "good"}
    for said in ("Neither overall effectiveness nor help and protection was judged good.",
                 "If overall effectiveness is judged inadequate; if help and protection is judged inadequate, the "
                 "Department intervenes.",
                 "Our ambition is that overall effectiveness is judged outstanding; help and protection is judged good "
                 "at the next inspection.",
                 "Councils where overall effectiveness is judged inadequate get support; help and protection is judged "
                 "good in most of them.",
                 "Overall effectiveness was judged good; neither help and protection nor care leavers were judged good."):
        assert told_judgements(said) == {}, said


def test_a_judgement_table_row_with_its_grade_cell_left_empty_lends_no_grade() -> None:
    """A copied table whose leaders' row lost its grade: that row's name runs on into the next row's, whose grade
    was read as the leaders' ('requires improvement'), the help and protection row lost. No row takes another's."""
    from reviewer.core.reading.judgements import read_judgements

    rows = ("Judgement Grade The impact of leaders on social work practice with children and families "
            "The experiences and progress of children who need help and protection Requires improvement to be good "
            "The experiences and progress of children in care Good Overall effectiveness Good")
    assert read_judgements(rows).get("impact_of_leaders") is None
    whole = rows.replace("children and families ", "children and families Good ")
    assert read_judgements(whole) == {"impact_of_leaders": "good", "help_and_protection": "requires improvement",
                                      "in_care": "good", "overall_effectiveness": "good"}


def test_minutes_dated_in_figures_by_their_meeting() -> None:
    from reviewer.core.reading.metadata import read_metadata as read

    minutes = ("Fenbridge Children's Services Improvement Board\nMinutes of the meeting held on {held}\n\nWelcome and "
               "apologies\nThe Chair welcomed members to the meeting.\n\nOfsted monitoring visit\nThe board noted the "
               "letter. Inspectors visited on 23rd & 24th May 2023.\n")
    for held, want in (("14/06/2023", "2023-06-14"), ("14.06.23 at 6pm", "2023-06-14"), ("31/06/2023", None)):
        m = read(minutes.format(held=held))
        assert (m.doc_type, m.published) == ("committee report", want), held
