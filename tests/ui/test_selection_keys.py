"""Ctrl+Down / Ctrl+Up and Shift+Down walk the letter sentence by sentence, bullet by bullet, through
numbered lists, headings and page furniture alike. A new user's walk through a 55-page report's "What
needs to improve" stuck at an item's number ("8."), which no sentence holds: the nearest sentence to it
is the one before, so the walk stayed where it was."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from reviewer.core.reading.outline import analyse  # noqa: E402
from reviewer.ui.reader.selection_keys import next_unit, previous_unit  # noqa: E402

LIST = """What needs to improve

7. Leaders should improve the quality of plans.

Early help and protection

8. Ensure that assessments are timely. They must be reviewed.

9. Improve supervision so that drift is identified.
"""


def _walk(text: str, units: list[tuple[int, int]], unit_at) -> None:  # type: ignore[no-untyped-def]
    for here, there in zip(units, units[1:]):
        assert next_unit(text, unit_at, here[1]) == there, text[here[0]:here[1]]
        assert previous_unit(text, unit_at, there[0]) == here, text[there[0]:there[1]]
    assert next_unit(text, unit_at, units[-1][1]) is None
    assert previous_unit(text, unit_at, units[0][0]) is None


def test_the_walk_steps_over_item_numbers_and_headings() -> None:
    st = analyse(LIST, [0])
    _walk(LIST, st.units, st.unit_at)
    heading_end = LIST.index("Early help and protection") + len("Early help and protection")
    found = next_unit(LIST, st.unit_at, heading_end)  # a heading clicked, then Ctrl+Down
    assert found is not None and LIST[found[0]:found[1]] == "Ensure that assessments are timely."


def test_every_sentence_of_a_long_report_is_reached_in_turn() -> None:
    """A 55-page 2015 report of numbered paragraphs and recommendations (development split)."""
    report = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "reports" / "st-helens_2015-01-20.pdf"
    if not report.exists():
        pytest.skip("../shared/corpus is not available in this checkout")
    from reviewer.letters.importing import prepare_letter

    extracted = prepare_letter(report.read_bytes(), report.name).extracted
    st = analyse(extracted.text, extracted.page_starts)
    assert len(st.units) > 500
    _walk(extracted.text, st.units, st.unit_at)
