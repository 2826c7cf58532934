"""A manager's afternoon (issue 18), proven with the installed app in a real window on a real X display.

Two auditors' packs are made with the command line (`python -m reviewer`: add letters, tag findings,
`pack export`). The manager's window is then driven by xdotool alone: open both packs, select a finding,
add an action to it on the Plan tab by keys, note progress through Update, undo and redo, open the whole
library's plan. The results are read once the window has quit (it holds the library's lock): the library
by `reviewer action list --json`, a pack of the manager's by zipfile, csv and openpyxl, the audit summary
by pypdf. Then the plan is sent back: an auditor imports the manager's pack, deletes the action and sends a
pack; the manager opens it in the window and the action is gone.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest
from desktop import App, Display, Screen, wait_for  # type: ignore[import-not-found]

pytestmark = pytest.mark.journey

ROOT = Path(__file__).resolve().parents[2]
THORNBURY = ROOT / "sample_docs" / "thornbury_vale_2025_focused_visit.pdf"
EASTMERE = ROOT / "sample_docs" / "eastmere_2024_monitoring_visit.pdf"
TITLE = "Thornbury Vale — focused visit — March 2025"
MANAGER = "Meg Manager"
FINDING = "Management oversight and supervision, so that drift is identified"  # first in reading order
ACTION = "Audit ten plans a month with team managers"
OWNER = "Priya Holloway"
PROGRESS = "First audit done: 4 of 10 plans good"


class Afternoon:
    def __init__(self, display: Display, app: App, tmp: Path) -> None:
        self.d, self.app, self.tmp = display, app, tmp
        self.lib = tmp / "manager.json"

    def shot(self, name: str) -> Screen:
        return Screen(self.d.shot(name))

    def cli(self, db: Path, *args: str) -> str:
        """`python -m reviewer --db DB ...`, on the app's home folder; its output (failing loudly)."""
        done = subprocess.run([sys.executable, "-m", "reviewer", "--db", str(db), *args], env={
            **self.app.env(), "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True, timeout=120,
            cwd=self.app.home)
        assert done.returncode == 0, f"reviewer {' '.join(args)}: {done.stderr}"
        return done.stdout

    def actions(self) -> list[dict]:
        return json.loads(self.cli(self.lib, "action", "list", "--json"))

    # ------------------------------------------------------------ the auditors, by the command line
    def auditors_packs(self) -> list[Path]:
        ann, ben = self.tmp / "ann.json", self.tmp / "ben.json"
        self.cli(ann, "add", str(THORNBURY))
        self.cli(ann, "tag", "thornbury", "--quote", FINDING, "--theme", "management oversight",
                 "--severity", "area for improvement", "--author", "Ann Auditor")
        self.cli(ann, "tag", "thornbury", "--quote", "Too many plans", "--theme", "planning",
                 "--severity", "priority action", "--author", "Ann Auditor")
        self.cli(ben, "add", str(EASTMERE))
        self.cli(ben, "tag", "eastmere", "--quote", "Permanence planning for children in care", "--theme",
                 "permanence", "--severity", "priority action", "--author", "Ben Auditor")
        packs = [self.tmp / "ann.zip", self.tmp / "ben.zip"]
        self.cli(ann, "pack", "export", "-o", str(packs[0]), "--auditor", "Ann Auditor")
        self.cli(ben, "pack", "export", "-o", str(packs[1]), "--auditor", "Ben Auditor")
        return packs

    # ------------------------------------------------------------ the manager's window, by xdotool
    def open_packs(self, packs: list[Path], first_run: bool = False) -> None:
        if first_run:
            self.app.launch("--db", str(self.lib))
            self.d.type(MANAGER)  # the welcome page asks the name first
            self.d.key("Return")
        self.d.key("ctrl+shift+p")  # File > Open Audit Pack…
        self.d.wait_active("^Open audit packs$")
        self.shot("open-packs-dialog")
        self.d.type(" ".join(f'"{p}"' for p in packs))
        self.d.key("Return")
        self.d.wait_active("^Audit packs opened$", timeout=60)
        time.sleep(0.5)
        self.shot("packs-opened")
        self.d.key("Return")
        self.d.wait_active(" — Reviewer$")

    def plan_panel(self) -> Screen:
        """A screenshot once the Plan tab is drawn the same twice in a row."""
        w = self.d.geometry(self.app.main_window())
        self.panel = type(w)(w.x + w.width * 3 // 4, w.y + 120, w.width // 4, w.height // 3)
        return wait_for("the window to settle", lambda: (a := self.shot("plan")) and (b := self.shot("plan"))
                        and b.differs(a, self.panel) < 0.001 and b, timeout=15)

    def add_action(self) -> None:
        self.app.wait_title(f"^{TITLE} — Reviewer$")
        time.sleep(1.5)  # the letter and its annotations are laid out
        self.d.key("ctrl+3")  # Annotations
        self.d.key("Down")  # the first finding in reading order
        self.d.key("ctrl+5")  # the Plan tab, keyboard on its list
        self.before = self.plan_panel()
        self.d.key("Tab")  # Add Action… (Whole Plan… sits by the pane's title, before the list)
        self.d.key("space")
        self.d.wait_active("^Add action$")
        self.d.type(ACTION)
        self.d.key("Tab")
        self.d.type(OWNER)
        self.d.key("Tab")
        self.d.type("15 January 2027")  # as people write dates (a QDateEdit took this as 15 January of its year)
        self.d.key("Tab")
        self.d.type("a")  # Amber
        self.shot("add-action-filled")
        self.d.key("Return")
        self.d.wait_active(f"^{TITLE} — Reviewer$")
        self.added = self.plan_panel()
        assert self.added.differs(self.before, self.panel) > 0.01, "no card for the new action"

    def update_and_undo(self) -> None:
        self.d.key("F2")  # the new card is selected: Update…
        self.d.wait_active("^Update action$")
        self.shot("update-dialog")
        self.d.key("Tab")  # from the status to the progress note
        self.d.type(PROGRESS)
        self.d.key("ctrl+Return")
        self.d.wait_active(f"^{TITLE} — Reviewer$")
        updated = self.plan_panel()
        assert updated.differs(self.added, self.panel) > 0.005, "the progress note is not on the card"
        self.d.key("ctrl+z")
        wait_for("Ctrl+Z to take the note away", lambda: (
            s := self.shot("undone")) and s.differs(self.added, self.panel) < 0.005, timeout=10)
        self.d.key("ctrl+shift+z")
        wait_for("Ctrl+Shift+Z to bring it back", lambda: (
            s := self.shot("redone")) and s.differs(updated, self.panel) < 0.005, timeout=10)

    def whole_plan(self) -> None:
        self.d.key("ctrl+shift+a")  # Review > Action Plan
        self.d.wait_active("^Overview — Reviewer$")
        time.sleep(0.8)
        self.shot("whole-plan")
        self.d.key("Escape")
        self.d.wait_active(" — Reviewer$")

    def quit(self) -> None:
        self.d.key("ctrl+q")
        assert self.app.wait_exit() == 0

    # ------------------------------------------------------------ independent readers
    def check_library(self) -> dict:
        (a,) = self.actions()
        assert (a["text"], a["owner"], a["due"], a["status"], a["by"]) == (ACTION, OWNER, "2027-01-15", "amber", MANAGER)
        assert [p["text"] for p in a["progress"]] == [PROGRESS], "undo and redo lost or doubled the note"
        return a

    def check_exports(self, act: dict) -> Path:
        from openpyxl import load_workbook
        from pypdf import PdfReader

        pack = self.tmp / "manager.zip"
        self.cli(self.lib, "pack", "export", "-o", str(pack), "--auditor", MANAGER)
        with zipfile.ZipFile(pack) as z:
            (row,) = list(csv.DictReader(io.StringIO(z.read("actions.csv").decode("utf-8-sig"))))
            assert (row["action"], row["owner"], row["due"], row["status"]) == (ACTION, OWNER, "2027-01-15", "Amber")
            assert row["finding"] == FINDING and row["inspectors_item"].startswith(FINDING)
            assert PROGRESS in row["progress"] and row["action_id"] == act["id"]
            sheet = load_workbook(io.BytesIO(z.read("annotations.xlsx")), read_only=True)["Actions"]
            head, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
            (cells,) = rows
            got = dict(zip(head, cells))
            assert got["Action"] == ACTION and got["Owner"] == OWNER and got["Status"] == "Amber"
            due = got["Due"]
            assert due is not None and not isinstance(due, str) and due.date() == date(2027, 1, 15), due
        summary = self.tmp / "summary.pdf"
        self.cli(self.lib, "export", "-o", str(summary))
        text = " ".join("".join(p.extract_text() or "" for p in PdfReader(summary).pages).split())
        plan = text[text.index("Action plan"):]
        assert "1 action," in plan[:80] and ACTION in plan and OWNER in plan and "Amber" in plan
        return pack

    def send_back(self, pack: Path) -> Path:
        """Ann takes the manager's pack, deletes the action, and sends her own back."""
        ann = self.tmp / "ann.json"
        self.cli(ann, "pack", "import", str(pack))
        (a,) = json.loads(self.cli(ann, "action", "list", "--json"))
        assert a["text"] == ACTION and [p["text"] for p in a["progress"]] == [PROGRESS]
        self.cli(ann, "action", "delete", a["id"][:8])
        back = self.tmp / "ann-back.zip"
        self.cli(ann, "pack", "export", "-o", str(back), "--auditor", "Ann Auditor")
        return back


@pytest.fixture
def afternoon(display: Display, tmp_path: Path):  # type: ignore[no-untyped-def]
    app = App(display, tmp_path / "home", tmp_path / "reviewer.log")
    a = Afternoon(display, app, tmp_path)
    yield a
    app.finish()


def test_a_managers_afternoon(afternoon: Afternoon) -> None:
    a = afternoon
    packs = a.auditors_packs()
    a.open_packs(packs, first_run=True)
    a.add_action()
    a.update_and_undo()
    a.whole_plan()
    a.quit()
    act = a.check_library()
    pack = a.check_exports(act)
    back = a.send_back(pack)
    a.app.launch("--db", str(a.lib), title=" — Reviewer$")
    a.open_packs([back])
    a.shot("deletion-arrived")
    a.quit()
    assert a.actions() == [], "the auditor's deletion did not reach the manager"
