"""What the shipped models read of a unit, and which units each of them decides.

The rules (core.reading.severity.verdict) read every unit and give, beside their verdict, the features a model
weighs (``unit_features``). Two models were trained on what the rules read of the development corpus gold:
the second reading of the rules' strengths, weaknesses and silences (``severity_review``, the units
``reviewable``) and the model that tells a failing service's priority actions from its areas for improvement
(``failing_priority_model``, the units ``failing_weakness``), which also reads what a weakness shares with the
report's own areas for priority action (``listed_overlap``) and the rules' reading of the unit after it
(``next_unit_features``). core.reading.readings asks them in the app, bench/train_severity.py and
bench/train_priority.py in training: one owner, so both read alike. Either model missing or damaged, the rules
alone decide.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache

from reviewer.core.reading.learning import FailingPriorityModel, SeverityReview
from reviewer.core.reading.theming import STOP_WORDS, WORD
from reviewer.core.reading.wording import NEGATORS
from reviewer.core.text.textsearch import folded_text


def _bin(n: float) -> str:
    return "0" if n <= 0 else "1" if n <= 1 else "2" if n <= 2 else "3+"


def unit_features(flat: str, section: str | None, doc_grade: str | None, kind: str | None, rule: str | None,
                  conf: float, tone: tuple[float, float, float], harm: int, flags: Iterable[str],
                  prev_rule: str | None) -> dict[str, float]:
    """What ``SeverityLearner`` (and bench/train_severity.py's trial model) reads of a unit: the rules' verdict and the evidence behind it, where the
    unit sits, and its words (crossed with an inadequate setting, where a weakness may be a priority)."""
    strong, weak, serious = tone
    rule_id = rule or "none"
    f: dict[str, float] = {"bias": 1.0, f"r:{rule_id}": 1.0, f"rc:{rule_id}": conf, f"s:{section or '-'}": 1.0,
                           f"d:{doc_grade or '-'}": 1.0, f"k:{kind or '-'}": 1.0,
                           f"rs:{rule_id}|{section or '-'}": 1.0, f"st:{_bin(strong)}": 1.0,
                           f"wk:{_bin(weak)}": 1.0, f"se:{_bin(serious)}": 1.0, f"h:{_bin(harm)}": 1.0,
                           f"sw:{_bin(strong - weak) if strong > weak else '-' + _bin(weak - strong)}": 1.0,
                           f"p:{prev_rule or 'none'}": 1.0}
    n = len(flat.split())
    f["len:" + ("<10" if n < 10 else "<20" if n < 20 else "<35" if n < 35 else "35+")] = 1.0
    for flag in flags:
        f["f:" + flag] = 1.0
    bad = section == "grade:inadequate" or doc_grade == "inadequate"
    for w in set(WORD.findall(folded_text(flat))):
        if w in STOP_WORDS and w not in NEGATORS:
            continue
        f["w:" + w] = 1.0
        if bad:
            f["wi:" + w] = 1.0
    return f


LISTED_OVERLAP = True  # a failing service's weakness on what the inspectors' own areas for priority action name
# (the words it shares with the nearest of them): a feature FailingPriorityModel weighs
_EVERYWHERE = frozenset(("children", "child", "young", "people", "person", "their", "social", "work", "workers",
                         "worker", "services", "service", "local", "authority", "families", "family", "ensure",
                         "improve", "improved", "improving", "needs", "need", "including", "quality"))


def listed_words(quote: str) -> frozenset[str]:
    """An item's or a unit's telling words: of four letters or more, neither a stop word nor one every
    finding of a children's services report shares ("children", "social", "ensure")."""
    return frozenset(w for w in WORD.findall(folded_text(quote)) if len(w) >= 4 and w not in STOP_WORDS
                     and w not in _EVERYWHERE)


def listed_overlap(flat: str, priority_items: list[frozenset[str]], other_items: list[frozenset[str]]) -> dict[str, float]:
    """What a failing service's weakness shares with the inspectors' listed items: "pa:<n>" the most telling
    words it shares with one area for priority action (0-3, 3 for more), "ia:<n>" the same of its areas for
    improvement, "pa:nearer" where it shares more with one of the first than with any of the second, and
    "pa:none" where the report lists no area for priority action."""
    if not priority_items:
        return {"pa:none": 1.0}
    words = listed_words(flat)
    near = max(len(words & item) for item in priority_items)
    other = max((len(words & item) for item in other_items), default=0)
    out = {f"pa:{min(near, 3)}": 1.0, f"ia:{min(other, 3)}": 1.0}
    if near > other:
        out["pa:nearer"] = 1.0
    return out


NEXT_UNIT = ("r:", "f:", "sw:", "wk:")  # what the priority model reads of the unit after a failing weakness


def next_unit_features(following: dict[str, float] | None) -> dict[str, float]:
    """What ``FailingPriorityModel`` reads of the unit after a failing service's weakness: the rules' verdict on
    it and its evidence ("nx:r:priority", "nx:f:atrisk", "nx:sw:-2" ...), from ``following``, that unit's
    features as the rules gave them; "nx:none" where the weakness is the document's last. A finding the next
    sentence spells out as harm ("As a result, children are left at risk") is more often a priority action
    (development, left out by authority: failing-service priority F1 69.9% -> 71.2%)."""
    if following is None:
        return {"nx:none": 1.0}
    return {f"nx:{k}": v for k, v in following.items() if k.startswith(NEXT_UNIT)}


def failing_weakness(severity: str | None, section: str | None, doc_grade: str | None) -> bool:
    """A weakness the rules found under an inadequate judgement (the section's own, or where no section
    grades it, the report's), not one of the inspectors' listed items: what ``FailingPriorityModel`` weighs,
    in the app and in bench/train_priority.py alike."""
    return severity in ("improvement", "priority") and (
        section == "grade:inadequate" or section is None and doc_grade == "inadequate")


@lru_cache(maxsize=1)
def failing_priority_model() -> FailingPriorityModel | None:
    """The shipped model (resources/failing_priority.json), or None where it is missing or damaged: then
    the rules alone decide, as they did before it."""
    try:
        from reviewer.resources import read_text

        return FailingPriorityModel.from_json(json.loads(read_text("failing_priority.json")))
    except Exception:  # noqa: BLE001 - a missing or damaged model only means the rules alone
        return None


def reviewable(severity: str | None, section: str | None, doc_grade: str | None, features: dict[str, float]) -> bool:
    """A unit whose rules' verdict ``SeverityReview`` weighs, in the app and in bench/train_severity.py
    alike: a strength, an area for improvement that is not a failing service's weakness (those are
    ``FailingPriorityModel``'s), or a unit the rules leave untagged, except where that is DOMAIN's rule:
    what an earlier inspection found, what is planned or under way (context, never a current finding), and
    what is said to be still to do (an area for improvement)."""
    if severity is None:
        return "f:earlier" not in features and "f:underway" not in features
    if "f:still" in features or section in ("improvement", "priority"):
        return False  # "there is more to do", "would benefit from", and whatever the inspectors list under What
        # needs to improve: DOMAIN's amber at least, whatever the judgement around it
    return severity == "strength" or severity == "improvement" and not failing_weakness(severity, section, doc_grade)


@lru_cache(maxsize=1)
def severity_review() -> SeverityReview | None:
    """The shipped second reading (resources/severity_review.json), or None where it is missing or
    damaged: then the rules' verdicts stand, as they did before it."""
    try:
        from reviewer.resources import read_text

        return SeverityReview.from_json(json.loads(read_text("severity_review.json")))
    except Exception:  # noqa: BLE001 - a missing or damaged model only means the rules alone
        return None
