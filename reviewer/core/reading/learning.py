"""Learning the auditor's severities: a small logistic regression of how this library's auditor
differs from the rules, fitted on the machine on every run of the suggester (``SeverityLearner``).
What it learns from (the library's tags and dismissals, read by the rules) is gathered by
core.reading.suggest; this room only weighs scores."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from reviewer.core.reading.meaning import WordScores

SEVERITY_CLASSES = ("strength", "improvement", "priority", "other")  # "other": context, or not worth tagging
LEARN_EPOCHS, LEARN_RATE, LEARN_L2 = 6, 0.2, 0.1  # how the library's decisions are learnt (bench_suggestions.py)
LEARNT = ("w:",)  # what is learnt from the library: wording only, so that a few dismissals of one kind of
# sentence ("Leaders have a clear improvement plan") never silence every strength


def rules_logits(features: dict[str, float]) -> dict[str, float]:
    """The rules' verdict as a model's scores: the severity they give, the surer the higher."""
    z = dict.fromkeys(SEVERITY_CLASSES, 0.0)
    rule = next((f[2:] for f in features if f.startswith("r:")), "none")
    if rule in z:
        z[rule] = 2.0 + 2.0 * features.get(f"rc:{rule}", 0.0)
    else:
        z["other"] = 2.0
    return z


LEARNT_SURENESS = 0.3  # how far what was learnt moves a card's confidence (bench_suggestions.py --learn within)
LEAST_SURE = 0.2  # a learnt verdict less sure than any the rules give still ranks, below them all
# What was learnt lifts a card no higher than this, unless the rules were surer: below the inspectors' own
# listed items (0.85), which a new user saw pushed down the list by body sentences "99% sure" in a library
# holding two other reports' tags
LEARNT_CEILING = 0.84


def rules_confidence(z: dict[str, float], chosen: str) -> float:
    """How sure scores ``z`` are of ``chosen``, as the rules' confidence that would give the same lead over
    the next class (``rules_logits`` inverted): an unlearnt verdict keeps its rules' confidence exactly."""
    lead = z[chosen] - max(v for c, v in z.items() if c != chosen)
    return max(LEAST_SURE, min(0.99, (lead - 2.0) / 2.0))


def add_weights(z: dict[str, float], weights: dict[str, dict[str, float]], features: dict[str, float]) -> None:
    """Add to the scores ``z`` what ``weights`` (feature -> class -> weight) give ``features``."""
    for name, value in features.items():
        row = weights.get(name)
        if row:
            for c, w in row.items():
                z[c] += w * value


def softmax(z: dict[str, float]) -> dict[str, float]:
    """Scores as probabilities."""
    top = max(z.values())
    ex = {c: math.exp(v - top) for c, v in z.items()}
    total = sum(ex.values())
    return {c: v / total for c, v in ex.items()}


