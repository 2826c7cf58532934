"""A council paper's table of the inspectors' items beside its own response: which cells are the items.

Committee papers often set Ofsted's areas for improvement (or recommendations, or priority actions) in one
column of a table and the council's own words in the others: "Area for improvement | Our response | Lead |
Due date", "Recommendation | Action taken | Owner | RAG". The items are the inspectors' list; the rest is
what the council says it does, by whom and when: no finding, never a suggestion. The text reaches the
reading in one of two shapes: a Word or PDF table's cells, each a block of its own (a blank line apart), row
after row; or a Markdown or HTML table, one line a row, each cell ended by a tab (core.text.markup).

Only a header the reading is sure of makes a table: one cell naming the inspectors' items and every other
one naming a council's column (response, action, lead, owner, due date, timescale, RAG, status ...). Rows
are read while they keep the header's shape; a row that does not (an item of one word, a date column
holding a paragraph, the paper's next numbered section) ends the table there, so an empty cell costs the
rows after it, never a wrong item.
"""

from __future__ import annotations

import re
from itertools import combinations
from dataclasses import dataclass

from reviewer.core.text.markup import ROW_END
from reviewer.core.text.units import BULLET_CHARS
from reviewer.core.text.textsearch import collapse_ws

_ITEMS = re.compile(r"(?:ofsted(?:['’]s)?|inspectors?['’]?s?|inspection)?\s*(?:"
                    r"(?P<priority>areas? for priority action|priority actions?|areas? for immediate action)|"
                    r"areas? for improvement|recommendations?(?: for improvement)?|what needs to improve|"
                    r"improvement areas?|areas? (?:of|to) improve(?:ment)?|areas? for development|"
                    r"(?:area|recommendation|action|finding) identified|findings?)"
                    r"(?:\s*\(.{0,40}\))?\s*:?", re.I)
_COUNCIL = re.compile(r"(?:(?:our|the council['’]?s?|local authority|service|planned|agreed|key|further)\s+)?(?:"
                      r"response|actions?(?: (?:taken|planned|required|to date|we will take|being taken))?|"
                      r"what (?:we will do|we have done|has been done|will be done)|how (?:we will|will we) "
                      r"(?:respond|know|measure)|progress(?: (?:to date|update|made))?|update|"
                      r"lead(?: (?:officer|manager|person|director))?|owner(?:ship)?|responsib(?:le|ility)(?: "
                      r"(?:officer|lead))?|accountable(?: officer)?|due(?: date| by)?|(?:target |completion |"
                      r"review )?dates?|timescales?|timeframe|by when|when|deadline|rag(?: status| rating)?|"
                      r"status|evidence(?: of (?:impact|progress))?|impact|measures? of success|success "
                      r"(?:measures?|criteria)|outcomes?(?: sought)?|comments?|notes?|no\.?|ref(?:erence)?\.?|#)"
                      r"\s*:?", re.I)
_DATE_COLUMN = re.compile(r"due|date|timescale|timeframe|when|deadline", re.I)
_SHORT_COLUMN = re.compile(r"lead|owner|responsib|accountable|rag|status|no\.?$|ref|#", re.I)
_SECTION = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z][^.;:\n]{2,80}")  # the paper's next section ("4. Next steps")
BULLET_START = re.compile(rf"\s*[{BULLET_CHARS}]")
MAX_HEADER_WORDS = 7  # words in a column's name
MAX_HEADER_BLOCKS, MAX_HEADER_LINES = 8, 12  # (a header's cells each a block, or a line of one block)


@dataclass(frozen=True)
class ResponseTable:
    start: int  # the header's first cell
    header_end: int  # the header's last cell's end
    end: int  # the last row's end
    kind: str  # "improve" or "priority": what the items column holds; "plan": a council's action plan, no items
    title: str  # the items column's name, as the outline shows it ("Area for improvement")
    items: tuple[tuple[int, int], ...]  # the items column's cells
    council: tuple[tuple[int, int], ...]  # every other column's cells: the council's own words


def _columns(cells: list[str]) -> int | None:
    """Which of a row of header cells names the inspectors' items, where every other one names a council's
    column (``None``: no response table's header)."""
    if len(cells) < 2 or any(not c or len(c.split()) > MAX_HEADER_WORDS for c in cells):
        return None
    named = [i for i, c in enumerate(cells) if _ITEMS.fullmatch(c)]
    if len(named) != 1:
        return None
    if all(_COUNCIL.fullmatch(c) for i, c in enumerate(cells) if i != named[0]):
        return named[0]
    return None


