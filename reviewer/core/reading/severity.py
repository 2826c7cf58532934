"""The rules' verdict on one unit where it sits: a severity (or none: context, nothing evaluative), how
sure, why, and the features the learners weigh (``model_inputs.unit_features``).

Where a unit sits (its section's tone, the report's grade, its part's kind) is read by
core.reading.readings, which walks the document and asks ``verdict`` of each unit; what the words say
of practice is core.reading.wording's. Here: what a place and a wording make of each other (anything
under "What needs to improve" is at least an area for improvement; under an inadequate judgement a
weakness that leaves children at risk is a priority action; an earlier inspection's findings and what
is planned are context). What the shipped models read of a unit, and which units they decide, is
core.reading.model_inputs'.
"""

from __future__ import annotations

import bisect
import re

from reviewer.core.reading.inspectors_list import recommends
from reviewer.core.reading.model_inputs import unit_features
from reviewer.core.reading.earlier import earlier_findings
from reviewer.core.reading.wording import CASE_REVIEW, ESCALATED, HOW_COULD, LEAD_CONCESSION, NONE_NEEDED, tone
from reviewer.core.text.alternation import dispatched

# what the panel says of an inspectors' item (the suggester names the letter's own heading where it says more)
UNDER_IMPROVE_LIST, UNDER_PRIORITY_LIST = "under What needs to improve", "under areas for priority action"
_STILL_TO_DO_PHRASES = (r"\b(?:but|however|although|though|yet)\b,? (?:[\w'’-]+ ){1,10}?(?:remains?|is still) an? "
                         r"(?:key |high |continuing |significant |clear )?priority\b|"  # what is still to be got right,
                         # after a turn ("Outcomes at key stage 2 are improving, but progress at key stage 4 remains a
                         # priority for the local authority", h28)
                         r"more (?:work )?to do|much (?:more )?(?:work )?(?:still )?to do|work to do|further work|further (?:development|strengthening|improvement) "
                         r"(?:is|are) (?:also |still )?(?:needed|required)|requires? further (?:strengthening|development|improvement|refinement|work|attention|analysis|embedding)|"
                         r"could be (?:improved|strengthened|better)|\b(?:authority|council|leaders|managers|partnership|"
                         r"partners|service|board)\b[^.]{0,30}?\b(?:can|could) (?:further )?(?:improve|strengthen|"
                         r"enhance) (?:its|their|the|this)\b|"  # ("the local authority can improve its line of sight by …")
                         r"\b(?:is|remains?) (?:an|a recognised|an identified) area for (?:further )?(?:development|improvement)|"
                         r"\bstill in the process of\b|\b(?:is|are|remains?) still in development\b|\bremains? an? (?:\w+ )?area of (?:focus|development)\b|"
                         r"\b(?:is|remains?) an? (?:\w+ )?area (?:requiring|in need of) (?:further |ongoing )?(?:improvement|"
                         r"development|strengthening|attention)\b|\bthere (?:remain|remains|are still|is still) (?:\w+ )?"
                         r"areas? for (?:further )?(?:improvement|development)\b|"
                         r"\b(?:little|insufficient|limited|slow) progress\b|\bprogress\b[^.]{0,30}\btoo slow\b|\bstill evident\b|"
                         r"\bprogress\b[^.;]{0,50}\b(?:it|this|that|progress) (?:has been|is|was|remains) (?:(?!not\b|never\b)\w+ )?slow\b|"
                         r"\bremains? pertinent\b|\bwould benefit from\b|(?<!health )(?<!learning )(?<!complex )(?<!additional )"
                         r"(?<!specific )(?<!individual )\bneeds? to (?:\w+ ){0,3}?(?:better|further|more)\b|"
                         r"\bthere needs to be\b|\bthere will (?:still |also )?need to be\b|\bcould do more\b|\bwork remains\b|\bwork (?:still )?to be done\b|"
                         r"\bstill (?:has|have|needs?) to be\b|\bnot yet (?:been )?resolved\b|\byet to be addressed\b|"
                         r"\bwould (?:further )?(?:enhance|enable|improve|strengthen|assist|help)\b|\bshould (?:\w+ ){0,2}more\b|"
                         r"\b(?:focus|attention|work|scrutiny|challenge|oversight) is (?:also |still )?needed\b|"
                         r"(?<!who )(?<!that )\brequires? more\b|\b(?:is|are) needed to (?:make sure|ensure)\b|\bneeds? \w+ening\b|"
                         r"\b(?:recognised|identified|acknowledged) as (?:an? )?area for (?:further )?(?:improvement|"
                         r"development)\b|\brequires? (?:\w+ ){0,3}attention\b|\bneeds? to be (?:\w+ )?(?:embedded|consolidated)\b|"
                         r"(?<!in )\bneeds? (?:updating|improving|strengthening|reviewing|developing|refreshing|revising|attention)\b|"
                         r"\b(?:is|was) a need to\b|\bthere is (?:an? )?(?:urgent |clear |continuing |further )?need (?:to|for)\b|"
                         r"(?<!most )\burgent need\b|(?<!who )(?<!that )\bneeds? (?:better|more|a (?:stronger|strong|clearer|sharper|greater)) |"
                         r"\bneeds? to be (?:clearer|more|better|stronger|strengthened|improved|sharper)\b|"
                         r"\bshould be (?:strengthened|improved)\b|\bwould be strengthened\b|\baware of the need to\b|"
                         r"\b(?:more|further|greater) (?:\w+ ){0,2}(?:is|are) (?:required|needed)\b|could be more\b|requires? (?:improvement|strengthening)|"
                         r"\bnot yet\b|needs? to (?:improve|strengthen)|(?<!health )(?<!learning )(?<!educational )(?<!complex )"
                         r"(?<!additional )(?<!individual )(?<!their )(?<!specific )(?<!particular )(?<!own )(?<!identified )"
                         r"\bneeds to (?:ensure|revise|address|increase|develop|review|establish|embed|implement|extend|"
                         r"clarify)\b|\bbetter (?:[\w-]+ ){0,3}(?:is|are) (?:also |still )?(?:needed|required)\b|"
                         r"\brequires? (?:[\w-]+ (?:and )?){1,3}improvement\b|\bmore could be\b|\bwould welcome (?:more|"
                         r"further|greater|better)\b|\bstill (?:an? |the )need (?:to|for)\b|(?<!their )(?<!health )(?<!complex )(?<!additional )"
                         r"(?<!educational )(?<!learning )(?<!whose )(?<!what )(?<!s’ )(?<!s' )\bneeds? to be (?:\w+ )?(?:streamlined|applied|"
                         r"reviewed|updated|revised|addressed|refined|clarified|tightened|extended|expanded)\b|\brequir(?:es?|"
                         r"ing) (?:greater|more|further|closer) (?:scrutiny|oversight|attention|focus|challenge)\b|improvements? (?:are|is) (?:required|"
                         r"needed)|should (?:ensure|improve|make sure)|"
                         r"needs? to be done|\byet to\b|need to develop|still (?:too|exceeds?|below)|remains? to be done|"
                         r"\bwe have asked (?:[\w'’]+ ){0,3}?(?:to|for)\b|"
                         r"\bhas (?:notable |some |several )?areas for improvement\b|\bmore (?:work )?to be done\b|"
                         r"(?<!to )\b(?:identified|found|highlighted) (?:\w+ ){0,2}?areas? (?:to improve|for improvement)\b|"
                         r"\bmore work is (?:still )?(?:needed|required)\b|\broom for (?:further )?improvement\b|"
                         r"\bneeds? (?:further )?(?:strengthening|improvement)\b|"
                         r"\bcould (?:further |be )?(?:better|improve|quicker|faster|stronger|clearer|sharper)\b|"
                         r"\b(?:council|authority|managers|leaders|board|partnership|partners|they) (?:also |still )?"
                         r"needs? to (?:\w+ ){0,2}?(?:make sure|check|work harder|do more|(?:re)?assure (?:itself|themselves)|"
                         r"satisfy (?:itself|themselves)|be (?:re)?assured)\b|\bmore can (?:still )?be done\b|"
                         r"\bit is (?:important|crucial|essential|vital) that\b|\bsome (?:further )?work is (?:required|needed)\b|"
                         r"\b(?:is|are) still (?:required|needed)\b|\bthere (?:are|is) still (?:some )?areas? for "
                         r"(?:improvement|development)\b|\bstill needs? (?:more |further )?work\b|\bmore could be done\b|\bcan do more\b|"
                         r"\bstill to be (?:fully )?(?:embedded|addressed|achieved|completed|resolved|implemented)\b|"
                         r"\bin need of (?:improvement|development|strengthening)\b(?! identified)|\bneeds? embedding\b|"
                         # "some actions that require ongoing focus … to further embed" (a held-out 2014 report)
                         r"\brequires? (?:ongoing|further|continued|continuing|sustained) (?:focus|attention)\b|"
                         # "good progress … but this needs to be achieved across the range of services" (held out, 2014)
                         r"\bneeds? to be (?:achieved|embedded|extended|replicated|applied|seen) (?:across|in all|throughout|"
                         r"consistently)\b")  # (as written: compiled, regrouped, by ``dispatched`` below)
