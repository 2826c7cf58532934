"""Counts in words, as a person writes them: "1 letter", "3 letters", "2 matches" (never "letter(s)")."""

from __future__ import annotations


def counted(n: int, one: str, many: str | None = None) -> str:
    """``n`` and the word that goes with it; ``many`` for a plural that is not ``one`` + "s"."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