def _fits(cells: list[str], header: list[str], k: int) -> bool:
    """A row that keeps the header's shape: an item of words in the items column, short cells under a date,
    lead or status column, and no cell that is the paper's next section heading."""
    if len(cells[k].split()) < 3:
        return False
    for c, h in zip(cells, header):
        if _SECTION.fullmatch(c) and not c.endswith("."):
            return False
        if _DATE_COLUMN.search(h) and len(c.split()) > 8 or _SHORT_COLUMN.match(h) and len(c.split()) > 14:
            return False
    return True


def _table(kind_of: str, title: str, spans: list[tuple[int, int]], rows: list[list[tuple[int, int]]],
           k: int) -> ResponseTable:
    items = tuple(r[k] for r in rows)
    council = tuple(c for r in rows for i, c in enumerate(r) if i != k and c[0] < c[1])
    return ResponseTable(spans[0][0], spans[-1][1], max(c[1] for c in rows[-1]), kind_of, title, items, council)


def _kind(title: str) -> str:
    m = _ITEMS.fullmatch(title)
    return "priority" if m and m.group("priority") else "improve"


def _tab_cells(reading: str, start: int, end: int) -> list[tuple[int, int]]:
    """A tab-separated line's cells, as (start, end) without their surrounding space (an empty cell: start ==
    end)."""
    out, at = [], start
    pieces = reading[start:end].split("\t")
    if len(pieces) > 1 and reading[start:end].endswith(ROW_END):
        pieces.pop()  # (what follows its last cell's end: no cell)
    for piece in pieces:
        a, b = at, at + len(piece)
        while a < b and reading[a].isspace():
            a += 1
        while b > a and reading[b - 1].isspace():
            b -= 1
        out.append((a, b))
        at += len(piece) + 1
    return out


def _lines(reading: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", reading[start:end])]


Span = tuple[int, int]


def _header(reading: str, blocks: list[Span], rows_from) -> tuple[int, list[Span], int, list[list[Span]]] | None:
    """The header that starts at ``blocks[0]``: (how many blocks it takes, its cells, the items column, the
    rows that follow it), the one with the most rows. A PDF gives a header row of one-line cells as one block,
    a line a cell, and a cell Word wrapped ("Due" / "date") as two lines of it: every way of grouping the
    lines that names one items column and council columns only is tried against the rows after it."""
    best = None
    for taken in range(1, min(MAX_HEADER_BLOCKS, len(blocks)) + 1):
        lines = [ln for b in blocks[:taken] for ln in _lines(reading, *b)]
        if len(lines) > MAX_HEADER_LINES or any(len(reading[a:b].split()) > MAX_HEADER_WORDS for a, b in lines):
            break
        kept = {i for i in range(1, len(lines)) if any(lines[i][0] == b[0] for b in blocks[:taken])}
        for n in range(2, len(lines) + 1):
            for cuts in combinations(range(1, len(lines)), n - 1):
                if not kept <= set(cuts):
                    continue
                cells = [(lines[a][0], lines[b - 1][1]) for a, b in zip((0, *cuts), (*cuts, len(lines)))]
                k = _columns([collapse_ws(reading[a:b]) for a, b in cells])
                if k is None:
                    continue
                rows = rows_from(taken, [collapse_ws(reading[a:b]) for a, b in cells], k)
                if rows and (best is None or len(rows) > len(best[3])):
                    best = (taken, cells, k, rows)
                break  # (one grouping a column count: the first that names the columns)
    return best


def _in_cells(reading: str, blocks: list[tuple[int, int]]) -> list[ResponseTable]:
    """Tables whose cells are blocks of their own, row after row (a row of one-line cells: one block, a line
    a cell)."""
    out: list[ResponseTable] = []
    flat = [collapse_ws(reading[s:e]) for s, e in blocks]

    def rows_from(i: int):
        def read(taken: int, header: list[str], k: int) -> list[list[tuple[int, int]]]:
            rows, j, n = [], i + taken, len(header)
            while j < len(blocks):
                if j + n <= len(blocks) and _fits(flat[j:j + n], header, k):
                    rows.append(blocks[j:j + n])
                    j += n
                    continue
                lines = _lines(reading, *blocks[j])
                if len(lines) == n and _fits([collapse_ws(reading[a:b]) for a, b in lines], header, k):
                    rows.append(lines)
                    j += 1
                    continue
                break
            return rows
        return read

    i = 0
    while i < len(blocks):
        first = collapse_ws(reading[slice(*_lines(reading, *blocks[i])[0])])
        if not (_ITEMS.fullmatch(first) or _COUNCIL.fullmatch(first)) or "\t" in reading[slice(*blocks[i])]:
            i += 1
            continue
        found = _header(reading, blocks[i:], rows_from(i))
        if found is None:
            i += 1
            continue
        taken, cells, k, rows = found
        title = collapse_ws(reading[slice(*cells[k])])
        out.append(_table(_kind(title), title, cells, rows, k))
        i = next((j for j in range(i, len(blocks)) if blocks[j][0] >= out[-1].end), len(blocks))  # (after its rows)
    return out


def _in_lines(reading: str) -> list[ResponseTable]:
    """Tables of one line a row, their cells a tab apart."""
    out: list[ResponseTable] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"^[^\n\t]*\t[^\n]*", reading, re.M)]
    i = 0
    while i < len(lines):
        spans = _tab_cells(reading, *lines[i])
        header = [reading[a:b] for a, b in spans]
        header = [collapse_ws(h) for h in header]
        k = _columns(header)
        i += 1
        if k is None:
            continue
        rows = []
        while i < len(lines) and not reading[(rows[-1][-1][1] if rows else spans[-1][1]):lines[i][0]].strip():
            cells = _tab_cells(reading, *lines[i])
            if len(cells) != len(spans) or not _fits([collapse_ws(reading[a:b]) for a, b in cells], header, k):
                break
            rows.append(cells)
            i += 1
        if rows:
            title = collapse_ws(header[k])
            out.append(_table(_kind(title), title, spans, rows, k))
    return out


