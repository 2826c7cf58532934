"""Finding anything across the whole library: letters' text, and annotations' quotes, notes and themes.

Each letter's text is folded once for searching (``fold_letter``, slow, run in a worker or
another process; its result is kept on disk by the store), then held compactly in a
``SearchIndex``; a search is then a plain substring scan of every folded letter, tens of
milliseconds for hundreds of letters. Matching is as in the find bar: case, accents, ligatures,
hyphenation, line breaks and curly quotes do not matter.
"""

from __future__ import annotations

import re

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.core.annotations.library import Library
from reviewer.core.reading.furniture import find_furniture
from reviewer.core.reading.outline import furniture_blanked, unit_quote
from reviewer.core.text.textsearch import CompactFold, Folded, fold, fold_query

SNIPPET = 70  # characters of context either side of a hit


@dataclass(frozen=True)
class Hit:
    letter_id: str
    field: str  # "text" | "quote" | "note" | "theme"
    start: int  # offsets of the passage in the letter's text (of the annotation, for its fields)
    end: int
    page: int  # 1-based
    snippet: str
    before: str  # snippet split around the match, for showing it in bold
    match: str
    after: str
    annotation_id: str | None = None


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int  # matches in all, beyond those listed
    letters: int  # letters with a match


FOLDED_AS = "furniture blanked"  # how a kept fold was made: a fold kept before, made otherwise, is made again


def fold_letter(text: str, page_starts: Sequence[int] = ()) -> bytes:
    """The letter folded for searching, as bytes to keep, its running headers, footers and page numbers blanked so
    that a phrase a page break splits is found (a new user's search across a page's foot found nothing)."""
    return CompactFold.of(fold(furniture_blanked(text, find_furniture(text, page_starts)))).to_bytes()


def fold_job(job: tuple[str, Sequence[int]]) -> bytes:
    """``fold_letter`` of (text, page starts): a top-level function, for the processes that fold many letters."""
    return fold_letter(*job)


@dataclass
class _Entry:
    text: str
    page_starts: list[int]
    folded: CompactFold
    furniture: list[tuple[int, int]] | None = None  # running headers and footers (else read at the letter's first hit)

    def page_furniture(self) -> list[tuple[int, int]]:
        if self.furniture is None:
            self.furniture = find_furniture(self.text, self.page_starts)
        return self.furniture


# a symbol font's bullet in a PDF's text (Wingdings' \uf06e): shown as a bullet (a new user's result showed "▯")
_SYMBOL_GLYPH = re.compile("[\uf000-\uf0ff]")


def _read(text: str, a: int, b: int, furniture: list[tuple[int, int]]) -> str:
    """``text[a:b]`` as it reads (``outline.unit_quote``): a running header or footer it crosses left out (a snippet
    across a page's foot had shown the report's footer in the middle of a sentence)."""
    return _SYMBOL_GLYPH.sub("•", unit_quote(text, a, b, furniture)) if a < b else ""


def _split(text: str, start: int, end: int, furniture: list[tuple[int, int]] = ()) -> tuple[str, str, str]:
    a, b = start - SNIPPET, end + SNIPPET
    for s, e in furniture:  # as much context either side as if the furniture were not there
        if a < e <= start:
            a -= e - s
        if end <= s < b:
            b += e - s
    a, b = max(0, a), min(len(text), b)
    if a and text[a - 1 : a].isalnum():  # the context starts and ends at a word's edge, never mid-word ("…diate
        # action": a new user's search, stop 50), unless the word runs on past the match itself
        a = next((i for i in range(a, start) if not text[i - 1].isalnum()), start)
    if b < len(text) and text[b : b + 1].isalnum():
        b = next((i for i in range(b, end, -1) if not text[i].isalnum()), end)
    before = _read(text, a, start, furniture)
    after = _read(text, end, b, furniture)
    return (("…" if a else "") + before + (" " if before and text[start - 1 : start].isspace() else ""),
            _read(text, start, end, furniture),
            (" " if after and text[end : end + 1].isspace() else "") + after + ("…" if b < len(text) else ""))


class SearchIndex:
    def __init__(self) -> None:
        self._letters: dict[str, _Entry] = {}
        self._folds: dict[str, Folded] = {}  # annotations' notes and themes, folded once

    def _fold(self, value: str) -> Folded:
        got = self._folds.get(value)
        if got is None:
            if len(self._folds) > 200_000:
                self._folds.clear()
            got = self._folds[value] = fold(value)
        return got

    def __contains__(self, letter_id: str) -> bool:
        return letter_id in self._letters

    def __len__(self) -> int:
        return len(self._letters)

    def add(self, letter_id: str, text: str, page_starts: list[int], folded: CompactFold,
            furniture: list[tuple[int, int]] | None = None) -> None:
        """``folded``: ``fold_letter(text, page_starts)``; ``furniture``: what that left out, where the caller knows
        (else found again, as it was found for the fold, at the letter's first hit)."""
        self._letters[letter_id] = _Entry(text, list(page_starts), folded, furniture)

    def discard(self, letter_id: str) -> None:
        self._letters.pop(letter_id, None)

    def search(self, query: str, lib: Library, limit: int = 300) -> SearchResult:
        """Every letter's text, then annotations' quotes, notes and themes; letters in library order."""
        q = fold_query(query)
        hits: list[Hit] = []
        total, letters = 0, 0
        if not q:
            return SearchResult([], 0, 0)
        for letter in lib.letters_sorted():
            entry = self._letters.get(letter.id)
            found = 0
            if entry is not None:
                ftext = entry.folded.text
                n = ftext.count(q)
                found += n
                pos = ftext.find(q) if n else -1
                while pos >= 0 and len(hits) < limit:
                    start, end = entry.folded.span(pos, pos + len(q))
                    page = max(0, bisect.bisect_right(entry.page_starts, start) - 1) + 1
                    before, match, after = _split(entry.text, start, end, entry.page_furniture())
                    hits.append(Hit(letter.id, "text", start, end, page, before + match + after, before, match, after))
                    pos = ftext.find(q, pos + len(q))
            for a in lib.annotations_for(letter.id):
                for field, value in (("note", a.note), ("theme", "; ".join(lib.theme_label(t) for t in a.themes)),
                                     ("quote", a.quote if entry is None else "")):
                    if not value:
                        continue
                    folded = self._fold(value)
                    pos = folded.text.find(q)
                    if pos < 0:
                        continue
                    found += 1
                    if len(hits) < limit:
                        s, e = folded.span(pos, pos + len(q))
                        before, match, after = _split(value, s, e)
                        hits.append(Hit(letter.id, field, a.start, a.end, a.page, before + match + after,
                                        before, match, after, a.id))
            total += found
            letters += 1 if found else 0
        return SearchResult(hits, total, letters)
