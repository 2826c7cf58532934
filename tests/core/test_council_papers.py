"""A council's own papers about an inspection, in the shapes councils print them: a board's paper with its cover
lines, a briefing note to members that copies the judgements, an improvement plan and a self-evaluation dated by
their month, an email to all members, a cabinet paper headed by its meeting, minutes, a paper whose meeting date
has no year; and a letter's page whose web title runs into its address block. Each reads as the paper it is, of
its own council, on its own date. Fictional councils, wording of our own."""

from __future__ import annotations

from reviewer.core.annotations.codebook import default_themes
from reviewer.core.reading.metadata import read_metadata
from reviewer.core.reading.outline import analyse
from reviewer.core.reading.suggest import suggest

BOARD_PAPER = """Meeting of: Corporate Parenting Board
Date: Thursday 9 March
Report date: March 2023
Report from: Head of Children in Care, Dunholm County Council

Title: Children in care since the 2017 inspection

1.1 In the inspection carried out from 16 January to 9 February 2017, inspectors said that plans for
permanence were made in good time, but that too few care leavers had helped to write their pathway plans.
"""


def test_a_boards_paper_is_a_committee_report_dated_by_its_meeting_in_the_year_it_fits() -> None:
    # ("inspectors said" had made it a story of an inspection, a news item, undated; 9 March was a Thursday in
    # 2017 and in 2023: a paper is written after what it tells of)
    m = read_metadata(BOARD_PAPER)
    assert (m.doc_type, m.authority, m.published, m.published_estimated) == (
        "committee report", "Dunholm", "2023-03-09", True)
    assert (m.visit_start, m.visit_end) == ("2017-01-16", "2017-02-09")


BRIEFING = """STANMERE COUNTY COUNCIL — Children, Families and Learning

Briefing note for Elected Members

Date: 04/01/2016

1. Ofsted inspected Stanmere's services for children in need of help and protection, children looked
after and care leavers between 1 and 24 September 2015.

2. The judgements were:

Overall effectiveness
Requires
improvement

Children who need help and protection
Requires
improvement

Children looked after and achieving permanence Good

Adoption performance
Good

Leadership, management and governance
Requires improvement

3. Inspectors said that adoption is a strength.
"""


def test_a_briefing_note_names_its_council_in_capitals_and_copies_the_judgements_overall_row_first() -> None:
    m = read_metadata(BRIEFING)
    assert (m.doc_type, m.authority, m.published) == ("committee report", "Stanmere", "2016-01-04")
    assert dict(m.judgements) == {"overall_effectiveness": "requires improvement",
                                  "help_and_protection": "requires improvement", "in_care": "good",
                                  "adoption": "good", "impact_of_leaders": "requires improvement"}


def test_an_improvement_plan_and_a_self_evaluation_are_the_councils_papers_dated_by_their_month() -> None:
    plan = read_metadata("Kestrelford County Council\n\nChildren's Services Improvement Plan 2024–2026\n\n"
                         "Version 3.2 — January 2025\n\n1.1 This plan sets out how we will respond to the inspection "
                         "carried out from 4 to 15 March 2024, which judged overall effectiveness to be inadequate.\n")
    assert (plan.doc_type, plan.authority, plan.published, plan.published_estimated) == (
        "committee report", "Kestrelford", "2025-01-01", True)  # (had read as "other": nothing read at all)
    assert (plan.visit_start, plan.visit_end) == ("2024-03-04", "2024-03-15")
    own = read_metadata("Winterbourne Vale Council — Children's Services\n\nSelf-evaluation of social work practice, "
                        "January 2025\n\nWe were last inspected in March 2019, when overall effectiveness was judged "
                        "good. Since then we have had two focused visits.\n")
    assert (own.doc_type, own.authority, own.published) == ("committee report", "Winterbourne Vale", "2025-01-01")
    dated = read_metadata("Torrisholme Borough Council\n\nChildren's Services Overview and Scrutiny Committee\n\n"
                          "Date: January 2024\n\nProgress since the joint targeted area inspection.\n")
    assert (dated.published, dated.published_estimated) == ("2024-01-01", True)


EMAIL = """From: Director of Children's Services
Sent: Tuesday, 4 January 2022 09:14
To: All Members
Subject: Ofsted focused visit – letter published today

Dear Councillor

I am writing to let you know that Ofsted has today published its letter following the focused visit to our
children's services on 23 and 24 November 2021. The visit looked at our front door.

The inspectors found that children receive a timely and proportionate response when concerns are first raised,
and that partners understand thresholds well. They found that return home interviews for children who go missing
are not completed quickly enough.

I will bring a full report to the Scrutiny Committee in February.

Kind regards

Delia Fothergill
Director of Children's Services
Brackley Heath Borough Council
"""


def test_an_email_to_members_is_the_councils_paper_and_its_body_is_read() -> None:
    m = read_metadata(EMAIL)  # (had read as a focused visit of no council)
    assert (m.doc_type, m.authority, m.published) == ("committee report", "Brackley Heath", "2022-01-04")
    assert (m.visit_start, m.visit_end) == ("2021-11-23", "2021-11-24")
    st = analyse(EMAIL)
    body = EMAIL.index("I am writing")
    assert st.part_at(body).kind == "heading"  # its words, not the salutation's: nothing was suggested from it
    found = {EMAIL[s.start:s.end][:40] for s in suggest(EMAIL, default_themes())}
    assert "The inspectors found that children recei" in found


