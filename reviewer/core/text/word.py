"""A Word document's body as its reader sees it in Word, written as HTML for the letters layer to lay out.

MuPDF's own reading of a .docx drops what a council's committee report leans on: the numbers Word puts
before numbered paragraphs ("3.2", which members quote), bullets, and tables (the cover sheet's "Report
to: | Committee", the judgements' grid), and it lays the text out on a small page of its own. Here the
document's parts are read as Word reads them (WordprocessingML, ECMA-376 part 1): paragraphs with their
styles, the numbering each paragraph or its style carries (numbering.xml: levels, formats, restarts),
runs with bold, italic, underline, superscript and tabs, fields' results (never their codes), tracked
insertions kept and deletions left out, content controls, hyperlinks, tables with merged cells, and
footnotes and endnotes, which follow the body as a Word PDF prints them at the foot of the page.
Headers and footers are left out (a page's furniture). Nothing here draws: ``word_html`` gives the HTML,
one chunk a block, and ``reviewer.letters`` lays it out on A4 pages. A document it cannot follow raises
``WordError``; the letters layer then falls back to MuPDF's reading.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape, unescape
from io import BytesIO
from xml.etree import ElementTree as ET

from reviewer.core.text.guarded_xml import XmlRefused, guarded_xml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TRANSITIONAL = W[1:-1].encode()
_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
CHUNK = 8000  # characters of HTML in one chunk of the layout, at least (export.pdf: MuPDF slows as a story grows)
MAX_NUMBER = 32767  # the largest start a Word list level takes
MAX_DEPTH = 400  # elements deep: a table takes three (table, row, cell), so past a hundred tables in tables
MAX_PART = 64 * 1024 * 1024  # bytes of XML a part may unpack to (the corpus's longest report is 0.13 MB of text)

WORD_CSS = (
    "body{font-family:sans-serif;font-size:10.5pt;line-height:1.3}"
    "p{margin:0 0 6pt 0}"
    "h1{font-size:16pt;margin:10pt 0 6pt 0}h2{font-size:13pt;margin:10pt 0 5pt 0}"
    "h3{font-size:11.5pt;margin:8pt 0 4pt 0}h4{font-size:10.5pt;margin:8pt 0 4pt 0}"
    "table{border-collapse:collapse;margin:2pt 0 8pt 0}"
    "td,th{border:0.5pt solid #777;padding:2pt 4pt;vertical-align:top}"
    "td p,th p{margin:0 0 2pt 0}"
    ".notes{font-size:9pt;border-top:0.5pt solid #777;padding-top:4pt;margin-top:10pt}"
    ".header{font-size:9pt;color:#555;border-bottom:0.5pt solid #999;padding-bottom:3pt;margin-bottom:10pt}"
    ".header p{margin:0 0 1pt 0}"
)


def html_words(html: str) -> list[str]:
    """The words of HTML as a reader of its pages reads them: what a layout must show all of."""
    return unescape(re.sub(r"<[^>]+>", " ", html)).split()


class WordError(ValueError):
    """The document is not one this reading can follow (no body, damaged XML, a part too large)."""


def _val(el: ET.Element | None, name: str = "val") -> str | None:
    return None if el is None else el.get(W + name)


def _int(value: str | None, default: int, low: int = 0, high: int = MAX_NUMBER) -> int:
    """A whole number the document gives, kept within ``low``..``high`` (Word's own bounds); ``default`` where
    it gives none, or not a number."""
    if value is None or not re.fullmatch(r"-?\d{1,12}", value.strip()):
        return default
    return max(low, min(int(value), high))


def _indent(ppr: ET.Element | None) -> float | None:
    """Where a paragraph's first line starts, in points from the margin (``w:ind``: its left indent less
    what hangs), or None where it says nothing. Tables' cells and the page's width bound it."""
    ind = ppr.find(W + "ind") if ppr is not None else None
    if ind is None:
        return None
    left = _int(ind.get(W + "left") or ind.get(W + "start"), 0, -20000, 20000)
    first = _int(ind.get(W + "firstLine"), 0, 0, 20000) - _int(ind.get(W + "hanging"), 0, 0, 20000)
    return max(0.0, min((left + min(first, 0)) / 20, 150.0))  # (twentieths of a point)


def _on(el: ET.Element | None) -> bool:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``) as Word reads it."""
    return el is not None and (_val(el) or "true").lower() not in ("0", "false", "off", "none")