_STILL_TO_DO_AS_WRITTEN = r"\b(?:" + _STILL_TO_DO_PHRASES + ")"  # tried only where a word starts
STILL_TO_DO = dispatched(_STILL_TO_DO_PHRASES, r"\b", re.I)  # the same, and there only the phrases that can start there
# "Leaders understand the areas of practice that require improvement": what they know, not what is still to do
_AREAS_THAT_NEED = re.compile(r"\bareas? (?:of (?:\w+ )?)?(?:that|which) (?:requires?|needs?)\b|"
                              # what a leader's work is aimed at: "focus on the areas in which improvement is
                              # needed", "starting to identify areas requiring further scrutiny"
                              r"\bareas? (?:of (?:\w+ )?)?(?:in which|where) (?:\w+ )?(?:improvement|development|change|"
                              r"action|work) (?:is|are) (?:most )?(?:needed|required)\b|\bareas? (?:of (?:\w+ )?)?"
                              r"(?:requiring|needing)\b|"
                              r"\bwhen (?:\w+ ){0,6}?(?:judged|rated|found|graded)\b[^.,;]{0,25}\brequir\w* improvement\b"
                              r"|\bwhat (?:else |more |further |still )?(?:needs|needed|is needed|has|remains|is left) to\b",
                              # a plan's or a leader's content, not a verdict: "plans not specific about what needs to be
                              # done"; "know what needs to improve"; a board's report made to "celebrate success and
                              # identify what remains to be done" (h25: an area for improvement)
                              re.I)  # and "... since the last inspection, when they were judged to require improvement"


# "Where an audit finds that practice requires improvement, it is escalated": when the need arises, not a need
_SIDE_CLAUSE = re.compile(r"\b(?:where|when|whenever|if)\b(?:(?!\bbut\b)[^,;.]){0,120}", re.I)


# "... support to young people over 21 is an area that requires strengthening", "There are some areas of
# practice that need strengthening": the area is named as the one still to do, not what someone knows of
_AREA_STATED = re.compile(r"\b(?:is|are|remains?) (?:an?|the|one|some|two|three|other|several)? ?(?:\w+ )?areas? "
                          r"(?:of (?:\w+ )?)?(?:(?:that|which) (?:requires?|needs?)|requiring|needing)\b|"
                          r"\bthere (?:are|is) (?:\w+ ){0,2}areas? (?:of (?:\w+ )?)?(?:that|which) (?:requires?|needs?)\b",
                          re.I)


