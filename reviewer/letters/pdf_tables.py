"""Tables that run over a page in the PDFs Reviewer writes: each page a table goes on to starts with its header row
again (as Word's "Repeat as header row" does), its columns as wide as where it began, its rows whole.

PyMuPDF's Story (PyMuPDF 2.0, MuPDF 1.28) sets a table's header row once, ``<thead>`` or not, and goes on over the
page with the next row; it never splits a row, and a row taller than the frame it never places at all (``place`` says
there is more, page after page). So a table whose first row is its header (its cells all ``<th>``) is marked
(``mark``): ids on its header row and cells, its rows and the heading that leads to it. ``story_pdf`` lays a chunk out
as before and, where a page ends, asks where the marked elements went (``Story.element_positions``): a page that ends
inside such a table is drawn as placed, and the rest goes on in a new Story that opens the table again with its header
row and its columns fixed at their widths (``<col>``), then the rows not yet set and whatever followed the table
(``over_the_page``). A heading, its line or two and a header row without a row under them go over the page together;
a row taller than a page is set as its cells, one under another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pymupdf

MARK = "rv-t"  # the ids' prefix: "rv-t3-head", "rv-t3-c0" (a header cell), "rv-t3-r12" (a row), "rv-t3-keep"
LEAD = 600  # characters of HTML at most between a table and the heading it goes over the page with (a line or two)
_TAG = re.compile(r"<(/?)(table|div|blockquote|li|ul|ol|td|th|section)\b[^>]*>")
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
_CELL = re.compile(r"<(t[dh])\b([^>]*)>(.*?)</\1>", re.S)
_COL = re.compile(r"<col\b[^>]*>")
_OPENS = re.compile(r"<h[1-6]\b")
# the headings that lead to a table, each with its line or two ("Moderation" / its note / the letter's name / its lead)
_LEAD = re.compile(r"(?:<h([1-6])\b[^>]*>(?:(?!<h[1-6]\b).)*?</h\1>\s*(?:<p\b[^>]*>(?:(?!</?p\b).)*</p>\s*)*)+$",
                   re.S)


def _tables(html: str) -> list[tuple[int, int, int]]:
    """(start, end of opening tag, start of ``</table>``) of each table outside any other element that holds blocks."""
    out, depth, start, opening = [], 0, -1, -1
    for m in _TAG.finditer(html):
        if m.group(1):
            depth -= 1
            if depth == 0 and start >= 0 and m.group(2) == "table":
                out.append((start, opening, m.start()))
            start = start if depth else -1
            continue
        if depth == 0:
            start, opening = (m.start(), m.end()) if m.group(2) == "table" else (-1, -1)
        elif m.group(2) == "table":
            start = -1  # a table within this one: left as it is
        depth += 1
    return out


def mark(html: str) -> str:
    """``html`` with the ids ``over_the_page`` reads on each table it can go on with: one at the top level whose first
    row holds only ``<th>`` cells and is followed by at least one more row, with no merged cells and no ids of its own."""
    out, at = [], 0
    for n, (start, opening, close) in enumerate(_tables(html)):
        body = html[opening:close]
        rows = list(_ROW.finditer(body))
        if len(rows) < 2 or _ROW.sub("", _COL.sub("", body)).strip() or re.search(r"\b(?:colspan|rowspan|id)\s*=", body):
            continue
        head = _CELL.findall(rows[0].group())
        if not head or any(tag != "th" for tag, _, _ in head):
            continue
        key = f"{MARK}{n}"
        lead = _LEAD.search(html, at, start)
        # the first of its headings that the table follows within ``LEAD`` (a heading over many lines stays behind)
        first = next((h.start() for h in _OPENS.finditer(html, lead.start(), start)
                      if start - html.index("</h", h.start()) <= LEAD), None) if lead else None
        if first is not None and not re.match(r"<h\d\b[^>]*\bid\s*=", html[first:start]):
            out.append(html[at:first + 3] + f' id="{key}-keep"')
            at = first + 3
        out.append(html[at:opening] + body[:rows[0].start()])
        cells = iter(range(len(head)))
        header = rows[0].group().replace("<tr", f'<tr id="{key}-head"', 1)
        out.append(re.sub(r"<th\b", lambda _: f'<th id="{key}-c{next(cells)}"', header))
        for i, row in enumerate(rows[1:]):
            end = rows[i + 2].start() if i + 2 < len(rows) else len(body)
            out.append(row.group().replace("<tr", f'<tr id="{key}-r{i}"', 1) + body[row.end():end])
        at = close
    out.append(html[at:])
    return "".join(out)


@dataclass(frozen=True)
class _Table:
    """A marked table in a chunk's HTML (offsets into it): its rows are found by their ids, not all read each page."""

    key: str
    start: int  # "<table"
    opening: int  # the end of its opening tag
    head: tuple[int, int]  # its header row
    first: int  # the number of its first row after the header (rows are numbered where the chunk was marked)
    last: int  # and of its last
    end: int  # after "</table>"
    lead: int | None  # the start of the heading that leads to it
    cells: int  # its header's cells
    fixed: bool  # whether its columns have their widths already (a table gone on over a page)

    def row(self, html: str, n: int) -> int:
        """Where its row ``n`` starts."""
        return html.index(f'<tr id="{self.key}-r{n}"', self.head[1])


