"""What an earlier inspection or visit found: context, not today's finding (issue 15: "A sentence that reports an
earlier inspection's findings is context, not a current weakness").

``earlier_findings`` tells a sentence that reports one ("In 2016, services were judged to require improvement",
"The focused visit identified that …"); ``retells_earlier_judgement`` a judgement stated in the past after a
sentence naming the inspection; ``opens_earlier_account`` and ``told_in_the_past`` an account of one told on
across a paragraph. core.reading.severity and core.reading.readings read a unit by them.
"""

from __future__ import annotations

import re

from reviewer.core.reading.wording import LEAD_CONCESSION

# A sentence that reports what an earlier inspection or visit found is context, not a current finding.
_EARLIER = re.compile(
    r"\b(?:previous|last|earlier|prior|most recent|recent)\s+(?:ofsted\s+|single\s+|standard\s+|short\s+|full\s+)?"
    r"(?:inspection|visit|focused visit|monitoring visit|judgement)s?\b|\bfocused visits?\b|\bmonitoring visits?\b|"
    r"\b(?:in|at|during)\s+(?:(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+)?(?:19|20)\d\d\b|\blast inspected\b|\bthat inspection\b|\binspected\b[^.]{0,60}\b(?:years?|months?) ago\b|"
    # another's review of the service, not the inspectors' own findings ("A March 2015 review of services ...
    # commissioned by the local authority identified significant weaknesses")
    r"\b(?:(?:19|20)\d\d|external|independent|independently commissioned|commissioned|peer)\s+(?:review|audit|"
    r"diagnostic)s?\b(?! (?:service|officers?|team|unit|function|chairs?)\b)|"  # (not the IROs' service)
    # the report a news item or a paper tells of ("… was rated as inadequate in the report Ofsted published in
    # February"): an inspection already published, not the one at hand
    r"\b(?:report|letter)s? (?:that )?(?:ofsted |it |they )?(?:had )?published (?:by ofsted )?in (?:january|february|march|"
    r"april|may|june|july|august|september|october|november|december)\b", re.I)
_REPORTED = re.compile(
    r"\b(?:was|were) (?:judged|found|rated|graded)|\b(?:identified|found|highlighted|judged|recommended|noted|"
    r"reported) (?:that|a |an |several|some|many|the |areas|weakness|serious|significant)|\bwas in\b|"
    r"\b(?:identified|highlighted|found|raised|noted|reported) (?:in|at|by|during) (?:the |two |both )?"
    r"(?:last|previous|earlier|prior|most recent|recent)\b|"
    r"\b(?:identified|highlighted|found|raised|noted|recommended|judged)\b|\binspectors said\b|"
    r"\b(?:visits?|inspections?)\b[^.;]{0,40}\b(?:identifying|highlighting)\b|"  # ("visits in 2019 identifying …")
    # a grade told as what it was or became ("following a judgement of inadequate in 2014", "upgraded from
    # inadequate (in 2016) to requires improvement")
    r"\bjudge?ment of [‘'\"“]?(?:inadequate|requires? improvement|good|outstanding)\b|\b(?:up|down)graded\b|"
    r"\b(?:which|that) (?:graded|judged|rated)\b|"  # ("presented with a report in July that year which graded …")
    r"\b(?:was|were) rated\b|"
    # when the earlier inspection took place ("The last Ofsted inspection … was undertaken in November 2012")
    r"\b(?:was|were) (?:undertaken|carried out|conducted) in\b", re.I)
_STILL = re.compile(r"\b(?:has|have|had) not\b|\b(?:has|have|had) made (?:\w+ )?progress\b|\b(?:has|have) (?:\w+ )?(?:sustained|failed)\b|\b(?:has|have) been (?:addressed|tackled|resolved)|\bsuccessfully\b|"
                    r"\bhas (?:now |since )?(?:deteriorated|declined|improved)|\b(?:has|have) (?:\w+ )?been (?:[\w-]+ (?:and )?){0,2}(?:addressed|tackled|"
                    r"resolved)|\bthere (?:has|have) (?:\w+ )?been (?:\w+ )?progress\b|"
                    r"\bdespite (?:this|it|these|that) being (?:identified|raised|highlighted|noted)\b|"
                    r"\bprogress (?:[\w'’-]+ ){0,4}?(?:is|has been|remains?) slow\b|"
                    r"\bremains?\b|\bstill\b|\bnow\b|\bcontinues?\b|\bsince\b|\bnot (?:been )?(?:addressed|"
                    r"delivered|improved|sustained)|\btoday\b|\b(?:little|insufficient|limited|slow|inadequate|poor) progress\b|\btoo slow\b|\bpertinent\b|\bnot yet\b",
                    re.I)


