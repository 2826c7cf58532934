"""The judgements an inspection report gives, with their grades, read from its text.

Names follow the published record: ``overall_effectiveness``, ``impact_of_leaders``,
``help_and_protection``, ``in_care``, ``care_leavers`` (and ``adoption`` in reports of 2013-18).
Grades are lower case: "outstanding", "good", "requires improvement", "inadequate" (and "adequate" in
inspections of 2009-13, whose four-point scale had it in third place). A judgement
the report does not give is absent: reports of 2018-23 have no separate care leavers judgement
("children in care and care leavers" is ``in_care``), reports from 2026 no overall effectiveness.

Reports under the single inspection framework (2013-18) name them differently and put them in a
list on the first page: "1. Children who need help and protection", "2. Children looked after and
achieving permanence" with its sub-judgements "2.1 Adoption performance" and "2.2 Experiences and
progress of care leavers", "3. Leadership, management and governance"; the overall judgement is a
sentence ("The overall judgement is that children's services require improvement", "Children's
services in X are good"). They are mapped to the same names. The review of the Local Safeguarding
Children Board, graded in the same reports, is not a judgement on the local authority and is left out.
"""

from __future__ import annotations

import re

GRADE = r"(Outstanding|Good|Requires?\s+improvement(?:\s+to\s+be\s+good)?|Inadequate)"  # the one grade pattern


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


# The judgements a sentence of a report's summary names, in its own words ("children in need of help and
# protection", "looked after children"): what ``readings`` weighs such a sentence by
_NAMED_IN_SENTENCE = (("help_and_protection", re.compile(r"\bhelp and protection\b|\bneed of (?:help|protection)\b|"
                                                         r"\bneed help and protection\b")),
                      ("in_care", re.compile(r"\bchildren (?:in care|looked after)\b|\blooked[- ]after children\b")),
                      ("care_leavers", re.compile(r"\bcare leavers\b")))


def judgements_named(low: str) -> list[str]:
    """The judgements (help and protection, children in care, care leavers) a lower-cased sentence names."""
    return [name for name, pat in _NAMED_IN_SENTENCE if pat.search(low)]


BOARD = "lscb"  # the review of the Local Safeguarding Children Board a 2013-18 report carries with it
LABELS = {"overall_effectiveness": "Overall effectiveness", "impact_of_leaders": "Impact of leaders",
          "help_and_protection": "Help and protection", "in_care": "Children in care",
          "care_leavers": "Care leavers", "adoption": "Adoption performance", BOARD: "Safeguarding children board"}
# as a single-inspection-framework report (2013-18) names them: what a letter's own details and outline say
# (the exports' columns keep the one set of names, across every framework)
SIF_LABELS = {**LABELS, "impact_of_leaders": "Leadership, management and governance",
              "in_care": "Children looked after", "help_and_protection": "Help and protection",
              BOARD: "Local Safeguarding Children Board"}
# and in its order: the adoption and care leavers sub-judgements after children looked after, the board last
SIF_ORDER = ("overall_effectiveness", "help_and_protection", "in_care", "adoption", "care_leavers",
             "impact_of_leaders", BOARD)


SIF_SUB = frozenset(("adoption", "care_leavers"))  # graded under children looked after in a 2013-18 report


def is_sub_judgement(name: str, framework: str | None = None) -> bool:
    """Whether a judgement is graded under another in its report's framework (a 2014 report's adoption
    performance and care leavers, under children looked after)."""
    return name in SIF_SUB and (framework or "").startswith("sif")


def in_order(judgements: dict[str, str], framework: str | None = None) -> list[tuple[str, str]]:
    """A report's (judgement, grade) pairs in the order its framework lists them (a 2014 report: help and
    protection, children looked after with adoption and care leavers under it, leadership, then the board's)."""
    order = SIF_ORDER if (framework or "").startswith("sif") else tuple(LABELS)
    known = [(name, judgements[name]) for name in order if name in judgements]
    return known + [(k, v) for k, v in judgements.items() if k not in order]


def label(name: str, framework: str | None = None) -> str:
    """A judgement's name as the report's own framework words it ("Leadership, management and governance" in
    a 2014 report, "Impact of leaders" in a 2024 one)."""
    return (SIF_LABELS if (framework or "").startswith("sif") else LABELS).get(name, name)


def judgement_name(heading: str) -> str | None:
    """The judgement a heading names ("care_leavers"), or None when it names none."""
    return _name(heading)


def short_label(heading: str) -> str | None:
    """A judgement heading's short name ("Children in care"; under a single-inspection-framework heading, in
    its own words: "Leadership, management and governance"), or None when it names no judgement."""
    name = _name(heading)
    if name is None:
        # the board's review, graded in a 2013-18 report ("The Local Safeguarding Children Board requires
        # improvement"): its name as that report gives it, not the heading with its grade again (h27)
        return SIF_LABELS[BOARD] if re.search(r"\bsafeguarding children board\b|\blscb\b", heading, re.I) else None
    sif = any(re.search(pat, heading, re.I) for pat, _ in _SIF_ROWS)
    return label(name, "sif" if sif else None)


