"""PDFs Reviewer writes itself: HTML laid out on A4 pages by PyMuPDF's Story, and documents saved."""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Callable, Sequence

import pymupdf

from reviewer.letters import guard
from reviewer.letters.pdf_fonts import tidy_fonts
from reviewer.letters.pdf_tables import MARK, mark, over_the_page, window

# MuPDF's layout sets "ff", "fi", "fl", "ffi" and "ffl" as the ligature characters U+FB00-FB04 whenever
# the font has them (html-layout.c, quick_ligature), and no CSS turns that off: pdftotext and pypdf then
# give "oﬃcer" and a search for "officer" finds nothing. A soft hyphen after the "f" cuts the word into
# two runs that cannot ligate, and with ``hyphens: none`` it offers no line break and draws nothing: the
# letters are set side by side and every reader joins them again.
_LIGATURE_START = re.compile(r"f(?=[fil])")
_MARKUP = re.compile(r"(<[^>]*>|&#?\w+;)")
STORY_CSS = "body{hyphens:none;margin:0}"  # (MuPDF gives a body 8pt above and below: once per chunk)
KEEP = 60  # points: about a heading and two lines
KEEP_AFTER = 48  # points under a heading for the start of what it heads (a table's header and first row)
ROWS = 32  # a long table's rows laid out at once (``pdf_tables.window``; then half as many again as the last page
# took), doubled while a page takes them all
_HEADING = re.compile(r"^\s*(<h[1-4][^>]*>.*?</h[1-4]>)", re.S)
# a page's contents showing text (a string shown by TJ or Tj): a page with none holds only the rule a table's end left
# (read from its contents, not by extracting its text: 0.6 s of a 739-page summary)
_SHOWS_TEXT = re.compile(rb"[\])>]\s*T[Jj](?![A-Za-z])")


def _fits_a_page(html: str, css: str, where: pymupdf.Rect) -> bool:
    """Whether the chunk fits whole on an empty page."""
    more, _ = pymupdf.Story(html=html, user_css=STORY_CSS + css).place(where)
    return not more


def _heading_height(html: str, css: str, where: pymupdf.Rect) -> float:
    """The height of the heading a chunk opens with, margins included; 0 where it opens with none."""
    m = _HEADING.match(html)
    if not m:
        return 0.0
    _, filled = pymupdf.Story(html=m.group(1), user_css=STORY_CSS + css).place(pymupdf.Rect(0, 0, where.width, 1000))
    return pymupdf.Rect(filled).y1


CHUNK_GAP = 4  # points between one chunk and the next
RUN_SLACK = 12  # points: a chunk's trailing margins, which MuPDF lets a page's foot cut (the measure counts them)
_RUN_ID = "reviewer-run-"


def _a_finding(html: str) -> bool:
    """A chunk that is a quoted finding and what follows it (its review), no heading, no table to go over pages."""
    return html.lstrip().startswith("<blockquote") and MARK not in html


def _wrapped(htmls: Sequence[str], i: int, j: int) -> str:
    """Chunks ``i`` to ``j`` (not included) as one story, each followed by ``CHUNK_GAP``: laid out where they would
    be laid out one by one (their margins do not meet across the gap)."""
    return "".join(f'<div id="{_RUN_ID}{k}" style="padding-bottom:{CHUNK_GAP}pt">{htmls[k]}</div>' for k in range(i, j))


def _run_layout(htmls: Sequence[str], css: str, width: float) -> tuple[list[float], list[float]] | None:
    """Where each chunk of a run starts, laid out one after another in a column ``width`` wide (and where the last
    ends, its gap included), and where each one's words end; None where the layout did not say (the chunks are
    then laid out one by one)."""
    story = pymupdf.Story(html=_wrapped(htmls, 0, len(htmls)), user_css=STORY_CSS + css)
    more, filled = story.place(pymupdf.Rect(0, 0, width, 1e7))
    if more:
        return None
    tops: dict[str, float] = {}
    bottoms: dict[str, float] = {}

    def seen(p: pymupdf.ElementPosition) -> None:
        if p.id.startswith(_RUN_ID):
            (tops if p.open_close & 1 else bottoms)[p.id] = p.rect[1 if p.open_close & 1 else 3]

    story.element_positions(seen)
    starts = [tops.get(f"{_RUN_ID}{k}") for k in range(len(htmls))]
    ends = [bottoms.get(f"{_RUN_ID}{k}") for k in range(len(htmls))]
    if any(y is None for y in starts + ends):
        return None
    return [float(y) for y in starts] + [float(pymupdf.Rect(filled).y1)], [float(y) for y in ends]  # type: ignore[arg-type]


