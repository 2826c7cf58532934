"""The static word embedding the training scripts read the development corpus with, and the folding of a
trained linear model into the per-word table the app ships (reviewer.core.reading.meaning).

Training only: it needs the `train` extra (`pip install -e ".[train]"`: WordLlama, which carries its
256-dimension l2_supercat token vectors and tokenizer inside the package, and NumPy). Nothing here runs
in the app, and nothing is downloaded.

A sentence's vector is the mean of its known words' token vectors (words as meaning.sentence_words reads
them; the vocabulary is every word seen twice in the development side's reports), times SCALE so that
a typical sentence's vector has length about 1. That is what a model is trained on here, and what
`fold` turns into exactly the figure the app computes from the shipped table.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from reviewer.core.reading.meaning import sentence_words  # noqa: E402

SCALE = 1 / 2.3  # (the mean token vector of a development sentence is about 2.3 long)
MIN_COUNT = 2


class Embedding:
    """WordLlama's l2_supercat token vectors, read from the installed package's own files."""

    def __init__(self) -> None:
        try:
            import wordllama
            from safetensors import safe_open
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - training only
            raise SystemExit(f"this script needs the train extra: pip install -e \".[train]\" ({exc})") from exc
        package = Path(wordllama.__file__).parent
        self.tokenizer = Tokenizer.from_file(str(package / "tokenizers" / "l2_supercat_tokenizer_config.json"))
        with safe_open(str(package / "weights" / "l2_supercat_256.safetensors"), framework="np", device="cpu") as f:
            self.vectors = f.get_tensor("embedding.weight").astype(np.float32)
        self.words: dict[str, tuple[np.ndarray, int]] = {}

    def add_vocabulary(self, words: set[str]) -> None:
        for w in sorted(words - self.words.keys()):
            ids = self.tokenizer.encode(w, add_special_tokens=False).ids
            if ids:
                self.words[w] = (self.vectors[ids].sum(0), len(ids))

    def sentence(self, text: str) -> np.ndarray:
        """The sentence's vector: its known words' token vectors' mean, times SCALE (zeros if none)."""
        total = np.zeros(self.vectors.shape[1], np.float32)
        tokens = 0
        for w in sentence_words(text):
            known = self.words.get(w)
            if known is not None:
                total += known[0]
                tokens += known[1]
        return total / tokens * SCALE if tokens else total

    def fold(self, weights: np.ndarray) -> dict[str, list[float]]:
        """A linear model's weights (outputs x dimensions) as the shipped table: per word, its token count
        and, per output, its tokens' summed vector times SCALE times that output's weights."""
        weights = np.atleast_2d(weights)
        return {w: [n] + [round(float(x), 4) for x in (weights @ (v * SCALE))]
                for w, (v, n) in sorted(self.words.items())}


def development_vocabulary() -> set[str]:
    """Every word seen at least MIN_COUNT times in the development side's reports (never validation's)."""
    import pymupdf
    from corpus_split import files_for

    counts: Counter[str] = Counter()
    for path in files_for("development"):
        try:
            with pymupdf.open(path) as doc:
                counts.update(w for page in doc for w in sentence_words(page.get_text()))
        except Exception as exc:  # noqa: BLE001 - an unreadable report only adds no words
            print(f"{path.name}: not read ({exc})", file=sys.stderr)
    return {w for w, n in counts.items() if n >= MIN_COUNT}


def development_embedding() -> Embedding:
    """The embedding with the development vocabulary: what every trainer here reads sentences with."""
    embedding = Embedding()
    embedding.add_vocabulary(development_vocabulary())
    return embedding