# An action plan's columns, none of them the inspectors' items: what the council will do ("Action", "Priority",
# "Objective") and how it tracks it ("Owner", "Due", "RAG", "Progress"; ``_COUNCIL``)
_PLAN_WORK = re.compile(r"(?:key |planned |improvement )?(?:actions?|priority|priorities|objectives?|tasks?|"
                        r"milestones?|what we will do|area|theme)\s*:?", re.I)
_PLAN_TRACK = re.compile(r"(?:lead|owner|responsib|accountable|due|(?:target |completion )?date|timescale|by when|"
                         r"deadline|rag|status|progress)", re.I)
_NUMBERED_LINE = re.compile(r"\d{1,2}\.\s+[A-Z]")  # the paper's next numbered section ("4. Recommendation")
CELL_SHARE = 0.6  # a table's line is at most this share of the paper's prose line (a cell is a column wide)


def _prose_width(reading: str) -> int:
    """How long the paper's prose lines run: the longer quarter's shortest, of the lines of six words or more."""
    widths = sorted(len(m.group().strip()) for m in re.finditer(r"[^\n]+", reading) if len(m.group().split()) >= 6)
    return widths[len(widths) * 3 // 4] if widths else 0


def _plans(reading: str, blocks: list[Span], taken: list[ResponseTable]) -> list[ResponseTable]:
    """A council's action plan set as a Word or PDF table ("Ref | Action | Owner | Due | RAG | Progress"): a header
    whose every cell names the council's work or how it is tracked, then its rows, each cell a block or a line of one
    and a column wide, up to a line as wide as prose, a bullet or the paper's next numbered section. The rows are
    not read into cells (a row's cells may share a block, or a line): the whole of them is the council's own."""
    out: list[ResponseTable] = []
    wide = _prose_width(reading) * CELL_SHARE
    i = 0
    while i < len(blocks):
        s = blocks[i][0]
        if any(t.start <= s < t.end for t in taken):
            i += 1
            continue
        lines, j = [], i
        while j < len(blocks) and len(lines) < MAX_HEADER_LINES:
            here = [collapse_ws(reading[a:b]) for a, b in _lines(reading, *blocks[j])]
            if not all(_PLAN_WORK.fullmatch(c) or _COUNCIL.fullmatch(c) for c in here):
                break
            lines += here
            j += 1
        if len(lines) < 3 or not any(_PLAN_WORK.fullmatch(c) for c in lines) or \
                not any(_PLAN_TRACK.match(c) for c in lines):
            i += 1
            continue
        end, k = blocks[j - 1][1], j
        body = 0
        while k < len(blocks):
            rows = _lines(reading, *blocks[k])
            said = reading[slice(*blocks[k])]
            if not wide or any(b - a > wide for a, b in rows) or BULLET_START.match(said) or \
                    _NUMBERED_LINE.match(said) or any(t.start <= blocks[k][0] < t.end for t in taken):
                break
            end, body, k = blocks[k][1], body + len(rows), k + 1
        if body >= len(lines):  # (a row's worth at least)
            out.append(ResponseTable(s, blocks[j - 1][1], end, "plan", "Action plan", (), tuple(blocks[j:k])))
            i = k
        else:
            i += 1
    return out


def response_tables(reading: str, blocks: list[tuple[int, int]]) -> list[ResponseTable]:
    """Every response table of ``reading`` (the canonical text with its furniture blanked), in order, and every action
    plan (kind "plan": no items, its rows all the council's); ``blocks`` are its paragraph blocks."""
    found = _in_cells(reading, blocks) + _in_lines(reading)
    return sorted(found + _plans(reading, blocks, found), key=lambda t: t.start)
