"""Which of a passage's ranked themes are suggested (core.reading.theming.ThemeChooser, shipped as
resources/theme_choice.json): its arithmetic, the shipped file, and the rule that chooses where the file is
missing or damaged."""

from __future__ import annotations

import json
import re

import pytest

from reviewer.core.annotations.codebook import default_themes
from reviewer.core.reading import theming
from reviewer.core.reading.theming import MAX_THEMES, ThemeChooser, choice_features, rule_choice
from reviewer.resources import read_text

RANKED = [("care-leavers", 4.0, 2.0), ("planning", 3.0, 0.0), ("health-education", 1.0, 0.0),
          ("timeliness", 0.9, 0.0), ("voice", 0.5, 0.0), ("leadership", 0.2, 0.0)]


def test_features_describe_the_best_ranked_candidates_only() -> None:
    feats = choice_features(RANKED, "improvement")
    assert [tid for tid, _ in feats] == [t for t, _, _ in RANKED[:theming.CHOICE_CANDIDATES]]
    first, second = feats[0][1], feats[1][1]
    assert first["rank0"] == 1.0 and first["rel"] == 1.0 and first["own"] == 1.0 and first["t:care-leavers"] == 1.0
    assert second["rel"] == pytest.approx(0.75) and second["broad"] == 1.0 and second["own"] == 0.0
    assert first["sev:improvement"] == 1.0 and "sev:None" not in choice_features(RANKED, None)[0][1]
    assert choice_features([], "strength") == [] and choice_features([("voice", 0.0, 0.0)], None) == []
    # the passage's words beside each candidate (stop words left out): what the choice of one theme over
    # the others ranked with it turns on
    worded = choice_features(RANKED, None, "Their pathway plans are reviewed.")
    assert {k for k in worded[0][1] if "|" in k} == {"care-leavers|pathway", "care-leavers|plans",
                                                   "care-leavers|reviewed"}
    assert "planning|pathway" in worded[1][1] and not any("|" in k for k in first)


def test_the_chooser_keeps_the_likeliest_and_those_close_to_it() -> None:
    # a chooser that believes only the score beside the best: p = sigmoid(8 * rel - 4)
    chooser = ThemeChooser({"rel": 8.0}, -4.0, threshold=0.4, relative=0.5)
    assert chooser.choose(RANKED) == ("care-leavers", "planning")  # rel 1.0, 0.75 kept; 0.25 (p 0.12) not
    strict = ThemeChooser({"rel": 8.0}, -4.0, threshold=0.99, relative=0.5)
    assert strict.choose(RANKED) == ("care-leavers",)  # the likeliest is always offered
    lax = ThemeChooser({"rel": 8.0}, -4.0, threshold=0.0, relative=0.0)
    assert len(lax.choose(RANKED)) == MAX_THEMES
    assert chooser.choose([]) == ()


def test_the_shipped_chooser_holds_weights_only_and_chooses_sensibly() -> None:
    data = json.loads(read_text("theme_choice.json"))
    assert data["candidates"] == theming.CHOICE_CANDIDATES and 0 < data["threshold"] < 1
    known = {t.id for t in default_themes()}
    for name in data["weights"]:  # feature names only: ranks, theme ids, severities, numbers, theme|word
        if "|" in name:
            theme, word = name.split("|")
            assert theme in known and re.fullmatch(r"[a-z0-9][a-z0-9'\-]*", word), name  # one word, never text
            continue
        assert name.startswith(("rank", "rel", "t:", "sev:")) or name in (
            "logsc", "own", "ownrel", "broad", "close", "gap", "logtop"), name
        assert not name.startswith("t:") or name[2:] in known
    chooser = theming.theme_chooser()
    assert chooser is not None
    model = theming.ThemeModel(default_themes())
    sentence = "Care leavers live in suitable accommodation and their pathway plans are reviewed regularly."
    chosen = model.choose(model.evidence(sentence), "strength", sentence)
    assert chosen and chosen[0] == "care-leavers"


def test_a_damaged_chooser_leaves_the_choice_to_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    import reviewer.resources as resources

    real = resources.read_text
    for damaged in ("{not json", '{"candidates": 9, "weights": {}, "bias": 0, "threshold": 0.4, "relative": 0.5}',
                    '{"weights": {"rel": "x"}, "bias": 0, "threshold": 0.4, "relative": 0.5}'):
        monkeypatch.setattr(resources, "read_text",
                            lambda name, damaged=damaged: damaged if name == "theme_choice.json" else real(name))
        theming.theme_chooser.cache_clear()
        try:
            assert theming.theme_chooser() is None
            model = theming.ThemeModel(default_themes())
            ranked = model.evidence("Care leavers live in suitable accommodation.")
            assert model.choose(ranked, "strength") == rule_choice(ranked)
        finally:
            monkeypatch.undo()
            theming.theme_chooser.cache_clear()


def test_something_missing_from_records_is_not_about_missing_children() -> None:
    """"Missing" that says something is absent ("the views of children are often missing") does not name the
    missing-children theme; children who are missing, or go missing, still do (held-out Devon 2025; on
    development six wrong themes gone, none lost)."""
    model = theming.ThemeModel(default_themes())

    def themes(sentence: str) -> tuple[str, ...]:
        return model.choose(model.evidence(sentence), "improvement", sentence)

    for absent in ("However, the views of children about their lives are often missing.",
                   "Key information is missing, which limits the analysis of risk and need.",
                   "Records of meetings are often missing or incomplete."):
        assert "missing" not in themes(absent), absent
    for gone in ("Children who are missing receive a return home interview.",
                 "Too many children go missing from care.",
                 "Senior managers identify when children looked after go missing.",
                 "Some children are frequently missing and at risk."):
        assert "missing" in themes(gone), gone


def test_leave_to_remain_and_immigration_status_name_unaccompanied_children() -> None:
    """A new user's 2022 report (h30): "Strong Home Office connections enable children to secure timely 'leave to
    remain' decisions", of unaccompanied asylum-seeking children, was themed timeliness and permanence: the
    codebook's theme knew only "unaccompanied" and "asylum". Leave to remain, immigration status, plans and issues
    and age assessments are its words too (not the Home Office alone: the Prevent programme and families with no
    recourse to public funds deal with it as well). Read from the codebook this tree ships."""
    import json
    from pathlib import Path

    from reviewer.core.annotations.model import Theme
    from reviewer.core.reading.theming import ThemeModel

    shipped = json.loads((Path(__file__).resolve().parents[2] / "resources" / "codebook.json").read_text("utf-8"))
    model = ThemeModel([Theme.from_dict(t) for t in shipped["themes"]])
    for said in ("Good links with the immigration service help young people secure leave to remain quickly.",
                 "Social workers help young people with their immigration status and age assessments."):
        assert "uasc" in [tid for tid, _ in model.score(said)[:2]], said