_HEAD = re.compile(rf'<tr id="({MARK}\d+)-head"[^>]*>.*?</tr>', re.S)
_NUMBER = re.compile(r'-r(\d+)"')


def _marked(html: str) -> list[_Table]:
    """The marked tables in ``html`` (a chunk as marked, or what a table goes on with), in order."""
    out = []
    for h in _HEAD.finditer(html):
        key = h.group(1)
        start = html.rfind("<table", 0, h.start())
        opening = html.index(">", start) + 1
        close = html.find("</table>", h.end())
        row = f'<tr id="{key}-r'
        first, last = html.find(row, h.end(), close), html.rfind(row, h.end(), close)
        if start < 0 or close < 0 or first < 0:
            continue
        numbers = [int(m.group(1)) for at in (first, last) if (m := _NUMBER.match(html, at + len(row) - 2))]
        if len(numbers) < 2:
            continue
        lead = html.find(f' id="{key}-keep"', 0, start)
        out.append(_Table(key, start, opening, h.span(), numbers[0], numbers[1], close + len("</table>"),
                          lead - 3 if lead >= 0 else None, len(_CELL.findall(h.group())),
                          bool(_COL.search(html, opening, h.start()))))
    return out


def window(html: str, rows: int) -> str:
    """``html`` up to its first marked table's ``rows``-th row, the table closed there, where it holds more and its
    columns are fixed (a table gone on over a page: where it begins, its columns are as wide as all its rows need):
    MuPDF lays a story out whole however little of it a page takes, and each page of a long table is a new story
    of the rest of it (``story_pdf`` doubles ``rows`` while a page takes all of them)."""
    for t in _marked(html):
        if t.last - t.first + 1 > rows:
            return html[:t.row(html, t.first + rows)] + "</table>" if t.fixed else html
    return html


def _positions(story: pymupdf.Story) -> dict[str, pymupdf.Rect]:
    """Where the marked elements the story has just placed are on the page."""
    found: dict[str, pymupdf.Rect] = {}

    def note(p) -> None:  # type: ignore[no-untyped-def]
        if p.id and p.id.startswith(MARK):
            found[p.id] = pymupdf.Rect(p.rect)

    story.element_positions(note)
    return found