def _story(html: str, rows: int, css: str) -> tuple[pymupdf.Story, bool]:
    """A story of ``html`` (of a long table's first ``rows`` rows, ``pdf_tables.window``) and whether it is all of it."""
    part = window(html, rows) if MARK in html else html
    return pymupdf.Story(html=part, user_css=STORY_CSS + css), part == html


def in_text(html: str, change: Callable[[str], str]) -> str:
    """``html`` with ``change`` made to its text only, never to its tags or character references."""
    parts = _MARKUP.split(html)
    parts[::2] = [change(p) for p in parts[::2]]
    return "".join(parts)


def unligatured(html: str) -> str:
    """``html`` with a soft hyphen after every "f" of its text that MuPDF would join to the next letter."""
    return in_text(html, lambda text: _LIGATURE_START.sub("f\u00ad", text))


def story_pdf(chunks: Sequence[str], css: str, title: str, footer: bool = True) -> bytes:
    """Lay out HTML ``chunks`` on A4 pages, each continuing where the last ended on the page (a long
    document takes time in proportion to its length, not its square), with ``title`` and page
    numbers in each page's footer (unless not ``footer``: a document of someone else's). A chunk that
    would leave less than ``KEEP`` of itself at the foot of a page (a heading without its table, one
    line of a finding) starts on the next page. A table that goes on over a page starts each page it runs onto
    with its header row again, its rows whole (``pdf_tables``)."""
    guard.check()
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    mediabox = pymupdf.paper_rect("a4")
    where = mediabox + (48, 54, -48, -54)
    dev, space = None, where

    def new_page() -> None:
        nonlocal dev, space
        if dev is not None:
            writer.end_page()
        dev, space = writer.begin_page(mediabox), where

    def place_one(html: str) -> None:
        """A chunk laid out on its own: a heading with what it opens, a table going on over pages, a finding taller
        than the room a page has."""
        nonlocal dev, space
        if dev is not None and space.y0 > where.y0 and space.height < _heading_height(html, css, where) + KEEP_AFTER:
            new_page()  # a heading never ends a page: it goes over with the start of what it heads
        rows = ROWS
        story, whole = _story(html, rows, css)
        more, fresh = True, True
        while more:
            if dev is None or space.height < 40:
                new_page()
            more, filled = story.place(space)
            if not more and not whole:  # the page takes every row laid out: lay out more of them
                rows *= 2
                story, whole = _story(html, rows, css)
                more = True
                continue
            if more and space.y0 > where.y0 and (pymupdf.Rect(filled).y1 - space.y0 < KEEP or
                                                 not html.lstrip().startswith("<h2") and _fits_a_page(html, css, where)):
                # too little of it fits here, or all of it would fit on a page of its own (a finding: its
                # quote, page and note together): lay it out afresh on a new page. A heading's table goes on
                # over the page (a summary's first page had been left half empty, its themes table moved whole)
                new_page()
                story, whole = _story(html, rows, css)
                more = True
                continue
            step = over_the_page(story, html, space, space.y0 <= where.y0, fresh) if more and MARK in html else None
            if step is not None and step.new_page:
                writer.end_page()
                dev = None
                continue
            if step is not None and step.again:  # a row taller than a page: laid out afresh, as its cells
                html, fresh = step.html or "", True
                story, whole = _story(html, rows, css)
                continue
            story.draw(dev)
            fresh = False
            if step is not None and step.html is not None:  # a table goes on over the page, its header row first
                html, fresh, rows = step.html, True, step.rows + step.rows // 2 + 2
                story, whole = _story(html, rows, css)
            if more:
                writer.end_page()
                dev, space = None, where
            else:
                space = pymupdf.Rect(where.x0, pymupdf.Rect(filled).y1 + CHUNK_GAP, where.x1, where.y1)

    def place_run(htmls: list[str]) -> None:
        """Findings one after another, laid out as ``place_one`` lays each out (none cut by a page's foot, none
        started in the last ``KEEP_AFTER`` of a page), a page's worth as one story: each story costs MuPDF half a
        millisecond before its first word (fonts, styles), and a 100-letter summary's 6,000 findings took 4.4 s of
        its 8 s laid out one by one. Where they fall is measured once, in one story as tall as the run."""
        nonlocal space
        laid = _run_layout(htmls, css, where.width)
        if laid is None:  # (the layout did not say where they fall: one by one)
            for html in htmls:
                place_one(html)
            return
        starts, ends = laid
        i = 0
        while i < len(htmls):
            if dev is None or space.height < 40 or space.y0 > where.y0 and space.height < KEEP_AFTER:
                new_page()  # (the rule place_one keeps: nothing starts in a page's last KEEP_AFTER)
            top = space.y0 - starts[i]  # where the run's measure puts this page's first finding
            j = i
            while j < len(htmls) and top + ends[j] <= where.y1 + RUN_SLACK and (
                    j == i or where.y1 - (top + starts[j]) >= KEEP_AFTER):
                j += 1
            while j > i:  # (the measure's word checked: MuPDF's own layout decides)
                story = pymupdf.Story(html=_wrapped(htmls, i, j), user_css=STORY_CSS + css)
                more, filled = story.place(space)
                if not more:
                    story.draw(dev)
                    space = pymupdf.Rect(where.x0, pymupdf.Rect(filled).y1, where.x1, where.y1)
                    break
                j -= 1
            if j > i:
                i = j
            elif space.y0 > where.y0 and ends[i] - starts[i] <= where.height:
                new_page()  # a finding that fits a page of its own starts one
            else:
                place_one(htmls[i])  # taller than a page: it goes on over the page as place_one lays it out
                i += 1

    htmls = [mark(unligatured(chunk)) for chunk in chunks]
    at = 0
    while at < len(htmls):
        end = at
        while end < len(htmls) and _a_finding(htmls[end]):
            end += 1
        if end - at > 1:
            place_run(htmls[at:end])
            at = end
        else:
            place_one(htmls[at])
            at += 1
    if dev is not None:
        writer.end_page()
    writer.close()
    doc = pymupdf.open("pdf", buf.getvalue())
    blank = [page.number for page in doc if not _SHOWS_TEXT.search(page.read_contents())]
    if blank and len(blank) < doc.page_count:
        doc.delete_pages(blank)  # a page the layout began for a table's last rule, and nothing else
    doc.set_metadata({"title": title, "creator": "Reviewer", "producer": "Reviewer (PyMuPDF)"})
    font = pymupdf.Font("helv")
    for i, page in enumerate(doc if footer else ()):
        page.wrap_contents()  # the story leaves its coordinate system set: draw the footer outside it
        line = pymupdf.TextWriter(page.rect, color=(0.45, 0.45, 0.45))
        line.append((48, mediabox.height - 28), f"{title} — page {i + 1} of {doc.page_count}", font=font, fontsize=7.5)
        line.write_text(page)
    tidy_fonts(doc)
    return pdf_bytes(doc, garbage=4)  # 4: the footer's font and the body's, subset alike, stored once


