"""The action plan in the summary (Markdown and HTML): a section with each action, overdue marked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pack_desks import THORNBURY, Desk  # type: ignore[import-not-found]


def test_plan_in_summary(tmp_path: Path) -> None:
    ann = Desk(tmp_path / "ann", "Ann Auditor")
    try:
        lid = ann.add(THORNBURY)
        a = ann.tag(lid, "Too many plans", ["planning"], "priority")
        late = ann.ws.add_action(a.id, "Review <b>every</b> plan | now", "Sam Owner", "2000-03-31", "red")
        ann.ws.add_action(a.id, "Train managers", "Kim", "2999-01-01", "green")
        ann.ws.update_action(late.id, progress="Half the plans reviewed")
        md = tmp_path / "s.md"
        html = tmp_path / "s.html"
        ann.ws.export_summary([lid], md, "md")
        ann.ws.export_summary([lid], html, "html")
        m = md.read_text(encoding="utf-8")
        assert "## Action plan" in m and "2 actions, 1 overdue." in m
        assert "31 March 2000 \\(overdue\\)" in m and "Half the plans reviewed" in m  # as the summary says dates
        assert "2000-03-31" not in m and f"{date.today().day} {date.today():%B %Y}" in m  # (the progress note's)
        assert m.index("Review &lt;b&gt;every") < m.index("Train managers")  # by due date
        assert "\\| now" in m  # a pipe cannot break the table
        h = html.read_text(encoding="utf-8")
        assert "<h2>Action plan</h2>" in h and "Review &lt;b&gt;every&lt;/b&gt; plan" in h
        assert 'class="overdue"' in h and "Half the plans reviewed" in h
        assert "<td>31 March 2000 <strong" in h and "1 January 2999" in h
    finally:
        ann.store.close()


def test_no_plan_says_so_where_there_are_weaknesses(tmp_path: Path) -> None:
    """A new user's manager (stop 48) could not tell a summary with no actions from one exported without its plan:
    where there are weaknesses and no action, the section says there is none; with only strengths, no section."""
    ann = Desk(tmp_path / "ann", "Ann Auditor")
    try:
        lid = ann.add(THORNBURY)
        ann.tag(lid, "Core groups meet regularly", ["planning"], "strength")
        md = tmp_path / "s.md"
        ann.ws.export_summary([lid], md, "md")
        assert "Action plan" not in md.read_text(encoding="utf-8")
        ann.tag(lid, "Too many plans", ["planning"], "priority")
        ann.ws.export_summary([lid], md, "md")
        assert "## Action plan\n\nNo actions yet: no finding here has an action" in md.read_text(encoding="utf-8")
        html = tmp_path / "s.html"
        ann.ws.export_summary([lid], html, "html")
        assert "<h2>Action plan</h2>\n<p>No actions yet" in html.read_text(encoding="utf-8")
    finally:
        ann.store.close()


def test_the_plan_names_the_inspectors_item_a_finding_answers(tmp_path: Path) -> None:
    """The same cross-reference as the summary's "What needs to improve" table: a finding answers an item it
    overlaps; the plan shows that item in the summary, the summary CSV, actions.csv and the workbook."""
    import csv
    import io
    import zipfile

    from openpyxl import load_workbook

    ann = Desk(tmp_path / "ann", "Ann Auditor")
    try:
        lid = ann.add(THORNBURY)
        bullet = ann.tag(lid, "Management oversight and supervision, so that drift is identified", ["planning"],
                         "improvement")
        body = ann.tag(lid, "Too many plans", ["workforce"], "priority")  # (a subject no item names)
        ann.ws.add_action(bullet.id, "Monthly oversight audit", "Sam", "2999-01-01", "amber")
        ann.ws.add_action(body.id, "Review every plan", "Kim", "2999-02-01", "red")
        md = tmp_path / "s.md"
        ann.ws.export_summary([lid], md, "md")
        m = md.read_text(encoding="utf-8")
        row = next(line for line in m.splitlines() if "Monthly oversight audit" in line)
        assert "Management oversight and supervision, so that drift is identified and challenged" in row
        other = next(line for line in m.splitlines() if "Review every plan" in line)
        assert other.rstrip().endswith("| — |")  # answers no item of the inspectors', nor is on an item's subject
        out = tmp_path / "s.csv"
        ann.ws.export_summary([lid], out, "csv")
        rows = {r["annotation_id"]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))}
        assert rows[bullet.id]["actions"] == "Monthly oversight audit — Sam, due 2999-01-01, Amber"
        assert rows[body.id]["actions"].startswith("Review every plan — Kim, due 2999-02-01, Red")
        pack = tmp_path / "p.zip"
        ann.ws.export_pack([lid], pack, ann.name)
        with zipfile.ZipFile(pack) as z:
            acts = {r["annotation_id"]: r for r in csv.DictReader(io.StringIO(z.read("actions.csv").decode("utf-8-sig")))}
            book = load_workbook(io.BytesIO(z.read("annotations.xlsx")))
        assert acts[bullet.id]["inspectors_item"].startswith("Management oversight and supervision")
        assert acts[body.id]["inspectors_item"] == ""
        header = [c.value for c in book["Actions"][1]]
        assert "Inspectors item" in header, header
    finally:
        ann.store.close()


def test_an_inspectors_item_lists_the_findings_on_its_theme_and_an_action_on_one_answers_it(tmp_path: Path) -> None:
    """A manager's journey found it: a finding in the letter's main findings about management oversight was
    said to answer none of the inspectors' items, though "Management oversight and supervision, so that
    drift is identified" is one, and the conferences item read "not yet tagged" though its finding was. An
    item now names its subject and the letter's weaknesses on it; an action on one of them answers it."""
    ann = Desk(tmp_path / "ann", "Ann Auditor")
    try:
        lid = ann.add(THORNBURY)
        oversight = ann.tag(lid, "managers do not always challenge drift", ["oversight"], "improvement")
        ann.tag(lid, "Initial child protection conferences are not always held within 15 working days",
                ["cp-conferences", "timeliness"], "improvement")
        ann.ws.add_action(oversight.id, "Audit supervision records", "Sam Owner", "2999-03-31", "amber")
        md = tmp_path / "s.md"
        ann.ws.export_summary([lid], md, "md")
        m = md.read_text(encoding="utf-8")
        item = next(line for line in m.splitlines() if line.startswith("- Management oversight and supervision"))
        assert item.endswith("findings on its theme outside the list: Management oversight and supervision: Area for "
                             "improvement p.2")
        conferences = next(line for line in m.splitlines() if line.startswith("- The timeliness of initial child"))
        assert "Child protection conferences and core groups: Area for improvement p.2" in conferences
        plan = m[m.index("## Action plan"):]
        assert "Audit supervision records" in plan and "Management oversight and supervision, so that drift" in plan
        quality = next(line for line in m.splitlines() if line.startswith("- The quality of child protection"))
        assert quality.endswith("Planning and reviews: no weakness tagged")
    finally:
        ann.store.close()


