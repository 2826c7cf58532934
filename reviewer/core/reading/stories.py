"""Documents that tell of an inspection rather than report it: a council committee's papers and a news
story (metadata.document_kind). What in them is the inspection's finding, and what is a person's own words,
the meeting's business, the web page's furniture or the paper's sections of form; and the judgement such a
document states of the inspection it tells of. The suggester reads them with these rules (readings.readings)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

# In a document that tells of an inspection (a committee's papers, a news story), what is not the inspection's
# finding: a person's own words (a councillor's pride, an officer's pledge), the meeting's business, the web
# page's furniture. A quotation that names the inspectors or Ofsted relays a finding and is read as one.
TELLING = ("committee report", "news item")
_OPENS_QUOTE = re.compile(r"^\W{0,3}[“\"‘']")  # a unit that is (the start of) a quotation
_SPOKEN = re.compile(  # words said to someone, with the saying named beside a quotation mark
    r"\b(?:said|says|added|adds|commented|stated)(?:\s*[,:]?\s*[“\"‘']|:|,? that\b)|"
    r"\b(?:explained|advised|confirmed|responded|assured (?:members|the \w+)|acknowledged) that\b|"
    r"\b(?:informed|reminded|assured|advised|updated) (?:the (?:sub-?committee|committee|board|panel|cabinet|meeting)|"
    r"members|councillors)\b|[”\"’'],?\s+"
    r"(?:he|she|they|[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:said|says|added)\b|\btold (?:the|members|councillors|us|reporters)\b",
    re.I)
# ... and the council's own people speaking, whatever they quote: "Responding to the report, Councillor A said"
_COUNCIL_SPEAKS = re.compile(r"\b(?:council|councillor|cllr|cabinet member|portfolio holder|director|leader|mayor|"
                             r"chief executive|spokes(?:wo)?man|spokesperson)s?\b[^.“\"]{0,60}?\b(?:said|says|added|"
                             r"commented)\b", re.I)
# the council speaking as "we" (a quotation going on past its first sentence, a paper's own voice): its plans and
# views, not the inspection's findings
_WE_SAY = re.compile(r"^\W{0,3}(?:we|we[’'](?:ve|re|ll|d)|our)\b", re.I)
_RELAYS_FINDING = re.compile(r"\b(?:ofsted|inspectors?|inspection team|(?:the|their|its|ofsted[’']s) (?:inspection )?"
                             r"(?:report|letter)|watchdog)\b",  # ("Their letter … says that care leavers receive …")
                             re.I)
_PROCEDURE = re.compile(
    r"^\W*(?:(?:members?|councillors?|cllr\.? [a-z]+|he|she|they|the (?:chair(?:man)?|vice[- ]chair|committee|cabinet|"
    r"board|panel|leader|mayor|portfolio holder|cabinet member|lead member|meeting))\b[^.]{0,60}?\b(?:thanked|welcomed|"
    r"noted that it|agreed|asked|queried|questioned|wondered|proposed|resolved|requested|congratulated|moved|seconded|"
    r"expressed|paid tribute|praised the (?:staff|team|officers))\b|discussion ensued|declarations? of interest|"
    r"resolved:|decision:|reasons?:|(?:\d+(?:\.\d+)*\.?\s+)?this (?:is an? [\w ]{0,30}?)?(?:report|paper|item|briefing)\b)|"
    r"\b(?:the (?:next|last|previous) meeting|(?:postponed|deferred) from|"
    r"(?:was|were) not accepted by)\b", re.I)
_WEB_FURNITURE = re.compile(
    r"\b(?:e-?mail(?:ed)? (?:us|\S+@)|\S+@\S+\.\w+|follow (?:us|[\w ]{1,30}) on (?:x|twitter|facebook|instagram)|"
    r"to report any issues|sign up|newsletter|cookies?|subscribe|read more|click here|(?:photo|image|picture):|"
    r"continue reading|share this)", re.I)


# A committee paper's own sections of form, whatever the inspection: its financial, legal and other
# implications, risk analysis, equality and consultation paragraphs, background papers ("There are no policy
# implications arising from this report."). Not the inspection's findings: never suggested. (An appendix may
# be the inspectors' report itself: read.)
_PAPER_FORM = re.compile(
    r"(?:[\w,’'-]+ (?:and )?){0,4}implications?(?: for [\w’' ]{3,40})?|risks?(?: analysis| management| assessment)?|"
    r"equalit(?:y|ies)(?: and diversity| impact(?: assessment)?)?(?: issues| implications| considerations)?|"
    r"(?:list of )?background (?:papers|documents)(?: [\w ]{0,70})?|consultations?(?: undertaken)?|"
    r"reasons? for (?:the )?(?:decision|recommendations?)|(?:other |alternative )?options considered|"
    r"alternative options(?: considered)?|contact (?:officer|details)|report author|wards? affected|key decision|"
    r"exempt information|decision[- ]making", re.I)
_PAPER_HEADING = re.compile(  # a line of a paper that heads a section: "5.0 FINANCIAL IMPLICATIONS", "Risk analysis:"
    r"^[ \t#*]*(?:\d+(?:\.\d+)*\.?[ \t]+)?(?P<title>[A-Z][^\n.;*]{2,90}?(?:\n[ \t]*[A-Z][A-Z0-9 ,&'’()-]{1,60})?)"
    r"[ \t]*:?[ \t*]*$", re.M)  # (a heading in capitals may wrap onto a second line, as Word's text does)
_PAPER_PART = re.compile(  # a paper's own numbering of its parts: "Part III: Legal implications", "Section 5 -"
    r"^(?:part|section|paragraph)\s+(?:\d+|[ivxlc]+|[a-z])\b\s*[:.\-–—]?\s*", re.I)
_PAPER_FORM_LEAD = re.compile(  # ... or leads its paragraph: "Financial implications: none."
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:" + _PAPER_PART.pattern[1:] + r")?(?:" + _PAPER_FORM.pattern + r")\s*[:\-–]",
    re.I)


def paper_form_spans(text: str, headings: Sequence[int] = ()) -> list[tuple[int, int]]:
    """A committee paper's sections of form (``_PAPER_FORM``), as (start, end) offsets: from a heading line
    naming one to the next heading line of any kind, or to the next of ``headings`` (where the outline
    found headings: a Word paper's numbers are not in its text, and a cover sheet's "Report author:" row
    is followed by the paper itself)."""
    heads = []
    for m in _PAPER_HEADING.finditer(text):
        title = " ".join(m.group("title").split())
        form = bool(_PAPER_FORM.fullmatch(_PAPER_PART.sub("", title)))
        if form or len(title.split()) <= 10 and (title.isupper() or re.match(r"^[\s#*]*\d", m.group(0))
                                                 or _PAPER_PART.match(title)):
            heads.append((m.start(), form))
    bounds = sorted(headings)
    spans = []
    for i, (start, form) in enumerate(heads):
        if form:
            end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
            j = bisect.bisect_right(bounds, start)
            spans.append((start, min(end, bounds[j]) if j < len(bounds) else end))
    return spans


_QUOTES = re.compile(r"[“\"‘]")
# A story's or a committee paper's statement of the inspection's judgement ("rated 'inadequate'", "downgraded to
# 'requires improvement'", "given an 'Outstanding' rating"): the judgement is the finding, at its level.
_RATED = re.compile(
    r"(?<!\bnot )(?<!\bnever )(?<!\bno longer )\b(?:rated|judged|graded|deemed|described|classified|assessed|found to be|downgraded to|upgraded to|"
    r"given an?|awarded an?|received an?|retained (?:its|their|an?)|achieved an?|moved to|"
    r"(?:rated|judged|graded|described) (?:[\w’'-]+ ){1,5}?as|"
    r"(?:judged|rated|found|deemed) (?:[\w’'-]+ ){1,9}?to be)"
    r"\s+(?:as\s+|to be\s+|being\s+|to\s+(?=require))?"  # ("judged to require improvement to be good": not "good")
    r"[‘'\"“]?(inadequate|requires? improvement|outstanding|good)\b", re.I)
RATED_AS = {"inadequate": "priority", "requires improvement": "improvement", "require improvement": "improvement",
            "good": "strength", "outstanding": "strength"}
_EARLIER_RATING = re.compile(r"\b(?:previous|last|earlier|prior|former|when)\b[^.]{0,60}$", re.I)
_STATED = re.compile(  # ... as a story also states it: "the 'inadequate' rating", "downgraded to 'inadequate'"
    r"[‘'\"“](inadequate|requires? improvement|outstanding|good)[’'\"”]\s+(?:rating|judge?ment|grade)|"
    r"\b(?:downgraded|upgraded)\b[^.]{0,40}?\bto\s+[‘'\"“]?(inadequate|requires? improvement|outstanding|good)\b",
    re.I)  # ("judged services to be inadequate" is _RATED's)
# a rating said of nothing or no one: "There were no areas judged to be inadequate", "No authority in the
# country has been judged 'outstanding' since ..."
_NONE_RATED = re.compile(r"\b(?:no|none|not one|nobody|neither)\b[^.]{0,60}$", re.I)


def _before(text: str, at: int) -> str:
    """The sentence ``at`` is in, up to ``at``."""
    return text[max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1:at]


def _earlier_rating(text: str, at: int) -> bool:
    """The rating stated at ``at`` is an earlier inspection's: "at the last inspection, when services were
    judged ...", "the previous judgement of 'good'"."""
    return bool(_EARLIER_RATING.search(_before(text, at)))


