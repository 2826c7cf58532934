"""Suggested annotations: for each sentence and bullet of a letter, a severity and the themes it is about.

Nothing here leaves the machine or downloads anything. core.reading.readings walks the document unit by
unit and says where each sits and what the rules (and the shipped models) read of it; here those readings
become suggestions. Themes come from core.reading.theming (the codebook's cue phrases, the shipped word
prior and what this library's auditors have already tagged), with the sentence before in the paragraph.
The severities, too, follow the auditor: what they tagged and dismissed, here and in other
letters, teaches a small model of how they differ from the rules (``SeverityLearner``), fitted on the
machine on every run. A suggestion is only a suggestion: it becomes an annotation when the auditor
accepts it.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reviewer.core.annotations.model import Annotation, Theme
from reviewer.core.reading.inspectors_list import boards_from, inspectors_items
from reviewer.core.reading.learning import (LEARNT_CEILING, LEAST_SURE, SEVERITY_CLASSES, SeverityLearner,
                                            rules_confidence, rules_logits)
from reviewer.core.reading.outline import Structure, analyse, unit_quote
from reviewer.core.reading.readings import FOLLOW_ON, STOP_EVERY, Reading, Stopped, readings
from reviewer.core.reading.severity import UNDER_IMPROVE_LIST, UNDER_PRIORITY_LIST, verdict
from reviewer.core.reading.theming import SECTION_THEME_WEIGHT, ThemeModel, forget_sentences, section_theme
from reviewer.core.text.textsearch import collapse_ws


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    quote: str  # as it reads: page furniture left out, white space collapsed
    severity: str  # a severity id
    themes: tuple[str, ...]  # theme ids, best first
    score: float  # 0..1: how sure the suggestion is
    why: str  # a few words the panel shows: "under What needs to improve", "wording: lack, delays"
    listed: bool = False  # under the inspectors' "What needs to improve" or priority-action list
    origin: str = "suggester"  # or "pdf": a highlight or comment the PDF already carried (core.reading.marks)
    note: str = ""  # a PDF mark's comment: the note the annotation takes
    author: str = ""  # who made the PDF mark: the annotation's author
    board: bool = False  # in the report's review of its safeguarding board (``boards_from``), not the council's


CARRY_FROM_CONTEXT = True  # a paragraph's opening sentence carries its topic though it is not suggested itself
CARRY, CARRY_FOLLOW_ON = 0.3, 1.0  # how much of the sentence before's themes a sentence takes (in its paragraph)
LEARN_SEVERITY = True  # the library's annotations and dismissals teach the severities

LEARN_QUOTE_WEIGHT = 0.5  # a passage of another letter, read without its section, counts this much
LEARN_ELSEWHERE = 400  # at most this many of other letters' tags (the latest) and dismissed passages: the
# learner is fitted afresh on every run and must stay well inside the suggester's second (bench_suggest_speed.py)
LEARN_LONGEST = 1500  # characters: a passage longer than any sentence or inspectors' item (the gold's longest unit
# is 687) teaches nothing of a sentence's wording, and reading it costs its length: a library whose tags were whole
# reports (a project's codings of whole documents) kept `reviewer suggest` and the window's cards minutes away


# What DOMAIN makes context whatever the wording (an earlier inspection's findings, what is planned or under way):
# no tag of the library's teaches that such a passage is a finding (a new user's one tag of "However, a detailed
# improvement plan is in place" made "… did not reflect recently identified areas for improvement" a strength)
_CONTEXT_BY_RULE = frozenset(("f:earlier", "f:underway"))


def _class_of(severity: str) -> str:
    return severity if severity in SEVERITY_CLASSES else "other"


@lru_cache(maxsize=16384)
def quote_verdict(quote: str) -> tuple[str | None, dict[str, float]]:
    """A passage of another letter read alone: the rules' verdict on its wording and what they read of it,
    nothing of where it sat. Kept: the library's quotes rarely change between runs (callers never change
    the dict)."""
    severity, _, _, features = verdict(" ".join(quote.split()), None, None, None)
    return severity, features


def quote_features(quote: str) -> dict[str, float]:
    return quote_verdict(quote)[1]


SPLIT_WHERE_IT_SITS = True  # another letter's tag says a weakness, not which kind: see library_examples


def library_examples(here: Sequence[Reading], annotations: Iterable[Annotation], letter_id: str | None,
                     dismissed: Iterable[tuple[int, int]], dismissed_quotes: Iterable[str]
                     ) -> list[tuple[dict[str, float], str, float]]:
    """What the auditor has decided, as examples for ``SeverityLearner``: this letter's annotations and
    dismissals on the readings they cover; other letters' annotations and dismissed passages as quotes."""
    import bisect

    starts = [r.start for r in here]

    def reading_at(a: int, b: int) -> Reading | None:
        i = bisect.bisect_right(starts, a) - 1
        for r in here[max(0, i):i + 2]:
            if r.start < b and a < r.end:
                return r
        return None

    out: list[tuple[dict[str, float], str, float]] = []
    elsewhere = []
    for ann in annotations:
        if ann.orphaned:
            continue
        if letter_id is not None and ann.letter_id == letter_id:
            r = reading_at(ann.start, ann.end)
            if r is not None:
                out.append((r.features, _class_of(ann.severity), 1.0))
        elif ann.quote.strip() and len(ann.quote) <= LEARN_LONGEST:
            elsewhere.append(ann)
    elsewhere.sort(key=lambda a: a.modified or a.created, reverse=True)  # the latest decisions first
    for a in elsewhere[:LEARN_ELSEWHERE]:
        rules, features = quote_verdict(a.quote)
        label = _class_of(a.severity)
        if SPLIT_WHERE_IT_SITS and label in ("improvement", "priority"):
            # Whether a weakness is a priority action depends on where it sits (an inadequate judgement,
            # areas for priority action), which a quote read alone has lost: another letter's tag teaches
            # that its wording is a weakness, and leaves which kind to this letter's own reading.
            label = rules if rules in ("improvement", "priority") else "improvement"
        out.append((features, label, LEARN_QUOTE_WEIGHT))
    for a, b in dismissed:
        r = reading_at(a, b)
        if r is not None:
            out.append((r.features, "other", 1.0))
    gone = [q for q in dismissed_quotes if q.strip() and len(q) <= LEARN_LONGEST]
    out += [(quote_features(q), "other", LEARN_QUOTE_WEIGHT) for q in gone[-LEARN_ELSEWHERE:]]
    return out


