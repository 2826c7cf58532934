"""What a sentence's words say of practice, wherever it sits: strong and weak wording read clause by
clause, with negation ("not always effective"), a problem being dealt with or absent ("reduces delay",
"families do not wait"), what work is for rather than how well it is done ("to ensure that ..."), and
phrases of shortfall. core.reading.readings weighs this beside where the sentence sits (``verdict``)."""

from __future__ import annotations

import re

from reviewer.core.reading.theming import WORD
from reviewer.core.text.alternation import dispatched
from reviewer.core.text.textsearch import folded_text

STRONG = ("effective", "effectively", "strong", "strength", "strengths", "good", "well", "timely", "robust",
          "appropriate", "appropriately", "improved", "improving", "swift", "swiftly", "prompt", "promptly",
          "thorough", "clear", "clearly", "comprehensive", "positive", "positively", "confident", "committed",
          "detailed", "creative", "sustained", "secure", "skilled", "proportionate", "outstanding", "exceptional",
          "impressive", "sensitive", "thoughtful", "purposeful", "child-centred", "meaningful", "efficiently",
          "efficient", "consistently", "helpful", "useful", "valued", "embedded", "well-embedded", "mature",
          "coherent", "intelligent", "supportive", "accessible", "collaboratively", "innovative", "quickly",
          "well-developed", "welldeveloped", "well-established", "established", "successfully", "excellent",
          "high-quality", "good-quality", "integrated", "insight", "sufficient", "right", "stable", "stability", "routinely",
          "favourably", "successful", "highly", "benefit", "benefits", "strengthened", "suitable",
          "supported", "achieved", "celebrated", "well-attended", "well-resourced", "well-coordinated",
          "regularly", "regular", "closely", "carefully", "manageable", "better", "stronger", "safer", "accurately", "thoughtfully", "enjoy", "enjoys", "enjoying", "ambition", "ambitious", "determined",
          "actively", "monitored", "tracked", "tracks", "value", "values", "involved", "happy", "accurate",
          "realistic", "champions", "champion", "listened", "purposefully", "ensures", "joined-up", "proportionately",
          "concerted", "solid", "enthusiastic", "enthusiasm", "strengthening", "visible", "creatively", "comprehensively",
          "accelerated", "tailored", "rigour", "rigor", "success", "award", "well-targeted", "flexible", "flexibly", "proactive",
          "proactively", "proud", "exemplary", "tirelessly", "tenacious", "tenaciously", "balanced", "well-balanced", "palpable", "tenacity", "perseverance",
          "judiciously", "readily", "sensitively", "supportively", "decisive", "decisively", "well-regarded",
          "rigorously", "rigorous", "embraced", "constructive", "constructively", "alert", "fitforpurpose",
          "closeattention", "evaluative", "remarkable", "generous", "informative")
WEAK = ("cannot", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "won't", "can't", "poorly", "decline", "negative", "frustration", "unsupported",
        "weak", "weaker", "weakness", "weaknesses", "failing", "failings", "overstretched", "disappointed",
        "fragmented", "disparity", "disparities", "unlawful", "unlawfully", "unapproved", "minority", "insufficient", "inconsistent", "inconsistently", "variable",
        "variability", "lack", "lacks", "poor", "delay", "delays", "delayed", "drift", "gaps", "limited", "limits",
        "unclear", "deficits", "too", "fail", "fails", "failed", "shortfalls", "ineffective", "slow", "difficult",
        "deteriorated", "deterioration", "deteriorate", "rarely", "vague", "overdue", "backlog", "briefly", "uncertain", "unable",
        "vacancies", "turnover", "fragile", "untimely", "declined", "not", "no", "absence", "absent", "barrier",
        "barriers", "omission", "shortage", "shortages", "vary", "varies", "varied", "missed", "lacking",
        "lacked", "basic", "prevented", "hinders", "hinder", "hindered", "adversely", "underdeveloped",
        "fluctuates", "churn", "overly", "reactive", "impeded", "below", "struggle", "struggles",
        "inappropriate", "inappropriately", "unrealistic", "incomplete", "minimal", "instability", "inexperience",
        "unsuitable", "unaware", "unassessed", "inadequately", "insufficiently", "nothing", "frustrating", "frustrated",
        "cancelled", "unplanned", "undocumented", "unrecorded", "out-of-date", "over-reliance", "over-optimistic",
        "diluted", "infrequently", "infrequent", "partially", "intermittent", "sporadic", "patchy", "uneven", "unevenly",
        "piecemeal", "unsighted", "unallocated", "superficial", "protracted", "lengthy", "inaccurate", "unresolved",
        "worse", "confusion", "impedes", "impede", "hampers", "hampered", "hamper", "undermines", "undermine",
        "undermined", "unsatisfactory", "wouldimprove", "deteriorating", "deteriorates", "shortcomings", "shortcoming",
        "underresourced", "overwhelmed", "confused", "worst", "poorest", "compromises", "compromised", "unregistered", "inconsistencies", "inconsistency",
        "task-focused", "task-oriented", "crisis-driven", "worsened", "premature", "inequitable", "excessively", "fractured",
        "uneasily", "unsuccessful", "underperforming", "underperforms", "unacceptable", "unacceptably", "unsure",
        "inhibit", "inhibits", "inhibited", "inhibiting", "underused", "disproportionate", "disproportionately",
        "paucity", "negatively", "widening", "seldom", "mismatch", "generic", "problematic", "scant", "poor-quality", "low-quality", "unreliable", "stalling", "stalled",
        "failure", "naivety", "over-optimism", "omissions", "struggled", "duplication", "failures",
        "weakens", "weakened", "interrupted", "inconsistences", "blaming", "disjointed", "disregarded",
        "disconnected", "lottery", "prematurely", "breakdown", "breakdowns", "duplicated", "unnecessarily", "differ",
        # held-out reports, stop 47
        "overcomplicated", "over-complicated", "convoluted", "inequality", "inequalities", "inequity", "dilutes",
        "diluting", "underestimated", "under-estimated", "partial", "overlooked",
        # a new user's 2018 report (h28): "social workers using professional jargon within letters"
        "jargon")
# A weakness word right after one of these is the problem being dealt with ("reduces delay", "no delay").
REMEDY = ("reduce", "reduces", "reduced", "reducing", "reduction", "minimise", "minimises", "minimised", "minimising",
          "prevent", "prevents", "preventing", "avoid", "avoids", "avoiding", "tackle", "tackles", "tackling",
          "address", "addresses", "addressing", "no", "without", "free", "identify", "identifies", "low", "lower",
          "fewer", "few", "little", "respond", "responds", "understand", "understanding", "track", "tracks",
          "mitigate", "mitigates", "mitigated", "mitigating", "highlighting", "highlights")
REMEDY_SCOPE = 4
# fold() reads "well-attended" as "wellattended" (PDFs break such words at the hyphen): the lists too
_SHOWN = {w.replace("-", ""): w for w in STRONG + WEAK if "-" in w}  # as the panel says them
STRONG, WEAK, REMEDY = (tuple(dict.fromkeys(w.replace("-", "") for w in ws)) for ws in (STRONG, WEAK, REMEDY))
_SHOWN["wouldimprove"] = "to be improved"
_SHOWN.update(fitforpurpose="fit for purpose", closeattention="close attention", preventsfrom="prevents")
# What the inspectors say would make the work better ("plans would be improved if they stated ...", "would
# benefit from"): something still to do, however its words praise ("improved", "benefit").
# How something could be better, asked, not said ("insight into how services could be improved")
HOW_COULD = re.compile(r"\b(?:how|whether|where|what) (?:[\w'’-]+ ){0,3}?could be (?:improved|strengthened|better|"
                       r"developed)\b|\bwhat (?:[\w'’-]+ ){0,3}?(?:is|are) (?:needed|required)\b", re.I)  # (and "consider
# what practical help is needed": a question, held-out 2026)
_WOULD_IMPROVE = re.compile(r"\b(?:would|could|might) (?:be (?:further |much |significantly |greatly )?(?:improved|"
                            r"strengthened|enhanced|better)|benefit from)\b|\b(?:needs?|has|have) to be (?:further |much )?"
                            r"(?:improved|strengthened)\b|\bneeds? to (?:get|be|do) (?:much )?better\b|"
                            r"\bmust (?:\w+ ){0,2}do (?:much )?better\b|"
                            r"\bshould be (?:an? )?(?:much |far )?(?:better|wider|greater|more)\b|"  # ("There should be a
                            # better range of accommodation …"; "schools need to make sure that they support children
                            # better", to the end of its clause)
                            r"\bneeds? to (?:[\w'’-]+ ){1,8}?better\b[^.;]*|"
                            # a council's own telling of what it has still to do ("We must ensure greater
                            # consistency among practice")
                            r"\b(?:we|the council|the local authority|leaders|managers|partners) (?:must|need to|"
                            r"will need to|still need to) (?:ensure|improve|strengthen|address|tackle)\b")
# Names and descriptions that carry a word of weakness but judge nothing: "minority ethnic groups", "just
# below the threshold", "serious case reviews", "children who have had difficult experiences", "children not
# known to children's services"; and two-word spellings of one ("under developed").
_NOT_WEAK_NAMES = re.compile(r"\b(?:(?:as|are|is|were|was) detailed (?:in|below|above|at|within)\b|"
                             # the inspection's own manner, no praise of the work ("a rigorous examination of")
                             r"(?:rigorous|thorough|robust|detailed|comprehensive|in-depth) "
                             r"(?:inspection|examination)\b|"
                             # a council telling that a failure is behind it: no weakness named
                             r"no longer (?:(?:judged|rated|graded|considered|deemed) )?(?:to be |as )?inadequate\b|"
                             r"no longer (?:subject to|under|in) (?:an? |the )?(?:improvement notice|"
                             r"statutory direction|intervention)\b|"
                             r"removed from (?:government |statutory )?intervention\b|"
                             r"no (?:areas?|services?|parts?|judge?ments?) (?:that )?(?:were |was |are |is |had been |"
                             r"have been )?(?:judged|rated|graded|found) (?:to be |as )?inadequate\b|"
                             r"no (?:areas? for )?priority actions? (?:were |was |had been |have been )?"
                             r"(?:identified|found|raised|set)\b|"
                             r"\b(?:persistent|school|authorised|unauthorised|overall) absences?\b|"  # (a record kept of
                             r"\babsence rates?\b|"  # pupils; a measure, h27: "the authorised absence rate fell by 1.2%")
                             r"\bwhat good (?:practice |quality |work )?(?:looks|look) like\b|"  # (a standard named)
                             r"\bfirst language is not\b|"  # ("families whose first language is not English")
                             r"\bright now\b|"  # ("a key area for our partnership right now": a time, no praise)
                             r"\b(?:basic|functional) skills\b|"  # what a course teaches, no shortfall (h30: "training
                             # in basic skills" for care leavers read as an area for improvement on "basic")
                             r"\bbasic (?:practice |safeguarding )?standards\b|"  # the floor set ("Compliance with basic
                             # practice standards is now in place", h30; "not meeting basic standards" still denies)
                             r"(?:ethnic )?minority (?:ethnic )?(?:groups?|communities|backgrounds?|families|"
                             r"children|origins?|heritages?|young people|people|pupils|populations?|residents|staff|"
                             r"carers|adopters|social workers)|below (?:the )?thresholds?|serious (?:case|incident|safeguarding practice) "
                             r"(?:reviews?|notifications?)|serious youth violence|difficult (?:experiences|"
                             r"circumstances|backgrounds?|to reach)|not (?:previously |already )?known to (?:children's )?(?:social care|"
                             r"services|children's services|the (?:local )?authority|the council)|not their first language|whether or not|"
                             r"(?:who|that) (?:cannot|can't|are unable to|could not) (?:return|live|remain|go) (?:home|safely|with|"
                             r"at home)|unable to (?:return|live|remain) (?:home|safely|with|at home)|"
                             # whom a service finds homes for (h25: "children considered difficult to match are
                             # adopted", a weakness)
                             r"(?:difficult|hard|harder|hardest|more difficult|most difficult) to (?:match|place|"
                             r"find (?:a |an )?(?:home|family|placement)s? for)|(?:who|that|whose "
                             r"circumstances|(?:whose|their|children[’']s|a child[’']s|young people[’']s) needs) "
                             r"(?:do|does|did) not meet (?:the |a )?(?:\w+ )?thresholds?|not living with their "
                             r"(?:families|parents|birth)|no recourse to public funds|strengthening families|strengths and "
                             r"difficulties questionnaires?|notifications? of serious incidents?|serious incidents? "
                             r"(?:notifications?|reviews?|panel)|(?:five |5 )?good gcses?|difficult "
                             r"family backgrounds?|difficult conversations|time-?limited|apprenticeship vacancies|"
                             r"systemic (?:practice|model|approach|family therapy|practitioners?|units?|social work)|"
                             r"supported (?:accommodation|lodgings|housing|living)|integrated children's system|"
                             r"effective support for children and families|(?:highly|very) (?:complex|demanding|challenging)|"
                             r"(?:a |the )?(?:national|regional|nationwide) (?:shortages?|challenges?|difficulties)|"
                             r"(?:challenges|pressures|difficulties) (?:seen|faced|experienced) (?:nationally|regionally|across "
                             r"the country)|"
                             # strengths named beside risks or needs: what an assessment weighs, no praise
                             r"(?:risks?|needs|vulnerabilities) and strengths|strengths and (?:risks?|needs|"
                             r"vulnerabilities|concerns)|"
                             r"strengths?-based|supported by an? "
                             r"(?:child protection|child in need|care) plan|"
                             # a finding corroborated, whatever it found ("This analysis was supported by leaders and
                             # by findings from serious case reviews", of the council's finding that children were
                             # unsafe, a new user's 2014 report, h27): no praise
                             r"(?:analysis|view|views|finding|findings|conclusion|conclusions|self-assessment|judgement|"
                             r"judgment|evaluation) (?:is|was|are|were|has been|have been) (?:also |further |fully |"
                             r"strongly )?(?:supported|confirmed|corroborated|endorsed|borne out) by)\b")
