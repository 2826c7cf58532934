"""Highlights made elsewhere: the highlight, underline and comment annotations a PDF already carries
(as Acrobat, Edge or Zotero make them), offered as suggestions awaiting a theme and severity.

``letters.pdf_marks`` reads the marks (PyMuPDF); here they are placed on the letter's canonical
text through its layout (the characters under a mark's boxes; for a comment pinned to a point, the
sentence at that point) and turned into ``Suggestion``s with ``origin="pdf"``, the comment as the
note and the mark's author kept. The suggester's reading of the same passage proposes a severity
and themes, so that one key accepts it; where it has none, the auditor picks them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from reviewer.core.annotations.model import Annotation, Theme
from reviewer.core.reading.outline import Structure, unit_quote
from reviewer.core.reading.suggest import Suggestion, tagged_over
from reviewer.core.reading.theming import ThemeModel
from reviewer.core.text.layout import Layout, Rect

TEXT_MARKS = ("highlight", "underline", "strikeout", "squiggly")
NOTE_MARKS = ("note", "freetext")
VERBS = {"highlight": "highlighted", "underline": "underlined", "strikeout": "struck through",
         "squiggly": "underlined", "note": "commented", "freetext": "commented"}
MARK_SCORE = 0.99  # the auditor's own choice: always among the strongest suggestions shown


@dataclass(frozen=True)
class RawMark:
    """A mark as the PDF holds it: page (0-based), kind (``TEXT_MARKS`` or ``NOTE_MARKS``), the boxes
    it covers (a text mark's quads) or, for a comment, the box it is pinned to; its comment and author."""

    page: int
    kind: str
    rects: tuple[Rect, ...]
    note: str = ""
    author: str = ""
    created: str = ""


@dataclass(frozen=True)
class PlacedMark:
    start: int
    end: int
    kind: str
    note: str
    author: str
    created: str = ""


def _covered(layout: Layout, page: int, rects: Sequence[Rect]) -> list[int]:
    """Offsets of the characters of ``page`` whose centre lies in one of ``rects``."""
    out = []
    for ln in layout.lines_on(page):
        cy = (ln.box[1] + ln.box[3]) / 2
        hits = [r for r in rects if r[1] - 1 <= cy <= r[3] + 1 and r[0] <= ln.box[2] and ln.box[0] <= r[2]]
        if not hits:
            continue
        for k in range(ln.start, ln.end):
            a, b = layout.x0[k], layout.x1[k]
            if a == a and any(r[0] <= (a + b) / 2 <= r[2] for r in hits):
                out.append(k)
    return out


def place_marks(layout: Layout, marks: Iterable[RawMark], structure: Structure) -> list[PlacedMark]:
    """Each mark as a range of the letter's text: a text mark covers its characters (widened to whole
    words); a comment takes the sentence or bullet it is pinned to. Marks over no text are left out."""
    text = layout.text
    out = []
    for m in marks:
        if m.kind in TEXT_MARKS:
            offsets = _covered(layout, m.page, m.rects)
            if not offsets:
                continue
            s, e = min(offsets), max(offsets) + 1
            while s > 0 and text[s - 1].isalnum():
                s -= 1
            while e < len(text) and text[e].isalnum():
                e += 1
        elif m.kind in NOTE_MARKS and m.rects:
            r = m.rects[0]
            at = layout.hit(m.page, (r[0] + r[2]) / 2, (r[1] + r[3]) / 2)
            unit = structure.unit_at(at) if at is not None else None
            if unit is None:
                continue
            s, e = unit
        else:
            continue
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(PlacedMark(s, e, m.kind, m.note.strip(), m.author.strip(), m.created))
    out.sort(key=lambda p: (p.start, p.end))
    merged: list[PlacedMark] = []
    for p in out:  # a comment on the very passage a highlight marks joins it
        if merged and merged[-1].start == p.start and merged[-1].end == p.end:
            last = merged[-1]
            note = "\n".join(dict.fromkeys(x for x in (last.note, p.note) if x))
            merged[-1] = replace(last, note=note, author=last.author or p.author)
        else:
            merged.append(p)
    return merged


def mark_suggestions(text: str, marks: Sequence[PlacedMark], found: Sequence[Suggestion], themes: Iterable[Theme],
                     annotations: Sequence[Annotation] = (), existing: Sequence[tuple[int, int]] = (),
                     dismissed: Iterable[tuple[int, int]] = (), structure: Structure | None = None
                     ) -> list[Suggestion]:
    """``found`` (the suggester's suggestions) with the PDF's marks added as suggestions of their own
    (``origin="pdf"``), and the suggester's suggestions they overlap left out; marks already
    annotated or dismissed are not offered. In reading order."""
    skip = set(dismissed)
    model: ThemeModel | None = None
    furniture = structure.furniture if structure is not None else []
    offered: list[Suggestion] = []
    for m in marks:
        if (m.start, m.end) in skip or tagged_over(m.start, m.end, existing):
            continue
        over = [(min(m.end, x.end) - max(m.start, x.start), x) for x in found if x.start < m.end and m.start < x.end]
        best = max(over, key=lambda o: o[0])[1] if over else None
        quote = unit_quote(text, m.start, m.end, furniture)
        if best is not None:
            severity, chosen = best.severity, best.themes
        else:
            model = model or ThemeModel(themes, annotations)
            severity, chosen = "context", model.choose(model.evidence(quote), None, quote)
        who = f" by {m.author}" if m.author else ""
        said = " — ".join(" ".join(line.split()) for line in m.note.splitlines() if line.strip())
        why = f"{VERBS.get(m.kind, 'marked')} in the PDF{who}" + (f": {said}" if said else "")
        offered.append(Suggestion(m.start, m.end, quote, severity, tuple(chosen), MARK_SCORE, why,
                                  best.listed if best is not None else False, origin="pdf", note=m.note,
                                  author=m.author))
    if not offered:
        return list(found)
    kept = [x for x in found if not any(o.start < x.end and x.start < o.end for o in offered)]
    return sorted(kept + offered, key=lambda x: (x.start, x.end))
