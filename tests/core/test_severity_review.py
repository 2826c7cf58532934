"""The second reading of the rules' severities (learning.SeverityReview, resources/severity_review.json):
what it may weigh, how it overturns a verdict, and that the rules stand without it."""

from __future__ import annotations

import json

import pytest

from reviewer.core.annotations.codebook import default_themes
from reviewer.core.reading import model_inputs as sv
from reviewer.core.reading import readings as walk
from reviewer.core.reading import suggest as sg
from reviewer.core.reading.learning import REVIEW_CLASSES, SeverityReview
from reviewer.core.reading.meaning import WordScores
from reviewer.resources import read_text

REPORT = ("Inspection of Westmoor local authority children's services\n\n"
          "The experiences and progress of children in care: good\n\n"
          "1. Children in care are visited often and their plans are reviewed regularly.\n\n"
          "2. The council has commissioned a new residential home for young people in the east of the borough.\n\n"
          "3. Leaders have commissioned an independent review of the fostering service this year.\n")


def test_what_the_review_may_weigh() -> None:
    """Strengths, areas for improvement outside a failing service, and silences, except where DOMAIN rules
    that a passage is context (an earlier inspection's findings, work under way) or at least amber (an item
    the inspectors list under What needs to improve); a failing service's weaknesses are the priority model's."""
    assert sv.reviewable("strength", "grade:good", "good", {})
    assert sv.reviewable("improvement", "grade:requires improvement", None, {})
    assert not sv.reviewable("improvement", "improvement", "inadequate", {})  # a listed item
    assert sv.reviewable(None, "grade:good", None, {})
    assert not sv.reviewable("improvement", "grade:inadequate", "inadequate", {})
    assert not sv.reviewable("priority", "priority", None, {})
    assert not sv.reviewable(None, "grade:good", None, {"f:earlier": 1.0})
    assert not sv.reviewable(None, "grade:good", None, {"f:underway": 1.0})


def test_the_review_overturns_a_verdict_only_by_its_margin() -> None:
    words = WordScores.from_json({"commissioned": [1, -1.0, 0.0, 2.0]})
    review = SeverityReview({"w:visited": (3.0, 0.0, 0.0)}, [0.0, 0.0, 0.0],
                            {"strength": 0.0, "improvement": 0.0, "none": 0.6}, words)
    # "commissioned": other (z = -1, 0, 2); against a strength: overturned
    kind, p = review.overturn("strength", {}, "Commissioned")
    assert kind == "other" and p == pytest.approx(review.probabilities({}, "Commissioned")["other"])
    # the same reading against the rules' silence: other is what they said
    assert review.overturn(None, {}, "Commissioned") is None
    # a strength the model agrees with stands
    assert review.overturn("strength", {"w:visited": 1.0}, "") is None
    # against silence, a strength must win by the margin: z = 3, 0, 0 gives p 0.91 vs 0.045
    assert review.overturn(None, {"w:visited": 1.0}, "") == ("strength", pytest.approx(0.9094, abs=1e-3))
    review.margins["none"] = 0.95
    assert review.overturn(None, {"w:visited": 1.0}, "") is None


def test_the_shipped_review_holds_weights_only_and_reads_a_report(monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.loads(read_text("severity_review.json"))
    assert data["classes"] == list(REVIEW_CLASSES)
    assert set(data) == {"about", "classes", "c", "margins", "meaning_scale", "bias", "weights", "words"}
    review = sv.severity_review()
    assert review is not None and review.words is not None and review.words.width == 3
    assert all(len(v) == 3 for v in data["weights"].values())

    got = {x.quote: x.severity for x in sg.suggest(REPORT, default_themes())}
    assert got["Children in care are visited often and their plans are reviewed regularly."] == "strength"

    # a review that reads everything as context silences the rules' strengths ...
    silence = SeverityReview({"bias": (0.0, 0.0, 9.0)}, [0.0, 0.0, 0.0], {"strength": 0.0, "none": 0.6})
    monkeypatch.setattr(walk, "severity_review", lambda: silence)
    assert not sg.suggest(REPORT, default_themes())
    # ... and one that reads every unit as a weakness says so, below the rules' own certainties
    weak = SeverityReview({"bias": (0.0, 9.0, 0.0)}, [0.0, 0.0, 0.0], {"strength": 0.0, "none": 0.6})
    monkeypatch.setattr(walk, "severity_review", lambda: weak)
    every = sg.suggest(REPORT, default_themes())
    assert every and all(x.severity == "improvement" and x.score <= walk.REVIEW_CONF for x in every)
    assert all("read as a weakness, as auditors tag passages like it" in x.why and "wording" not in x.why
               for x in every)
    # ... and without a model the rules' own verdicts stand
    monkeypatch.setattr(walk, "severity_review", lambda: None)
    rules = {x.quote: x.severity for x in sg.suggest(REPORT, default_themes())}
    assert rules["Children in care are visited often and their plans are reviewed regularly."] == "strength"


def test_a_damaged_review_means_the_rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewer import resources

    data = json.loads(read_text("severity_review.json"))
    for bad in ({**data, "classes": ["strength", "improvement", "other"]}, {**data, "bias": [0.0]},
                {**data, "weights": {"w:x": [1.0, 2.0]}}, {**data, "words": {"x": [1, 0.5]}}):
        with pytest.raises(ValueError):
            SeverityReview.from_json(bad)
    sv.severity_review.cache_clear()
    real = resources.read_text
    monkeypatch.setattr(resources, "read_text", lambda name: "{not json" if name == "severity_review.json" else real(name))
    try:
        assert sv.severity_review() is None
        assert any(x.severity == "strength" for x in sg.suggest(REPORT, default_themes()))
    finally:
        sv.severity_review.cache_clear()
