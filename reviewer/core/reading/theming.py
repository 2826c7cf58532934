"""Which themes a passage is about: the codebook's cue phrases, the word prior trained on the development
corpus gold (resources/theme_words.json, bench/train_theme_words.py) read as an additive prior and as a naive
Bayes model, what the sentence's words mean to a static word embedding (resources/theme_meaning.json,
bench/train_theme_meaning.py, folded into per-word scores by core.reading.meaning), the words of what this
library's auditors have tagged with each theme, and the subject a graded section's heading names; and
which of the ranked themes to offer, by a chooser learnt from the development gold
(resources/theme_choice.json, bench/train_theme_choice.py). Local, no model download;
core.reading.suggest asks it for each sentence it suggests, core.reading.marks and core.team.baseline
for the passages they theme."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from reviewer.core.annotations.model import Annotation, Theme
from reviewer.core.reading.learning import sigmoid, softmax
from reviewer.core.reading.meaning import WordScores
from reviewer.core.reading.outline import Part
from reviewer.core.text.textsearch import fold, folded_text

WORD = re.compile(r"[a-z][a-z'\-]+")
STOP_WORDS = set("the a an and or of to in on for with by at from is are was were be been being this that these those "
                 "it its their they them there as not but have has had which who whom whose when where what while "
                 "also into than then so such can could will would should may might must do does did most some many "
                 "all any each more less very only other our your his her we you i".split())


@lru_cache(maxsize=65536)
def quote_words(quote: str) -> frozenset[str]:
    """An annotation's words, kept: the model is rebuilt after every change, the quotes rarely change."""
    return frozenset(w for w in WORD.findall(quote.lower()) if w not in STOP_WORDS)


CARERS_SUPERVISION = True
_CARERS_SUPERVISED = re.compile(r"\bsupervising social workers?\b|\bcarers?\b[^.;]{0,60}\bsupervis|"
                                r"\bsupervision of (?:their |the |foster |kinship )*carers\b")
FAMILY_CONTACT = True
# a child's contact with their family is no contact with the front door: "supervised contact", "the contact service",
# "contact with their birth families" (a new user's 2015 report, h23: six cards named the front door on the cue
# "contact"); but a front door's own name, "the First Contact service", is the front door. Only the cue is dropped:
# the sentence's words still count as they are.
_FAMILY_CONTACT = re.compile(r"\b(?:supervised|family|sibling|parental|letterbox|direct|indirect) contact\b|"
                             r"(?<!first )(?<!initial )(?<!customer )(?<!point of )\bcontact (?:service|supervisors?|"
                             r"sessions?|centres?|arrangements)\b|\bcontact (?:with|between) "
                             r"(?:\w+ ){0,2}?(?:families|family|parents?|mothers?|fathers?|siblings|brothers|sisters|"
                             r"relatives)\b")
ABSENT_NOT_MISSING = True
_ABSENT = re.compile(r"\b(?:is|are|was|were|been|be|remains?)\s+(?:\w+ly\s+|too often\s+|often\s+|still\s+)?"
                     r"missing\b(?!\s+(?:from\s+(?:home|care|education|school|their homes?|placements?)|education|"
                     r"episodes?))")
_GONE_MISSING = re.compile(r"\b(?:go|goes|going|gone|went|run|ran|reported)\s+(?:\w+\s+)?missing\b|"
                           r"\b(?:children|child|young (?:people|person)|who|they|he|she|girls?|boys?|teenagers?|"
                           r"adolescents?)\s+(?:\w+\s+){0,2}(?:is|are|was|were|been|be)\s+(?:\w+ly\s+|often\s+)?"
                           r"missing\b")
