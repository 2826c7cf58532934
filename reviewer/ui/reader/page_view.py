"""The reading view: a letter's pages in a continuous scroll, with selection and highlights.

It draws pages rendered by the worker (only the visible ones, re-requested at each zoom), the
annotations as translucent highlights coloured by severity, the current selection and find hits.
Selection works as in a PDF reader: drag, double-click for a word, triple-click for a sentence or
bullet. A link is followed as a PDF reader follows it: the pointer a hand over it, its tooltip where it goes, a click
(without moving: a drag from it selects) to its page or, for a web or e-mail address, to the system's browser
(``addressClicked``; which addresses open is ``core.text.links``'s rule). Offsets are code points into the letter's canonical text (core.layout.Layout).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from html import escape

from PySide6.QtCore import QElapsedTimer, QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QImage, QKeySequence, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from reviewer.core.text.copying import as_copied
from reviewer.core.text.layout import Layout
from reviewer.core.text.links import Link
from reviewer.core.reading.outline import Structure
from reviewer.ui.kit.contrast import readable
from reviewer.core.text.units import sentence_at, word_at
from reviewer.ui.reader import selection_keys
from reviewer.ui.reader import overlays
from reviewer.ui.reader.overlays import Highlight, Marks

GAP = 14.0
MIN_ZOOM, MAX_ZOOM = 0.25, 5.0
AT_TOP_MARGIN = 12  # pixels above a passage brought to the top (its line not cut by the window's edge)
BURST_MS = 1000  # jumps this close after the last one remembered are one move (the find bar's words as typed)
HISTORY = 50  # places Back remembers


def allowed_zoom(zoom: float) -> float:
    """``zoom`` within MIN_ZOOM..MAX_ZOOM; 1.0 for what is no number (a settings file's "nan" or "inf")."""
    return max(MIN_ZOOM, min(MAX_ZOOM, zoom)) if math.isfinite(zoom) else 1.0


class PageView(QAbstractScrollArea):
    selectionChanged = Signal()
    renderRequested = Signal(int, float)  # page, scale (pixels per point x device ratio)
    pageChanged = Signal(int)  # 0-based page at the top of the view
    readingMoved = Signal(int)  # the text offset where the reader's eye is (``reading_offset``), as the view settles
    zoomChanged = Signal(float)
    highlightActivated = Signal(str)  # double-click on a highlight
    highlightClicked = Signal(str)  # a click on a highlight that selects no text: its annotation's id
    suggestionClicked = Signal(str)  # a click on a suggested passage: its id
    contextMenuAt = Signal(QPoint, object)  # global position, highlight id under the cursor or None
    addressClicked = Signal(str)  # a click on a web link: its address, as the PDF gives it
    historyChanged = Signal()  # where Back and Forward can go has changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.setAccessibleName("Letter pages")
        self.setAccessibleDescription("The letter as published. Drag, double- or triple-click to select; Ctrl+T tags "
                                      "the selection; hover a highlight for its themes and note.")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.layout_: Layout | None = None
        self.zoom = 1.0
        self.fit_width = True
        self.marks = Marks()  # what is drawn over the pages (reader/overlays.py draws it)
        self._images: dict[int, tuple[float, QImage]] = {}
        self._pending: set[tuple[int, float]] = set()
        self._tops: list[float] = []
        self._structure: Structure | None = None
        self._sel: tuple[int, int] | None = None
        self._anchor: int | None = None
        self._drag_mode = "char"
        self._pressed_on: str | None = None  # the highlight a press began on (a click on it chooses its annotation)
        self._pressed_link: tuple[Link, QPointF] | None = None  # the link a press began on, and where: followed
        # on release unless the press became a drag
        self._last_double = QElapsedTimer()
        self._last_page = -1
        self._reading_timer = QTimer(self)  # (once the scrolling pauses: a wheel's burst is one move)
        self._reading_timer.setSingleShot(True)
        self._reading_timer.setInterval(120)
        self._reading_timer.timeout.connect(lambda: self.readingMoved.emit(self.reading_offset()))
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(160)
        self._flash_timer.timeout.connect(self._flash_tick)
        self._flash_left = 0
        self._placeholder = "Open a letter from the library, or drop a PDF or text file here."
        # the places jumps left, for Back and Forward (Alt+Left / Alt+Right) as in a PDF reader's Previous View
        self._back: list[tuple[int, float]] = []
        self._forward: list[tuple[int, float]] = []
        self._last_jump = QElapsedTimer()
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _: self.viewport().update())

    # ------------------------------------------------------------ document
    def set_layout(self, layout: Layout | None, placeholder: str = "", keep_view: bool = False) -> None:
        """Show ``layout``. ``keep_view``: the same pages as now, with their text arrived: keep the
        rendered pages and the scroll position."""
        same = (keep_view and layout is not None and self.layout_ is not None
                and self.layout_.page_sizes == layout.page_sizes)
        self.layout_ = layout
        if not same:
            self._images.clear()
            self._pending.clear()
        self._sel = None
        self.marks = Marks(alpha=self.marks.alpha)
        self._structure = None
        self._last_page = -1
        if placeholder:
            self._placeholder = placeholder
        if not same:
            self._back.clear()
            self._forward.clear()
            self.historyChanged.emit()
            self._relayout()
            self.verticalScrollBar().setValue(0)
        self.viewport().update()
        self.selectionChanged.emit()

    def set_highlights(self, highlights: list[Highlight]) -> None:
        self.marks.highlights = highlights
        self.viewport().update()

    def set_highlight_alpha(self, alpha: int) -> None:
        """How strongly annotations' colours fill the text, 0–255 (Preferences)."""
        self.marks.alpha = alpha
        self.viewport().update()

    def set_structure(self, structure: Structure | None) -> None:
        """The letter's sentences and bullets, for triple-click and sentence selection."""
        self._structure = structure
        self.marks.furniture = list(structure.furniture) if structure else []

    def unit_at(self, offset: int) -> tuple[int, int]:
        assert self.layout_
        found = self._structure.unit_at(offset) if self._structure else None
        return found or sentence_at(self.layout_.text, offset)

    def set_suggested(self, suggested: list[Highlight], current: str | None = None) -> None:
        self.marks.suggested, self.marks.suggested_current = suggested, current
        self.viewport().update()

    def suggested_at(self, pos: QPointF) -> str | None:
        off = self.offset_at(pos)
        if off is None:
            return None
        return next((h.id for h in self.marks.suggested if h.start <= off < h.end), None)

    def page_top(self, page: int) -> float:
        """Where page ``page`` starts, in the scrolled area's coordinates."""
        return self._tops[page]

    def page_count(self) -> int:
        return self.layout_.page_count if self.layout_ else 0

    # ------------------------------------------------------------ geometry
    def _dpr(self) -> float:
        return float(self.devicePixelRatioF())

    def _fit_zoom(self) -> float:
        if not self.layout_ or not self.layout_.page_sizes:
            return 1.0
        widest = max(w for w, _ in self.layout_.page_sizes)
        avail = self.viewport().width() - 2 * GAP
        return max(MIN_ZOOM, min(MAX_ZOOM, avail / widest))

    def _relayout(self) -> None:
        if self.fit_width:
            z = self._fit_zoom()
            if abs(z - self.zoom) > 1e-6:
                self.zoom = z
                self.zoomChanged.emit(z)
        self._tops = []
        y = GAP
        for _, h in self.layout_.page_sizes if self.layout_ else []:
            self._tops.append(y)
            y += h * self.zoom + GAP
        total_h = y
        widest = max((w for w, _ in self.layout_.page_sizes), default=0) if self.layout_ else 0
        total_w = widest * self.zoom + 2 * GAP
        vp = self.viewport().size()
        self.verticalScrollBar().setRange(0, max(0, int(total_h - vp.height())))
        self.verticalScrollBar().setPageStep(vp.height())
        self.verticalScrollBar().setSingleStep(40)
        self.horizontalScrollBar().setRange(0, max(0, int(total_w - vp.width())))
        self.horizontalScrollBar().setPageStep(vp.width())

    def _page_rect(self, page: int) -> QRectF:
        """Where a page sits in viewport coordinates."""
        assert self.layout_
        w, h = self.layout_.page_sizes[page]
        vw = self.viewport().width()
        x = max(GAP, (vw - w * self.zoom) / 2) - self.horizontalScrollBar().value()
        y = self._tops[page] - self.verticalScrollBar().value()
        return QRectF(x, y, w * self.zoom, h * self.zoom)

    def visible_pages(self) -> list[int]:
        if not self.layout_:
            return []
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        out = []
        for i, t in enumerate(self._tops):
            h = self.layout_.page_sizes[i][1] * self.zoom
            if t + h >= top and t <= bottom:
                out.append(i)
        return out

    def current_page(self) -> int:
        vis = self.visible_pages()
        if not vis:
            return 0
        top = self.verticalScrollBar().value() + self.viewport().height() * 0.3
        for p in vis:
            if self._tops[p] + self.layout_.page_sizes[p][1] * self.zoom >= top:  # type: ignore[union-attr]
                return p
        return vis[-1]

    def _to_page(self, pos: QPointF) -> tuple[int, float, float] | None:
        if not self.layout_:
            return None
        best = None
        for p in self.visible_pages() or range(self.page_count()):
            r = self._page_rect(p)
            if r.top() - GAP / 2 <= pos.y() <= r.bottom() + GAP / 2:
                best = p
                break
        if best is None:
            return None
        r = self._page_rect(best)
        return best, (pos.x() - r.left()) / self.zoom, (pos.y() - r.top()) / self.zoom

    def reading_offset(self) -> int:
        """The text offset where the reader's eye is: a third of the way down the view (as ``current_page``
        reads it), not the top of the page in view (a part that began on that page while the reader is
        further down was the one marked)."""
        eye = self.viewport().height() * 0.3 + 6 * self.zoom
        # (read where lines begin, a fifth into the page, not its middle: a short heading, "Areas for improvement",
        # ends before the middle, and the long line above it was nearer there, so the outline marked the part
        # before the one just jumped to)
        shown = self._page_rect(self.current_page()) if self.layout_ is not None and self.page_count() else None
        x = shown.left() + shown.width() * 0.2 if shown is not None else self.viewport().width() / 2
        at = None
        for below in range(0, 160, 8):  # (the eye between two lines or paragraphs: the next line's text)
            at = self.offset_at(QPointF(x, eye + below))
            if at is not None:
                break
        # (half a line below that third: a passage brought into view puts its first line's top there)
        page_start = (self.layout_.page_first_offset(self.current_page()) or 0) if self.layout_ is not None else 0
        return max(at or 0, page_start)  # (never before the current page: a last page that cannot reach the top)

    def offset_at(self, pos: QPointF) -> int | None:
        hit = self._to_page(pos)
        if hit is None or not self.layout_:
            return None
        return self.layout_.hit(*hit)

    def highlight_at(self, pos: QPointF) -> list[Highlight]:
        hit = self._to_page(pos)
        if hit is None or not self.layout_:
            return []
        page, x, y = hit
        out = []
        for h in self.marks.highlights:
            for p, (x0, y0, x1, y1) in self.layout_.rects(h.start, h.end):
                if p == page and x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1:
                    out.append(h)
                    break
        return out

    # ------------------------------------------------------------ zoom and navigation
    def position(self) -> tuple[int, float]:
        """Where the reader is: the current page, and the top of the view as a fraction of that page's
        height (the same place at any zoom or window size)."""
        page = self.current_page()
        if not self._tops or not self.layout_:
            return 0, 0.0
        return page, (self.verticalScrollBar().value() - self._tops[page]) / max(1.0, self.layout_.page_sizes[page][1] * self.zoom)

    def set_position(self, page: int, fraction: float) -> None:
        if self._tops and self.layout_ and 0 <= page < len(self._tops):
            self.verticalScrollBar().setValue(round(self._tops[page] + fraction * self.layout_.page_sizes[page][1] * self.zoom))

    def _point_at(self, at: QPointF) -> tuple[int, float, float] | None:
        """The page and the point on it (in points) at ``at`` in the viewport, a gap's point counted to the page
        above or below it."""
        if not self._tops or not self.layout_:
            return None
        y = self.verticalScrollBar().value() + at.y()
        page = max(0, bisect_right(self._tops, y) - 1)
        r = self._page_rect(page)
        return page, (at.x() - r.left()) / self.zoom, (y - self._tops[page]) / self.zoom

    def set_zoom(self, zoom: float, fit_width: bool = False, at: QPointF | None = None) -> None:
        """Zoom to ``zoom``, the point of the page at ``at`` (the middle of the view unless said: the wheel's
        pointer) staying where it is, as a PDF reader zooms: a new user zoomed in to read a table's right-hand
        column and was shown the page's left margin."""
        vp = self.viewport()
        at = at if at is not None else QPointF(vp.width() / 2, vp.height() / 2)
        anchor = self._point_at(at)
        self.fit_width = fit_width
        self.zoom = allowed_zoom(zoom)
        self._relayout()
        if anchor is not None and self.layout_:
            page, x, y = anchor
            w = self.layout_.page_sizes[page][0]
            self.verticalScrollBar().setValue(round(self._tops[page] + y * self.zoom - at.y()))
            self.horizontalScrollBar().setValue(round(max(GAP, (vp.width() - w * self.zoom) / 2) + x * self.zoom - at.x()))
        self.zoomChanged.emit(self.zoom)
        self.viewport().update()

    def zoom_in(self, at: QPointF | None = None) -> None:
        self.set_zoom(self.zoom * 1.2, at=at)

    def zoom_out(self, at: QPointF | None = None) -> None:
        self.set_zoom(self.zoom / 1.2, at=at)

    def zoom_fit_width(self) -> None:
        self.set_zoom(self._fit_zoom(), fit_width=True)

    def actual_zoom(self) -> float:
        """The zoom at which a page is its printed size on this screen (a point is 1/72 inch): a PDF reader's 100%."""
        return max(0.1, self.logicalDpiY() / 72)

    def zoom_actual_size(self) -> None:
        self.set_zoom(self.actual_zoom())

    def zoom_fit_page(self) -> None:
        """The whole of the page in view, as a PDF reader's Fit Page: the current page brought to the top."""
        if not self.layout_ or not self.layout_.page_sizes:
            return
        page = self.current_page()
        w, h = self.layout_.page_sizes[page]
        vp = self.viewport()
        self.set_zoom(min(self._fit_zoom(), (vp.height() - 2 * GAP) / h, (vp.width() - 2 * GAP) / w))
        self.go_to_page(page, remember=False)

    def go_to_page(self, page: int, remember: bool = True) -> None:
        """Page ``page`` at the top. ``remember``: a jump Back returns from (the page box, Home, End), not a step
        through the pages (Ctrl+PgDown)."""
        if self._tops and 0 <= page < len(self._tops):
            self._jump(int(self._tops[page] - GAP / 2), remember)

    def _jump(self, value: int, remember: bool = True, always: bool = False) -> None:
        """Scroll to ``value``; a move of more than a screen is a jump, and the place it left is remembered for
        Back. Jumps in a burst (the find bar's match moving as the words are typed, a list arrowed through) leave
        one place: where the burst began. ``always``: remembered however short the move, and never part of a
        burst (a link followed, as a PDF reader remembers every one)."""
        bar = self.verticalScrollBar()
        value = max(bar.minimum(), min(bar.maximum(), value))
        if remember and self.layout_ and (always or abs(value - bar.value()) > self.viewport().height()):
            if always or not (self._last_jump.isValid() and self._last_jump.elapsed() < BURST_MS and self._back):
                self._back = (self._back + [self.position()])[-HISTORY:]
                self._forward.clear()
                self.historyChanged.emit()
            self._last_jump.start()
        bar.setValue(value)

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def go_back(self) -> None:
        """Back to where the last jump left (Alt+Left, as a PDF reader's Previous View): after following the
        outline, a search result or a page number."""
        if self._back:
            self._forward.append(self.position())
            self._last_jump.invalidate()
            self.set_position(*self._back.pop())
            self.historyChanged.emit()

    def go_forward(self) -> None:
        if self._forward:
            self._back.append(self.position())
            self._last_jump.invalidate()
            self.set_position(*self._forward.pop())
            self.historyChanged.emit()

    # ------------------------------------------------------------ links
    def link_at(self, pos: QPointF) -> Link | None:
        """The letter's link under ``pos`` in the viewport, if any."""
        hit = self._to_page(pos)
        return self.layout_.link_at(*hit) if hit is not None and self.layout_ else None

    def follow_link(self, link: Link) -> None:
        """Go where ``link`` goes: its page (the place it left remembered for Back), or its address handed on."""
        if link.internal:
            if self._tops and self.layout_ and link.to_page < len(self._tops):
                self._jump(int(self._tops[link.to_page] + link.to_y * self.zoom - AT_TOP_MARGIN), always=True)
        elif link.uri:
            self.addressClicked.emit(link.uri)

    def scroll_to_range(self, start: int, end: int, only_if_hidden: bool = False, at_top: bool = False) -> None:
        """Bring the passage into view, its first line a third of the way down. ``only_if_hidden``: leave
        the view where the auditor is reading when the passage is already wholly in it. ``at_top``: its first
        line at the top, as a bookmark in a PDF reader opens (the outline's parts and paragraphs)."""
        if not self.layout_:
            return
        rects = self.layout_.rects(start, end)
        if not rects or not self._tops:
            return
        page, (x0, y0, x1, y1) = rects[0]
        if only_if_hidden and self.in_view(start, end):
            return
        target = self._tops[page] + y0 * self.zoom - (AT_TOP_MARGIN if at_top else self.viewport().height() * 0.3)
        self._jump(int(target))

    def passage_on_screen(self, start: int, end: int) -> QRect | None:
        """The passage's box in screen coordinates, where it is on screen (for a dialog to stand clear of it)."""
        rects = self.layout_.rects(start, end) if self.layout_ and self._tops else []
        box = QRectF()
        for page, (x0, y0, x1, y1) in rects:
            at = self._page_rect(page)
            box = box.united(QRectF(at.x() + x0 * self.zoom, at.y() + y0 * self.zoom, (x1 - x0) * self.zoom,
                                    (y1 - y0) * self.zoom))
        shown = box.toAlignedRect().intersected(self.viewport().rect())
        if shown.isEmpty():
            return None
        return QRect(self.viewport().mapToGlobal(shown.topLeft()), shown.size())

    def in_view(self, start: int, end: int) -> bool:
        """Whether the passage is wholly on screen now."""
        rects = self.layout_.rects(start, end) if self.layout_ else []
        if not rects or not self._tops:
            return False
        (page, (_, y0, _, _)), (last_page, (_, _, _, last_y1)) = rects[0], rects[-1]
        top, bottom = self._tops[page] + y0 * self.zoom, self._tops[last_page] + last_y1 * self.zoom
        shown = self.verticalScrollBar().value()
        return shown <= top and bottom <= shown + self.viewport().height()

    def flash(self, hid: str) -> None:
        self.marks.flash_id = hid
        self._flash_left = 6
        self.marks.flash_on = True
        self._flash_timer.start()
        self.viewport().update()

    def _flash_tick(self) -> None:
        self._flash_left -= 1
        self.marks.flash_on = not self.marks.flash_on
        if self._flash_left <= 0:
            self._flash_timer.stop()
            self.marks.flash_id = None
        self.viewport().update()

    # ------------------------------------------------------------ selection
    def selection(self) -> tuple[int, int] | None:
        if self._sel and self._sel[0] < self._sel[1]:
            return self._sel
        return None

    def selected_text(self) -> str:
        s = self.selection()
        return self.layout_.text[s[0] : s[1]] if s and self.layout_ else ""

    def copied_text(self) -> str:
        """The selection as Copy gives it: each paragraph one line, the running footer and page number a page
        break put inside it left out (core.text.copying)."""
        s = self.selection()
        return as_copied(self.layout_.text, s[0], s[1], self.marks.furniture) if s and self.layout_ else ""

    def set_selection(self, start: int, end: int) -> None:
        self._sel = (min(start, end), max(start, end))
        self.viewport().update()
        self.selectionChanged.emit()

    def clear_selection(self) -> None:
        if self.selection() is not None:
            self._sel = (self._sel[1], self._sel[1])  # type: ignore[index]  # a caret where it ended
            self.viewport().update()
            self.selectionChanged.emit()

    def put_caret(self, offset: int) -> None:
        """Nothing selected, and selecting by keyboard goes on from ``offset`` (Ctrl+Down: the sentence after)."""
        had = self.selection() is not None
        self._sel = (offset, offset)
        if had:
            self.viewport().update()
            self.selectionChanged.emit()

    def caret(self) -> int | None:
        """Where selecting by keyboard goes on from: the end of the last selection, or the last click."""
        return self._sel[1] if self._sel else None

    def set_find_hits(self, hits: list[tuple[int, int]], current: int) -> None:
        self.marks.find_hits, self.marks.find_current = hits, current
        if 0 <= current < len(hits):
            self.scroll_to_range(*hits[current])
        self.viewport().update()

    # ------------------------------------------------------------ events
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        here = self.position()
        self._relayout()
        if self.fit_width and self.verticalScrollBar().value() > 0:
            self.set_position(*here)  # the same place on the page, not the page's top
        self.viewport().update()

    def _scrolled(self, _value: int) -> None:
        self._reading_timer.start()
        page = self.current_page()
        if page != self._last_page:
            self._last_page = page
            self.pageChanged.emit(page)
        self.viewport().update()

    def mousePressEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if e.button() != Qt.MouseButton.LeftButton or not self.layout_:
            return super().mousePressEvent(e)
        off = self.offset_at(e.position())
        if off is None:
            self.clear_selection()
            return
        triple = self._last_double.isValid() and self._last_double.elapsed() < QApplication.doubleClickInterval()
        if triple:
            s, t = self.unit_at(off)
            self._drag_mode = "sentence"
            self._anchor = s
            self.set_selection(s, t)
            self._last_double.invalidate()
            return
        if e.modifiers() & Qt.KeyboardModifier.ShiftModifier and self._sel:
            self.set_selection(self._sel[0], off)
            return
        self._drag_mode = "char"
        self._anchor = off
        self._sel = (off, off)
        self.viewport().update()
        link = self.link_at(e.position()) if not e.modifiers() else None
        self._pressed_link = (link, e.position()) if link is not None and link.followable() else None
        hits = self.highlight_at(e.position()) if not e.modifiers() else []
        self._pressed_on = hits[-1].id if hits else None
        sid = self.suggested_at(e.position()) if not e.modifiers() and self._pressed_link is None else None
        if sid and not hits:
            self.suggestionClicked.emit(sid)

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if e.button() != Qt.MouseButton.LeftButton or not self.layout_:
            return
        off = self.offset_at(e.position())
        if off is None:
            return
        hits = self.highlight_at(e.position())
        self._last_double.start()
        if hits and not (e.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.highlightActivated.emit(hits[-1].id)
            return
        s, t = word_at(self.layout_.text, off)
        self._drag_mode = "word"
        self._anchor = s
        self.set_selection(s, t)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if self.layout_ and e.buttons() & Qt.MouseButton.LeftButton and self._anchor is not None:
            if self._pressed_link is not None:
                if (e.position() - self._pressed_link[1]).manhattanLength() < QApplication.startDragDistance():
                    return  # (a hand's tremor: still a click on the link)
                self._pressed_link = None  # a drag from a link selects, as in a PDF reader
            off = self.offset_at(e.position())
            if off is not None:
                if self._drag_mode in ("word", "sentence"):
                    a, b = word_at(self.layout_.text, off) if self._drag_mode == "word" else self.unit_at(off)
                    off = b if off >= self._anchor else a
                self._sel = (min(self._anchor, off), max(self._anchor, off))
                self.viewport().update()
            self._autoscroll(e.position())
            return
        link = self.link_at(e.position()) if self.layout_ is not None else None
        if link is not None and link.followable():
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            return
        over_text = self.layout_ is not None and self.highlight_at(e.position()) == [] and self.offset_at(e.position()) is not None
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor if over_text else Qt.CursorShape.ArrowCursor)

    def _autoscroll(self, pos: QPointF) -> None:
        h = self.viewport().height()
        bar = self.verticalScrollBar()
        if pos.y() < 10:
            bar.setValue(bar.value() - 20)
        elif pos.y() > h - 10:
            bar.setValue(bar.value() + 20)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if e.button() == Qt.MouseButton.LeftButton:
            self._anchor = None
            self.selectionChanged.emit()
            pressed, self._pressed_on = self._pressed_on, None
            link, self._pressed_link = self._pressed_link, None
            if link is not None and self._drag_mode == "char" and (not self._sel or self._sel[0] == self._sel[1]):
                self.follow_link(link[0])  # a click, not a drag: the link is followed
                return super().mouseReleaseEvent(e)
            if pressed and self._drag_mode == "char" and (not self._sel or self._sel[0] == self._sel[1]):
                self.highlightClicked.emit(pressed)  # (a click, not a drag: the annotation is chosen, as in
                # Acrobat's comments list; the Plan panel follows it)
        super().mouseReleaseEvent(e)

    def contextMenuEvent(self, e) -> None:  # noqa: N802
        hits = self.highlight_at(QPointF(e.pos()))
        self.contextMenuAt.emit(e.globalPos(), hits[-1].id if hits else None)

    def keyPressEvent(self, e) -> None:  # noqa: N802
        if selection_keys.handle(self, e):
            return
        if e.matches(QKeySequence.StandardKey.Copy):
            text = self.copied_text()
            if text:
                QGuiApplication.clipboard().setText(text)
            return
        if self._reading_key(e):
            return
        if e.matches(QKeySequence.StandardKey.SelectAll) and self.layout_:
            self.set_selection(0, len(self.layout_.text))
            return
        if e.key() == Qt.Key.Key_Escape:
            self.clear_selection()
            return
        super().keyPressEvent(e)

    def _reading_key(self, e) -> bool:  # type: ignore[no-untyped-def]
        """The keys a PDF reader reads with that a scroll area does not know: Home and End (with Ctrl or without)
        go to the first and the last page, Space and Shift+Space a screen down and up (a new user pressed End on a
        49-page report and nothing moved)."""
        mods = e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = e.key()
        bar = self.verticalScrollBar()
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and mods in (Qt.KeyboardModifier.NoModifier,
                                                                  Qt.KeyboardModifier.ControlModifier):
            self._jump(bar.minimum() if key == Qt.Key.Key_Home else bar.maximum())
            return True
        if key == Qt.Key.Key_Space and mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            step = max(1, self.viewport().height() - 3 * bar.singleStep() // 2)  # (a line or so kept in view)
            bar.setValue(bar.value() + (-step if mods else step))
            return True
        return False

    def viewportEvent(self, e: QEvent) -> bool:  # noqa: N802
        if e.type() == QEvent.Type.ToolTip:
            hits = self.highlight_at(QPointF(e.pos()))  # type: ignore[attr-defined]
            link = self.link_at(QPointF(e.pos()))  # type: ignore[attr-defined]
            tips = ([link.tip()] if link is not None else []) + [h.tooltip for h in hits]
            if link is not None and not hits and "<" not in tips[0]:  # (never read as rich text)
                QToolTip.showText(e.globalPos(), tips[0], self)  # type: ignore[attr-defined]
                return True  # (plain text, an address on one line: as rich text, "https://" stood above the rest)
            if tips:
                html = "<hr/>".join(escape(t).replace("\n", "<br/>") for t in tips)
                QToolTip.showText(e.globalPos(), f"<div style='max-width:360px'>{html}</div>", self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(e)

    def wheelEvent(self, e) -> None:  # noqa: N802
        if e.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_in(e.position()) if e.angleDelta().y() > 0 else self.zoom_out(e.position())
            return
        super().wheelEvent(e)

    # ------------------------------------------------------------ painting
    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self.viewport())
        p.fillRect(self.viewport().rect(), self._ground())
        if not self.layout_:
            p.setPen(self.palette().color(self.palette().ColorRole.Text))
            p.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder)
            return
        scale = round(self.zoom * self._dpr(), 3)
        visible = self.visible_pages()
        wanted = set(visible)
        if visible:
            wanted |= {max(0, visible[0] - 1), min(self.page_count() - 1, visible[-1] + 1)}
        self._images = {k: v for k, v in self._images.items() if k in wanted}
        self._want(wanted, scale)
        for page in visible:
            r = self._page_rect(page)
            p.fillRect(r.adjusted(2, 3, 2, 3), QColor(0, 0, 0, 40))
            p.fillRect(r, QColor("white"))
            img = self._images.get(page)
            if img is not None and img[0] == scale:
                # Pixel for pixel: drawn into the page's fractional rectangle, nearest-neighbour scaling
                # by a hair would drop a column of pixels here and there (thin strokes like a "j" vanish).
                p.drawImage(QPointF(round(r.left()), round(r.top())), img[1])
            elif img is not None:
                p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
                p.drawImage(r, img[1])
            if self.layout_ is not None:
                overlays.paint(p, self.marks, self.layout_, self.selection(), page, r, self.zoom)
        if self.hasFocus():
            self._paint_focus(p)
        p.end()

    def _paint_focus(self, p: QPainter) -> None:
        """A line round the letter while it has the keys, as every other part of the window shows its focus (a
        keyboard user moved from the suggestions to the letter with Ctrl+G and Enter, and nothing said where the
        keys now went); at least 3:1 on the grey around the pages, in light and dark."""
        ground = self._ground()
        colour = QColor(readable(self.palette().color(self.palette().ColorRole.Highlight).name(), ground.name(), 3.0))
        p.setPen(QPen(colour, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(self.viewport().rect()).adjusted(1, 1, -1, -1))

    def _ground(self) -> QColor:
        """The grey the pages lie on."""
        pal = self.palette()
        return pal.color(pal.ColorRole.Mid).darker(115) if pal.color(pal.ColorRole.Window).lightness() < 128 \
            else QColor("#e4e6ea")

    def focusInEvent(self, e) -> None:  # noqa: N802
        super().focusInEvent(e)
        self.viewport().update()

    def focusOutEvent(self, e) -> None:  # noqa: N802
        super().focusOutEvent(e)
        self.viewport().update()

    def _want(self, pages: set[int], scale: float) -> None:
        self._wanted_pages = set(pages)
        self._wanted_scale = scale
        self._pending = {(pg, sc) for pg, sc in self._pending if pg in pages and sc == scale}
        for page in sorted(pages):
            have = self._images.get(page)
            if (have is None or have[0] != scale) and (page, scale) not in self._pending:
                self._pending.add((page, scale))
                self.renderRequested.emit(page, scale)

    def wanted(self) -> tuple[set[int], float]:
        return getattr(self, "_wanted_pages", set()), getattr(self, "_wanted_scale", 0.0)

    def page_rendered(self, page: int, scale: float, img: QImage) -> None:
        self._pending.discard((page, scale))
        if img.isNull():
            return
        img.setDevicePixelRatio(self._dpr())
        self._images[page] = (scale, img)
        self.viewport().update()