# someone's own words, quoted: "The director's motto is ‘context is not an excuse but reinforces the need to
# deliver better outcomes’" (theirs, not the inspectors' finding of something still to do)
# (each from an opening mark to the first closing one after it, twelve characters or more between: looked for from the
# closing marks, as a pattern tried at each opening mark ran to the end of a passage with no closing one, its work
# growing with the square of the marks)
_OPENING, _CLOSING = re.compile(r"[‘“]"), re.compile(r"[’”]")
QUOTED_AT_LEAST = 12


def quotes_blanked(flat: str) -> str:
    """``flat`` with each quotation of twelve characters or more a space, from the left."""
    closing = [m.start() for m in _CLOSING.finditer(flat)]
    out: list[str] = []
    done = 0
    for m in _OPENING.finditer(flat):
        at = m.start()
        if at < done:
            continue
        k = bisect.bisect_right(closing, at)
        if k == len(closing):
            break
        if closing[k] - at - 1 >= QUOTED_AT_LEAST:
            out += [flat[done:at], " "]
            done = closing[k] + 1
    return "".join(out) + flat[done:] if out else flat


def still_to_do(flat: str) -> bool:
    """Whether a sentence says something is still to do ("there is more to do", "needs to improve")."""
    flat = HOW_COULD.sub(" ", quotes_blanked(flat))  # ("insight into how services could be improved": a question)
    named = flat if _AREA_STATED.search(flat) else _AREAS_THAT_NEED.sub(" ", flat)
    return bool(STILL_TO_DO.search(_SIDE_CLAUSE.sub(" ", named)))


MID_CONTRAST = re.compile(r".\b(?:however|although|though|but|yet|whilst|while|except)\b", re.I)
# A sentence saying what is planned or under way (not yet a judgement of practice): context.
_UNDER_WAY = re.compile(
    r"\b(?:is|are|were|was) (?:already )?aware of (?:this|these|it)\b|\bhas (?:now )?been put in place to address|"
    r"\b(?:has|have) (?:well[- ]developed |appropriate |clear |concrete |detailed |firm )?plans? (?:to (?!live|remain|stay|"
    r"return|be adopted)|for (?!adoption|permanen|long|"
    r"their|them)|in place)\b|"
    r"\bplans? (?:are|is) in place\b|\b(?:is|are) (?:currently |now )?being sought\b|"
    r"\bmoving forward with (?:its |their )?plans\b|\bembarked on (?:a|an|the) (?:[\w-]+ )?(?:journey|programme|plan)\b|"
    r"\b(?:is|are) (?:currently |now )?refining\b|\b(?:is|are) (?:\w+ )?in (?:active |ongoing |early )?discussions? with\b|"  # ("A suitable venue is being
    # sought": what is sought, not yet had)
    r"\b(?:is|are) (?:currently )?(?:piloting|reviewing|rolling out|working towards|planning|"
    r"developing|exploring|considering)\b|\b(?:is|are) being (?:further )?(?:developed|implemented|rolled out)\b|"
    r"\bhad recognised this\b|\bcommenced preparation|"
    # work not yet done, however it is praised ("Work is nearing completion on a new, supportive hub home", "There
    # is ongoing work to develop apprenticeships", h28)
    r"\b(?:is|are) (?:now )?nearing completion\b|\bthere (?:is|are) (?:\w+ )?ongoing (?:work|plans?|discussions?)\b|\b(?:is|are) (?:recognised and )?being addressed\b|"
    r"\b(?:has|have) (?:rightly )?acknowledged\b|\b(?:has|have) committed to\b|\bis committed to further\b|"
    r"\bat the time of (?:the|this) inspection, there (?:were|was)\b|"
    # what is scheduled: "A scoping exercise is due to take place to consider …" (h23), never people "who are due to
    # be released"
    r"(?<!who )\b(?:is|are) (?:now |shortly |soon )?due to (?:take place|start|begin|commence|be (?:implemented|introduced|"
    r"launched|published|completed|rolled out|reviewed|considered|held|agreed|presented|appointed))\b", re.I)
_NONE_LISTED = re.compile(r"^\W*(?:(?:there (?:are|were|is) no|no)\b(?: \w+){0,4}? (?:actions?|recommendations?|areas? "
                          r"for (?:priority )?action|areas? for improvement)|none)\W*$", re.I)
_FOR_CONCERNS = re.compile(r"\b(?:due to|because of|in response to|following|prompted by) (?:the |these |those |some )?"
                           r"(?:inspectors'? |its own |their |serious |significant )?concerns?\b"
                           r"(?:(?!\b(?:but|however|although|while|yet)\b)[^;.])*", re.I)
# Work begun or planned, said of something that has no other word of good or bad practice: "The local
# authority is recruiting additional staff", "A joint housing protocol is under development".
_BEGUN = re.compile(
    r"\b(?:is|are) (?:currently )?(?:recruiting|introducing|implementing|taking further action)\b|"
    r"\b(?:is|are) being (?:further )?(?:strengthened|introduced|established)\b|"
    r"\b(?:is|are) (?:now )?(?:under ?way|under development|in development)\b|\bnow under ?way\b|"
    r"\b(?:authority|council|leaders|managers|partnership|board) plans to\b|"
    r"\b(?:is|are) (?:soon|shortly) to (?:take place|start|begin|be "
    r"(?:launched|introduced|delivered|held))\b|"  # ("A suitable venue is being sought", "training is soon to take place")
    r"\bwill (?:enable|allow|help|support|provide|ensure)\b|\b(?:is|are) (?:currently |now )?in the process of\b|"
    # a response begun ("they commissioned a review of all care leavers closed to the service, and intended to
    # allocate a named adviser", h28)
    r"\b(?:commissioned|ordered) an? (?:immediate |urgent |further |full |independent )?(?:review|audit)\b|"
    r"\band (?:also )?intend(?:s|ed)? to\b|\b(?:they|leaders|managers|council|authority) (?:also )?intend(?:s|ed)? to\b|"
    r"\bit is planned that\b|\b(?:is|are) due to (?:join|start|take up|take place|open|begin|go live|be (?:launched|introduced|"
    r"implemented|appointed|reviewed|completed|held|undertaken))\b|\bembarking on\b|\b(?:is|are) (?:actively )?considering\b", re.I)
