"""Issue 18, item 2: the trend since the last audit in the summary (Markdown, HTML and the PDF read back
with pypdf): judgements then and now, and what is new, persists and is resolved, with the quotes."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from reviewer.core.annotations.model import LetterMeta
from reviewer.core.team.summary import build_summary
from reviewer.core.team.trend import trends
from reviewer.export.html import to_html
from reviewer.export.markdown import to_markdown
from reviewer.export.pdf import to_pdf
from reviewer.workspace import Workspace

THEN = """Focused visit to Ashvale children's services

Too many plans are lists of services rather than actions.
Children wait too long for their assessments to start.
Leaders know their services well.
"""
NOW = """Monitoring visit to Ashvale children's services

Plans are still lists of services rather than actions for too many children.
Care leavers do not always have a home that suits them.
Assessments now start promptly and are thorough.
"""


def _letter(ws: Workspace, tmp_path: Path, name: str, text: str, date: str, judgements: dict[str, str]):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    letter = ws.add_file(path)[0]
    meta = LetterMeta(authority="Ashvale", doc_type="focused visit", published=date,
                      judgements=tuple(judgements.items()))
    ws.edit_letter(letter, dataclasses.replace(letter, meta=meta))
    return ws.library.letters[letter.id]


def test_the_trend_since_the_last_audit(ws: Workspace, tmp_path: Path) -> None:
    ws.set_auditor("Ann Auditor")
    then = _letter(ws, tmp_path, "ashvale_2022.txt", THEN, "2022-03-10", {"overall_effectiveness": "inadequate"})
    now = _letter(ws, tmp_path, "ashvale_2024.txt", NOW, "2024-05-02", {"overall_effectiveness": "requires improvement"})
    ws.tag_quote(then, "Too many plans are lists of services", ["planning"], "area for improvement")
    ws.tag_quote(then, "Children wait too long for their assessments", ["assessment", "timeliness"], "priority action")
    ws.tag_quote(then, "Leaders know their services well", ["leadership"], "strength")
    ws.tag_quote(now, "Plans are still lists of services", ["planning"], "area for improvement")
    ws.tag_quote(now, "Care leavers do not always have a home", ["care-leavers"], "area for improvement")
    ws.tag_quote(now, "Assessments now start promptly", ["assessment"], "strength")

    (t,) = trends(ws.library, [now.id])
    assert (t.then.id, t.now.id) == (then.id, now.id)
    status = {th.theme: th.status for th in t.themes}
    assert status[ws.library.theme_label("planning")] == "persists"
    assert status[ws.library.theme_label("care-leavers")] == "new"
    assert status[ws.library.theme_label("assessment")] == "resolved"
    assert ws.library.theme_label("leadership") not in status  # no weakness then or now
    assert (t.judgements_then, t.judgements_now) == ({"overall_effectiveness": "inadequate"},
                                                    {"overall_effectiveness": "requires improvement"})

    summary = build_summary(ws.library, [now.id], ws.text_of)
    md = to_markdown(summary)
    assert "## Trend since the last audit" in md and "Persists" in md and "Resolved since the last audit" in md
    assert "Plans are still lists of services" in md and "Too many plans are lists of services" in md
    assert "\\(10 March 2022\\)" in md and "\\(2 May 2024\\)" in md  # dates as the summary says them (escaped)
    html = to_html(summary)
    assert "Trend since the last audit" in html and "requires improvement" in html
    import pypdf

    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(to_pdf(summary))).pages)
    flat = " ".join(text.split())
    assert "Trend since the last audit" in flat and "New since the last audit" in flat


def test_no_trend_without_an_earlier_audit(ws: Workspace, tmp_path: Path) -> None:
    ws.set_auditor("Ann Auditor")
    now = _letter(ws, tmp_path, "ashvale_2024.txt", NOW, "2024-05-02", {})
    ws.tag_quote(now, "Care leavers do not always have a home", ["care-leavers"], "area for improvement")
    summary = build_summary(ws.library, [now.id], ws.text_of)
    assert summary.trends == [] and "Trend since the last audit" not in to_html(summary)


def test_the_overview_shows_the_trend(qtbot, ws: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from reviewer.ui.manager.overview import OverviewWindow

    ws.set_auditor("Ann Auditor")
    then = _letter(ws, tmp_path, "ashvale_2022.txt", THEN, "2022-03-10", {})
    now = _letter(ws, tmp_path, "ashvale_2024.txt", NOW, "2024-05-02", {})
    ws.tag_quote(then, "Too many plans are lists of services", ["planning"], "area for improvement")
    ws.tag_quote(now, "Care leavers do not always have a home", ["care-leavers"], "area for improvement")
    ov = OverviewWindow(ws.library, ws.saved_text_of, lambda: [now.id])
    qtbot.addWidget(ov)
    ov.refresh()
    shown = ov.trend.toPlainText()
    assert "Trend since the last audit" in shown and "New since the last audit" in shown
    assert "Resolved since the last audit" in shown and "Care leavers do not always have a home" in shown
    ov.scope = lambda: [then.id]  # the earliest letter has nothing before it
    ov.refresh()
    assert "No authority of these letters has an earlier audit" in ov.trend.toPlainText()


def test_a_passage_two_auditors_tagged_is_quoted_once(ws: Workspace, tmp_path: Path) -> None:
    """A manager who merged two auditors' packs read each weakness both had tagged twice over in the trend
    ("A lack of ..." then "A lack of ..." again, under Leadership): one passage is one piece of evidence."""
    then = _letter(ws, tmp_path, "ashvale_2022.txt", THEN, "2022-03-10", {})
    now = _letter(ws, tmp_path, "ashvale_2024.txt", NOW, "2024-05-02", {})
    ws.tag_quote(then, "Too many plans are lists of services", ["planning"], "area for improvement", author="Ann Auditor")
    ws.tag_quote(then, "Too many plans are lists of services", ["planning"], "priority action", author="Ben Auditor",
                 again=True)
    ws.tag_quote(now, "Plans are still lists of services", ["planning"], "area for improvement", author="Ann Auditor")
    ws.tag_quote(now, "Plans are still lists of services", ["planning"], "area for improvement", author="Ben Auditor",
                 again=True)
    (t,) = trends(ws.library, [now.id])
    (planning,) = t.themes
    assert planning.status == "persists"
    assert len(planning.then_quotes) == 1 and len(planning.now_quotes) == 1
    assert (planning.then["improvement"], planning.then["priority"], planning.now["improvement"]) == (1, 1, 2)  # annotations
    md = to_markdown(build_summary(ws.library, [now.id], ws.text_of))
    trend = md[md.index("## Trend since the last audit"):]
    assert trend.count("Plans are still lists of services") == 1