def grade_of(word: str) -> str:
    """A grade as the record names it: "outstanding", "good", "requires improvement", "inadequate"."""
    w = " ".join(word.lower().split())
    return "requires improvement" if w.startswith("requires improvement") or w.startswith("require") else w


def _name(heading: str) -> str | None:
    h = " ".join(heading.lower().split())
    if "safeguarding children board" in h or "lscb" in h:
        return None
    for pat, name in _NAMES:
        if re.search(pat, h):
            return name
    return None


# ILACS (2018-): "Judgement Grade" and then heading, grade, heading, grade ... one after the other
# (a council's paper copies the table without "The": "Impact of leaders on …", "Experiences and progress of …";
# a table may capitalise a grade, "Requires Improvement to be good", and the row after it still counts; a row's name
# may end with a full stop: "… with children and families.")
# (a row's name never runs on into the next row's, as it would past a grade cell left empty: "The impact of leaders …
# The experiences and progress of children who need help and protection Requires improvement" is no grade of leaders)
_ILACS_ROW = re.compile(rf"\s*((?:The|Overall|Impact|Experiences)\s(?:(?!\s(?:The|Overall|Impact|Experiences)\s)"
                        rf"[A-Za-z ,’'\-]){{3,140}}?)\.?\s+(?i:{GRADE})\b")

# The single inspection framework's list, numbered or not
_SIF_ROWS = (
    (r"(?:\d\.\s*)?Children who need help and protection", "help_and_protection"),
    (r"(?:\d\.\s*)?Children looked after and achieving permanence", "in_care"),
    (r"(?:2\.1\s*)?Adoption performance", "adoption"),
    (r"(?:2\.2\s*)?Experiences and progress of care leavers", "care_leavers"),
    (r"(?:\d\.\s*)?Leadership,? management and governance", "impact_of_leaders"),
)
_SIF_OVERALL = re.compile(
    r"(?:overall judgement is(?:\s+that)?(?:\s+children['’]s services)?|Children['’]s services in\s[^.]{2,90}?)"
    r"\s+(?:are\s+|is\s+|were\s+)?(requires?\s+improvement|outstanding|good|inadequate)\b", re.I)


_ILACS_FIRST_ROW = re.compile(r"\b(?:The\s+impact|Impact|The\s+experiences|Experiences|Overall\s+effectiveness)\b")


def _ilacs_table(flat: str) -> dict[str, str] | None:
    table = re.search(r"\bJudgement\s+Grade\b", flat[:6000])
    if not table:  # a paper's copy of the table under headers of its own ("Area", "Ofsted judgement") or none:
        for first in _ILACS_FIRST_ROW.finditer(flat[:20000]):  # three rows or more, one after another
            rows = _ilacs_rows(flat, first.start())
            if len(rows) >= 3:
                return rows
        return None
    return _ilacs_rows(flat, table.end()) or None


def _ilacs_rows(flat: str, pos: int) -> dict[str, str]:
    """The judgement table's rows from ``pos``, one after another, each judgement's first grade."""
    out: dict[str, str] = {}
    while True:
        m = _ILACS_ROW.match(flat, pos)
        if not m:
            break
        name = _name(m.group(1))
        if name is None:
            break
        out.setdefault(name, grade_of(m.group(2)))
        pos = m.end()
    return out


def _sif_list(flat: str) -> dict[str, str]:
    first = flat[:6000]
    cut = re.search(r"\b(?:Executive summary|Contents)\b", first)
    if cut and cut.start() > 300:
        first = first[:cut.start()]
    out: dict[str, str] = {}
    sif = _SIF_OVERALL.search(first)
    if sif:
        out["overall_effectiveness"] = grade_of(sif.group(1))
    elif row := re.search(rf"\bOverall effectiveness\s+{GRADE}\b", first, re.I):
        out["overall_effectiveness"] = grade_of(row.group(1))  # a paper's copy of the list, the overall row first
    for pat, name in _SIF_ROWS:
        # (a footnote's mark may stand between: "Leadership, management and governance 1 Outstanding")
        m = re.search(rf"{pat}(?:\s*\d{{1,2}})?\s+{GRADE}\b", first, re.I)
        if m and name not in out:
            out[name] = grade_of(m.group(1))
    if len(out) < 2:  # a sentence that merely sounds like a judgement, not the report's list
        return {}
    return out


# Inspections of looked-after children's and safeguarding services (2009-13) grade on a four-point scale
# with "adequate" in third place: "Overall effectiveness of services for looked after children and young
# people Grade 3 (Adequate)"
_GRADED_2013 = re.compile(
    r"\bOverall effectiveness of (?:the )?(?:services|safeguarding services)\b[^.]{0,90}?\s+Grade\s+[1-4]\s*\(\s*"
    r"(Outstanding|Good|Adequate|Inadequate)\s*\)", re.I)


