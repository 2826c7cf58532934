"""Moderation: where two auditors tagged the same letter, how far they agree.

The unit is the sentence (or bullet): for each auditor, a sentence carries a theme when one of
their annotations with that theme overlaps it, and carries the highest severity among those
annotations. Agreement per theme is Cohen's kappa over the letter's sentences (present / absent);
severity agreement is kappa over five categories (none and the four severities).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from reviewer.core.annotations.codebook import severities
from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Annotation
from reviewer.core.reading.outline import split_units

_RANK = {s.id: s.rank for s in severities()}


def sentences(text: str) -> list[tuple[int, int]]:
    """The letter's sentences and bullets as (start, end), in order."""
    return split_units(text)


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two raters' labels for the same units; None when it is undefined."""
    n = len(a)
    if n == 0 or n != len(b):
        return None
    po = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    if pe >= 1.0:
        return 1.0 if po == 1.0 else None
    return (po - pe) / (1 - pe)


@dataclass(frozen=True)
class ThemeAgreement:
    theme: str  # id
    label: str
    both: int
    only_a: int
    only_b: int
    neither: int
    kappa: float | None


@dataclass(frozen=True)
class Disagreement:
    start: int
    end: int
    text: str
    a: str  # what auditor A gave this sentence, in words
    b: str


@dataclass
class PairModeration:
    letter_id: str
    letter: str
    auditor_a: str
    auditor_b: str
    sentences: int
    themes: list[ThemeAgreement] = field(default_factory=list)
    severity_kappa: float | None = None
    severity_agreement: float = 0.0  # share of sentences given the same severity (or none by both)
    disagreements: list[Disagreement] = field(default_factory=list)


def _labels(units: Sequence[tuple[int, int]], anns: Sequence[Annotation]) -> list[tuple[frozenset[str], str]]:
    out = []
    ordered = sorted(anns, key=lambda a: a.start)
    for s, e in units:
        hits = [a for a in ordered if a.start < e and a.end > s]
        themes = frozenset(t for a in hits for t in a.themes)
        sev = max((a.severity for a in hits), key=lambda x: _RANK.get(x, -1), default="none")
        out.append((themes, sev))
    return out


def _words(lib: Library, themes: frozenset[str], sev: str) -> str:
    if sev == "none":
        return "not tagged"
    label = {s.id: s.label for s in severities()}.get(sev, sev)
    return f"{label}: " + (", ".join(sorted(lib.theme_label(t) for t in themes)) or "no theme")


def moderate_letter(lib: Library, letter_id: str, text: str) -> list[PairModeration]:
    """One result per pair of auditors who both annotated the letter."""
    by_author: dict[str, list[Annotation]] = {}
    for a in lib.annotations_for(letter_id):
        if not a.orphaned:
            by_author.setdefault(a.author or "Unknown auditor", []).append(a)
    if len(by_author) < 2:
        return []
    units = sentences(text)
    title = lib.display_title(letter_id)
    results = []
    for name_a, name_b in combinations(sorted(by_author, key=str.casefold), 2):
        la, lb = _labels(units, by_author[name_a]), _labels(units, by_author[name_b])
        pm = PairModeration(letter_id, title, name_a, name_b, len(units))
        used = {t for themes, _ in la + lb for t in themes}
        order = list(lib.themes)
        for t in sorted(used, key=lambda x: (order.index(x) if x in order else 10**6, x)):
            va = [t in themes for themes, _ in la]
            vb = [t in themes for themes, _ in lb]
            both = sum(x and y for x, y in zip(va, vb))
            oa = sum(x and not y for x, y in zip(va, vb))
            ob = sum(y and not x for x, y in zip(va, vb))
            pm.themes.append(ThemeAgreement(t, lib.theme_label(t), both, oa, ob, len(units) - both - oa - ob,
                                            cohen_kappa(va, vb)))
        sa, sb = [s for _, s in la], [s for _, s in lb]
        pm.severity_kappa = cohen_kappa(sa, sb)
        pm.severity_agreement = sum(x == y for x, y in zip(sa, sb)) / len(units) if units else 0.0
        for (s, e), (ta, xa), (tb, xb) in zip(units, la, lb):
            if (ta, xa) != (tb, xb):
                pm.disagreements.append(Disagreement(s, e, text[s:e], _words(lib, ta, xa), _words(lib, tb, xb)))
        results.append(pm)
    return results


def moderate(lib: Library, letter_ids: Sequence[str], text_of: Callable[[str], str | None]) -> list[PairModeration]:
    out: list[PairModeration] = []
    for lid in letter_ids:
        authors = {a.author for a in lib.annotations_for(lid) if not a.orphaned}
        if len(authors) < 2:
            continue
        text = text_of(lid)
        if text:
            out += moderate_letter(lib, lid, text)
    return out
