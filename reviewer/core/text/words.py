"""Counts in words, as a person writes them: "1 letter", "3 letters", "2 matches" (never "letter(s)"); a
person's name as one way of writing it; a clause said as a sentence."""

from __future__ import annotations

import unicodedata
from datetime import date


def counted(n: int, one: str, many: str | None = None) -> str:
    """``n`` and the word that goes with it; ``many`` for a plural that is not ``one`` + "s"."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def as_sentence(said: str) -> str:
    """A message the store or the reading says as a clause ("the library's copy of … is missing") as a box shows
    it: a capital first, one full stop last."""
    return said[:1].upper() + said[1:].rstrip(".") + "."


def person(name: str) -> str:
    """A person's name as one way of writing it: NFC, invisible characters (zero-width spaces, joiners,
    direction marks) dropped, white space collapsed. "Zoë Hart" typed with a combining diaeresis, or with
    a zero-width space pasted in, is the same auditor."""
    name = unicodedata.normalize("NFC", name)
    return " ".join("".join(c for c in name if unicodedata.category(c) != "Cf").split())


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat((iso or "")[:10])
    except (TypeError, ValueError):
        return None


def short_date(iso: str) -> str:
    """A stored date or time as the window says it: "29 Nov 2026" ("" where it is no date). The cards, the plan
    and the status line say dates one way; a manager read "on 2026-11-29" beside "Due 1 Oct 2026" (stop 51)."""
    d = _day(iso)
    return f"{d.day} {d:%b %Y}" if d else ""


def long_date(iso: str | None) -> str:
    """A stored date as an exported summary says it: "29 November 2026"; "—" where there is none, and what is
    stored, as it is, where it is no date."""
    if not iso:
        return "—"
    d = _day(iso)
    return f"{d.day} {d:%B} {d.year}" if d else iso
