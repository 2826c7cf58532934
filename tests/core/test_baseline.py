"""The national baseline: one report's findings, the table on disk (and damaged), an authority's profile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.core.annotations.codebook import default_themes
from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Annotation, Letter, LetterMeta
from reviewer.core.team.baseline import (
    Baseline,
    BaselineError,
    ReportFindings,
    framework_of,
    national_rows,
    parse_years,
    profile,
    report_findings,
)

REPORT = """Inspection of Northmoor local authority children's services

Inspection dates: 3 to 14 February 2025

Lead inspector: Jo Bloggs, His Majesty's Inspector

Services for children in Northmoor have improved. Care leavers receive a strong service.
What needs to improve?
◼ The quality of pathway plans for care leavers.

◼ Management oversight and supervision of social workers in the front door.
The experiences and progress of care leavers: good

1.
Personal advisers know their young people well and keep in touch with them.
"""


def test_one_report_gives_items_with_themes_and_graded_findings() -> None:
    meta = LetterMeta(authority="Northmoor", doc_type="inspection report", visit_start="2025-02-03",
                      visit_end="2025-02-14")
    found = report_findings(REPORT, [], meta, default_themes())
    assert (found.year, found.framework, found.doc_type) == (2025, "ILACS", "inspection report")
    items = [f for f in found.findings if f[0] == "items"]
    assert [sev for _, sev, _ in items] == ["improvement", "improvement"]
    assert "care-leavers" in items[0][2] and "oversight" in items[1][2]
    graded = [f for f in found.findings if f[0] == "graded"]
    assert graded and all(sev in ("strength", "improvement", "priority") for _, sev, _ in graded)
    assert not any("pathway plans" in str(f) for f in graded)  # nothing but ids and severities is kept


def test_frameworks_by_date_and_by_adoption_grade() -> None:
    assert framework_of(LetterMeta(visit_end="2016-05-01", doc_type="inspection report")) == "SIF"
    assert framework_of(LetterMeta(visit_end="2013-06-01", doc_type="inspection report")) == "earlier"
    assert framework_of(LetterMeta(visit_end="2019-01-01", doc_type="inspection report")) == "ILACS"
    assert framework_of(LetterMeta(visit_end="2018-02-01", judgements=(("adoption", "good"),))) == "SIF"
    assert parse_years("2019-2023") == (2019, 2023) and parse_years("2022") == (2022, 2022)
    assert parse_years("2019-") == (2019, 2200) and parse_years(None) is None
    with pytest.raises(BaselineError, match="years"):
        parse_years("last year")


def _table() -> Baseline:
    t = Baseline(built="2026-01-01", source="test", theme_labels={"care-leavers": "Care leavers",
                                                                  "planning": "Planning and reviews"})
    for year in (2019, 2024):
        t.add(ReportFindings(year, "ILACS", "inspection report", [
            ("items", "improvement", ("care-leavers",)), ("items", "improvement", ("planning", "care-leavers")),
            ("items", "improvement", ("planning",)), ("items", "improvement", ()),
            ("items", "priority", ("planning",)), ("graded", "strength", ("care-leavers",))]))
    t.add(ReportFindings(None, "earlier", "other"))
    return t


def test_table_round_trip_and_selections() -> None:
    t = _table()
    back = Baseline.from_json(t.to_json())
    assert back.reports == t.reports and back.totals == t.totals and back.counts == t.counts
    assert back.skipped == 1 and back.report_count() == 2 and back.report_count((2024, 2024)) == 1
    assert back.total(("improvement",), ("items",)) == 8
    assert back.by_theme(("improvement",), ("items",))["care-leavers"] == 4
    rows = {label: cells for _, label, cells in national_rows(back, {})}
    assert rows["Care leavers"][0] == (4, 0.5)  # 4 of 8 "What needs to improve" items


@pytest.mark.parametrize("damage, said", [
    (lambda s: s[: len(s) // 2], "not readable JSON"),
    (lambda s: s.replace('"reviewer-national-baseline"', '"something-else"'), "not a Reviewer national baseline"),
    (lambda s: s.replace('"version": 1', '"version": 9'), "version 9"),
    (lambda s: s.replace('[2019,"ILACS","items","improvement",4]', '[2019,"ILACS","items","improvement","four"]'),
     "not a whole number"),
    (lambda s: s.replace('[2019,"ILACS","items","improvement",4]', '[2019,"ILACS","items",4]'), "wrong shape"),
    (lambda s: s.replace('[2019,"ILACS","items","improvement",4]', '[2019,"ILACS","rumours","improvement",4]'),
     "unknown source"),
    # an attack's table: a count of 10**400 passed and crashed the window's Overview (an overflow), and a
    # theme counted above its findings showed as "12394% nationally"
    (lambda s: s.replace('[2019,"ILACS","items","improvement","planning",2]',
                         '[2019,"ILACS","items","improvement","planning",1' + "0" * 400 + "]"), "not a whole number"),
    (lambda s: s.replace('[2019,"ILACS","items","improvement","planning",2]',
                         '[2019,"ILACS","items","improvement","planning",9]'), "more findings of 'planning' in 2019"),
])
def test_a_damaged_table_says_so(damage, said) -> None:  # type: ignore[no-untyped-def]
    raw = _table().to_json()
    bad = damage(raw)
    assert bad != raw
    with pytest.raises(BaselineError, match=said):
        Baseline.from_json(bad)


def _library() -> Library:
    lib = Library()
    themes = default_themes()
    letter = Letter(id="a" * 64, title="Northmoor 2025", source="n.pdf", kind="pdf", pages=1,
                    meta=LetterMeta(authority="Northmoor", doc_type="inspection report"))
    other = Letter(id="b" * 64, title="Elsewhere", source="e.pdf", kind="pdf", pages=1,
                   meta=LetterMeta(authority="Elsewhere"))

    def ann(i: int, lid: str, themes_: tuple[str, ...], sev: str) -> Annotation:
        return Annotation(id=f"a{i}", letter_id=lid, start=i, end=i + 1, quote="x", prefix="", suffix="",
                          pages=(1,), themes=themes_, severity=sev)

    anns = [ann(1, letter.id, ("care-leavers",), "improvement"), ann(2, letter.id, ("care-leavers", "planning"),
                                                                      "priority"),
            ann(3, letter.id, ("oversight",), "improvement"), ann(4, letter.id, ("care-leavers",), "strength"),
            ann(5, other.id, ("planning",), "improvement")]
    lib.load([letter, other], anns, themes, {})
    return lib


def test_an_authority_against_the_baseline() -> None:
    prof = profile(_library(), "northmoor", _table())
    assert prof.authority == "Northmoor" and prof.letters == 1 and prof.findings == 3
    assert prof.national_findings == 10 and prof.national_reports == 2  # 8 improvement + 2 priority items
    rows = {r.theme_id: r for r in prof.rows}
    cl = rows["care-leavers"]
    assert (cl.yours, round(cl.your_share, 3), cl.national, cl.national_share) == (2, 0.667, 4, 0.4)
    assert cl.sentence() == "Care leavers: 67% of your findings, 40% nationally"
    assert round(cl.difference or 0, 3) == 0.267
    assert prof.rows[0].theme_id == "care-leavers"  # the authority's largest share first
    assert rows["planning"].national_share == 0.6 and rows["planning"].yours == 1
    strengths = profile(_library(), "Northmoor", _table(), basis="strength")
    assert strengths.sources == ("graded",) and strengths.findings == 1 and strengths.national_findings == 2
    recent = profile(_library(), "Northmoor", _table(), years=(2024, 2026))
    assert recent.national_findings == 5 and recent.national_reports == 1


def test_the_shipped_table_reads_and_holds_no_report_text() -> None:
    from reviewer.resources import path

    raw = path("baseline.json").read_text(encoding="utf-8")
    table = Baseline.from_json(raw)
    assert table.report_count() >= 200 and {"ILACS", "SIF"} <= {f for _, f, _ in table.reports}
    assert table.total(("improvement",), ("items",)) > 1000
    data = json.loads(raw)
    words = {w for row in data["counts"] for w in row if isinstance(w, str)}
    assert words <= {"ILACS", "SIF", "earlier", "items", "graded", "strength", "improvement", "priority",
                     *data["themes"]}
    assert len(raw) < 400_000


def test_sample_folder_builds_a_table(tmp_path: Path) -> None:
    from reviewer.workspace.baseline import build_baseline, load_baseline

    folder = Path(__file__).resolve().parents[2] / "sample_docs"
    out = tmp_path / "baseline.json"
    table, problems = build_baseline(folder, out)
    assert problems == [] and out.is_file()
    assert load_baseline(out).reports == table.reports
    assert sum(n for (_, _, src, _), n in table.totals.items() if src == "items") >= 5
    (tmp_path / "empty").mkdir()
    with pytest.raises(BaselineError, match="no PDF or text"):
        build_baseline(tmp_path / "empty", tmp_path / "x.json")
    out.write_text("{", encoding="utf-8")
    with pytest.raises(BaselineError, match="damaged.*Rebuild it"):
        load_baseline(out)
