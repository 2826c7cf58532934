"""Copy gives a passage as it reads (core.text.copying): a paragraph's lines joined, a page's furniture left out."""

from __future__ import annotations

from reviewer.core.text.copying import as_copied


def _all(text: str, furniture: list[tuple[int, int]] | None = None) -> str:
    return as_copied(text, 0, len(text), furniture or [])


def test_a_sentence_set_over_lines_is_one_line():
    """A new user triple-clicked a sentence set over two lines, pressed Ctrl+C and pasted it into a note: it read
    as the page's two lines, broken where the page broke it."""
    assert _all("Leaders know their services\nwell and act on what they\nfind.") == \
        "Leaders know their services well and act on what they find."


def test_a_word_broken_at_a_hyphen_is_whole_and_paragraphs_stay_apart():
    text = "Plans are reviewed in a self-\nassessment each year.\n\nA second paragraph\nstarts here."
    assert _all(text) == "Plans are reviewed in a self-assessment each year.\nA second paragraph starts here."


def test_a_paragraph_over_a_page_break_leaves_the_footer_out():
    before = "Managers check the work of\nthe team every"
    footer = "\n\nPage 4 of 9\n\n"
    text = before + footer + "month and record it.\n\nNext point."
    start = len(before)
    furniture = [(start + 2, start + len(footer) - 2)]
    assert _all(text, furniture) == "Managers check the work of the team every month and record it.\nNext point."


def test_part_of_a_line_is_as_it_is_and_nothing_is_nothing():
    text = "One line of words."
    assert as_copied(text, 4, 8) == "line"
    assert as_copied(text, 5, 5) == ""


def test_a_private_bullet_and_a_ligature_paste_as_a_reader_reads_them():
    text = "\uf06e The plan is clear.\n\n\uf06e The \ufb01ndings are shared."
    assert _all(text) == "• The plan is clear.\n• The findings are shared."


def test_a_table_keeps_its_rows():
    text = "Area\tGrade\nHelp\tGood\nCare\tGood"
    assert _all(text) == text