_DENIED_AFTER_AIM = re.compile(r"\b(?:is|are|was|were|has|have|had) not\b")
AIM_ENDS_AT_TURN = True
# An aim ends where the sentence turns: "good work was seen, such as one-to-one work to develop self-esteem, but
# there is a lack of strategy" (a new user's 2015 report, h23: the aim had swallowed the weakness after its "but")
_TURN_AFTER_AIM = re.compile(r"[,;]\s*(?:but|however|although|though|yet)\b|\sbut\s(?!also\b)", re.I)
_TWO_WORDS = re.compile(r"\bunder (developed|resourced)\b")
# The grade's name, no praise: "when services were judged to be requires improvement to be good"
_GRADE_TO_BE_GOOD = re.compile(r"\b(requir(?:es?|ed|ing)) improvement to be good\b")
# A problem said to touch no child ("No looked after child has been permanently excluded", "there were no sibling
# groups placed apart"): good news, whatever the words between.
_NONE_SUFFER = re.compile(r"\bno (?:(?:[\w'-]+ ){0,5}?)(?:(?:has|have|had|is|are|was|were) )?(?:been |currently |"
                          r"permanently |ever )*(?:excluded|placed apart|separated from|unallocated|missing from "
                          r"education)\b|\bno (?:[\w'-]+ ){0,8}?(?:unsuitable|unnecessarily|homeless|waiting|sofa[- ]?surf\w*|unregistered|"
                          r"inappropriate|inappropriately)\b|"
                          r"\bno (?:[\w'-]+ ){0,6}?(?:bed and breakfast|b ?& ?b|duplication|interruptions?)(?!\w)|\bno (?:reported )?"
                          r"instances of\b|\bno evidence of (?:[\w'-]+ ){0,2}(?:drift|delay|harm)(?: (?:or|and) "
                          r"(?:drift|delay|harm))?\b|"
                          r"\b(?:do|does|are|is|were|was) not (?:[\w'-]+ ){0,6}?(?:unnecessarily|prematurely)\b|"
                          r"\b(?:are|is|were|was) not (?:[\w'-]+ ){0,6}?inappropriately\b|"  # ("to ensure that they
                          # are not subject to voluntary arrangements inappropriately", h30; not "'does not engage' is
                          # used inappropriately", the phrase quoted)
                          r"\b(?:do|does|did) not take (?:[\w'’-]+ ){0,6}?for granted\b|"  # ("does not take the work of
                          # young people for granted", h30: an area for improvement on "not")
                          # "Very few children (one out of 93) returned to be looked after following adoption"
                          r"\b(?:very few|only (?:one|two|three|a few|a (?:very )?small number)|a very small number)\b"
                          r"[^.;]{0,60}?\b(?:returned to (?:be looked after|care)|re-?entered care|came back into care|"
                          r"came back into care)\b|"
                          r"\b(?:has|have|had) not (?:had|been|seen) (?:an? |any )?(?:[\w'-]+ ){0,3}?(?:breakdowns?|"
                          r"disruptions?|exclusions?)\b|\b(?:does|do|did) not use bed and breakfast\b|\bnot complacent\b|\b(?:not used|"
                          r"only used|used only) (?:except )?(?:in|as a) (?:exceptional circumstances|last resort)\b|\bonly used when all "
                          r"other options\b|"
                          # a council that places no child where care is judged poor: "does not place children in
                          # homes judged less than good", "never uses provision rated inadequate", "only two of its
                          # providers were judged less than good"
                          r"\b(?:(?:does|do|did|will) not|never) (?:[\w'-]+ ){0,3}?(?:place|use|commission)\w* (?:[\w'-]+ ){0,10}?"
                          r"(?:less than good|(?:judged|rated|graded) (?:as |to be )?inadequate)\b|"
                          r"\bno (?:child|children|young (?:person|people))\b[^.;]{0,60}?\b(?:placed|living|lives|live|cared for)"
                          r"\b[^.;]{0,60}?\b(?:less than good|(?:judged|rated|graded) (?:as |to be )?inadequate)\b|"
                          r"\b(?:only (?:one|two|three|a few|a (?:very )?small number)|very few)\b[^.;]{0,80}?\b(?:judged|rated|graded) "
                          r"(?:as |to be )?less than good\b")
# A problem said to touch only a few ("only one care leaver is in unsuitable accommodation", "there has been only
# one placement breakdown"): good news, as "no ..." is; a plain "only" ("only 26% completed") stays a shortfall.
_FEW_SUFFER = re.compile(r"\b(only|justonly) (one|two|three|four|five|a (?:very )?(?:small|few)|\d+)\b(?:\W+\w+){0,6}?\W+"
                         r"(?:unsuitable|not|no|less than|disruptions?|unallocated|delays?|waiting|missing|excluded|"
                         r"breakdowns?)\b")
# A problem's figures set against others' ("offending rates are below average", "re-referrals are higher than
# statistical neighbours"): below is good news, above bad, whatever "below" says elsewhere ("attainment is below
# the national average" stays a shortfall). h27's Wakefield 2016 card.
_PROBLEM_MEASURE = (r"(?:re)?offending|rereferrals?|exclusions?|(?:going )?missing (?:episodes|incidents|from (?:care|home|"
                    r"education))|going missing|(?:placement )?(?:moves|breakdowns|disruptions?)|teenage (?:pregnanc\w+|conceptions?)|"
                    r"turnover|vacanc(?:y|ies)|caseloads?|neet|repeat (?:[\w-]+ ){0,2}?(?:plans?|referrals)|second (?:or "
                    r"subsequent )?(?:[\w-]+ ){0,2}?plans")
_PROBLEM_NAMED = (r"\b(?:(?:rates?|levels?|numbers?|proportions?|figures?) of (?:[\w'-]+ ){0,3}?(?:" + _PROBLEM_MEASURE +
                  r")|(?:" + _PROBLEM_MEASURE + r")(?: (?:rates?|levels?|figures?|numbers?))?)\b")
_AGAINST_OTHERS = (r"(?:the )?(?:[\w-]+ ){0,3}?(?:averages?|comparators?|statistical neighbours|similar (?:areas|"
                   r"authorities|councils)|(?:the )?(?:national|regional|england) (?:figures?|rates?|levels?))")
_PROBLEM_AGAINST = re.compile(
    _PROBLEM_NAMED + r"[^.;]{0,60}?\b(?:(below|lower than|less than|"
    r"under)|(above|higher than|greater than|more than|exceeds?|in excess of)) " + _AGAINST_OTHERS + r"\b")
_CONCEDED = re.compile(r"\b(?:although|though|whilst|while|albeit|despite|even if)\b")
# A problem's figures falling or rising ("the number of moves children experience is reducing", held-out, stop 47;
# "staff turnover has dropped", "caseloads have declined", "re-referrals have risen"), and a good thing's falling
# ("the timeliness of health assessments has dropped"): which way the figure goes says the finding.
FALLEN = ("declined", "fallen", "reduced", "reducing", "decreased", "fell", "falling", "dropped", "decreasing",
          "declining")  # a figure's fall, said of a problem: eased (AFTER_REMEDY; _PROBLEM_TREND with "dipped")
_FALLING = r"(?:" + "|".join((*FALLEN, "dipped")) + ")"
_PROBLEM_TREND = re.compile(_PROBLEM_NAMED + r"(?: (?!(?:and|but|while|whilst|although|not|never|yet)\b)[\w'-]+){0,6}? "
                            r"(?:(?:has|have|had|"
                            r"is|are|was|were)(?: (?:now|also|further|significantly|considerably|steadily|markedly|"
                            r"recently|been|continued to|continuing to))* )?(?:(" + _FALLING + r")|(risen|rose|increased|"
                            r"increasing|rising|grown|growing))\b")
_GOOD_FALLING = re.compile(r"\b(?:timeliness|attendance|performance|attainment|stability|participation|compliance|"
                           r"take-?up|uptake|completion)\b(?: (?!(?:and|but|while|whilst|although|not|never|yet)\b)[\w'-]+){0,12}? "
                           r"(?:has|have|had)(?: (?:now|also|further|significantly|considerably|markedly|recently))* "
                           r"(?:dropped|fallen|dipped|decreased|reduced)\b")
# A weakness word a few words before one of these is a problem that has eased ("turnover is low", "delay
# ... is minimised", "the number of care leavers not in education has declined").
AFTER_REMEDY = ("low", "lower", "minimised", "minimal", *FALLEN,
                "rare", "eliminated", "avoided", "prevented", "mitigated", "addressed", "resolved", "rectified", "remedied",
                "ended", "ceased",
                # a problem's figure falling ("The authorised absence rate fell by 1.2%", "... was down by 1% on the
                # previous year", a new user's 2016 report, h27: weaknesses on "absence")
                "downby")
AFTER_REMEDY_SCOPE = 5
# "no" or "without" before one of these is good news: "no unallocated cases", "without delay".
GOOD_NEWS_AFTER_NO = ("unallocated", "delay", "delays", "backlog", "backlogs", "drift", "waiting", "wait", "concerns",
                      "exclusions", "complaints", "vacancies", "unnecessary", "breakdowns", "disruption", "disruptions",
                      "detrimental",
                      "adverse", "jargon")

SERIOUS = ("inadequate", "serious", "widespread", "unsafe", "significant risk", "failures",
           "not safeguarded", "left at risk", "immediate action", "systemic", "critical weakness",
           "critical weaknesses", "critical area of concern", "critical areas of concern")
_SERIOUS_WORDS = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in SERIOUS) + r")\b")
NEGATORS = ("not", "cannot", "less", "seldom", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "won't", "can't",  "no", "never", "nor", "without", "neither", "insufficiently", "inconsistently", "rarely", "lack",
            "lacks", "lacking", "absence", "rathernot", "ineffective", "unsuccessful", "impede", "impedes", "impeded", "hinder", "hinders", "hindered", "hindering", "preventsfrom")
