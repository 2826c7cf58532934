"""Train the suggester's reading of what a sentence is about from a static word embedding.

    pip install -e ".[train]"
    python bench/train_theme_meaning.py [--corpus DIR] [--c 1.0]

For every unit of a development gold document (tests/gold/corpus_*.json, `split` development) that the
auditor gave themes, a multinomial logistic regression (scikit-learn) learns the main theme from the
unit's vector in WordLlama's static embedding (bench/embedding.py). The model is then folded into one
score per word and theme (reviewer.core.reading.meaning) and written to resources/theme_meaning.json:
numbers per word of the development reports' vocabulary, never text. Validation documents are never
read. The app reads the table in pure Python (core.reading.theming.meaning_probabilities) and adds the
model's probabilities to the codebook's cues and the word prior (theming.MEANING_WEIGHT).

Its development figures, left out, come from `python bench/train_theme_words.py --cv`, which leaves
each document out of both the word prior and this model (when the train extra is installed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_common import write_resource  # noqa: E402
from embedding import development_embedding  # noqa: E402
from train_theme_words import gold_quotes  # noqa: E402

OUT = ROOT / "resources" / "theme_meaning.json"
C = 1.0  # (leave one document out on development: 1.0 beat 10 and 100 on the model alone, main theme 62% / 60% / 57%)


def main_themes(quotes: dict[str, list[tuple[str, list[str]]]]) -> dict[str, list[tuple[str, str]]]:
    """Per document: (the quote, its main theme) of each unit the auditor gave themes."""
    return {name: [(q, themes[0]) for q, themes in units] for name, units in quotes.items()}


def fit(embedding, docs: dict[str, list[tuple[str, str]]], leave_out: str | None = None, c: float = C) -> dict:
    """The model trained on ``docs`` (all but ``leave_out``), as resources/theme_meaning.json holds it."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rows = [(q, tid) for name, units in docs.items() if name != leave_out for q, tid in units]
    x = np.array([embedding.sentence(q) for q, _ in rows])
    model = LogisticRegression(C=c, max_iter=3000).fit(x, [tid for _, tid in rows])
    return {"about": ("P(main theme | the sentence's words) from WordLlama's l2_supercat embedding, a logistic "
                      "regression trained on the development corpus gold (bench/train_theme_meaning.py), "
                      "folded into per word: [tokens, a score per theme]; numbers only, no text."),
            "documents": len(docs) - (leave_out in docs), "units": len(rows), "c": c,
            "themes": [str(t) for t in model.classes_], "bias": [round(float(b), 4) for b in model.intercept_],
            "words": embedding.fold(model.coef_)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "reports")
    ap.add_argument("--c", type=float, default=C, help="inverse L2 strength")
    args = ap.parse_args()
    out = fit(development_embedding(), main_themes(gold_quotes(args.corpus)), c=args.c)
    size = write_resource(OUT, out)
    print(f"{OUT.relative_to(ROOT)}: {len(out['themes'])} themes, {len(out['words'])} words from {out['units']} "
          f"units of {out['documents']} documents ({size} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