_MISSING_WORD = re.compile(r"\bmissing\b", re.I)
# Words in another sense than the theme's: "a family group conference" is no child protection conference, "This is
# a serious oversight" a failure, not managers' oversight (a held-out report's top card, stop 46)
_OTHER_SENSE = ((re.compile(r"\bfamily group conferenc(?:e|es|ing)\b"), "family group meeting"),
                (re.compile(r"\b(?:an|a (?:serious|significant|major|clear|further)) oversight\b(?! (?:of|by|from)\b)"),
                 "an omission"),
                # adults' views are not the child's voice: "parents share their views", "the voice of carers"
                (re.compile(r"\b(?:(?:voices?|views|lived experience) of (?:the |their |other )?(?:parents?|carers?|"
                            r"foster carers|kinship carers|staff|workers|practitioners|partners|professionals|adults)|"
                            r"(?:parents|carers|staff|workers|practitioners|partners|professionals)['’]? (?:views|voices?)|"
                            r"(?:parents|carers) (?:\w+ ){0,3}?(?:share|give|express|voice) their views)\b"),
                 "adults opinions"),
                # the public's or adopters' enquiries are no section 47 enquiries (held-out, stop 47)
                (re.compile(r"\b(?:number of|initial|adoption|adopter|adopters'|fostering|prospective|public|general) "
                            r"enquiries\b"), "interest shown"))
LEARNT_WEIGHT = 0.25  # how much the library's own annotations count beside the codebook's cues (bench_suggestions.py)
MAX_THEMES, MIN_THEME_SCORE, KEEP_THEME = 3, 1.0, 0.75  # which of a sentence's ranked themes are suggested
CUE_THEME, CUE_MIN = True, 1.0  # the specific theme the codebook's cues (or the library's tags) favour most is kept
LEARNT_SHARE = 0.5  # a word teaches a theme where at least this share of the tags that hold it carry the theme
LEARNT_OWN_MIN = 2.0  # how much the library's tags must say for a theme to count as named
# ... unless it is a broad theme whose cue words sit in sentences about anything ("plan", "leaders",
# "partners"): on the development gold, a cue alone named these wrongly more often than rightly.
BROAD_THEMES = frozenset(("leadership", "partnership", "planning", "timeliness", "risk-safety", "assessment",
                          "workforce", "oversight", "front-door", "disabled-children", "health-education", "identity",
                          "cp-conferences"))  # (pre-proceedings and missing left it once their cues were specific:
# development left out, main theme 83.2% -> 83.6%, themes right 76.3% -> 76.1%)
PRIOR_WEIGHT = 0.5  # how much the shipped word prior (resources/theme_words.json) counts beside the cues


@lru_cache(maxsize=1)
def _prior() -> tuple[dict[str, dict[str, int]], dict[str, int], int, dict[str, float]]:
    """The theme word prior trained on the development corpus gold (bench/train_theme_words.py):
    per theme id, word counts; per word, how many tagged units it appeared in; the number of units;
    per theme id, how many units it was given to (a main theme counting 1, another 0.5)."""
    try:
        from reviewer.resources import read_text

        data = json.loads(read_text("theme_words.json"))
        return data["themes"], data["df"], int(data["units"]), data.get("theme_units", {})
    except Exception:  # noqa: BLE001 - a missing or damaged prior only means cues alone
        return {}, {}, 1, {}


MEANING_WEIGHT = 2.0  # how much the embedding's P(main theme | sentence) counts beside the rest (development left
# out, train_theme_words.py --cv: main theme / themes right 82.8/77.5 at 1.0, 83.2/77.8 at 2.0, 83.4/77.8 at 3.0,
# 83.3/77.8 at 4.0, 83.1/77.5 at 6.0; the letters' themes 79/62 at 2.0 against 78/60 at 4.0 chose among the flat)
MEANING_MIN = 0.01  # a theme the embedding gives less than this adds nothing


@lru_cache(maxsize=1)
def _meaning() -> tuple[list[str], list[float], WordScores] | None:
    """The embedding's theme model folded into per-word scores: (theme ids, their biases, the words'
    scores), or None where the file is missing or damaged (the rest then decides alone)."""
    try:
        from reviewer.resources import read_text

        data = json.loads(read_text("theme_meaning.json"))
        themes, bias = [str(t) for t in data["themes"]], [float(b) for b in data["bias"]]
        words = WordScores.from_json(data["words"])
        if words is None or words.width != len(themes) or len(bias) != len(themes):
            return None
        return themes, bias, words
    except Exception:  # noqa: BLE001 - a missing or damaged table only means the cues and the prior alone
        return None


