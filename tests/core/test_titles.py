"""Readable titles (issue 16, item 8): worked out once, from the metadata, telling twins apart."""

from __future__ import annotations

import dataclasses
import random

from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Letter, LetterMeta
from reviewer.core.annotations.titles import display_titles, file_title, readable_title
from reviewer.core.team.summary import summary_file_stem


def letter(lid: str, source: str, authority: str | None = "Halton", doc_type: str | None = "focused visit",
           published: str | None = "2023-01-18", kind: str = "pdf", **meta: object) -> Letter:
    return Letter(id=lid, title=source.rsplit(".", 1)[0], source=source, kind=kind, pages=3,
                  meta=LetterMeta(authority=authority, doc_type=doc_type, published=published, **meta))  # type: ignore[arg-type]


def test_title_from_the_metadata():
    assert readable_title(letter("a", "halton_2023.pdf")) == "Halton — focused visit — January 2023"
    assert readable_title(letter("a", "e.pdf", "Eastmere", "monitoring visit", "2024-11-19", visit_number=3)) \
        == "Eastmere — monitoring visit 3 — November 2024"
    assert readable_title(letter("a", "x.pdf", published=None, visit_end="2022-12-02")) == "Halton — focused visit — December 2022"
    assert readable_title(letter("a", "x.pdf", doc_type="other", published=None)) == "Halton"
    # a report by its framework, where read
    assert readable_title(letter("a", "d.pdf", "Dorset", "inspection report", "2025-05-09", framework="ilacs short")) \
        == "Dorset — ILACS short inspection — May 2025"
    assert readable_title(letter("a", "d.pdf", "Dorset", "inspection report", "2013-08-09",
                                 framework="looked after children")) \
        == "Dorset — looked after children inspection — August 2013"
    assert readable_title(letter("a", "d.pdf", "Dorset", "inspection report", "2025-05-09")) \
        == "Dorset — inspection report — May 2025"
    # a publication date the PDF only suggests gives way to the visit's month (a new user's report published on 4
    # August read "July 2025", its PDF made on 31 July; stop 48); alone, it is still said
    assert readable_title(letter("a", "g.pdf", "Gloucestershire", "inspection report", "2025-07-31",
                                 published_estimated=True, visit_start="2025-06-09", visit_end="2025-06-20")) \
        == "Gloucestershire — inspection report — June 2025"
    assert readable_title(letter("a", "g.pdf", published="2025-07-31", published_estimated=True)) \
        == "Halton — focused visit — July 2025"
    # nothing known of the authority: the file's name says more than a bare kind and date
    assert readable_title(letter("a", "scan_0042.pdf", authority=None)) == "scan_0042"
    # a title the auditor typed in Letter details is theirs
    named = dataclasses.replace(letter("a", "halton_2023.pdf"), title="Halton, the January letter")
    assert readable_title(named) == "Halton, the January letter"


def test_twins_and_look_alikes_are_told_apart():
    pdf, txt = letter("p", "halton_2023.pdf"), letter("t", "halton_2023.txt", kind="text")
    other = letter("o", "halton_2023_copy.pdf")
    alone = letter("w", "warrington.pdf", "Warrington")
    titles = display_titles([pdf, txt, alone])
    assert titles == {"p": "Halton — focused visit — January 2023", "t": "Halton — focused visit — January 2023 (text)",
                      "w": "Warrington — focused visit — January 2023"}
    titles = display_titles([pdf, txt, other])
    assert titles["t"] == "Halton — focused visit — January 2023 (text)"
    assert titles["p"] == "Halton — focused visit — January 2023 (halton_2023.pdf)"
    assert titles["o"] == "Halton — focused visit — January 2023 (halton_2023_copy.pdf)"
    assert len(set(titles.values())) == 3


def test_the_library_keeps_one_order_and_follows_changes():
    letters = [letter("p", "halton_2023.pdf"), letter("t", "halton_2023.txt", kind="text"),
               letter("o", "halton_2021.pdf", published="2021-05-04"), letter("b", "bury.pdf", "Bury"),
               letter("n", "notes.pdf", authority=None)]
    orders = set()
    for seed in range(5):  # whatever order the file gives the letters in
        random.Random(seed).shuffle(letters)
        lib = Library()
        lib.load(letters, [], [])
        orders.add(tuple(x.id for x in lib.letters_sorted()))
    assert orders == {("b", "o", "p", "t", "n")}
    lib = Library()
    lib.load([letters[0]], [], [])
    only = lib.letters_sorted()[0]
    before = lib.display_title(only.id)
    lib.put_letter(dataclasses.replace(only, meta=dataclasses.replace(only.meta, authority="Knowsley")))
    assert lib.display_title(only.id) != before


def test_names_for_files():
    assert file_title('Halton: "focused" visit / 2023') == "Halton_ _focused_ visit _ 2023"
    lib = Library()
    lib.load([letter("p", "halton_2023.pdf")], [], [])
    assert summary_file_stem(lib, ["p"]) == "Halton — focused visit — January 2023 — audit summary"
    assert summary_file_stem(lib, ["p", "q"]) == "audit summary — 2 letters"  # ("q" not in the library)
    lib.load([letter("p", "halton_2023.pdf"), letter("q", "halton_2019.pdf", published="2019-03-01")], [], [])
    assert summary_file_stem(lib, ["p", "q"]) == "Halton — audit summary — 2 letters"  # one council's two visits
    lib.load([letter("p", "halton_2023.pdf"), letter("q", "knowsley.pdf", "Knowsley")], [], [])
    assert summary_file_stem(lib, ["p", "q"]) == "audit summary — 2 letters"