_HINDERS = frozenset(("impede", "impedes", "impeded", "hinder", "hinders", "hindered", "hindering", "preventsfrom"))  # deny what they hold back
NEGATION_SCOPE = 6  # words a negator reaches, within its clause: "not clearly recorded or responded to effectively"
NEGATED_ENOUGH = True  # "well enough" is denied by a negator before it in its clause that has denied nothing yet,
# past NEGATION_SCOPE: "Managers do not oversee the work of their many teams well enough" (h25: read as a strength on
# "well", the denial spent on "oversee"). (Any "... enough" so read turned a failing report's next unit, through the
# priority model, on development.)
_CLAUSE = re.compile(r"[,;:()]|\b(?:but|although|though|while|whereas|however|despite|where|there is|there are)\b",
                     re.I)


# A concession said first ("Although, too often, …,", "Despite X, …"): what follows it is the sentence's finding
LEAD_CONCESSION = re.compile(r"^\W*(?:despite|although|though|even though|while|whilst|notwithstanding|when|where|if|"
                             r"after|once|since)\b(?:, [^,]{1,25},)?[^,]*,", re.I)  # ("Although, too often, …,")

# A shortfall said to hamper someone's ability ("has seriously impacted on their ability", "affects children's
# capacity"): read by _AIM (what follows is hampered, no praise) and _SHORTFALL (a weakness of its own)
HAMPERS_ABILITY = (r"(?:(?:impact(?:s|ed|ing)?(?: (?:\w+ )?on)?|affects?|affected|affecting|limits?|limited|undermines?|"
                   r"undermined|hampers?|hampered|reduces?|reduced|challenges? to|barriers? to) (?:[\w'’]+ ){0,3}?"
                   r"(?:ability|capacity)|"
                   # staff's doubts about what they can do ("several reported concerns about their ability to
                   # undertake good-quality assessments"; not "concerns about their capacity" to parent)
                   r"(?:concerns?|worries|worried) (?:about|over|regarding) (?:[\w'’]+ ){0,2}?ability)")

ASPIRATION = True
# What a piece of work is for ("... with the aim of improving practice", "... to ensure that all carers have
# good-quality training"): its wording says nothing of how well the work is done.
_AIM = re.compile(r"\b(?:the need to|to ensure|(?:necessary|needed|required) to (?=support|ensure|provide|deliver|achieve|secure|drive|sustain|strengthen|improve)|to make sure|in order to|with the aim|the aim of|aims? to|designed to|"
                  r"intended to|intends? to|(?<=^this )includes? (?=improving|achieving|ensuring|developing|strengthening|securing|"
                  r"increasing)|for (?:(?:it|them|this|these) |all (?:[\w'’-]+ ){1,6}?)to (?=be|provide|become|deliver|achieve)|"
                  # what a shortfall hampers ("impacted on their ability to secure a permanent family")
                  r"(?<!positively )(?<!positive )(?<!well )" + HAMPERS_ABILITY + r" (?:of (?:[\w'’]+ ){1,8}?)?to|"
                  r"seek(?:s|ing)? to|focus(?:ed|es|ing)? on (?:improving|developing|strengthening|increasing)|"
                  r"(?:work(?:ed|s|ing)?(?: together)?|will|intention is) to (?:improve|develop|strengthen|increase|"
                  r"transform|identify)|(?:desire|aspiration) to|"
                  # what an issue or a need is, by example ("some issues have not been addressed quickly enough, such
                  # as ensuring that oversight leads to good and timely work", h25: a strength on "good", "timely")
                  r"such as (?:ensuring|making sure)|"
                  # what a check is to find out, asked, not said: "audits are repeated to assess whether change has
                  # been achieved and sustained" (a new user's 2016 report, h27: a strength on "achieved, sustained")
                  r"to (?:assess|check|see|test|establish|determine|evaluate|judge|measure|gauge|understand|ascertain|"
                  r"confirm|find out|review|monitor|explore|consider) (?:[\w'’-]+ ){0,2}?(?:whether|if))\b")


AIM_IN_SUBJECT = True
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|do|does|did|will|would|can|could|should|must|may|might|"
                     r"remains?|continues?|needs?|works?|worked|working|seeks?|makes?|made|takes?|took|helps?|"
                     r"ensures?|ensured|uses?|used|meets?|met|supports?|supported|provides?|provided)\b")
_VERDICT_AFTER_AIM = re.compile(r"\b(?:is|are|was|were|remains?|has been|have been) (?:\w+ly |too |very |also |still |"
                                r"now )?(?:weak|poor|inadequate|ineffective|underdeveloped|inconsistent|variable|"
                                r"insufficient|unclear|patchy|lacking|limited|slow|not (?:yet )?(?:\w+ ){0,2}?(?:effective|"
                                r"robust|sufficient|good|clear|consistent|timely|adequate|embedded|in place))"
                                r"(?:\W*$|(?=,|;| and | but | while | whilst ))|"  # (what follows it: "are underdeveloped,
                                # and an additional worker is being recruited")
                                r"\b(?:varies|vary|differs|fluctuates)\b")  # (its own verb: "The quality of
# assessments to determine whether siblings should live together varies across teams", the check's aim h27 added)


SHORTFALL_PHRASES = True
# Inspectors escalating what they found: "Inspectors asked senior managers to take immediate action to ensure the
# safety of several children" (not leaders' own "immediate action", nor an item asking for it)
ESCALATED = (r"\b(?:inspectors|we)\b(?:(?!\bno\b)[^.;]){0,60}?\b(?:asked|requested|required|referred|alerted|escalated|"
             r"had to take)\b(?:(?!\bno\b)[^.;]){0,80}?\b(?:immediate|urgent|urgently)\b")  # (not "they were assured
