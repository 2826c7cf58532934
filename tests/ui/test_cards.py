"""Cards in the annotation and suggestion panels (issue 16, item 10): a cut quote ends in "…", and a
card is drawn wholly inside its own row, so the next card never covers a selected card's border."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from reviewer.ui.kit.look import fit_lines, wrapped_height

LONG = ("However, the quality of plans is too variable, and for some children who have been on a child protection "
        "plan for more than a year, drift and delay mean that their circumstances are not improving quickly enough.")


def test_a_cut_quote_ends_in_an_ellipsis(qapp):
    fm = QFontMetrics(QFont())
    lines = fit_lines(fm, 220, "“" + LONG, 3, close="”")
    assert len(lines) == 3 and lines[-1].endswith("…”") and lines[0].startswith("“However"), lines
    assert all(fm.horizontalAdvance(line) <= 220 for line in lines)
    short = fit_lines(fm, 220, "“Short.", 3, close="”")
    assert short == ["“Short.”"]
    assert fit_lines(fm, 60, "Supercalifragilisticexpialidocious", 2)[-1].endswith("…")  # a word longer than a line


def test_lines_are_filled_and_never_wider_than_the_card_and_the_height_agrees_with_the_drawing(qapp):
    """Each line holds as many words as fit, none wider than the card, at every width; the height a card
    asks for is the height of the lines it draws (both for quotes that fit and for quotes cut short)."""
    fm = QFontMetrics(QFont())
    text = "“" + LONG + " " + LONG
    for width in range(120, 900, 37):
        lines = fit_lines(fm, width, text, 50, close="”")
        assert " ".join(lines) == text + "”"
        assert all(fm.horizontalAdvance(line) <= width for line in lines), width
        assert all(fm.horizontalAdvance(a + " " + b.split()[0]) > width for a, b in zip(lines, lines[1:])), width
        for quote in (text, "“Short.", "“" + LONG[:90]):
            drawn = fit_lines(fm, width, quote, 3, close="”")
            assert wrapped_height(fm, width, quote, 3, close="”") == fm.lineSpacing() * max(1, len(drawn)), width


def _paint_alone(delegate, index: QModelIndex, width: int, selected: bool, palette: QPalette) -> tuple[QImage, QRect]:
    """The card painted into a picture with room around it: what it drew outside its row shows."""
    option = QStyleOptionViewItem()
    option.font = QFont()
    option.palette = palette
    option.rect = QRect(0, 0, width, 10)
    height = delegate.sizeHint(option, index).height()
    row = QRect(0, 40, width, height)
    option.rect = row
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    img = QImage(width, height + 80, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    delegate.paint(p, option, index)
    p.end()
    return img, row


def test_cards_stay_inside_their_rows_with_the_whole_border(letter_window, qtbot):
    w = letter_window
    qtbot.waitUntil(lambda: bool(w.suggester.suggestions), timeout=15000)
    s = max(w.suggester.suggestions, key=lambda s: len(s.quote))
    w.suggester.accept([s])
    qtbot.waitUntil(lambda: w.panel.model.rowCount() == 1)
    palette = w.palette()
    highlight = palette.color(QPalette.ColorRole.Highlight)
    for view in (w.panel.view, w.suggestions_panel.list):
        index = view.model().index(0, 0)
        for width in (300, 340, 420):
            img, row = _paint_alone(view.itemDelegate(), index, width, True, palette)
            outside = [(x, y) for y in list(range(0, row.top())) + list(range(row.bottom() + 1, img.height()))
                       for x in range(0, width, 3) if img.pixelColor(x, y).alpha()]
            assert not outside, f"{type(view).__name__} at {width}: drawn outside its row at {outside[:3]}"
            bottom = [img.pixelColor(x, row.bottom() - 3) for x in range(20, width - 20, 5)]
            assert sum(1 for c in bottom if _near(c, highlight)) > len(bottom) * 0.8, "the selected border is not whole"


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 90


def test_down_from_the_keyboard_selects_the_first_card(letter_window, qtbot):
    """Ctrl+3 gives the list the keyboard with nothing selected: the first Down (or Home) selects the first
    card, not the second (Qt made the first current without selecting it)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtWidgets import QApplication

    w = letter_window
    letter = w.lib.letters[w.onscreen.letter_id]
    first = w.ws.tag_quote(letter, "reduced caseloads", ["workforce"], "strength")
    w.ws.tag_quote(letter, "Too many plans", ["planning"], "priority")
    view = w.panel.view
    qtbot.waitUntil(lambda: w.panel.model.rowCount() == 2)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Home):
        view.clearSelection()
        QApplication.sendEvent(view, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.ShortcutFocusReason))
        assert not view.currentIndex().isValid()
        qtbot.keyClick(view, key)
        assert w.panel.selected_ids() == [first.id], key


