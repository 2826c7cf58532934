"""The judgements an inspection report gives, with their grades, read from its text.

Names follow the published record: ``overall_effectiveness``, ``impact_of_leaders``,
``help_and_protection``, ``in_care``, ``care_leavers`` (and ``adoption`` in reports of 2014-18).
Grades are lower case: "outstanding", "good", "requires improvement", "inadequate". A judgement
the report does not give is absent. Reports under the single inspection framework (2013-18)
name them differently ("Children looked after and achieving permanence", "Leadership,
management and governance"); they are mapped to the same names.
"""

from __future__ import annotations

import re

_GRADE = r"(Outstanding|Good|Requires improvement(?: to be good)?|Inadequate)"

# heading (as the report words it) -> judgement name; the first that matches wins
_NAMES = (
    (r"impact of leaders", "impact_of_leaders"),
    (r"leadership,? management and governance", "impact_of_leaders"),
    (r"children who need help and protection", "help_and_protection"),
    (r"children in care and care leavers", "in_care"),
    (r"children in care", "in_care"),
    (r"children looked after", "in_care"),
    (r"adoption performance", "adoption"),
    (r"care leavers", "care_leavers"),
    (r"overall effectiveness", "overall_effectiveness"),
)


LABELS = {"overall_effectiveness": "Overall effectiveness", "impact_of_leaders": "Impact of leaders",
          "help_and_protection": "Help and protection", "in_care": "Children in care",
          "care_leavers": "Care leavers", "adoption": "Adoption performance"}


def short_label(heading: str) -> str | None:
    """A judgement heading's short name ("Children in care"), or None when it names no judgement."""
    name = _name(heading)
    return LABELS[name] if name else None


def _grade(word: str) -> str:
    w = word.lower()
    return "requires improvement" if w.startswith("requires improvement") else w


def _name(heading: str) -> str | None:
    h = heading.lower()
    for pat, name in _NAMES:
        if re.search(pat, h):
            return name
    return None


def read_judgements(flat: str) -> dict[str, str]:
    """Judgement name -> grade from the report's text (white space collapsed)."""
    out: dict[str, str] = {}
    table = re.search(r"Judgement\s+Grade\s+(.{0,900})", flat)
    if table:  # ILACS (2018-): "Judgement Grade <heading> <grade> <heading> <grade> ..."
        for m in re.finditer(rf"((?:The |Overall )[^.]{{3,140}}?)\s+{_GRADE}\b", table.group(1)):
            name = _name(m.group(1))
            if name and name not in out:
                out[name] = _grade(m.group(2))
            if name == "overall_effectiveness":
                break
        return out
    sif = re.search(r"overall judgement is that children['’]s services (?:are|is|require) "
                    r"(outstanding|good|inadequate|improvement)", flat[:6000], re.I)
    if sif:  # the single inspection framework (2013-18)
        word = sif.group(1).lower()
        out["overall_effectiveness"] = "requires improvement" if word == "improvement" else word
        listed = re.search(r"contribute to overall effectiveness are:?\s+(.{0,700})", flat[:8000])
        if listed:
            for m in re.finditer(rf"\d(?:\.\d)?\.?\s+([A-Z][^.]{{3,120}}?)\s+{_GRADE}\b", listed.group(1)):
                name = _name(m.group(1))
                if name and name not in out:
                    out[name] = _grade(m.group(2))
    return out
