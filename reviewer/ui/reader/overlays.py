"""What the reading view draws over a page's image: annotations as translucent highlights
coloured by severity, suggestions as faint dashed outlines, find hits, the selection and the
flash that shows where an annotation is."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from reviewer.core.reading.outline import without_furniture
from reviewer.core.text.layout import Layout
from reviewer.ui.kit.contrast import highlight_alpha

FIND_HIT, FIND_CURRENT, FIND_CURRENT_EDGE = QColor(190, 160, 255, 120), QColor(150, 100, 255, 150), QColor(90, 40, 200)


@dataclass(frozen=True)
class Highlight:
    id: str
    start: int
    end: int
    colour: str
    tooltip: str  # plain text lines; escaped when shown


@dataclass
class Marks:
    """Everything drawn over the pages besides the selection; the page view owns one and sets it."""

    highlights: list[Highlight] = field(default_factory=list)
    suggested: list[Highlight] = field(default_factory=list)  # suggestions: faint dashed outlines
    suggested_current: str | None = None
    find_hits: list[tuple[int, int]] = field(default_factory=list)
    find_current: int = -1
    furniture: list[tuple[int, int]] = field(default_factory=list)  # running headers and footers: never marked
    flash_id: str | None = None
    flash_on: bool = False
    alpha: int = 90  # annotations' fill over the text, 0–255 (Preferences)


def paint(p: QPainter, marks: Marks, layout: Layout, selection: tuple[int, int] | None, page: int, r: QRectF,
          z: float) -> None:
    """Annotations, suggestions, find hits, the selection and a flashing highlight over one page whose
    image sits in ``r``, drawn at zoom ``z``."""

    def box(rect: tuple[float, float, float, float]) -> QRectF:
        x0, y0, x1, y1 = rect
        return QRectF(r.left() + x0 * z, r.top() + y0 * z, (x1 - x0) * z, (y1 - y0) * z)

    furniture = marks.furniture

    def here(start: int, end: int) -> bool:
        """Whether [start, end) touches this page: a page is painted on its own, and a long report's
        every suggestion (700 and more, with Show All) is never laid out for each page in view."""
        return end > start and layout.page_of(start) <= page <= layout.page_of(end - 1)

    def rects(start: int, end: int) -> list[tuple[float, float, float, float]]:
        """The lines of [start, end) on this page, without the running footers and page numbers inside
        it (a sentence across a page break would otherwise underline the page number)."""
        if not here(start, end):
            return []
        return [rect for a, b in without_furniture(start, end, furniture) for pg, rect in layout.rects(a, b)
                if pg == page]

    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
    for h in marks.highlights:
        if not here(h.start, h.end):
            continue
        colour = QColor(h.colour)
        fill = QColor(colour)
        fill.setAlpha(highlight_alpha(colour.name(), marks.alpha))  # the print under it keeps 4.5:1
        for rect in rects(h.start, h.end):
            b = box(rect)
            p.fillRect(b, fill)
            p.fillRect(QRectF(b.left(), b.bottom() - 1.5, b.width(), 1.5), colour)
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    for h in marks.suggested:
        if not here(h.start, h.end):
            continue
        current = h.id == marks.suggested_current
        colour = QColor(h.colour)
        pen = QPen(colour, 1.6 if current else 1.0, Qt.PenStyle.DashLine)
        colour.setAlpha(55 if current else 22)
        p.setPen(pen)
        for rect in rects(h.start, h.end):
            b = box(rect).adjusted(-1, 0, 1, 0)
            p.fillRect(b, colour)
            p.drawLine(b.bottomLeft(), b.bottomRight())
            if current:
                p.drawRect(b)
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
    for i, (s, e) in enumerate(marks.find_hits):
        if not here(s, e):
            continue
        # violet: no severity's colour (the amber and yellow of before were an area for improvement's, and the
        # match in hand was lost among such highlights); the match in hand deeper, and outlined
        current = i == marks.find_current
        fill = FIND_CURRENT if current else FIND_HIT
        for pg, rect in layout.rects(s, e):
            if pg == page:
                p.fillRect(box(rect), fill)
                if current:
                    p.setPen(QPen(FIND_CURRENT_EDGE, 1.5))
                    p.drawRect(box(rect).adjusted(-1, -1, 1, 1))
    sel = selection
    if sel:
        for pg, rect in layout.rects(*sel):
            if pg == page:
                p.fillRect(box(rect), QColor(60, 130, 240, 110))
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    if marks.flash_id and marks.flash_on:
        for h in marks.highlights:
            if h.id == marks.flash_id and here(h.start, h.end):
                pen = QPen(QColor(h.colour).darker(130), 2.5)
                p.setPen(pen)
                for pg, rect in layout.rects(h.start, h.end):
                    if pg == page:
                        p.drawRect(box(rect).adjusted(-2, -2, 2, 2))
