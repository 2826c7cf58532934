"""The static embedding's models, folded into per-word scores (core.reading.meaning): the arithmetic the app
does in place of the embedding, the shipped tables, and a damaged table's fallback."""

from __future__ import annotations

import json
import math

import pytest

from reviewer.core.reading import learning, meaning, theming
from reviewer.core.reading.learning import FailingPriorityModel
from reviewer.core.reading.meaning import WordScores
from reviewer.resources import read_text


def test_a_sentence_scores_as_its_known_words_over_their_tokens() -> None:
    table = WordScores.from_json({"drift": [2, 1.0, -2.0], "in": [1, 0.5, 0.5], "plans": [1, -1.0, 3.0]})
    assert table is not None and table.width == 2
    # "Drift" (2 tokens) and "plans" (1): unknown words ("unseen") count in neither sum
    assert table.mean("Drift in unseen plans.") == pytest.approx([(1.0 + 0.5 - 1.0) / 4, (-2.0 + 0.5 + 3.0) / 4])
    assert table.mean("Nothing known here") is None
    assert meaning.sentence_words("Children's plans, 12 of them") == ["children's", "plans", "12", "of", "them"]


@pytest.mark.parametrize("bad", [{}, {"a": [1, 0.5], "b": [1, 0.5, 0.5]}, {"a": [0, 1.0]}, {"a": [1]}])
def test_a_malformed_table_is_refused(bad: dict) -> None:
    assert WordScores.from_json(bad) is None


def test_the_shipped_theme_table_reads_what_a_sentence_is_about() -> None:
    p = theming.meaning_probabilities("Care leavers are helped to find suitable accommodation and stay in touch "
                                      "with their personal advisers.")
    assert p and math.isclose(sum(p.values()), 1.0, rel_tol=1e-6)
    assert max(p, key=p.__getitem__) == "care-leavers"
    p = theming.meaning_probabilities("Strategy meetings are held promptly when children are at risk of "
                                      "significant harm.")
    assert max(p, key=p.__getitem__) != "care-leavers"
    assert theming.meaning_probabilities("Zzyzx qwvrt.") == {}  # no word it knows: nothing to say


def test_a_damaged_theme_table_leaves_the_cues_and_the_prior(monkeypatch: pytest.MonkeyPatch) -> None:
    import reviewer.resources as resources

    real = resources.read_text
    monkeypatch.setattr(resources, "read_text",
                        lambda name: "{not json" if name == "theme_meaning.json" else real(name))
    theming._meaning.cache_clear()
    try:
        assert theming.meaning_probabilities("Care leavers have good accommodation.") == {}
        from reviewer.core.annotations.codebook import default_themes

        ranked = theming.ThemeModel(default_themes()).score("Care leavers have good accommodation.")
        assert ranked and ranked[0][0] == "care-leavers"
    finally:
        monkeypatch.undo()
        theming._meaning.cache_clear()


def test_the_failing_service_model_adds_its_words_to_the_features() -> None:
    words = WordScores.from_json({"unassessed": [3, 6.0], "plans": [1, -2.0]})
    model = FailingPriorityModel({"w:risk": 1.0}, -1.0, 0.5, words)
    # z = -1 + 1 (w:risk) + 6/3 (the sentence's words) = 2
    assert model.probability({"w:risk": 1.0}, "Risk is unassessed") == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert model.is_priority({"w:risk": 1.0}, "Risk is unassessed")
    assert not model.is_priority({"w:risk": 1.0}, "Risk plans")  # z = -1 + 1 - 2
    assert model.probability({"w:risk": 1.0}) == pytest.approx(0.5)  # no sentence: the features alone


def test_the_shipped_failing_service_model_carries_its_words() -> None:
    model = learning.FailingPriorityModel.from_json(json.loads(read_text("failing_priority.json")))
    assert model.words is not None and model.words.width == 1 and len(model.words.table) > 1000


def test_folding_gives_what_the_model_gives_on_the_embedding() -> None:
    """Training only (the train extra): a linear model over the sentence vector, folded, scores a sentence as
    the model does on the embedding itself."""
    pytest.importorskip("wordllama")
    np = pytest.importorskip("numpy")
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from embedding import Embedding

    emb = Embedding()
    emb.add_vocabulary({"children", "wait", "too", "long", "for", "assessments"})
    w = np.random.default_rng(0).normal(size=(2, emb.vectors.shape[1]))
    sentence = "Children wait too long for assessments, unseenword."
    folded = WordScores.from_json(emb.fold(w))
    assert folded.mean(sentence) == pytest.approx(list(w @ emb.sentence(sentence)), abs=1e-2)


def test_a_failing_service_model_with_damaged_words_is_refused_whole() -> None:
    data = json.loads(read_text("failing_priority.json"))
    assert FailingPriorityModel.from_json(data).words is not None
    for bad in ({}, {"harm": [1, 0.5, 0.5]}, {"harm": "x"}):
        with pytest.raises(ValueError):
            FailingPriorityModel.from_json({**data, "words": bad})
