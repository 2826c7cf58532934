"""Counts read as a person writes them: "1 letter", "3 actions · 2 overdue", never "1 letters" or "action(s)"."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from reviewer.store.repository import LibraryStore  # noqa: E402
from reviewer.core.text.words import counted  # noqa: E402
from reviewer.ui.shell.chrome import status_text  # noqa: E402
from reviewer.workspace import Workspace  # noqa: E402

BULLET = "Management oversight and supervision, so that drift is identified"


def test_counted_says_one_and_many() -> None:
    assert counted(1, "letter") == "1 letter"
    assert counted(0, "letter") == "0 letters"
    assert counted(3, "match", "matches") == "3 matches"
    assert counted(1, "match", "matches") == "1 match"


def test_the_status_line_counts_one_letter_in_the_singular(tmp_path: Path, samples: Path) -> None:
    ws = Workspace(LibraryStore(tmp_path / "lib.json"))
    ws.set_auditor("Ann Auditor")
    letter, _new, _ = ws.add_file(samples / "thornbury_vale_2025_focused_visit.pdf")
    text = status_text(ws.library, letter.id)
    assert "1 letter ·" in text and "1 letters" not in text and "0 annotations in the library" in text
    ws.tag_quote(letter, BULLET, ["planning"], "improvement")
    text = status_text(ws.library, letter.id)
    assert text.startswith("This letter: 1 annotation (1 area for improvement)") and "1 annotation in the library" in text
    ws.tag_quote(letter, "The timeliness of initial child protection conferences", ["timeliness"], "improvement")
    text = status_text(ws.library, letter.id)
    assert text.startswith("This letter: 2 annotations (2 areas for improvement)"), text


def test_each_severity_counts_in_the_plural_as_said() -> None:
    from reviewer.core.annotations.codebook import severities

    said = {s.id: (s.counted(1), s.counted(2)) for s in severities()}
    assert said == {"strength": ("1 strength", "2 strengths"), "context": ("1 context", "2 context"),
                    "improvement": ("1 area for improvement", "2 areas for improvement"),
                    "priority": ("1 priority action", "2 priority actions")}
