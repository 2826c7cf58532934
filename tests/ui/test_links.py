"""Links in the letter followed as a PDF reader follows them (an Acrobat user clicked an entry of a report's
contents page, then a web address, and nothing happened): a hand over a link, a tooltip saying where it goes, a
click to its page (Back returns) or to the browser for a web or e-mail address only, and a drag from a link
still selecting. Back and Forward are greyed where there is nowhere to go."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QDesktopServices, QHelpEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QToolTip  # noqa: E402

CONTENTS = [("Summary of findings", 13, 300), ("Next steps", 17, 500)]  # (words, 0-based page, height there)
WEB = [("Read the framework online", "https://example.org/framework"), ("Write to us", "mailto:office@example.org"),
       ("Open a file", "javascript:alert(1)")]


def linked_letter(folder: Path) -> Path:
    """A 20-page letter: a contents page whose entries go to pages 14 and 18, and web links on page 2."""
    doc = pymupdf.open()
    for n in range(20):
        page = doc.new_page(width=595, height=842)
        for k in range(12):
            page.insert_text((72, 420 + 24 * k), f"Paragraph {k + 1} of page {n + 1} says what the visit found.",
                             fontsize=11)
    first = doc[0]
    first.insert_text((72, 100), "Contents", fontsize=16)
    for i, (words, to, y) in enumerate(CONTENTS):
        at = 150 + 40 * i
        first.insert_text((72, at), f"{words} .......... {to + 1}", fontsize=12)
        first.insert_link({"kind": pymupdf.LINK_GOTO, "from": pymupdf.Rect(70, at - 14, 360, at + 5), "page": to,
                           "to": pymupdf.Point(72, y)})
    second = doc[1]
    for i, (words, uri) in enumerate(WEB):
        at = 150 + 40 * i
        second.insert_text((72, at), words, fontsize=12)
        second.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(70, at - 14, 300, at + 5), "uri": uri})
    path = folder / "linked_letter.pdf"
    doc.save(path)
    return path


@pytest.fixture
def window(make_window, tmp_path: Path):  # type: ignore[no-untyped-def]
    return make_window([linked_letter(tmp_path)], size=(1200, 850))


def _at(view, page: int, x: float, y: float) -> QPoint:  # type: ignore[no-untyped-def]
    """Where the point (x, y) of page ``page`` (points) is in the view's viewport, that page scrolled into view."""
    view.go_to_page(page, remember=False)
    r = view._page_rect(page)
    return QPointF(r.left() + x * view.zoom, r.top() + y * view.zoom).toPoint()


def _tooltip(view, pos: QPoint) -> str:  # type: ignore[no-untyped-def]
    vp = view.viewport()
    QApplication.sendEvent(vp, QHelpEvent(QEvent.Type.ToolTip, pos, vp.mapToGlobal(pos)))
    return QToolTip.text()


def test_a_contents_entry_is_a_hand_says_its_page_and_a_click_goes_there(window, qtbot):
    view, back, forward = window.view, window.actions_["back"], window.actions_["forward"]
    assert len(view.layout_.links) == 5
    entry = _at(view, 0, 150, 145)
    QTest.mouseMove(view.viewport(), entry)
    assert view.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor
    assert "Go to page 14" in _tooltip(view, entry)
    QTest.mouseMove(view.viewport(), _at(view, 0, 150, 400))  # beside the contents: text, not a link
    assert view.viewport().cursor().shape() != Qt.CursorShape.PointingHandCursor
    entry = _at(view, 0, 150, 145)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, entry)
    assert view.current_page() == 13
    page, fraction = view.position()
    assert page == 13 and fraction == pytest.approx(300 / 842, abs=0.03)  # at the height the link names
    assert view.selection() is None
    assert back.isEnabled() and not forward.isEnabled()
    back.trigger()
    assert view.current_page() == 0
    assert not back.isEnabled() and forward.isEnabled()
    forward.trigger()
    assert view.current_page() == 13


def test_a_drag_from_a_link_selects_and_goes_nowhere(window, qtbot):
    view = window.view
    start, end = _at(view, 0, 75, 145), _at(view, 0, 250, 145)
    vp = view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(vp, QPoint(start.x() + 1, start.y()))  # (a hand's tremor is still a click...)
    QTest.mouseMove(vp, end)  # (...a drag is a selection)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert view.current_page() == 0
    assert view.selected_text().startswith("Summary of")
    assert not window.actions_["back"].isEnabled()


def test_a_web_link_opens_the_browser_and_no_other_address_is_opened(window, qtbot, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    view = window.view
    for i, (_words, uri) in enumerate(WEB):
        at = _at(view, 1, 120, 145 + 40 * i)
        assert uri in _tooltip(view, at)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
        assert view.current_page() == 1  # (a web link moves nothing)
    assert opened == ["https://example.org/framework", "mailto:office@example.org"]
    assert "not opened" in _tooltip(view, _at(view, 1, 120, 225))
    window.pages.open_address("file:///etc/passwd")  # (what the view hands on is checked again where it is opened)
    window.pages.open_address("javascript:alert(1)")
    assert len(opened) == 2
    assert "Not opened" in window.statusBar().currentMessage()


def test_back_and_forward_are_greyed_where_there_is_nowhere_to_go(window, qtbot):
    """An Acrobat user pressed Alt+Left on a letter just opened: Back was enabled and did nothing."""
    view, back, forward = window.view, window.actions_["back"], window.actions_["forward"]
    assert not back.isEnabled() and not forward.isEnabled()
    view.go_to_page(view.page_count() - 1)
    assert back.isEnabled() and not forward.isEnabled()
    back.trigger()
    assert not back.isEnabled() and forward.isEnabled()
    forward.trigger()
    assert back.isEnabled() and not forward.isEnabled()
    view.go_to_page(3)  # a new jump after Back: nothing to go forward to
    back.trigger()
    view.go_to_page(10)
    assert not forward.isEnabled()
    window.onscreen.close()
    assert not back.isEnabled() and not forward.isEnabled()