def story_grade(text: str) -> str | None:
    """The judgement a committee's papers or a news story states of the inspection it tells of (the first one
    stated that is not an earlier inspection's): its weaknesses are read under it, as a report's are."""
    for m in sorted([*_RATED.finditer(text), *_STATED.finditer(text)], key=lambda m: m.start()):
        if _earlier_rating(text, m.start()):
            continue
        grade = next(g for g in m.groups() if g).lower()
        return "requires improvement" if grade.startswith("require") else grade
    return None


# what the inspection said is still to do, relayed: "The inspection identified that the service needed to build
# longer term relationships with young people"
_NEEDED_RELAYED = re.compile(r"\b(?:ofsted|inspectors?|inspection|the report|the letter)\b[^.]{0,30}?\b(?:identified|"
                             r"found|said|highlighted|noted|recommended|concluded|reported)\s+that\b[^.]{0,80}?"
                             r"\b(?:needs?|needed)\s+to\b", re.I)
_KNOW_WHAT = re.compile(r"\b(?:what|where|how)\s+(?:\w+\s+){0,2}(?:needs?|needed)\s+to\b", re.I)  # leaders know what


def stated_severity(flat: str) -> tuple[str, str] | None:
    """The severity of the inspection's own judgement as a unit states it ("rated 'inadequate'": a priority
    action; what it said "needed to" be done: an area for improvement), with the few words the panel shows
    for it, unless the rating is an earlier inspection's or said of no one."""
    rated = _RATED.search(flat)
    if rated is None:
        needed = _NEEDED_RELAYED.search(flat)
        if needed is None or _earlier_rating(flat, needed.start()) or _KNOW_WHAT.search(needed.group(0)):
            return None
        return "improvement", "still to do, as the inspection said"
    if _earlier_rating(flat, rated.start()) or _NONE_RATED.search(_before(flat, rated.start())):
        return None
    return RATED_AS[rated.group(1).lower()], "the inspection's judgement"