class SeverityLearner:
    """What this library's auditor has decided, learnt on top of the rules: the severities of the
    passages they tagged (accepted, edited or their own) and the suggestions they dismissed (context, or
    nothing worth tagging). A logistic regression of the difference between the auditor and the rules,
    over the same features, fitted afresh on each run (a few hundred passages: milliseconds)."""

    def __init__(self) -> None:
        self.adjust: dict[str, dict[str, float]] = {}
        self.examples = 0

    def logits(self, features: dict[str, float]) -> dict[str, float]:
        z = rules_logits(features)
        add_weights(z, self.adjust, features)
        return z

    def fit(self, examples: Sequence[tuple[dict[str, float], str, float]]) -> SeverityLearner:
        """Learn from (features, class, weight) examples: only their wording (``LEARNT``) is weighed anew."""
        self.examples = len(examples)
        if not examples:
            return self
        learnt = [[(f, v) for f, v in feats.items() if f.startswith(LEARNT)] for feats, _, _ in examples]
        base = [rules_logits(f) for f, _, _ in examples]
        adjust = self.adjust
        rows = [[(adjust.setdefault(f, {}), v) for f, v in feats] for feats in learnt]  # (each feature's row, once)
        order = list(range(len(examples)))
        random.Random(len(examples)).shuffle(order)
        for _ in range(LEARN_EPOCHS):
            for i in order:
                _, label, weight = examples[i]
                mine = rows[i]
                z = dict(base[i])
                for row, value in mine:  # (add_weights, over the rows found once)
                    for c, w in row.items():
                        z[c] += w * value
                p = softmax(z)
                for c in SEVERITY_CLASSES:
                    err = weight * (p[c] - (1.0 if c == label else 0.0))
                    if abs(err) < 1e-4:
                        continue
                    for row, value in mine:
                        old = row.get(c, 0.0)
                        row[c] = old - LEARN_RATE * (err * value + LEARN_L2 * old)
        for f in [f for f, row in adjust.items() if not row]:
            del adjust[f]  # (a feature no update reached: as if never met)
        return self

    def decide(self, features: dict[str, float]) -> tuple[str | None, float]:
        """The severity to suggest (None: context or nothing worth tagging) and how sure, on the rules' own
        scale (``rules_confidence``), so that what was learnt moves a suggestion among the rest rather than
        lifting every learnt one above the suggestions it does not weigh (the inspectors' own items)."""
        z = self.logits(features)
        best = max(SEVERITY_CLASSES, key=z.__getitem__)
        rules = rules_logits(features)  # how sure: the rules' lead moved part way to the learnt one, so that a
        # few tags make the cards like them surer, not every one of them 99% (seen after ten accepts)
        tempered = {c: rules[c] + LEARNT_SURENESS * (z[c] - rules[c]) for c in z}
        return (None if best == "other" else best), rules_confidence(tempered, best)


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class FailingPriorityModel:
    """Which of a failing service's weaknesses are priority actions rather than areas for improvement: a
    binary logistic regression over ``model_inputs.unit_features`` (the rules' verdict and its evidence, the
    unit's words) and the sentence's vector in a static word embedding, trained on the development corpus
    gold by bench/train_priority.py and shipped as resources/failing_priority.json (feature weights, and the
    embedding's part folded into a score per word by core.reading.meaning; no text). The rules keep every
    other decision; this model only weighs the weaknesses they find under an inadequate judgement."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float,
                 words: WordScores | None = None) -> None:
        self.weights, self.bias, self.threshold, self.words = weights, bias, threshold, words

    @classmethod
    def from_json(cls, data: dict) -> FailingPriorityModel:
        words = WordScores.from_json(data["words"]) if "words" in data else None
        if "words" in data and (words is None or words.width != 1):  # trained together: half a model is none
            raise ValueError("failing_priority.json: its words are damaged")
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                   float(data["threshold"]), words)

    def probability(self, features: dict[str, float], sentence: str = "") -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        if self.words is not None and sentence:
            z += (self.words.mean(sentence) or [0.0])[0]
        return sigmoid(z)

    def is_priority(self, features: dict[str, float], sentence: str = "") -> bool:
        return self.probability(features, sentence) >= self.threshold


def fit_binary(rows: Sequence[tuple[dict[str, float], bool]], c: float = 0.1, iterations: int = 300,
               rate: float = 0.5) -> tuple[dict[str, float], float]:
    """A binary logistic regression, L2-penalised as ``sum of log-losses + |w|^2 / (2c)`` (the bias is not
    penalised), fitted by full-batch gradient descent with AdaGrad steps: (weights, bias)."""
    weights: dict[str, float] = {}
    bias = 0.0
    grad_sq: dict[str, float] = {}
    bias_sq = 0.0
    for _ in range(iterations):
        grad: dict[str, float] = {name: w / c for name, w in weights.items()}
        grad_bias = 0.0
        for feats, label in rows:
            z = bias + sum(weights.get(name, 0.0) * value for name, value in feats.items())
            err = sigmoid(z) - (1.0 if label else 0.0)
            grad_bias += err
            for name, value in feats.items():
                grad[name] = grad.get(name, 0.0) + err * value
        for name, g in grad.items():
            grad_sq[name] = grad_sq.get(name, 0.0) + g * g
            weights[name] = weights.get(name, 0.0) - rate * g / (math.sqrt(grad_sq[name]) + 1e-8)
        bias_sq += grad_bias * grad_bias
        bias -= rate * grad_bias / (math.sqrt(bias_sq) + 1e-8)
    return weights, bias


REVIEW_CLASSES = ("strength", "weakness", "other")  # what SeverityReview tells apart ("other": context, or
# nothing worth tagging; a weakness is an area for improvement, or in a failing service FailingPriorityModel's)


class SeverityReview:
    """A second reading of the rules' verdict on a unit: a multinomial logistic regression (strength,
    weakness, other) over ``model_inputs.unit_features`` and the sentence's vector in the static word
    embedding (folded into per-word scores, as for ``FailingPriorityModel``), trained on the development
    corpus gold by bench/train_severity.py and shipped as resources/severity_review.json (weights only, no
    text). It overturns the rules' verdict only where it is surer of another class than of the verdict's
    own by that verdict's margin (``margins``: how much the rules' strength, weakness or silence is
    trusted), so the rules still read every unit and the model weighs what they read."""

    def __init__(self, weights: dict[str, Sequence[float]], bias: Sequence[float], margins: dict[str, float],
                 words: WordScores | None = None) -> None:
        self.weights, self.bias, self.margins, self.words = weights, list(bias), margins, words

    @classmethod
    def from_json(cls, data: dict) -> SeverityReview:
        width = len(REVIEW_CLASSES)
        if list(data["classes"]) != list(REVIEW_CLASSES):
            raise ValueError("severity_review.json: not this version's classes")
        weights = {str(k): tuple(map(float, v)) for k, v in data["weights"].items()}
        bias = tuple(map(float, data["bias"]))
        words = WordScores.from_json(data["words"]) if "words" in data else None
        if len(bias) != width or any(len(v) != width for v in weights.values()) or \
                "words" in data and (words is None or words.width != width):
            raise ValueError("severity_review.json: damaged")  # half a model is none
        margins = {str(k): float(v) for k, v in data["margins"].items()}
        return cls(weights, bias, margins, words)

    def probabilities(self, features: dict[str, float], sentence: str = "") -> dict[str, float]:
        z = list(self.bias)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is not None:
                for i, w in enumerate(row):
                    z[i] += w * value
        if self.words is not None and sentence:
            for i, x in enumerate(self.words.mean(sentence) or ()):
                z[i] += x
        return softmax(dict(zip(REVIEW_CLASSES, z)))

    def overturn(self, rules: str | None, features: dict[str, float], sentence: str) -> tuple[str, float] | None:
        """The class to read a unit as instead of the rules' verdict (``rules``: strength, improvement or
        None) and its probability, or None where the rules' verdict stands."""
        own = {"strength": "strength", "improvement": "weakness", None: "other"}[rules]
        p = self.probabilities(features, sentence)
        best = max(REVIEW_CLASSES, key=p.__getitem__)
        if best == own or p[best] - p[own] <= self.margins.get(rules or "none", 0.0):
            return None
        return best, p[best]
