"""Finding text as a reader means it: across line breaks, hyphenation, ligatures and curly quotes.

``fold`` turns a text into a search form (case-folded, ligatures expanded, hyphens dropped,
white space collapsed) together with a map from each folded character back to its code-point
offset in the original, so a match in the folded form is a ``(start, end)`` range in the original.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
import unicodedata
from array import array
from dataclasses import dataclass

_HYPHENS = {"-", "\u00ad", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"}
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
           "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "`": "'"}
_BULLETS = {"\u2022", "\u25aa", "\u25fc", "\u25a0", "\u25cf", "\u2023", "\u2043", "\uf0b7"}


def _fold_char(ch: str) -> str:
    if ch in _QUOTES:
        return _QUOTES[ch]
    if ch.isascii():
        return ch.lower()
    folded = unicodedata.normalize("NFKC", ch).casefold()
    # Drop combining accents so "cafe" finds "café" as a reader would expect.
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Folded:
    text: str
    origin: tuple[int, ...]  # origin[i] = offset in the original of folded char i

    def span(self, fstart: int, fend: int) -> tuple[int, int]:
        return self.origin[fstart], self.origin[fend - 1] + 1


def fold(text: str) -> Folded:
    out: list[str] = []
    origin: list[int] = []
    pending_space = -1  # original offset of a white-space run not yet emitted
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _HYPHENS:
            # Drop the hyphen; if a line break follows, drop that too (hyphenated line break).
            j = i + 1
            while j < n and text[j] in " \t\r\u00a0":
                j += 1
            if j < n and text[j] == "\n":
                j += 1
                while j < n and text[j] in " \t\r\u00a0\n":
                    j += 1
                i = j
            else:
                i += 1
            continue
        if ch.isspace() or ch in _BULLETS or ch == "\x00":
            if pending_space < 0:
                pending_space = i
            i += 1
            continue
        if pending_space >= 0:
            if out:
                out.append(" ")
                origin.append(pending_space)
            pending_space = -1
        for f in _fold_char(ch):
            out.append(f)
            origin.append(i)
        i += 1
    return Folded("".join(out), tuple(origin))


def fold_query(query: str) -> str:
    return fold(query).text.strip()


def find_all(text: str | Folded, query: str, limit: int | None = None) -> list[tuple[int, int]]:
    """All non-overlapping occurrences of ``query`` in ``text`` as original ``(start, end)`` ranges."""
    folded = text if isinstance(text, Folded) else fold(text)
    q = fold_query(query)
    if not q:
        return []
    hits: list[tuple[int, int]] = []
    pos = folded.text.find(q)
    while pos >= 0:
        hits.append(folded.span(pos, pos + len(q)))
        if limit is not None and len(hits) >= limit:
            break
        pos = folded.text.find(q, pos + len(q))
    return hits


def collapse_ws(text: str) -> str:
    """Single-line display form of a quote: white space collapsed, line-end hyphenation joined."""
    if "\n" not in text:  # one line (most calls: every line of a letter when its furniture is found)
        return " ".join(text.split())  # both joins below need a line break
    import re

    t = re.sub(r"\u00ad\s*\n\s*", "", text)
    t = re.sub(r"(\w)-[ \t]*\n\s*(?=\w)", r"\1-", t)
    return " ".join(t.split())


class CompactFold:
    """A ``Folded`` text with its map back to the original kept as runs, not one number per
    character: a letter's map is a few kilobytes instead of megabytes, so a whole library's
    letters can be held in memory and searched at once."""

    MAGIC = b"RVFOLD1\n"

    def __init__(self, text: str, fpos: array, opos: array, steps: bytes) -> None:
        self.text = text
        self.fpos, self.opos, self.steps = fpos, opos, steps  # run i starts at fpos[i] <- opos[i]

    @classmethod
    def of(cls, folded: Folded) -> CompactFold:
        fpos, opos, steps = array("i"), array("i"), bytearray()
        origin = folded.origin
        prev = None
        for i, o in enumerate(origin):
            if prev is not None and o == prev + 1 and steps[-1] == 1:
                prev = o
                continue
            if prev is not None and o == prev and len(fpos) and fpos[-1] == i - 1 and steps[-1] == 1:
                steps[-1] = 0  # a run of folded characters from one original (a ligature, "ß")
                prev = o
                continue
            if prev is not None and o == prev and steps[-1] == 0:
                continue
            fpos.append(i)
            opos.append(o)
            steps.append(1)
            prev = o
        return cls(folded.text, fpos, opos, bytes(steps))

    def origin(self, k: int) -> int:
        j = bisect.bisect_right(self.fpos, k) - 1
        return self.opos[j] + self.steps[j] * (k - self.fpos[j])

    def span(self, fstart: int, fend: int) -> tuple[int, int]:
        return self.origin(fstart), self.origin(fend - 1) + 1

    def to_bytes(self) -> bytes:
        text = self.text.encode("utf-8", "surrogatepass")
        head = array("i", [len(text), len(self.fpos)])
        return b"".join([self.MAGIC, head.tobytes(), self.fpos.tobytes(), self.opos.tobytes(), self.steps, text])

    @classmethod
    def from_bytes(cls, data: bytes) -> CompactFold | None:
        try:
            if not data.startswith(cls.MAGIC):
                return None
            pos = len(cls.MAGIC)
            n_text, n_runs = array("i", data[pos : pos + 8])
            pos += 8
            fpos = array("i", data[pos : pos + 4 * n_runs])
            pos += 4 * n_runs
            opos = array("i", data[pos : pos + 4 * n_runs])
            pos += 4 * n_runs
            steps = data[pos : pos + n_runs]
            pos += n_runs
            if len(data) != pos + n_text or len(fpos) != n_runs or len(opos) != n_runs:
                return None
            return cls(data[pos:].decode("utf-8", "surrogatepass"), fpos, opos, steps)
        except (ValueError, UnicodeDecodeError):
            return None


@lru_cache(maxsize=8192)
def folded_text(text: str) -> str:
    """``fold(text).text`` alone, remembered: the reading rules fold the same sentence several times (its
    tone, its features, its themes), and a library's thousands of quotes on every suggester run."""
    return fold(text).text