def _continued(html: str, t: _Table, n: int, found: dict[str, pymupdf.Rect]) -> str:
    """The chunk from ``t``'s row ``n`` on: the table opened again with its header row and its columns as wide as the
    header's cells were set, then the rows not yet set and what follows the table."""
    if n > t.last:
        return html[t.end:]
    widths = [found[k].width for k in (f"{t.key}-c{j}" for j in range(t.cells)) if k in found]
    cols = "" if t.fixed or len(widths) < t.cells else "".join(f'<col style="width:{w:.4f}pt">' for w in widths)
    return html[t.start:t.opening] + cols + html[t.opening:t.head[1]] + html[t.row(html, n):]


def _stacked(html: str, t: _Table) -> str:
    """``t``'s first row, taller than a page, as its cells one after another, each under its column's name: laid out
    as paragraphs, it goes on over the page where a row cannot."""
    names = [inner for _, _, inner in _CELL.findall(html[t.head[0]:t.head[1]])]
    s = t.row(html, t.first)
    cells = "".join(f'<div style="margin:2pt 0"><b>{name}</b>: {inner}</div>'
                    for name, (_, _, inner) in zip(names, _CELL.findall(html, s, html.index("</tr>", s))))
    rule = "0.5pt solid #999"
    return f'<div style="margin:4pt 0;padding:2pt 4pt;border-top:{rule};border-bottom:{rule}">{cells}</div>'


@dataclass(frozen=True)
class Step:
    """What ``story_pdf`` does where a page ends: ``html`` goes on in a new Story (after drawing this page's part, or, with
    ``again``, on this page in place of the story, nothing of which is drawn); ``new_page``: nothing of the story on this
    page; else draw the story as it was last placed and go on with it."""

    html: str | None = None
    again: bool = False
    new_page: bool = False
    rows: int = 0  # the rows of a table this page took, where it goes on over the page


def over_the_page(story: pymupdf.Story, html: str, space: pymupdf.Rect, at_top: bool, fresh: bool) -> Step | None:
    """Where ``story`` (of ``html``), just placed in ``space`` (``at_top`` of a page; ``fresh``: nothing of it drawn yet),
    goes on over the page with a marked table: ``None`` where the page ends outside one (the story goes on as it is)."""
    tables = _marked(html)
    if not tables:
        return None
    found = _positions(story)
    for t in reversed(tables):
        head, lead = found.get(f"{t.key}-head"), found.get(f"{t.key}-keep")
        if head is None and lead is None:
            continue  # not yet reached
        row = f"{t.key}-r"
        placed = [int(k[len(row):]) for k in found if k.startswith(row)]
        if placed:
            if max(placed) >= t.last or head is None:
                return None  # the table ends on this page
            return Step(_continued(html, t, max(placed) + 1, found), rows=len(placed))
        # its heading or header row at the foot of the page, none of its rows: the page ends above them
        y = (lead or head).y0 - 0.5
        nothing = y - space.y0 < 2  # nothing of the story above them here (a frame of no height has no end to MuPDF)
        for attempt in range(8):
            if nothing or y - space.y0 < 2:
                break
            _, filled = story.place(pymupdf.Rect(space.x0, space.y0, space.x1, y))
            if pymupdf.Rect(filled).height <= 0:
                nothing = attempt == 0  # (lower down, a line above them may no longer fit)
                break
            if not any(k.startswith(t.key + "-") for k in _positions(story)):
                return Step()  # drawn as now placed; the story goes on with the heading and the table on the next page
            y -= 3
        if not nothing:
            story.place(space)  # MuPDF set the table however short the frame: the page is left as it was
            return None
        if not at_top:
            return Step(new_page=True)
        if head is None:  # a heading and what leads into the table fill the page: on with them as they are
            story.place(space)
            return None
        # nothing above it on an empty page, and its first row does not fit under the header: that row as paragraphs
        begin = 0 if fresh else t.start if lead is None or t.lead is None else t.lead
        before = html[begin:t.start].replace(f' id="{t.key}-keep"', "")
        return Step(before + _stacked(html, t) + _continued(html, t, t.first + 1, found), again=True)
    return None
