"""Train the model that tells a failing service's priority actions from its areas for improvement.

    pip install -e ".[train]"
    python bench/train_priority.py [--cv] [--c 0.1] [--threshold 0.4] [--corpus DIR]

The rules (reviewer.core.reading.readings) find the weaknesses; under an inadequate judgement they also
have to say which are priority actions, and wording alone says it badly (development gold: the
auditor's priority actions and areas for improvement there share most of their words). So a binary
logistic regression (reviewer.core.reading.learning.FailingPriorityModel, trained here in pure Python)
weighs what the rules read of each such unit (`model_inputs.unit_features`: the rules' verdict and its
evidence, the section's and the report's grade, the unit's words; since stop 49 what it shares with the
report's own areas for priority action, `model_inputs.listed_overlap`; since stop 50 the rules' reading of the unit
after it, `model_inputs.next_unit_features`) and the unit's vector in WordLlama's
static word embedding (bench/embedding.py: "unassessed", "unallocated" and "drift" sit near each other though
they share no letters) against the auditor's labels. The embedding's weights are folded into a score per
word (reviewer.core.reading.meaning), so the app reads them in pure Python with no embedding shipped.

Trained on the DEVELOPMENT side of the corpus gold only (tests/gold/corpus_*.json, documents whose
`split` is development; bench/corpus_split.json): the units `model_inputs.failing_weakness` picks (a weakness
the rules found under an inadequate judgement, not a listed item), labelled priority where the auditor
said priority action. The failing-service weaknesses of development reports read for this decision alone
(tests/gold/priority_decisions.json, `gold_units.py decide`, three more readers) are scored by --cv as more
readers to agree with, and trained on only with --with-decisions (stop 50: left out on development, no better;
the new readers call more priority actions than the first). The result, resources/failing_priority.json, holds feature weights and per-word scores
only (never text) and ships with the app.

`--cv` writes nothing: it scores development leave-one-authority-out (each authority's documents
decided by a model trained on the other authorities'), on those units and on every unit, beside the
rules alone: the figures C and the threshold were chosen by.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_common import write_resource  # noqa: E402
from gold_units import DECISIONS  # noqa: E402
from bench_suggestions import (corpus_gold, match_units, priority_agreement, read_letter,  # noqa: E402
                               second_priority_reading)

from reviewer.core.reading import readings as walk  # noqa: E402
from reviewer.core.reading.learning import FailingPriorityModel, fit_binary  # noqa: E402
from reviewer.core.reading.meaning import WordScores  # noqa: E402
from reviewer.core.reading.outline import analyse  # noqa: E402
from reviewer.core.reading.model_inputs import failing_weakness, next_unit_features  # noqa: E402

OUT = ROOT / "resources" / "failing_priority.json"
C, THRESHOLD = 0.1, 0.4  # (leave-one-authority-out on development: see --cv and README)
MEANING_SCALE = 3.0  # the embedding's features' size beside the 0/1 features (left out on development: 1.0
# and 6.0 gave priority F1 65.5% and 66.0%, 3.0 66.2%; the rules' features alone 64.9%)


def authority(name: str) -> str:
    return re.sub(r"_\d{4}-\d{2}-\d{2}.*$", "", name)


def priority_decisions() -> dict[str, dict]:
    """The development reports whose failing-service weaknesses alone were labelled (gold_units.py decide)."""
    if not DECISIONS.exists():
        return {}
    return json.loads(DECISIONS.read_text(encoding="utf-8"))["documents"]


def development_units(corpus: Path, decisions: bool = True) -> list[dict]:
    """Every unit the rules read in the development gold documents, with the auditor's label: the
    rules' own severities (both shipped models off), so a model learns from what it will be given. With
    ``decisions``, also the labelled units of the reports whose failing-service weaknesses alone were read
    (``priority_decisions``; a row's "whole" is False there)."""
    walk.FAILING_MODEL = walk.REVIEW_MODEL = False
    whole = corpus_gold()
    docs = {**(priority_decisions() if decisions else {}), **whole}
    try:
        rows = []
        for name, entry in sorted(docs.items()):
            if entry.get("split") != "development" or not (corpus / name).exists():
                continue
            text, starts = read_letter(corpus / name)
            st = analyse(text, starts)
            units = sorted(entry["units"], key=lambda u: u["start"])
            read = walk.readings(text, st)
            for i, r in enumerate(read):
                u = match_units(units, r.start, r.end, st.furniture)
                if u is None and name not in whole:
                    continue  # (a unit nobody read for this decision)
                doc_grade = next((f[2:] for f in r.features if f.startswith("d:") and f != "d:-"), None)
                failing = failing_weakness(r.severity, r.section, doc_grade)
                following = read[i + 1].features if i + 1 < len(read) else None
                rows.append({"doc": name, "start": r.start, "end": r.end,
                             "gold": u["label"] if u else "none", "severity": r.severity,
                             "features": {**r.features, **next_unit_features(following)} if failing else r.features,
                             "flat": r.flat, "section": r.section, "doc_grade": doc_grade, "failing": failing,
                             "whole": name in whole})
        return rows
    finally:
        walk.FAILING_MODEL = walk.REVIEW_MODEL = True


def with_meaning(rows: list[dict], embedding) -> None:
    """Give each failing-service weakness its embedding features (``m0`` ...), scaled by MEANING_SCALE."""
    for r in rows:
        if r["failing"]:
            vector = embedding.sentence(r["flat"]) * MEANING_SCALE
            r["meaning"] = {f"m{i}": float(x) for i, x in enumerate(vector) if x}


def train(rows: list[dict], c: float, embedding, threshold: float = THRESHOLD) -> FailingPriorityModel:
    """The model fitted on ``rows``' failing-service weaknesses, its embedding weights folded into words."""
    import numpy as np

    weights, bias = fit_binary([({**r["features"], **r["meaning"]}, r["gold"] == "priority")
                                for r in rows if r["failing"]], c=c)
    meaning = np.array([weights.pop(f"m{i}", 0.0) for i in range(embedding.vectors.shape[1])]) * MEANING_SCALE
    words = WordScores.from_json(embedding.fold(meaning))
    return FailingPriorityModel(weights, bias, threshold, words)


def _pr(tp: int, suggested: int, gold: int) -> str:
    p, r = tp / max(1, suggested), tp / max(1, gold)
    return f"{p:.1%} / {r:.1%} (F1 {2 * p * r / max(1e-9, p + r):.1%})"


def cross_validate(rows: list[dict], c: float, threshold: float, embedding, also: list[float] = (),
                   with_decisions: bool = False) -> None:
    """Each authority's failing-service weaknesses decided by a model trained on the other authorities' rows
    (with ``with_decisions``, the decisions-only reports' among them), scored on the whole-document gold, so
    the figures are those of every unit of the documents labelled whole; and, the same folds, against the
    readers of the decisions-only reports."""
    chance: dict[int, float] = {}
    trained_on = rows if with_decisions else [r for r in rows if r["whole"]]
    part = [r for r in rows if not r["whole"]]
    rows = [r for r in rows if r["whole"]]
    for auth in sorted({authority(r["doc"]) for r in rows}):
        test = [r for r in [*rows, *part] if authority(r["doc"]) == auth and r["failing"]]
        if not test:
            continue
        model = train([r for r in trained_on if authority(r["doc"]) != auth], c, embedding, threshold)
        for r in test:  # as the app decides: the embedding's part read from the folded per-word scores
            chance[id(r)] = model.probability(r["features"], r["flat"])
    decisions = [(r["gold"], "priority" if chance[id(r)] >= threshold else "improvement") for r in part
                 if id(r) in chance]
    if decisions:
        print(f"the {len(decisions)} failing-service weaknesses of {len({r['doc'] for r in part})} reports read for "
              f"this decision alone ({DECISIONS.relative_to(ROOT)}), model (held out): "
              f"{priority_agreement(decisions)}")
    for other in also:  # the same folds, read at other thresholds
        at = {key: "priority" if p >= other else "improvement" for key, p in chance.items()}
        print(f"threshold {other}: every unit: {every_unit(rows, at)}")
    decided = {key: "priority" if p >= threshold else "improvement" for key, p in chance.items()}
    failing = [r for r in rows if r["failing"]]
    gold = sum(r["gold"] == "priority" for r in failing)
    for who, sev in (("rules alone", lambda r: r["severity"]), ("model (held out)", lambda r: decided[id(r)])):
        tp = sum(sev(r) == "priority" and r["gold"] == "priority" for r in failing)
        print(f"{who:17} failing-service weaknesses ({len(failing)}, {gold} priority actions): priority "
              f"{_pr(tp, sum(sev(r) == 'priority' for r in failing), gold)}")
    for who, chosen in (("rules alone", {}), ("model (held out)", decided)):
        print(f"{who:17} every unit: {every_unit(rows, chosen)}")
    second = second_priority_reading()
    pairs = [(r["gold"], (match_units(second[r["doc"]], r["start"], r["end"]) or {"label": "none"})["label"],
              decided[id(r)]) for r in failing if r["doc"] in second]
    if pairs:
        print(f"the {len(pairs)} of them a second auditor read again blind (tests/gold/second_reader_priority.json):")
        print(f"  the second auditor against the first: {priority_agreement([(a, b) for a, b, _ in pairs])}")
        print(f"  model (held out) against the first:   {priority_agreement([(a, m) for a, _, m in pairs])}")
        print(f"  model (held out) against the second:  {priority_agreement([(b, m) for _, b, m in pairs])}")


def every_unit(rows: list[dict], chosen: dict[int, str | None]) -> str:
    """Precision and recall of each severity over every development unit, where ``chosen`` (by the row's
    id) replaces the rules' own verdict: the figures every trainer's --cv prints."""
    m = Counter((r["gold"], chosen.get(id(r), r["severity"]) or "-") for r in rows)
    figures = []
    for level in ("strength", "improvement", "priority"):
        suggested = sum(v for (_, s), v in m.items() if s == level)
        gold = sum(v for (g, _), v in m.items() if g == level)
        figures.append(f"{level} {_pr(m[(level, level)], suggested, gold)}")
    return ", ".join(figures)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "reports")
    ap.add_argument("--cv", action="store_true", help="print leave-one-authority-out figures; write nothing")
    ap.add_argument("--c", type=float, default=C, help="inverse L2 strength")
    ap.add_argument("--threshold", type=float, default=THRESHOLD, help="probability from which a weakness is a priority action")
    ap.add_argument("--also", type=float, nargs="*", default=[], help="with --cv: other thresholds to read the same folds at")
    ap.add_argument("--with-decisions", action="store_true",
                    help="train on the decisions-only reports too (stop 50: no better left out on development)")
    args = ap.parse_args()
    from embedding import development_embedding

    embedding = development_embedding()
    rows = development_units(args.corpus)
    with_meaning(rows, embedding)
    part = [r for r in rows if not r["whole"]]
    print(f"{len(rows) - len(part)} units of {len({r['doc'] for r in rows if r['whole']})} development documents; "
          f"{sum(r['failing'] for r in rows if r['whole'])} weaknesses of failing services; and "
          f"{len(part)} failing-service weaknesses of {len({r['doc'] for r in part})} reports read for this decision "
          f"alone ({DECISIONS.relative_to(ROOT)})")
    if args.cv:
        cross_validate(rows, args.c, args.threshold, embedding, args.also, args.with_decisions)
        return 0
    model = train(rows if args.with_decisions else [r for r in rows if r["whole"]], args.c, embedding, args.threshold)
    kept = {name: round(w, 4) for name, w in sorted(model.weights.items()) if abs(w) >= 1e-3}
    out = {"about": ("Which weaknesses the rules find under an inadequate judgement are priority actions: "
                     "logistic regression weights over severity.unit_features and WordLlama's embedding of the "
                     "sentence (folded into per word: [tokens, score]), trained on the development corpus gold "
                     "(bench/train_priority.py); numbers only, no text."),
           "c": args.c, "threshold": args.threshold, "meaning_scale": MEANING_SCALE, "bias": round(model.bias, 4),
           "weights": kept, "words": model.words.table}
    size = write_resource(OUT, out)
    print(f"{OUT.relative_to(ROOT)}: {len(kept)} weights, {len(out['words'])} words ({size} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