def meaning_probabilities(sentence: str) -> dict[str, float]:
    """P(main theme | the sentence's words as the embedding reads them): a softmax over the folded model's
    scores; {} where there is no table or the sentence has no word it knows."""
    meaning = _meaning()
    if meaning is None:
        return {}
    themes, bias, words = meaning
    scores = words.mean(sentence)
    if scores is None:  # no word the table knows: the embedding has nothing to say
        return {}
    return softmax({tid: b + s for tid, b, s in zip(themes, bias, scores)})


NB_WEIGHT, NB_SMOOTH = 2.0, 1.0  # the naive Bayes reading of the prior: its weight beside the rest, its smoothing
# (chosen leave-one-document-out on development, train_theme_words.py --cv: 1.0 and 0.5 gave themes right 73%,
# these 76%, main theme 81% either way)


def _naive_bayes(words: set[str], counts: dict[str, dict[str, int]], vocab: dict[str, int],
                 theme_units: dict[str, float], totals: dict[str, int]) -> dict[str, float]:
    """P(theme | words) by multinomial naive Bayes over the prior's word counts: the prior read as a
    model, so one theme's strong evidence counts against the others (the additive prior does not).
    ``totals``: each theme's count of words."""
    if not counts or not theme_units:
        return {}
    total_units = sum(theme_units.values())
    size = len(vocab)
    logp = {}
    for tid, wc in counts.items():
        total = totals[tid]
        lp = math.log(theme_units.get(tid, 0.5) / total_units)
        for w in words:
            if w in vocab:
                lp += math.log((wc.get(w, 0) + NB_SMOOTH) / (total + NB_SMOOTH * size))
        logp[tid] = lp
    top = max(logp.values())
    z = sum(math.exp(v - top) for v in logp.values())
    return {tid: math.exp(v - top) / z for tid, v in logp.items()}


SENTENCES_KEPT = 1500  # sentences whose reading by the cues, the prior and the embedding is kept (ThemeModel._read)
_SENTENCES_READ: dict[tuple[object, str], tuple] = {}  # type: ignore[type-arg]


def forget_sentences() -> None:
    """Forget the sentences read (a training script that swaps the prior or the embedding's model between runs)."""
    _SENTENCES_READ.clear()


