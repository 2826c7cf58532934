"""The document walked unit by unit: where each sentence and bullet sits, and what the rules read of it.

For every unit worth a suggestion, ``readings`` says where it sits (its section: "What needs to improve",
areas for priority action, a judgement's grade in the heading above; the report's own grade), leaves out
what is never tagged (headings, furniture, address blocks, the judgement table, sections about the area
or the inspection, boilerplate, a paper's own words, a response table's council cells), and gives
core.reading.severity's verdict where it sits, with the shipped models' second reading and, under an
inadequate judgement, which weaknesses are priority actions. core.reading.suggest turns these readings
into suggestions, with themes and what the auditor has taught.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from reviewer.core.reading.inspectors_list import LEAD_IN, PARA_REF, inspectors_items, item_words, list_end
from reviewer.core.reading.judgements import judgement_name, judgements_named, read_judgements
from reviewer.core.reading.metadata import document_kind
from reviewer.core.reading.outline import (TO_MEMBERS, Part, Structure, analyse, papers_own, tells_what_was_done,
                                           unit_quote)
from reviewer.core.reading.sentences import BULLET_OPENS, LIST_HEADING
from reviewer.core.reading.stories import (TELLING, leads_with_form, not_a_finding, paper_form_spans, relays_finding,
                                           speaker_after, stated_severity, story_grade)
from reviewer.core.reading.earlier import (ACCOUNT_TOLD, judgement_under_earlier_heading, opens_earlier_account,
                                           retells_earlier_judgement, told_in_the_past)
from reviewer.core.reading.model_inputs import (LISTED_OVERLAP, failing_priority_model, failing_weakness,
                                                listed_overlap, listed_words, next_unit_features, reviewable,
                                                severity_review)
from reviewer.core.reading.severity import mostly_so, verdict
from reviewer.core.reading.theming import title_theme
from reviewer.core.reading.wording import tone
from reviewer.core.text.textsearch import collapse_ws

CONTEXT = ("inspectors looked at", "this letter summarises", "inspectors considered", "this visit was carried out",
           "ofsted will take", "yours sincerely", "the inspectors were", "inspectors for this visit",
           "this was the", "dear ", "inspectors reviewed", "inspectors evaluated", "inspectors spoke",
           "inspectors met with", "inspectors also considered", "the focus of this visit", "areas covered by",
           "fictional letter",
           "the lead inspector was", "the lead inspector is",
           # what the area calls its care leavers ("… prefer to be known as care-experienced young people, and
           # this term is used throughout this report"): a word on terms, no finding
           "prefer to be known as", "known as care-experienced", "known as care experienced",
           "referred to as care-experienced", "term is used throughout")



# What the inspectors did, said as the sentence's own subject ("Inspectors spoke to ...", "During the visit,
# inspectors met with ..."), not a finding that mentions them ("Social workers whom inspectors spoke to feel ...");
# read where it carries a finding of its own ("Inspectors met with five care leavers who are very positive about
# the support they receive": a development strength left out)
_INSPECTORS_DID = re.compile(r"^\W*(?:[\w ]{0,30}, )?(?:the )?(?:" + "|".join(
    re.escape(c) for c in CONTEXT if c.startswith("inspectors")) + ")")
_CONTEXT_ANYWHERE = tuple(c for c in CONTEXT if not c.startswith("inspectors"))  # the rest: wherever they stand
# The area's need, a fact of the place ("There is a high prevalence of neglect"); not a finding that names it
# ("Information on the prevalence of domestic abuse … is not routinely collated", a new user's missed weakness;
# "… greater emphasis on the increasing prevalence of online grooming", a development strength)
_AREA_NEED = re.compile(r"^\W*there (?:is|are) (?:a |an )?(?:very |particularly )?(?:high|higher|low|significant|"
                        r"increasing|rising|growing) (?:levels? of |rates? of )?prevalence of\b|"
                        r"^\W*the prevalence of [^.;]{0,80}\b(?:is|are|remains?) (?:very |particularly )?(?:high|higher|"
                        r"above|increasing|rising|significant)\b")
_NOT_GOOD = re.compile(r"\bnot (?:yet |consistently |always )?(?:good|outstanding)\b")  # "... is not consistently good"
# A sentence that only brings on a list ("Ofsted identified the following areas for priority action:"): its
# items are what is tagged
_BRINGS_ON_LIST = re.compile(r"\b(?:the following|as follows)\b[^.;]*:\s*$", re.I)


_WHOSE_DEFINITIONS = re.compile(r"^\W*(?:the )?(?:local authority|lscb|local safeguarding children(?:'s)? board|"
                                r"safeguarding partnership)\W*$", re.I)


def _neutral_parts(st: Structure) -> set[int]:
    """The starts of the parts whose sentences describe the area or the inspection (``_NEUTRAL_SECTION``),
    with the sub-headings "The local authority", "The LSCB" that older reports set under "What the inspection
    judgements mean" (the grade definitions go on under them)."""
    out: set[int] = set()
    carrying = False
    for p in st.parts:
        if p.level != 1:
            continue
        if p.kind not in ("heading", "headline"):
            carrying = False
            continue
        if _NEUTRAL_SECTION.search(p.title) or papers_own(p.title) or \
                carrying and _WHOSE_DEFINITIONS.match(p.title.split("\n", 1)[0]):
            out.add(p.start)
            carrying = True
        else:
            carrying = False
    return out