def _graded_2013(flat: str) -> dict[str, str]:
    m = _GRADED_2013.search(flat[:20000])
    return {"overall_effectiveness": m.group(1).lower()} if m else {}


# "The effectiveness of the Local Safeguarding Children Board (LSCB) is requires improvement" (2014), "The Local
# Safeguarding Children Board is inadequate" (2016), "The Local Safeguarding Children Board requires improvement":
# the board's own judgement, said whole (not "the LSCB is good at …")
_BOARD_SAID = (
    r"\b(?:The\s+effectiveness\s+of\s+the\s+|The\s+)(?:Local\s+Safeguarding\s+Children\s+Board|LSCB)(?:\s*\(LSCB\))?\s+"
    r"(?:(?:is|are)\s+(?:judged\s+(?:to\s+be\s+)?)?)?(outstanding|good|requires\s+improvement(?:\s+to\s+be\s+good)?|"
    r"inadequate)")
_BOARD_GRADE = re.compile(_BOARD_SAID + r"(?:\s+because)?\s*(?:[.:]|$|[A-Z0-9])")
_BOARD_HEADING = re.compile(r"\s*" + _BOARD_SAID + r"\s*\.?\s*")  # (said whole, on its own)


def board_heading(title: str) -> str | None:
    """The grade where a heading is the board's judgement said whole ("The Local Safeguarding Children Board is
    good.", "The LSCB requires improvement"), not a list's lead-in ("… requires improvement because:") nor a
    sentence about the board: the outline grades the board's section by it."""
    m = _BOARD_HEADING.fullmatch(title)
    return grade_of(m.group(1)) if m else None


def board_judgement(flat: str) -> str | None:
    """The grade a single-inspection-framework report gives the Local Safeguarding Children Board it reviewed
    (white space collapsed), or None where it reviewed none."""
    m = _BOARD_GRADE.search(flat)
    return grade_of(m.group(1)) if m else None


# A council paper's telling of its inspection's grades in sentences ("Overall effectiveness was judged to be good.
# The impact of leaders, help and protection, and children in care were all judged good; the experiences of care
# leavers were judged to require improvement."): each judgement the clause names before its verb takes its grade
_TOLD_NAMES = (
    (r"overall effectiveness", "overall_effectiveness"),
    (r"impact of leaders|leadership, management and governance", "impact_of_leaders"),
    (r"help and protection", "help_and_protection"),
    (r"children in care and care leavers|children looked after and care leavers", "in_care"),
    (r"children in care|children looked after|looked[- ]after children", "in_care"),
    (r"care leavers", "care_leavers"),
)
_TOLD_GRADE = re.compile(r"\b(?:was|were|is|are)\s+(?:all\s+|both\s+|each\s+)?(?:judged|rated|graded)\s+(?:as\s+|to\s+"
                         r"(?:be\s+)?)?[‘'\"“]?(outstanding|good|inadequate|requires?\s+improvement)\b", re.I)
# nor what the clause denies, supposes, wishes for or says of other councils ("Neither overall effectiveness nor help
# and protection was judged good", "If overall effectiveness is judged inadequate; …", "Our ambition is that overall
# effectiveness is judged outstanding; …", "Councils where overall effectiveness is judged inadequate …")
_NOT_TOLD = re.compile(r"\b(?:neither|nor|not|never|if|unless|whether|where|ambitions?|aims?|aspir\w*|want\w*|ensure|"
                       r"sure|targets?|would|could|should|will|councils|authorities|nationally)\b|%", re.I)
_EARLIER = re.compile(r"\b(?:previous(?:ly)?|last inspect(?:ion|ed)|earlier|since|in (?:19|20)\d\d)\b", re.I)


def told_judgements(flat: str) -> dict[str, str]:
    """The judgements a paper tells in its sentences (white space collapsed), where it tells two or more; none
    of an earlier inspection ("help and protection was previously judged inadequate", "We were last inspected in
    2019, when … was judged good. The impact of leaders … were all judged good.": the sentences that go on
    telling grades after one of an earlier inspection tell that one's)."""
    out: dict[str, str] = {}
    earlier = False
    for sentence in re.split(r"(?<=[.!?])\s+", flat[:12000]):
        if not _TOLD_GRADE.search(sentence):
            earlier = False
            continue
        for clause in sentence.split(";"):
            m = _TOLD_GRADE.search(clause)
            if m and _EARLIER.search(clause):
                earlier = True
            if not m or earlier or _NOT_TOLD.search(clause, 0, m.start()):
                continue
            named = clause[:m.start()].lower()
            for pat, name in _TOLD_NAMES:
                if re.search(rf"\b(?:{pat})\b", named):
                    out.setdefault(name, grade_of(m.group(1)))
                    named = re.sub(rf"\b(?:{pat})\b", " ", named)  # ("children in care and care leavers": one)
    return out if len(out) >= 2 else {}


def read_judgements(flat: str) -> dict[str, str]:
    """Judgement name -> grade from the report's text (white space collapsed)."""
    return _ilacs_table(flat) or _sif_list(flat) or _graded_2013(flat)
