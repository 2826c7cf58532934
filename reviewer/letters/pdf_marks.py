"""The marks a PDF already carries: highlights, underlines, strike-outs and comments made in Acrobat,
Edge, Zotero or any other reader, read with PyMuPDF (``core.reading.marks`` places them on the text).

A reply to a comment (``/IRT``) joins the comment it answers; pop-ups, links, stamps, drawings and
form fields are not marks.
"""

from __future__ import annotations

from reviewer.core.reading.marks import RawMark
from reviewer.core.text.documents import DocumentError
from reviewer.letters.pdf import open_pdf

_KINDS = {"Highlight": "highlight", "Underline": "underline", "StrikeOut": "strikeout", "Squiggly": "squiggly",
          "Text": "note", "FreeText": "freetext"}
MAX_MARKS = 5000


def _rects(annot) -> tuple[tuple[float, float, float, float], ...]:  # type: ignore[no-untyped-def]
    pts = annot.vertices or []
    if annot.type[1] in ("Text", "FreeText") or len(pts) < 4:
        r = annot.rect
        return ((r.x0, r.y0, r.x1, r.y1),)
    out = []
    for i in range(0, len(pts) - 3, 4):  # QuadPoints: four corners per marked line
        xs = [p[0] for p in pts[i:i + 4]]
        ys = [p[1] for p in pts[i:i + 4]]
        out.append((min(xs), min(ys), max(xs), max(ys)))
    return tuple(out)


def _date(raw: str) -> str:
    """A PDF date ("D:20250301120000Z") as an ISO date, or ""."""
    d = raw[2:] if raw.startswith("D:") else raw
    return f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) >= 8 and d[:8].isdigit() else ""


def read_pdf_marks(data: bytes, name: str = "file") -> list[RawMark]:
    """Every highlight, underline, strike-out and comment in the PDF, in page order; [] when it has none
    or cannot be read (marks are an offer, never a reason to fail opening a letter)."""
    try:
        doc = open_pdf(data, name)
    except DocumentError:
        return []
    try:
        if not doc.has_annots():
            return []
        found: list[tuple[int, RawMark]] = []
        replies: list[tuple[int, str, str]] = []
        for pno in range(doc.page_count):
            for annot in doc[pno].annots():
                kind = _KINDS.get(annot.type[1])
                if kind is None:
                    continue
                info = annot.info or {}
                note, author = str(info.get("content") or "").strip(), str(info.get("title") or "").strip()
                if annot.irt_xref:
                    if note:
                        replies.append((annot.irt_xref, note, author))
                    continue
                found.append((annot.xref, RawMark(pno, kind, _rects(annot), note, author,
                                                  _date(str(info.get("creationDate") or info.get("modDate") or "")))))
                if len(found) >= MAX_MARKS:
                    break
        by_xref = {x: i for i, (x, _) in enumerate(found)}
        marks = [m for _, m in found]
        for parent, note, author in replies:
            i = by_xref.get(parent)
            if i is not None:
                m = marks[i]
                said = f"{author}: {note}" if author and author != m.author else note
                marks[i] = RawMark(m.page, m.kind, m.rects, "\n".join(x for x in (m.note, said) if x), m.author,
                                   m.created)
        return marks
    except Exception:  # noqa: BLE001 - a damaged annotation leaves the letter readable
        return []
    finally:
        doc.close()
