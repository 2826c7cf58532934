"""Letters as PDFs carrying each annotation as a real PDF highlight, readable in any PDF reader.

The highlight is coloured by severity, its comment holds the severity, themes, note and the
manager's review, and its author is the auditor. Text letters are typeset to PDF first (the same
pages the window shows), so every letter in a pack opens the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
import dataclasses
from dataclasses import dataclass, field

import pymupdf

from reviewer.letters import guard
from reviewer.letters.clean import make_safe, safe_copy
from reviewer.core.annotations.codebook import severities, themes_said
from reviewer.letters.importing import layout_for
from reviewer.core.reading.furniture import find_furniture
from reviewer.core.reading.outline import without_furniture
from reviewer.core.text.layout import Layout, page_starts
from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Annotation, Letter, parse_time
from reviewer.core.text.textsearch import collapse_ws
from reviewer.letters.pdf_writer import opens_whole, page_by_page, pdf_bytes
from reviewer.core.text.words import counted


def _tint(hex_colour: str, strength: float = 0.55) -> tuple[float, float, float]:
    """A lighter version of a severity colour, so the highlighted text stays readable."""
    h = hex_colour.lstrip("#")
    rgb = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    return tuple(1 - strength * (1 - c) for c in rgb)  # type: ignore[return-value]


_COLOURS = {s.id: _tint(s.colour) for s in severities()}
_LABELS = {s.id: s.label for s in severities()}


def comment_for(lib: Library, a: Annotation) -> str:
    lines = [f"{_LABELS.get(a.severity, a.severity)} — " + (themes_said(lib.theme_label(t) for t in a.themes) or "no theme")]
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


@dataclass
class Highlight:
    """One annotation as the PDF will carry it: plain values, so a job can go to another process."""

    start: int
    end: int
    page: int  # 1-based page for a note when the passage cannot be placed
    placed: bool
    colour: tuple[float, float, float]
    info: dict[str, str]


@dataclass
class AnnotateJob:
    """Everything needed to write one annotated letter, with no reference to the library."""

    title: str
    kind: str
    source: str
    data: bytes
    layout: Layout | None
    highlights: list[Highlight] = field(default_factory=list)


def annotate_job(lib: Library, letter: Letter, data: bytes, annotations: Sequence[Annotation],
                 layout: Layout | None = None) -> AnnotateJob:
    job = AnnotateJob(lib.display_title(letter.id), letter.kind, letter.source, data, layout if letter.kind == "pdf" else None)
    for a in annotations:
        info = {"title": a.author or "Reviewer", "content": comment_for(lib, a),
                "subject": _LABELS.get(a.severity, a.severity)}
        if a.modified:
            info["modDate"] = _pdf_date(a.modified)
        if a.created:
            info["creationDate"] = _pdf_date(a.created)
        job.highlights.append(Highlight(a.start, a.end, a.page, not a.orphaned,
                                        _COLOURS.get(a.severity, (1, 0.9, 0.3)), info))
    return job


def annotated_pdf(lib: Library, letter: Letter, data: bytes, annotations: Sequence[Annotation],
                  layout: Layout | None = None) -> bytes:
    """The letter as a PDF with one highlight annotation per annotation. ``layout``, when the
    library kept it, spares reading every character of a PDF again."""
    return run_annotate_job(annotate_job(lib, letter, data, annotations, layout))


def run_annotate_job(job: AnnotateJob, clean: bool = True) -> bytes:
    """Write the annotated PDF (a top-level function, so a process pool can run it). ``clean``:
    make it safe (``letters.clean``); False only for ``job.data`` that is a safe copy already."""
    guard.check()
    layout, typeset = job.layout, None
    if layout is None:
        layout, typeset, _ = layout_for(job.data, job.kind, job.source)
    doc = pymupdf.open("pdf", typeset if typeset is not None else job.data)
    if clean and typeset is None and not opens_whole(job.data):  # a damaged letter: its pages, not its broken
        whole = page_by_page(doc)  # page tree (a pack's safe copy is whole already: ``clean`` False)
        doc.close()
        doc = whole
    # running headers, footers and page numbers: a passage across a page break is highlighted on both
    # pages, never on the footer between its halves (as the window draws it)
    furniture = find_furniture(layout.text, page_starts(layout)) if job.highlights else []
    try:
        for h in job.highlights:
            by_page: dict[int, list[pymupdf.Rect]] = {}
            if h.placed:
                for a, b in without_furniture(h.start, h.end, furniture):
                    for page, r in layout.rects(a, b):
                        by_page.setdefault(page, []).append(pymupdf.Rect(r))
            if not by_page:  # cannot be placed: a sticky note on its page says so
                page = doc[min(max(h.page, 1), doc.page_count) - 1]
                annot = page.add_text_annot((page.rect.width - 36, 36), h.info["content"], icon="Note")
                annot.set_colors(stroke=h.colour)
                annot.set_info(h.info)
                annot.update()
                continue
            for page_no, rects in by_page.items():
                if page_no >= doc.page_count:
                    continue
                page = doc[page_no]  # keep the page alive while its annotation is edited
                annot = page.add_highlight_annot(quads=rects)
                annot.set_colors(stroke=h.colour)
                annot.set_info(h.info)
                annot.update()
        if clean:
            make_safe(doc)  # a copy a manager opens: no scripts, actions or attached files (letters.clean)
        doc.set_metadata({**(doc.metadata or {}), "title": job.title,
                          "subject": f"Audited with Reviewer: {counted(len(job.highlights), 'annotation')}"})
        return pdf_bytes(doc)
    finally:
        doc.close()


def run_safe_and_annotate_job(job: AnnotateJob) -> tuple[bytes, bytes]:
    """A PDF letter's safe copy (``letters.clean.safe_copy``: the source a pack's REFI-QDA project
    shows) and its copy with highlights, made from that safe copy: the letter is cleaned once, not
    once for each (the highlights add nothing that runs or carries a file)."""
    safe = safe_copy(job.data, job.source)
    return safe, run_annotate_job(dataclasses.replace(job, data=safe), clean=False)
