"""Moderation: where two auditors tagged the same letter, how far they agree.

The unit is the sentence (or bullet): for each auditor, a sentence carries a theme when one of
their annotations with that theme overlaps it, and carries the highest severity among those
annotations. Agreement per theme is Cohen's kappa over the letter's sentences (present / absent);
severity agreement is kappa over five categories (none and the four severities). Where the two read a
sentence differently it is listed with what each gave it, its page, and what the manager's review of
their annotations there says (a manager settles a difference by agreeing one reading and challenging
the other).
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from reviewer.core.annotations.codebook import severities, themes_said
from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Annotation
from reviewer.core.reading.furniture import find_furniture
from reviewer.core.reading.outline import unit_quote
from reviewer.core.reading.sentences import reading_text, split_units
from reviewer.core.text.words import person

_RANK = {s.id: s.rank for s in severities()}


def sentences(text: str, furniture: Sequence[tuple[int, int]] = (), paged: bool = True) -> list[tuple[int, int]]:
    """The letter's sentences and bullets as (start, end), in order, as the outline reads them: a sentence
    across a page break is one, its running header and footer (``furniture``) stepped over (a manager saw a
    bullet split in two at a page's footer, and counted twice); ``paged``: the letter has pages (a PDF's)."""
    return split_units(reading_text(text, furniture), paged)


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


def kappa_strength(k: float | None) -> str:
    """Landis and Koch's words for a kappa, as moderation reports use them."""
    if k is None:
        return "not defined"
    for limit, word in ((0.0, "poor"), (0.2, "slight"), (0.4, "fair"), (0.6, "moderate"), (0.8, "substantial")):
        if k <= limit:
            return word
    return "almost perfect"


def kappa_number(k: float) -> str:
    """A kappa to two places, as a report prints it: a value that rounds to nothing is "0.00", never
    "-0.00" (two auditors who never tag one theme on the same sentence come out a hair below zero)."""
    return f"{round(k, 2) + 0.0:.2f}"


def kappa_words(k: float | None) -> str:
    """A kappa as a report says it: "0.52 (moderate)"; "not defined" where it is not."""
    return "not defined" if k is None else f"{kappa_number(k)} ({kappa_strength(k)})"


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
    page: int | None = None  # where a PDF letter's pages are known
    review: str = ""  # the manager's review of the two readings there, in words ("" where none is reviewed)
    a_ids: tuple[str, ...] = ()  # the annotations that are auditor A's reading of it (to review them)
    b_ids: tuple[str, ...] = ()

    @property
    def one_only(self) -> bool:
        """Tagged by one of the two auditors only (not read differently: not read by the other at all)."""
        return NOT_TAGGED in (self.a, self.b)


@dataclass
class PairModeration:
    letter_id: str
    letter: str
    auditor_a: str
    auditor_b: str
    sentences: int
    themes: list[ThemeAgreement] = field(default_factory=list)
    severity_kappa: float | None = None
    severity_agreement: float = 0.0  # of the sentences either auditor tagged, the share both gave one severity
    tagged: int = 0  # sentences either auditor tagged
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def kinds_said(self) -> str:
        """How the differences divide, where both kinds are there: "7 read differently, 29 tagged by one auditor
        only" (a manager found the real disagreements buried among sentences one auditor never tagged)."""
        one = sum(d.one_only for d in self.disagreements)
        both = len(self.disagreements) - one
        return f"{both} read differently, {one} tagged by one auditor only" if one and both else ""

    @property
    def reviewed(self) -> int:
        """Differences the manager has reviewed (either reading agreed, challenged or resolved)."""
        return sum(1 for d in self.disagreements if d.review)


def as_authored(a: Annotation) -> Annotation:
    """The annotation as its auditor read it: where someone else (a manager's regrade) changed it since, the severity
    and themes of the auditor's own last version, kept in its history. Moderation weighs the auditors' readings (a
    manager's regrade had been counted as an auditor's, and made two auditors agree, or disagree, by her decision)."""
    if not a.changed_by or person(a.changed_by) == person(a.author):
        return a
    own = next((r for r in reversed(a.history) if person(r.author) == person(a.author)), None)
    return a if own is None else dataclasses.replace(a, severity=own.severity, themes=own.themes)


def _labels(units: Sequence[tuple[int, int]], anns: Sequence[Annotation]) -> list[tuple[frozenset[str], str]]:
    out = []
    ordered = sorted((as_authored(a) for a in anns), key=lambda a: a.start)
    for s, e in units:
        hits = [a for a in ordered if a.start < e and a.end > s]
        themes = frozenset(t for a in hits for t in a.themes)
        sev = max((a.severity for a in hits), key=lambda x: _RANK.get(x, -1), default="none")
        out.append((themes, sev))
    return out


def _changers(units: Sequence[tuple[int, int]], anns: Sequence[Annotation]) -> list[str]:
    """Who other than its auditor changed each sentence's reading ("Mia Manager"), "" where nobody did."""
    return [", ".join(dict.fromkeys(a.changed_by for a in anns if a.start < e and a.end > s and a.changed_by))
            for s, e in units]


NOT_TAGGED = "not tagged"


