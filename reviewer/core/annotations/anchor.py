"""Anchors: where an annotation sits in a letter's canonical text, and finding it again.

An anchor is code-point offsets (start inclusive, end exclusive) plus the exact quote and about
32 characters of context either side. When the text changes, ``reanchor`` looks for the quote,
preferring the occurrence whose context matches and that lies nearest the old position; a quote
that is gone gives ``None`` and the caller keeps the annotation as needing attention.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.core.text.textsearch import Folded, find_all, fold

CONTEXT = 32


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def make_anchor(text: str, start: int, end: int) -> Anchor:
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"range {start}-{end} is outside the text (length {len(text)})")
    return Anchor(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
    )


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def reanchor(text: str, anchor: Anchor, folded: Folded | None = None) -> Anchor | None:
    """Find ``anchor`` again in ``text``; ``None`` when the quote is nowhere to be found."""
    s, e = anchor.start, anchor.end
    if e <= len(text) and text[s:e] == anchor.quote:
        return make_anchor(text, s, e)
    exact: list[tuple[int, int]] = []
    pos = text.find(anchor.quote)
    while pos >= 0 and anchor.quote:
        exact.append((pos, pos + len(anchor.quote)))
        pos = text.find(anchor.quote, pos + 1)
    candidates = exact or find_all(folded or fold(text), anchor.quote)
    if not candidates:
        return None
    fp, fs = fold(anchor.prefix).text, fold(anchor.suffix).text

    def score(c: tuple[int, int]) -> tuple[int, int]:
        before = fold(text[max(0, c[0] - 2 * CONTEXT) : c[0]]).text
        after = fold(text[c[1] : c[1] + 2 * CONTEXT]).text
        ctx = _common_suffix(before, fp) + _common_prefix(after, fs)
        return (-ctx, abs(c[0] - s))

    best = min(candidates, key=score)
    return make_anchor(text, best[0], best[1])
