"""A Markdown or HTML letter is read in time proportional to its length, whatever its marks: an unclosed
tag, an opening '<p' without its '>', a heading ending in a long run of spaces or a pipe-table rule's did
not take seconds but minutes (each mark looked for its end to the end of the letter), and the letter was
stopped after a minute as if it were made to exhaust a reader."""

from __future__ import annotations

import time

import pytest

from reviewer.core.text.markup import has_markup, to_plain

HOSTILE = {
    "unclosed heading tags": "<p>Dear all</p> " + "<h1>heading " * 20000,
    "unclosed bold tags": "<p>Dear all</p> " + "<b>bold " * 30000,
    "unclosed superscripts": "<p>Dear all</p> " + "<sup>x " * 30000,
    "tags never closed with >": "<p>Dear all</p> " + "<p " * 80000,
    "a heading ending in spaces": "# Findings" + " " * 3000 + "y\n",
    "links never closed": "# T\n\n" + "[x](" * 20000,
    "bold never closed": "# T\n\n" + "**a " * 20000,
    "a line of spaces before a dash": "# T\n" + " " * 30000 + "-",
    "list signs over blank lines": "\n" * 20000 + " " * 20000 + "x",
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_marks_are_read_in_bounded_time(name: str) -> None:
    text = HOSTILE[name]
    began = time.perf_counter()
    has_markup(text, "letter.md")
    plain = to_plain(text)
    assert time.perf_counter() - began < 2.0, name  # (each took from 5 seconds to minutes)
    assert plain.text.strip()


def test_marks_still_read_as_before() -> None:
    plain = to_plain("# Findings ##\n\n**Leaders** act; see [the report](https://x.org/r_(1)).\n\n"
                     "| a | b |\n| --- | --- |\n| 1 | 2 |\n\n## C#\n")
    assert plain.text.splitlines()[0] == "Findings"
    assert "Leaders act; see the report" in plain.text
    assert "1\t2" in plain.text
    assert plain.text.rstrip().endswith("C#")  # (a closing sequence follows a space; 'C#' is a name)
    html = to_plain("<p>Dear <b>Ms Fenwick</b>,</p><h2>What needs to improve</h2><p>the 8<sup>th</sup> plan</p>")
    assert html.text.splitlines()[0] == "Dear Ms Fenwick,"
    assert "What needs to improve" in html.text and "the 8th plan" in html.text


def test_a_letters_own_control_marks_are_never_taken_for_the_readings_and_dropped() -> None:
    """The reading sets a link's address aside as "\\x02<n>\\x02" while it reads the marks around it: the same
    characters in a letter's words were taken for one and dropped (an attack, stop 52)."""
    from reviewer.core.text.markup import to_plain

    said = to_plain("Text \x020\x02 here **b** and [the plan](https://example.org/plan)\n").text
    assert said == "Text \x020\x02 here b and the plan (https://example.org/plan)\n"


def test_a_link_around_an_image_reads_as_the_images_words_and_the_links_address() -> None:
    """"[![the chart](chart.png)](https://…)" read as "[the chart](https://…)", as written (an attack, stop 52)."""
    from reviewer.core.text.markup import to_plain

    said = to_plain("See [![the chart](chart.png)](https://example.org/c), and [the plan](https://example.org/p).\n")
    assert said.text == "See the chart (https://example.org/c), and the plan (https://example.org/p).\n"
