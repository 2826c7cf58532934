"""A letter's furniture: its running headers and footers, page numbers, footnotes at the foot of a page and a
paper's protective marking ("OFFICIAL"), found from its text and where its pages start. What a quote, a
sentence and the outline leave out; the letter's text keeps it (annotations anchor to that text)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from reviewer.core.text.textsearch import collapse_ws

_PAGE_NO = re.compile(r"^(?:page\s+\d+(?:\s+of\s+\d+)?|\d{1,3}|[-–]\s*\d{1,3}\s*[-–]|\d{1,3}\s+of\s+\d{1,3}"
                      r"|.{0,80}\bpage\s+\d{1,3}\s+of\s+\d{1,3})$", re.I)

def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    return out


# A running line on this many pages' edges is furniture though it is on fewer than half of them: a report with
# another bound in behind it (a 2015 report's board inspection, its own running header on its 14 pages of 50).
# Words, not a bare paragraph number ("18." atop a page is the paragraph's)
FURNITURE_RUN = 6
# a numbered paragraph's number on a line of its own ("57."), at a page's top or foot on half the pages of a long
# report: the paragraph's, however often it recurs (taken as furniture, it joined a judgement heading above it to
# the paragraph, and the section lost its grade; h28)
_PARAGRAPH_NO = re.compile(r"\d{1,3}\.")


def find_furniture(text: str, page_starts: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Running headers, footers and page numbers: (start, end) of each such line.

    A line is furniture when it sits among the first or last few lines of a page and either looks
    like a page number ("Page 2 of 4", "7") or recurs (digits aside) on at least half the pages (or, words,
    on ``FURNITURE_RUN`` of them).
    Without page starts (a plain-text letter) only "Page N of M" lines standing alone count."""
    lines = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    if not lines:
        return []
    norm = [re.sub(r"\d+", "#", collapse_ws(text[s:e])) for s, e in lines]
    starts = sorted(set(page_starts) | {0}) if page_starts else []
    pages = len(starts)
    near: set[int] = set()
    if pages > 1:
        line_starts = [s for s, _ in lines]
        for k, ps in enumerate(starts):
            i = bisect.bisect_left(line_starts, ps)
            near.update(range(i, min(i + 4, len(lines))))  # the top of page k
            if k:
                near.update(range(max(0, i - 4), i))  # the bottom of page k - 1
        near.update(range(max(0, len(lines) - 3), len(lines)))
    counts = Counter(norm[i] for i in near) if near else Counter()
    marked = [(s, e) for s, e in lines if _MARKING.match(text, s, e)]  # a council paper's marking, wherever it is
    need = max(2, min(pages // 2, FURNITURE_RUN))
    out = []
    for i, (s, e) in enumerate(lines):
        flat = norm[i].replace("#", "1")
        if len(flat) > 120:
            continue
        if pages > 1:
            if i in near and (_PAGE_NO.match(flat) or counts[norm[i]] >= need and (
                    counts[norm[i]] >= pages // 2 and not _PARAGRAPH_NO.fullmatch(flat) or
                    re.search(r"[A-Za-z]{3}", flat))):
                out.append((s, e))
        elif re.search(r"\bpage\s+\d+\s+of\s+\d+\s*$", flat, re.I) and len(flat) < 80:
            out.append((s, e))
    out = sorted(set(out) | set(marked))
    if pages > 1:
        out = sorted(out + _footnotes(text, lines, starts, out))
    return out


# A government paper's protective marking, a line of its own ("OFFICIAL", "OFFICIAL - SENSITIVE"): no title, no text
_MARKING = re.compile(r"[ \t]*(?:OFFICIAL(?:[ \t]*[-‐–—:][ \t]*SENSITIVE)?|NOT PROTECTIVELY MARKED|UNCLASSIFIED)[ \t]*$")


_FOOTNOTE = re.compile(r"(\d{1,2})\s+[A-Z‘'“\"]")


def _footnotes(text: str, lines: list[tuple[int, int]], starts: list[int],
               furniture: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Footnotes at the foot of a page: a line "1 The local authority ..." among the page's last
    lines, whose number the page's text carries as a mark ("area1", "services.2"), to the page's
    end. Known like a footer, so a sentence running on across the page break is one unit again."""
    known = {s for s, _ in furniture}
    ends = [*starts[1:], len(text)]
    out: list[tuple[int, int]] = []
    line_starts = [s for s, _ in lines]
    for ps, pe in zip(starts, ends):
        a, b = bisect.bisect_left(line_starts, ps), bisect.bisect_left(line_starts, pe)
        body = [i for i in range(a, b) if lines[i][0] not in known]
        for i in body[-8:]:
            s, e = lines[i]
            m = _FOOTNOTE.match(text, s)
            if not m or i == body[0]:
                continue
            mark = re.compile(rf"[a-z)’.,;:?]{m.group(1)}(?=[\s.,;:)]|$)")
            if mark.search(text, ps, s):
                out.extend(lines[j] for j in body if j >= i)
                break
    return out
