"""Reading as in a PDF reader (h12: an afternoon read the way an Acrobat user reads): F3 for the next match,
Home / End / Space, zoom about the pointer, Back and Forward after a jump, Copy as the passage reads, and a
letter that shows when it has the keys."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, QPointF, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QKeySequence, QWheelEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reviewer.ui.kit.contrast import ratio  # noqa: E402


@pytest.fixture
def window(make_window, tmp_path: Path, samples: Path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    w = make_window([samples / "thornbury_vale_2025_focused_visit.pdf"], size=(1300, 850))
    w.activateWindow()
    return w


def _focus_letter(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)


def test_f3_and_shift_f3_step_through_the_matches_from_the_letter(window, qtbot):
    """The find bar's tip says "Next match (Enter, F3)"; a new user pressed F3 with the keys on the letter, and
    nothing moved."""
    bar = window.find_bar
    nxt, prev = window.actions_["find_next"], window.actions_["find_previous"]
    assert QKeySequence("F3") in nxt.shortcuts() and QKeySequence("Shift+F3") in prev.shortcuts()
    window.pages.show_find()
    bar.edit.setText("children")
    assert len(bar.hits) > 2
    bar.next()  # (Enter: the match the words found)
    at = bar.current
    _focus_letter(window, qtbot)
    nxt.trigger()
    assert bar.current == (at + 1) % len(bar.hits) and window.view.hasFocus()  # (the keys stay on the letter)
    prev.trigger()
    assert bar.current == at
    bar.close_bar()
    nxt.trigger()  # closed: F3 opens it again on its words, found from where the auditor reads
    assert bar.isVisible() and bar.edit.text() == "children" and bar.hits


def test_home_end_and_space_read_the_letter_as_a_pdf_reader(window, qtbot):
    """A new user pressed End on a long report and nothing moved; Space did not turn the page either."""
    view = window.view
    bar = view.verticalScrollBar()
    assert bar.maximum() > view.viewport().height()
    _focus_letter(window, qtbot)
    QTest.keyClick(view, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    QTest.keyClick(view, Qt.Key.Key_Home)
    assert bar.value() == 0
    QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == bar.maximum()
    QTest.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_Space)
    down = bar.value()
    assert view.viewport().height() * 0.8 < down < view.viewport().height()  # a screen, a line kept
    QTest.keyClick(view, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert bar.value() == 0


def _word_on_screen(view, right: bool = False) -> tuple[int, QPointF]:  # type: ignore[no-untyped-def]
    """A word in view (the last of a full line when ``right``), and the middle of its box in the viewport."""
    layout = view.layout_
    page = view.current_page()
    lines = [ln for ln in layout.lines_on(page) if ln.end - ln.start > 40]
    line = lines[len(lines) // 2]
    text = layout.text
    start = text.rindex(" ", line.start, line.end - 2) + 1 if right else line.start
    end = start
    while end < line.end and not text[end].isspace():
        end += 1
    (_, (x0, y0, x1, y1)), = layout.rects(start, end)
    r = view._page_rect(page)
    return start, QPointF(r.left() + (x0 + x1) / 2 * view.zoom, r.top() + (y0 + y1) / 2 * view.zoom)


def _wheel(view, pos: QPointF, up: bool) -> None:  # type: ignore[no-untyped-def]
    event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(), QPoint(0, 120 if up else -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(view.viewport(), event)


def test_ctrl_wheel_zooms_about_the_pointer_and_the_keys_about_the_middle(window, qtbot):
    """A new user zoomed in with Ctrl+wheel over a line's last words to read them: the view kept the page's left
    margin and the words went off the right of the window. The point under the pointer stays under it, as in a
    PDF reader; Ctrl+= keeps the middle of the view where it is."""
    view = window.view
    view.go_to_page(1)
    qtbot.wait(20)
    word, pos = _word_on_screen(view, right=True)
    start = view.zoom
    for _ in range(4):
        _wheel(view, pos, up=True)
    assert view.zoom > start * 2
    assert view.horizontalScrollBar().value() > 0
    at = view.offset_at(pos)
    assert at is not None and abs(at - word) <= 3, (at, word)
    _wheel(view, pos, up=False)
    assert abs(view.offset_at(pos) - word) <= 3
    view.zoom_fit_width()
    word, pos = _word_on_screen(view)
    middle = QPointF(view.viewport().width() / 2, view.viewport().height() / 2)
    before = view._point_at(middle)
    view.zoom_in()
    after = view._point_at(middle)
    assert before[0] == after[0] and abs(before[1] - after[1]) < 2 and abs(before[2] - after[2]) < 2


def test_back_and_forward_return_from_a_jump(window, qtbot, monkeypatch):
    """Acrobat's Previous View (Alt+Left): a new user followed the outline to a paragraph on a later page, read
    it, and had no way back to where they were reading."""
    from reviewer.ui.reader import page_view

    view, back, forward = window.view, window.actions_["back"], window.actions_["forward"]
    assert QKeySequence("Alt+Left") in back.shortcuts() and QKeySequence("Alt+Right") in forward.shortcuts()
    monkeypatch.setattr(page_view, "BURST_MS", 0)  # (each jump its own; a test's jumps come faster than a person's)
    last = view.page_count() - 1
    view.verticalScrollBar().setValue(view.viewport().height() // 3)  # reading on page 1
    here = view.position()
    window.pages.page_box.setValue(last + 1)  # the page box
    assert view.current_page() == last
    back.trigger()
    assert view.position() == pytest.approx(here, abs=1e-3)
    forward.trigger()
    assert view.current_page() == last
    text = view.layout_.text
    start = text.rindex("children")  # (on the last page)
    back.trigger()
    view.scroll_to_range(start, start + 8, at_top=True)  # the outline's jump
    assert view.position() != pytest.approx(here, abs=1e-3)
    back.trigger()
    assert view.position() == pytest.approx(here, abs=1e-3)
    assert not view.can_go_back()
    window.pages.next_page()  # a step through the pages is no jump
    assert not view.can_go_back()


def test_jumps_in_a_burst_leave_one_place_to_go_back_to(window, qtbot):
    """The find bar moves the view at every key typed: Back returns to where the typing began, not to the match
    before the last."""
    view = window.view
    here = view.position()
    window.pages.show_find()
    for words in ("c", "ch", "chi", "children"):
        window.find_bar.edit.setText(words)
    window.find_bar.edit.setText("the end of the letter")  # nothing found: back where the auditor read
    view.go_to_page(view.page_count() - 1)
    view.go_back()
    assert view.position() == pytest.approx(here, abs=1e-3)


def test_copy_gives_a_passage_as_it_reads(window, qtbot):
    """A new user triple-clicked a sentence set over two lines and pasted it into a note: it came as the page's
    lines."""
    view = window.view
    layout = view.layout_
    line = next(ln for ln in layout.lines if ln.end - ln.start > 40 and layout.text[ln.end] == "\n"
                and layout.text[ln.end + 1].isalpha())
    view.set_selection(line.end - 10, line.end + 12)
    assert "\n" in view.selected_text()
    window.actions_["copy"].trigger()
    copied = QGuiApplication.clipboard().text()
    assert "\n" not in copied and copied == " ".join(view.selected_text().split())
    _focus_letter(window, qtbot)
    QGuiApplication.clipboard().clear()
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == copied


def test_the_letter_shows_when_it_has_the_keys(window, qtbot):
    """A keyboard user moved to the letter and nothing on screen said the keys were there (every other part of the
    window draws its focus)."""
    view = window.view
    window.panel.search.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    edge = view.viewport().height() // 2
    without = view.viewport().grab().toImage().pixelColor(1, edge).name()
    _focus_letter(window, qtbot)
    qtbot.wait(20)
    with_focus = view.viewport().grab().toImage().pixelColor(1, edge).name()
    assert with_focus != without and ratio(with_focus, without) >= 3.0


def test_actual_size_and_fit_page_and_the_zoom_said_as_a_pdf_reader_says_it(window, qtbot):
    """A new user used to Acrobat looked for Actual Size and Fit Page in the View menu and found Fit Width alone;
    the toolbar's "141%" was the page Acrobat shows at 106% (a pixel a point, not the printed size)."""
    view, label = window.view, window.pages.zoom_label
    window.actions_["actual_size"].trigger()
    assert view.zoom == pytest.approx(view.logicalDpiY() / 72) and label.text() == "100%"
    window.actions_["fit_page"].trigger()
    w, h = view.layout_.page_sizes[view.current_page()]
    assert h * view.zoom <= view.viewport().height() and w * view.zoom <= view.viewport().width()
    assert view.position()[1] <= 0.0  # the page's top in view: the whole page
    window.actions_["fit_width"].trigger()
    assert label.text() == f"{view.zoom / view.actual_zoom() * 100:.0f}%"