# --- numbering ---------------------------------------------------------------------------------------

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
BULLET = "•"  # every list mark shown as the one the app's text knows as a bullet (units.BULLET_CHARS)
# Word's Symbol font, as w:sym writes it ("F0B3"): its codes past 0x80, as Unicode
_SYMBOL = {0xA3: "≤", 0xB3: "≥", 0xB1: "±", 0xB4: "×", 0xB8: "÷", 0xAE: "→", 0xAC: "←", 0xB7: BULLET, 0xB0: "°",
           0xBB: "≈", 0xB9: "≠", 0xD6: "√", 0xA5: "∞"}


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:  # 1 a, 26 z, 27 aa, 28 bb (as Word counts on)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def number_text(n: int, fmt: str) -> str:
    """``n`` as a level of format ``fmt`` shows it ("decimal", "lowerLetter", "upperRoman" ...); beyond what
    the format can show (Roman past 3999, letters past 780, as Word stops), in figures."""
    if fmt in ("lowerRoman", "upperRoman") and not 0 < n < 4000 or \
            fmt in ("lowerLetter", "upperLetter") and not 0 < n <= 780:
        return str(n)
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "ordinal":
        return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False  # isLgl: every level shown in decimal ("1.1.1")
    indent: float | None = None  # points from the margin to where Word sets the label


