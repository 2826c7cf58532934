"""A letter marked in another reader: its highlights are suggestion cards from the PDF, accepted with one key
(author and comment kept), like every other suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from tests.workspace.test_pdf_marks import marked_pdf  # noqa: E402


def test_pdf_highlights_are_suggestions_accepted_with_enter(make_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = make_window([marked_pdf(tmp_path / "northmoor_marked.pdf")])
    qtbot.waitUntil(lambda: any(s.origin == "pdf" for s in w.suggester.suggestions), timeout=15000)
    panel = w.suggestions_panel
    shown = panel.visible()
    assert {s.author for s in shown if s.origin == "pdf"} == {"Jane Smith", "Edge User", "Zotero User"}
    jane = next(s for s in shown if s.author == "Jane Smith")
    panel.select(f"{jane.start}:{jane.end}")
    panel.list.setFocus()
    item = panel.list.currentItem()
    assert "marked in the PDF by Jane Smith" in item.data(Qt.ItemDataRole.AccessibleTextRole)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    (a,) = w.lib.annotations_for(w.onscreen.letter_id)
    assert (a.author, a.note, a.start, a.end) == ("Jane Smith", "Ask about the PA vacancies", jane.start, jane.end)
    w.ws.undo_last()  # undone like any accepted suggestion
    assert not w.lib.annotations_for(w.onscreen.letter_id)