def suggest(text: str, themes: Iterable[Theme], annotations: Sequence[Annotation] = (),
            existing: Sequence[tuple[int, int]] = (), dismissed: Iterable[tuple[int, int]] = (),
            page_starts: Sequence[int] = (), structure: Structure | None = None,
            dismissed_quotes: Sequence[str] = (), letter_id: str | None = None,
            theme_model: ThemeModel | None = None, stop: Callable[[], bool] | None = None) -> list[Suggestion]:
    """Suggestions for every sentence and bullet of ``text`` worth tagging that is not already
    annotated (``existing`` ranges) nor dismissed, in reading order, each with its confidence
    (``ranked`` puts the strongest first). ``annotations``: the library's accepted annotations to
    learn themes from; ``page_starts`` (a PDF's) let page furniture be stepped over.
    ``dismissed_quotes``: the passages dismissed in other letters; with the library's annotations
    (``letter_id`` says which are this letter's) and this letter's dismissals they teach the severities
    (``SeverityLearner``). ``theme_model``: the themes' model of these ``themes`` and ``annotations``, where the
    caller built it (the window keeps it, to read the themes of a passage tagged by hand). ``stop()``: asked now and
    then, true gives the work up (``Stopped``; see ``readings``)."""
    model = theme_model or ThemeModel(themes, annotations)
    st = structure or analyse(text, page_starts)
    out: list[Suggestion] = []
    prev_themes: dict[str, float] = {}
    prev_end = -1
    dismissed = list(dismissed)
    everything = _readings_of(text, st, stop)
    skip = set(dismissed)
    wide = sorted(skip)  # (a dismissed passage of several sentences: an inspectors' item suggested whole)
    wide_starts = [a for a, _ in wide]
    board_at = boards_from(st)
    learner = None
    if LEARN_SEVERITY:
        examples = library_examples(everything, annotations, letter_id, dismissed, dismissed_quotes)
        if examples:
            learner = SeverityLearner().fit(examples)
    for n, r in enumerate(everything):
        if stop is not None and n % STOP_EVERY == 0 and stop():
            raise Stopped
        s, e, flat, part, section = r.start, r.end, r.flat, r.part, r.section
        if (s, e) in skip or _within_one(wide, wide_starts, s, e) or tagged_over(s, e, existing):
            continue
        severity, conf, why = r.severity, r.conf, list(r.why)
        listed = section in ("improvement", "priority")
        if learner is not None and not listed and not (r.severity is None and _CONTEXT_BY_RULE & r.features.keys()):
            # (the inspectors' own items stay theirs: dismissing one is no lesson against the rest of the list, nor
            # accepting one a reason to rank them above each other; and DOMAIN's context stays context)
            severity, conf = learner.decide(r.features)
            if severity is not None and severity == r.severity:  # what was learnt moves the card from where the
                # reading left it, not from the rules' first verdict: a report's own listed strengths, read 85% sure,
                # fell to 20-37% after seven accepted items, the learner starting again from their wording's 45%
                conf = max(LEAST_SURE, r.conf + conf - rules_confidence(rules_logits(r.features), severity))
            conf = min(conf, max(r.conf, LEARNT_CEILING))  # (never above the inspectors' items by learning)
            if severity != r.severity and severity is not None:
                why = [w for w in why if w not in _UNDER_A_LIST and not w.startswith("wording")]
                why.append("as you have tagged passages like it")
        if severity is None and not CARRY_FROM_CONTEXT:
            continue
        ranked_themes = model.evidence(flat)
        if prev_themes and prev_end >= 0 and "\n\n" not in text[prev_end:s].replace(" ", ""):
            # a sentence mostly goes on about what the one before it in its paragraph was about, the more
            # so when it says so ("This means that...", "They...")
            carry = CARRY_FOLLOW_ON if FOLLOW_ON.match(flat) else CARRY
            scores = {tid: (sc, own) for tid, sc, own in ranked_themes}
            for tid, sc in prev_themes.items():
                a, b = scores.get(tid, (0.0, 0.0))
                scores[tid] = (a + carry * sc, b)
            ranked_themes = sorted(((tid, sc, own) for tid, (sc, own) in scores.items()), key=lambda x: -x[1])
        prev_themes, prev_end = {tid: sc for tid, sc, _ in ranked_themes[:3]}, e
        if severity is None:
            continue  # (context: not suggested, but what its paragraph goes on about)
        sec_theme = r.inline_theme or section_theme(part)
        if sec_theme and any(t.id == sec_theme for t in model.themes):
            scores = {tid: (sc, own) for tid, sc, own in ranked_themes}
            sc, own = scores.get(sec_theme, (0.0, 0.0))
            scores[sec_theme] = (sc + SECTION_THEME_WEIGHT, own + SECTION_THEME_WEIGHT)
            ranked_themes = sorted(((tid, sc, own) for tid, (sc, own) in scores.items()), key=lambda x: -x[1])
        chosen = model.choose(ranked_themes, severity, flat)
        if listed and part is not None and part.kind in ("improve", "priority"):
            why = [_under(part.title, w) if w in _UNDER_A_LIST else w for w in why]
        out.append(Suggestion(s, e, flat, severity, chosen, round(min(0.99, conf), 2), "; ".join(why), listed,
                              board=board_at is not None and s >= board_at))
    out = with_what_it_answers(out, text, st, existing, skip)
    return whole_items(out, [(a, b) for a, b, _, _ in inspectors_items(text, st)], st.units)


