"""The action plan in the summary (Markdown and HTML): a section with each action, overdue marked."""

from __future__ import annotations

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
        assert "## Action plan" in m and "2 action(s), 1 overdue." in m
        assert "2000-03-31 \\(overdue\\)" in m and "Half the plans reviewed" in m
        assert m.index("Review &lt;b&gt;every") < m.index("Train managers")  # by due date
        assert "\\| now" in m  # a pipe cannot break the table
        h = html.read_text(encoding="utf-8")
        assert "<h2>Action plan</h2>" in h and "Review &lt;b&gt;every&lt;/b&gt; plan" in h
        assert 'class="overdue"' in h and "Half the plans reviewed" in h
    finally:
        ann.store.close()


def test_no_plan_no_section(tmp_path: Path) -> None:
    ann = Desk(tmp_path / "ann", "Ann Auditor")
    try:
        lid = ann.add(THORNBURY)
        ann.tag(lid, "Too many plans", ["planning"], "priority")
        md = tmp_path / "s.md"
        ann.ws.export_summary([lid], md, "md")
        assert "Action plan" not in md.read_text(encoding="utf-8")
    finally:
        ann.store.close()