@dataclass
class Numbering:
    """numbering.xml: each list (``num``) with its abstract definition's levels and overrides, and the
    counters as the body goes on (kept per abstract definition: lists built on one continue each other,
    unless a list restarts a level)."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId -> levels
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId -> (abstract, starts)
    counters: dict[str, list[int | None]] = field(default_factory=dict)  # None: the level not begun
    restarted: set[str] = field(default_factory=set)
    links: dict[str, str] = field(default_factory=dict)  # abstractNumId -> the list style it stands for

    def resolve(self, styles: dict[str, _Style]) -> None:
        """Give each abstract definition that links to a list style the levels of the list that style names."""
        for abstract, style in self.links.items():
            target = styles.get(style)
            num = self.nums.get(target.num[0]) if target is not None and target.num else None
            if num is not None and num[0] != abstract and self.levels.get(num[0]):
                self.levels[abstract] = self.levels[num[0]]

    @classmethod
    def read(cls, root: ET.Element | None) -> Numbering:
        out = cls()
        if root is None:
            return out
        for ab in root.iter(W + "abstractNum"):
            link = _val(ab.find(W + "numStyleLink"))
            if link:  # a list style's: its levels are those of the list the style names (styles.xml)
                out.links[_val(ab, "abstractNumId") or ""] = link
            levels = {}
            for lvl in ab.findall(W + "lvl"):
                i, start = _int(_val(lvl, "ilvl"), 0, 0, 8), _int(_val(lvl.find(W + "start")), 1)
                levels[i] = _Level(start, _val(lvl.find(W + "numFmt")) or "decimal",
                                   (_val(lvl.find(W + "lvlText")) or "")[:40], _on(lvl.find(W + "isLgl")),
                                   _indent(lvl.find(W + "pPr")))
            out.levels[_val(ab, "abstractNumId") or ""] = levels
        for num in root.iter(W + "num"):
            starts = {}
            for ov in num.findall(W + "lvlOverride"):
                so = _val(ov.find(W + "startOverride"))
                if so is not None:
                    starts[_int(_val(ov, "ilvl"), 0, 0, 8)] = _int(so, 1)
            out.nums[_val(num, "numId") or ""] = (_val(num.find(W + "abstractNumId")) or "", starts)
        return out

    def indent(self, num_id: str, ilvl: int) -> float | None:
        """Where Word sets the label of list ``num_id``'s level ``ilvl``, in points from the margin."""
        abstract = self.nums.get(num_id, ("", {}))[0]
        level = self.levels.get(abstract, {}).get(max(0, min(ilvl, 8)))
        return level.indent if level else None

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The label of the next paragraph of list ``num_id`` at level ``ilvl`` (counting it), or None."""
        if num_id in ("", "0") or num_id not in self.nums:
            return None
        abstract, starts = self.nums[num_id]
        levels = self.levels.get(abstract)
        if not levels:
            return None
        ilvl = max(0, min(ilvl, 8))
        counts = self.counters.setdefault(abstract, [None] * 9)
        if starts and num_id not in self.restarted:  # a list that restarts: at its first paragraph the levels
            self.restarted.add(num_id)  # it overrides start over (and those below them); the others go on
            for i in range(min(starts), 9):
                counts[i] = None
        level = levels.get(ilvl, _Level())
        first = starts.get(ilvl, level.start)
        now = counts[ilvl]
        counts[ilvl] = first if now is None else now + 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = None
        if level.fmt == "bullet":
            return BULLET

        def part(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            lv = levels.get(i, _Level())
            n = counts[i]
            n = starts.get(i, lv.start) if n is None else n
            return number_text(n, "decimal" if level.legal and lv.fmt != "none" else lv.fmt)

        return re.sub(r"%([1-9])", part, level.text)


# --- styles ------------------------------------------------------------------------------------------

@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    num: tuple[str, int] | None = None
    outline: int | None = None
    hidden: bool | None = None  # its runs' w:vanish, where it says


def _styles(root: ET.Element | None) -> dict[str, _Style]:
    out: dict[str, _Style] = {}
    if root is None:
        return out
    for st in root.iter(W + "style"):
        if _val(st, "type") == "table":
            continue  # (paragraph and character styles, and list styles a numbering definition may link to)
        s = _Style(name=(_val(st.find(W + "name")) or "").lower(), based_on=_val(st.find(W + "basedOn")))
        rpr = st.find(W + "rPr")
        vanish = rpr.find(W + "vanish") if rpr is not None else None
        s.hidden = None if vanish is None else _on(vanish)
        ppr = st.find(W + "pPr")
        if ppr is not None:
            s.num = _num_pr(ppr)
            ol = _int(_val(ppr.find(W + "outlineLvl")), -1, -1, 9)
            s.outline = ol if ol >= 0 else None
        out[_val(st, "styleId") or ""] = s
    return out


def _num_pr(ppr: ET.Element) -> tuple[str, int] | None:
    np = ppr.find(W + "numPr")
    if np is None:
        return None
    return _val(np.find(W + "numId")) or "", _int(_val(np.find(W + "ilvl")), 0, 0, 8)


def _style_chain(styles: dict[str, _Style], sid: str | None):
    seen = set()
    while sid and sid in styles and sid not in seen:
        seen.add(sid)
        yield styles[sid]
        sid = styles[sid].based_on


_HEADING_NAME = re.compile(r"^heading ([1-9])$")


# --- the document ------------------------------------------------------------------------------------

class _Reader:
    def __init__(self, parts: dict[str, ET.Element | None], flat: bool = False) -> None:
        self.flat = flat
        self.styles = _styles(parts.get("styles"))
        self.numbering = Numbering.read(parts.get("numbering"))
        self.numbering.resolve(self.styles)
        self.chains: dict[str | None, list[_Style]] = {}
        self.notes_xml = {kind: {(_val(n, "id") or ""): n for n in root.findall(W + kind)
                                 if _val(n, "type") in (None, "normal")}
                          for kind, root in (("footnote", parts.get("footnotes")), ("endnote", parts.get("endnotes")))
                          if root is not None}
        self.notes: list[tuple[int, str]] = []  # (number, html) in the order the body refers to them
        self.note_numbers: dict[tuple[str, str], int] = {}
        self.pending: list[str] = []  # text boxes met in the paragraph being read
        self.paragraph_hidden = False  # the paragraph being read is hidden by its style

    # runs ---------------------------------------------------------------------------------------------
    def inline(self, el: ET.Element, out: list[str], field_state: list[str]) -> None:
        """The text of ``el``'s runs and inline containers, in order, as HTML appended to ``out``.
        ``field_state`` holds one entry per open complex field: "code" until its separator, then "result"."""
        for child in el:
            tag = child.tag
            if tag == W + "r":
                self.run(child, out, field_state)
            elif tag in (W + "hyperlink", W + "smartTag", W + "ins", W + "customXml", W + "fldSimple",
                         W + "moveTo", W + "bdo", W + "dir"):
                self.inline(child, out, field_state)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.inline(content, out, field_state)
            elif tag == _MC + "AlternateContent":
                branch = _branch(child)
                if branch is not None:
                    self.inline(branch, out, field_state)
            # w:del, w:moveFrom (tracked deletions), proofing marks, bookmarks: no text

    def run(self, r: ET.Element, out: list[str], field_state: list[str]) -> None:
        rpr = r.find(W + "rPr")
        if self.hidden(rpr, self.paragraph_hidden):
            return
        text: list[str] = []
        for c in r:
            tag = c.tag
            if tag == W + "fldChar":
                kind = _val(c, "fldCharType")
                if kind == "begin":
                    field_state.append("code")
                elif kind == "separate" and field_state:
                    field_state[-1] = "result"
                elif kind == "end" and field_state:
                    field_state.pop()
                continue
            if "code" in field_state:
                continue  # a field's code ("PAGE", "HYPERLINK ..."): its result is what Word shows
            if tag == W + "t":
                text.append(escape(c.text or ""))
            elif tag == W + "tab" or tag == W + "ptab":
                text.append(" ")  # (a gap of plain spaces: the app's text and every reader's then agree)
            elif tag in (W + "br", W + "cr"):
                if _val(c, "type") not in ("page", "column"):
                    text.append("<br/>")
            elif tag == W + "noBreakHyphen":
                text.append("-")
            elif tag == W + "sym":
                ch = _val(c, "char") or ""
                code = int(ch, 16) & 0xFF if re.fullmatch(r"[0-9A-Fa-f]{1,4}", ch) else 0
                text.append(_SYMBOL.get(code, "") if "symbol" in (_val(c, "font") or "").lower() else "")
            elif tag in (W + "drawing", W + "pict", _MC + "AlternateContent"):
                self.pending += self.text_boxes(c)  # (after the paragraph that anchors them)
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                before = re.sub(r"<[^>]*>", "", "".join(out[-3:]) + "".join(text))
                gap = "\u2009" if before[-1:].isdigit() else ""  # (a thin space: "October 2024 1", not "20241")
                text.append(f"{gap}<sup>{self.note_ref(tag[len(W):-len('Reference')], _val(c, 'id') or '')}</sup>")
        html = "".join(text)
        if not html:
            return
        if rpr is not None:
            if _on(rpr.find(W + "caps")):
                html = _upper_text(html)
            va = _val(rpr.find(W + "vertAlign"))
            if va == "superscript" and "<sup>" not in html:
                html = f"<sup>{html}</sup>"
            elif va == "subscript":
                html = f"<sub>{html}</sub>"
            if _on(rpr.find(W + "b")):
                html = f"<b>{html}</b>"
            if _on(rpr.find(W + "i")):
                html = f"<i>{html}</i>"
            if (_val(rpr.find(W + "u")) or "none") != "none":
                html = f"<u>{html}</u>"
        out.append(html)

    def hidden(self, rpr: ET.Element | None, otherwise: bool) -> bool:
        """Whether runs (or a paragraph's mark) with properties ``rpr`` are hidden: by their own w:vanish, else
        by their character style's, else ``otherwise`` (their paragraph style's)."""
        if rpr is None:
            return otherwise
        if _on(rpr.find(W + "specVanish")):
            return True
        vanish = rpr.find(W + "vanish")
        if vanish is not None:
            return _on(vanish)
        by_style = self.style_hidden(_val(rpr.find(W + "rStyle")))
        return otherwise if by_style is None else by_style

    def style_hidden(self, sid: str | None) -> bool | None:
        chain = self.chains.get(sid)
        if chain is None:
            chain = self.chains[sid] = list(_style_chain(self.styles, sid))
        return next((s.hidden for s in chain if s.hidden is not None), None)

    def text_boxes(self, el: ET.Element) -> list[str]:
        """The paragraphs of the text boxes in a drawing (a cover page's title is often one). Word writes a
        box twice, as DrawingML and as VML for older readers: one of the two is read."""
        if el.tag == _MC + "AlternateContent":
            branch = _branch(el)
            if branch is None:
                return []
            el = branch
        out: list[str] = []
        for box in _outermost(el, W + "txbxContent"):  # (a box inside a box is read by its own paragraph)
            out += self.blocks(box)
        return out

    def note_ref(self, kind: str, nid: str) -> str:
        key = (kind, nid)
        if key not in self.note_numbers:
            number = len(self.note_numbers) + 1
            self.note_numbers[key] = number
            note = self.notes_xml.get(kind, {}).get(nid)
            body = ""
            if note is not None:
                parts = []
                for p in note.iter(W + "p"):
                    line: list[str] = []
                    self.inline(p, line, [])
                    parts.append("".join(line))
                body = " ".join(x for x in parts if x.strip())
            self.notes.append((number, re.sub(r"^\s*(?:<sup>\s*</sup>)?\s*", "", body)))
        return str(self.note_numbers[key])

    # blocks -------------------------------------------------------------------------------------------
    def blocks(self, container: ET.Element) -> list[str]:
        out: list[str] = []
        for child in container:
            tag = child.tag
            if tag == W + "p":
                kept, self.pending = self.pending, []
                html = self.paragraph(child)
                if html:
                    out.append(html)
                out += self.pending
                self.pending = kept
            elif tag == W + "tbl":
                html = self.table(child)
                if html:
                    out.append(html)
            elif tag in (W + "sdt",):
                content = child.find(W + "sdtContent")
                if content is not None:
                    out += self.blocks(content)
            elif tag in (W + "customXml", W + "ins"):
                out += self.blocks(child)
            elif tag == _MC + "AlternateContent":
                branch = _branch(child)
                if branch is not None:
                    out += self.blocks(branch)
        return out

    def paragraph(self, p: ET.Element) -> str:
        ppr = p.find(W + "pPr")
        sid = _val(ppr.find(W + "pStyle")) if ppr is not None else None
        chain = self.chains.get(sid)
        if chain is None:
            chain = self.chains[sid] = list(_style_chain(self.styles, sid))
        num = _num_pr(ppr) if ppr is not None else None
        if num is None:
            num = next((s.num for s in chain if s.num is not None), None)
        elif num[0] == "":  # numPr with only a level: the style's list at that level
            num = next(((s.num[0], num[1]) for s in chain if s.num is not None), None)
        content: list[str] = []
        outer, self.paragraph_hidden = self.paragraph_hidden, bool(self.style_hidden(sid))
        try:
            self.inline(p, content, [])
        finally:
            mark = ppr.find(W + "rPr") if ppr is not None else None
            gone = mark is not None and mark.find(W + "del") is not None or self.hidden(mark, self.paragraph_hidden)
            self.paragraph_hidden = outer
        html = "".join(content).strip()
        empty = not re.sub(r"<[^>]+>|\s", "", html)
        if empty and gone:
            return ""  # a paragraph deleted with its changes tracked, or hidden: not numbered either
        label = self.numbering.label(*num) if num else None  # (an empty numbered paragraph still counts)
        if empty:
            return ""  # an empty paragraph (Word's spacing): nothing to read
        level = self.heading_level(chain, ppr)
        align = _val(ppr.find(W + "jc")) if ppr is not None else None
        style = ' style="text-align:center"' if align == "center" else ""
        if label:
            html = f"{escape(label)} {html}"
        if level:
            return f"<h{level}{style}>{html}</h{level}>"
        indent = _indent(ppr)
        if indent is None and label and num:
            indent = self.numbering.indent(*num)
            indent = 18.0 * num[1] if indent is None else indent  # (a level that says nothing: a step a level)
        if indent:
            style = f' style="margin-left:{indent:g}pt"'
        return f"<p{style}>{html}</p>"

    @staticmethod
    def heading_level(chain: list[_Style], ppr: ET.Element | None) -> int | None:
        outline = _int(_val(ppr.find(W + "outlineLvl")), 9, 0, 9) if ppr is not None else 9
        if outline < 9:
            return min(outline + 1, 4)
        for s in chain:
            m = _HEADING_NAME.match(s.name)
            if m:
                return min(int(m.group(1)), 4)
            if s.name == "title":
                return 1
            if s.name == "subtitle":
                return 2
            if s.outline is not None and s.outline < 9:
                return min(s.outline + 1, 4)
        return None

    def table(self, tbl: ET.Element) -> str:
        if self.flat:  # each cell's paragraphs in reading order, a row's cells one after another
            return "".join("".join(self.blocks(tc)) for tr in _within(tbl, W + "tr") for tc in _within(tr, W + "tc"))
        grid: list[list[tuple[int, int, ET.Element | None, str | None]]] = []  # a row's (column, span, cell, merge)
        for tr in _within(tbl, W + "tr"):
            trpr = tr.find(W + "trPr")
            if trpr is not None and trpr.find(W + "del") is not None:
                continue  # a row deleted with its changes tracked
            before = _int(_val(trpr.find(W + "gridBefore")) if trpr is not None else None, 0, 0, 63)
            cells: list[tuple[int, int, ET.Element | None, str | None]] = [(0, before, None, None)] if before else []
            column = before
            for tc in _within(tr, W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span = _int(_val(tcpr.find(W + "gridSpan")) if tcpr is not None else None, 1, 1, 63)  # (Word's most)
                vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
                cells.append((column, span, tc, None if vmerge is None else (_val(vmerge) or "continue")))
                column += span
            grid.append(cells)
        covered: set[tuple[int, int]] = set()  # (row, column) of cells a merged cell above takes in
        rows = []
        for i, cells in enumerate(grid):
            out = []
            for column, span, tc, merge in cells:
                if (i, column) in covered:
                    continue
                attr = f' colspan="{span}"' if span > 1 else ""
                if merge == "restart":  # a vertically merged cell: it spans the rows that continue it
                    j = i + 1
                    while j < len(grid) and any(c[0] == column and c[3] == "continue" for c in grid[j]):
                        covered.add((j, column))
                        j += 1
                    attr += f' rowspan="{j - i}"' if j - i > 1 else ""
                inner = "" if tc is None or merge == "continue" else "".join(self.blocks(tc))
                out.append(f"<td{attr}>{inner}</td>")
            if out:
                rows.append("<tr>" + "".join(out) + "</tr>")
        return f"<table>{''.join(rows)}</table>" if rows else ""

    def notes_html(self) -> str:
        if not self.notes:
            return ""
        return '<div class="notes">' + "".join(f"<p><sup>{n}</sup> {body}</p>" for n, body in self.notes) + "</div>"


def _branch(alternate: ET.Element) -> ET.Element | None:
    """The one branch of an ``mc:AlternateContent`` read: Word writes the same content twice (for newer
    readers and, as the fallback, for older ones); the fallback, else the first choice."""
    branch = alternate.find(_MC + "Fallback")
    return branch if branch is not None else alternate.find(_MC + "Choice")


def _outermost(el: ET.Element, tag: str) -> Iterator[ET.Element]:
    """The elements of ``tag`` below ``el`` that no other of ``tag`` holds."""
    for child in el:
        if child.tag == tag:
            yield child
        else:
            yield from _outermost(child, tag)


def _within(el: ET.Element, tag: str) -> Iterator[ET.Element]:
    """``el``'s children of ``tag``, and those inside the wrappers Word puts round rows and cells (content
    controls, custom XML, tracked insertions)."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins"):
            yield from _within(child, tag)