# that no children required immediate action")
# Shortfall said in a phrase with no word of weakness in it ("high workloads", "wait for many weeks").
_SHORTFALL_PHRASES = (  # (the phrases as written: compiled, regrouped, by ``dispatched`` below)
    r"\b(?:higher|heavy|heavier|large|larger) (?:workloads|caseloads)\b|"  # "much higher caseloads than the level recommended"
    r"\bhigh (?:workloads?|caseloads?|usage|numbers? of (?:families|children|referrals|re-referrals|contacts))\b"
    # (not the good a high number get: "a high number of children achieve permanence")
    r"(?! (?:[\w-]+ ){0,3}?(?:achieve|achieved|achieving|benefit|benefited|benefitted|benefiting|return home|are "
    r"supported|receive good|have been adopted|are adopted))|"
    r"\bworkload pressures?\b|\bless than half\b|"
    # a fault named in what is done: "identified issues with the quality of data" (not "children with complex issues")
    r"\b(?:issues|problems|difficulties) (?:with|about|in) (?:the )?(?:quality|timeliness|accuracy|consistency|"
    r"completeness|reliability|recording|data)\b|\bwithout (?:the |any )?(?:necessary|required|needed|appropriate|"
    r"sufficient|adequate)\b|\bscale (?:of (?:the )?(?:improvement|change|work|challenge)s? )?"
    r"(?:still |continued )?(?:required|needed)\b|\blittle (?:evidence|engagement|understanding|analysis|oversight|"
    r"challenge|scrutiny|involvement|awareness|attention|consideration)\b|"
    r"\b(?:can be|is|was|remains?) (?:very |often |sometimes )?(?:difficult|hard) (?:for [\w ]{1,30} )?to (?:secure|"
    r"access|obtain|find|get)\b|\bstop and start\b|\bin (?:a )?crisis\b|"
    r"\bfirefighting\b|\birregular\b|(?<!reviewing )(?<!review of )(?<!analysis of )(?<!tracking )(?<!monitoring )\brepeat(?:ed)? (?:incidents|contacts|referrals|assessments)\b|\bthwarted\b|"
    r"\bwait(?:s|ed|ing)? (?:for )?(?:up to |many |several )?(?:\w+ )?(?:weeks|months|years)\b|"
    r"\bfor a second (?:or subsequent )?time\b|\bstill (?:a)?waiting\b|(?<!not )\b(?:have|has|having) to wait\b|"
    r"(?<!no )\bwaiting lists?\b|\bfor (?:an )?(?:extended|lengthy|prolonged) periods?\b|"
    # "A small number of care leavers are homeless." (not "16- and 17-year-olds who are homeless", who are named)
    r"(?<!who )(?<!that )\b(?:are|is|were|was|became|become|becoming) (?:currently |still )?homeless\b|"
    # getting something is hard: "accessing suitable housing is challenging", "recruiting foster carers remains difficult"
    r"\b(?:accessing|access to|finding|securing|recruiting|recruitment of|retaining|retention of)\b"
    r"(?:(?!\b(?:is|are|was|were|remains?)\b)[^.;]){0,60}\b(?:is|are|was|were|remains?|has been|have been) "
    r"(?:very |particularly |extremely |more |increasingly |still )?(?:challenging|difficult)\b|"
    r"\b(?:take-?up|uptake|attendance|participation|engagement|morale|awareness|use|outcomes|attainment|achievement|aspirations)\b(?:(?!\b(?:is|are|was|were)\b)[^.;]){0,90}\b(?:is|are|remains?|"
    r"was|were) (?:too |very |relatively |still )?low\b|\blow (?:take-?up|uptake|attendance|participation|morale)\b|"
    r"\bmixed quality\b|\bunder (?:significant |considerable |great )?pressure\b|\bout of date\b|"
    r"\bhigh case loads?\b|\b(?:is|remains?|continues? to be) (?:still )?(?:an? )?(?:ongoing |significant |continuing |"
    r"continual |key |considerable |particular |real |major )?challenge\b|\bchallenges? (?:remains?|to sufficiency)\b|\bstill challenges\b|"
    r"\b(?:still remains?|remains? (?:relatively|stubbornly|too|comparatively|persistently)) high\b|"
    r"\bimpacts? (?:negatively |adversely )?on how (?:well|quickly|effectively|fully)\b|"
    r"\b(?:heightens?|heightened|increases?|increased|compounds?|compounded) (?:their|the|children's|children’s|"
    r"young people's|young people’s) (?:vulnerability|vulnerabilities|risks?)\b|"  # (a held-out good report, stop 48:
    # "has reduced slightly but still remains relatively high", "this impacts on how well …", "This heightens their
    # vulnerability", each read as praise)
    r"\bover-? ?relian(?:t|ce)\b|\bheavy reliance\b|\b(?:continues? to be|there is|there remains|remains?) (?:an? )?"
    r"(?:continued |considerable |significant |high |heavy |ongoing )?reliance on\b|\b(?:is|are) (?:still |currently )?"
    r"reliant on\b|\b(?:pressures?|vacancies|turnover|delays?|shortages?) (?:[\w'’-]+ ){0,2}?(?:are|is|will be) likely "
    r"to (?:impact|affect|have an (?:adverse |negative )?impact)\b|\b(?:heavily|highly|overly) (?:reliant|dependent) on\b|"
    r"\bin isolation (?:of|from)\b|\bsofa[- ]?surf(?:s|ing|ed)?\b|\bfocused on (?:completing )?tasks\b|\bneglected (?:their|its) (?:duties|"
    r"responsibilities|role)\b|\bwithout (?:having )?(?:the )?(?:legal authority|legal basis|lawful authority)\b|"
    r"\b(?:leaves?|left|leaving) (?:[\w-]+ ){0,3}?exposed to\b|"  # (no harm named: "leaves children exposed to uncertainty")
    # what records lack, what was let go, what others lost (held-out reports, stop 47): "often missing from records",
    # "allowed the virtual school to lapse", "closed without evidence of conversations", "report a loss of confidence",
    # "at the expense of exploring broader options", "the pace of change needs to quicken"
    r"\bmissing from (?:the |their |children's |case |electronic )*(?:records?|files?|case notes|the system)\b|"
    r"\ballowed (?:[\w'’-]+ ){1,5}?to lapse\b|\b(?:has|have|had) lapsed\b|\bclosed without\b|\bloss of confidence\b|"
    r"\boutside (?:of )?(?:the )?(?:statutory |expected |required )?timescales?\b|"
    r"\bwithout the (?:assistance|help|support|involvement) of\b|\bat the expense of\b|"
    # a good report's few weaknesses, said plainly (held-out, stop 47): "introduced to their advisers very late, causing
    # anxiety", "which has affected the quality of their relationship", "it is harder for care leavers to understand"
    r"\b(?:makes?|made|making) it (?:less likely|harder|more difficult|unlikely)\b|"
    r"\b(?:concerns?|risks?|referrals?|contacts?)\b[^.;]{0,80}\b(?:are|is|were|was|being|been) downgraded\b|\blower than (?:might|would|could) be expected\b|"
    r"\bunder-?(?:identified|reported|recognised|recognized|notified)\b|"
    r"\b(?:an? |an overly |too |overly )?optimistic (?:view|picture|assessment|understanding)\b|"
    r"\b(?:an? )?unnecessary risks?\b|"
    r"\bthere (?:is|remains) (?:a |some )?(?:vulnerability|fragility) (?:around|in)\b|\blow expectations\b|"
    r"\bdependent on (?:the (?:practice|work|knowledge|goodwill) of )?(?:one|a single|one single|a small number of|a few)\b|"
    r"\b(?:this|it|that) is less so\b|"  # ("a positive impact; however, this is less so for pupils with SEND")
    # help ended before it has done its work (h25: "stepped down … before enough progress has been made" a plain
    # strength; "ended before real change is achieved" one on "achieved")
    r"\bbefore (?:enough|sufficient|adequate|real|lasting|sustained|sustainable) (?:[\w-]+ ){0,3}?(?:progress|change|"
    r"improvements?)\b|\b(?:ended|closed|stepped down|withdrawn|reduced|de-?escalated) (?:[\w'’-]+ ){0,6}?before "
    r"(?:[\w'’-]+ ){1,5}?(?:is|are|has been|have been|was|were|had been) (?:fully )?(?:achieved|made|completed|sustained|"
    r"embedded|secured)\b|"
    # what an audit or the inspectors found wrong, not yet said what ("case file audits have identified key issues in
    # the functioning of core groups", h25: a plain strength); not what a panel raises as its job ("they have
    # highlighted issues about report writing", a development strength)
    r"\b(?:audits?|reviews?|inspectors|inspection)\b (?:have |has |had )?(?:also )?(?:identified|found|highlighted|"
    r"revealed) (?:key |significant |serious |some |several |a number of |"
    r"a range of |recurring |common |persistent )?(?:issues|problems|concerns|shortfalls|deficits|gaps) (?:in|with|about|"
    r"around|regarding)\b|"
    # a difficulty of its own, not the nation's ("but has significant challenges in securing the support it needs",
    # h25: a plain strength)
    r"(?<!who )(?<!that )(?<!which )\b(?:has|have|had|faces?|faced) (?:significant|considerable|real|major|serious|ongoing|continuing|"
    r"particular) (?:challenges?|difficult(?:y|ies)) (?:in|with)\b|"
    r"\bsome way to go\b|\bworking (?:additional|extra|long) hours\b|\bpockets of (?:poorer|weaker|less effective)\b|"
    r"\b(?:very|too) late\b|\bcaus(?:es|ed|ing) (?:them |children |young people )?(?:anxiety|distress|upset)\b|"
    r"(?<!positively )(?<!positive )\b(?:has |have |had )?(?:adversely |negatively )?affected (?:the )?(?:quality|"
    r"consistency|continuity|timeliness)\b|\b(?:harder|more difficult) for\b|"
    r"\bpace (?:of (?:change|improvement|progress) )?(?:needs|has|have|need) to (?:quicken|accelerate|"
    r"increase|improve)\b|"
    # what workers carry: "Personal advisers support high numbers of young people"
    r"(?:(?<=support )|(?<=supports )|(?<=carry )|(?<=carries )|(?<=hold )|(?<=holds )|(?<=manage )|(?<=manages )|"
    r"(?<=have )|(?<=has ))(?:very |too |such )?high numbers of (?:young people|children|cases|care leavers|"
    r"families)\b|\bfrequent changes\b|"
    # "Caseloads in the assessment service are exceptionally high"; "Several children would have benefited from
    # being in care sooner" (what they did not get); "… is a significant concern"
    r"\b(?:caseloads|workloads)\b[^.;]{0,60}\b(?:are|is|remain|remains) (?:very |exceptionally |extremely |too |"
    r"still |particularly )?high\b|\bwould have benefit(?:t)?ed from\b|"
    r"\b(?:is|are|remains?) (?:an? )?(?:significant|serious|real|major|ongoing|particular) concern\b|"
    r"\b(?:takes?|taking|took|taken) (?:much |far |too |almost |over )?(?:longer|a long time|too long)\b|"
    r"\b(?:quality|standard|picture|practice|performance|consistency|frequency)\b[^.]{0,60}\b(?:is|are|remains?) "
    r"(?:also |more |very )?mixed\b|\b(?:completion|compliance|numbers attending|recruitment|attainment|achievement|"
    r"quality|standards?)\b"
    r"(?:(?!\b(?:is|are|was|were)\b)[^.;]){0,90}\b(?:is|are|remains?|was|"
    r"were) (?:too |very |relatively |still )?low\b|\blow compliance\b|\bin the early stages\b|"
    r"\b(?:is|are|was|were|remains?|still) (?:still )?(?:only )?at an early stage\b|\bat an early stage of (?:development|"
    r"implementation|its|their|considering|being|embedding)\b|"  # (not "adoption is considered at an early stage")
    r"\b(?:remains?|are|is) (?:still )?in draft\b|\bin draft form\b|\bwork in progress\b|"
    r"\b(?:very )?little (?:attention|impact|progress|understanding|consideration|focus)\b|\boffers? little\b|"
    r"\bshould have (?:been|taken place|had)\b|\b(?:continuing|critical|serious) (?:area of )?concern\b|"
    r"\bcause for concern\b|\bfaces? (?:a |significant |considerable )?challenges?\b|"
    # a council's or a story's own telling: "recruitment and retention remain areas for action", "Areas for
    # development: return home interviews …", "the most significant challenge … has been the size of caseloads"
    r"\b(?:remains?|is|are) (?:still )?(?:an? |the )?(?:key |main |priority |important )?areas? for (?:further )?"
    r"(?:action|improvement|development)\b|^\W*(?:key |main |other )?areas? for (?:further )?development\s*:|"
    r"\b(?:the )?(?:most significant|main|biggest|greatest|key) challenges? (?:to|for|facing|has|have|is|are|was|remains?)\b|"
    r"\b(?:caseloads?|workloads?)\b[^.]{0,40}\b(?:is|are|remains?) (?:too |very |still )?high\b|"
    r"\b(?:several|multiple|many|numerous|repeated|a (?:high|large) number of) changes (?:of|in)\b|"
    r"\brepeated (?:periods|episodes|moves)\b|(?<!not )(?<!never )\b(?:miss|misses|missed) (?:\w+ )?(?:visits|appointments|meetings|reviews|"
    r"opportunities)\b|\blonger than (?:is )?(?:necessary|needed|they need|they should)\b|"
    r"\bmakes? it (?:more )?(?:difficult|harder)\b|\b(?:has|have) an? (?:negative |adverse )?impact on (?:them|their|some)\b|"
    r"\bimpacts on (?:them|their|some)\b|"
    r"\b(?:had|have|has) to be (?:rearranged|re-arranged|cancelled|postponed|rescheduled|re-scheduled|repeated)\b|"
    r"(?:^|\bthere (?:is|was) |\bwith )(?:very )?little (?:direct |meaningful |effective |recorded )?(?:work|analysis|"
    r"challenge|scrutiny|oversight|management oversight|planning|consideration)\b|"
    # what a shortfall hampers, said as it is (not "a positive impact on", not "would impact on")
    r"(?<!positively )(?<!positive )(?<!beneficial )(?<!well )(?<!would )(?<!could )(?<!might )(?<!may )(?<!may be )"
    r"(?<!could be )(?<!might be )\b" + HAMPERS_ABILITY + r"\b|"
    r"\b(?:inspectors|we) referred\b|" + ESCALATED + r"|"
    r"\bwithout (?:any |adequate |appropriate |sufficient |effective )?(?:support|supervision|oversight|challenge)\b|"
    # a claim made without its evidence ("maintained that they listened … without providing specific evidence of …")
    r"\bwithout (?:providing |giving |offering |showing )?(?:any |specific |clear |sufficient )?evidence\b|"
    # attainment behind others ("pupils at Key Stage 4 are at least 32 months behind pupils nationally")
    r"\b(?:\d+|several|many) (?:months?|years?|terms?|grades?) behind\b|\b(?:are|is|were|was|remain\w*|fall\w*|fell) "
    r"(?:\w+ )?behind (?:their |other )?(?:peers|pupils|children|young people)\b|"
    r"\breferred (?:[\w'’]+ ){0,6}?back to (?:the )?(?:local authority|council|"
    r"senior (?:leaders|managers)) by (?:the )?inspectors\b|"
    r"\bwithout (?:[\w'’]+ ){0,8}?being (?:\w+ )?(?:assessed|approved|checked|considered|reviewed|monitored|seen|"
    r"visited|recorded)\b|\bonly (?:the |a )?first steps?\b|\bcritical of\b|\b(?:are|is|were|was) (?:\w+ )?lost\b|"
    r"\b(?:consistently|frequently|often|routinely) missed\b|\barea of (?:challenge|concern|weakness)\b|"
    r"\bha(?:ve|s|d) difficult(?:y|ies)\b|(?<!life-)\blimiting\b|\bslower than\b|\b(?:is|remains?) (?:still )?an issue\b|"
    r"\bcontrary to (?:\w+ ){0,3}?(?:procedures?|guidance|policy|policies|"
    r"regulations?|requirements?)\b|\bmiss(?:es|ed)? out on\b|\b(?:is|was) (?:very |too )?(?:hard|difficult) for "
    r"(?:children|young people|care leavers|families|parents|carers|staff|social workers)\b|\b(?:is|was|are|were) "
    r"(?:very|too) late\b|\b(?:improving|progressing) (?:only )?slowly\b|\bslowly improving\b|"
    r"\b(?:feel|feels|felt) unsafe\b|\bnor (?:have|has|had|is|are|was|were|do|does|did|can|could|will)\b|"
    r"\bwaiting times? of (?:up to |over |more than )?(?:\w+ )?(?:weeks|months|years)\b|\b(?:is|are|was|were|been|"
    r"put|placed) on hold\b|\blost (?:the |their )?confidence\b|\bopportunit(?:y|ies) (?:is|are|was|were|has been|"
    r"have been) (?:\w+ )?missed\b|\bin (?:its|their) infancy\b|\b(?:is|are|was|remains?) (?:also )?an? (?:\w+ )?gap\b|"
    r"\bthere (?:are|is) still (?:\w+ ){0,3}?waiting\b|\bof (?:particular|significant|serious) concern\b|\bless well[- ]"
    r"developed\b|\b(?:caseloads?|workloads?|waiting (?:times?|lists?)|backlogs?) (?:have|has) (?:(?!not |never )\w+ )?(?:increased|"
    r"risen|grown)\b|\b(?:had|have|has) suffered (?:significant |serious )?harm\b|\bless effective\b|\bwould have "
    r"welcomed\b|\b(?:has|have) slowed (?!down)|\b(?:is|are|remains?|was|were) (?:also |more |very )?mixed\b(?! ethnic| "
    r"heritage| race)|\bremains? limited\b|\b(?:is|are|remains?) an? (?:\w+ )?barriers? to\b|\bremains? an? (?:\w+ ){0,3}?"
    r"challenges?\b|\bthere (?:are|were) (?:still |also )?challenges (?:in|with|regarding|around)\b|\bget in the way "
    r"of\b|\bless (?:evident|specific)\b|\blater than (?:desired|planned|expected|needed)\b|\bwithout (?:a |an )?"
    r"(?:named|allocated) (?:worker|social worker|personal adviser|pa)\b|\b(?:has|have|had) experienced (?:\w+ ){0,3}?"
    r"challenges\b|\bsufficiency challenges\b|\bit is (?:difficult|hard) to (?:see|identify|understand|tell|know|"
    r"determine)\b|\blimits? (?:[\w'’]+ ){0,2}(?:ability|capacity|opportunit(?:y|ies))\b|(?<!no )(?<!without )"
    r"\b(?:detrimental|adverse) (?:impact|effect)s?\b|\bfalse "
    r"(?:sense of )?(?:re)?assurance\b|\b(?:experienc\w+|faced?|facing) (?:\w+ )?difficult(?:y|ies) (?:in|with) \w+ing\b|"
    r"\bchallenges? persists?\b|\b(?:a|recent) dip in\b|\bunder-?report(?:ed|ing)\b|\b(?:modest|minimal) (?:impact|"
    r"progress|improvements?)\b|\bimpact\b[^.]{0,40}\b(?:is|has been|was|remains) (?:only |still )?modest\b|\bvarying (?:experiences|quality|"
    r"levels|standards|degrees)\b|\bgaps? (?:\w+ ){0,3}?(?:remains?|is|are) (?:too |very |still )?wide\b|\bstill "
    r"(?:rely|relies|relying|reliant|having to)\b|\b(?:well |far |falls? |falling )short of\b|\bdetract(?:s|ing|ed)? from\b|"
    r"\bdifficult(?:y|ies) in (?:accessing|securing|finding|recruiting|obtaining|getting)\b|\bsignificant variations?\b|"
    r"\b(?:been|is|are|was|were) late in\b|\bleaving (?:children|young people|them|families) without\b|\b(?:have|has|had) "
    r"been (?:\w+ )?disadvantaged\b|\b(?:are|is|were|was|being) (?:financially |further )?disadvantaged\b|"
    r"\b(?:has|have|had) been (?:adversely |negatively |significantly )?(?:impacted|affected) by\b|\b(?:is|are|was|were) "
    r"impacted (?:on )?by\b|\b(?:a )?(?:high|higher|large|significant|increasing) (?:proportion|number|percentage) of "
    r"(?:\w+ ){0,3}?(?:are |were |remain |who are )?(?:not in education|neet)\b|(?<!not )\b(?:significantly |adversely |negatively )"
    r"impact(?:s|ing|ed)? on\b|\bimpact(?:s|ing|ed)? (?:\w+ )?on the (?:ability|capacity) of\b|\b(?:reduction|decrease|"
    r"decline|fall|drop) in (?:\w+ ){0,2}?(?:stability|quality|timeliness|attendance|performance|capacity)\b|"
    r"\bwould have been (?:more )?(?:appropriate|better|helpful|beneficial)\b|\bgood practice would have been\b|"
    r"\b(?:would )?makes? it (?:more )?challenging\b|\blow levels? of (?:attendance|participation|engagement|take-?up)\b|"
    r"\blong (?:waits?|waiting (?:times?|lists?))\b|\b(?:lost|loses|losing) (?:\w+ )?(?:contact|touch) with\b|"
    r"\b(?:out of|not in) (?:contact|touch) with\b|^\W*neither (?:has|have|had|is|are|was|were|do|does|did|can|could|"
    r"will)\b|^\W*neither\b[^,;.]{1,80}?\bnor\b|\b(?:expressed|raised|voiced) (?:some |significant |serious |several |many |strong |particular )?concerns? "
    r"(?:about|regarding|over|that)\b|\basked for "
    r"(?:improvements?|better|more)\b|\b(?:approximately |about |almost |nearly |over |more than )?(?:half|a third|a quarter)"
    r" of (?:[\w'’-]+ ){0,8}?(?:are |were |remain )?(?:not in education|neet)\b|\bdivert(?:s|ed|ing)? (?:[\w'’]+ ){0,2}(?:attention|capacity|resources) (?:away )?from\b|^\W*(?:comparatively |relatively |very )?few (?:[\w'’-]+ ){0,2}?(?:children|young people|"
    r"care leavers|families|parents|carers|adopters|foster carers)\b(?![^.;]*\b(?:experienc\w*|suffer\w*|wait\w*|"
    r"delay\w*|drift|harm|risks?|disrupt\w*|moves?|breakdowns?|missing|re-?referr\w*|escalat\w*|out of school|"
    r"excluded|homeless|unallocated|unsuitable|absent)\b)|"
    # the group named in the sentence before, "few" its subject ("Few gain good GCSE grades", h30: a strength on
    # "good"); few of them meeting harm stays good news
    r"^\W*(?:comparatively |relatively |very )?few (?:of (?:them|these|those) )?(?:achieve|achieved|gain|gained|attain|"
    r"attained|continue|continued|progress|progressed|go on|went on|take up|took up|attend|attended|participate|"
    r"participated|reach|reached)\b(?![^.;]*\b(?:experienc\w*|suffer\w*|wait\w*|delay\w*|drift|harm|risks?|disrupt\w*|"
    r"moves?|breakdowns?|missing|re-?referr\w*|escalat\w*|excluded|homeless|unsuitable)\b)")
