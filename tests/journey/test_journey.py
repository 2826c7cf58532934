"""An auditor's day, proven with the installed app in a real window on a real X display.

The app is started as a process (`reviewer --db LIB`) on Xvfb with a window manager, on a fresh
home folder, and driven only by xdotool: keys, typing, and mouse clicks at places computed from the
window's geometry and the letter's own layout. Each step writes a screenshot (the folder is printed)
and asserts what a person would see: window titles, dialogs, pop-ups, pixels that change. The
library is read with the command line once the app has quit (it holds the library's lock while
open), and the exported pack with independent readers (zipfile, pypdf, openpyxl).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from desktop import SCREEN, App, Display, Geometry, Screen, locate, wait_for  # type: ignore[import-not-found]

pytestmark = pytest.mark.journey

ROOT = Path(__file__).resolve().parents[2]
LETTER = ROOT / "sample_docs" / "thornbury_vale_2025_focused_visit.pdf"
OTHER = ROOT / "sample_docs" / "kingsford_2025_committee_progress_report.docx"  # a council's Word paper
FIRST = "Since the last inspection"  # the sentence tagged by mouse
SECOND = "Most children in need of help"  # the next one, tagged by keyboard alone
ACCEPTED = "However, the quality of plans"  # the first suggestion after those two: accepted with Enter
NAME = "Ann Auditor"
TITLE = "Thornbury Vale — focused visit — March 2025"  # as the window shows the letter (issue 16, item 8)
OTHER_TITLE = "Kingsford — committee report — June 2025"


class Journey:
    def __init__(self, display: Display, app: App, tmp: Path) -> None:
        self.d, self.app, self.tmp = display, app, tmp
        self.lib = tmp / "library.json"

    def shot(self, name: str) -> Screen:
        return Screen(self.d.shot(name))

    def window(self) -> Geometry:
        return self.d.geometry(self.app.main_window())

    def page(self) -> tuple[Screen, Geometry]:
        """A screenshot with the letter's page drawn in it, and where the page is."""
        def drawn() -> tuple[Screen, Geometry] | None:
            s = Screen(self.d.shot("page"))
            try:
                g = s.page(self.window())
            except AssertionError:
                return None
            # drawn: some ink on the page's first lines
            ink = any(not s.white(x, y) for y in range(g.y + g.width // 10, g.y + g.width // 5, 3)
                      for x in range(g.x + g.width // 8, g.x + g.width // 2, 4))
            return (s, g) if ink else None
        return wait_for("the letter's page to be drawn", drawn, timeout=20, every=0.5)

    @staticmethod
    def spot(page: Geometry, text: str, pdf: Path = LETTER) -> tuple[int, int]:
        """The screen point on the first word of ``text`` (on page 1, scrolled to the top)."""
        r = locate(pdf, 0, text)
        return round(page.x + (r.x0 + 0.01) * page.width), round(page.y + (r.y0 + r.y1) / 2 * page.width)

    @staticmethod
    def around(x: int, y: int) -> Geometry:
        return Geometry(x - 4, y - 6, 160, 12)

    def tag_dialog_theme(self, typed: str) -> None:
        """Type part of a theme, wait for the completion pop-up, choose its first line with Down, Enter."""
        pid = self.app.proc.pid
        before = set(self.d.windows(pid))
        self.d.type(typed)
        wait_for(f"the theme pop-up for {typed!r}", lambda: set(self.d.windows(pid)) - before, timeout=10)
        self.shot(f"theme-popup-{typed}")
        self.d.key("Down", "Return")
        wait_for("the pop-up to close", lambda: not set(self.d.windows(pid)) - before, timeout=10)

    # ------------------------------------------------------------ the steps
    def first_run(self) -> None:
        self.app.launch("--db", str(self.lib))
        assert self.app.title() == "Reviewer"
        self.shot("welcome")
        self.d.type(NAME)  # the welcome page asks the name first, with the keyboard in its field
        self.d.key("Return")
        self.shot("name-saved")

    def open_letter(self) -> None:
        """File > Open with two files (issue 16, item 5): the first is shown, both are selected in the library."""
        self.d.key("alt+f")
        self.d.key("o")  # File > Open Letter…
        self.d.wait_active("^Open letters$")
        self.shot("open-dialog")
        self.d.type(f'"{LETTER}" "{OTHER}"')
        self.d.key("Return")
        self.app.wait_title(f"^{TITLE} — Reviewer$")
        self.screen, self.sheet = self.page()
        w = self.window()
        pane = Geometry(w.x + 4, w.y + 100, w.width // 5, 300)  # the library list
        row = 24  # the library list's row height
        wait_for("both letters selected in the library", lambda: (
            s := self.shot("opened-two")) and self.selected_height(s, pane) >= 2 * row - 4 and s, timeout=10)

    @staticmethod
    def selected_height(screen: Screen, g: Geometry) -> int:
        """How many pixels down the middle of a list are drawn in the selection's blue."""
        x = g.x + g.width // 2
        return sum(1 for y in range(g.y, g.y + g.height)
                   if (c := screen.rgb(x, y))[2] > 150 and c[2] > c[0] + 60)

    def tag_by_mouse(self) -> None:
        x, y = self.spot(self.sheet, FIRST)
        self.d.click(x, y, times=3)
        after = self.shot("triple-click")
        assert after.differs(self.screen, self.around(x, y)) > 0.3, "the triple-click shows no selection"
        self.d.key("ctrl+t")
        self.d.wait_active("^Tag passage$")
        self.tag_dialog_theme("work")  # Workforce, caseloads and practice model (and Partnership … working)
        self.tag_dialog_theme("lead")  # Leadership and governance
        self.d.key("alt+3")
        self.d.key("Tab")
        self.d.type("Caseloads are down; ask for the figures.")
        self.shot("tag-dialog-filled")
        self.d.key("ctrl+Return")
        self.app.wait_title(f"^{TITLE} — Reviewer$")
        self.d.wait_active(f"^{TITLE} — Reviewer$")
        self.tagged = self.shot("tagged-first")
        assert self.tagged.differs(self.screen, self.around(x, y)) > 0.3, "no highlight on the tagged sentence"

    def tag_by_keyboard(self) -> None:
        x, y = self.spot(self.sheet, SECOND)
        _, first_y = self.spot(self.sheet, FIRST)
        above = Geometry(self.sheet.x, self.sheet.y, self.sheet.width, first_y - 12 - self.sheet.y)  # header, address…
        self.d.key("ctrl+Down")
        sel = self.shot("ctrl-down")
        assert sel.differs(self.tagged, self.around(x, y)) > 0.3, "Ctrl+Down did not select the next sentence"
        assert sel.differs(self.tagged, above) < 0.001, "Ctrl+Down went back to the top of the page"
        self.d.key("alt+4")
        self.d.wait_active("^Tag passage$")
        self.tag_dialog_theme("drift")  # Timeliness, drift and delay
        self.d.key("Tab")
        self.d.type("Not yet for every child: keep watching.")
        self.shot("tag-dialog-priority")
        self.d.key("ctrl+Return")
        self.d.wait_active(f"^{TITLE} — Reviewer$")
        self.shot("tagged-second")

    def accept_suggestion(self) -> None:
        letter = self.letter_region()  # the pages in view
        self.d.key("ctrl+4")
        before = self.shot("suggestions")
        self.d.key("Return")
        accepted = wait_for("the accepted suggestion to be highlighted", lambda: (
            s := self.shot("suggestion-accepted")) and s.differs(before, letter) > 0.01 and s, timeout=10)
        accepted = wait_for("the letter to settle", lambda: (
            s := self.shot("suggestion-accepted")) and s.differs(accepted, letter) < 0.0005 and s, timeout=10)
        head = Geometry(letter.x, letter.y, letter.width, 150)  # the letter's head: no suggestion there
        assert accepted.differs(before, head) < 0.001, "accepting scrolled the letter away from where it was read"
        self.d.key("ctrl+z")
        wait_for("Ctrl+Z to take the highlight away", lambda: (
            s := self.shot("undone")) and s.differs(accepted, letter) > 0.01, timeout=10)
        self.d.key("ctrl+shift+z")
        wait_for("Ctrl+Shift+Z to bring it back", lambda: (
            s := self.shot("redone")) and s.differs(accepted, letter) < 0.0005, timeout=10)

    def overview_on_screen(self) -> None:
        """Review > Overview opens over the window, wholly on the screen (issue 16, item 9: it opened at
        the screen's edge)."""
        main = self.app.main_window()
        self.d.key("ctrl+shift+m")
        self.d.wait_active("^Overview — Reviewer$")
        wid = self.d.active_window()
        g = wait_for("the overview to be placed", lambda: (
            g := self.d.geometry(wid)) and g.x > 0 and g.y > 0 and g.x + g.width < SCREEN[0]
            and g.y + g.height < SCREEN[1] and g, timeout=10)
        self.shot("overview")
        w = self.d.geometry(main)
        assert w.x <= g.x + g.width // 2 <= w.x + w.width, "the overview is not over the window"
        self.d.xdo("windowactivate", "--sync", main)
        self.d.wait_active(f"^{TITLE} — Reviewer$")

    def letter_region(self) -> Geometry:
        w = self.window()
        return Geometry(self.sheet.x, w.y + 120, self.sheet.width, w.height - 180)

    def leave_on_page_two(self) -> None:
        """Go to page 2 (Ctrl+G), then a little further down it with the mouse wheel."""
        self.d.key("ctrl+g")
        self.d.type("2")
        self.d.key("Return")
        letter = self.letter_region()
        self.d.xdo("mousemove", str(letter.x + letter.width // 2), str(letter.y + letter.height // 2))
        self.d.xdo("click", "--repeat", "2", "--delay", "120", "5")  # two notches of the wheel
        self.left = wait_for("the view to settle on page 2", lambda: (
            a := self.shot("left-here")) and (b := self.shot("left-here")) and b.differs(a, letter) < 0.0005 and b,
            timeout=10)
        assert self.left.differs(self.tagged, letter) > 0.1, "the view did not move from page 1"

    def quit_and_check_library(self) -> list[dict]:
        self.d.key("ctrl+q")
        assert self.app.wait_exit() == 0
        out = self.app.cli("annotations", "--db", str(self.lib), "--format", "json")  # --db first: issue 16, item 4
        assert out.returncode == 0, out.stderr
        anns = json.loads(out.stdout)
        quotes = [" ".join(a["quote"].split()) for a in anns]
        assert len(anns) == 3, f"expected 2 tagged and 1 accepted annotation, got {quotes}"
        first = next(a for a in anns if a["quote"].startswith(FIRST))
        assert first["themes"] == ["Workforce, caseloads and practice model", "Leadership and governance"]
        assert first["severity"] == "Area for improvement"
        assert first["note"] == "Caseloads are down; ask for the figures."
        second = next(a for a in anns if a["quote"].startswith(SECOND))
        assert "Timeliness, drift and delay" in second["themes"]  # (typed beside those Alt+4 proposed)
        assert second["severity"] == "Priority action", "a space typed in the note changed the severity"
        assert second["note"] == "Not yet for every child: keep watching."
        accepted = next(a for a, q in zip(anns, quotes) if q.startswith(ACCEPTED))  # the first suggestion left
        assert accepted["severity"] == "Area for improvement" and accepted["themes"]
        assert all(a["author"] == NAME for a in anns)
        return anns

    def restart_where_left(self) -> None:
        self.app.launch("--db", str(self.lib), title=f"^{TITLE} — Reviewer$")
        letter = self.letter_region()
        seen = wait_for("the letter at the page and place it was left", lambda: (
            s := self.shot("reopened")) and s.shifted_differs(self.left, letter) < 0.05 and s, timeout=15)
        assert seen

    def second_launch(self) -> None:
        """`reviewer OTHER.pdf` while the window is open (and minimised): the window takes it."""
        main = self.app.main_window()
        self.d.xdo("windowminimize", main)
        wait_for("the window to be minimised", lambda: self.d.active_window() != main, timeout=10)
        self.shot("minimised")
        launch = self.app.start("--db", str(self.lib), str(OTHER))
        try:
            code = launch.wait(30)
        except Exception:
            launch.kill()
            raise AssertionError("the second launch did not hand over and quit") from None
        assert code == 0, f"the second launch failed ({code}): see {self.app.log}"
        self.app.wait_title(f"^{OTHER_TITLE} — Reviewer$")
        wait_for("the window to come forward", lambda: self.d.active_window() == main, timeout=10)
        windows = [w for w in self.d.windows(self.app.proc.pid) if self.d.xdo("getwindowname", w, check=False)]
        self.shot("handed-over")
        assert self.app.main_window() == main and len([w for w in windows if w == main]) == 1

    def export_summary_from_the_search_box(self) -> None:
        """Ctrl+E with the cursor in a text box of the window: Linux's text boxes take Ctrl+E for "end of
        line", and a new user's Ctrl+E from the Annotations filter did nothing (stop 44)."""
        self.d.key("ctrl+shift+f")
        self.d.type("plans")
        self.d.key("ctrl+e")
        self.d.wait_active("^Export audit summary")
        self.shot("summary-from-search-box")
        self.d.key("Escape")
        self.d.wait_active(" — Reviewer$")

    def export_pack(self) -> Path:
        pack = self.tmp / "out" / "audit pack.zip"
        pack.parent.mkdir()
        self.d.key("ctrl+shift+e")
        self.d.wait_active("^Export audit pack")
        self.shot("export-dialog")
        self.d.key("ctrl+a")
        self.d.type(str(pack))
        self.d.key("Return")
        wait_for("the pack to be written", lambda: pack.exists() and zipfile.is_zipfile(pack), timeout=60, every=0.3)
        self.d.wait_active(" — Reviewer$")
        self.shot("exported")
        self.d.key("ctrl+q")
        assert self.app.wait_exit() == 0
        return pack

    def check_pack(self, pack: Path) -> None:
        """The pack, read by the command line and by readers that are not Reviewer's."""
        from openpyxl import load_workbook
        from pypdf import PdfReader

        out = self.app.cli("pack", "verify", str(pack))
        assert out.returncode == 0 and "OK" in out.stdout, out.stdout + out.stderr
        with zipfile.ZipFile(pack) as z:
            names = set(z.namelist())
            assert {"manifest.json", "summary.pdf", "summary.html", "annotations.csv", "annotations.xlsx",
                    "project.qdpx"} <= names
            manifest = json.loads(z.read("manifest.json"))
            assert manifest["auditor"] == NAME
            rows = list(csv.DictReader(io.StringIO(z.read("annotations.csv").decode("utf-8-sig"))))
            assert len(rows) == 3
            sheet = load_workbook(io.BytesIO(z.read("annotations.xlsx")), read_only=True).worksheets[0]
            assert sum(1 for _ in sheet.iter_rows()) == 1 + 3
            letters = sorted(n for n in names if n.startswith("letters/") and n.endswith(".pdf"))
            assert len(letters) == 1, letters  # the letter the auditor worked on (the other only opened)
            highlights = {}
            for name in letters:
                reader = PdfReader(io.BytesIO(z.read(name)))
                annots = [a.get_object() for page in reader.pages for a in (page.get("/Annots") or [])]
                highlights[name] = [a for a in annots if a.get("/Subtype") == "/Highlight"]
            thornbury = next(n for n in letters if "thornbury" in n.lower())
            assert len(highlights[thornbury]) == 3
            assert all(str(h.get("/T")) == NAME for h in highlights[thornbury])
            assert any("Caseloads are down" in str(h.get("/Contents")) for h in highlights[thornbury])
            summary = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(z.read("summary.pdf"))).pages)
            assert "Leadership and governance" in summary and "Timeliness, drift and delay" in summary


@pytest.fixture
def journey(display: Display, tmp_path: Path):  # type: ignore[no-untyped-def]
    app = App(display, tmp_path / "home", tmp_path / "reviewer.log")
    j = Journey(display, app, tmp_path)
    yield j
    app.finish()


def test_an_auditors_day(journey: Journey) -> None:
    journey.first_run()
    journey.open_letter()
    journey.tag_by_mouse()
    journey.tag_by_keyboard()
    journey.accept_suggestion()
    journey.overview_on_screen()
    journey.leave_on_page_two()
    journey.quit_and_check_library()
    journey.restart_where_left()
    journey.second_launch()
    journey.export_summary_from_the_search_box()
    pack = journey.export_pack()
    journey.check_pack(pack)
    anns = journey.app.cli("annotations", "--db", str(journey.lib), "--format", "json")
    assert len(json.loads(anns.stdout)) == 3  # the second day changed nothing
    letters = json.loads(journey.app.cli("list", "--db", str(journey.lib), "--json").stdout)
    assert sorted(x["source"] for x in letters) == sorted([LETTER.name, OTHER.name])