def _words(lib: Library, themes: frozenset[str], sev: str, changed_by: str = "") -> str:
    """An auditor's reading as the moderation says it: "Area for improvement: Timeliness, drift and delay", and who
    changed it since, where a manager regraded it (``as_authored``: the auditor's own reading is the one weighed)."""
    if sev == "none":
        return NOT_TAGGED
    label = {s.id: s.label for s in severities()}.get(sev, sev)
    said = f"{label}: " + (themes_said(sorted(lib.theme_label(t) for t in themes)) or "no theme")
    return f"{said} (since changed by {changed_by})" if changed_by else said


def _reviews(s: int, e: int, who: Sequence[tuple[str, Sequence[Annotation]]]) -> str:
    """What the manager's review says of each auditor's reading of a sentence: "Ann Auditor's: Agreed
    (Mia Manager); Bob Auditor's: Challenged (Mia Manager)"; "" where neither reading is reviewed."""
    said = []
    for name, anns in who:
        verdicts = dict.fromkeys(f"{a.review.label}" + (f" ({a.review.reviewer})" if a.review.reviewer else "")
                                 for a in anns if a.review and a.start < e and a.end > s)
        if verdicts:
            said.append(f"{name}’s: {', '.join(verdicts)}")
    return "; ".join(said)


def _on(anns: Sequence[Annotation], s: int, e: int) -> tuple[str, ...]:
    """The ids of the annotations that overlap [s, e), the highest severity first."""
    return tuple(a.id for a in sorted((a for a in anns if a.start < e and a.end > s),
                                      key=lambda a: -_RANK.get(a.severity, 0)))


def agreed_rivals(lib: Library, ann_ids: Sequence[str], text_of: Callable[[str], str | None],
                  page_starts_of: Callable[[str], Sequence[int]] | None = None) -> list[tuple[Annotation, Annotation]]:
    """(annotation, rival) for each of ``ann_ids`` that another auditor read differently in the same sentence
    (the moderation's unit: another severity) where that other reading is already agreed: agreeing both
    leaves the difference unsettled (a manager's helper did, and the moderation showed it as reviewed)."""
    out = []
    units: dict[str, list[tuple[int, int]]] = {}  # each letter's sentences, read once
    for aid in ann_ids:
        a = lib.annotations.get(aid)
        if a is None or a.orphaned:
            continue
        if a.letter_id not in units:
            text = text_of(a.letter_id) or ""
            starts = page_starts_of(a.letter_id) if page_starts_of else ()
            units[a.letter_id] = sentences(text, find_furniture(text, starts), bool(starts)) if text else []
        spans = [(s, e) for s, e in units[a.letter_id] if s < a.end and a.start < e]
        for b in lib.annotations_for(a.letter_id):
            if b.id != a.id and not b.orphaned and person(b.author) != person(a.author) and \
                    b.severity != a.severity and b.review is not None and b.review.status == "agreed" and \
                    any(s < b.end and b.start < e for s, e in spans):
                out.append((a, b))
    return out


def moderate_letter(lib: Library, letter_id: str, text: str,
                    page_starts: Sequence[int] = ()) -> list[PairModeration]:
    """One result per pair of auditors who both annotated the letter (``page_starts``: a PDF letter's,
    to say on which page each difference is)."""
    by_author: dict[str, list[Annotation]] = {}
    for a in lib.annotations_for(letter_id):
        if not a.orphaned:
            by_author.setdefault(person(a.author) or "Unknown auditor", []).append(a)  # (one person, however typed)
    if len(by_author) < 2:
        return []
    furniture = find_furniture(text, page_starts)
    units = sentences(text, furniture, bool(page_starts))
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
        either = [(x, y) for x, y in zip(sa, sb) if x != "none" or y != "none"]
        pm.tagged = len(either)
        pm.severity_agreement = sum(x == y for x, y in either) / len(either) if either else 0.0
        who = ((name_a, by_author[name_a]), (name_b, by_author[name_b]))
        ca, cb = _changers(units, by_author[name_a]), _changers(units, by_author[name_b])
        for (s, e), (ta, xa), (tb, xb), wa, wb in zip(units, la, lb, ca, cb):
            if (ta, xa) != (tb, xb):
                page = bisect_right(page_starts, s) if page_starts else None
                pm.disagreements.append(Disagreement(s, e, unit_quote(text, s, e, furniture), _words(lib, ta, xa, wa),
                                                     _words(lib, tb, xb, wb), page or None, _reviews(s, e, who),
                                                     _on(by_author[name_a], s, e), _on(by_author[name_b], s, e)))
        pm.disagreements.sort(key=lambda d: d.one_only)  # (stable: the sentences both read differently first, each
        # kind in reading order)
        results.append(pm)
    return results


def moderate(lib: Library, letter_ids: Sequence[str], text_of: Callable[[str], str | None],
             page_starts_of: Callable[[str], Sequence[int]] | None = None) -> list[PairModeration]:
    """Every pair of auditors on every letter of ``letter_ids`` both annotated."""
    out: list[PairModeration] = []
    for lid in letter_ids:
        authors = {person(a.author) for a in lib.annotations_for(lid) if not a.orphaned}
        if len(authors) < 2:
            continue
        text = text_of(lid)
        if text:
            out += moderate_letter(lib, lid, text, page_starts_of(lid) if page_starts_of is not None else ())
    return out