class ThemeModel:
    """Each theme's words: its cue phrases, the shipped word prior (for the default themes' ids) and
    the words of the annotations tagged with it."""

    def __init__(self, themes: Iterable[Theme], annotations: Iterable[Annotation] = (), prior: bool = True) -> None:
        self.themes = [t for t in themes if not t.retired]
        self.cues = {t.id: [fold(c).text for c in t.cues] for t in self.themes}
        self.cue_res = [(t.id, c, re.compile(rf"\b{re.escape(c)}")) for t in self.themes for c in self.cues[t.id] if c]
        self.reading_key = (prior, tuple((t.id, tuple(self.cues[t.id])) for t in self.themes))  # what _read depends on
        words, df, n, theme_units = _prior() if prior else ({}, {}, 1, {})
        nb_counts = {tid: c for tid, c in words.items() if tid in self.cues}
        self.nb = (nb_counts, df, theme_units, {tid: sum(c.values()) for tid, c in nb_counts.items()}) \
            if NB_WEIGHT else None
        self.meaning = prior and bool(MEANING_WEIGHT)
        self.prior = {tid: (words[tid], sum(words[tid].values())) for tid in self.cues if words.get(tid)}
        self.prior_idf = {w: math.log(1 + n / (1 + c)) for w, c in df.items()}
        self.learnt: dict[str, Counter[str]] = {t.id: Counter() for t in self.themes}
        self.docs: Counter[str] = Counter()
        n = 0
        for a in annotations:
            if a.orphaned:
                continue
            n += 1
            ws = quote_words(a.quote)
            self.docs.update(ws)
            for tid in a.themes:
                if tid in self.learnt:
                    self.learnt[tid].update(ws)
        self.n = max(1, n)
        self.learnt_total = {tid: sum(c.values()) for tid, c in self.learnt.items()}  # (read for every sentence)
        self.library = n > 0  # the library's annotations teach it

    def score(self, sentence: str) -> list[tuple[str, float]]:
        """The themes a sentence is about, best first, with their scores (cues, prior and learnt words)."""
        return [(tid, s) for tid, s, _ in self.evidence(sentence)]

    def evidence(self, sentence: str) -> list[tuple[str, float, float]]:
        """(theme id, score, the part of the score that is the codebook's cues and, where they say it
        plainly, the library's annotations), best first."""
        words, cue_score, nb, meant = self._read(sentence)
        out = []
        for t in self.themes:
            s = own = float(cue_score.get(t.id, 0))
            learnt = self.learnt[t.id]
            if learnt:
                total = self.learnt_total[t.id]
                taught = sum(LEARNT_WEIGHT * math.log(1 + self.n / (1 + self.docs[w])) * learnt[w] / total * 10
                             for w in words & learnt.keys() if learnt[w] >= LEARNT_SHARE * self.docs[w])
                s += taught
                if taught >= LEARNT_OWN_MIN:
                    own += taught  # the library's tags name this theme as plainly as a cue would
            prior = self.prior.get(t.id)
            if prior:
                counts, total = prior
                for w in words & counts.keys():
                    s += PRIOR_WEIGHT * self.prior_idf.get(w, 0.0) * counts[w] / total * 10
            if nb:
                s += NB_WEIGHT * nb.get(t.id, 0.0)
            if meant.get(t.id, 0.0) >= MEANING_MIN:
                s += MEANING_WEIGHT * meant[t.id]
            if s > 0:
                out.append((t.id, s, own))
        out.sort(key=lambda x: -x[1])
        return out

    def _read(self, sentence: str) -> tuple[set[str], Counter[str], dict[str, float], dict[str, float]]:
        """What the codebook's cues, the word prior and the embedding read in a sentence: its words, each
        theme's cues found, the naive Bayes and meaning probabilities. None of it depends on
        the library, so it is kept for the sentences read latest under the same cues (the window works a
        letter's suggestions out again after each decision: this was most of the time)."""
        key = (self.reading_key, sentence)
        known = _SENTENCES_READ.get(key)
        if known is not None:
            return known
        folded = folded_text(sentence)
        if ABSENT_NOT_MISSING and _ABSENT.search(folded) and not _GONE_MISSING.search(folded):
            # "the views of children are often missing", "reasons ... are frequently missing": something absent,
            # not children missing from home or care (read as the word that means it)
            folded = _MISSING_WORD.sub("absent", folded)
            sentence = _MISSING_WORD.sub("absent", sentence)
        for other, said in _OTHER_SENSE:
            folded = other.sub(said, folded)
            if other.search(sentence.lower()):
                sentence = other.sub(said, sentence.lower())  # (read by the meaning model too)
        words = {w for w in WORD.findall(folded) if w not in STOP_WORDS}
        hits: list[tuple[int, int, str, str]] = []  # start, end, theme id, cue
        for tid, cue, cue_re in self.cue_res:
            m = cue in folded and cue_re.search(folded)  # (where its letters are at all: 200 cues, read for every sentence)
            if m:
                hits.append((m.start(), m.end(), tid, cue_re.pattern))
        if FAMILY_CONTACT and (family := [m.span() for m in _FAMILY_CONTACT.finditer(folded)]):
            hits = [h for h in hits if not (folded[h[0]:h[1]].startswith("contact") and
                                            any(a <= h[0] < b for a, b in family))]
        if CARERS_SUPERVISION and _CARERS_SUPERVISED.search(folded):
            # foster carers' supervision by their supervising social workers: fostering, not managers' oversight
            hits = [h for h in hits if not folded[h[0]:h[1]].startswith("supervis")]
        if LONGEST_CUE:
            # a cue inside a longer cue of another theme ("plan" in "pathway plan") is that theme's word
            hits = [h for h in hits if not any(o[2] != h[2] and o[0] <= h[0] and h[1] <= o[1]
                                               and (o[1] - o[0]) > (h[1] - h[0]) for o in hits)]
        cue_score = Counter(tid for _, _, tid, _ in hits)
        nb = _naive_bayes(words, *self.nb) if self.nb else {}
        meant = meaning_probabilities(sentence) if self.meaning else {}
        read = (words, cue_score, nb, meant)
        if len(_SENTENCES_READ) >= SENTENCES_KEPT:
            _SENTENCES_READ.clear()  # (afresh: one step, safe with the window's worker and its summary reading at once)
        _SENTENCES_READ[key] = read
        return read

    def choose(self, ranked: Sequence[tuple[str, float, float]], severity: str | None = None,
               sentence: str = "") -> tuple[str, ...]:
        """The themes to suggest for ``sentence``, a passage of ``severity`` (None: not known), from its
        ranked evidence:
        those the shipped chooser (``ThemeChooser``, resources/theme_choice.json) finds likely enough, with
        the theme the library's tags name plainly; or where the chooser is missing or damaged, those the
        rule (``rule_choice``) keeps."""
        chooser = theme_chooser()
        if chooser is None:
            return rule_choice(ranked)
        chosen = chooser.choose(ranked, severity, sentence)
        named = plainly_named(ranked)
        if self.library and named and named[1] >= LEARNT_OWN_MIN and named[0] not in chosen:
            # the theme the library's own tags name plainly: the chooser learnt from the corpus, where the
            # auditor's own usage (a rare theme, a new one) was never seen
            chosen = (*chosen[:MAX_THEMES - 1], named[0])
        return chosen


