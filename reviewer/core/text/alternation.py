"""A long alternation of phrases, tried only where it can match.

Python's ``re`` tries every alternative of ``\\b(?:a|b|c…)`` at every word start: the wording rules' list of
shortfall phrases has some 150, and reading it took two thirds of the time of reading a sentence's tone.
``dispatched`` compiles the same regex with its alternatives sorted under the first character each can start
with (``(?=h)(?:the alternatives that can start with "h", in their order)|…``), so a word start tries only
the few that could begin there. At any position the same alternatives are tried in the same order, so the
regex finds exactly what the original finds; one whose first character cannot be known (``\\W*``, ``.``)
is tried everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

try:  # (the standard library's own parser of regexes; re._parser since 3.11)
    from re import _constants as C
    from re import _parser as P
except ImportError:  # pragma: no cover - an interpreter without them: the regex as written
    C = P = None  # type: ignore[assignment]

_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _firsts(items) -> tuple[set[str] | None, bool]:  # type: ignore[no-untyped-def]
    """The characters a parsed sequence can start with (None: any) and whether it can match nothing."""
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL":
            return out | {chr(av)}, False
        if name == "IN":
            chars = set()
            for sop, sav in av:
                if str(sop) == "LITERAL":
                    chars.add(chr(sav))
                elif str(sop) == "RANGE" and sav[1] - sav[0] < 128:
                    chars.update(chr(c) for c in range(sav[0], sav[1] + 1))
                else:
                    return None, False
            return out | chars, False
        if name == "SUBPATTERN":
            got, empty = _firsts(av[-1])
        elif name == "BRANCH":
            got, empty = set(), False
            for alt in av[1]:
                f, e = _firsts(alt)
                if f is None:
                    return None, False
                got |= f
                empty = empty or e
        elif name in _REPEATS:
            got, empty = _firsts(av[2])
            empty = empty or av[0] == 0
        else:
            return None, False
        if got is None:
            return None, False
        out |= got
        if not empty:
            return out, False
    return out, True


def _top_level(pattern: str) -> list[str]:
    """``pattern`` split at its top-level ``|``."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


class _WhenFirstUsed:
    """A regex compiled the first time it is used, not when its module is imported: the window shows
    before the rules' longest patterns are compiled (on the reading thread, for the first letter)."""

    __slots__ = ("_make", "_made")

    def __init__(self, make: Callable[[], re.Pattern[str]]) -> None:
        self._make = make
        self._made: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        made = self._made
        if made is None:  # (two threads compiling it at once both get the same regex: no lock needed)
            made = self._made = self._make()
        return getattr(made, name)


def dispatched(alternatives: str, prefix: str = "", flags: int = 0) -> re.Pattern[str]:
    """``re.compile(prefix + "(?:" + alternatives + ")", flags)``, with the alternatives tried only where they can
    start, compiled when first used. Capturing patterns, and any the standard parser reads otherwise than
    expected, are compiled as written."""
    return cast("re.Pattern[str]", _WhenFirstUsed(lambda: _dispatched(alternatives, prefix, flags)))


def _dispatched(alternatives: str, prefix: str, flags: int) -> re.Pattern[str]:
    plain = re.compile(prefix + "(?:" + alternatives + ")", flags)
    if P is None or plain.groups:
        return plain
    try:
        alts = _top_level(alternatives)
        read = [_firsts(P.parse(a, flags)) for a in alts]
    except Exception:  # (a construct this reading does not know: the regex as written, equally right)
        return plain
    firsts = [None if empty else f for f, empty in read]  # (one that can match nothing may match anywhere)
    if flags & re.IGNORECASE:  # (the lookahead "(?=h)" is then as blind to case as the "h" it looks for)
        firsts = [None if f is None else {c.lower() for c in f} for f in firsts]
    chars = sorted({c for f in firsts if f is not None for c in f})
    anywhere = [a for a, f in zip(alts, firsts) if f is None]
    groups = []
    for c in chars:
        mine = "|".join(a for a, f in zip(alts, firsts) if f is None or c in f)
        groups.append(f"(?={re.escape(c)})(?:{mine})")
    if anywhere:
        groups.append("(?:" + "|".join(anywhere) + ")")
    fast = re.compile(prefix + "(?:" + "|".join(groups) + ")", flags)
    return fast