# a sentence of a word or two that says only "not" of the one before it ("Many do not.", "Some cannot.")
_ELLIPTICAL = re.compile(r"\W*(?:[A-Z][\w'’-]*)(?:\s+[a-z][\w'’-]*)?\s+(?:(?:do|does|did|is|are|was|were|has|have|had|"
                         r"can|could|will|would|should)(?:\s+not|n['’]t)|cannot)(?:\s+(?:always|yet|consistently))?"
                         r"\s*[.;!]?\W*")


def with_what_it_answers(found: list[Suggestion], text: str, st: Structure,
                         existing: Sequence[tuple[int, int]] = (), dismissed: Iterable[tuple[int, int]] = ()
                         ) -> list[Suggestion]:
    """A suggestion of a word or two that only says "not" of the sentence before it, suggested with that sentence:
    "Many do not." alone was a priority action's card in a new user's report (stop 51); with "... young people
    will reach out if they need help." before it, it says what is wrong. The card takes the stronger of the two's
    confidence; nothing where the sentence before is tagged or dismissed, or ends its paragraph."""
    by_start = {x.start: x for x in found}
    gone: set[int] = set()  # (the sentences' own suggestions, now part of the fragments')
    out: list[Suggestion] = []
    skip = set(dismissed)
    for x in found:
        if len(x.quote.split()) <= 3 and _ELLIPTICAL.fullmatch(x.quote):
            before = st.unit_before(x.start)
            if before is not None and before[1] <= x.start and "\n\n" not in text[before[1]:x.start].replace(" ", "") \
                    and before not in skip and not tagged_over(before[0], before[1], existing) \
                    and not st.is_heading(*before):
                prev = by_start.get(before[0])
                if prev is not None and prev.end != before[1]:
                    prev = None  # (a passage of several units: left as it is)
                if prev is not None or before[0] not in by_start:
                    if prev is not None:
                        gone.add(id(prev))
                    quote = unit_quote(text, before[0], x.end, st.furniture)
                    x = dataclasses.replace(x, start=before[0], quote=quote,
                                            score=max(x.score, prev.score if prev is not None else 0.0))
        out.append(x)
    return [x for x in out if id(x) not in gone]