def test_a_suggestion_card_shows_every_theme_enter_accepts(qapp):
    """A held-out session (stop 43): a card cut its themes to one line ("Assessment quality, Recording and
    chronolo…") and Enter accepted a third theme the auditor never saw. The themes wrap to a second line,
    the card as tall as it draws."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    from reviewer.core.reading.suggest import Suggestion
    from reviewer.ui.annotate.suggestions_panel import PAD, SUG_ROLE, THEMES_ROLE, SuggestionDelegate

    sug = Suggestion(0, 40, "Plans are not always reviewed on time.", "improvement", ("a", "b", "c"), 0.8,
                     "wording: not always")
    model = QStandardItemModel()
    three = "Assessment quality, Recording and chronologies, Voice and lived experience of the child"
    for themes in ("Planning and reviews", three):
        item = QStandardItem()
        item.setData(sug, SUG_ROLE)
        item.setData(themes, THEMES_ROLE)
        model.appendRow(item)
    delegate = SuggestionDelegate()
    option = QStyleOptionViewItem()
    option.font = QFont()
    option.rect = QRect(0, 0, 300, 10)
    one, many = (delegate.sizeHint(option, model.index(i, 0)).height() for i in range(2))
    fm = QFontMetrics(QFont())
    lines = fit_lines(fm, 300 - 2 * PAD - 10, three, 3)
    assert len(lines) >= 2 and not lines[-1].endswith("…")  # every theme, on the lines they take
    assert many == one + (len(lines) - 1) * fm.lineSpacing()
    img, row = _paint_alone(delegate, model.index(1, 0), 300, False, QPalette())
    outside = [(x, y) for y in list(range(0, row.top())) + list(range(row.bottom() + 1, img.height()))
               for x in range(0, 300, 3) if img.pixelColor(x, y).alpha()]
    assert not outside


def test_going_to_the_annotations_by_keyboard_leaves_the_letter_where_it_is(letter_window, qtbot):
    """A held-out session (stop 43): Ctrl+3 took the letter from page 36 to page 4, the first annotation's
    page: Qt made the first card current as the list took the keyboard, and a card made current by the keyboard
    brings its passage into view. Arriving moves to no card; Down then does."""
    w = letter_window
    letter = w.lib.letters[w.onscreen.letter_id]
    first = w.ws.tag_quote(letter, "reduced caseloads", ["workforce"], "strength")
    qtbot.waitUntil(lambda: w.panel.model.rowCount() == 1)
    last = w.view.page_count() - 1
    w.view.go_to_page(last)
    qtbot.waitUntil(lambda: w.view.current_page() == last)
    assert not w.view.in_view(first.start, first.end)
    w.actions_["show_annotations"].trigger()
    qtbot.waitUntil(lambda: w.panel.view.hasFocus())
    qtbot.wait(100)
    assert w.view.current_page() == last
    qtbot.keyClick(w.panel.view, Qt.Key.Key_Down)  # the keyboard moves to a card: its passage comes into view
    qtbot.waitUntil(lambda: w.view.in_view(first.start, first.end))


def test_a_card_names_its_auditor_whole_and_its_themes_leave_no_gap(qtbot, ws, tmp_path):
    """A manager moderating two auditors' packs read "Area for improvement · p. 2 · Ann Au…" on every amber card
    in a pane 340 pixels wide, and a blank line between a card's themes and its note (the themes were measured in
    the card's font and drawn smaller). Whose reading it is goes on a line of its own where the first line is full;
    every line fits its box; the themes' box is as tall as their lines."""
    from reviewer.ui.annotate.annotation_panel import CardDelegate
    from reviewer.ui.kit.models import AnnotationListModel

    class Recording(QPainter):
        def __init__(self, device: QImage) -> None:
            super().__init__(device)
            self.said: list[tuple[QRect, QFont, str]] = []

        def drawText(self, *args):  # noqa: N802
            if len(args) == 3 and isinstance(args[0], QRect):
                self.said.append((QRect(args[0]), QFont(self.font()), args[2]))
            return super().drawText(*args)

    path = tmp_path / "ashvale.txt"
    path.write_text("Focused visit to Ashvale\n\nThe use of histories to underpin the assessments of children.\n",
                    encoding="utf-8")
    letter = ws.add_file(path)[0]
    a = ws.tag_quote(letter, "The use of histories", ["assessment", "recording"], "improvement",
                     "Thin in three of five files", author="Ann Auditor")
    model = AnnotationListModel(ws.library)
    model.set_annotations([a])
    delegate = CardDelegate(ws.library)
    index = model.index(0, 0)
    for width in (300, 340, 420, 900):
        option = QStyleOptionViewItem()
        option.font = QFont()
        option.rect = QRect(0, 0, width, 10)
        height = delegate.sizeHint(option, index).height()
        option.rect = QRect(0, 0, width, height)
        img = QImage(width, height, QImage.Format.Format_ARGB32)
        p = Recording(img)
        delegate.paint(p, option, index)
        p.end()
        texts = [t for _r, _f, t in p.said]
        assert any("Ann Auditor" == t or t.endswith("·  Ann Auditor") for t in texts), (width, texts)
        for rect, font, text in p.said:
            if "\n" not in text and rect.height() <= QFontMetrics(font).lineSpacing() + 2:  # the one-line ones
                assert QFontMetrics(font).horizontalAdvance(text) <= rect.width(), (width, text)
        rect, font, themes = next(x for x in p.said if x[2] == "Assessment quality; Recording and chronologies")
        assert rect.height() == QFontMetrics(font).boundingRect(QRect(0, 0, rect.width(), 1000), Qt.TextFlag.TextWordWrap,
                                                                themes).height(), width
        assert max(r.bottom() for r, _f, _t in p.said) < height, width  # the card asks for the room it draws in


def test_a_managers_regrade_says_when_as_a_card_says_dates(qtbot, ws, tmp_path):
    """After regrading Ben's context to a strength a manager read "↻ Changed by Meg Manager since 2026-11-29": the
    change is said with the day it was made, as people write it."""
    import re

    from reviewer.ui.annotate.annotation_panel import CardDelegate

    path = tmp_path / "ashvale.txt"
    path.write_text("Focused visit to Ashvale\n\nLeaders know their services well.\n", encoding="utf-8")
    letter = ws.add_file(path)[0]
    a = ws.tag_quote(letter, "Leaders know their services well", ["leadership"], "context", author="Ben Auditor")
    ws.set_auditor("Meg Manager")
    ws.regrade([a.id], "strength", "Strength")
    a = ws.library.annotations[a.id]
    (said, _colour), = CardDelegate(ws.library)._extras(a)
    assert said.startswith("↻ Changed by Meg Manager on ") and "Context → Strength" in said, said
    assert not re.search(r"\d{4}-\d\d-\d\d", said), said