_STILL_MORE = re.compile(r"\b(?:but|however|although|yet)\b,? (?:there is|there remains|it has|this has|they have)? ?"
                         r"(?:still )?(?:(?:much|some|more|further) (?:work )?(?:still )?to do|a (?:long )?way to go)\b", re.I)
TOO_SOON = True
# What cannot be judged yet, the inspection's standard safety statement, and a council's response to what it
# has found: context, whatever words of weakness they carry ("it is too soon to see the impact", "No
# children were found to be left at risk of immediate harm", "Leaders acknowledged the delay and have plans").
_AND_THEN = re.compile(r"(?:,? and (?:currently |also |in addition )?|; )(?=\w+ \w+ \w+)", re.I)  # a clause of its own
_TOO_SOON = re.compile(
    r"\btoo (?:soon|early) to (?:fully )?(?:see|assess|judge|evaluate|measure|demonstrate|show|determine|evidence|"
    r"identify|establish|gauge|tell)\b|"
    r"\btoo recent to (?:see|assess|judge|evaluate|measure|demonstrate|show|determine)\b|"
    r"^\W*although yet to have (?:a |an |any )?(?:significant |full |measurable )?impact\b|"
    r"\b(?:impact|difference|effect)\b[^.]{0,40}\b(?:has|have|is|are) yet to be (?:seen|evident|realised|felt)\b|"
    r"\b(?:children|child|young people) (?:were|was) not (?:found|identified|seen) (?:to be )?(?:in situations of |at )"
    r"[^.]{0,40}\brisk|\binspectors did not (?:find|identify|see) any (?:evidence|children|child)\b[^.]{0,120}"
    r"\b(?:risk|harm|unsafe|detriment)\b|"
    # what inspectors looked for and did not find ("did not see any cases where adoption should have been considered
    # … but had not been", a held-out 2014 report): no finding of a weakness
    r"^\W*(?:however,? )?inspectors did not (?:find|identify|see) any cases (?:where|in which)\b|"
    r"^\W*(?:(?:however|during|in|of|from|across|within)\b[^,.]{0,50},\s*){0,2}no (?:children|child|young people|"
    r"cases)\b[^.]{0,80}\b(?:were|was|have been|has been) (?:found|identified|seen)\b(?:(?!\b(?:and|but)\b)[^.]){0,60}"
    r"\b(?:at (?:(?:immediate|significant|potential|unassessed),? ){0,3}risk|immediate harm|unsafe|situations of "
    r"[^.]{0,30}risk)|"  # ("No children were identified at immediate, unassessed risk of serious harm", held out)
    r"^\W*inspectors (?:found|identified|saw) no (?:children|child|young people|cases)\b[^.]{0,40}\b(?:at (?:immediate "
    r"|significant |potential )?risk|unsafe)\b|"
    r"\bno (?:children|child|young people|cases)\b[^.]{0,40}\b(?:had|have|has) been left at (?:immediate |significant )?"
    r"risk\b|"
    r"\b(?:has|have|had) (?:recognised|acknowledged|identified) (?:the|these|this) (?:delays?|gaps?|issues?|"
    r"weakness(?:es)?|shortfalls?|backlogs?)\b[^.]{0,40}\band (?:has|have|had|is|are)\b|"
    r"\b(?:acknowledged|accepted) (?:the|these|those|this) (?:delays?|gaps?|issues?|weakness(?:es)?|shortfalls?|"
    r"backlogs?|concerns?) and\b|"  # ("senior leaders fully accepted these shortfalls and commissioned an immediate
    # review", h28; not "accepted the inspection findings and are determined to improve", a strength)
    # leaders' own finding with what they have done about it ("Senior managers recognised that the current model
    # is not having the necessary impact, and work has started on …"; "The new chair has recognised that this is
    # an area for development"): their response, not the inspectors' finding
    r"\b(?:leaders|managers|director|dcs|chair|council|authority|board|partnership)\b[^.]{0,40}?\b(?:has |have |had )?"
    r"(?:now |rightly |also )?recognised that\b(?![^.]*\b(?:progress|successful))[^.]*?(?:\band (?:has|have|had)\b|"
    r"\band (?:[\w-]+ ){1,4}(?:has|have) (?:been )?(?:introduced|appointed|secured|commissioned|started|begun|"
    r"established|created|put in place)\b|\band work has (?:started|begun)\b|\b(?:this|it) is an area for "
    r"(?:development|improvement)\b)|"
    # ("Recognition of this area of weakness … led the local authority to create an additional team")
    r"^\W*(?:the )?(?:recognition|acknowledgement) of (?:this|these|the) (?:[\w-]+ ){0,3}(?:weakness|shortfall|gap|"
    r"deficit|delay)(?:es|s)?\b[^.]{0,80}\b(?:led|prompted|resulted)\b|"
    r"\baware of (?:these|this|the|its) (?:\w+ )?(?:shortfalls?|weakness(?:es)?|decline|gaps?|issues?|delays?|deficits?|"
    r"concerns?)\b[^.]{0,60}\band (?:has|have|is|are|had)\b|"
    # the council's rating of itself, not the inspectors' finding ("Most services are self-assessed as good", a new
    # user's strength card in a failing report, stop 52)
    r"\bself-assessed (?:as|to be) (?:good|outstanding|strong|effective)\b|\b(?:rates?|rated|grades?|graded|judges?|"
    r"judged) (?:itself|themselves|its (?:own )?services) (?:as )?(?:good|outstanding)\b", re.I)
