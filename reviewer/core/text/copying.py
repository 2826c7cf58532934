"""What Copy puts on the clipboard: a passage as it reads, not as the page breaks it.

A letter's text keeps the lines the page set (a sentence broken over three lines is three lines, a word
hyphenated at a line's end keeps its hyphen and the break) and, between pages, the running header, footer and
page number. Pasted into a note or a Word document, a quote copied as that reads as the page's lines, not as the
sentence: a paragraph's lines are joined with a space here, a word broken at a hyphen is joined whole (its hyphen
kept: "self-\\nassessment" is "self-assessment"), a paragraph broken by a page break is one paragraph, the page's
furniture between its halves left out, and paragraphs stay apart, one a line, as do a table's rows. A bullet a PDF set in a symbol
font's private character (which pastes as a box) is a bullet, and a ligature its letters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewer.core.text.documents import LIGATURES

_BLOCK_BREAK = re.compile(r"[ \t]*\n[ \t]*(?:\n\s*)+")  # a blank line (or more) between blocks
_HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\n[ \t]*(?=\w)")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_SPACES = re.compile(r" {2,}")
_PRIVATE_BULLET = re.compile(r"(^|(?<=\s))[\ue000-\uf8ff](?=\s)")  # a symbol font's glyph standing alone
_LIGATURES = str.maketrans(LIGATURES)


def _without(text: str, start: int, end: int, furniture: Sequence[tuple[int, int]]) -> str:
    """``text[start:end]`` with the furniture inside it left out (a line break where it stood)."""
    pieces, at = [], start
    for s, e in sorted(furniture):
        if e <= at or s >= end:
            continue
        pieces.append(text[at:max(at, s)])
        at = max(at, min(end, e))
    pieces.append(text[at:end])
    return "\n".join(pieces)


def _continues(before: str, after: str) -> bool:
    """Whether the block ``after`` goes on with the sentence ``before`` left open (a page break, a footer or a
    column between them): it starts in lower case, or ``before`` ends on a hyphenated word."""
    return bool(after) and (after[0].islower() or (before.endswith("-") and after[0].isalnum()))


def as_copied(text: str, start: int, end: int, furniture: Sequence[tuple[int, int]] = ()) -> str:
    """The passage ``[start, end)`` of ``text`` as Copy gives it: each paragraph on one line, paragraphs on lines
    of their own, the page's furniture left out."""
    if end <= start:
        return ""
    raw = _without(text, start, end, furniture).translate(_LIGATURES)
    paragraphs: list[str] = []
    for block in _BLOCK_BREAK.split(raw.strip()):
        block = _HYPHEN_BREAK.sub(r"\1-", block.strip())
        if "\t" not in block:  # (a table's rows, cells at tab stops, stay rows)
            block = _SPACES.sub(" ", _LINE_BREAK.sub(" ", block))
        block = _PRIVATE_BULLET.sub("•", block)
        if not block:
            continue
        if paragraphs and _continues(paragraphs[-1], block):
            paragraphs[-1] += block if paragraphs[-1].endswith("-") else " " + block
        else:
            paragraphs.append(block)
    return "\n".join(paragraphs)