_READ: list[tuple[str, Structure, list[Reading]]] = []  # the letters read latest, with their structures


def _readings_of(text: str, st: Structure, stop: Callable[[], bool] | None = None) -> list[Reading]:
    """``readings(text, st)``, read once for a letter worked over again with the same structure: the window
    works its suggestions out afresh after every decision, and what the rules read of a letter does not
    depend on the library (only the learner and the themes do), but was two thirds of the time (a 44-page
    report's re-work took 2.3 s, and the list and the pages waited behind it). Never changed by callers."""
    for t, known, read in list(_READ):
        if known is st and t == text:
            return read
    read = readings(text, st, stop=stop)  # (given up: nothing kept)
    _READ[:] = [(text, st, read), *_READ][:2]
    return read


def forget_readings() -> None:
    """Forget what was read of letters, of the library's quotes and of their sentences (a benchmark's cold run)."""
    _READ.clear()
    quote_verdict.cache_clear()
    forget_sentences()


TAGGED_OVER = 12  # characters of a passage a tag must cover to stand for its suggestion


def tagged_over(s: int, e: int, existing: Iterable[tuple[int, int]]) -> bool:
    """Whether a tag covers enough of the passage [s, e) to stand for its suggestion: a clause of it, or half
    of a short one; not a word or two of its neighbour's caught by the drag (a new user's tag took the "I" of
    the next sentence, and its suggestion was gone without a word: stop 45)."""
    need = min(TAGGED_OVER, max(1, (e - s) // 2))
    return any(min(e, b) - max(s, a) >= need for a, b in existing)


def _within_one(ranges: Sequence[tuple[int, int]], starts: Sequence[int], s: int, e: int) -> bool:
    """Whether [s, e) lies within one of ``ranges`` (sorted; ``starts`` their starts)."""
    i = bisect.bisect_right(starts, s) - 1
    while i >= 0:
        if ranges[i][1] >= e:
            return True
        if ranges[i][0] < s - 20_000:  # (no dismissed passage is that long)
            return False
        i -= 1
    return False


# A sentence that says little alone: its subject is the sentence before ("This has left some children at risk of
# harm.", "As a result, …", "These delays …")
_LEANS_BACK = re.compile(
    r"^\W*(?:this|these|such|as a result|consequently|because of this|in these cases|they|their|its|"
    r"it(?!\s+(?:is|was)\s+(?:not\s+)?(?:yet\s+)?\w+(?:\s+\w+)?\s+(?:that|to|whether|how|why|when|if)\b))\b",
    re.I)  # (a pronoun's sentence leans back, "It is supported well by …"; not an "it" that looks ahead: "It is
# too early to judge …", "It is not clear whether …")


def leans_on(text: str, structure: Structure, sug: Suggestion) -> str | None:
    """The sentence before a suggestion that leans on it ("… are not always prompt enough." before "This has
    left some children at risk of harm."), in its paragraph, as it reads; else None. The card shows it, so the
    strongest 30 say what they are about (a new user's 2026 report had four that said nothing alone). Shown,
    not suggested with it: the sentence before is judged on its own."""
    if not _LEANS_BACK.match(sug.quote):
        return None
    before = structure.unit_before(sug.start)
    if before is None or before[1] > sug.start or "\n\n" in text[before[1]:sug.start].replace(" ", ""):
        return None
    said = unit_quote(text, before[0], before[1], structure.furniture)
    return said or None


def whole_items(found: list[Suggestion], items: Sequence[tuple[int, int]],
                units: Sequence[tuple[int, int]]) -> list[Suggestion]:
    """An inspectors' item of several sentences ("5. Ensure that there is no undue delay ... This includes
    establishing ...") suggested as one passage, as it is one recommendation: accepting it tags it whole (a new
    user accepted the first sentence and was left with the rest of the item untagged). Only where every
    sentence of the item is suggested, under the list, at one severity (none already tagged or dismissed)."""
    by_start = {x.start: x for x in found}
    merged: dict[int, Suggestion] = {}
    gone: set[int] = set()
    for a, b in items:
        parts = [u for u in units if a <= u[0] and u[1] <= b]
        xs = [by_start.get(s) for s, _ in parts]
        if len(parts) < 2 or any(x is None or x.end != e or not x.listed for x, (_, e) in zip(xs, parts)):
            continue
        first = xs[0]
        if first is None or any(x is None or x.severity != first.severity for x in xs):
            continue
        merged[first.start] = dataclasses.replace(first, end=parts[-1][1], quote=" ".join(x.quote for x in xs if x),
                                                  score=max(x.score for x in xs if x))
        gone.update(s for s, _ in parts[1:])
    if not merged:
        return found
    return [merged.get(x.start, x) for x in found if x.start not in gone]


_UNDER_A_LIST = (UNDER_IMPROVE_LIST, UNDER_PRIORITY_LIST)


def list_heading(title: str) -> str | None:
    """An inspectors' list's heading as the window names it ("Recommendations", "What needs to improve"): as
    the letter prints it, without its footnote mark or question mark; None where it is too long to name."""
    heading = re.sub(r"(?<=[?:a-z])\d{1,2}$", "", collapse_ws(title)).strip(" :?.")  # "What needs to improve?1"
    if heading.isupper():
        heading = heading.capitalize()  # "PRIORITY AND IMMEDIATE ACTION RECOMMENDATIONS"
    return heading if heading and len(heading) <= 40 else None


def _under(title: str, said: str) -> str:
    """Where an inspectors' item sits, as the letter heads it ("under “Recommendations”"), for the panel's
    one line; ``said`` (the rules' "under What needs to improve") where the heading says no more or is long."""
    heading = list_heading(title)
    if not heading or heading.lower().startswith(said[len("under "):].lower()):
        return said
    return f"under “{heading}”"


DEFAULT_SHOWN = 30  # suggestions the window shows at first: the strongest; the rest are one key away


def ranked(suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    """Suggestions strongest first (by confidence, then in reading order)."""
    return sorted(suggestions, key=lambda x: (-x.score, x.start, x.end))


def strongest(suggestions: Sequence[Suggestion], n: int = DEFAULT_SHOWN) -> list[Suggestion]:
    """The ``n`` most confident suggestions, strongest first: what the window shows by default. The inspectors'
    own items take at most half of them while the report's findings can fill the rest: a new user's first 30 of
    a 46-page report were 22 of its recommendations (all of them one button away, Accept All), and its key
    findings of harm waited behind them. Of the findings, strengths take at most half while weaknesses remain:
    a good report's first 30 were 27 strengths and its 3 items, its weaknesses behind praise (stop 45). Of the
    weaknesses, priority actions come first: a failing report's, at 0.6-0.8, had waited behind areas for
    improvement and praise (stop 46). Of each kind, the council's come before those of the report's review of its
    safeguarding board: a new user's first 30 of a 2015 report held the board review's praise while the council's
    own findings waited (stop 48). The order shown is still by confidence."""
    order = ranked(suggestions)
    n = max(0, n)
    council_first = sorted(order, key=lambda s: s.board)  # (stable: by confidence within each)
    listed = [s for s in council_first if s.listed]
    room = n - min(len(listed), n // 2)
    findings = [s for s in council_first if not s.listed]
    praise = [s for s in findings if s.severity == "strength"]
    weak = [s for s in findings if s.severity != "strength"]
    if PRIORITY_FIRST:  # (stable: by confidence within each)
        weak.sort(key=lambda s: s.severity != "priority")
    if STRENGTHS_AT_MOST_HALF:
        praised = min(len(praise), max(room // 2, room - len(weak)))
        found = praise[:praised] + weak[:room - praised]
    else:
        found = findings[:room]
    chosen = {id(s) for s in found + listed[:n - len(found)]}
    return [s for s in order if id(s) in chosen]


PRIORITY_FIRST = True  # of the weaknesses shown first, priority actions first (development 30 strongest 96.4%
# either way)
STRENGTHS_AT_MOST_HALF = True  # of the findings shown first, strengths take at most half while weaknesses remain


def dismissed_key(letter_id: str) -> str:
    return f"dismissed:{letter_id}"


def read_dismissed(settings: dict[str, str], letter_id: str) -> list[tuple[int, int]]:
    """The passages the auditor dismissed for a letter, kept as JSON in the library's settings."""
    try:
        rows = json.loads(settings.get(dismissed_key(letter_id), "") or "[]")
        return [(int(a), int(b)) for a, b in rows]
    except (ValueError, TypeError):
        return []  # a damaged value forgets dismissals; it never stops suggestions


def dismissed_value(ranges: Iterable[tuple[int, int]]) -> str:
    return json.dumps(sorted({(int(a), int(b)) for a, b in ranges}), separators=(",", ":"))
