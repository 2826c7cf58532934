"""Plain-text letters laid out on A4 pages, so they read, select and export like PDFs."""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

from reviewer.letters import guard
from reviewer.core.text.layout import Layout, LayoutBuilder


PAGE_W, PAGE_H, MARGIN = 595.0, 842.0, 62.0
BODY_SIZE, HEAD_SIZE = 10.5, 13.0
TAB_STOP, TAB_GAP = 36.0, 12.0  # a table's cells (a tab apart: ``markup``) start at the next stop, a gap clear


def _tab(at: float) -> float:
    """How far a tab at ``at`` (from the line's start) moves on: to the next stop at least a gap away."""
    return (int((at + TAB_GAP) // TAB_STOP) + 1) * TAB_STOP - at


class _Fonts:
    def __init__(self) -> None:
        self.body = pymupdf.Font("helv")
        self.bold = pymupdf.Font("hebo")
        self.fallback = pymupdf.Font("cjk")

        self._covered: dict[tuple[str, bool], bool] = {}
        self._widths: dict[tuple[bool, float], dict[str, float]] = {}

    def pick(self, ch: str, bold: bool) -> pymupdf.Font:
        f = self.bold if bold else self.body
        if ch.isascii():
            return f
        key = (ch, bold)
        if key not in self._covered:
            self._covered[key] = bool(f.has_glyph(ord(ch)))
        return f if self._covered[key] else self.fallback

    def widths(self, para: str, bold: bool, size: float) -> list[float]:
        cache = self._widths.setdefault((bold, size), {})
        out = []
        for ch in para:
            w = cache.get(ch)
            if w is None:
                w = cache[ch] = self.pick(ch, bold).text_length(ch, fontsize=size)
            out.append(w)
        return out


def text_pages(text: str, headings: Sequence[tuple[int, int]] | None = None) -> tuple[Layout, bytes]:
    """Lay a plain-text letter out on A4 pages; return its layout and the PDF that shows it. Lines that
    start at a ``headings`` span are set as headings (without it, lines marked "#")."""
    heading_starts = {s for s, _ in headings} if headings is not None else None
    guard.check()
    fonts = _Fonts()
    b = LayoutBuilder()
    doc = pymupdf.open()
    width = PAGE_W - 2 * MARGIN
    page = None
    writers: dict[tuple[int, bool], pymupdf.TextWriter] = {}
    y = PAGE_H  # force a new page
    pno = -1

    def new_page() -> None:
        nonlocal page, y, pno
        flush()
        page = doc.new_page(width=PAGE_W, height=PAGE_H)
        b.page_sizes.append((PAGE_W, PAGE_H))
        pno += 1
        y = MARGIN

    def flush() -> None:
        if page is None:
            return
        for (grey, _), tw in writers.items():
            tw.write_text(page, color=(0.55, 0.55, 0.6) if grey else (0.1, 0.1, 0.12))
        writers.clear()

    def writer(grey: bool) -> pymupdf.TextWriter:
        key = (int(grey), False)
        if key not in writers:
            writers[key] = pymupdf.TextWriter(pymupdf.Rect(0, 0, PAGE_W, PAGE_H))
        return writers[key]

    offset = 0
    paragraphs = text.split("\n")
    for para in paragraphs:
        heading = (offset in heading_starts) if heading_starts is not None else para.lstrip().startswith("#")
        size = HEAD_SIZE if heading else BODY_SIZE
        lead = size * 1.45
        markup = len(para) - len(para.lstrip("# *")) if heading and heading_starts is None else 0
        if not para.strip():
            if b.length or offset:
                y += lead * 0.6
            if y + lead > PAGE_H - MARGIN:
                y = PAGE_H  # next text starts a page
        else:
            widths = fonts.widths(para, heading, size)
            pos = 0
            while pos < len(para):
                # take as many characters as fit, breaking after a space where possible
                acc, end, last_space = 0.0, pos, -1
                while end < len(para) and (acc + (w := _tab(acc) if para[end] == "\t" else widths[end]) <= width
                                           or end == pos):
                    if para[end] in " \t":
                        last_space = end
                    acc += w
                    end += 1
                if end < len(para) and last_space >= pos and para[end] != " ":
                    end = last_space + 1
                while end < len(para) and para[end] == " ":
                    end += 1  # trailing spaces stay on this line
                if y + lead > PAGE_H - MARGIN:
                    new_page()
                x = MARGIN
                chars: list[tuple[str, float, float]] = []
                run_start, run_x, run_key = pos, x, None
                for k in range(pos, end + 1):  # (a tab is a run of its own, drawn as the space it leaves)
                    key = (k < markup, fonts.pick(para[k], heading), para[k] == "\t") if k < end else None
                    if key != run_key:
                        if run_key is not None and para[run_start:k].strip():
                            writer(run_key[0]).append(
                                (run_x, y + size), para[run_start:k], font=run_key[1], fontsize=size
                            )
                        run_start, run_x, run_key = k, x, key
                    if k < end:
                        w = _tab(x - MARGIN) if para[k] == "\t" else widths[k]
                        chars.append((para[k], x, x + w))
                        x += w
                b.separator(text[b.length : offset + pos])
                b.line(pno, chars, y, y + size * 1.25)
                pos = end
                y += lead
        offset += len(para) + 1
    if page is None:
        new_page()
    flush()
    b.separator(text[b.length :])
    layout = b.build()
    assert layout.text == text, "text layout must cover the text exactly"
    return layout, doc.tobytes(garbage=3, deflate=True)
