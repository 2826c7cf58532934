"""The outline panel: a judgement's grade shows whole however narrow the pane."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")


def test_a_judgements_grade_shows_whole_in_a_narrow_outline(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A new user's outline of a 2015 report (stop 48) read "Help and protection — Req…" and "Care leavers —
    Requires i…" at the pane's default width: the grade, the point of the line, was cut. The judgement's name is
    cut to fit instead, and the whole line comes back when the pane is wide."""
    from reviewer.core.reading.outline import analyse
    from reviewer.ui.reader.outline_panel import OutlinePanel

    text = ("Inspection of Eastmere local authority children's services\n\n"
            "Overall effectiveness: requires improvement\n\nServices for children require improvement.\n\n"
            "The experiences and progress of children who need help and protection: requires improvement\n\n"
            "1. Too many children wait for help.\n")
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.resize(420, 400)
    panel.show()
    panel.set_structure(analyse(text, []))
    qtbot.wait(50)
    graded = [item for part, item in panel._items if part.kind == "judgement" and part.grade]
    assert graded
    for item in graded:  # the grade whole: after the name cut to fit, or first where the name has no room
        said = item.text(0)
        assert said.startswith(("Requires improvement — ", "RI — ")) or said.endswith(
            (" — Requires improvement", " — RI")) and (
            panel.tree.fontMetrics().horizontalAdvance(said) <= panel.tree.header().sectionSize(0)), said
    panel.resize(120, 400)  # too narrow for name and grade: the grade first, as auditors shorten it (stop 51: the
    # whole grade first was cut to "Requires…" in a pane squeezed to 175 pixels, the name and the grade lost)
    qtbot.waitUntil(lambda: all(item.text(0).startswith("RI — ") for item in graded))
    panel.resize(900, 400)
    qtbot.waitUntil(lambda: {item.text(0) for item in graded} == {"Overall effectiveness — Requires improvement",
                                                                   "Help and protection — Requires improvement"})


def test_judgements_at_the_panes_width_are_told_apart(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A new user's outline of a 2024 report (stop 51) read "Requires improvement — …" three times at the pane's
    width in a 1400-pixel window: the grade came first and the judgement's name was cut away, so three judgements
    could not be told apart. Where the whole grade leaves the name too little room, the grade is shortened as
    auditors shorten it ("RI"), and each line says which judgement it is."""
    from reviewer.core.reading.outline import analyse
    from reviewer.ui.reader.outline_panel import OutlinePanel

    text = ("Inspection of Eastmere local authority children's services\n\n"
            "The experiences and progress of children who need help and protection: requires improvement to be good"
            "\n\n1. Too many children wait for help.\n\n"
            "The experiences and progress of children in care: requires improvement to be good\n\n"
            "2. Most children in care live in stable homes.\n\n"
            "The experiences and progress of care leavers: inadequate\n\n3. Too few care leavers have a plan.\n")
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_structure(analyse(text, []))
    graded = [item for part, item in panel._items if part.kind == "judgement" and part.grade]
    assert len(graded) == 3
    fm = panel.tree.fontMetrics()
    width = 120 + next(w for w in range(60, 600, 2) if fm.horizontalAdvance("Help and protection — Requires improvement")
                       > w >= fm.horizontalAdvance("Help and protection — RI") + 2 * fm.averageCharWidth())
    panel.resize(width, 400)  # room for the name beside "RI", not beside the whole grade
    qtbot.waitUntil(lambda: graded[0].text(0).endswith(" — RI"))
    said = [item.text(0) for item in graded]
    assert said[0].startswith("Help and prot") and said[1].startswith("Children in c"), said
    assert said[2].startswith("Care leavers") and "Inadequate" in said[2], said
    assert all("Requires improvement" in item.toolTip(0) or "requires improvement" in item.toolTip(0)
               for item in graded[:2])


def test_the_parts_have_the_outlines_width_at_1024_pixels(qtbot) -> None:  # type: ignore[no-untyped-def]
    """At 1024 pixels a new user's outline cut every part's name to eight letters ("1. Ens…"): the "Tagged" column was
    as wide as its header's word. The counts' column is as wide as its counts; no header stands over the parts."""
    from reviewer.core.reading.outline import analyse
    from reviewer.ui.reader.outline_panel import OutlinePanel

    text = ("Inspection of Eastmere local authority children's services\n\nWhat needs to improve\n\n"
            "1. Ensure that plans are reviewed on time.\n\n2. Ensure that children are seen alone.\n")
    structure = analyse(text, [])
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.resize(165, 400)
    panel.show()
    panel.set_structure(structure, {p.start: (0, 12) for p in structure.parts})
    header, fm = panel.tree.header(), panel.tree.fontMetrics()
    assert panel.tree.isHeaderHidden()
    qtbot.waitUntil(lambda: header.sectionSize(1) <= fm.horizontalAdvance("+12") + 12)
    assert header.sectionSize(0) >= 2 * header.sectionSize(1) + fm.horizontalAdvance("+12")
    item = panel._items[0][1]
    assert item.toolTip(1) == "0 annotations, 12 suggestions not yet decided"
