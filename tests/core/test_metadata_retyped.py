"""Metadata of documents an auditor meets that Ofsted did not lay out itself: letters retyped by a council with
their dates in figures or joined by an ampersand, and the council's own papers."""

from reviewer.core.reading.metadata import read_metadata

LETTER = """Ofsted
Agora
6 Cumberland Place
Nottingham NG1 6HJ

{dated}

Petra Lind
Director of Children's Services
Quarrydown Council

Dear Petra

Monitoring visit to Quarrydown children's services

This letter summarises the findings of the monitoring visit to Quarrydown children's services on {visit}. This
was the second monitoring visit since the local authority was judged inadequate in May 2022. His Majesty's
Inspectors for this visit were Orla Quennell and Tobias Reyes.

Headline findings

Leaders have made steady progress, although too many children still wait for a strategy discussion.

Yours sincerely

Orla Quennell
His Majesty's Inspector
"""


def test_visit_days_joined_by_an_ampersand() -> None:
    m = read_metadata(LETTER.format(dated="20th December 2022", visit="23rd & 24th November 2022"))
    assert (m.published, m.visit_start, m.visit_end) == ("2022-12-20", "2022-11-23", "2022-11-24")


def test_a_letter_retyped_with_its_dates_in_figures() -> None:
    m = read_metadata(LETTER.format(dated="15/12/2022", visit="23-24/11/2022"))
    assert (m.doc_type, m.authority, m.visit_number) == ("monitoring visit", "Quarrydown", 2)
    assert (m.published, m.visit_start, m.visit_end) == ("2022-12-15", "2022-11-23", "2022-11-24")
    m = read_metadata(LETTER.format(dated="15/12/2022", visit="22/11/2022 to 24/11/2022"))
    assert (m.visit_start, m.visit_end) == ("2022-11-22", "2022-11-24")
    m = read_metadata(LETTER.format(dated="31/02/2022 15/12/2022", visit="23-24/11/2022"))
    assert m.published == "2022-12-15"  # (no 31st of February: the next date that is one)


def test_dates_written_as_people_write_them() -> None:
    for dated, visit, want in (
            ("20th of December 2022", "the 23rd and 24th of November 2022", ("2022-12-20", "2022-11-23", "2022-11-24")),
            ("20 Dec 2022", "23 & 24 Nov 2022", ("2022-12-20", "2022-11-23", "2022-11-24")),
            ("20.12.2022", "23.11.2022 and 24.11.2022", ("2022-12-20", "2022-11-23", "2022-11-24")),
            ("20/12/22", "23/11/22 - 24/11/22", ("2022-12-20", "2022-11-23", "2022-11-24")),
            ("15.12.22", "23-24.11.22", ("2022-12-15", "2022-11-23", "2022-11-24"))):
        m = read_metadata(LETTER.format(dated=dated, visit=visit))
        assert (m.published, m.visit_start, m.visit_end) == want, (dated, visit)


def test_a_year_in_figures_no_letter_is_written_in_gives_no_date() -> None:
    """A slip of the keys in a year ("0022", "202") names no day: the letter's date is read from where it is
    written well, or not at all, never as the year 22 or 202."""
    m = read_metadata(LETTER.format(dated="15/12/0022", visit="23-24/11/2022"))
    assert (m.published, m.visit_start, m.visit_end) == (None, "2022-11-23", "2022-11-24")
    m = read_metadata(LETTER.format(dated="15/12/2022", visit="23/11/0022 to 24/11/0022"))
    assert (m.published, m.visit_start, m.visit_end) == ("2022-12-15", None, None)
    m = read_metadata(LETTER.format(dated="15/12/2022", visit="23/11/202 to 24/11/202"))
    assert (m.visit_start, m.visit_end) == (None, None)
    assert read_metadata(LETTER.format(dated="Date: 15/12/0022", visit="23-24/11/2022")).published is None
    m = read_metadata(LETTER.format(dated="29/02/2023", visit="23-24/11/2022"))  # (no 29th of February in 2023)
    assert m.published is None


def test_a_visit_said_to_end_before_it_starts() -> None:
    """Two days written the wrong way round are the visit's, in order; a range a slip made a year or more long
    backwards gives no dates rather than wrong ones."""
    for visit in ("24-23/11/2022", "24th and 23rd November 2022"):
        m = read_metadata(LETTER.format(dated="15/12/2022", visit=visit))
        assert (m.visit_start, m.visit_end) == ("2022-11-23", "2022-11-24"), visit
    for visit in ("23/11/2022 to 24/11/2021", "23 November 2022 to 24 November 2021"):
        m = read_metadata(LETTER.format(dated="15/12/2022", visit=visit))
        assert (m.published, m.visit_start, m.visit_end) == ("2022-12-15", None, None), visit


def test_a_visit_whose_days_are_listed_runs_from_the_first_to_the_last() -> None:
    """A visit of three days written out ("on 23, 24 and 25 November 2022", "23rd & 24th & 25th November 2022") had no
    dates: only two days joined by "and", "&" or "to" were read."""
    for visit in ("23, 24 and 25 November 2022", "23rd, 24th and 25th November 2022", "23rd & 24th & 25th November 2022",
                  "Wednesday 23, Thursday 24 and Friday 25 November 2022"):
        meta = read_metadata(LETTER.format(dated="2 December 2022", visit=visit))
        assert (meta.visit_start, meta.visit_end) == ("2022-11-23", "2022-11-25"), visit
    meta = read_metadata(LETTER.format(dated="2 December 2022", visit="30 November and 1 December 2022"))
    assert (meta.visit_start, meta.visit_end) == ("2022-11-30", "2022-12-01")
