"""Hostile or unlucky input up to a letter's size reads in time: no reading's pattern tries again at every
character of a long line (work that grows with the square of the line's length), and what is read is the same."""

from __future__ import annotations

from reviewer.core.reading.outline import analyse
from reviewer.core.text.markup import to_plain

_PAPER = ("# Oakvale Borough Council\n\n## 2. What inspectors found\n\n{long}\n\n| Area for improvement | Our response "
          "| Lead | Due date |\n|---|---|---|---|\n| The quality and timeliness of assessments for children in need | New "
          "assessment template launched | Head of Service | June 2024 |\n\n## 3. Next steps\n\n3.1 Progress will be "
          "reported in September.\n")


def test_a_table_in_lines_is_found_under_a_line_of_figures_with_no_tab() -> None:
    """A Markdown table's rows (a line each, cells a tab apart) are looked for from each line's start, not from every
    character of a line without a tab: a pasted run of 300,000 figures took a minute and a half (a 1,000,000-character
    line most of an hour) before the table under it was read; now a moment."""
    text = to_plain(_PAPER.format(long="1/" * 150_000)).text
    st = analyse(text)
    assert [t.title for t in st.tables] == ["Area for improvement"]


def test_a_passage_of_one_long_number_is_read_at_once() -> None:
    """A run of 100,000 figures with no space (a pasted reference, a corrupt cell) is no child's age ("16- to
    17-year-olds"): its figures were tried as an age at each split of the run, the work growing with the square of
    its length (twenty seconds for this one, hours for a letter's limit)."""
    from reviewer.core.reading import severity
    from reviewer.core.reading.suggest import quote_verdict

    assert quote_verdict("1" * 100_000)[0] is None
    for age in ("16- to 17-year-olds", "16 and 17 year olds", "16-year-olds", "16-17-year-old", "12 year olds"):
        assert severity._NAMING_NUMBER.fullmatch(age), age



class _Walked(list):  # type: ignore[type-arg]
    """A list that counts the walks through it."""
    walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        _Walked.walks += 1
        return super().__iter__()


def test_each_sentence_of_a_letter_of_many_headings_finds_its_part_at_once() -> None:
    """The part a sentence lies in is looked up by halving, not by walking the parts: every sentence of a pasted
    web page of 30,000 headings, each over a sentence, walked every heading before it (minutes of work)."""
    text = to_plain("".join(f"## Area {i} findings\n\nThe work in area {i} is good.\n\n" for i in range(2_000))).text
    st = analyse(text)
    assert len(st.parts) >= 1_900
    st.parts = _Walked(st.parts)
    found = [st.part_at(s) for s, _ in st.units]
    assert _Walked.walks < 10
    assert all(p is not None and p.start <= s < p.end for p, (s, _) in zip(found, st.units))
    assert found[-1] is st.parts[-1] and text[st.units[-1][0]:st.units[-1][1]].endswith("1999 is good.")
    assert st.part_at(0, level=2) is None and st.part_at(-1) is None


def test_a_passage_of_opening_quotation_marks_with_none_closed_is_read_at_once() -> None:
    """Someone's own words in quotation marks are set aside from a finding's words; a passage of 100,000 opening
    marks and no closing one (a corrupt file's) tried a quotation from each to the passage's end: a minute for
    this one, hours for a letter's limit. The quotations set aside are the same."""
    from reviewer.core.reading.severity import quotes_blanked
    from reviewer.core.reading.suggest import quote_verdict

    assert quote_verdict("“" * 100_000)[0] is None
    said = "The director’s motto is ‘context is not an excuse’, and “a longer saying” is “kept”."
    assert quotes_blanked(said) == "The director’s motto is  , and   is “kept”."


def test_a_long_run_of_spaces_or_commas_is_read_at_once() -> None:
    """Paragraphs are looked for from each line's start, and a sentence's closing 'too' from the start of the commas
    or spaces before it: a blank line of 100,000 non-breaking spaces (minutes) and a passage of 100,000 commas
    (twenty seconds) were tried from every one of their characters."""
    from reviewer.core.reading.suggest import quote_verdict

    plain = "Dear Ms Lind\n\nLeaders know their services well.\n\nSupervision is regular.\n"
    for padded in (plain.replace("\n\nSupervision", "\n\n" + "\xa0" * 100_000 + "\n\nSupervision"),
                   plain.replace("\n\nSupervision", "\n" + " " * 100_000 + "Supervision")):
        st = analyse(padded)
        assert [" ".join(padded[s:e].split()) for s, e in st.units][-2:] == [
            "Leaders know their services well.", "Supervision is regular."]
    assert quote_verdict("," * 100_000)[0] is None


def test_a_text_file_of_open_brackets_is_told_from_markdown_at_once() -> None:
    """Whether a text file is Markdown is read from its first 20,000 characters; a Markdown link's words hold no
    bracket of their own, so a run of '[' is tried once, not from each (a second a file, before)."""
    from reviewer.core.text.markup import has_markup

    assert not has_markup("[" * 20_000, "notes.txt")
    assert has_markup("[" * 100 + " see [the letter](https://example.org/a) and [the plan](https://example.org/b)",
                      "notes.txt")