# Headway said in a phrase with no word of praise in it ("Significant progress has been made", "children make
# progress"), unless denied just before ("have not made progress", "too little progress").
_HEADWAY = re.compile(r"\b(?:significant|good|rapid|considerable|substantial|strong|steady|excellent|positive|sustained|"
                      r"notable|clear) progress\b|\b(?:made|making|make|makes) (?:good |significant |rapid |considerable |"
                      r"strong |steady |positive |excellent |real |tangible |some )?progress\b|\bimprovements? (?:are|is) evident\b|"
                      r"\bincrease in the pace of improvement\b")
_HEADWAY_DENIED = re.compile(r"\b(?:not|no|never|little|insufficient|limited|slow|less|without|yet to)\W+(?:\w+\W+){0,2}$")
_SHORTFALL_AS_WRITTEN = r"\b(?:" + _SHORTFALL_PHRASES + ")"  # tried only where a word starts
_SHORTFALL = dispatched(_SHORTFALL_PHRASES, r"\b")  # the same, and there only the phrases that can start there
MOST_OF = True
# What most children (or families, plans ...) receive, said plainly: a (weak) strength of its own.
_MOST_OF = re.compile(r"^\W*(?:the )?(?:vast )?(?:most|majority of) (?:children|young people|care leavers|families|"
                      r"parents|carers|foster carers|staff|social workers|practitioners|plans|assessments)\b")
NEGATED_MOST = True  # "Most care leavers are not allocated a personal adviser soon enough": not the good most receive
TOO_FEW = True  # "Too few care leavers are actively supported": "too few" denies the rest of its clause
TOO_TIMING = ("soon", "early", "quickly", "readily", "slowly", "fast", "hastily")  # "help is reduced too soon": the
# timing is the fault, whatever the verb ("reduce", a remedy's, had settled it; h25) and the word ("quickly" was
# praise beside it)
WHOLE_CLAUSE = True
# A negation that reaches the whole of its clause: "not all", "not every", "do not contain evidence that ...";
# and a clause saying what it names is not there at all.
_WHOLE_OF = frozenset(("all", "every", "contain", "show", "demonstrate", "evidence", "include", "reflect", "ensure",
                       "make", "always", "consistently", "led", "lead", "resulted", "translated", "assured",
                       "confident", "sure", "single"))
_NOT_THERE = re.compile(r"\b(?:is|are|was|were|has|have|had) (?:not|never)(?: yet)?(?: been)? "
                        r"(?:in place|available|evident|present)\b")
ELLIPTICAL_NOT = True
_FINITE_NEXT = frozenset(("are", "is", "were", "was", "will", "can", "should", "may", "must"))  # (never a verb "do not"
# takes: "do not have", "do not receive" deny)
ABSENT_PROBLEM = True
# A problem said not to happen ("children do not experience delay", "are not subject to disruption"): the
# words a negation may step over to reach it, the problems it may reach, and the words that make it a
# weakness after all ("not always delayed").
_STEP_OVER = frozenset(("experience", "experiencing", "experienced", "allowed", "feel", "suffer", "face", "subject", "to",
                        "usually", "unduly", "any",
                        "a", "an", "the", "undue", "left", "in", "at", "become", "have", "had", "been", "lead", "leads",
                        "led", "result", "results", "resulted", "causing", "cause", "causes",
                        # how many of the problem ("do not experience a large number of moves", held-out, stop 47)
                        "large", "high", "great", "number", "of", "many", "multiple", "frequent", "repeated", "too",
                        "adversely", "negatively",  # ("do not experience too many moves", "does not adversely affect")
                        "find", "see",  # what inspectors did not come across ("did not find any detriment", h28)
                        # what makes it a problem ("do not experience needless delay", "do not become more serious",
                        # h30)
                        "needless", "needlessly", "avoidable", "more"))
_PROBLEMS = frozenset(("affect", "affects", "wait", "waits", "disadvantaged", "disruption", "disrupted", "harm", "risk", "unnecessary",
                       "unnecessarily", "drift", "lose", "cliff", "bullying", "bullied", "move", "moves", "deterred",
                       "hindered", "impeded", "compromised", "underestimated", "hesitate",
                       # "do not have to retell their stories", "do not miss opportunities" (stop 41)
                       "retell", "repeat", "miss", "missed",
                       # "financial hardship is not mistaken for neglect", "are not overlooked" (stop 45)
                       "mistaken", "overlooked",
                       # "key safeguarding posts are not left uncovered" (a held-out 2014 report, stop 43)
                       "uncovered",
                       # "These young people are not forgotten about.", "support does not lessen" (held-out, stop 47)
                       "forgotten", "lessen", "diminish", "wane",
                       # "inspectors did not find any detriment to children", "do not experience abrupt changes of
                       # worker", "leaders are not afraid to take difficult decisions" (h28)
                       "detriment", "detrimental", "abrupt", "afraid",
                       # "the difficulties they have do not become more serious", "problems do not escalate" (h30)
                       "escalate", "escalates", "serious"))
_NOT_ALL = frozenset(("always", "consistently", "all", "routinely", "sufficiently", "yet", "fully", "enough", "well"))
_AS_WELL_AS = re.compile(r"\b(?:as|just as) well as\b")
# A denial's coordinate adjectives ("There is not a single, comprehensive record", "no clear, shared plan"): one
# clause, the comma between the adjectives no clause's end
_DENIED_PAIR = re.compile(r"\b((?:not|no) (?:an? )?(?:single|clear|coherent|comprehensive|consistent|shared|robust|"
                          r"effective|systematic|overarching|strategic|joined-up)), (?=[a-z-]+ [a-z])")
_NEET = re.compile(r"\bnot in education,? (?:employment|training)(?:,? (?:or|and) (?:employment|training))?")


LEAD_CONDITION = True
# A sentence's leading condition ("When children cannot return home, ...", "If young people do not attend, ..."):
# what it says is when the finding applies, not the finding; its words of weakness are not the sentence's.
_LEAD_CONDITION = re.compile(r"^\W*(?:(?:consequently|therefore|as a result|in addition|however|also|similarly|"
                             r"for example|moreover|furthermore),?\s+)?(?:when|where|if|once|until)\b[^,;.]{3,120},")
# (after a word that joins it to the sentence before: "Consequently, if a parent cannot stop drinking, children are
# placed in a permanent family swiftly", h25: a weakness on "cannot")
_LAST_TOO = re.compile(r"(?<![\s,])[\s,]+too\W*$|(?<=^here, )too,|(?<=^there, )too,")  # ("Here, too, …": also; a
# run of commas or spaces tried from its start alone, not from each of its characters)
# What an earlier inspection found, said in passing ("improved since the inspection in 2017, when too many children
# were left unprotected"): then, not now; the sentence's own words judge today.
_THEN_CLAUSE = re.compile(r"\b((?:inspection|visit)(?: (?:in|of) (?:\w+ )?\d{4})?(?: of [A-Z][\w-]*(?: [A-Z][\w-]*)?)?"
                          r"(?:,? in (?:\w+ )?\d{4})?),? (?:when|which (?:had )?(?:identified|found|highlighted|noted|reported))\b[^,;.]*", re.I)  # ("the last inspection of Peterborough,
