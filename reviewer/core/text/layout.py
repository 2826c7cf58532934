"""Where each character of a letter's canonical text sits on its pages.

A ``Layout`` is the canonical text plus its lines (page, character range, box) and the left and
right edge of every character, and the pages' links (``core.text.links``). It answers the two questions a reader view asks: which character
is under this point (``hit``), and which boxes cover this range (``rects``).
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass, field

from reviewer.core.text.links import Link, link_at

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class Line:
    page: int  # 0-based
    start: int
    end: int  # exclusive
    box: Rect


@dataclass
class Layout:
    text: str
    page_sizes: list[tuple[float, float]]
    lines: list[Line]
    x0: array  # per character; NaN where a character has no box (separators)
    x1: array
    links: list[Link] = field(default_factory=list)  # the pages' links, within the letter and to the web
    _page_lines: list[list[int]] = field(default_factory=list, repr=False)
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _page_links: dict[int, list[Link]] = field(default_factory=dict, repr=False)  # (asked at every pointer move)

    def __post_init__(self) -> None:
        self._page_lines = [[] for _ in self.page_sizes]
        for i, ln in enumerate(self.lines):
            self._page_lines[ln.page].append(i)
        self._line_starts = [ln.start for ln in self.lines]
        self._page_links = {}
        for link in self.links:
            self._page_links.setdefault(link.page, []).append(link)

    @property
    def page_count(self) -> int:
        return len(self.page_sizes)

    def lines_on(self, page: int) -> list[Line]:
        """The lines of ``page`` (0-based), in reading order."""
        return [self.lines[i] for i in self._page_lines[page]] if 0 <= page < len(self._page_lines) else []

    def page_has_text(self, page: int) -> bool:
        return bool(self._page_lines[page])

    def line_index_at(self, offset: int) -> int:
        """Index of the line containing ``offset``, or the last line starting before it."""
        return max(0, bisect.bisect_right(self._line_starts, offset) - 1)

    def page_of(self, offset: int) -> int:
        if not self.lines:
            return 0
        return self.lines[self.line_index_at(offset)].page

    def pages_of(self, start: int, end: int) -> tuple[int, ...]:
        """1-based page numbers a range touches."""
        if not self.lines:
            return (1,)
        first = self.line_index_at(start)
        last = self.line_index_at(max(start, end - 1))
        return tuple(sorted({self.lines[i].page + 1 for i in range(first, last + 1)}))

    def rects(self, start: int, end: int) -> list[tuple[int, Rect]]:
        """Boxes (page, rect) covering the characters in ``[start, end)``, one per line touched."""
        out: list[tuple[int, Rect]] = []
        if end <= start or not self.lines:
            return out
        i = self.line_index_at(start)
        while i < len(self.lines):
            ln = self.lines[i]
            if ln.start >= end:
                break
            s, e = max(start, ln.start), min(end, ln.end)
            if s < e:
                xs = [self.x0[k] for k in range(s, e) if self.x0[k] == self.x0[k]]
                xe = [self.x1[k] for k in range(s, e) if self.x1[k] == self.x1[k]]
                if xs and xe:
                    out.append((ln.page, (min(xs), ln.box[1], max(xe), ln.box[3])))
            i += 1
        return out

    def hit(self, page: int, x: float, y: float) -> int | None:
        """The character boundary nearest to (x, y) on ``page``: an offset in ``[0, len(text)]``."""
        if not (0 <= page < len(self._page_lines)) or not self._page_lines[page]:
            return None
        best, best_d = None, float("inf")
        for i in self._page_lines[page]:
            b = self.lines[i].box
            dy = 0.0 if b[1] <= y <= b[3] else min(abs(y - b[1]), abs(y - b[3]))
            dx = 0.0 if b[0] <= x <= b[2] else min(abs(x - b[0]), abs(x - b[2]))
            d = dy * 4 + dx  # vertical distance matters most: pick the line, then the column
            if d < best_d:
                best, best_d = i, d
        assert best is not None
        ln = self.lines[best]
        for k in range(ln.start, ln.end):
            a, b_ = self.x0[k], self.x1[k]
            if a == a and x < (a + b_) / 2:
                return k
        return ln.end

    def link_at(self, page: int, x: float, y: float) -> Link | None:
        """The link under (x, y) on ``page`` (0-based, in points), if any."""
        return link_at(self._page_links.get(page, []), page, x, y)

    def page_first_offset(self, page: int) -> int | None:
        lines = self._page_lines[page] if 0 <= page < len(self._page_lines) else []
        return self.lines[lines[0]].start if lines else None


class LayoutBuilder:
    """Accumulates lines and characters into a ``Layout``."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.lines: list[Line] = []
        self.x0 = array("f")
        self.x1 = array("f")
        self.page_sizes: list[tuple[float, float]] = []
        self.links: list[Link] = []

    def separator(self, s: str) -> None:
        if not s:
            return
        self.parts.append(s)
        self.length += len(s)
        nan = float("nan")
        self.x0.extend([nan] * len(s))
        self.x1.extend([nan] * len(s))

    def line(self, page: int, chars: list[tuple[str, float, float]], y0: float, y1: float) -> None:
        if not chars:
            return
        start = self.length
        text = "".join(c for c, _, _ in chars)
        self.parts.append(text)
        self.length += len(text)
        self.x0.extend(a for _, a, _ in chars)
        self.x1.extend(b for _, _, b in chars)
        box = (min(a for _, a, _ in chars), y0, max(b for _, _, b in chars), y1)
        self.lines.append(Line(page, start, self.length, box))

    def build(self) -> Layout:
        return Layout("".join(self.parts), self.page_sizes, self.lines, self.x0, self.x1, self.links)


def page_starts(layout: Layout) -> list[int]:
    """Offset at which each page's text begins (a page with no text starts where the next text does)."""
    starts: list[int | None] = [layout.page_first_offset(p) for p in range(layout.page_count)]
    out: list[int] = [0] * len(starts)
    nxt = len(layout.text)
    for p in range(len(starts) - 1, -1, -1):
        s = starts[p]
        nxt = s if s is not None else nxt
        out[p] = nxt
    if out:
        out[0] = 0
    return out


def pages_for_range(starts: list[int], start: int, end: int) -> tuple[int, ...]:
    """1-based pages a range touches, from page start offsets."""
    if not starts:
        return (1,)
    first = max(0, bisect.bisect_right(starts, start) - 1)
    last = max(first, bisect.bisect_right(starts, max(start, end - 1)) - 1)
    return tuple(range(first + 1, last + 2))
