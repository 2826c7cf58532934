"""Plain-text letters laid out on A4 pages, so they read, select and export like PDFs."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pymupdf

from reviewer.letters import guard
from reviewer.core.text.layout import Layout, LayoutBuilder
from reviewer.core.text.units import BULLET_CHARS


PAGE_W, PAGE_H, MARGIN = 595.0, 842.0, 62.0
BODY_SIZE, HEAD_SIZE = 10.5, 13.0
TAB_STOP, TAB_GAP = 36.0, 12.0  # a table's cells (a tab apart: ``markup``) start at the next stop, a gap clear


def _trails(para: str, k: int) -> bool:
    """The character at ``k`` stays at the end of the line it follows: a space, or the tab that ends a table's row
    (``markup.ROW_END``), never a line of its own."""
    return para[k] == " " or para[k] == "\t" and k == len(para) - 1


def _tab(at: float) -> float:
    """How far a tab at ``at`` (from the line's start) moves on: to the next stop at least a gap away."""
    return (int((at + TAB_GAP) // TAB_STOP) + 1) * TAB_STOP - at


PLAIN, BOLD, ITALIC, BOLD_ITALIC = 0, 1, 2, 3  # a character's style (bold | italic)
_BULLET_OPENS = re.compile(rf"\s*[{BULLET_CHARS}]\s+")  # (the glyphs the reading knows as bullets)


class _Fonts:
    def __init__(self) -> None:
        self.faces = [pymupdf.Font(name) for name in ("helv", "hebo", "heit", "hebi")]  # by style
        self.fallback = pymupdf.Font("cjk")

        self._covered: dict[tuple[str, int], bool] = {}
        self._widths: dict[tuple[int, float], dict[str, float]] = {}

    def pick(self, ch: str, style: int) -> pymupdf.Font:
        f = self.faces[style]
        if ch.isascii():
            return f
        key = (ch, style)
        if key not in self._covered:
            self._covered[key] = bool(f.has_glyph(ord(ch)))
        return f if self._covered[key] else self.fallback

    def widths(self, para: str, styles: Sequence[int], size: float) -> list[float]:
        out = []
        for ch, style in zip(para, styles):
            cache = self._widths.setdefault((style, size), {})
            w = cache.get(ch)
            if w is None:
                w = cache[ch] = self.pick(ch, style).text_length(ch, fontsize=size)
            out.append(w)
        return out


def text_pages(text: str, headings: Sequence[tuple[int, int]] | None = None,
               bold: Sequence[tuple[int, int]] = (), italic: Sequence[tuple[int, int]] = ()) -> tuple[Layout, bytes]:
    """Lay a plain-text letter out on A4 pages; return its layout and the PDF that shows it. Lines that
    start at a ``headings`` span are set as headings (without it, lines marked "#"); the ``bold`` and
    ``italic`` spans (a Markdown or HTML letter's emphasis) are set so."""
    heading_starts = {s for s, _ in headings} if headings is not None else None
    styled = [0] * len(text) if bold or italic else None
    for spans, flag in ((bold, BOLD), (italic, ITALIC)):
        for a, b in spans:
            for k in range(max(0, a), min(len(text), b)):
                styled[k] |= flag  # type: ignore[index]
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
            styles = [BOLD] * len(para) if heading else styled[offset:offset + len(para)] if styled else \
                [PLAIN] * len(para)
            widths = fonts.widths(para, styles, size)
            bullet = _BULLET_OPENS.match(para)  # a bullet's lines after its first start under its text, not its mark
            hang = sum(widths[:bullet.end()]) if bullet and bullet.end() < len(para) else 0.0
            pos = 0
            while pos < len(para):
                # take as many characters as fit, breaking after a space where possible
                indent = hang if pos else 0.0
                acc, end, last_space = 0.0, pos, -1
                while end < len(para) and (acc + (w := _tab(acc) if para[end] == "\t" else widths[end]) <= width - indent
                                           or end == pos):
                    if para[end] in " \t":
                        last_space = end
                    acc += w
                    end += 1
                if end < len(para) and last_space >= pos and not _trails(para, end):
                    end = last_space + 1
                while end < len(para) and _trails(para, end):
                    end += 1  # trailing spaces stay on this line, as does the tab that ends a table's row
                if y + lead > PAGE_H - MARGIN:
                    new_page()
                x = MARGIN + indent
                chars: list[tuple[str, float, float]] = []
                run_start, run_x, run_key = pos, x, None
                for k in range(pos, end + 1):  # (a tab is a run of its own, drawn as the space it leaves)
                    key = (k < markup, fonts.pick(para[k], styles[k]), para[k] == "\t") if k < end else None
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
