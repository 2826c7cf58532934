"""Contrast (issue 16, item 9): every text on every surface reads at 4.5:1 or better (WCAG 2 AA), in
light and dark, computed from the palettes and from the severity, theme, review and grade colours as
the widgets draw them: cards' headers, badges, heatmap numbers, highlights over the letter's print."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from reviewer.core.annotations.codebook import default_themes, severities
from reviewer.ui.annotate.annotation_panel import ATTENTION_COLOUR, CHANGED_COLOUR, REVIEW_COLOURS
from reviewer.ui.kit.contrast import AA, blend, highlight_alpha, ratio, text_on
from reviewer.ui.kit.look import readable_on, severity_colour, severity_text
from reviewer.ui.kit.style import apply_style, error_colour
from reviewer.ui.reader.outline_panel import GRADE_COLOURS
from reviewer.ui.manager.overview import cell_colours

R = QPalette.ColorRole
SEVERITIES = [s.id for s in severities()]


@pytest.fixture(params=["light", "dark"])
def palette(request, qapp):  # type: ignore[no-untyped-def]
    kept = (QPalette(qapp.palette()), qapp.style().name(), qapp.styleSheet(), qapp.font())
    apply_style(qapp, request.param)
    yield request.param, qapp.palette()
    qapp.setStyle(kept[1])
    qapp.setPalette(kept[0])
    qapp.setStyleSheet(kept[2])
    qapp.setFont(kept[3])


def hexa(c: QColor) -> str:
    assert c.alpha() == 255, f"{c.name()} is see-through: its contrast depends on what lies under it"
    return c.name()


def test_the_palette_text_on_its_surfaces(palette):
    mode, p = palette
    pairs = [(R.Text, R.Base), (R.Text, R.AlternateBase), (R.WindowText, R.Window), (R.ButtonText, R.Button),
             (R.PlaceholderText, R.Base), (R.PlaceholderText, R.AlternateBase), (R.PlaceholderText, R.Window),
             (R.HighlightedText, R.Highlight), (R.ToolTipText, R.ToolTipBase), (R.Link, R.Base)]
    low = [(fg.name, bg.name, round(ratio(hexa(p.color(fg)), hexa(p.color(bg))), 2)) for fg, bg in pairs
           if ratio(hexa(p.color(fg)), hexa(p.color(bg))) < AA]
    assert not low, f"{mode}: {low}"
    assert ratio(error_colour(mode == "dark"), hexa(p.color(R.Window))) >= AA


def test_cards_badges_and_review_lines(palette):
    mode, p = palette
    for ground in (p.color(R.Base), p.color(R.AlternateBase)):  # a card, and a selected card
        for sid in SEVERITIES:
            assert ratio(severity_text(sid, ground).name(), ground.name()) >= AA, (mode, sid, "card header")
        for colour in [*REVIEW_COLOURS.values(), CHANGED_COLOUR, ATTENTION_COLOUR, *map(QColor, GRADE_COLOURS.values())]:
            assert ratio(readable_on(colour, ground).name(), ground.name()) >= AA, (mode, colour.name())
    for sid in SEVERITIES:  # the letter on a severity's badge
        fill = severity_colour(sid).name()
        assert ratio(text_on(fill), fill) >= AA, (sid, "badge")


def test_heatmap_numbers_on_their_cells(palette):
    mode, p = palette
    ground = p.color(R.Base).name()
    for sid in SEVERITIES:
        for alpha in range(40, 241):  # from the faintest cell to the fullest
            cell, number = cell_colours(sid, alpha, ground)
            assert ratio(number, cell) >= AA, (mode, sid, alpha)
            assert ratio(cell, blend(severity_colour(sid).name(), ground, alpha / 255)) < 1.3  # still its heat


def test_the_letters_print_under_highlights():
    """Highlights tint the paper (the print stays black), never so strongly that the print falls below 4.5:1,
    whatever the opacity chosen in Preferences (10 to 90%) and whichever severity or theme colours them."""
    colours = [s.colour for s in severities()] + [t.colour for t in default_themes()]
    for colour in colours:
        for percent in range(10, 91, 5):
            alpha = highlight_alpha(colour, round(percent * 255 / 100))
            assert alpha > 0
            assert ratio("#000000", blend(colour, "#ffffff", alpha / 255)) >= AA, (colour, percent)


def test_the_action_plans_chips_and_overdue_mark(palette):
    """The RAG status chips (their word on their fill) and the overdue due date on a card, selected or not,
    and on the plan table's rows."""
    from reviewer.core.annotations.actions import STATUSES
    from reviewer.ui.kit.look import OVERDUE_COLOUR, RAG_COLOURS, rag_chip

    mode, p = palette
    assert set(RAG_COLOURS) == set(STATUSES)
    for status in STATUSES:
        fill, ink = rag_chip(status)
        assert ratio(hexa(ink), hexa(fill)) >= AA, (mode, status)
        assert ratio(fill.name(), RAG_COLOURS[status]) < 1.3, (status, "the chip keeps its colour")
    from reviewer.ui.manager.plan_view import overdue_colour

    for ground in (p.color(R.Base), p.color(R.AlternateBase)):
        assert ratio(readable_on(OVERDUE_COLOUR, ground).name(), ground.name()) >= AA, mode
        assert ratio(overdue_colour(p).name(), ground.name()) >= AA, (mode, "plan table row")