# in June 2018, when all services were judged to be good"; "since the last visit, which found that neglect was
# not recognised early enough", h28)
# "just" before a count says "only" ("just seven have returned home", "just 8% achieved"), not "just over a year"
# nor a count that ends the sentence ("an improvement from 2015/16, when there was just one")
_JUST_SO_MANY = re.compile(r"\bjust (?=(?:\d\S*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) [a-z])")
_AS_ONE_WORD = re.compile(r"\b(?:fit for purpose|close attention)\b")  # praise in more than one word
_HIGHLY_PLACED = re.compile(r"\b(features?|featured|featuring|ranks?|ranked|scores?|scored) highly\b")
_STILL_OUTSTANDING = re.compile(r"\boutstanding (?=(?:recommendations?|actions?|issues?|concerns?)\b)|\bremains? "
                                r"outstanding\b")
_WELL_BY = re.compile(r"\bwell (?=(?:below|above|short|within|over|under|behind|beyond|ahead|in excess)\b)")
# Better figures for a problem ("there has been improvement in staff turnover and in vacancy and sickness rates"): the
# problem eased, as "a reduction in turnover" is
_BETTER_IN = re.compile(r"\b(?<!little )(?<!no )(?<!limited )(?<!insufficient )improvements? in (?=(?:the )?(?:staff |"
                        r"workforce |social work(?:er)? )?(?:turnover|vacanc|sickness|absence|caseloads|workloads))")
# Leaders' candour about what is wrong ("have been open and honest about the challenges faced and weaknesses in
# practice"): praise of the leaders; what they are candid about is not a finding of its own
_CANDID = re.compile(r"\b(?:open|honest|candid|transparent)(?: and (?:open|honest|candid|transparent|realistic))? "
                     r"(?:about|regarding|in acknowledging) [^,;.]*")
# What stops someone from doing something ("prevents workers from obtaining a clear understanding"): hinders it,
# as "impedes" does (not "preventing some placement breakdowns and improving outcomes", a remedy)
_PREVENTS_FROM = re.compile(r"\bprevent(?:s|ed|ing)? ((?:[\w'’-]+ ){1,4}?from)\b")
# When a remedy began, said of the problems it answered ("… now provides an effective response to most children,
# after weaknesses were identified", a held-out reader's strength read as a weakness): the history, no finding
_AFTER_FOUND = re.compile(r"\b(?:after|following|once) (?:the |these |those |some )?(?:serious |significant )?"
                          r"(?:weaknesses|concerns|shortfalls|deficits|problems|failings|issues)(?: [\w'’-]+){0,4}? "
                          r"(?:were|was|had been|have been) (?:identified|found|raised|highlighted|recognised)\b")
# What does not stop someone from doing something ("the volume of work does not prevent managers from providing
# regular supervision", a held-out reader's strength read as a weakness): no hindrance, two negations that cancel
_NOT_PREVENTED_FROM = re.compile(r"\b(?:(?:does|do|did|has|have|had|will|would)(?:n['’]t| not)|not|never) (?:\w+ )?"
                                 r"prevent(?:s|ed|ing)? ((?:[\w'’-]+ ){1,4}?)from\b")
# Too little of something to do what follows ("provides insufficient time to consistently build meaningful
# relationships"): what follows is denied, as after "insufficiently"; and a challenge "when things are not going well"
# is when it comes, no shortfall
_TOO_LITTLE_TO = re.compile(r"\binsufficient (?:time|capacity|opportunity|opportunities|resources?) to\b")
_NOT_GOING_WELL = re.compile(r"\b(?:when|where|if) (?:things|practice|plans|placements|progress) (?:are|is) not going "
                             r"(?:well|to plan)\b|\b(?:when|where|if) (?:a |the )?(?:child's |children's |child’s |"
                             r"children’s |their |young people's |young people’s )needs are not (?:being )?met\b|"
                             # when a family's situation does not get better: the trigger a process answers ("plans
                             # are escalated when circumstances fail to improve or worsen", h28)
                             # (never "remain in circumstances where their experiences do not improve quickly enough")
                             r"\b(?:when|if|once|should) (?:[\w'’-]+ ){1,4}?(?:fail(?:s|ed)? to (?:improve|progress|"
                             r"change)|(?:do|does|did) not (?:improve|progress|change)|(?:worsen|deteriorate|escalate)s?)\b"
                             r"(?: or (?:worsen|deteriorate|escalate)s?)?(?! (?:quickly|soon|enough|sufficiently|fast|"
                             r"rapidly|as)\b)")
# What a remedy's risk is of ("they mitigate the risks of less effective support being provided"): the problem
# dealt with, no shortfall
_RISK_OF = re.compile(r"\b((?:mitigat|reduc|minimis|minimiz|avoid|prevent|lessen)\w*) the risks? of (?:[\w'-]+ ){0,3}?"
                      r"(?=[\w'-]+ (?:being|is|are|of)\b)")
# A problem challenged ("Reviewing officers challenge issues and delays to good effect"): dealt with, as addressed
_CHALLENGED = re.compile(r"\bchalleng(?:e|es|ed|ing) (?=(?:issues and |any |the )?(?:delays?|drift|poor|shortfalls|weaknesses)\b)|"
                         # whom they challenge, and on what ("the children's council has challenged senior leaders
                         # about the use of jargon", h28)
                         r"\bchalleng(?:e|es|ed|ing) (?:[\w'’-]+ ){1,3}?(?:about|on|over) (?=(?:the (?:use|level|"
                         r"extent|amount) of )?(?:delays?|drift|poor|shortfalls|weaknesses|jargon)\b)")
# The cases a piece of work takes up, named by their problem ("actively reviewing cases where children have been
# waiting too long", a new user's 2014 report, h27; "reviewed all cases of children waiting too long and have now
# secured permanence", a development strength): the problem is what is being dealt with, no shortfall of the work's
_CASES_TAKEN_UP = re.compile(r"\b((?:review|audit|track|tackl|address|prioritis|scrutinis)\w* (?:all |the |every |each |"
                             r"those |these |a number of |individual )?(?:cases?|files?|children|young people) (?:where|"
                             r"in which|of children who|of children|who|whose|that)) (?:(?! and | but )[^,;.])*")
# What oversight is of ("tracking arrangements to maintain oversight of children living in unregistered, illegal
# placements"): the children watched over, no shortfall of the oversight's
_OVERSIGHT_OF = re.compile(r"\b((?:oversight|tracking|monitoring|tracker|scrutiny|register) (?:of|for) (?:[\w'’-]+ ){0,4}?)"
                           r"(?:unregistered|illegal|unlawful)\b")
# "There is limited evidence that young people have been routinely consulted …, celebrated …": what follows is denied
_SCANT_EVIDENCE = re.compile(r"\b(?:limited|little|insufficient|scant) evidence that\b")
# An early stage set aside in passing ("The current improvement plan, while in its infancy, is coherent"): the main
# clause's verdict
_WHILE_EARLY = re.compile(r",? (?:while|although|though) (?:still )?(?:in its infancy|new|relatively new|at an early "
                          r"stage|in its early stages),")
# A negation in what might otherwise have happened ("helped them to share their views when they otherwise might not
# feel able"): no shortfall
_OTHERWISE_NOT = re.compile(r"\botherwise (?:might|would|could|may) not\b")
# "with minimal disruption", "minimal delay": a problem all but absent (not "minimal impact", "minimal progress")
_MINIMAL_PROBLEM = re.compile(r"\bminimal(?= (?:disruption|delays?|drift|waiting)\b)")
# A workforce described ("with minimal use of agency staff", "low turnover"): a plain fact, no shortfall
_MINIMAL_AGENCY = re.compile(r"\bminimal (?:use of |reliance on )?agency\b|\bminimal (?:staff )?turnover\b")
# No child found to need action ("they were assured that no children required immediate action"): no harm, no
# escalation, nothing said of practice
NONE_NEEDED = re.compile(r"\bno (?:[\w'-]+ ){0,3}?(?:required|needed|requiring|needing|warranted) (?:any )?(?:immediate|"
                         r"urgent|further|protective) (?:[\w'-]+ )?(?:action|intervention|protection)\b[^,;.]*", re.I)
_NOT_GIVE_UP = re.compile(r"\b(?:do|does|did|will|would) not give up\b|\bnever gives? up\b|"
                          r"\b(?:have|has|had) not stood still\b|\b(?:do|does|did) not stand still\b|"
                          r"\b(?:are|is|were|was) not (?:afraid|reluctant|hesitant) to\b|\b(?:do|does|did) not hesitate to\b")
# A cost denied ("Relationships are not focused on parents at the expense of children"): balance, no shortfall
_NOT_AT_EXPENSE = re.compile(r"\bnot (?:solely |only |just |overly )?(?:focused|focussed|centred|concentrated) on\b"
                             r"([^.;]{0,60}?)\bat the expense of\b")
# A problem ended ("Children are no longer left in situations where they are known to be at risk", "Poor performance
# is no longer tolerated"): what has improved, not a denial; and pressure denied ("There is no pressure to end care
# leavers' engagement"): no weakness (a new user's cards, stop 48, both areas for improvement)
_NO_LONGER = re.compile(r"\bno longer (?:be |being )?(?:left|tolerated|accepted|exposed|placed|living|at risk|waiting|"
                        r"experienc\w+|drifting|subject to (?:drift|delay))\b[^,;.]*")
# What the law does not require ("parents are not legally required to notify local authorities"): a fact of law, no
# denial of practice (a held-out failing report's priority action, 0.80, on "not legally")
_NOT_REQUIRED_BY_LAW = re.compile(r"\bnot (?:legally|statutorily) (?:required|obliged|bound)\b|\bno (?:legal|statutory) "
                                  r"(?:requirement|duty|obligation)\b")
# Who a service is for, named by what they might become ("the response to 16- and 17-year-olds who are at risk of
# becoming homeless is generally strong"): a cohort, no shortfall
_WHO_MIGHT_BE_HOMELESS = re.compile(r"\bwho (?:are|were|may be|might be|could be) (?:at )?risk of (?:becoming )?"
                                    r"homeless(?:ness)?\b")
# A cohort named by what is not so of them, before the sentence's own verb ("The small number of children whose
# experiences do not improve with early help are referred in a timely way"): who they are, no denial of practice
_COHORT_NOT = re.compile(r"^((?:[\w'’-]+ ){0,6}?(?:children|young people|families|those|parents|carers)) (?:who|whose "
                         r"[\w'’-]+) (?:do|does|did|are|is|were|was) not ([\w'’-]+)(?=(?: [\w'’-]+){0,8} (?:are|is|were|was|"
                         r"receive|receives|get|gets|have|has) )")
_NO_PRESSURE = re.compile(r"\b(?:there is |is under )?no pressure (?:on [\w'’ -]{1,30}? )?to\b")
# What a remedy averts, a shortfall phrase within a few words of it ("avoids several changes in worker")
_AVERTED = re.compile(r"(?<!not )(?<!never )(?<!to )\b(?:avoids?|avoided|avoiding|prevents?|prevented|preventing)\b"
                      r"(?: [\w'’-]+){1,6}")  # (not "have not prevented …", "failed to prevent …")
# A reliance denied ("The service is not reliant on agency staff"): no weakness, and no denial of what follows
_NOT_RELIANT = re.compile(r"\b(?:is|are|was|were|be|been) not (?:overly |heavily |unduly )?(?:reliant|dependent) on\b")
# "not only X but also Y" negates nothing.
_NOT_ONLY = re.compile(r"\bnot (?:only|least)\b")  # ("not least the emotional health provision": not denied)


# (as sets: tone() asks of every word of every sentence whether it is one of these)
_STRONG_SET, _WEAK_SET, _REMEDY_SET = frozenset(STRONG), frozenset(WEAK), frozenset(REMEDY)
_AS_REPORTED = frozenset(("reported", "recorded", "known", "further", "recent"))  # "no reported …": still none
_NEGATOR_SET, _AFTER_REMEDY_SET, _GOOD_NEWS_SET = frozenset(NEGATORS), frozenset(AFTER_REMEDY), frozenset(GOOD_NEWS_AFTER_NO)


