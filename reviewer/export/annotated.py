"""Letters as PDFs carrying each annotation as a real PDF highlight, readable in any PDF reader.

The highlight is coloured by severity, its comment holds the severity, themes, note and the
manager's review, and its author is the auditor. Text letters are typeset to PDF first (the same
pages the window shows), so every letter in a pack opens the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

from reviewer.core.codebook import severities
from reviewer.core.importing import layout_for
from reviewer.core.library import Library
from reviewer.core.model import Annotation, Letter, parse_time
from reviewer.core.textsearch import collapse_ws


def _tint(hex_colour: str, strength: float = 0.55) -> tuple[float, float, float]:
    """A lighter version of a severity colour, so the highlighted text stays readable."""
    h = hex_colour.lstrip("#")
    rgb = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    return tuple(1 - strength * (1 - c) for c in rgb)  # type: ignore[return-value]


_COLOURS = {s.id: _tint(s.colour) for s in severities()}
_LABELS = {s.id: s.label for s in severities()}


def comment_for(lib: Library, a: Annotation) -> str:
    lines = [f"{_LABELS.get(a.severity, a.severity)} — " + ("; ".join(lib.theme_label(t) for t in a.themes) or "no theme")]
    if a.note:
        lines.append(f"Note: {a.note}")
    if a.review:
        who = f" by {a.review.reviewer}" if a.review.reviewer else ""
        lines.append(f"Review: {a.review.label}{who}" + (f" — {a.review.comment}" if a.review.comment else ""))
    if a.orphaned:
        lines.append(f"Needs attention: this passage was not found in the letter's text: “{collapse_ws(a.quote)}”")
    return "\n".join(lines)


def _pdf_date(iso: str) -> str:
    t = parse_time(iso)
    return t.strftime("D:%Y%m%d%H%M%SZ") if t.year > 1 else ""


def annotated_pdf(lib: Library, letter: Letter, data: bytes, annotations: Sequence[Annotation]) -> bytes:
    """The letter as a PDF with one highlight annotation per annotation."""
    layout, typeset, _ = layout_for(data, letter.kind, letter.source)
    doc = pymupdf.open("pdf", typeset if typeset is not None else data)
    try:
        for a in annotations:
            by_page: dict[int, list[pymupdf.Quad]] = {}
            if not a.orphaned:
                for page, r in layout.rects(a.start, a.end):
                    by_page.setdefault(page, []).append(pymupdf.Rect(r).quad)
            info = {"title": a.author or "Reviewer", "content": comment_for(lib, a),
                    "subject": _LABELS.get(a.severity, a.severity)}
            if a.modified:
                info["modDate"] = _pdf_date(a.modified)
            if a.created:
                info["creationDate"] = _pdf_date(a.created)
            if not by_page:  # cannot be placed: a sticky note on its page says so
                page = doc[min(max(a.page, 1), doc.page_count) - 1]
                annot = page.add_text_annot((page.rect.width - 36, 36), info["content"], icon="Note")
                annot.set_colors(stroke=_COLOURS.get(a.severity, (1, 0.9, 0.3)))
                annot.set_info(info)
                annot.update()
                continue
            for page_no, quads in by_page.items():
                if page_no >= doc.page_count:
                    continue
                page = doc[page_no]  # keep the page alive while its annotation is edited
                annot = page.add_highlight_annot(quads=quads)
                annot.set_colors(stroke=_COLOURS.get(a.severity, (1, 0.9, 0.3)))
                annot.set_info(info)
                annot.update()
        doc.set_metadata({**(doc.metadata or {}), "title": letter.title,
                          "subject": f"Audited with Reviewer: {len(annotations)} annotation(s)"})
        return doc.tobytes(garbage=1, deflate=True)
    finally:
        doc.close()