def test_a_letter_whose_body_is_under_headings_keeps_its_opening_with_the_salutation() -> None:
    letter = ("Dear Ms Rowe\n\nMonitoring visit to Sallowby children's services\n\nThis letter summarises the "
              "findings of the monitoring visit.\n\nHeadline findings\n\nLeaders have acted decisively.\n\n"
              "Yours sincerely\n\nA Inspector\n")
    assert "Letter" not in [p.title for p in analyse(letter).parts]


CABINET = """Hollinford Metropolitan Borough Council

Cabinet — 12 March 2024 — Agenda item 7

1. Ofsted inspected the council's children's services between 27 November and 8 December 2023. The report was
published on 24 January 2024.
"""


def test_a_cabinet_paper_is_dated_by_its_meeting_not_by_a_sentence_the_page_wrapped() -> None:
    m = read_metadata(CABINET)
    assert (m.doc_type, m.authority, m.published) == ("committee report", "Hollinford", "2024-03-12")
    report = read_metadata("Report published: 3 May 2015\n\nInspection of services for children in need of help "
                           "and protection, children looked after and care leavers\n")
    assert report.published == "2015-05-03"  # a label is still a label


def test_minutes_are_dated_by_the_meeting_they_record() -> None:
    m = read_metadata("CITY OF LOWTHER COUNCIL\n\nMinutes of the meeting of the Children's Services Scrutiny "
                      "Committee held on Wednesday 14th June 2023 at 6.00 pm in the Council Chamber\n\n14. Ofsted "
                      "monitoring visit\n\nThe Director presented a report on the monitoring visit to Lowther "
                      "children's services, which took place on 18 and 19 April 2023.\n")
    assert (m.doc_type, m.authority, m.published) == ("committee report", "Lowther", "2023-06-14")
    assert (m.visit_start, m.visit_end) == ("2023-04-18", "2023-04-19")


def test_a_letters_web_title_running_into_its_address_block_is_not_its_council() -> None:
    page = ("Focused visit to Pellingham\n\nOfsted\nPiccadilly Gate\nStore Street\nManchester M1 2WD\n\n2 April 2024"
            "\n\nTomasz Wren\nDirector of Children's Services\nRoyal Borough of Pellingham\n\nDear Tomasz\n\n"
            "Focused visit to the Royal Borough of Pellingham children's services\n\nThis letter summarises the "
            "findings of the focused visit to the Royal Borough of Pellingham children's services on 27 and 28 "
            "February 2024. His Majesty's Inspectors for this visit were Carys Leventhorpe and Matthew Obi.\n")
    m = read_metadata(page)
    assert (m.doc_type, m.authority, m.published) == ("focused visit", "Pellingham", "2024-04-02")


def test_a_paper_is_titled_by_its_own_month_even_estimated_not_by_the_visit_it_tells_of() -> None:
    from reviewer.core.annotations.model import Letter
    from reviewer.core.annotations.titles import readable_title

    letter = Letter(id="a" * 64, title="board", source="board.docx", kind="docx", pages=1,
                    meta=read_metadata(BOARD_PAPER))
    assert readable_title(letter) == "Dunholm — committee report — March 2023"


PROGRESS_PAPER = """Fenbridge Borough Council

Report to: Children's Services Overview and Scrutiny Panel

Date: 3 October 2024

Title: Our response to the Ofsted visit

1. Purpose

1.1 It outlines the steps our teams have taken since the visit and the progress we have made with partners.

2. The visit

2.1 Ofsted visited Fenbridge in June 2024 and looked at the help given to care leavers.

2.2 The letter also draws attention to several areas where the service must get better.

2.3 Inspectors praised the personal advisers, who stay in touch with young people.

2.4 They also said that pathway plans are not routinely updated when a young person moves home.

2.5 The Director said that staff worked hard during the visit.

2.6 She also said that the team is proud of its work.
"""


def test_a_council_papers_pointers_and_the_inspectors_relayed_words() -> None:
    """An earlier helper's invented papers (h25): a paper telling of itself in the council's voice ("It outlines
    ... the progress we have made") was a strength; the letter said to point at areas to improve, naming none, was a
    strength on "better"; and what inspectors went on to say, as "They also said that ...", was left out as someone
    else's words. Now the first two are context and the third is the inspectors' finding; what the council's own
    director goes on to say is still hers."""
    found = {x.quote: x for x in suggest(PROGRESS_PAPER, default_themes(), [])}
    assert not any("progress we have made" in q for q in found), list(found)
    assert not any("draws attention" in q for q in found), list(found)
    relayed = next((x for q, x in found.items() if "pathway plans are not routinely updated" in q), None)
    assert relayed is not None and relayed.severity == "improvement", list(found)
    assert not any("proud of its work" in q for q in found), list(found)