# A report's own list of the authority's strengths, its items the inspectors' (2014-16 reports: "The local
# authority's strengths", "The local authority has the following strengths:"; not "Key strengths and weaknesses")
STRENGTHS_HEADING = re.compile(r"^(?:the )?(?:local authority|council|lscb|board)(?:['’]s| has the following) "
                               r"(?:key )?strengths\s*:?\s*$", re.I)


def _heading_kind(line: str) -> str | None:
    """The tone a heading sets for what follows it, whether the outline made it a part or it stands in a
    paragraph (none where it tells what a council has done since: ``tells_what_was_done``)."""
    low = line.lower()
    if tells_what_was_done(line):
        return None
    if re.search(r"areas? for priority action|priority action|immediate action", low):
        return "priority"
    if re.search(r"what needs to improve|areas? for improvement|recommendations? for improvement|"
                 r"what does the (?:local authority|lscb) need to improve", low):
        return "improvement"
    if STRENGTHS_HEADING.search(low):  # the report's own list of strengths: read as under a good judgement
        return "grade:good"
    if re.search(r"\binadequate\b|\bserious weaknesses\b", low):  # SIF: "... has serious weaknesses and is not yet good"
        return "grade:inadequate"
    if re.search(r"requires? improvement", low):
        return "grade:requires improvement"
    if re.search(r"\b(good|outstanding)\b", low) and len(low) < 140 and not _NOT_GOOD.search(low):
        return "grade:good"
    return None


def _tone_of(part: Part | None) -> str | None:
    """The tone a section's heading sets for the sentences under it."""
    if part is None:
        return None
    if part.kind == "priority":
        return "priority"
    if part.kind == "improve":
        return "improvement"
    if part.kind == "judgement" and part.grade:
        return "grade:" + ("good" if part.grade == "outstanding" else part.grade)
    if part.kind in ("heading", "headline", "title"):
        return _heading_kind(part.title) if part.kind == "heading" else None
    return None




# Sections whose sentences describe the authority or the inspection rather than judge practice (SIF
# reports' "Information about this local authority area", contact boilerplate, saved web pages).
_NEUTRAL_SECTION = re.compile(
    r"in this area\b|information about this|other ofsted inspections|previous ofsted inspections|"
    r"other information about|^local leadership|the inspection team|what the (?:lscb |local authority )?inspection "
    r"judge?ments mean|information about the (?:lscb |local authority )?inspection\b|"
    r"\bis likely to be (?:judged )?(?:to be |as )?(?:good|outstanding|inadequate|requir\w* improvement) if\b|"
    r"\b(?:the )?inspectors?(?: also)?:\s*$|"  # ("It was reported that the inspectors:" and what they did)
    r"^contents\b|review of the effectiveness of|how was your visit|improving the way ofsted|"
    r"quality assurance manager|senior data analyst|team inspectors|deputy lead inspector|"
    r"^(?:her|his) majesty|report not found|^the previous inspection of|cookies|skip to main content|"
    r"^inspection of\b|^service information\b|^about this inspection\b|inspection judgements and what they mean",
    re.I)
