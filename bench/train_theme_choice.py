"""Train the chooser that says which of a passage's ranked themes to suggest.

    pip install -e ".[train]"
    python bench/train_theme_choice.py [--cv] [--corpus DIR]

The suggester ranks every theme for a passage (reviewer.core.reading.theming.ThemeModel.evidence: the
codebook's cues, the word prior, the embedding's theme model, the sentence before, the section's
subject). Which of the ranked themes to offer was a rule (theming.rule_choice: those close to the best,
and the cues' own theme); here a logistic regression (theming.ThemeChooser) learns it from the auditor:
for each of a passage's CHOICE_CANDIDATES best-ranked themes, the probability that the auditor gave the
passage that theme, from theming.choice_features (its rank, its score beside the best, how much of it is
the codebook's cues, whether it is a broad theme, which theme it is, how close the field is, the
passage's severity).

Its examples must be read as the app will read a document it has never seen, so each development gold
document's evidence is taken with the word prior and the embedding's theme model trained on the other
documents (train_theme_words.left_out_suggestions). Validation documents are never read. The result,
resources/theme_choice.json, holds feature weights only (no text) and ships with the app; without it
the rule chooses.

`--cv` writes nothing: it scores the chooser leave-one-document-out on development (each document's
themes chosen by a chooser trained on the others' examples) beside the rule, at a few thresholds: the
figures THRESHOLD and RELATIVE were chosen by.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_common import write_resource  # noqa: E402
from bench_suggestions import match_units  # noqa: E402
from train_theme_words import gold_words, left_out_suggestions  # noqa: E402

from reviewer.core.reading import theming  # noqa: E402
from reviewer.core.reading.theming import CHOICE_CANDIDATES, ThemeChooser, choice_features, rule_choice  # noqa: E402

OUT = ROOT / "resources" / "theme_choice.json"
C = 0.1  # inverse L2 strength (leave one document out on development: 1.0 chose the same themes within 0.1 point)
THRESHOLD, RELATIVE = 0.35, 0.5  # (leave one document out on development; see --cv and README)


class _Recorder:
    """Stands in for the shipped chooser while the examples are read: keeps what each passage's themes
    were chosen from, and chooses by rule (what is chosen does not change what is ranked next)."""

    def __init__(self) -> None:
        self.seen: list[tuple[list[tuple[str, float, float]], str | None, str]] = []

    def choose(self, ranked, severity=None, sentence=""):
        self.seen.append((list(ranked), severity, sentence))
        return rule_choice(ranked)


def examples(corpus: Path) -> list[dict]:
    """Per suggested development unit the auditor gave themes: its document, its gold themes (main
    first), its ranked evidence read left out, and its severity."""
    recorder = _Recorder()
    shipped = theming.theme_chooser
    theming.theme_chooser = lambda: recorder
    out = []
    try:
        for name, units, suggestions in left_out_suggestions(corpus, gold_words(corpus)):
            seen, recorder.seen = recorder.seen, []
            assert len(seen) == len(suggestions)
            for x, (ranked, severity, sentence) in zip(suggestions, seen):
                u = match_units(units, x.start, x.end)
                if u is not None and u["themes"]:
                    out.append({"doc": name, "gold": u["themes"], "ranked": ranked, "severity": severity,
                                "sentence": sentence,
                                "rule": rule_choice(ranked)})
    finally:
        theming.theme_chooser = shipped
    return out


def fit(rows: list[dict], c: float = C) -> tuple[dict[str, float], float]:
    """Weights and bias of the logistic regression on ``rows``' candidates."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats, labels = [], []
    for r in rows:
        for tid, f in choice_features(r["ranked"], r["severity"], r["sentence"]):
            feats.append(f)
            labels.append(tid in r["gold"])
    vec = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=3000).fit(vec.fit_transform(feats), labels)
    weights = {name: float(w) for name, w in zip(vec.feature_names_, model.coef_[0])}
    return weights, float(model.intercept_[0])


def figures(rows: list[dict], chosen: list[tuple[str, ...]]) -> str:
    c: Counter[str] = Counter()
    for r, themes in zip(rows, chosen):
        c["main"] += r["gold"][0] in themes
        c["suggested"] += len(themes)
        c["right"] += len(set(themes) & set(r["gold"]))
    return (f"main theme among suggested {c['main'] / max(1, len(rows)):.1%}, suggested themes right "
            f"{c['right'] / max(1, c['suggested']):.1%}, themes per suggestion "
            f"{c['suggested'] / max(1, len(rows)):.2f}")


def cross_validate(rows: list[dict], c: float) -> None:
    print(f"rule ({len(rows)} units):  {figures(rows, [r['rule'] for r in rows])}")
    models = {}
    for doc in sorted({r["doc"] for r in rows}):
        models[doc] = fit([r for r in rows if r["doc"] != doc], c)
    for threshold in (0.35, 0.4, 0.45):
        for relative in (0.5, 0.6):
            chosen = [ThemeChooser(*models[r["doc"]], threshold, relative).choose(r["ranked"], r["severity"], r["sentence"])
                      for r in rows]
            print(f"chooser (left out) threshold {threshold} relative {relative}: {figures(rows, chosen)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "reports")
    ap.add_argument("--cv", action="store_true", help="print leave-one-document-out figures; write nothing")
    ap.add_argument("--c", type=float, default=C, help="inverse L2 strength")
    args = ap.parse_args()
    rows = examples(args.corpus)
    if args.cv:
        cross_validate(rows, args.c)
        return 0
    weights, bias = fit(rows, args.c)
    out = {"about": ("Which of a passage's ranked themes to suggest: logistic regression weights over "
                     "theming.choice_features, trained on the development corpus gold read left out "
                     "(bench/train_theme_choice.py); numbers only, no text."),
           "candidates": CHOICE_CANDIDATES, "c": args.c, "threshold": THRESHOLD, "relative": RELATIVE,
           "units": len(rows), "bias": round(bias, 4),
           "weights": {name: round(w, 4) for name, w in sorted(weights.items()) if abs(w) >= 1e-4}}
    size = write_resource(OUT, out)
    print(f"{OUT.relative_to(ROOT)}: {len(out['weights'])} weights from {len(rows)} units "
          f"({size} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
