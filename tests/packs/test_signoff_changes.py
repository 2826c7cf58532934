"""A letter signed off and then changed (a returned pack deletes a finding, adds or edits one) says so: the
pack's report warns, and the window's status line says how many findings changed since. A manager's helper
saw a returned pack delete a finding, its challenge and an action, the letter still "Signed off"."""

from __future__ import annotations

import time
from pathlib import Path

from reviewer.core.annotations.review import changed_since_signoff
from reviewer.workspace import Workspace


def test_findings_changed_after_the_sign_off_are_counted(ws: Workspace, samples: Path) -> None:
    letter, _, _ = ws.add_file(samples / "thornbury_vale_2025_focused_visit.pdf")
    first = ws.tag_quote(letter, "Too many plans are lists of services", ["planning"], "improvement", author="Ann")
    assert changed_since_signoff(ws.library, letter.id) == 0  # not signed off
    ws.sign_off([letter.id], "Meg Manager")
    assert changed_since_signoff(ws.library, letter.id) == 0
    time.sleep(0.01)  # (stamps are to the millisecond)
    ws.tag_quote(letter, "Management oversight is regular", ["oversight"], "improvement", author="Ann")
    assert changed_since_signoff(ws.library, letter.id) == 1
    ws.delete([first.id], by="Ann")
    assert changed_since_signoff(ws.library, letter.id) == 2
    ws.sign_off([letter.id], "Meg Manager")  # signed off again: nothing since
    assert changed_since_signoff(ws.library, letter.id) == 0