# A count of none, with no problem or praise in it ("There are no children looked after out of area in alternative
# provision", "There have been no adopters assessed this year"): a plain fact, not a denial
_NO_COHORT = re.compile(r"\bthere (?:are|is|were|was|have been|has been|had been) (?:currently )?no ((?:[\w'-]+ )?"
                        r"(?:children|child|young people|adopters|care leavers|families|foster carers|unaccompanied|"
                        r"privately)\b[^,;.]*)")


_IDENTIFIED_AT_RISK = re.compile(r"\b(?:identified|assessed|known) as (?:being )?at (?:\w+ )?risk(?: of [\w -]+)?")  # (a cohort)


def _counted_none(m: re.Match) -> str:
    said = WORD.findall(_IDENTIFIED_AT_RISK.sub(" ", m.group(1)))
    if any(w in _WEAK_SET or w in _PROBLEMS or w in _GOOD_NEWS_SET or w in _STRONG_SET for w in said):
        return m.group(0)  # ("there are no children waiting", "no children at risk …": a problem absent)
    return "there are zero " + m.group(1)


_NAMES_A_PRACTICE = frozenset(("focused", "focussed", "based", "led", "informed", "averse", "aware", "assessed",
                               "assessment", "assessments", "management", "analysis", "factors", "sensitive"))


_HOW_MANY = frozenset(("a", "large", "high", "great", "number", "of", "many", "multiple", "frequent", "repeated"))


def _problem_absent(words: list[str], i: int) -> int | None:
    """Where the negation at ``words[i]`` reaches a problem it says is absent, that problem's index (never a
    problem word naming a practice: "are not risk focused", "not harm-based")."""
    for j in range(i + 1, min(len(words), i + 8)):
        w = words[j]
        if j > i + 3 and words[j - 1] not in _HOW_MANY:
            return None  # (past three words, only through how many: "a large number of")
        if w in _NOT_ALL or w in _STRONG_SET:
            return None
        if w in _PROBLEMS or w in _GOOD_NEWS_SET or w in _WEAK_SET and w not in _NEGATOR_SET and w != "too":
            if j + 1 < len(words) and words[j + 1] in _NAMES_A_PRACTICE:
                return None
            return j
        if w not in _STEP_OVER or w in ("find", "see") and not _FINDERS.intersection(words[max(0, i - 4):i]):
            return None  # (what inspectors did not come across, not what workers fail to see: "Managers do not see
            # the serious risks some children face" is a weakness)
    return None


_FINDERS = frozenset(("inspectors", "inspector", "we", "auditors", "audits"))


# Wording rewritten, in this order, before its words are read: what a phrase means in place of what its words
# would say one by one.
# What still holds in a case that might seem to undo it: "remained in touch even when they no longer receive a
# service" (the contact is the finding, not the service's end)
_EVEN_WHEN = re.compile(r"\beven (?:when|if|after|though|once) (?:[\w'’-]+ ){0,4}?no longer\b[^,;.]*")  # (not "stored
# for three months, even when consent is not secured": a shortfall of its own)
# how long a safeguard lasts: "used in emergencies and for only a limited period" (no shortfall)
_LIMITED_TIME = re.compile(r"\bfor (?:only )?an? (?:very )?(?:limited|short|brief) (?:period|time)(?: of time)?\b")
# what is missing, said as what there is instead: "lists of tasks rather than clear plans" (not clear plans)
NOT_LONGER = True
# Longer than needed, denied ("children do not remain subject to plans for longer than is necessary", h28): good news
_NOT_LONGER = re.compile(r"\b(?:not|never|no)\b(?: [\w'’-]+){0,5}? (?:for )?(?:any )?longer than (?:is )?(?:necessary|"
                         r"needed|they need)\b")
EASED_BY = True
# A problem said to be dealt with by something, passive ("Long waits for therapy are mitigated by the in-house
# psychologist", h28): the problem before it, in its clause, is no finding (as "reduces delay" is none)
_EASED_BY = re.compile(r"[^,;.]*?\b(?:is|are|was|were|has been|have been|being) (?:\w+ly )?(?:mitigated|offset|"
                       r"alleviated|eased|lessened|minimised|minimized|reduced) by\b")
RATHER_TO_END = True
_EXCESS = frozenset(("overly", "unduly", "too", "merely", "simply", "solely", "just", "only", "excessively"))
_RATHER_THAN = re.compile(r"\b(?:rather than|instead of|in place of)\b")
# what was said to need improving is no improvement ("leaders had found that this area of practice needed improving",
# h28); the present "needs improving" is read as still to do (core.reading.severity)
_NEEDED_IMPROVING = re.compile(r"\b(?:needed|needing) (?:improving|improvement|strengthening)\b")  # (not a grade:
# "required improvement to be good")
_JARGON_FREE = re.compile(r"\bjargon[- ]free\b|\bfree (?:of|from) (?:\w+ )?jargon\b")  # (no weakness: "jargon free")
_TO_SECURE = re.compile(r"\b(difficult|challenging|hard) to secure\b")
# "how well" names a measure, not praise: "inconsistency in how well care leavers are supported"
_HOW_WELL = re.compile(r"\bhow (?:well|effectively|quickly|swiftly|robustly|consistently|successfully|securely)\b")
# what was good once, said of what has since slipped: "the previously strong links ... have deteriorated"
_ONCE_GOOD = re.compile(r"\b(?:previously|once|formerly|historically|initially) (?:(?:very|more|highly) )?"
                        r"(?:strong|good|effective|positive|robust|stable|secure|established|consistent|timely)\b")
_RISK_LEVEL = re.compile(r"\b(?:low|lower|medium|high|higher) (?:levels? of )?risk\b")  # a cohort, no easing
_NO_CASE_REVIEWS = re.compile(r"\bno (?:(?:current|new|recent|recently|newly|further) )?(?:published )?serious case "
                              r"reviews?\b")  # ("no recently published serious case reviews")
# a comparison that finds two groups alike ("no significant differences in outcomes between children placed in and
# out of the area", a new user's 2014 report, h27: a weakness on "no"): parity, no shortfall; not work that "made no
# difference"
_NO_DIFFERENCE = re.compile(r"\b(?<!made )(?<!make )(?<!makes )(?<!making )no (?:significant |notable |marked |real |"
                            r"discernible )?differences? (?=between|in)")
_DOWN_BY = re.compile(r"\b(is|are|was|were|has been|have been) down by\b")
CASE_REVIEW = re.compile(r"\bserious case reviews?\b")  # a kind of review, no serious failing (severity too)
_REWRITES = (
    (HOW_COULD, " "),
    (_AS_WELL_AS, " and "),  # "as well as": a conjunction, no praise
    (_DENIED_PAIR, r"\1 "),
    (_LAST_TOO, ""),  # "Care leavers feel it too.": also, not too much
    (_THEN_CLAUSE, r"\1"),  # "since the inspection in 2017, when too many were unprotected"
    (_WOULD_IMPROVE, "wouldimprove"),
    (_BETTER_IN, "improved reduction in "),  # (praise, and the problem after it eased)
    (_OTHERWISE_NOT, "otherwise"),
    (_OVERSIGHT_OF, r"\1named"),  # (the children watched over, named, no shortfall)
    (_SCANT_EVIDENCE, "no evidence that"),  # (which reaches its whole clause)
    (_WHILE_EARLY, ","),
    (_CHALLENGED, "address "),  # (a remedy: the problem after it is dealt with)
    (_CASES_TAKEN_UP, r"\1 named"),  # (the cases a remedy takes up, named by their problem)
    (_RISK_OF, r"\1 "),
    (_TOO_LITTLE_TO, "insufficiently"),  # (a negator: denies the praise after it)
    (_NOT_GOING_WELL, " whenneeded "),
    (_AFTER_FOUND, " "),
    (_NOT_PREVENTED_FROM, r"\1"),  # (before the hindrance is read: what is left is who does what)
    (_PREVENTS_FROM, r"preventsfrom \1"),  # (a negator shown as "prevents", as "impedes" is)
    (_CANDID, " realistic "),  # (praise of the leaders, what they are candid about left out)
    (_MINIMAL_PROBLEM, "no"),  # "with minimal disruption": as "no disruption", good news
    (_MINIMAL_AGENCY, " fewagency "),  # (a plain fact)
    (NONE_NEEDED, " noneneeded "),  # (no escalation, no harm)
    (_NOT_RELIANT, " notreliant "),
    (_COHORT_NOT, r"\1 named \2"),
    (_WHO_MIGHT_BE_HOMELESS, " named "),
    (_NOT_REQUIRED_BY_LAW, " lawfully "),
    (_NO_LONGER, " improved "),
    (_DOWN_BY, r"\1 downby "),  # (a figure's fall, read as one word: not "down to", which says why)
    (_NO_DIFFERENCE, " alike "),
    (_NO_PRESSURE, " unhurried to "),
    (_NOT_AT_EXPENSE, r" balanced \1 and "),  # (the balance kept: praise)
    (_NOT_GIVE_UP, " tenacious "),  # "do not give up on them": perseverance, no denial
    (_HIGHLY_PLACED, r"\1"),  # "features highly": no praise
    (_WELL_BY, ""),  # "well below the target": by how much, no praise
    (_STILL_OUTSTANDING, " unresolved "),  # "an outstanding recommendation": one not yet met
    (_JUST_SO_MANY, "justonly "),
    (_AS_ONE_WORD, lambda m: m.group(0).replace(" ", "")),  # "fit for purpose", "not fit for purpose"
    (_RISK_LEVEL, "risklevel"),  # "children identified at lower risk": who they are ("… is mostly weak" is not eased)
    (_TO_SECURE, r"\1 to obtain"),  # "difficult to secure the support": a verb, no praise (what is hard to get)
    (_HOW_WELL, "how"),
    (_NEEDED_IMPROVING, " neededwork "),
    (_JARGON_FREE, " plainworded "),
    (_RATHER_THAN, " rathernot "),  # (denies the praise after it, and is no weakness itself)
    (_EVEN_WHEN, " "),
    (_LIMITED_TIME, " temporarily "),
    (_ONCE_GOOD, "previously"),
    (_NO_CASE_REVIEWS, " scr "),  # "There have been no serious case reviews since 2012": a fact, no denial
    (CASE_REVIEW, "scr"),  # "a serious case review": a kind of review, no serious failing
    (_NOT_WEAK_NAMES, "named"),
    (_TWO_WORDS, r"under\1"),
    (_GRADE_TO_BE_GOOD, r"\1 improvement"),
)


# What the shortfall phrases are read after, as the words are after ``_REWRITES`` (with no word of praise put in):
# a problem ended, pressure denied, a cohort named, what a remedy's risk is of, an early stage set aside in passing,
# a cost or a reliance denied
_PHRASE_REWRITES = (
    (_NO_LONGER, " "),
    (_NO_PRESSURE, " "),
    (_WHO_MIGHT_BE_HOMELESS, " named "),
    (_RISK_OF, r"\1 "),
    (_WHILE_EARLY, ","),
    (_NOT_AT_EXPENSE, r" \1 and "),
    (_NOT_RELIANT, " notreliant "),
)


# A name in capitals mid-sentence: a team, a board, a programme ("the Integrated Contact and Referral Team",
# "Strengthening Families", "Right Service Right Time"), whose words of praise praise nothing
_PROPER_NAME = re.compile(r"(?:(?<=[a-z,;(‘'\"“] )|(?<=[(‘“]))(?:[A-Z][\w’'-]+ (?:(?:and|of|for|the|to|&) )?)+[A-Z][\w’'-]+")


def _praise_named(m: re.Match) -> str:
    return " ".join("named" if w.lower() in _STRONG_SET else w for w in m.group(0).split(" "))