_BOILERPLATE = re.compile(
    r"crown copyright|interested in our work|subscribe to our|www\.|@ofsted|ofsted produces this report|"
    # a letter's courtesies ("Please do not hesitate to contact me", "If you have any questions, ..."): no finding
    r"\bplease (?:do not hesitate to |don.t hesitate to |feel free to )?(?:contact|get in touch with|call|e-?mail) "
    r"(?:me|us|my office|the)\b|^\W*(?:in the meantime, )?if you (?:have|would like) (?:any )?(?:further )?(?:questions|"
    r"queries|information)\b|^\W*i look forward to\b|"
    r"it is ofsted.s expectation|\b(?:a|an) (?:local authority|lscb) (?:that is|is judged|requires)|"
    r"^\W*throughout this (?:report|letter)\b[^.]{0,80}\breferred to as\b|"
    r"\b(?:did|does) not (?:find|identify) any areas? for priority\b|\bno areas for priority (?:(?:and|or) immediate )?"
    r"action\b|\bwhat the (?:lscb |local authority )?inspection judge?ments mean\b|^\W*there (?:are|were) no (?:areas for )?priority actions?\W*$|"
    r"^\W*(?:an? (?:outstanding|good|inadequate) (?:local authority|lscb) (?:leads|is|that|coordinates)|in (?:a|an) "
    r"(?:local authority|lscb) that (?:requires|is))\b|"
    r"^(?:as a result,? |consequently,? |therefore,? )?there are (?:no )?widespread or serious failures that (?:create or )?"
    r"leave children (?:being harmed|at risk)|"  # the grade's
    r"^(?:however,? |minimum requirements are in place,? however,? )?the authority is not yet delivering good "
    r"protection,? (?:and )?help (?:and(?:/or)?|or) care|^the welfare of looked after children is safeguarded and promoted\.?$|"
    r"^the lscb is not yet demonstrating the characteristics of good\b|"  # descriptors under a judgement
    r"\b(?:requires?|is|are) (?:improvement|good|inadequate|outstanding) (?:when|if)\b[^.]{0,200}\b(?:characteristics "
    r"of good|widespread or serious failures|minimum requirements)\b|^\W*this helped us (?:to )?understand\b|"
    r"^(?:lead|deputy lead|team) inspectors?:|^inspection dates?:|this publication is available|"
    r"you can (?:obtain|download|use)|piccadilly gate|textphone|regulates and inspects|assesses council children|"
    + TO_MEMBERS.pattern + "|" +  # what a paper asks of its members (``outline.TO_MEMBERS``)
    r"\bit is recommended that (?:the )?(?:committee|cabinet|board|members|council|panel)\b|"
    r"this report includes the report|https?://|report is available at|under section 100[a-z]? of the|"
    r"open government licence|"
    # how the framework works, as a paper explains it: no finding ("Focused visits do not result in a judgement.",
    # "Following an inadequate judgement, the Secretary of State issues a statutory direction …")
    r"\b(?:focused|monitoring|assurance) visits? (?:do|does) not (?:result in|lead to|give|carry)\b|"
    r"\b(?:do|does|did|will)(?: not|n['’]t) (?:result in|lead to|give|carry|receive) (?:an? |any )?(?:graded |overall )?"
    r"(?:ofsted )?(?:judge?ment|grade)|"  # ("This visit doesn't lead to a graded Ofsted judgement like some others")
    r"\bthe secretary of state (?:issues|may issue|will issue|appoints|may appoint)\b|"
    r"^\W*the following recommendations are those\b|\bdo not address all (?:of )?the (?:detailed )?failings\b|"
    r"^\W*(?:this|these|it) (?:was|were|is|are) (?:also )?(?:an? )?(?:recommendations?|areas? for (?:improvement|"
    r"priority action)) (?:at|from|in) the (?:last|previous|earlier) (?:inspection|visit)\W*$", re.I)
