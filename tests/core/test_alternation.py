"""core.text.alternation: a long alternation tried only where it can start finds exactly what it finds as written."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pymupdf
import pytest

from reviewer.core.reading import severity, wording
from reviewer.core.reading.outline import analyse
from reviewer.core.text.alternation import dispatched
from reviewer.letters.pdf_text import pdf_text

SENTENCES = [
    "high caseloads mean that some social workers have to wait for months before supervision",
    "children are not waiting for long; there is no waiting list and take-up is not low",
    "Attendance at child protection conferences by partners is too low and morale remains low.",
    "Leaders recognise that there is more work to do, and further development is required.",
    "It is still to be fully embedded. The service could be improved.",
    "Neither has the council considered the impact on them, which limits their ability to plan.",
    "Few children are placed for adoption; few children experience delay.",
    "The most significant challenge for the service has been the size of caseloads.",
    "",
    "   ",
    "Ümlauts and – dashes — and “quotes” do not trip it: ſtill waiting, KELVIN K",
]


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_the_rules_own_alternations_find_what_they_find_as_written() -> None:
    assert wording._SHORTFALL.pattern != wording._SHORTFALL_AS_WRITTEN  # (dispatched: regrouped)
    assert severity.STILL_TO_DO.pattern != severity._STILL_TO_DO_AS_WRITTEN
    plain_shortfall = re.compile(wording._SHORTFALL_AS_WRITTEN)
    plain_still = re.compile(severity._STILL_TO_DO_AS_WRITTEN, re.I)
    found = 0
    for s in SENTENCES:
        for text in (s, s.lower()):
            assert spans(wording._SHORTFALL, text) == spans(plain_shortfall, text)
            assert spans(severity.STILL_TO_DO, text) == spans(plain_still, text)
            found += len(spans(plain_shortfall, text)) + len(spans(plain_still, text))
    assert found >= 10  # (the sentences do meet the phrases)


def test_order_among_alternatives_at_one_place_is_kept() -> None:
    # at "has to wait", the first alternative that matches wins, as written: not the longest, not the group's
    body = r"ha\w|has to|(?<!not )has to wait|\W*x|[a-c]at|cat"
    for prefix in ("", r"\b"):
        fast, plain = dispatched(body, prefix), re.compile(prefix + "(?:" + body + ")")
        assert fast.pattern != plain.pattern
        for text in ("she has to wait", "not has to wait", "a cat sat on a bat", "—x", "hat"):
            assert spans(fast, text) == spans(plain, text)


def test_case_blind_alternatives_dispatch_on_either_case() -> None:
    body = r"still to do|More work|[A-C]rea"
    fast, plain = dispatched(body, r"\b", re.I), re.compile(r"\b(?:" + body + ")", re.I)
    for text in ("STILL TO DO", "more WORK", "an area", "AREA", "Brea"):
        assert spans(fast, text) == spans(plain, text) != []


def test_what_it_cannot_regroup_is_compiled_as_written() -> None:
    assert dispatched(r"(a)|b").pattern == r"(?:(a)|b)"  # a capturing group: numbering would change


def test_an_alternative_that_can_match_nothing_is_tried_everywhere() -> None:
    body = r"ab|x*|q|\d+a"  # (and one that starts with any digit: tried everywhere too)
    fast, plain = dispatched(body), re.compile("(?:" + body + ")")
    assert fast.pattern != plain.pattern
    for text in ("ab", "zzq", "xxab", "", "12a"):
        assert spans(fast, text) == spans(plain, text)


def test_on_the_corpus_the_phrases_are_found_where_they_were() -> None:
    """Every unit of eight development reports: the same spans found as by the phrases as written."""
    root = Path(__file__).resolve().parents[2]
    corpus = root.parent / "shared" / "corpus" / "reports"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not here")
    split = json.loads((root / "bench" / "corpus_split.json").read_text(encoding="utf-8"))
    shortfall = re.compile(wording._SHORTFALL_AS_WRITTEN)
    still = re.compile(severity._STILL_TO_DO_AS_WRITTEN, re.I)
    units = found = 0
    for name in split["development"][::12][:8]:
        with pymupdf.open(corpus / name) as doc:
            text, starts = pdf_text(doc)
        for s, e in analyse(text, starts).units:
            unit = " ".join(text[s:e].split())
            low = unit.lower()
            assert spans(wording._SHORTFALL, low) == spans(shortfall, low), (name, s)
            assert spans(severity.STILL_TO_DO, unit) == spans(still, unit), (name, s)
            units += 1
            found += bool(shortfall.search(low))
    assert units > 1000 and found > 20


def test_a_dispatched_regex_is_compiled_when_first_used_not_when_its_module_is_imported(monkeypatch) -> None:
    """The rules' longest patterns cost about 0.1 s to compile: made at import they held the window's start
    (bench_startup, 20,000 annotations, 1.22 -> 1.12 s); made when first used, the reading thread pays it."""
    from reviewer.core.text import alternation

    made = []
    real = alternation._dispatched
    monkeypatch.setattr(alternation, "_dispatched", lambda *a: made.append(a) or real(*a))
    rx = dispatched("waiting list|waiting for|wait", r"\b")
    assert made == []
    assert rx.search("they wait for months").group() == "wait"
    assert rx.findall("a waiting list, waiting for") == ["waiting list", "waiting for"]
    assert rx.pattern.startswith(r"\b(?:") and len(made) == 1  # compiled once, then kept
