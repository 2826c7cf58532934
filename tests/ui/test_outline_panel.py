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
        assert said.startswith("Requires improvement — ") or said.endswith(" — Requires improvement") and (
            panel.tree.fontMetrics().horizontalAdvance(said) <= panel.tree.header().sectionSize(0)), said
    panel.resize(120, 400)  # too narrow for name and grade: the grade first
    qtbot.waitUntil(lambda: all(item.text(0).startswith("Requires improvement — ") for item in graded))
    panel.resize(900, 400)
    qtbot.waitUntil(lambda: {item.text(0) for item in graded} == {"Overall effectiveness — Requires improvement",
                                                                   "Help and protection — Requires improvement"})