# (the last three: an inadequate report's lead-in to its recommendations; a list item's note that it was asked
# before, which is no item of its own)
# A sentence that only states a judgement ("The graded judgement for adoption performance is good."): furniture.
_JUDGEMENT_LINE = re.compile(
    r"^(?:the )?(?:graded judge?ment|overall judge?ment|experiences? and progress|effectiveness|impact of leaders|"
    r"leadership, management and governance|adoption performance)[^.]{0,160}?\b(?:is|are|:)?\s*(?:that it is\s+)?"
    r"(?:good|outstanding|inadequate|requires? improvement(?: to be good)?)\.?$", re.I)
_PRESENT_GRADE = re.compile(r"\b(?:is|are|requires?)\b", re.I)


def _states_judgement(text: str, e: int, flat: str) -> bool:
    """A unit that only states a judgement (``_JUDGEMENT_LINE``), standing alone as a heading does. A sentence
    that opens a paragraph with it ("Summary / Leadership, management and governance are inadequate. The
    local authority has ...") is the inspectors' finding in their own words, and read as one."""
    if not _JUDGEMENT_LINE.match(flat):
        return False
    goes_on = re.match(r"[ \t]*\n?[ \t]*[A-Z]", text[e:e + 8]) is not None
    return not (flat.endswith(".") and goes_on and _PRESENT_GRADE.search(flat))


FOLLOW_ON = re.compile(r"^\W*(?:this|these|they|their|it|its|such|as a result|consequently|however|for example|"
                        r"in addition|additionally|also|moreover|this means|in these cases|in some cases|he|she)\b",
                        re.I)


def _heading_like(text: str, s: int, e: int, flat: str) -> bool:
    """A short line standing alone, with no sentence's full stop: a heading the outline did not list."""
    if flat.endswith((".", ";", ",")) or len(flat.split()) > 12 or not flat[:1].isupper():
        return False
    before = text[max(0, s - 200):s]
    line_start = before.rfind("\n")
    if not re.fullmatch(r"[#*\s]*(?:\d+(?:\.\d+)*\.?)?\s*", before[line_start + 1:]):
        return False  # only a Markdown mark or a section number may stand before a heading on its line
    after = text[e:e + 200]
    nl = after.find("\n")
    return not (after[:nl] if nl >= 0 else after).strip()


_WORST_FIRST = ("inadequate", "requires improvement", "good", "outstanding")
SUMMARY_BY_JUDGEMENT = True


def judgement_about(low: str, judgements: dict[str, str]) -> str | None:
    """The grade of the one judgement a summary sentence names ("help and protection", "children in care",
    "care leavers"), or of the worst where it names more than one, where the report gives them; None where it
    names none."""
    named = [judgements[k] for k in judgements_named(low) if k in judgements]
    return next((g for g in _WORST_FIRST if g in named), None)


def _document_grade(st: Structure, judgements: dict[str, str]) -> str | None:
    """The report's overall judgement as its judgement table or overall sentence gives it (read by
    reading.judgements, the one reader of grades), else the worst grade it gives anywhere."""
    if "overall_effectiveness" in judgements:
        return judgements["overall_effectiveness"]
    grades = list(judgements.values()) + [p.grade for p in st.parts if p.kind == "judgement" and p.grade]
    return next((g for g in _WORST_FIRST if g in grades), None)


_UNDER_JUDGEMENT = re.compile(r"^(?:summary|inspection findings|key findings|findings)\s*$", re.I)


