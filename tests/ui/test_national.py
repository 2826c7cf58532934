"""The overview's national picture: the open authority's findings beside the baseline, and a damaged table."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")


def _tag(w, quote: str, themes: list[str], sev: str) -> None:  # type: ignore[no-untyped-def]
    letter = next(iter(w.lib.letters.values()))
    w.ws.tag_quote(letter, quote, themes, sev)


def test_overview_compares_the_authority_with_the_national_picture(make_window, qtbot, samples: Path) -> None:  # type: ignore[no-untyped-def]
    w = make_window([samples / "eastmere_2024_monitoring_visit.txt"])
    _tag(w, "leaves some children at risk", ["risk", "care leavers"], "priority")
    _tag(w, "permanence planning is delayed for many children", ["permanence"], "improvement")
    w.actions_["overview"].trigger()
    ov = w.reviews.overview
    qtbot.waitExposed(ov)
    view = ov.national
    ov.tabs.setCurrentWidget(view)
    assert view.authority.currentText() == "Eastmere"
    rows = {view.table.item(r, 0).text(): r for r in range(view.table.rowCount())}
    r = rows["Care leavers"]
    assert view.table.item(r, 1).text() == "1  (50%)"
    assert view.table.item(r, 2).text().endswith("%") and "points" in view.table.item(r, 3).text()
    assert "of your findings" in view.caption.text() and "nationally" in view.caption.text()
    assert "Planning and reviews" in rows  # a theme frequent nationally, not yet in this authority's findings
    view.basis.setCurrentIndex(view.basis.findData("strength"))
    assert "0 of your findings (strengths)" in view.caption.text()
    ov.close()


def test_a_damaged_table_is_said_in_the_overview(make_window, qtbot, samples: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "baseline.json").write_text("{not json", encoding="utf-8")
    w = make_window([samples / "eastmere_2024_monitoring_visit.txt"])
    w.actions_["overview"].trigger()
    ov = w.reviews.overview
    qtbot.waitExposed(ov)
    assert "cannot be shown" in ov.national.caption.text() and "is damaged" in ov.national.caption.text()
    assert ov.national.table.rowCount() == 0
    assert ov.maps["theme"].table.rowCount() == 0  # the rest of the overview works as before
    ov.close()


def test_the_summary_includes_the_national_picture_when_asked(make_window, qtbot, samples: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = make_window([samples / "eastmere_2024_monitoring_visit.txt"])
    _tag(w, "leaves some children at risk", ["care leavers"], "priority")
    w.actions_["overview"].trigger()
    ov = w.reviews.overview
    qtbot.waitExposed(ov)
    out = tmp_path / "summary.md"
    ov.national.in_summary.setChecked(True)  # remembered for later exports
    ov.close()
    w.exporter.start([w.onscreen.letter_id], "md", out)
    qtbot.waitUntil(lambda: out.exists() and "national picture" in out.read_text(encoding="utf-8"), timeout=10000)
    assert "Care leavers: 100% of your findings" in out.read_text(encoding="utf-8")