def plainly_named(ranked: Sequence[tuple[str, float, float]]) -> tuple[str, float] | None:
    """The specific (not broad) theme the codebook's cues, or the library's tags said plainly, name most,
    with how much they say; None where no specific theme is ranked."""
    specific = [(tid, own) for tid, _, own in ranked if tid not in BROAD_THEMES]
    return max(specific, key=lambda t: (t[1], t[0]), default=None)


def rule_choice(ranked: Sequence[tuple[str, float, float]]) -> tuple[str, ...]:
    """The themes to suggest by rule: up to MAX_THEMES, each close to the best (the codebook's cues, the
    shipped word prior and the library's annotations together), and the specific theme the cues (or
    the library's tags, said plainly) name most, though the rest outweigh it. Broad themes' cues
    are not enough (BROAD_THEMES): on the development gold that raised themes right from 68% to 81%
    for a main theme of 89% either way."""
    if not ranked:
        return ()
    top = ranked[0][1]
    named = plainly_named(ranked)
    top_own = named[1] if named else 0.0
    return tuple(tid for tid, sc, own in ranked if sc >= max(MIN_THEME_SCORE, KEEP_THEME * top)
                 or CUE_THEME and tid not in BROAD_THEMES and own >= max(CUE_MIN, top_own))[:MAX_THEMES]


CHOICE_CANDIDATES = 5  # how many of the best-ranked themes the chooser weighs