def _upper_text(html: str) -> str:
    return "".join(p if p.startswith("<") or p.startswith("&") else p.upper()
                   for p in re.split(r"(<[^>]*>|&#?\w+;)", html))


def _part(z: zipfile.ZipFile, name: str) -> ET.Element | None:
    try:
        info = z.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART:
        raise WordError(f"its {name} is too large ({info.file_size:,} bytes)")
    try:
        with z.open(info) as fh:
            data = fh.read(MAX_PART + 1)
    except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, EOFError, OSError):
        raise WordError(f"its {name} cannot be unpacked (damaged, locked with a password, or packed as Word "
                        "never packs it)") from None
    if len(data) > MAX_PART:
        raise WordError(f"its {name} is too large")
    data = data.replace(_STRICT, _TRANSITIONAL)  # (ISO strict's namespace: the same elements)
    try:
        return guarded_xml(data, max_depth=MAX_DEPTH, too_deep=f"its {name} is nested too deeply to lay out",
                           has_doctype=f"its {name} declares a DOCTYPE or entities, which Word never writes",
                           invalid=lambda reason: f"its {name} is damaged ({reason})")
    except XmlRefused as exc:
        raise WordError(str(exc)) from None


def _targets(z: zipfile.ZipFile, rels_name: str, folder: str) -> dict[str, str]:
    """What a part's relationships point to, by the relationship type's last word ("styles", "numbering"),
    as names in the package."""
    out: dict[str, str] = {}
    rels = _part(z, rels_name)
    for rel in rels if rels is not None else ():
        kind, target = (rel.get("Type") or "").rsplit("/", 1)[-1], rel.get("Target") or ""
        if target and rel.get("TargetMode") != "External":
            out.setdefault(kind, target.lstrip("/") if target.startswith("/") else folder + target)
    return out