# Weak wording that, under an inadequate judgement, marks a priority action: children left at risk. ("risk"
# on its own too: a failing service's weakness about risk is, for this auditor, one that leaves children
# at risk; development priority 71/57 -> 68/65, improvement 83/87 -> 85/85.)
HARM = ("harm", "risk", "at risk", "unsafe", "serious", "widespread", "significant", "failure", "failures", "fails",
        "unassessed", "not safeguarded", "not protected", "neglect", "inadequate", "deteriorat", "exposed", "risky",
        "left in", "not recognised", "not identified", "ineffective", "poor", "too few", "not fit for purpose",
        "unaware", "grip", "safeguarded")


SUMMARY_PRIORITY = True
STILL_TO_DO_WHY = "wording: something still to do"  # the reason a card gives for what is said to be still to do
SEVERITY_CARRY = True  # a neutral follow-on sentence takes the severity of the one before
NEUTRAL_RI = True  # a plain statement under a requires-improvement judgement is a (weak) strength too
# Harm itself: under an inadequate judgement, enough for a priority action with no other weak wording.
LEFT_AT_RISK = ("harm", "at risk", "unsafe", "unassessed", "not safeguarded", "not protected", "exposed", "risky",
                "left in", "neglect", "serious", "widespread", "failure")


# What is at risk is a placement or an arrangement, not a child: "placements that are at risk of breaking down"
_THINGS_AT_RISK = re.compile(r"\bat risk of (?:breaking down|breakdown|disruption|disrupting|ending|decline|declining|"
                             r"deteriorat\w*|slipping)\b")  # (or the service: "The situation remains fragile and at
# risk of decline", held out)
# Who a service is for: "dedicated support for children who are at risk of exploitation" (a cohort named, not
# children left at risk)
_WHO_ARE_AT_RISK = re.compile(r"\b(?:for|to|with) (?:children|young people|those|families)(?: and (?:young people|"
                              r"families|carers))? (?:who are|identified as|assessed as|considered)(?: to be)? at "
                              r"(?:\w+ )?risk\b")
# Children exposed to something that is no harm: "This leaves children exposed to uncertainty and unnecessary
# statutory processes" (a weakness, not children left at risk)
_ESCALATED = re.compile(ESCALATED, re.I)
_EXPOSED_TO_LESS = re.compile(r"\bexposed to (?!(?:[\w-]+ ){0,3}?(?:risks?|harm|harmful|danger|dangerous|abuse|abusive|"
                              r"exploitation|neglect|violence|violent|unsafe|domestic|criminal|sexual|further|"
                              r"significant|serious))")

LEFT_AT_RISK_ANYWHERE = True  # a weakness that says children are left at risk now is a priority action, whatever
# the grade (DOMAIN.md: "children left at risk"); said outright, not merely "risk" or "harm" named
_LEFT_AT_RISK_NOW = re.compile(
    r"unassessed risk|\b(?:remain|remains|remained|left|leave|leaves|leaving)\b[^.]{0,80}\b(?:(?:potentially )?at "
    r"(?:further |continued )harm|at (?:potential )?risk"
    r"(?! of (?:becoming|coming into|entering) (?:looked after|care)| of (?:decline|declining|deteriorat|slipping))|unsafe|harmful|potential harm|"
    r"(?:situations|circumstances) of [^.]{0,25}(?:risk|harm)|(?:vulnerable|risky|dangerous) (?:circumstances|situations)|"
    r"(?:situations|circumstances) (?:in which|where) [^.]{0,80}\bnot (?:been )?(?:fully |properly |adequately )?"
    r"(?:assessed|understood|addressed))|"
    r"continued? (?:to suffer |to experience )?harm|not (?:been )?(?:adequately )?"
    r"safeguarded|\b(?:exposed to|faces?|facing|experienc\w+|subject to|(?:places?|placed|puts?|putting) (?:them |children |"
    r"young people )?at) (?:an? |the )?(?:continued |ongoing |potential |increased )?risk of (?:further|significant) harm|"
    r"remained? compromised|illegally placed|experienc\w* further (?:incidents of |episodes of )?harm|" + ESCALATED, re.I)  # (not "children who may be at risk of significant harm")
_HARM_GOES_ON = re.compile(r"\b(?:further|continued|continuing|ongoing|repeated) (?:\w+ ){0,2}?harm|\bharmful "
                           r"situations\b|\b(?:leading|led|leads) to [^.]{0,30}\bharm\b", re.I)
_NOT_LEFT = re.compile(r"\b(?:not|never|no)\b (?:\w+ ){0,3}?(?:left|leave|leaves|leaving|remain|remained|at risk)\b|"
                       r"\b(?:not|never) (?:result|lead|mean)\w* (?:in |to |that )?(?:[\w'’-]+ ){0,4}?(?:left|leave|"
                       r"remain\w*|at risk)\b", re.I)  # "has not left children at risk"; "While this does not result in
# children being left at risk of harm, decisions … are less effective" (held out)
# A risk only said to be possible ("which potentially leaves children at risk", "could leave"): a weakness at its
# grade, not children left at risk now
_MAYBE_LEFT = re.compile(r"\b(?:potentially|possibly|could|may|might|can)\b (?:\w+ ){0,2}?(?:leaves?|leaving|result\w* in|"
                         r"lead\w* to|place\w*|put\w*)\b", re.I)


FAILING_REPORT = True
URGENT_ITEMS = True  # a recommendation asking for immediate action ("Take immediate action to ...", "Urgently
# review ...") is a priority action, as it would be under an "areas for priority action" heading
_URGENT = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:immediate(?:ly)?|urgent(?:ly)?)\b|"  # said first, as the ask
                     r"^\W*\w+ (?:\w+ ){0,6}?as a matter of urgency\b", re.I)  # ("Review as a matter of urgency all ...")
CONCEDED_PRAISE = True  # a leading concession's praise counts for nothing where the main clause is only a weakness
SERIOUS_IS_WEAK = True  # in a failing report, serious wording ("inadequate", "widespread") with no other is a
# weakness of its own ("immediate action" is not: leaders taking it is their response)
_SERIOUS_ALONE = frozenset(("inadequate", "serious", "widespread", "unsafe", "failures", "not safeguarded",
                            "left at risk"))
