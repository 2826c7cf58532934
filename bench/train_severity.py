"""Train the second reading of the rules' severities (strength, weakness, or neither) and cross-validate it.

    pip install -e ".[train]"
    python bench/train_severity.py [--cv] [--c 0.1] [--corpus DIR]

The rules (reviewer.core.reading.severity.verdict) read every unit: where it sits, its wording, the
judgement over it. What they read badly is the plain statement: "Leaders have developed a range of
audit practice" under a good judgement is a strength to the rules and context to an auditor, and a
sentence with no tell-tale word may be a weakness they stay silent on. So a multinomial logistic
regression (reviewer.core.reading.learning.SeverityReview) weighs what the rules read of each unit they
may be wrong about (`model_inputs.reviewable`: their strengths, their areas for improvement outside a failing
service, their silences other than an earlier inspection's findings or work under way) and the unit's
vector in WordLlama's static word embedding (bench/embedding.py), against the auditor's labels:
strength, weakness (an area for improvement or a priority action), or other (context, not worth
tagging). In the app it overturns the rules' verdict only where it is surer of another class than of
the verdict's own by that verdict's margin (MARGINS), and a weakness it finds in a failing service is
then weighed by the failing-service priority model like any other.

Trained on the DEVELOPMENT side of the corpus gold only (tests/gold/corpus_*.json, documents whose
`split` is development; bench/corpus_split.json), on the rules' own readings (both shipped models off,
so the model learns from what it will be given). The result, resources/severity_review.json, holds
feature weights and per-word scores only (never text) and ships with the app.

`--cv` writes nothing: it scores development leave-one-authority-out (each authority's documents read by
a model trained on the other authorities'), beside the rules alone: the figures C and the margins were
chosen by. (Before stop 20 this script trained a model to replace the rules, which never beat them: see
the README.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_common import write_resource  # noqa: E402
import train_priority  # noqa: E402
from train_priority import authority, development_units, every_unit  # noqa: E402

from reviewer.core.reading.learning import REVIEW_CLASSES, SeverityReview  # noqa: E402
from reviewer.core.reading.meaning import WordScores  # noqa: E402
from reviewer.core.reading.model_inputs import failing_weakness, reviewable  # noqa: E402
from reviewer.core.reading.readings import REVIEWED_AS, REVIEW_CONF, as_decided  # noqa: E402

OUT = ROOT / "resources" / "severity_review.json"
C = 0.1  # (leave-one-authority-out on development: see --cv and README)
MARGINS = {"strength": 0.0, "improvement": 0.0, "none": 0.6}  # how much surer than the rules' verdict the
# model must be to overturn it: a strength or weakness at once, a silence only by 0.6 (0.2 and 0.4 found
# more strengths and weaknesses, right less often)
MEANING_SCALE = 3.0  # the embedding's features' size beside the 0/1 features (as train_priority.py's)
GOLD_CLASS = {"strength": "strength", "improvement": "weakness", "priority": "weakness"}


def reviewed_units(every: list[dict], embedding) -> list[dict]:
    """Of the development units, those the model weighs, given their embedding features and the
    auditor's class."""
    rows = [r for r in every if reviewable(r["severity"], r["section"], r["doc_grade"], r["features"])]
    for r in rows:
        vector = embedding.sentence(r["flat"]) * MEANING_SCALE
        r["x"] = {**r["features"], **{f"m{i}": float(x) for i, x in enumerate(vector) if x}}
        r["y"] = GOLD_CLASS.get(r["gold"], "other")
    return rows


