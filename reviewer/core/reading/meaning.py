"""What a sentence's words mean beyond their spelling, read without a model at run time.

A static word embedding (WordLlama's l2_supercat, 256 dimensions per token) knows that "unassessed",
"unallocated" and "drift" sit near each other though they share no letters. A linear model over a
sentence's mean token vector is a sum over its words, so bench/embedding.py folds each trained model
into one number per word and output (its tokens' summed vector times the model's weights) and how many
tokens the word has. A sentence then scores as the sum of its known words' numbers over their tokens:
the same figure the model gives on the embedding, in pure Python, with no embedding, tokenizer or
numeric library shipped. Words the table does not hold (it keeps the development reports' words) are
left out of both sums.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

WORD = re.compile(r"[a-z][a-z'\-]*|\d+")


def sentence_words(text: str) -> list[str]:
    """A sentence's words as the tables are keyed: lower case, letters (with inner apostrophes and
    hyphens) or runs of digits, every occurrence counted."""
    return WORD.findall(text.lower())


class WordScores:
    """Per word, its token count and its scores (one per output of the model folded into it)."""

    def __init__(self, table: Mapping[str, Sequence[float]], width: int) -> None:
        self.table, self.width = table, width

    @classmethod
    def from_json(cls, data: Mapping[str, Sequence[float]]) -> WordScores | None:
        """From a shipped table ({word: [tokens, score, ...]}), or None where it is empty or malformed."""
        try:
            table = {str(w): tuple(map(float, v)) for w, v in data.items()}
        except (TypeError, ValueError, AttributeError):
            return None
        widths = {len(v) for v in table.values()}
        if len(widths) != 1 or min(widths) < 2 or any(v[0] <= 0 for v in table.values()):
            return None
        return cls(table, widths.pop() - 1)

    def mean(self, text: str) -> list[float] | None:
        """The sentence's scores (its known words' scores over their tokens), or None if it has no
        known word."""
        rows = [row for row in map(self.table.get, sentence_words(text)) if row is not None]
        if not rows:
            return None
        tokens, *scores = map(sum, zip(*rows))
        return [s / tokens for s in scores]