def _section_grades(st: Structure, judgements: dict[str, str]) -> dict[int, str]:
    """For headings that do not carry their grade (2026 reports give it only in the judgement table):
    the grade the report gives the judgement the heading names, by the heading's start."""
    out = {}
    last: str | None = None  # the grade of the judgement whose section this is
    for p in st.parts:
        if p.level != 1:
            continue
        if p.kind == "judgement" and p.grade:
            last = p.grade
            continue
        if p.kind not in ("heading", "headline") or p.grade:
            last = None
            continue
        name = judgement_name(p.title) if len(p.title) >= 20 else None
        if name and name != "overall_effectiveness" and name in judgements:
            out[p.start] = last = judgements[name]
        elif _UNDER_JUDGEMENT.match(p.title) and last:
            out[p.start] = last  # older reports' "Summary" and "Inspection findings" under each judgement
        else:
            last = None
    return out


@dataclass
class Reading:
    """One unit as the rules read it: where it sits, its wording, and the rules' own verdict (a
    severity, or None for context or nothing evaluative), and the features ``SeverityLearner`` weighs."""
    start: int
    end: int
    flat: str
    part: Part | None
    section: str | None
    severity: str | None
    conf: float
    why: list[str]
    features: dict[str, float]
    inline_theme: str | None



FAILING_MODEL = True  # the shipped model decides which of a failing service's weaknesses are priority actions
LISTED_STRENGTH = 0.85  # the confidence of a strength the report lists as one (as sure as an inspectors' item)
REVIEW_MODEL = True  # the shipped second reading may overturn the rules' strengths, weaknesses and silences
REVIEWED_AS = {"strength": "strength", "weakness": "improvement", "other": None}  # the review's class as a
# severity (a weakness in a failing service then goes to the priority model)
REVIEW_CONF = 0.4  # a verdict the model overturns is suggested this sure, times its probability: below the
# rules' own certainties, so what the window shows first stays what the rules and the model agree on
SUMMARY_FIRST = True  # a failing report's summary findings of harm are among the strongest: its most serious,
# said first
SUMMARY_CONF = 0.85



def as_decided(feats: dict[str, float], severity: str | None, conf: float, section: str | None) -> dict[str, float]:
    """A unit's features with a model's verdict in place of the rules': what the auditor's own decisions
    are learnt on top of (``SeverityLearner``) is the verdict suggested."""
    decided = severity or "none"
    out = {k: v for k, v in feats.items() if not k.startswith(("r:", "rc:", "rs:"))}
    out.update({f"r:{decided}": 1.0, f"rc:{decided}": conf, f"rs:{decided}|{section or '-'}": 1.0})
    return out


class Stopped(Exception):
    """The reading was given up: its caller no longer wants it (``stop``)."""


STOP_EVERY = 64  # units read between two asks of ``stop``