HEDGED = True
# A weakness the inspectors hedge ("not always", "some children", "a small number") is an area for improvement
# even in a failing service, unless they also say how far it reaches ("too many", "widespread", "serious").
_HEDGE = re.compile(r"\bnot (?:always|consistently|yet|all|often|routinely|fully)\b|\bsometimes\b|\bin some\b|"
                    r"^\W*(?:for )?some\b|\ba (?:small )?(?:number|minority) of\b|\bvariable\b|\binconsistent")
_REACH = re.compile(r"\btoo many\b|\bmany\b|\bmost\b|\bmajority\b|\bwidespread\b|\bserious|\bsignificant|"
                    r"\bsystemic\b|\bfail|\bunassessed\b|\bunsafe\b|\bimmediate\b")


def _hedged(low: str) -> bool:
    return bool(_HEDGE.search(low)) and not _REACH.search(low)


_FIGURE = re.compile(r"\d")
# Numbers that name rather than count: "section 47 enquiries", "16- and 17-year-olds", "key stage 4", "until 10pm"
_NAMING_NUMBER = re.compile(r"\b(?:section|sections|s|key stage|stage|tier|level|outcome|article|schedule|"
                            r"regulation|part|aged?|under|over) \d+[a-z]?(?:(?:,| and| or| to) \d+[a-z]?)*\b|\bact,? (?:19|20)\d\d\b|"
                            r"\b\d+ years? old\b|\b\d+(?:(?:-|\s(?:and|to)\s)+\d*)?-? ?"
                            r"year-? ?olds?\b|\b\d+(?:am|pm)\b|\b\d+/7\b", re.I)
TURN_TO_PLAIN = True
CONCEDED_GOOD = True
_CONCEDING = re.compile(r"^\W*(?:although|though|even though|while|whilst)\b", re.I)  # not "despite" (of a problem),
# nor "when" or "if" (a condition, not a concession)
_LATE_TURN = re.compile(r",? \b(?:but|although|though|yet)\b (?!also\b)|"
                        # ", however six others felt unsafe" (h23), never "however complex these may be" (no turn)
                        r"[,;] however,? (?!\w+ (?:\w+ )?(?:these|this|it|they|those|he|she) (?:may|might|can|could|are|is)\b)",
                        re.I)


def _late_turn(flat: str) -> str | None:
    """What follows a sentence's last "but", "although", "though" or "yet" (three words or more; never "not only
    ... but also"), or None."""
    if re.search(r"\bnot only\b", flat, re.I):
        return None
    last = None
    for last in _LATE_TURN.finditer(flat):
        pass
    if last is None or last.start() < 15 or len(flat[last.end():].split()) < 3:
        return None
    opened = flat.rfind("“", 0, last.start())
    closed = flat.find("”", opened) if opened >= 0 else -1
    if opened >= 0 and (closed < 0 or closed >= last.end()):
        return None  # a turn inside someone's own words ("“… took a step back, which I appreciated, but they still
        # meet with me”"): how they tell it, not the inspectors' finding after a concession
    if _BEFORE_NOW.search(flat, last.end()):
        return None  # a turn to what happened before ("none is placed there now, although a few were before this
        # time", h30): the good is the finding, what went before is history
    return flat[last.end():]


_BEFORE_NOW = re.compile(r"\b(?:prior to|before) (?:this|that|then|now)(?: (?:time|point|date|period))?\b|"
                         r"\b(?:previously|in the past)\b", re.I)


_FEW_START = re.compile(r"\W*(?:comparatively |relatively |very )?few\b", re.I)
_LATE_DESPITE = re.compile(r",\s*(?:despite|notwithstanding|in spite of)\b", re.I)  # a concession after the finding
_TURN = re.compile(r"^\W*(?:however|but|nevertheless|nonetheless|despite this|even so)\b", re.I)
_TURNED = {"strength": "improvement", "improvement": "strength", "priority": "strength"}


VARIES_FIRST = True
# Variation said first, then what the better ones do: "The quality of assessments is variable; some are thorough
# ...", "The quality of SGO assessments vary: stronger assessments are timely ...". The finding is the variation;
# the praise after the colon or semicolon only shows its better end (development: both such units areas for
# improvement, read as strengths)
_VARIES_THEN = re.compile(r"^[^;:.]{0,140}\b(?:(?:is|are|remains?) (?:very |highly |too |still )?variable|"
                          r"var(?:y|ies))(?: (?:widely|considerably|greatly|in quality))?\s*[;:]", re.I)


