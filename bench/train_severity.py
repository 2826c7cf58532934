"""A trial severity model, weighed against the rules: train it on development gold, cross-validate it.

    python bench/train_severity.py [--cv] [--epochs 30] [--l2 1e-3] [--threshold 0.5] [--min-count 2]

The model (reviewer.core.reading.suggest.SeverityModel) is a multinomial logistic regression over
what the rules read of each unit (`unit_features`: the rules' verdict, the section's judgement, the
report's grade, the strong and weak wording, flags such as "reports an earlier inspection", and the
unit's words). It is trained on the DEVELOPMENT side of the corpus gold only (tests/gold/corpus_*.json,
documents whose `split` is development; bench/corpus_split.json): never on a validation document.
Each unit the reader offers is matched to the gold unit it overlaps most; its class is the auditor's
label (strength, improvement, priority; context and none are "other").

`--cv` prints leave-one-document-out figures on development (each document scored by a model trained
on the others) beside the rules': the figures the choice was made by (README: the rules stay, no model
ships). Without it the model is trained on every development document and written to --out, for a
validation run by hand. Pure Python, no numbers library.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_suggestions import corpus_gold, match_units, read_letter  # noqa: E402

from reviewer.core.reading.outline import analyse  # noqa: E402
from reviewer.core.reading.learning import SEVERITY_CLASSES, add_weights, softmax  # noqa: E402
from reviewer.core.reading.suggest import readings  # noqa: E402


class SeverityModel:
    """A multinomial logistic regression over ``unit_features``, trained on the development corpus gold:
    the trial model weighed against the rules (it did not beat them, README; nothing of it ships)."""

    def __init__(self, weights: dict[str, dict[str, float]], threshold: float = 0.5) -> None:
        self.weights = weights  # feature -> class -> weight
        self.threshold = threshold  # the least probability of a severity for it to be suggested

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        z = dict.fromkeys(SEVERITY_CLASSES, 0.0)
        add_weights(z, self.weights, features)
        return softmax(z)

    def decide(self, features: dict[str, float]) -> tuple[str | None, float]:
        """The severity to suggest (None: context or nothing worth tagging) and its probability."""
        p = self.probabilities(features)
        best = max(("strength", "improvement", "priority"), key=p.__getitem__)
        return (best, p[best]) if p[best] >= self.threshold and p[best] >= p["other"] else (None, p["other"])


CORPUS = ROOT.parent / "shared" / "corpus" / "reports"
OUT = Path("severity_model.json")


def examples(corpus: Path) -> dict[str, list[tuple[dict[str, float], str]]]:
    """Per development gold document: (features, class) for every unit the reader offers."""
    out: dict[str, list[tuple[dict[str, float], str]]] = {}
    for name, entry in sorted(corpus_gold().items()):
        if entry.get("split") != "development" or not (corpus / name).exists():
            continue
        text, starts = read_letter(corpus / name)
        units = sorted(entry["units"], key=lambda u: u["start"])
        rows = []
        for r in readings(text, analyse(text, starts)):
            u = match_units(units, r.start, r.end)
            label = u["label"] if u else "none"
            rows.append((r.features, label if label in SEVERITY_CLASSES else "other"))
        out[name] = rows
    return out


def train(rows: list[tuple[dict[str, float], str]], epochs: int, l2: float, min_count: int,
          seed: int = 7) -> dict[str, dict[str, float]]:
    """Multinomial logistic regression by AdaGrad, L2-regularised; features seen fewer than
    ``min_count`` times are left out."""
    seen = Counter(f for feats, _ in rows for f in feats)
    keep = {f for f, n in seen.items() if n >= min_count}
    w: dict[str, dict[str, float]] = {}
    g2: dict[tuple[str, str], float] = {}
    order = list(range(len(rows)))
    rng = random.Random(seed)
    rate = 0.3
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, label = rows[i]
            feats = {f: v for f, v in feats.items() if f in keep}
            z = dict.fromkeys(SEVERITY_CLASSES, 0.0)
            add_weights(z, w, feats)
            p = softmax(z)
            for c in SEVERITY_CLASSES:
                err = p[c] - (1.0 if c == label else 0.0)
                for f, v in feats.items():
                    row = w.setdefault(f, {})
                    old = row.get(c, 0.0)
                    grad = err * v + (l2 * old if f != "bias" else 0.0)
                    key = (f, c)
                    g2[key] = g2.get(key, 0.0) + grad * grad
                    row[c] = old - rate * grad / math.sqrt(g2[key] + 1e-8)
    return {f: {c: round(x, 4) for c, x in row.items() if abs(x) >= 1e-3} for f, row in w.items()
            if any(abs(x) >= 1e-3 for x in row.values())}


def score(model: SeverityModel, rows: list[tuple[dict[str, float], str]], c: Counter) -> None:
    for feats, label in rows:
        got, _ = model.decide(feats)
        got = got or "other"
        c[(label, "gold")] += 1
        c[(got, "sug")] += 1
        c[(label, got)] += 1


def report(c: Counter) -> str:
    out = []
    for lv in ("strength", "improvement", "priority"):
        tp, sug, gd = c[(lv, lv)], c[(lv, "sug")], c[(lv, "gold")]
        out.append(f"{lv} {tp / max(1, sug):.0%}/{tp / max(1, gd):.0%}")
    return "  ".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cv", action="store_true", help="leave-one-document-out figures on development")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--threshold", type=float, default=0.4)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, default=OUT, help="where the trained weights go (never resources/)")
    ap.add_argument("--drop", default="", help="comma-separated feature prefixes to leave out (w:,wi:,...)")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: nothing to train on")
        return 1
    docs = examples(args.corpus)
    drop = tuple(x for x in args.drop.split(",") if x)
    if drop:
        docs = {n: [({f: v for f, v in feats.items() if not f.startswith(drop)}, lab) for feats, lab in rows]
                for n, rows in docs.items()}
    print(f"{sum(len(r) for r in docs.values())} units of {len(docs)} development documents")
    if args.cv:
        c = Counter()
        base = Counter()
        for name in docs:
            rest = [row for other, rows in docs.items() if other != name for row in rows]
            model = SeverityModel(train(rest, args.epochs, args.l2, args.min_count), args.threshold)
            score(model, docs[name], c)
            for feats, label in docs[name]:  # the rules alone, for comparison
                rule = next((f[2:] for f in feats if f.startswith("r:")), "none")
                got = rule if rule != "none" else "other"
                base[(label, "gold")] += 1
                base[(got, "sug")] += 1
                base[(label, got)] += 1
        print("rules alone:     " + report(base))
        print("model (held out): " + report(c))
        return 0
    weights = train([row for rows in docs.values() for row in rows], args.epochs, args.l2, args.min_count)
    args.out.write_text(json.dumps({"about": "Severity model: bench/train_severity.py on the development corpus gold; "
                               "features: reviewer.core.reading.severity.unit_features",
                               "classes": list(SEVERITY_CLASSES), "threshold": args.threshold,
                               "documents": sorted(docs), "weights": weights},
                              sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} features, {args.out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