def choice_features(ranked: Sequence[tuple[str, float, float]], severity: str | None,
                    sentence: str = "") -> list[tuple[str, dict[str, float]]]:
    """What ``ThemeChooser`` reads of each of a passage's best-ranked themes: its rank, its score beside the
    best one's, how much of it is the codebook's cues (or the library's tags said plainly), whether it is a
    broad theme, which theme it is (an auditor's own theme's id has no weight: it is weighed as the rest),
    how close the field is, the passage's severity, and each of the passage's words beside that theme
    (``theme|word``: what the auditor's choice of this theme over the others ranked with it turns on). The
    same features train the chooser (bench/train_theme_choice.py) and run it here."""
    best = list(ranked[:CHOICE_CANDIDATES])
    if not best or best[0][1] <= 0:
        return []
    top = best[0][1]
    close = sum(1 for _, sc, _ in best if sc >= 0.75 * top)
    gap = (top - best[1][1]) / top if len(best) > 1 else 1.0
    words = sorted(quote_words(sentence)) if sentence else []
    out = []
    for i, (tid, sc, own) in enumerate(best):
        f = {f"rank{i}": 1.0, "rel": sc / top, f"rel_r{min(i, 2)}": sc / top, "logsc": math.log1p(sc),
             "own": float(own > 0), "ownrel": own / top, "broad": float(tid in BROAD_THEMES), f"t:{tid}": 1.0,
             "close": float(close), "gap": gap, "logtop": math.log1p(top)}
        if severity:
            f[f"sev:{severity}"] = 1.0
        for w in words:
            f[f"{tid}|{w}"] = 1.0
        out.append((tid, f))
    return out


class ThemeChooser:
    """Which of a passage's ranked themes to suggest: a logistic regression over ``choice_features`` giving
    each candidate the probability that the auditor would give the passage that theme, trained on the
    development corpus gold by bench/train_theme_choice.py (each document's evidence read with the word
    prior and the embedding's model left out of it) and shipped as resources/theme_choice.json (weights
    only). The most likely theme is suggested, and the others at least ``threshold`` likely and at least
    ``relative`` of the first's probability, up to MAX_THEMES."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float, relative: float) -> None:
        self.weights, self.bias, self.threshold, self.relative = weights, bias, threshold, relative

    @classmethod
    def from_json(cls, data: dict) -> ThemeChooser:
        if int(data.get("candidates", CHOICE_CANDIDATES)) != CHOICE_CANDIDATES:
            raise ValueError("theme_choice.json: trained on another number of candidates")
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                   float(data["threshold"]), float(data["relative"]))

    def probabilities(self, ranked: Sequence[tuple[str, float, float]], severity: str | None,
                      sentence: str = "") -> list[tuple[str, float]]:
        """Each candidate theme with its probability, most likely first."""
        out = [(tid, sigmoid(self.bias + sum(self.weights.get(k, 0.0) * v for k, v in f.items())))
               for tid, f in choice_features(ranked, severity, sentence)]
        return sorted(out, key=lambda x: -x[1])

    def choose(self, ranked: Sequence[tuple[str, float, float]], severity: str | None = None,
               sentence: str = "") -> tuple[str, ...]:
        probs = self.probabilities(ranked, severity, sentence)
        if not probs:
            return ()
        first = probs[0][1]
        return tuple(tid for i, (tid, p) in enumerate(probs)
                     if i == 0 or p >= self.threshold and p >= self.relative * first)[:MAX_THEMES]


@lru_cache(maxsize=1)
def theme_chooser() -> ThemeChooser | None:
    """The shipped chooser, or None where its file is missing or damaged (then the rules choose)."""
    try:
        from reviewer.resources import read_text

        return ThemeChooser.from_json(json.loads(read_text("theme_choice.json")))
    except Exception:  # noqa: BLE001 - a missing or damaged chooser only means the rules choose
        return None


# The theme a graded section is about, when its heading names one: a sentence under "The experiences and
# progress of care leavers" is about care leavers even when it does not say so.
SECTION_THEMES = ((re.compile(r"care leavers?|care-experienced|leaving care", re.I), "care-leavers"),
                  (re.compile(r"\badoption\b", re.I), "permanence"),
                  (re.compile(r"impact of leaders|leadership|management and governance", re.I), "leadership"))
SECTION_THEME_WEIGHT = 1.0
LONGEST_CUE = True


def title_theme(title: str) -> str | None:
    for pattern, tid in SECTION_THEMES:
        if pattern.search(title) and not (tid == "care-leavers" and re.search(
                r"children in care|looked after|permanence", title, re.I)):
            return tid
    return None


def section_theme(part: Part | None) -> str | None:
    if part is None or part.kind not in ("judgement", "heading", "headline"):
        return None
    return title_theme(part.title)