def leads_with_form(flat: str) -> bool:
    """A paragraph that opens with a paper's section of form: "Financial implications: none." """
    return bool(_PAPER_FORM_LEAD.match(flat))


_INTRODUCES = re.compile(r"\b(?:said|says|states?|stated|wrote|writes|found|added|adds|concluded)\b|:\s*[“\"‘]?$", re.I)


def speaker_after(flat: str, before: str | None) -> str | None:
    """Whose words the next quotation carries: "person" after the council's own people speak, "finding" after
    the report or Ofsted is quoted ("The report states:"), else as before."""
    if _COUNCIL_SPEAKS.search(flat):
        return "person"
    if _RELAYS_FINDING.search(flat) and _INTRODUCES.search(flat):
        return "finding"
    return before


# the report spoken of as a document ("The report set out the strengths of the service and areas for
# improvement", "The report summarised areas where ..."): what it holds, not a finding of it
_WHAT_IT_HOLDS = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:the|its|this|ofsted[’']s) (?:inspection |full |final |published )?"
    r"(?:report|letter|judge?ment)\b"
    r"[^.]{0,40}?"
    r"\b(?:sets? out|summari[sz]e[sd]?|outlined?|outlines|described?|describes|listed|lists|included|includes|"
    r"contained|contains|covered|covers) (?:the |its |a number of |some |several |many )?(?:\w+ )?(?:strengths|areas|"
    r"findings|judge?ments|recommendations|actions)\b", re.I)


