"""What the reading view draws over a page's image: annotations as translucent highlights
coloured by severity, suggestions as faint dashed outlines, find hits, the selection and the
flash that shows where an annotation is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

if TYPE_CHECKING:
    from reviewer.ui.reader.page_view import PageView


def paint_overlays(self: PageView, p: QPainter, page: int, r: QRectF) -> None:
    """Annotations, suggestions, find hits, the selection and a flashing highlight over one page."""
    assert self.layout_
    z = self.zoom

    def box(rect: tuple[float, float, float, float]) -> QRectF:
        x0, y0, x1, y1 = rect
        return QRectF(r.left() + x0 * z, r.top() + y0 * z, (x1 - x0) * z, (y1 - y0) * z)

    furniture = self._structure.furniture if self._structure else []

    def rects(start: int, end: int) -> list[tuple[float, float, float, float]]:
        """The lines of [start, end) on this page, without the running footers and page numbers inside
        it (a sentence across a page break would otherwise underline the page number)."""
        cuts = [(s, e) for s, e in furniture if s < end and e > start]
        pieces, at = [], start
        for s, e in cuts:
            if s > at:
                pieces.append((at, s))
            at = max(at, e)
        if at < end:
            pieces.append((at, end))
        return [rect for a, b in pieces for pg, rect in self.layout_.rects(a, b) if pg == page]

    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
    for h in self._highlights:
        colour = QColor(h.colour)
        fill = QColor(colour)
        fill.setAlpha(self.highlight_alpha)
        for rect in rects(h.start, h.end):
            b = box(rect)
            p.fillRect(b, fill)
            p.fillRect(QRectF(b.left(), b.bottom() - 1.5, b.width(), 1.5), colour)
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    for h in self._suggested:
        current = h.id == self._suggested_current
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
    for i, (s, e) in enumerate(self._find_hits):
        fill = QColor(255, 140, 0, 150) if i == self._find_current else QColor(255, 230, 0, 140)
        for pg, rect in self.layout_.rects(s, e):
            if pg == page:
                p.fillRect(box(rect), fill)
    sel = self.selection()
    if sel:
        for pg, rect in self.layout_.rects(*sel):
            if pg == page:
                p.fillRect(box(rect), QColor(60, 130, 240, 110))
    p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    if self._flash_id and self._flash_on:
        for h in self._highlights:
            if h.id == self._flash_id:
                pen = QPen(QColor(h.colour).darker(130), 2.5)
                p.setPen(pen)
                for pg, rect in self.layout_.rects(h.start, h.end):
                    if pg == page:
                        p.drawRect(box(rect).adjusted(-2, -2, 2, 2))