def pdf_bytes(doc: pymupdf.Document, garbage: int = 2) -> bytes:
    """The document saved: through a temporary file, which MuPDF writes about three times faster
    than it hands bytes to Python; its objects in compressed object streams (PDF 1.5, read by
    every reader), which makes a report's copy about 30% smaller at almost no cost, so a pack
    stores it as it is rather than deflating it again (``export.common.zip_member``). ``garbage``
    is at least 2: with object streams MuPDF's level 1 keeps objects nothing refers to any more
    (an attachment ``letters.clean`` removed), which level 2 leaves out."""
    fd, tmp = tempfile.mkstemp(prefix="reviewer-", suffix=".pdf")
    os.close(fd)
    try:
        doc.save(tmp, garbage=max(garbage, 2), deflate=True, use_objstms=1)
        with open(tmp, "rb") as fh:
            return fh.read()
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def opens_whole(data: bytes) -> bool:
    """Whether a PDF written here opens, every page of it, in MuPDF (which Poppler agreed with on every case
    tried): a report cut off half-way opened with its pages blank, and its saved copy kept a page tree that
    no reader could open (a bad-input session, stop 44)."""
    try:
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            for i in range(doc.page_count):
                doc.load_page(i)
        return True
    except Exception:  # noqa: BLE001 - MuPDF raises several types for broken files
        return False


def page_by_page(doc: pymupdf.Document) -> pymupdf.Document:
    """A new document of ``doc``'s pages, copied one at a time (each as MuPDF reads it, blank where it reads
    nothing), so that a broken page tree is not copied with them."""
    out = pymupdf.open()
    for i in range(doc.page_count):
        try:
            out.insert_pdf(doc, from_page=i, to_page=i)
        except Exception:  # noqa: BLE001 - a page MuPDF cannot copy: a blank one in its place
            out.new_page()
    if not out.page_count:
        out.new_page()
    return out