def train(rows: list[dict], c: float, embedding) -> SeverityReview:
    """The model fitted on ``rows``, its embedding weights folded into words (classes in REVIEW_CLASSES'
    order)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([r["x"] for r in rows])
    fit = LogisticRegression(C=c, max_iter=5000).fit(x, [r["y"] for r in rows])
    order = [list(fit.classes_).index(k) for k in REVIEW_CLASSES]
    coef, bias = fit.coef_[order], fit.intercept_[order]
    names = vec.get_feature_names_out()
    dims = embedding.vectors.shape[1]
    meaning = np.zeros((len(REVIEW_CLASSES), dims))
    weights: dict[str, tuple[float, ...]] = {}
    for j, name in enumerate(names):
        if name.startswith("m") and name[1:].isdigit():
            meaning[:, int(name[1:])] = coef[:, j] * MEANING_SCALE
        elif np.abs(coef[:, j]).max() >= 1e-3:
            weights[str(name)] = tuple(round(float(w), 4) for w in coef[:, j])
    words = WordScores.from_json(embedding.fold(meaning))
    return SeverityReview(weights, [round(float(b), 4) for b in bias], dict(MARGINS), words)


def cross_validate(corpus: Path, c: float, embedding, with_priority: bool = False) -> None:
    """Leave one authority out: the review alone (its weaknesses counted as areas for improvement, the
    rules' own priority actions kept), and with ``with_priority`` the app's whole decision, the
    failing-service priority model (train_priority.train, pure Python: slow) left out as well."""
    rows = development_units(corpus, decisions=False)
    reviewed = {id(r): r for r in reviewed_units(rows, embedding)}
    if with_priority:
        train_priority.with_meaning(rows, embedding)
    chosen: dict[int, str | None] = {}
    whole: dict[int, str | None] = {}
    for auth in sorted({authority(r["doc"]) for r in rows}):
        model = train([r for r in reviewed.values() if authority(r["doc"]) != auth], c, embedding)
        failing = train_priority.train([r for r in rows if authority(r["doc"]) != auth], train_priority.C,
                                       embedding) if with_priority else None
        for r in (r for r in rows if authority(r["doc"]) == auth):
            severity, feats = r["severity"], r["features"]
            if id(r) in reviewed:  # as the app decides: the embedding's part read from the folded per-word scores
                got = model.overturn(severity, feats, r["flat"])
                if got is not None:
                    severity = chosen[id(r)] = REVIEWED_AS[got[0]]
                    feats = as_decided(feats, severity, REVIEW_CONF * got[1], r["section"])
            if failing is not None and failing_weakness(severity, r["section"], r["doc_grade"]):
                severity = "priority" if failing.is_priority(feats, r["flat"]) else "improvement"
            whole[id(r)] = severity
    print(f"rules alone:      {every_unit(rows, {})}")
    print(f"with the review (held out, {len(chosen)} overturned; the rules' priority actions): {every_unit(rows, chosen)}")
    if with_priority:
        print(f"with the review and the failing-service model (both held out): {every_unit(rows, whole)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "reports")
    ap.add_argument("--cv", action="store_true", help="print leave-one-authority-out figures; write nothing")
    ap.add_argument("--c", type=float, default=C, help="inverse L2 strength")
    ap.add_argument("--with-priority", action="store_true",
                    help="with --cv: the failing-service priority model left out too, as the app decides (slow)")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: nothing to train on")
        return 1
    from embedding import development_embedding

    embedding = development_embedding()
    if args.cv:
        cross_validate(args.corpus, args.c, embedding, args.with_priority)
        return 0
    rows = reviewed_units(development_units(args.corpus, decisions=False), embedding)
    print(f"{len(rows)} units the rules may be wrong about, of {len({r['doc'] for r in rows})} development documents")
    model = train(rows, args.c, embedding)
    out = {"about": ("A second reading of the rules' severities: multinomial logistic regression weights (classes "
                     "strength, weakness, other) over severity.unit_features and WordLlama's embedding of the "
                     "sentence (folded into per word: [tokens, score per class]), trained on the development "
                     "corpus gold (bench/train_severity.py); numbers only, no text."),
           "classes": list(REVIEW_CLASSES), "c": args.c, "margins": model.margins, "meaning_scale": MEANING_SCALE,
           "bias": model.bias, "weights": {k: list(v) for k, v in sorted(model.weights.items())},
           "words": model.words.table}
    size = write_resource(OUT, out)
    print(f"{OUT.relative_to(ROOT)}: {len(model.weights)} weights, {len(out['words'])} words ({size} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