def readings(text: str, structure: Structure | None = None, page_starts: Sequence[int] = (),
             skip: Iterable[tuple[int, int]] = (), existing: Sequence[tuple[int, int]] = (),
             stop: Callable[[], bool] | None = None) -> list[Reading]:
    """Every unit of ``text`` that could be worth a suggestion, as the rules read it, in reading order.
    Headings, furniture, address blocks, the judgement table, sections about the area or the inspection
    and boilerplate are left out here: they are never tagged. ``stop()`` is asked now and then: true, the
    reading is given up (``Stopped``): the window had gone on reading a 500-page letter's 9 s of it after
    the auditor opened another, the new letter's pages slowed by it."""
    st = structure or analyse(text, page_starts)
    skip = set(skip)
    judgements = read_judgements(collapse_ws(text[:60000]))
    doc_grade = _document_grade(st, judgements)
    section_grades = _section_grades(st, judgements)
    out: list[Reading] = []
    kind = document_kind(text)
    telling = kind in TELLING
    form_spans = paper_form_spans(text, [p.start for p in st.parts if p.level == 1]) \
        if kind == "committee report" else []  # (a section's numbered paragraphs are within it)
    if telling and doc_grade is None and story_grade(text) == "inadequate":
        doc_grade = "inadequate"
    speaker: str | None = None  # whose words a quotation in a telling document carries
    told_finding = False  # the unit before told what the inspection found ("Inspectors highlighted ...")
    ends = {p.start: list_end(text, st, p) for p in st.parts if p.kind == "improve"}  # a list's true end
    # the inspectors' own items, as the outline and the summary read them: older reports group them under
    # sub-headings ("Care leavers", "Missing children") that end the list's part but not the list
    items = inspectors_items(text, st)
    listed = {(s, e): "priority" if k == "priority" else "improvement"  # (an item of two sentences: both)
              for a, b, _, k in items for s, e in st.units if a <= s and e <= b}
    items_said = {item_words(q) for _, _, q, _ in items}  # (an item a paper gives again in its response table)
    priority_items = [listed_words(q) for _, _, q, k in items if k == "priority"]  # (what the priority model
    other_items = [listed_words(q) for _, _, q, k in items if k != "priority"]  # weighs a failing weakness beside)
    neutral = _neutral_parts(st)
    # a report's cover, its title to its judgement table: what it says is the grades' own ("Children's services in
    # Westfold are good."), not a web page's opening sentences
    cover = {p.start for p in st.parts if p.kind == "title" and any(q.kind == "judgements" and q.start == p.end
                                                                     for q in st.parts)}
    inline: str | None = None  # the tone a heading the outline missed sets ("What needs to improve:")
    inline_part: Part | None = None
    inline_theme: str | None = None  # and the subject it names ("... care leavers is that it is good")
    prev_end = -1
    prev_sev: str | None = None
    failing: set[int] = set()  # the failing service's weaknesses held for the priority model (their places in out)
    as_read: list[dict[str, float]] = []  # each unit's features as the rules gave them
    account_end: int | None = None  # the end of a sentence naming an earlier inspection, or of its account told on
    for n, (s, e) in enumerate(st.units):
        if stop is not None and n % STOP_EVERY == 0 and stop():
            raise Stopped
        if st.councils_own(s, e) or (s, e) not in listed and st.in_table(s) and \
                item_words(text[s:e]) in items_said:
            continue  # a response table's council cells (its actions, lead and dates), and an item it repeats
        flat = unit_quote(text, s, e, st.furniture)
        part = st.part_at(s)
        if part is not inline_part:
            inline, inline_part, inline_theme = None, part, None
        if flat and (_heading_like(text, s, e, flat) or _states_judgement(text, e, flat) or LIST_HEADING.match(flat)):
            # (a list's heading run into the paragraph before it: "… training. What needs to / improve?")
            if part is not None and part.start <= s < max(part.heading_end, part.start + 1) and part.kind in (
                    "improve", "priority"):
                continue  # the part's own heading ("Recommendations"): its tone is the part's
            kind = _heading_kind(flat.rstrip(":?."))
            if kind in ("improvement", "priority") or kind and kind.startswith("grade:"):
                inline = kind
            elif not flat.endswith(":") and len(flat) > 12 and not (
                    part is not None and part.start <= s < part.heading_end):
                inline = "reset"  # (a part's own heading already bounds it: under "Care leavers" a list goes on)
            if not flat.endswith(":") and len(flat) > 12:
                inline_theme = title_theme(flat)
            continue
        if (len(flat) < 20 and not (len(flat) >= 12 and flat.endswith(".") and flat[:1].isupper()
                                    and len(flat.split()) >= 3)) or (s, e) in skip or \
                any(a < e and s < b for a, b in existing):  # (a short sentence is read: "Morale is good.")
            continue
        if part is not None and part.kind in ("address", "salutation", "signoff", "title") or st.is_heading(s, e):
            if not (part is not None and part.kind == "title" and (telling or s >= part.heading_end) and
                    part.start not in cover and
                    (flat.endswith(".") or BULLET_OPENS.match(text, text.rfind("\n", 0, s) + 1)) and
                    len(flat.split()) > 8 and not st.is_heading(s, e)):
                continue  # (a web page's opening sentences the outline took for its title are read)
        if part is not None and part.kind == "judgements" and s < max(part.end, part.heading_end):
            continue  # the judgement table's rows
        if part is not None and part.start in neutral:
            continue
        low = flat.lower()
        if ACCOUNT_TOLD and account_end is not None and "\n\n" not in text[account_end:s].replace(" ", "") and \
                told_in_the_past(low):
            account_end = e
            continue  # what the earlier inspection the paragraph opened with found: context
        account_end = e if ACCOUNT_TOLD and opens_earlier_account(low) else None
        if any(c in low for c in _CONTEXT_ANYWHERE) or _INSPECTORS_DID.match(low) and not any(tone(flat)[:2]) or \
                _AREA_NEED.match(low) or \
                _BOILERPLATE.search(flat) or LEAD_IN.search(flat) or PARA_REF.match(flat) or \
                _BRINGS_ON_LIST.search(flat):
            continue
        if form_spans and (leads_with_form(flat) or any(a <= s < b for a, b in form_spans)):
            continue  # a paper's implications, risks and background papers
        if telling:
            said_by, speaker = speaker, speaker_after(flat, speaker)
            after_finding, told_finding = told_finding, relays_finding(flat, told_finding)
            if not_a_finding(flat, said_by, after_finding):  # (whose words a quotation here carries: the units' before)
                continue
        section = _tone_of(part)
        if section == "improvement" and part is not None and s >= ends.get(part.start, part.end):
            section = None  # past the end of the inspectors' list: their findings again
        if section is None and part is not None and part.start in section_grades:
            section = "grade:" + section_grades[part.start]
        if part is not None and part.kind == "judgements":
            section = f"grade:{doc_grade}" if doc_grade else None  # the summary under the table
            if SUMMARY_BY_JUDGEMENT and (about := judgement_about(low, judgements)):
                section = f"grade:{about}"  # a sentence of it about one judgement: that judgement's grade (a
                # failing report's "services for children in need of help … range from requires improvement to
                # poor" was weighed as the report's, inadequate, where help and protection requires improvement)
        if inline in ("improvement", "priority") or inline and inline.startswith("grade:"):
            section = inline
        elif inline == "reset" and section in ("improvement", "priority"):
            section = None
        if section not in ("improvement", "priority") and part is not None and part.kind == "heading" and \
                inline != "reset" and (s, e) in listed:
            section = listed[(s, e)]
        listed_strengths = section == "grade:good" and part is not None and part.kind == "heading" and \
            bool(STRENGTHS_HEADING.search(part.title))  # the report's own list of strengths (no judgement's)
        under = "the report's strengths" if listed_strengths else "an 'outstanding' judgement" if (
            section == "grade:outstanding" or section == "grade:good" and part is not None and
            part.kind == "judgement" and part.grade == "outstanding") else None  # (read as good; the card says which)
        if section == "grade:outstanding":
            section = "grade:good"
        if _retold(text, st, s, flat):
            continue  # the earlier inspection's judgement, told as context
        follow_on = bool(FOLLOW_ON.match(flat)) and prev_end >= 0 and "\n\n" not in text[prev_end:s].replace(" ", "")
        severity, conf, why, feats = verdict(flat, section, doc_grade, part.kind if part else None, prev_sev,
                                             follow_on, under)
        stated = stated_severity(flat) if telling and "f:earlier" not in feats else None  # (not a judgement
        # the story tells of as already published: "… was rated inadequate in the report Ofsted published in May")
        if stated:  # the inspection's own judgement, as the story states it: no model's to overturn
            severity, conf = stated[0], max(conf, 0.6)
            why = [stated[1]]
        rules_feats = feats  # what the priority model reads of this unit where the one before it is held
        rules_severity = severity  # what the next unit reads of this one: the rules', as the models were trained
        if not stated and REVIEW_MODEL and reviewable(severity, section, doc_grade, feats) and \
                (review := severity_review()) is not None and \
                (overturned := review.overturn(severity, feats, flat)) is not None:
            severity, conf = REVIEWED_AS[overturned[0]], REVIEW_CONF * overturned[1]
            why = [w for w in why if not w.startswith("wording")]
            if severity is not None:  # (read as context: not suggested)
                why.append(f"read as {'a strength' if severity == 'strength' else 'a weakness'}, "
                           "as auditors tag passages like it")
            feats = as_decided(feats, severity, conf, section)
        if LISTED_OVERLAP and failing_weakness(severity, section, doc_grade):
            feats = {**feats, **listed_overlap(flat, priority_items, other_items)}
        if not stated and FAILING_MODEL and failing_weakness(severity, section, doc_grade) and \
                failing_priority_model() is not None:
            failing.add(len(out))  # decided once the unit after it is read (``_failing_priority``)
        elif severity == "priority":
            conf, why = _summary_first(conf, why, part, doc_grade, feats)
        if listed_strengths and severity == "improvement":  # a word of weakness in the inspectors' own list of
            # strengths ("support to placements that are vulnerable to breakdown", "aware of … deficits"): what they
            # list is a strength (development: both such units were strengths or context, none a weakness)
            severity, why = "strength", ["listed among the report's strengths"]  # (not lifted among the strongest:
            # on development one was context, and took a place of the 30)
            feats = as_decided(feats, severity, conf, section)
        elif listed_strengths and severity == "strength":  # one of the inspectors' own strengths: among the
            # strongest (not one the review model reads as context: on development, restoring those cost more
            # than it gained)
            conf, why = max(conf, LISTED_STRENGTH), ["listed among the report's strengths"]
        out.append(Reading(s, e, flat, part, section, severity, conf, why, feats, inline_theme))
        as_read.append(rules_feats)
        prev_end, prev_sev = e, rules_severity
    for i in sorted(failing):
        out[i] = _failing_priority(out[i], as_read[i + 1] if i + 1 < len(out) else None, doc_grade)
    return out


