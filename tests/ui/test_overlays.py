"""What is drawn over a page: each page draws the marks that touch it, and only those (a page skips the
rest of a long report's marks before laying any of them out)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402

from reviewer.ui.reader import overlays  # noqa: E402
from reviewer.ui.reader.overlays import Highlight, Marks  # noqa: E402


def _drawn(layout, page: int, marks: Marks) -> bool:  # type: ignore[no-untyped-def]
    w, h = layout.page_sizes[page]
    img = QImage(int(w) + 1, int(h) + 1, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    overlays.paint(p, marks, layout, None, page, QRectF(0, 0, w, h), 1.0)
    p.end()
    white = QColor("white").rgb()
    return any(img.pixel(x, y) != white for y in range(0, img.height(), 2) for x in range(0, img.width(), 2))


def test_a_page_draws_the_marks_that_touch_it_and_no_other(letter_window) -> None:  # type: ignore[no-untyped-def]
    layout = letter_window.onscreen.layout
    assert layout.page_count >= 2
    second = layout.page_first_offset(1)
    assert second is not None
    across = (second - 40, second + 40)  # the end of page 1 and the start of page 2
    late = (second + 5, second + 60)
    for kind in ("highlights", "suggested"):
        for (s, e), pages in ((across, {0, 1}), (late, {1})):
            marks = Marks(**{kind: [Highlight("x", s, e, "#d97706", "")]})
            assert {pg for pg in (0, 1) if _drawn(layout, pg, marks)} == pages, (kind, s, e)
    hits = Marks(find_hits=[late])
    assert not _drawn(layout, 0, hits) and _drawn(layout, 1, hits)