# ... and pointing to what it holds without saying it ("The letter also identifies areas where the council needs to
# do better", h25: a strength on "better"); not where it goes on to name them ("... areas for improvement, including
# the timeliness of assessments")
_POINTS_TO = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:the|its|this|ofsted[’']s) (?:inspection |full |final |published )?(?:report|letter)\b"
    r"[^.]{0,40}?\b(?:identif(?:y|ies|ied)|highlight(?:s|ed)?|points? (?:out|to)|pointed (?:out|to)|notes|noted|"
    r"recogni[sz]e[sd]|draws? attention to|drew attention to) (?:the |its |a number of |some |several |many |other |"
    r"further |a few |two |three )?(?:\w+ )?(?:areas|aspects|things|strengths|weaknesses|issues)\b"
    r"(?![^.]*(?:\b(?:including|such as|notably|namely|in particular|for example)\b|:))", re.I)

# a paper telling of itself, in the council's voice ("It sets out the progress we have made since the visit"):
# what it is about, no finding (h25: a strength on "achieved")
_PAPER_OF_ITSELF = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?it (?:also )?(?:sets out|describes|summari[sz]es|outlines|explains|presents|"
    r"provides (?:an? )?(?:update|summary|overview|account) (?:of|on)|updates (?:members|the committee) on|reports on)\b"
    r"(?=[^.]*\b(?:we|our|us)\b)", re.I)

# what the council says it has done since, in its own paper ("The Director of Children's Services has established a
# Children's Improvement Board"): its account, not the inspection's finding
_COUNCIL_DID = re.compile(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:the )?(?:director(?: of children[’']s services)?|council|"
                          r"officers|the department|we)\b[^.]{0,40}?\b(?:has|have) (?:now |since |already )?(?:established|"
                          r"set up|introduced|appointed|commissioned|launched|created|recruited|implemented|put in place)\b",
                          re.I)


# the inspectors named in the unit before, saying more ("They also said that supervision is not consistently good
# enough", h25: not suggested, read as someone's words)
_THEY_SAY = re.compile(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:they|it|he|she) (?:also |further |then |too )?(?:said|say|says|"
                       r"stated|states|noted|notes|found|find|finds|added|reported|commented|concluded|highlighted|"
                       r"identified|observed|recognised|recognized|told us)\b", re.I)


def relays_finding(flat: str, after_finding: bool = False) -> bool:
    """Whether a unit tells what the inspection found: it names the inspectors, their report or Ofsted, and none of
    the council's people speaks; or, ``after_finding`` (the unit before did), it goes on with "They also said ..."."""
    if _COUNCIL_SPEAKS.search(flat):
        return False
    return bool(_RELAYS_FINDING.search(flat)) or after_finding and bool(_THEY_SAY.match(flat))


def not_a_finding(flat: str, speaker: str | None, after_finding: bool = False) -> bool:
    """A unit of a committee's papers or a news story that is not the inspection's finding (``TELLING``):
    ``speaker`` is whose words a quotation here carries (``speaker_after`` of the units before);
    ``after_finding``: the unit before told what the inspection found (``relays_finding``)."""
    if _WEB_FURNITURE.search(flat) or _PROCEDURE.search(flat) or _WHAT_IT_HOLDS.search(flat) or \
            _POINTS_TO.search(flat) or _PAPER_OF_ITSELF.search(flat):
        return True
    if _COUNCIL_DID.match(flat) and not _RELAYS_FINDING.search(flat):
        return True
    relays = bool(_RELAYS_FINDING.search(flat)) or after_finding and bool(_THEY_SAY.match(flat))
    if _OPENS_QUOTE.match(flat):  # a quotation carrying on: the words of whoever was speaking
        return speaker == "person" or speaker is None and not relays
    if _COUNCIL_SPEAKS.search(flat):  # "The Director said that staff talked to the inspectors ...": relayed
        return not relays or bool(_QUOTES.search(flat))
    return bool(_SPOKEN.search(flat) or _WE_SAY.match(flat)) and not relays
