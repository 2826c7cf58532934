"""Selecting a passage without a mouse, by the letter's own units (sentences and bullets) and words.

In the page view:
- Ctrl+Down / Ctrl+Up select the next / previous sentence (nothing selected: after the passage just tagged
  or the last click, if in view, else the first sentence in view);
- Shift+Down takes one more sentence; Shift+Up gives the last one back;
- Ctrl+Shift+Right / Ctrl+Shift+Left take one more word, or give one back, at the end.
Then Ctrl+T (or Alt+1…4) tags the selection as usual.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QScrollBar, QWidget

from reviewer.core.text.layout import Layout


class PageView(Protocol):
    """What selecting by keyboard needs of the page view: its public face only."""

    layout_: Layout | None
    zoom: float

    def viewport(self) -> QWidget: ...
    def verticalScrollBar(self) -> QScrollBar: ...  # noqa: N802 - Qt's name
    def offset_at(self, pos: QPointF) -> int | None: ...
    def current_page(self) -> int: ...
    def page_top(self, page: int) -> float: ...
    def caret(self) -> int | None: ...
    def selection(self) -> tuple[int, int] | None: ...
    def set_selection(self, start: int, end: int) -> None: ...
    def unit_at(self, offset: int) -> tuple[int, int]: ...
    def scroll_to_range(self, start: int, end: int) -> None: ...

Unit = Callable[[int], tuple[int, int]]
_WORD_END = re.compile(r"\s*\S+")
_GAP = re.compile(r"\s*")
_TOKEN = re.compile(r"\S*\s*")

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def next_unit(text: str, unit_at: Unit, after: int) -> tuple[int, int] | None:
    """The first sentence or bullet ending after ``after``, stepping over what no unit holds (an item's
    number, a heading, a page's furniture: the nearest unit to those is the one before them)."""
    m = _GAP.match(text, after)
    i = m.end() if m else after
    while i < len(text):
        a, b = unit_at(i)
        if b > i:
            return a, b
        m = _TOKEN.match(text, i)  # (the unit found lies before: step over this word and look again)
        i = m.end() if m and m.end() > i else i + 1
    return None


def previous_unit(text: str, unit_at: Unit, before: int) -> tuple[int, int] | None:
    """The last sentence or bullet starting before ``before``, stepping back over what no unit holds."""
    i = before - 1
    while i >= 0:
        while i > 0 and text[i].isspace():
            i -= 1
        a, b = unit_at(i)
        if a < before and a <= i:
            return a, b
        while i > 0 and not text[i - 1].isspace():  # (the unit found lies after: step back over this word)
            i -= 1
        i -= 1
    return None


def word_end_after(text: str, end: int) -> int:
    m = _WORD_END.match(text, end)
    return m.end() if m else end


def word_end_before(text: str, start: int, end: int) -> int:
    """The end of the previous word, never before ``start`` plus one word."""
    i = end
    while i > start and text[i - 1].isspace():
        i -= 1
    while i > start and not text[i - 1].isspace():
        i -= 1
    while i > start and text[i - 1].isspace():
        i -= 1
    return i if i > start else end


def first_visible_offset(view: PageView) -> int:
    """The first character at the top of the view (of the current page if the top is a margin)."""
    assert view.layout_
    for y in (8, view.viewport().height() * 0.25, view.viewport().height() * 0.5):
        for x in (0.3, 0.5):
            found = view.offset_at(QPointF(view.viewport().width() * x, y))
            if found is not None:
                return found
    return view.layout_.page_first_offset(view.current_page()) or 0


def _line_in_view(view: PageView, offset: int) -> tuple[float, float] | None:
    """The top and bottom of the line holding ``offset``, in the viewport's coordinates."""
    rects = view.layout_.rects(max(0, offset - 1), max(1, offset)) if view.layout_ else []
    if not rects:
        return None
    page, (_x0, y0, _x1, y1) = rects[-1]
    scrolled = view.verticalScrollBar().value()
    top = view.page_top(page)
    return top + y0 * view.zoom - scrolled, top + y1 * view.zoom - scrolled


def ensure_visible(view: PageView, offset: int) -> None:
    """Scroll just enough to show the line holding ``offset``."""
    line = _line_in_view(view, offset)
    if line is not None and (line[0] < 0 or line[1] > view.viewport().height()):
        view.scroll_to_range(max(0, offset - 1), offset)


def start_offset(view: PageView) -> int:
    """Where selecting by keyboard starts when nothing is selected: after the passage just tagged or
    where the auditor clicked, if that is in view; else the first character in view."""
    caret = view.caret()
    line = _line_in_view(view, caret) if caret is not None else None
    if caret is not None and line is not None and line[1] > 0 and line[0] < view.viewport().height():
        return caret
    return first_visible_offset(view)


def handle(view: PageView, e: QKeyEvent) -> bool:
    """Apply a selection key to the view; False if the key is not one of them."""
    layout = view.layout_
    if layout is None or not layout.text:
        return False
    mods = e.modifiers() & (CTRL | SHIFT)
    key = e.key()
    text, sel = layout.text, view.selection()
    unit_at = view.unit_at
    new: tuple[int, int] | None = None
    if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and mods in (CTRL, SHIFT):
        if sel is None:
            top = start_offset(view)
            new = (next_unit(text, unit_at, top) if key == Qt.Key.Key_Down else previous_unit(text, unit_at, top)) \
                or unit_at(top)
        elif mods == CTRL:
            new = (next_unit(text, unit_at, sel[1]) if key == Qt.Key.Key_Down else previous_unit(text, unit_at, sel[0])) or sel
        elif key == Qt.Key.Key_Down:
            more = next_unit(text, unit_at, sel[1])
            new = (sel[0], more[1]) if more else sel
        else:  # give back the last sentence, keeping at least one
            last_start, _ = unit_at(max(sel[0], sel[1] - 1))
            prev = previous_unit(text, unit_at, last_start) if last_start > sel[0] else None
            new = (sel[0], prev[1]) if prev and prev[1] > sel[0] else sel
    elif key in (Qt.Key.Key_Right, Qt.Key.Key_Left) and mods == CTRL | SHIFT:
        if sel is None:
            start = start_offset(view)
            new = (start, word_end_after(text, start))
        elif key == Qt.Key.Key_Right:
            new = (sel[0], word_end_after(text, sel[1]))
        else:
            new = (sel[0], word_end_before(text, sel[0], sel[1]))
    else:
        return False
    if new and new[1] > new[0]:
        view.set_selection(*new)
        ensure_visible(view, new[1] if key != Qt.Key.Key_Up or mods == CTRL else new[0])
    return True
