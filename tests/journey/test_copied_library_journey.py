"""A new user's first start on a library he had copied, proven in a real window driven by xdotool.

The copy's journal has a line that does not verify (a copy taken as it was written, or damaged on its way), so
opening it has something to say: the welcome page shows with a box saying what was recovered. A tester
double-clicked a letter in the Library tab beside that box and nothing opened: the box, modal to the window,
held every click and key until OK. The box may stay up; the window behind it works.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from desktop import App, Display, Screen, wait_for  # type: ignore[import-not-found]

pytestmark = pytest.mark.journey

ROOT = Path(__file__).resolve().parents[2]
LETTERS = (ROOT / "sample_docs" / "thornbury_vale_2025_focused_visit.pdf",
           ROOT / "sample_docs" / "kingsford_2025_committee_progress_report.pdf")
FIRST_ROW = "Kingsford — committee report — June 2025"  # sorted by title: Kingsford, then Thornbury Vale
NOTICE = "Reviewer — library recovered"


@pytest.fixture
def app(display: Display, tmp_path: Path):  # type: ignore[no-untyped-def]
    a = App(display, tmp_path / "home", tmp_path / "reviewer.log")
    yield a
    a.finish()


def test_a_letter_double_clicked_opens_beside_what_opening_a_copied_library_said(
        display: Display, app: App, tmp_path: Path) -> None:
    d = display
    original = tmp_path / "mine" / "library.json"
    added = app.cli("add", "--db", str(original), *map(str, LETTERS))
    assert added.returncode == 0, added.stderr
    shutil.copytree(original.parent, tmp_path / "copied")
    copy = tmp_path / "copied" / "library.json"
    with (tmp_path / "copied" / "library.json.journal").open("ab") as journal:
        journal.write(b'deadbeef ["a line that does not verify"]\n')

    app.launch("--db", str(copy), title=f"^(Reviewer|{NOTICE})$")  # a fresh home: the welcome page
    pid = app.proc.pid  # type: ignore[union-attr]
    notice = wait_for("the box saying what was recovered", lambda: next(
        (w for w in d.windows(pid) if d.xdo("getwindowname", w, check=False) == NOTICE), None))
    assert app.title() == "Reviewer"
    Screen(d.shot("copied-library-welcome-and-notice"))

    w = d.geometry(app.main_window())
    d.click(w.x + 80, w.y + 150, times=2)  # the Library tab's first row, as a person double-clicks it
    app.wait_title(f"^{re.escape(FIRST_ROW)} — Reviewer$")
    Screen(d.shot("copied-library-letter-open"))
    assert notice in d.windows(pid), "the box went before it was read"

    d.xdo("windowactivate", "--sync", notice, check=False)
    d.wait_active(f"^{NOTICE}$")
    d.key("Return")  # OK
    wait_for("the box to close", lambda: notice not in d.windows(pid))
    d.wait_active(f"^{re.escape(FIRST_ROW)} — Reviewer$")
    d.key("ctrl+q")
    assert app.wait_exit() == 0