def _denial_said(words: list[str], i: int) -> str:
    """A negation with no word of praise in reach, as a card's reason names it: with the word it denies ("not
    delivering", "not registered"), where a bare "not" said nothing ("wording: not benefit, not timely, not")."""
    w = words[i]
    return f"{w} {words[i + 1]}" if w in ("not", "never") and i + 1 < len(words) else w


def tone(flat: str) -> tuple[float, float, float, list[str]]:
    """(strong, weak, serious) evidence in a sentence, read clause by clause: a negator turns the
    strengths after it in its clause into weaknesses ("not always effective", "not clearly recorded
    or responded to effectively"); a "not" with no strength in reach is itself a weakness."""
    strong = weak = serious = 0.0
    cues: list[str] = []
    condition_ends = 0
    folded = folded_text(_PROPER_NAME.sub(_praise_named, flat))
    if ABSENT_PROBLEM:
        folded = _NEET.sub("neet", folded)  # a name for young people's status, no negation
    for pattern, said in _REWRITES:
        folded = pattern.sub(said, folded)
    if ABSENT_PROBLEM and (none := _NONE_SUFFER.search(folded)):
        strong += 1.0
        said = none.group(0)
        cues.append("few return to care" if said.endswith(("care", "after")) and not said.startswith("no ") else
                    "no poor placements" if said.endswith(("less than good", "inadequate")) else
                    "none " + ("bed and breakfast" if said.endswith(("breakfast", "b")) else "sofa surfing" if "sofa" in said
                                   else said.split()[-1]))
        folded = folded[:none.start()] + " " + folded[none.end():]
    if ABSENT_PROBLEM and (few := _FEW_SUFFER.search(folded)):
        strong += 1.0
        cues.append(few.group(1).replace("justonly", "just") + " " + few.group(2))
        folded = folded[:few.start()] + " " + folded[few.end():]
    if ABSENT_PROBLEM:  # a problem's figures against others' or over time, and a good thing's falling
        for pattern, fewer, more in ((_PROBLEM_AGAINST, "fewer than elsewhere", "more than elsewhere"),
                                     (_PROBLEM_TREND, "fewer", "more"), (_GOOD_FALLING, "", "fallen")):
            if not (m := pattern.search(folded)):
                continue
            good = bool(m.re.groups and m.group(1))  # (the good way is the first group; _GOOD_FALLING has none)
            way = m.start(1) if good else m.start(2) if m.re.groups else m.end()
            if not _CONCEDED.search(folded, max(0, m.start() - 30), way):  # (granted in passing: "high vacancy
                # rates, although overall vacancy rates are lower than the London average", "Although caseloads have
                # fallen, the work is highly demanding": not the sentence's point, and its "lower" no shortfall)
                strong, weak = (strong + 1.0, weak) if good else (strong, weak + 1.0)
                cues.append(fewer if good else more)
            folded = folded[:m.start()] + " " + folded[m.end():]
            break
    if NOT_LONGER and (no_longer := _NOT_LONGER.search(folded)):
        strong += 1.0
        cues.append("no longer than needed")
        folded = folded[:no_longer.start()] + " " + folded[no_longer.end():]
    if ABSENT_PROBLEM:
        folded = _NO_COHORT.sub(_counted_none, folded)
    if LEAD_CONDITION:
        folded = _NOT_ONLY.sub(" ", folded)
        cond = _LEAD_CONDITION.match(folded)
        if cond and cond.end() < len(folded) - 10:
            folded = folded[cond.end():]
            lead = _LEAD_CONDITION.match(flat.lower())  # (nor its phrases: "When contact is lost …, advisers are
            if lead:  # remarkably persistent" was a weakness, on "is lost")
                condition_ends = lead.end()
    if ASPIRATION:
        aim = _AIM.search(folded)
        if aim:  # what the work is for is not how well it is done; but the sentence's own verb, denied after the
            # aim, is ("Stability in order to ... is not being achieved", "effort is made to ensure ..., this is not")
            denied = _DENIED_AFTER_AIM.search(folded, aim.end())
            if not denied and AIM_IN_SUBJECT and not _FINITE.search(folded, 0, aim.start()):
                # the aim names what the subject is for, and the sentence's own verdict follows it: "Contingency
                # arrangements to ensure children are safeguarded while enquiries are underway are weak"
                denied = _VERDICT_AFTER_AIM.search(folded, aim.end())
            if not denied and AIM_ENDS_AT_TURN:
                denied = _TURN_AFTER_AIM.search(folded, aim.end())
            folded = folded[:aim.start()] + (" " + folded[denied.start():] if denied else "")
    for clause in _CLAUSE.split(folded):
        words = WORD.findall(clause or "")
        reach = -1
        remedied = -1
        pending_not: str | None = None
        if WHOLE_CLAUSE and _NOT_THERE.search(clause or ""):
            reach = len(words)  # "Timely and effective services have not been in place": all of it is absent
        settled = {i for i, w in enumerate(words) if w in _WEAK_SET and w not in _NEGATOR_SET and w != "too" and
                   any(x in _AFTER_REMEDY_SET for x in words[i + 1:i + 1 + AFTER_REMEDY_SCOPE])}
        if EASED_BY and (eased := _EASED_BY.search(clause or "")):
            upto = len(WORD.findall(clause[:eased.end()]))  # the problem the clause says is dealt with, before it
            settled |= {i for i, w in enumerate(words[:upto]) if w in _WEAK_SET and w not in _NEGATOR_SET}
        too_few = -1
        instead = -1  # ("rather than generic": what it is not, no weakness)
        denier = "not"
        for i, w in enumerate(words):
            if TOO_FEW and w == "too" and i + 1 < len(words) and words[i + 1] in ("few", "little"):
                weak += 1.0  # "Too few care leavers are actively supported": what follows is what too few get
                cues.append(f"too {words[i + 1]}")
                reach, too_few = len(words), i + 1
                continue
            if i == too_few:
                continue
            if w == "too" and i + 1 < len(words) and words[i + 1] in TOO_TIMING and \
                    not any(x in _NEGATOR_SET for x in words[max(0, i - 3):i]):
                weak += 1.0
                cues.append(f"too {words[i + 1]}")
                too_few = i + 1
                continue
            if w in _REMEDY_SET and w not in ("no",):
                remedied = i + REMEDY_SCOPE
            if w in _WEAK_SET and (i <= remedied or i in settled) and w not in _NEGATOR_SET:
                continue  # "reduces delay", "turnover is low": the weakness is what is being dealt with
            if w in ("only", "justonly") and (i == 0 or words[i - 1] != "not") and i + 1 < len(words) and \
                    words[i + 1] not in ("be", "when", "if", "where", "to", "after") and \
                    not (ABSENT_PROBLEM and any(x in ("when", "if", "where", "once") for x in words[i + 2:i + 5])):
                weak += 1.0  # "Only three quarters of conferences are timely", "only recently agreed", "just 8%
                # achieved five GCSEs"
                cues.append("just" if w == "justonly" else w)
                continue
            after = words[i + 1:i + (4 if i + 1 < len(words) and words[i + 1] in _AS_REPORTED else 3)]
            if w in ("no", "without") and any(x in _GOOD_NEWS_SET for x in after):
                strong += 1.0  # "no unallocated cases", "without delay", "no reported placement disruptions": a
                cues.append(f"{w} {next(x for x in after if x in _GOOD_NEWS_SET)}")  # problem absent
                remedied = i + 2
                continue
            if ABSENT_PROBLEM and w in ("not", "never", "rarely") and (gone := _problem_absent(words, i)) is not None:
                strong += 1.0  # "families do not wait", "children do not experience delay": a problem absent
                cues.append(f"{w} {words[gone]}")
                remedied = gone
                while remedied + 1 < len(words) and (words[remedied + 1] in _HOW_MANY or words[remedied + 1] == "too"):
                    remedied += 1  # and how many it would reach: "this does not affect too many children"
                continue
            if w == "rathernot":
                instead = i + NEGATION_SCOPE
            if ELLIPTICAL_NOT and w == "not" and 0 < i < len(words) - 1 and words[i - 1] in ("do", "does", "did") and \
                    words[i + 1] in _FINITE_NEXT:
                continue  # "those who do not are carefully tracked": the "do not" has lost its verb, and denies none
                # of what the sentence goes on to say of them
            if w in _NEGATOR_SET:
                if pending_not:
                    weak += 1.0
                    cues.append(pending_not)
                reach, pending_not = max(reach, i + NEGATION_SCOPE), _denial_said(words, i)
                denier = _SHOWN.get(w, w) if w in _HINDERS else "not"  # (the card's reason: "impede comprehensive")
                if WHOLE_CLAUSE and (w == "neither" or w in ("not", "cannot") and any(x in _WHOLE_OF for x in words[i + 1:i + 3]) or
                                     w in ("no", "without") and "evidence" in words[i + 1:i + 3]):
                    reach = len(words)  # "Not all children ... are supported effectively", "do not contain evidence that"
                if RATHER_TO_END and w == "rathernot" and not any(x in _EXCESS for x in words[i + 1:i + 4]):
                    reach = len(words)  # what is not done, to its clause's end: "to close cases at 21 rather than base
                    # this on a needs-led decision agreed collaboratively with young people" (h28); but not an excess
                    # avoided, whose words praise nothing ("rather than being overly focused on targets that give a
                    # positive scorecard")
                if w not in _WEAK_SET:
                    pending_not = None
                continue
            if w in _STRONG_SET:
                if NEGATED_ENOUGH and pending_not and i > reach and w == "well" and \
                        words[i + 1:i + 2] == ["enough"]:
                    reach = len(words)  # and what it falls short of: "... well enough to deliver consistently good
                    # standards"
                if i <= reach:
                    weak += 1.0
                    cues.append(f"{denier} {_SHOWN.get(w, w)}")
                    pending_not = None
                else:
                    strong += 1.0
                    cues.append(_SHOWN.get(w, w))
            elif w in _WEAK_SET and i > instead:
                weak += 1.0
                cues.append(_SHOWN.get(w, w))
        if pending_not:
            weak += 1.0
            cues.append(pending_not)
    low = " " * condition_ends + flat.lower()[condition_ends:]  # (a leading condition's phrases are no finding)
    low = _THEN_CLAUSE.sub(r"\1", _NOT_WEAK_NAMES.sub("named", CASE_REVIEW.sub("scr", NONE_NEEDED.sub(" noneneeded ",
                                                                                                  low))))
    for pattern, said in _PHRASE_REWRITES:
        low = pattern.sub(said, low)
    denied: list[tuple[int, int]] | None = None
    for m in _SHORTFALL.finditer(low) if SHORTFALL_PHRASES else ():
        if denied is None:  # (a problem said to be absent, read above: "No care leavers are homeless")
            denied = [d.span() for d in _NONE_SUFFER.finditer(low)] if ABSENT_PROBLEM else []
            denied += [d.span() for d in _EASED_BY.finditer(low)] if EASED_BY else []
            denied += [d.span() for d in _NOT_LONGER.finditer(low)] if NOT_LONGER else []
            denied += [d.span() for d in _AVERTED.finditer(low)]  # (what is avoided: "This avoids several changes
            # in worker", a held-out good report's area for improvement)
        if any(a <= m.start() < b for a, b in denied):
            continue
        weak += 1.0  # "high workloads", "less than half", "wait for many weeks"
        words = m.group(0).split()
        cues.append(" ".join(words) if len(words) <= 4 else f"{words[0]} … {' '.join(words[-2:])}")
    for m in _HEADWAY.finditer(low):
        if not _HEADWAY_DENIED.search(low[:m.start()]):
            strong += 1.0
            cues.append("progress")
            break
    if MOST_OF and _MOST_OF.match(low) and not (NEGATED_MOST and weak):
        strong += 1.0  # "Most young people are aware of their entitlements": the good the many receive
        cues.append("most")
    said = set(_SERIOUS_WORDS.findall(low))  # as whole words: "taken seriously" is no serious failing
    for phrase in SERIOUS:
        if phrase in said:
            serious += 1.0
            cues.append(phrase)
    return strong, weak, serious, cues
