"""Counts in words, as a person writes them: "1 letter", "3 letters", "2 matches" (never "letter(s)"); and a
person's name as one way of writing it."""

from __future__ import annotations

import unicodedata


def counted(n: int, one: str, many: str | None = None) -> str:
    """``n`` and the word that goes with it; ``many`` for a plural that is not ``one`` + "s"."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def person(name: str) -> str:
    """A person's name as one way of writing it: NFC, invisible characters (zero-width spaces, joiners,
    direction marks) dropped, white space collapsed. "Zoë Hart" typed with a combining diaeresis, or with
    a zero-width space pasted in, is the same auditor."""
    name = unicodedata.normalize("NFC", name)
    return " ".join("".join(c for c in name if unicodedata.category(c) != "Cf").split())