def _first_header(z: zipfile.ZipFile, document: ET.Element, rels_name: str, folder: str) -> ET.Element | None:
    """The header Word shows on the document's first page: its first section's (a section's properties end its
    last paragraph; the body's own close the last section), the first page's own where the section has one."""
    body = document.find(W + "body")
    sect = next(body.iter(W + "sectPr"), None) if body is not None else None
    if sect is None:
        return None
    refs = {_val(ref, "type") or "default": next((v for k, v in ref.attrib.items() if k.endswith("}id")), None)
            for ref in sect.findall(W + "headerReference")}  # (r:id, in whichever namespace the package uses)
    rid = refs.get("first") if _on(sect.find(W + "titlePg")) else None
    rid = rid or refs.get("default")
    rels = _part(z, rels_name) if rid else None
    target = next((rel.get("Target") or "" for rel in (rels if rels is not None else ())
                   if rel.get("Id") == rid and rel.get("TargetMode") != "External"), "")
    if not target:
        return None
    return _part(z, target.lstrip("/") if target.startswith("/") else folder + target)


def _main_part(z: zipfile.ZipFile) -> str:
    """The main document part's name, as the package's relationships say (word/document.xml as a rule)."""
    return _targets(z, "_rels/.rels", "").get("officeDocument", "word/document.xml")