def test_an_inspectors_item_whose_suggestion_was_dismissed_says_so(tmp_path: Path) -> None:
    """A new user dismissed an inspectors' item's suggestion and the summary's cross-reference still said "not yet
    tagged", as if nobody had looked at it (stop 47). A dismissed item says it was dismissed; one tagged says its
    severity; one left alone is not yet tagged."""
    from reviewer.core.annotations.tagging import locate_quote

    ann = Desk(tmp_path / "ann", "Ann Auditor")
    try:
        lid = ann.add(THORNBURY)
        text = ann.ws.text(lid).text
        ann.ws.dismiss_suggestions(lid, [locate_quote(text, "The timeliness of initial child")])
        md = tmp_path / "s.md"
        ann.ws.export_summary([lid], md, "md")
        lines = md.read_text(encoding="utf-8").splitlines()
        conferences = next(line for line in lines if line.startswith("- The timeliness of initial child"))
        assert "— *dismissed (not tagged)*;" in conferences
        quality = next(line for line in lines if line.startswith("- The quality of child protection"))
        assert "— *not yet tagged*;" in quality
        html = tmp_path / "s.html"
        ann.ws.export_summary([lid], html, "html")
        assert "dismissed (not tagged)" in html.read_text(encoding="utf-8")
    finally:
        ann.store.close()


def test_the_plan_cuts_between_words_and_says_a_finding_that_is_the_item_once(tmp_path: Path) -> None:
    """A manager's summary (stop 47): the action plan's finding and inspectors' item repeated one sentence, both cut
    mid-word ("…too much de…"). Long text is cut between words; a finding that is the item itself says so."""
    ann = Desk(tmp_path / "ann", "Ann Auditor")
    try:
        lid = ann.add(THORNBURY)
        item = ann.tag(lid, "The timeliness of initial child protection conferences for children who are subject to "
                       "section 47 enquiries.", ["cp-conferences"], "improvement")
        ann.ws.add_action(item.id, "Audit conference timeliness monthly", "Sam Owner", "2999-03-31", "amber")
        md = tmp_path / "s.md"
        ann.ws.export_summary([lid], md, "md")
        plan = md.read_text(encoding="utf-8").split("## Action plan", 1)[1]
        row = next(line for line in plan.splitlines() if "Audit conference timeliness" in line)
        assert row.rstrip().endswith("| the finding is this item |")
    finally:
        ann.store.close()
    from reviewer.export.plan import QUOTE, _short

    said = _short("word " * 60)
    assert len(said) <= QUOTE and said.endswith("word…")


def test_an_inspectors_item_counts_a_finding_tagged_on_its_theme_second(tmp_path: Path) -> None:
    """A new user (stop 48) tagged a finding with two themes, health first and timeliness second: every item about
    timeliness said "Timeliness, drift and delay: no weakness tagged", though one was. A finding is on an item's
    theme whichever of its themes it is."""
    ann = Desk(tmp_path / "ann", "Ann Auditor")
    try:
        lid = ann.add(THORNBURY)
        md = tmp_path / "s.md"
        ann.ws.export_summary([lid], md, "md")
        quality = next(line for line in md.read_text(encoding="utf-8").splitlines()
                       if line.startswith("- The quality of child protection"))
        assert quality.endswith("Planning and reviews: no weakness tagged")
        ann.tag(lid, "managers do not always challenge drift", ["oversight", "planning"], "improvement")
        ann.ws.export_summary([lid], md, "md")
        quality = next(line for line in md.read_text(encoding="utf-8").splitlines()
                       if line.startswith("- The quality of child protection"))
        assert quality.endswith("Planning and reviews: Area for improvement p.2")
    finally:
        ann.store.close()