def earlier_findings(low: str) -> bool:
    """A sentence that reports an earlier inspection's or visit's findings ("In 2016, services were
    judged to require improvement", "The focused visit identified that ..."), or how things were before
    ("Previously, carers had not been told …"), not today's practice. An earlier visit named in a leading
    concession is not what the sentence reports: "Despite the improvements found during a focused visit in
    2019, … leaders have failed to evaluate …" is today's finding."""
    if _PREVIOUSLY.match(low) and not _NOW.search(low):
        return True
    concession = LEAD_CONCESSION.match(low)
    if concession and _EARLIER.search(low[:concession.end()]) and not _EARLIER.search(low, concession.end()) \
            and not _REPORTED.search(low, concession.end()) and "said" not in low[concession.end():]:
        return False  # (not "When Ofsted last inspected …, inspectors said that …": what they found then)
    return bool(_EARLIER.search(low) and _REPORTED.search(low) and not _STILL.search(low))


_PREVIOUSLY = re.compile(r"^\W*(?:previously|in the past|historically|before (?:this|then|that)),")
_NOW = re.compile(r"\b(?:now|still|remains?|continues?|currently|today|has|have)\b")  # ("Historically, … have not
# been robust": until now)

# A sentence that only states a judgement in the past ("The local authority was judged to be outstanding.")
_PAST_JUDGEMENT = re.compile(r"^\W*(?:[\w’'-]+ ){0,8}?(?:was|were) (?:judged|rated|graded|found) (?:to be |as )?"
                             r"[‘'\"“]?(?:outstanding|good|adequate|inadequate|requir\w* improvement)\b[^.;]{0,40}\.?$", re.I)


ACCOUNT_TOLD = True
# An account of an earlier inspection or visit, told on in the past tense ("In 2020, Ofsted conducted a focused
# visit that resulted in two areas for priority action. … Children … were not protected effectively. Senior
# leaders were aware of some of the deficits but had not taken purposeful remedial action."): what was found then,
# context, until a sentence speaks of now (a held-out reader's context, suggested as today's priority action)
_OPENS_ACCOUNT = re.compile(r"\b(?:previous|last|earlier|prior)\s+(?:ofsted\s+|single\s+|standard\s+|short\s+|full\s+|"
                            r"focused\s+|monitoring\s+)?(?:inspection|visit)s?\b|"
                            r"^\W*(?:in|during|at) (?:\w+ )?(?:19|20)\d\d,? (?:ofsted|inspectors|a focused visit|a monitoring "
                            r"visit|an inspection)\b")
_NOW_SEEN = re.compile(r"\b(?:this inspection|this visit|inspectors|cases seen|seen by|sampled|since)\b")
_PAST_VERB = re.compile(r"\b(?:was|were|had|did|found|identified|conducted)\b")
_PRESENT = re.compile(_NOW.pattern + r"|\b(?:is|are|does|do|continuing|since|recently|persists?|can|cannot|will|may|"
                      r"must|need|needs)\b|n['’]t\b")  # (the words of now above, and the present tense)


def opens_earlier_account(low: str) -> bool:
    """A sentence that names an earlier inspection or visit ("In 2020, Ofsted conducted a focused visit …",
    "At the last inspection, …"): what follows it in the past tense tells what was found then."""
    return bool(_OPENS_ACCOUNT.search(low)) and told_in_the_past(low)


def told_in_the_past(low: str) -> bool:
    """A sentence told only in the past tense, with no word of now ("were not protected effectively", not
    "were not protected and still are not", "has not improved since")."""
    return bool(_PAST_VERB.search(low)) and not _PRESENT.search(low) and not _NOW_SEEN.search(low)


def retells_earlier_judgement(flat: str, before: str) -> bool:
    """A judgement stated in the past right after a sentence of the same paragraph that names the earlier
    inspection ("The last Ofsted inspection of Lambeth's safeguarding arrangements was in May 2012. The local
    authority was judged to be outstanding."): that inspection's, told as context, not today's strength."""
    return bool(_PAST_JUDGEMENT.match(flat)) and earlier_findings(before.lower())


def judgement_under_earlier_heading(flat: str, heading: str) -> bool:
    """A judgement stated in the past under a heading that names the earlier inspection ("Progress since the last
    inspection": "The local authority was judged to be inadequate."): that inspection's, context."""
    low = flat.lower()  # (not "… was judged to be good by inspectors this week": today's)
    return bool(_PAST_JUDGEMENT.match(flat)) and bool(_OPENS_ACCOUNT.search(heading.lower())) and \
        not _NOW_SEEN.search(low) and not _NOW.search(low) and not re.search(r"\bthis (?:week|month|year)\b", low)