def test_the_outlines_grades_read_after_the_appearance_changes(qapp, qtbot):  # type: ignore[no-untyped-def]
    """Seen in the window: the outline of an open letter kept its light-mode dark red after a switch to dark
    (2.5:1 on the dark ground); its grades are coloured again for the ground they are on now."""
    from reviewer.core.reading.outline import analyse
    from reviewer.ui.reader.outline_panel import OutlinePanel

    text = ("Inspection of Eastmere local authority children's services\n\n"
            "Overall effectiveness: inadequate\n\nServices for children are inadequate.\n\n"
            "The experiences and progress of children who need help and protection: inadequate\n\n"
            "1. Too many children wait for help.\n")
    kept = (QPalette(qapp.palette()), qapp.style().name(), qapp.styleSheet(), qapp.font())
    try:
        for first, then in (("light", "dark"), ("dark", "light")):
            apply_style(qapp, first)
            panel = OutlinePanel()
            qtbot.addWidget(panel)
            panel.set_structure(analyse(text, []))
            graded = [item for part, item in panel._items if part.grade]
            assert graded
            apply_style(qapp, then)
            qapp.processEvents()
            ground = panel.tree.palette().color(R.Base)
            for item in graded:
                assert ratio(item.foreground(0).color().name(), ground.name()) >= AA, (first, then)
    finally:
        qapp.setStyle(kept[1])
        qapp.setPalette(kept[0])
        qapp.setStyleSheet(kept[2])
        qapp.setFont(kept[3])


@pytest.mark.parametrize("kind", ["radio", "check"])
def test_radio_buttons_and_check_boxes_are_seen_on_either_ground(palette, qtbot, kind):  # type: ignore[no-untyped-def]
    """Seen in the window: on the dark palette the tag dialog's severity rings were next to invisible (Fusion
    draws them a shade darker than the window), so the chosen severity could not be told. The ring and the
    mark are drawn at 3:1 or more on the window (WCAG's contrast for a control's parts)."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QCheckBox, QRadioButton

    from reviewer.ui.kit.style import DARK_INDICATOR, LIGHT_INDICATOR

    mode, p = palette
    for ground in (R.Window, R.Base):
        assert ratio(DARK_INDICATOR if mode == "dark" else LIGHT_INDICATOR, p.color(ground).name()) >= 3.0
        assert ratio(p.color(R.Link if mode == "dark" else R.Highlight).name(), p.color(ground).name()) >= 3.0
    from PySide6.QtWidgets import QStyle

    box = QRadioButton("3 Area for improvement") if kind == "radio" else QCheckBox("Overdue only")
    qtbot.addWidget(box)
    box.resize(box.sizeHint())
    metric = QStyle.PixelMetric.PM_ExclusiveIndicatorWidth if kind == "radio" else QStyle.PixelMetric.PM_IndicatorWidth
    width = box.style().pixelMetric(metric, None, box)
    window = p.color(R.Window)
    for checked in (False, True):  # the ring alone (nothing chosen yet), and with its mark
        box.setChecked(checked)
        image = box.grab().toImage()
        strongest = max(ratio(QColor(image.pixel(x, y)).name(), window.name())
                        for x in range(min(width + 2, image.width())) for y in range(image.height()))
        assert strongest >= 3.0, (mode, kind, checked, strongest)


def test_the_outline_in_the_window_recolours_when_the_appearance_changes(make_window, qtbot, qapp, tmp_path):  # type: ignore[no-untyped-def]
    """A manager's helper saw the light appearance's dark red grades (2.5:1) on the dark ground after switching
    in Preferences: in the window the tree still held the old ground when the panel heard of the change (a
    panel on its own, above, did not show it)."""
    from pathlib import Path

    letter = Path(tmp_path) / "eastmere.txt"
    letter.write_text("Inspection of Eastmere local authority children's services\n\n"
                      "Overall effectiveness: inadequate\n\nServices for children are inadequate.\n\n"
                      "The experiences and progress of children who need help and protection: inadequate\n\n"
                      "1. Too many children wait for help.\n", encoding="utf-8")
    kept = (QPalette(qapp.palette()), qapp.style().name(), qapp.styleSheet(), qapp.font())
    try:
        apply_style(qapp, "light")
        w = make_window([letter])
        qtbot.waitUntil(lambda: w.onscreen.layout is not None, timeout=10000)
        panel = w.outline_panel
        qtbot.waitUntil(lambda: any(part.grade for part, _ in panel._items), timeout=5000)
        apply_style(qapp, "dark")
        ground = panel.tree.palette().color(R.Base)
        qtbot.waitUntil(lambda: all(ratio(item.foreground(0).color().name(), ground.name()) >= AA
                                    for part, item in panel._items if part.grade), timeout=2000)
    finally:
        qapp.setStyle(kept[1])
        qapp.setPalette(kept[0])
        qapp.setStyleSheet(kept[2])
        qapp.setFont(kept[3])


def test_find_matches_wear_no_severitys_colour() -> None:
    """A helper at 1366 by 768: the match in hand was amber, an area for improvement's colour, and lost among
    such highlights. Find's violet is at least 60 degrees of hue from every severity's colour."""
    from reviewer.ui.reader.overlays import FIND_CURRENT, FIND_HIT

    for find in (FIND_CURRENT, FIND_HIT):
        for s in severities():
            sev = QColor(s.colour)
            if sev.hsvSaturation() < 60:  # (context's grey has no hue to mistake)
                continue
            apart = abs(find.hsvHue() - sev.hsvHue())
            assert min(apart, 360 - apart) >= 60, (s.id, s.colour)