def verdict(flat: str, section: str | None, doc_grade: str | None, kind: str | None, prev_sev: str | None = None,
            follow_on: bool = False, under: str | None = None) -> tuple[str | None, float, list[str], dict[str, float]]:
    """The rules' verdict on one unit's wording where it sits (``section``: its section's tone, e.g.
    "improvement" or "grade:inadequate"; ``kind``: its part's kind): a severity or None (context, or
    nothing evaluative), how sure, why in a few words, and the features ``unit_features`` reads. A
    quote alone (no section, no report) is read with ``None`` for all three. ``under``: where it sits as its
    card says it, where that is not the section's grade ("an 'outstanding' judgement", which sets a good one's
    tone; "the report's strengths")."""
    low = flat.lower()
    flags = []
    earlier = earlier_findings(low)
    strong, weak, serious, cues = tone(flat)
    failing_here = section == "grade:inadequate" or doc_grade == "inadequate"
    if SERIOUS_IS_WEAK and not weak and not strong and any(
            c in _SERIOUS_ALONE if failing_here else c == "inadequate" for c in cues):
        weak = serious  # "Services for children in need of help and protection are inadequate."; "inadequate"
        # under any judgement ("Arrangements for privately fostered children are inadequate" under requires
        # improvement), but not "participation is widespread" or "children who face serious medical issues"
    if not weak and not strong and _LEFT_AT_RISK_NOW.search(_SIDE_CLAUSE.sub(" ", flat)) and not _NOT_LEFT.search(flat):
        weak = 1.0  # said outright with no other word of weakness: "This leaves some children in vulnerable
        # circumstances" (a held-out reader's priority action, read as a plain strength under requires improvement)
    if VARIES_FIRST and weak and strong > weak and _VARIES_THEN.match(flat):
        weak = strong  # the variation is the finding; the better end, after the colon, only shows it
    concession = LEAD_CONCESSION.match(flat)
    if CONCEDED_PRAISE and concession:
        main = tone(flat[concession.end():])
        if not main[0] and (main[1] or any(c in _SERIOUS_ALONE for c in main[3])):
            strong, weak = 0.0, max(weak, main[1], main[2])  # "Despite the positive experiences of many children in
            # care, the judgement … is inadequate": the praise conceded, what follows is the finding
    if CONCEDED_PRAISE and not concession and (late := _LATE_DESPITE.search(flat)):
        main = tone(flat[:late.start()])
        if main[1] and main[1] >= main[0]:
            strong, weak = main[0], max(weak, main[1])  # "Few gain good grades, despite a range of appropriate
            # help from the virtual school" (h30: a strength): the help conceded, what comes before is the finding
    too_soon = _TOO_SOON.search(flat) if TOO_SOON else None
    if too_soon and concession and too_soon.end() <= concession.end() and tone(flat[concession.end():])[1]:
        too_soon = None  # "While inspectors did not find any children at risk of immediate harm, responses are
        # inconsistent": the safety statement concedes; the finding is what follows
    elif too_soon and (then := _AND_THEN.search(flat, too_soon.end())) and tone(flat[then.end():])[1] \
            and not flat[then.end():].lower().startswith(("no ", "not ")):  # (", and no widespread or serious
        # failures … were seen" is more of the safety statement, held out; as is "found to be unsafe and not being
        # supported", its subject the statement's own)
        too_soon = None  # "... it is too early to see the impact of this focus and currently preventative services
        # are not sufficiently streamlined": a finding of its own follows the wait
    # (the concerns work is begun for are its reason, no finding of its own: "A review of cases … is underway due to
    # the concerns about risk, drift and poor management oversight")
    reason = _FOR_CONCERNS.search(flat)
    bare = flat[:reason.start()] + flat[reason.end():] if reason else flat
    bare_weak = tone(bare)[1] if reason else weak
    under_way = not bare_weak and bool(_UNDER_WAY.search(bare)) or bool(too_soon) or \
        not bare_weak and bool(begun := _BEGUN.search(bare)) and not tone(bare[:begun.start()] + bare[begun.end():])[0]
    if under_way and not too_soon and _STILL_MORE.search(flat):
        under_way = False  # "Work to improve … is under way, but there is more to do": what is still to do is found
        # (a held-out reader's area for improvement, left unsuggested)
    risky = low  # children's harm, not a placement's, nor a cohort's, nor a review's name: "placements at risk of
    # breaking down", "support for children who are at risk of exploitation", "exposed to uncertainty", "no serious
    # case reviews"
    for other in (_WHO_ARE_AT_RISK, _THINGS_AT_RISK, _EXPOSED_TO_LESS):
        risky = other.sub(" ", risky)
    risky = CASE_REVIEW.sub("scr", NONE_NEEDED.sub(" ", risky))
    escalated = bool(_ESCALATED.search(low))  # (inspectors asking for immediate action for children)
    harm = sum(1 for h in HARM if h in risky) + escalated
    still = still_to_do(flat)
    for flag, on in (("earlier", earlier), ("underway", under_way), ("imperative", recommends(flat, listed=False)),
                     ("still", still), ("concession", concession),
                     ("contrast", MID_CONTRAST.search(flat)), ("followon", follow_on),
                     ("atrisk", any(h in risky for h in LEFT_AT_RISK)), ("listed", section in (
                         "improvement", "priority")), ("summary", kind == "judgements")):
        if on:
            flags.append(flag)
    why: list[str] = []
    severity: str | None
    # under an inadequate judgement: the section's own, or where no section grades it, the report's
    failing = section == "grade:inadequate" or FAILING_REPORT and section is None and doc_grade == "inadequate"
    if earlier or under_way and section not in ("improvement", "priority"):
        severity, conf = None, 0.0  # context: what an earlier inspection found; something planned (in the
        # inspectors' own list, "... to ensure that robust plans are in place" is an item like any other)
    elif section in ("improvement", "priority") and _NONE_LISTED.match(flat):
        severity, conf = None, 0.0  # "There are no priority or immediate actions.": the list says it has none
    elif section == "priority":
        severity, conf = "priority", 0.9
        why.append(UNDER_PRIORITY_LIST)
    elif URGENT_ITEMS and section == "improvement" and _URGENT.search(flat):
        severity, conf = "priority", 0.85
        why.append("an inspectors' item asking for immediate action")
    elif section == "improvement":
        severity, conf = "improvement", 0.85
        why.append(UNDER_IMPROVE_LIST)
    elif SUMMARY_PRIORITY and section == "grade:inadequate" and kind == "judgements" \
            and weak > strong and not (HEDGED and _hedged(low)):
        severity, conf = "priority", 0.6  # the summary of an inadequate report: its most serious findings
    elif recommends(flat, listed=False) or still:
        severity, conf = "improvement", 0.7
        why.append(STILL_TO_DO_WHY)
    elif concession and (main := tone(flat[concession.end():]))[0] > main[1] and not serious:
        severity, conf = "strength", 0.45 + min(0.3, 0.1 * (main[0] - main[1]))  # "Despite X, Y is strong"
    elif weak and (MID_CONTRAST.search(flat) or concession or weak >= strong) \
            and not (failing and harm):
        severity, conf = "improvement", 0.5 + min(0.35, 0.1 * weak)
    elif failing and strong <= weak and (any(h in risky for h in LEFT_AT_RISK) or escalated) and (
            weak or serious or follow_on or _LEFT_AT_RISK_NOW.search(flat) or _HARM_GOES_ON.search(flat)):
        # "This leaves children in potentially harmful situations." (With no word of weakness, the harm must be
        # said to go on, or follow on from a finding: "Children identified as at risk of sexual exploitation are
        # referred to MASE" names a risk and a service, not a failure.)
        severity, conf = "priority", 0.55 + min(0.35, 0.1 * (harm + serious))
        if not cues or _LEFT_AT_RISK_NOW.search(flat):  # (said outright; else its words say why)
            why.append("children left at risk")
    elif failing and weak > strong:
        if harm:
            severity, conf = "priority", 0.55 + min(0.35, 0.1 * (harm + serious))
        else:
            severity, conf = "improvement", 0.5 + min(0.35, 0.1 * (weak - strong))
    elif serious and weak > strong:
        severity, conf = "priority", 0.55 + min(0.3, 0.1 * serious)
    elif weak > strong:
        severity, conf = "improvement", 0.45 + min(0.4, 0.12 * (weak - strong))
    elif TURN_TO_PLAIN and strong > weak and (turn := _late_turn(flat)) is not None and \
            not (turned := tone(turn))[0] and (not turned[1] or _FEW_START.match(turn)):  # (or few, its subject:
        # "..., although few attend their reviews", read as a shortfall of its own since h30)
        severity, conf = "improvement", 0.45  # "Decisions are appropriate, but some children enter care in a crisis":
        why.append("a turn from what is good")  # the good is conceded; what follows the turn is the finding
    elif CONCEDED_GOOD and concession and _CONCEDING.match(flat) and strong > weak and \
            not any(tone(flat[concession.end():])[:2]) and len(flat[concession.end():].split()) >= 4:
        severity, conf = "improvement", 0.45  # "While most children benefit from stability, a small number
        why.append("a turn from what is good")  # experience several moves": the good conceded, what follows found
    elif strong > weak:
        severity, conf = "strength", 0.45 + min(0.4, 0.12 * (strong - weak))
        if section == "grade:inadequate":
            conf -= 0.15  # strengths are rarer under an inadequate judgement
    elif SEVERITY_CARRY and not strong and not weak and prev_sev and follow_on and _TURN.match(flat) \
            and prev_sev in _TURNED:
        severity, conf = _TURNED[prev_sev], 0.4  # "However, some disabled children wait ...": the other way
        why.append("turns from the sentence before")
    elif SEVERITY_CARRY and not strong and not weak and prev_sev is None and _TURN.match(flat) \
            and section not in ("improvement", "priority"):
        severity, conf = "improvement", 0.35  # "However, legacy issues continue to have an impact on performance."
        why.append("a turn from what went before")
    elif SEVERITY_CARRY and not strong and not weak and prev_sev and follow_on:
        severity, conf = prev_sev, 0.4  # "This particularly affects...": goes on about the sentence before
        why.append("follows on from the sentence before")
    elif _FIGURE.search(_NAMING_NUMBER.sub(" ", flat)) and not strong and not weak:
        severity, conf = None, 0.0  # a plain statement of figures ("24 adoption orders were granted"): context
    elif section == "grade:good" or section is None and doc_grade in ("good", "outstanding") \
            and kind in ("heading", "headline", "paragraph"):
        severity, conf = "strength", 0.35  # a plain statement under a good judgement reads as a strength
    elif NEUTRAL_RI and (section == "grade:requires improvement" or section is None
                         and doc_grade == "requires improvement"
                         and kind in ("heading", "headline", "paragraph")):
        severity, conf = "strength", 0.3
    else:
        severity, conf = None, 0.0  # no evaluative wording: context, not worth a suggestion
    if LEFT_AT_RISK_ANYWHERE and severity == "improvement" and not failing and section != "improvement" \
            and _LEFT_AT_RISK_NOW.search(_SIDE_CLAUSE.sub(" ", flat)) and not _NOT_LEFT.search(flat) \
            and not _MAYBE_LEFT.search(flat):
        # (not "When children are at risk of significant harm, strategy meetings are held": when it arises)
        severity, conf = "priority", max(conf, 0.6)  # whatever the grade: "This leaves a small number of
        why.append("children left at risk")  # children in situations of unassessed risk."
    if under:
        why.append(f"under {under}")
    elif section and section.startswith("grade:"):
        grade = section[6:]
        why.append(f"under {'an' if grade[0] in 'aeiou' else 'a'} '{grade}' judgement")  # an 'inadequate' one
    if cues and section not in ("improvement", "priority") and STILL_TO_DO_WHY not in why:  # (an inspectors' item is
        # one for where it is listed, and what is still to do for that: its words, "swiftly, quickly", "stability,
        # improving", would read as the reason for a weakness)
        why.append("wording: " + ", ".join(dict.fromkeys(cues[:4])))
    if severity is not None and not why and doc_grade:  # (the card's line for why is never left blank)
        why.append(f"in {'an' if doc_grade[0] in 'aeiou' else 'a'} '{doc_grade}' report")
    feats = unit_features(flat, section, doc_grade, kind, severity, conf, (strong, weak, serious), harm, flags,
                          prev_sev)
    return severity, conf, why, feats

# What is so for most, not all ("When children have been missing, most, but not all, receive a return home
# interview"; "strategy meetings are generally timely, but not all children who require them have one"): an area
# for improvement even in a failing service, unless the sentence says children are left at risk by it
_MOSTLY_SO = re.compile(r"\b(?:most|many|generally|usually|mostly|the majority)\b[^.;]{0,80}\bbut not (?:all|always|"
                        r"consistently)\b", re.I)


def mostly_so(flat: str) -> bool:
    return bool(_MOSTLY_SO.search(flat)) and not _LEFT_AT_RISK_NOW.search(flat)