def _failing_priority(r: Reading, following: dict[str, float] | None, doc_grade: str | None) -> Reading:
    """A failing service's weakness, its priority action or area for improvement decided by the shipped model
    over its features and what the rules read of the unit after it (``following``)."""
    model = failing_priority_model()
    assert model is not None  # (checked before the unit was held for this)
    feats, why = r.features, list(r.why)
    decided = "priority" if model.is_priority({**feats, **next_unit_features(following)}, r.flat) and \
        not mostly_so(r.flat) else "improvement"
    if decided != r.severity:
        why.append("a priority action in a failing service" if decided == "priority" else
                   "an area for improvement, though the service is failing")
        feats = as_decided(feats, decided, r.conf, r.section)
    conf = r.conf
    if decided == "priority":
        conf, why = _summary_first(conf, why, r.part, doc_grade, feats)
    return replace(r, severity=decided, conf=conf, why=why, features=feats)


def _summary_first(conf: float, why: list[str], part: Part | None, doc_grade: str | None,
                   feats: dict[str, float]) -> tuple[float, list[str]]:
    """A priority action's confidence and reasons, lifted where it is a failing report's summary finding of
    harm (``SUMMARY_FIRST``)."""
    if SUMMARY_FIRST and doc_grade == "inadequate" and part is not None and part.kind == "judgements" and \
            "f:atrisk" in feats:
        return max(conf, SUMMARY_CONF), [*why, "a finding of the report's summary"]  # ("serious weaknesses
        # remain, leaving children at risk of harm": on development the 30 strongest unchanged, 96.3%, but in a
        # better order)
    return conf, why


def _retold(text: str, st: Structure, start: int, flat: str) -> bool:
    """Whether the unit at ``start`` states the earlier inspection's judgement that the sentence before it, in
    the same paragraph, or the heading it is under names (``earlier.retells_earlier_judgement``)."""
    if "judged" not in flat and "rated" not in flat and "graded" not in flat and "found" not in flat:
        return False
    part = st.part_at(start)
    if part is not None and part.kind == "heading" and judgement_under_earlier_heading(flat, part.title):
        return True  # under "Progress since the last inspection": "The local authority was judged to be inadequate."
    before = st.unit_before(start)
    if before is None:
        return False
    ps, pe = before
    if "\n\n" in text[pe:start].replace(" ", ""):
        return False
    return retells_earlier_judgement(flat, " ".join(unit_quote(text, ps, pe, st.furniture).split()))