def word_html(data: bytes, flat: bool = False) -> list[str]:
    """The document's body as HTML chunks (one a paragraph, heading or table; its notes last), to be laid
    out with ``WORD_CSS``; with ``flat``, tables as their cells' paragraphs one after another (for a table the
    layout cannot fit on a page: a row taller than a page, a landscape table wider than A4). Raises
    ``WordError`` where it cannot follow the document."""
    try:
        z = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise WordError("no Word package inside (a text letter opens as .txt)") from None  # (never the zip library's "File is not a zip
    # file", a new user read)
    with z:
        main = _main_part(z)
        folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
        document = _part(z, main)
        if document is None or document.find(W + "body") is None:
            raise WordError("it has no document body")
        name = main.rsplit("/", 1)[-1]
        targets = _targets(z, f"{folder}_rels/{name}.rels", folder)
        reader = _Reader({kind: _part(z, targets.get(kind, f"{folder}{kind}.xml"))
                          for kind in ("styles", "numbering", "footnotes", "endnotes")}, flat)
        header_xml = _first_header(z, document, f"{folder}_rels/{name}.rels", folder)
    try:
        header = reader.blocks(header_xml) if header_xml is not None else []
        blocks = reader.blocks(document.find(W + "body"))
        notes = reader.notes_html()
    except RecursionError:  # tables in tables past any real document's depth
        raise WordError("its tables are nested too deeply to lay out") from None
    if notes:
        blocks.append(notes)
    if blocks and "".join(header).strip():  # the first page's header, once, above the body (a paper's
        blocks.insert(0, f'<div class="header">{"".join(header)}</div>')  # meeting and date are often there)
    if not blocks:
        raise WordError("it has no text in its body")
    chunks: list[str] = []  # a heading opens a chunk (the layout keeps it with what it heads); a chunk
    for html in blocks:  # stays small enough for MuPDF's layout to stay quick
        if not chunks or html.startswith("<h") or len(chunks[-1]) > CHUNK:
            chunks.append(html)
        else:
            chunks[-1] += html
    return chunks
