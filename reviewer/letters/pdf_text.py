"""Reading a PDF's text: the canonical text alone (for importing), or with every character's box
(a ``Layout``, for showing and highlighting the letter), a page at a time if need be.

Both read the same lines in the same order, expand ligature glyphs into letters and strip each
line's edges the same way, so they give the same text; a test holds them to it.
"""

from __future__ import annotations

import pymupdf

from reviewer.letters import guard
from reviewer.core.text.documents import LIGATURES, DocumentError, check_text_length
from reviewer.core.text.layout import Layout, LayoutBuilder
from reviewer.core.text.links import MAX_ADDRESS, MAX_POINTS, Link

_FLAGS = pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP


def _expand(ch: str, x0: float, x1: float) -> list[tuple[str, float, float]]:
    rep = LIGATURES.get(ch)
    if rep is None:
        return [(ch, x0, x1)]
    w = (x1 - x0) / len(rep)
    return [(c, x0 + k * w, x0 + (k + 1) * w) for k, c in enumerate(rep)]


def pdf_layout(doc: pymupdf.Document, name: str = "file") -> Layout:
    """Canonical text and character boxes of a PDF: lines joined by newlines, blocks and pages by blank lines."""
    reader = LayoutReader(doc, name)
    while not reader.read_page():
        pass
    return reader.layout()


def page_sizes(doc: pymupdf.Document) -> list[tuple[float, float]]:
    return [(r.width, r.height) for r in (doc[p].rect for p in range(doc.page_count))]


class LayoutReader:
    """Builds a PDF's ``Layout`` one page per call, so a thread can do other work in between."""

    def __init__(self, doc: pymupdf.Document, name: str = "file") -> None:
        guard.check()
        self.doc, self.name = doc, name
        self.b = LayoutBuilder()
        self.next_page = 0

    def read_page(self) -> bool:
        """Read the next page; True once every page is read."""
        if self.next_page >= self.doc.page_count:
            return True
        pno, b = self.next_page, self.b
        self.next_page += 1
        try:
            page = self.doc[pno]
            b.page_sizes.append((page.rect.width, page.rect.height))
            raw = page.get_text("rawdict", flags=_FLAGS)
        except Exception as exc:
            raise DocumentError(f"{self.name}: page {pno + 1} cannot be read ({exc})") from None
        for block in raw.get("blocks", []):
            if block.get("type") != 0:
                continue
            block_started = False
            for line in block.get("lines", []):
                chars: list[tuple[str, float, float]] = []
                for span in line.get("spans", []):
                    for c in span.get("chars", []):
                        x0, _, x1, _ = c["bbox"]
                        chars.extend(_expand(c["c"], x0, x1))
                while chars and chars[-1][0].isspace():
                    chars.pop()
                while chars and chars[0][0].isspace():
                    chars.pop(0)
                if not chars:
                    continue
                if b.length:
                    b.separator("\n" if block_started else "\n\n")
                block_started = True
                lb = line["bbox"]
                b.line(pno, chars, lb[1], lb[3])
        check_text_length(b.length, self.name)  # page by page: a runaway letter stops early
        b.links.extend(page_links(page, pno, self.doc.page_count))
        return self.next_page >= self.doc.page_count

    def layout(self) -> Layout:
        return self.b.build()


MAX_LINKS = 500  # on one page: a contents page has tens; more is no letter's (a file made to be slow to hover)


def page_links(page: pymupdf.Page, pno: int, pages: int) -> list[Link]:
    """The links of ``page`` a reader follows: to a page of this letter (its height there where the PDF says
    it), or to a web address (which addresses are opened is the view's to decide, ``core.text.links``). A link
    to another file, a program to launch or a page that is not there is left out; a page whose links cannot be
    read has none (its text is still read). About 2 ms for the links of a 50-page report."""
    out: list[Link] = []
    try:
        found = _first_links(page)
    except Exception:  # noqa: BLE001 - a damaged link annotation costs the links, never the letter
        return out
    for ln in found:
        try:
            r = ln["from"]
            box = (float(r.x0), float(r.y0), float(r.x1), float(r.y1))
            if not all(v == v and abs(v) < MAX_POINTS for v in box) or box[2] <= box[0] or box[3] <= box[1]:
                continue
            kind = ln.get("kind")
            if kind in (pymupdf.LINK_GOTO, pymupdf.LINK_NAMED) and isinstance(ln.get("page"), int) \
                    and 0 <= ln["page"] < pages:
                to = ln.get("to")
                y = float(to.y) if to is not None and to.y == to.y and 0 < to.y < MAX_POINTS else 0.0
                out.append(Link(pno, box, to_page=ln["page"], to_y=y))
            elif kind == pymupdf.LINK_URI and isinstance(ln.get("uri"), str) \
                    and 0 < len(ln["uri"].strip()) <= MAX_ADDRESS:  # (one longer is left out, never opened cut)
                out.append(Link(pno, box, uri=ln["uri"].strip()))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return out


def _first_links(page: pymupdf.Page) -> list[dict]:
    """The first MAX_LINKS of ``page.get_links()``, in one pass: PyMuPDF's ``Link.next`` lists the page's
    annotations again at every step to name the next link's xref (10,000 links on a page: 52 s), which a reader
    never asks; a link with no xref steps on without it."""
    out: list[dict] = []
    ln = page.first_link
    while ln and len(out) < MAX_LINKS:
        ln.xref = 0  # (so .next does not look through the page's annotations for the next one's)
        out.append(pymupdf.utils.getLinkDict(ln, page.parent))
        ln = ln.next
    return out


_TO_LETTERS = str.maketrans(LIGATURES)


def pdf_text(doc: pymupdf.Document, name: str = "file") -> tuple[str, list[int]]:
    """The canonical text of ``pdf_layout`` and where each page's text starts, without the
    characters' boxes, so importing stays close to PyMuPDF's own pace. Lines are the same lines,
    ligatures expanded and edges stripped the same way.

    Each page is read as PyMuPDF's text blocks (each block's lines ended by a newline, built in C)
    rather than as a dict of spans: the same lines in the same order, for a third less work per
    page (the 254 PDFs of the corpus, sample and shared letters give the same text both ways)."""
    parts: list[str] = []
    length = 0
    firsts: list[int | None] = []
    for pno in range(doc.page_count):
        try:
            blocks = doc[pno].get_text("blocks", flags=_FLAGS)
        except Exception as exc:
            raise DocumentError(f"{name}: page {pno + 1} cannot be read ({exc})") from None
        first = None
        for block in blocks:
            if block[6] != 0:  # an image block (none are asked for)
                continue
            block_started = False
            for line in block[4].translate(_TO_LETTERS).split("\n"):  # ligatures become letters, never a newline
                text = line.strip()
                if not text:
                    continue
                if length:
                    sep = "\n" if block_started else "\n\n"
                    parts.append(sep)
                    length += len(sep)
                block_started = True
                if first is None:
                    first = length
                parts.append(text)
                length += len(text)
        check_text_length(length, name)  # page by page: a runaway letter stops early
        firsts.append(first)
    starts, nxt = [0] * len(firsts), length
    for p in range(len(firsts) - 1, -1, -1):
        nxt = firsts[p] if firsts[p] is not None else nxt  # type: ignore[assignment]
        starts[p] = nxt
    if starts:
        starts[0] = 0
    return "".join(parts), starts
