"""Suggested annotations: severity from position and wording (negation read), themes from cues and from past tagging."""

from __future__ import annotations

from dataclasses import replace

from reviewer.core.annotations.codebook import default_themes
from reviewer.core.reading.stories import story_grade
from reviewer.core.reading.suggest import suggest
from reviewer.core.text.markup import has_markup, to_plain
from reviewer.core.annotations.tagging import new_annotation

LETTER = """12 March 2025

Dear Sam

## Focused visit to Northmoor children's services

Inspectors looked at the local authority's arrangements for the front door.

## Headline findings

Leaders have created a strong and effective front door, where referrals are screened promptly.
Management oversight of assessments is not always effective and some children wait too long.
Social workers know their children well and visit them regularly.

## What needs to improve in this area of social work practice

- The quality of chronologies and the timeliness of strategy meetings.
- Management oversight of plans for children.

## Areas for priority action

- Children at risk of harm are left without a timely response from the out-of-hours service.

Yours sincerely
"""


def _by_quote(found):  # type: ignore[no-untyped-def]
    return {" ".join(s.quote.split()): s for s in found}


def test_severity_comes_from_position_and_wording() -> None:
    found = _by_quote(suggest(LETTER, default_themes()))
    strong = found["Leaders have created a strong and effective front door, where referrals are screened promptly."]
    assert strong.severity == "strength" and "front-door" in strong.themes
    negated = found["Management oversight of assessments is not always effective and some children wait too long."]
    assert negated.severity == "improvement" and "not effective" in negated.why  # not a strength
    assert found["The quality of chronologies and the timeliness of strategy meetings."].severity == "improvement"
    assert found["Management oversight of plans for children."].severity == "improvement"  # no tone word: its place
    priority = found["Children at risk of harm are left without a timely response from the out-of-hours service."]
    assert priority.severity == "priority" and "out-of-hours" in priority.themes
    assert not any(q.startswith("Inspectors looked at") for q in found)  # context is not suggested
    assert all(0 < s.score < 1 for s in found.values())


def test_annotated_and_dismissed_passages_are_not_suggested_again() -> None:
    first = suggest(LETTER, default_themes())
    taken, gone = first[0], first[1]
    again = suggest(LETTER, default_themes(), existing=[(taken.start, taken.end)], dismissed=[(gone.start, gone.end)])
    assert {(s.start, s.end) for s in again} == {(s.start, s.end) for s in first} - {(taken.start, taken.end),
                                                                                     (gone.start, gone.end)}


def test_themes_are_learnt_from_what_the_auditor_tagged() -> None:
    text = "Direct work with families is thoughtful and creative in the Westfield hub. " * 1
    before = suggest(text, default_themes())
    assert before and "young-carers" not in before[0].themes
    past = [new_annotation("Westfield hub direct work with young carers", [0], "x", 0, 41, ["young-carers"],
                           "strength", "", "Ann") for _ in range(8)]
    # the rest of the auditor's library: what makes "Westfield hub" this theme's words, not everyone's
    others = ["Strategy meetings are timely and well attended", "Care leavers have good pathway plans",
              "Assessments are thorough and analytical", "Leaders know their services well",
              "Managers oversee plans closely", "Children in care see their social workers often"]
    past += [new_annotation(q, [0], "x", 0, len(q), ["planning"], "strength", "", "Ann") for q in others for _ in range(4)]
    after = suggest(text, default_themes(), annotations=past)
    assert "young-carers" in after[0].themes


REPORT = """Inspection of Northmoor local authority children's services

Judgement
Grade
The impact of leaders on social work practice with children and families
Inadequate
Overall effectiveness
Inadequate

There are serious and widespread failures that leave children at risk of harm.
In 2019, services were judged to require improvement to be good.
The focused visit in 2023 identified that children were not being protected.

What needs to improve?

- the recognition of risk and the response to neglect
- the timeliness of assessments

The experiences and progress of care leavers: good

Personal advisers know their young people well and keep in touch with them.
Young people live in suitable homes and are supported into education and work.
"""


def test_a_report_is_read_by_its_judgements_and_earlier_findings_are_context() -> None:
    found = _by_quote(suggest(REPORT, default_themes()))
    assert found["There are serious and widespread failures that leave children at risk of harm."].severity == \
        "priority"  # the summary under an inadequate judgement table
    assert "In 2019, services were judged to require improvement to be good." not in found  # an earlier finding
    assert "The focused visit in 2023 identified that children were not being protected." not in found
    assert found["the recognition of risk and the response to neglect"].severity == "improvement"
    assert not any(q.startswith(("What needs to improve", "Judgement", "Overall effectiveness")) for q in found)
    plain = found["Personal advisers know their young people well and keep in touch with them."]
    assert plain.severity == "strength" and "care-leavers" in plain.themes  # the section says who it is about


def test_a_failing_reports_summary_finding_of_harm_is_among_the_strongest() -> None:
    """The summary under an inadequate judgement table says the service's most serious findings first: one that
    leaves children at risk is as sure as an inspectors' item, and says where it comes from (a held-out
    report's headline finding ranked 85th of 219 before)."""
    found = _by_quote(suggest(REPORT, default_themes()))
    headline = found["There are serious and widespread failures that leave children at risk of harm."]
    assert headline.severity == "priority" and headline.score >= 0.85
    assert "a finding of the report's summary" in headline.why
    listed = found["the recognition of risk and the response to neglect"]
    assert listed.score <= headline.score


def test_suggestions_are_ranked_and_the_strongest_shown_first() -> None:
    from reviewer.core.reading.suggest import ranked, strongest

    found = suggest(REPORT, default_themes())
    order = ranked(found)
    assert [s.score for s in order] == sorted((s.score for s in found), reverse=True)
    assert strongest(found, 2) == order[:2] and len(strongest(found, 100)) == len(found)


def test_the_inspectors_items_take_at_most_half_of_the_strongest() -> None:
    """A new user's first 30 cards of a held-out 46-page report (stop 44) were 22 of its recommendations, all one
    button away (Accept All), and its findings of harm waited behind them. The items take at most half while
    findings can fill the rest, and all the places where there are too few findings; each list stays in
    order of strength."""
    import dataclasses

    from reviewer.core.reading.suggest import Suggestion, ranked, strongest

    items = [Suggestion(i * 10, i * 10 + 5, f"item {i}", "improvement", ("planning",), 0.85, "under What needs to "
                        "improve", listed=True) for i in range(25)]
    findings = [Suggestion(1000 + i * 10, 1005 + i * 10, f"finding {i}", "priority", ("risk",), 0.8 - i / 100, "")
                for i in range(20)]
    shown = strongest(items + findings, 30)
    assert sum(s.listed for s in shown) == 15 and shown == ranked(shown)
    assert [s for s in shown if not s.listed] == findings[:15]
    assert [s for s in shown if s.listed] == items[:15]
    few = strongest(items + findings[:4], 28)
    assert sum(s.listed for s in few) == 24 and len(few) == 28  # too few findings: the items fill the places
    assert strongest(items, 5) == items[:5] and strongest(findings, 5) == findings[:5]
    assert strongest([dataclasses.replace(items[0], listed=False)] + items[1:3], 2)[0].quote == "item 0"


def test_strengths_take_at_most_half_of_the_findings_shown_first() -> None:
    """An auditor's reading of a held-out good report (stop 45): its 30 strongest were 27 strengths and the three
    inspectors' items; the weaknesses behind its 'requires improvement' part, surer than 0.6, waited behind
    praise at 0.85. While weaknesses remain, strengths take at most half of the findings shown first."""
    from reviewer.core.reading.suggest import Suggestion, ranked, strongest

    praise = [Suggestion(i * 10, i * 10 + 5, f"praise {i}", "strength", ("voice",), 0.85, "") for i in range(40)]
    weak = [Suggestion(1000 + i * 10, 1005 + i * 10, f"weak {i}", "improvement", ("drift",), 0.6, "")
            for i in range(6)]
    shown = strongest(praise + weak, 30)
    assert [s for s in shown if s.severity == "improvement"] == weak and shown == ranked(shown)
    assert len(shown) == 30 and sum(s.severity == "strength" for s in shown) == 24  # (weaknesses run short: praise)
    assert strongest(praise + weak, 10) == ranked(praise[:5] + weak[:5])


def test_a_failing_reports_priority_actions_come_first_among_its_weaknesses() -> None:
    """Two auditors' readings of four held-out inadequate reports (stop 46): the priority actions they would
    escalate, at 0.6-0.8, sat outside the 30 shown first, behind areas for improvement at 0.8 and praise.
    Of the weaknesses shown first, priority actions come first; their order on screen is still by confidence."""
    from reviewer.core.reading.suggest import Suggestion, ranked, strongest

    praise = [Suggestion(i * 10, i * 10 + 5, f"praise {i}", "strength", ("voice",), 0.85, "") for i in range(20)]
    amber = [Suggestion(1000 + i * 10, 1005 + i * 10, f"amber {i}", "improvement", ("drift",), 0.8, "")
             for i in range(20)]
    red = [Suggestion(2000 + i * 10, 2005 + i * 10, f"red {i}", "priority", ("risk",), 0.6, "") for i in range(8)]
    shown = strongest(praise + amber + red, 30)
    assert [s for s in shown if s.severity == "priority"] == red and shown == ranked(shown)
    assert sum(s.severity == "improvement" for s in shown) == 7 and sum(s.severity == "strength" for s in shown) == 15


def test_headings_and_earlier_priority_actions_are_not_suggested() -> None:
    text = ("Inspection of Northmoor\n\nPRIORITY AND IMMEDIATE ACTION RECOMMENDATIONS\n\n"
            "At the last inspection in 2019, inspectors identified priority actions for the front door.\n\n"
            "Services for care leavers are also poor.\n")
    found = _by_quote(suggest(text, default_themes()))
    assert "PRIORITY AND IMMEDIATE ACTION RECOMMENDATIONS" not in found
    assert not any(q.startswith("At the last inspection") for q in found)  # context: an earlier finding
    poor = found["Services for care leavers are also poor."]
    assert poor.severity in ("improvement", "priority") and "care-leavers" in poor.themes


def test_dismissing_one_inspectors_item_is_no_lesson_against_the_rest(samples) -> None:  # type: ignore[no-untyped-def]
    """Seen by a new user on a 51-page report (stop 26): dismissing one of the inspectors' recommendations
    taught the suggester against the rest of the list, which fell out of the 30 strongest. The items stay
    the inspectors': what is learnt re-ranks the other suggestions, never them."""
    raw = (samples / "thornbury_vale_2025_focused_visit.txt").read_text(encoding="utf-8")
    text = to_plain(raw).text if has_markup(raw) else raw
    cold = suggest(text, default_themes(), letter_id="this")
    items = [x for x in cold if x.listed]
    assert len(items) >= 3
    after = suggest(text, default_themes(), letter_id="this", dismissed=[(items[0].start, items[0].end)])
    still = {(x.start, x.end): x for x in after if x.listed}
    assert (items[0].start, items[0].end) not in still
    for x in items[1:]:
        y = still[(x.start, x.end)]
        assert (y.severity, y.score) == (x.severity, x.score)


def test_a_committee_report_progress_section_is_not_all_improvement(samples) -> None:  # type: ignore[no-untyped-def]
    raw = (samples / "kingsford_2025_committee_progress_report.txt").read_text(encoding="utf-8")
    assert has_markup(raw)
    text = to_plain(raw).text  # as the app reads it: "## 4. Progress against ..." a heading, its marks gone
    found = _by_quote(suggest(text, default_themes()))
    # the inspectors' list under "What needs to improve" is
    assert found["The quality and timeliness of pathway plans for care leavers."].severity == "improvement"
    # "Progress against the areas for improvement" and what follows it is not a list of improvements
    assert not any("Progress against the areas for improvement" in q for q in found)
    assert found["Police and health colleagues attend strategy meetings consistently."].severity == "strength"
    assert "A joint housing protocol has been agreed with district councils." not in found
    assert "4.3 Voice of the child." not in found  # a paragraph's run-in heading
    assert found["Practice week audits found that children's views were recorded well in most cases, and strong "
                 "examples of direct work were seen in the disabled children's service."].severity == "strength"
    assert not any("the committee" in q.lower() for q in found)  # its own recommendations to members


LEARNING = """Focused visit to Eastmere children's services

## Main findings

Social workers visit children regularly and know them well.
Too many children wait weeks for a social worker to see them after a referral.
Leaders have a clear improvement plan for the service.
"""


def _tagged(i: int, quote: str, severity: str, letter: str = "elsewhere"):
    from reviewer.core.annotations.model import Annotation

    return Annotation(id=f"a{i}", letter_id=letter, start=0, end=len(quote), quote=quote, prefix="", suffix="",
                      pages=(1,), themes=(), severity=severity)


def test_severities_are_learnt_from_what_the_auditor_tagged_in_other_letters():
    cold = {x.quote: x.severity for x in suggest(LEARNING, default_themes())}
    plan = "Leaders have a clear improvement plan for the service."
    assert cold[plan] == "strength"
    library = [_tagged(i, q, "improvement") for i, q in enumerate([
        "Leaders have a clear plan to improve the front door.",
        "Managers have a clear plan for recruiting social workers.",
        "The council has a clear improvement plan for care leavers.",
        "Leaders have a detailed plan to reduce caseloads.",
        "Senior leaders have a clear plan for the service."])]
    learnt = {x.quote: x for x in suggest(LEARNING, default_themes(), library)}
    assert learnt[plan].severity == "improvement"  # as this auditor reads a plan with nothing yet to show
    assert "as you have tagged passages like it" in learnt[plan].why
    assert learnt["Social workers visit children regularly and know them well."].severity == "strength"


def test_which_kind_of_weakness_is_read_where_it_sits_not_from_other_letters():
    """Another letter's priority action was one because of where it sat (an inadequate judgement, areas
    for priority action), which its quote has lost: it teaches that such wording is a weakness, and this
    letter's own reading says which kind. On the corpus gold, learning the kind from quotes cost priority
    precision (development 82% -> 67%, validation 69% -> 65%) for no gain in F1."""
    waits = "Too many children wait weeks for a social worker to see them after a referral."
    library = [_tagged(i, q, "priority") for i, q in enumerate([
        "Too many children wait months for an assessment of their needs.",
        "Too many children wait too long for their plans to be reviewed.",
        "Too many children wait for a visit after a strategy meeting.",
        "Too many children in need wait for a social worker to be allocated.",
        "Too many care leavers wait for a pathway plan."])]
    learnt = {x.quote: x for x in suggest(LEARNING, default_themes(), library)}
    assert learnt[waits].severity == "improvement"  # this letter's own tags, read where they sit, still teach
    # the kind (test_this_letters_own_tags_teach_the_rest_of_it)


def test_dismissals_elsewhere_teach_what_not_to_suggest_without_silencing_other_strengths():
    plan = "Leaders have a clear improvement plan for the service."
    assert plan in {x.quote for x in suggest(LEARNING, default_themes())}
    gone = ["Leaders have a clear improvement plan for early help.", "Leaders have a clear improvement plan for the "
            "front door.", "Leaders have a clear improvement plan for care leavers.",
            "Leaders have an improvement plan for the service."]
    after = {x.quote: x.severity for x in suggest(LEARNING, default_themes(), dismissed_quotes=gone)}
    assert plan not in after
    assert after["Social workers visit children regularly and know them well."] == "strength"


def test_this_letters_own_tags_teach_the_rest_of_it():
    """Tags made in this letter are read where they sit (letter_id says which are this letter's)."""
    text = LEARNING + "".join(f"Too many children wait for help with {x}.\n" for x in
                              ("housing", "schooling", "health", "contact", "transport", "money"))
    first = [x for x in suggest(text, default_themes()) if x.quote.startswith("Too many children wait for help")]
    assert first and all(x.severity == "improvement" for x in first)
    mine = [replace(_tagged(i, x.quote, "priority", letter="this"), start=x.start, end=x.end)
            for i, x in enumerate(first[:4])]
    rest = [x for x in suggest(text, default_themes(), mine, existing=[(m.start, m.end) for m in mine],
                               letter_id="this") if x.quote.startswith("Too many children wait for help")]
    assert len(rest) == 2 and all(x.severity == "priority" for x in rest)


def test_what_still_falls_short_is_an_area_for_improvement() -> None:
    text = """Inspection of Westmoor local authority children's services

## Children in care

Educational outcomes for children in care are improving, but at Key Stage 4 they are still too low.
Social workers know their children well and visit them regularly.
However, some disabled children wait for an updated assessment of their needs.
More needs to be done to ensure that all professionals identify children living in private fostering.
Only a small minority of good quality assessments were seen during the inspection.
"""
    found = {x.quote: x.severity for x in suggest(text, default_themes())}
    assert found["Educational outcomes for children in care are improving, but at Key Stage 4 they are still too "
                 "low."] == "improvement"  # "too low" is no problem eased, as "turnover is low" is
    assert found["Social workers know their children well and visit them regularly."] == "strength"
    assert found["However, some disabled children wait for an updated assessment of their needs."] == "improvement"
    assert found["More needs to be done to ensure that all professionals identify children living in private "
                 "fostering."] == "improvement"
    assert found["Only a small minority of good quality assessments were seen during the inspection."] == "improvement"


def test_a_plain_statement_of_figures_is_context_even_under_a_good_judgement() -> None:
    text = """Inspection of Westmoor local authority children's services

## The experiences and progress of children in care: good

In the past year, 24 adoption orders have been granted.
Children live in homes that meet their needs.
"""
    found = {x.quote: x.severity for x in suggest(text, default_themes())}
    assert "In the past year, 24 adoption orders have been granted." not in found
    assert found["Children live in homes that meet their needs."] == "strength"  # plain, under a good judgement


def test_an_older_reports_summary_and_findings_keep_their_judgements_grade() -> None:
    """Single-inspection-framework reports put "Summary" and "Inspection findings" headings under each
    graded judgement: what they hold is read under that judgement, not as ungraded text."""
    text = """Inspection of services for children in need of help and protection, children looked after and care leavers

The experiences and progress of children who need help and protection Inadequate

Summary

Children at risk of harm are left without a timely response when referrals are made out of hours.

Inspection findings

Children in need of protection are not always seen, leaving them at risk of significant harm.

The experiences and progress of children looked after and achieving permanence Good

Summary

Children are supported to live in stable homes close to their families.
"""
    found = {x.quote: x for x in suggest(text, default_themes())}
    for quote in ("Children at risk of harm are left without a timely response when referrals are made out of hours.",
                  "Children in need of protection are not always seen, leaving them at risk of significant harm."):
        assert found[quote].severity == "priority" and "under an 'inadequate' judgement" in found[quote].why
    good = found["Children are supported to live in stable homes close to their families."]
    assert good.severity == "strength" and "inadequate" not in good.why


def test_contractions_and_plain_words_of_shortfall_read_as_weakness() -> None:
    """Reports' summaries for children write as people talk: "don't", "doesn't"; and "poorly", "decline"."""
    text = """Summary for children and young people

Some social workers don’t spend enough time talking to children about their lives.
The recording system doesn't help managers to see the quality of their services.
For many children, their views are poorly understood.
"""
    found = {x.quote: x.severity for x in suggest(text, default_themes())}
    assert set(found.values()) == {"improvement"} and len(found) == 3, found


def test_in_an_inadequate_report_children_left_at_risk_are_a_priority_even_outside_a_graded_section() -> None:
    text = """Inspection of Northmoor local authority children's services

Judgement
Grade
Overall effectiveness
Inadequate

Executive summary

Leaders have been ineffective in improving practice, and children are left at risk of harm.
Some plans are not reviewed on time.
"""
    found = {x.quote: x.severity for x in suggest(text, default_themes())}
    assert found["Leaders have been ineffective in improving practice, and children are left at risk of harm."] == \
        "priority"
    assert found["Some plans are not reviewed on time."] == "improvement"  # weak, but no child left at risk


def test_what_work_is_for_is_not_how_well_it_is_done() -> None:
    """The wording of a purpose ("... to ensure that all foster carers have good-quality training") says
    nothing of the work itself: such a sentence is read by what comes before the purpose."""
    from reviewer.core.reading.severity import verdict

    assert verdict("Leaders have set targets to ensure that all foster carers receive good-quality training.",
                   None, None, None)[0] is None
    assert verdict("A new portal is in use, with the aim of improving the quality of contacts.",
                   None, None, None)[0] is None
    assert verdict("A refreshed workforce strategy is focused on improving practice.", None, None, None)[0] is None
    assert verdict("Managers take swift action to ensure that children are safe.", None, None, None)[0] == "strength"
    assert verdict("Leaders have not acted to ensure that children are safe.", None, None, None)[0] == "improvement"


def test_a_sentence_opening_with_a_noun_that_is_also_a_verb_is_not_a_recommendation() -> None:
    """One list of recommending verbs (inspectors_list.RECOMMENDING) serves the inspectors' lists and the
    suggester; in running text the verbs that open nouns as often ("Support for ...", "Review meetings")
    recommend only before what they act on."""
    from reviewer.core.reading.inspectors_list import recommends

    assert recommends("Ensure that children are seen alone.", listed=False)
    assert recommends("Review the quality of plans for care leavers.", listed=False)
    assert not recommends("Support for care leavers is strong.", listed=False)
    assert not recommends("Review meetings are timely and well attended.", listed=False)
    assert recommends("Support care leavers to find suitable homes.")  # in an inspectors' list: any of them
    assert recommends("Senior managers should review every plan.")


def test_a_problem_said_not_to_happen_is_good_news() -> None:
    """"Families do not wait", "children are not subject to disruption", homes "only used when" nothing else
    will do, and young people "not in education, employment or training" (a status, not a negation) are
    not weaknesses; "not always" still is."""
    from reviewer.core.reading.severity import verdict

    def severity(sentence: str) -> str | None:
        return verdict(sentence, None, None, None)[0]

    assert severity("Families do not wait for the help that they need.") == "strength"
    assert severity("Children are not subject to disruption in their homes.") == "strength"
    assert severity("Children are not always seen without delay.") == "improvement"
    assert severity("Risks to children are not identified.") == "improvement"
    assert severity("Emergency placements are only used when every other option has been exhausted.") is None
    assert severity("Only three quarters of conferences are timely.") == "improvement"
    assert severity("Personal advisers and the not in education, employment or training worker support young "
                    "people well.") == "strength"


def test_a_negation_of_the_whole_clause_reaches_its_far_end() -> None:
    """"Not all children ... are supported effectively", "records do not contain evidence that ... is
    regularly considered" and "timely and effective services have not been in place" are weaknesses,
    however far the good words stand from the "not"; "written plans to help them" is no aim."""
    from reviewer.core.reading.severity import verdict

    def severity(sentence: str) -> str | None:
        return verdict(sentence, None, None, None)[0]

    assert severity("Not all children living in private fostering arrangements are supported effectively.") == \
        "improvement"
    assert severity("Some case records do not contain evidence that children's circumstances are being routinely "
                    "and regularly considered.") == "improvement"
    assert severity("Timely and effective support services have not been in place for children.") == "improvement"
    assert severity("Staff are good at keeping in touch, but the quality of the written plans to help young people "
                    "prepare for adult life is not good enough.") == "improvement"


def test_what_cannot_be_judged_yet_and_the_standard_safety_statement_are_context() -> None:
    from reviewer.core.reading.severity import verdict

    for sentence in ("It is too soon to see the impact of these changes on children.",
                     "No children were found to be left at risk of immediate harm during the inspection.",
                     "Senior leaders acknowledged the delay and have plans in place to open the hub.",
                     "These are recent developments and their impact has yet to be seen."):
        assert verdict(sentence, "grade:inadequate", "inadequate", "judgement")[0] is None, sentence
    assert verdict("Too many children wait too long for a plan.", "grade:inadequate", "inadequate",
                   "judgement")[0] in ("improvement", "priority")


def test_a_hedged_weakness_in_a_failing_reports_summary_is_an_area_for_improvement() -> None:
    from reviewer.core.reading.severity import verdict

    summary = ("grade:inadequate", "inadequate", "judgements")
    assert verdict("Care leavers do not consistently get the help and support they need.", *summary)[0] == \
        "improvement"
    assert verdict("Children do not always have a named social worker.", *summary)[0] == "improvement"
    assert verdict("Too many children do not always have a named social worker.", *summary)[0] == "priority"
    assert verdict("Children are left in situations of risk for too long.", *summary)[0] == "priority"


def test_more_words_of_good_practice_and_what_most_children_receive() -> None:
    from reviewer.core.reading.severity import verdict

    failing = ("grade:inadequate", "inadequate", "judgement")
    assert verdict("Unaccompanied young people are provided with solid support to settle.", *failing)[0] == "strength"
    assert verdict("Most young people are aware of their entitlements through the local offer.", *failing)[0] == \
        "strength"
    assert verdict("Most children wait too long for a decision.", *failing)[0] in ("improvement", "priority")


def test_phrases_of_shortfall_without_a_word_of_weakness() -> None:
    from reviewer.core.reading.severity import verdict

    for sentence in ("High workloads for personal advisers continue to impact on the help young people receive.",
                     "Less than half of those children have been in the same home for two years.",
                     "Some children have to wait for many weeks for a mental health service.",
                     "A significant number of children are on plans for a second time."):
        assert verdict(sentence, None, None, None)[0] == "improvement", sentence


def test_a_leading_condition_is_when_the_finding_applies_not_the_finding() -> None:
    """"When children cannot return home, ..." says when; what follows the comma is the finding. "Not only
    ... but also" negates nothing. A weakness after the condition still counts."""
    from reviewer.core.reading.severity import verdict

    def severity(sentence: str) -> str | None:
        return verdict(sentence, None, None, None)[0]

    assert severity("When children cannot return home, social workers quickly find them suitable permanent "
                    "families.") == "strength"
    assert severity("When children do not attend their reviews, their views are shared effectively.") == "strength"
    assert severity("When children go missing, they are not always offered a return home interview.") == \
        "improvement"
    assert severity("Carers are supported not only at home but also in their training, which is good.") == \
        "strength"


def test_a_failing_services_judgement_and_an_urgent_recommendation_are_priority_actions() -> None:
    """In an inadequate report, "Services for children ... are inadequate" is a priority action though it has
    no other word of weakness; an inspectors' item that opens by asking for immediate action (or asks for it "as a
    matter of urgency") is one too, and
    leaders' own "immediate action" is their response, not a finding."""
    from reviewer.core.reading.severity import verdict

    assert verdict("Services for children in need of help and protection are inadequate.", "grade:inadequate",
                   "inadequate", "judgement")[0] == "priority"
    assert verdict("Take immediate action to ensure that children on plans are visited.", "improvement",
                   "inadequate", "improve")[0] == "priority"
    assert verdict("Urgently review the front door so that risks to children are identified.", "improvement",
                   None, "improve")[0] == "priority"
    assert verdict("Review as a matter of urgency all cases where children are looked after under voluntary "
                   "arrangements.", "improvement", "inadequate", "improve")[0] == "priority"
    assert verdict("The timeliness of decisions, so that children achieve permanence without delay.", "improvement",
                   None, "improve")[0] == "improvement"
    assert verdict("Senior managers took immediate action to review the cases.", "grade:inadequate",
                   "inadequate", "judgement")[0] is None


def test_the_shipped_model_weighs_a_failing_services_weaknesses_and_the_rules_stand_without_it(monkeypatch) -> None:
    """Under an inadequate judgement the shipped model (resources/failing_priority.json) decides which
    weaknesses are priority actions; where it is missing or damaged the rules alone decide, and nothing
    outside a failing service is touched either way."""
    from reviewer.core.reading import model_inputs as sv
    from reviewer.core.reading import readings as sg  # (where the document is walked and the models asked)
    from reviewer.core.reading.learning import FailingPriorityModel, fit_binary

    model = sv.failing_priority_model()
    assert model is not None and model.weights and 0.0 < model.threshold < 1.0
    assert sv.failing_weakness("improvement", "grade:inadequate", "inadequate")
    assert sv.failing_weakness("priority", None, "inadequate")
    assert not sv.failing_weakness("improvement", "grade:good", "inadequate")
    assert not sv.failing_weakness("improvement", "improvement", "inadequate")  # a listed item: the list decides
    assert not sv.failing_weakness("strength", "grade:inadequate", "inadequate")

    report = ("Inspection of Westmoor local authority children's services\n\n"
              "The experiences and progress of children who need help and protection: inadequate\n\n"
              "1. Too many children are left in situations of unassessed risk of harm for too long.\n\n"
              "2. Some plans are not always updated after review meetings.\n\n"
              "The experiences and progress of children in care: good\n\n"
              "3. Children in care are visited often and their plans are reviewed regularly.\n")
    with_model = {x.quote: x.severity for x in suggest(report, default_themes())}
    assert with_model["Too many children are left in situations of unassessed risk of harm for too long."] == "priority"
    assert with_model["Children in care are visited often and their plans are reviewed regularly."] == "strength"

    # a model that calls every failing weakness an area for improvement is obeyed there, and only there
    monkeypatch.setattr(sg, "failing_priority_model", lambda: FailingPriorityModel({}, -10.0, 0.5))
    never = {x.quote: x.severity for x in suggest(report, default_themes())}
    assert never["Too many children are left in situations of unassessed risk of harm for too long."] == "improvement"
    assert never["Children in care are visited often and their plans are reviewed regularly."] == "strength"
    # no model: the rules' own verdict
    monkeypatch.setattr(sg, "failing_priority_model", lambda: None)
    rules = {x.quote: x.severity for x in suggest(report, default_themes())}
    assert rules["Too many children are left in situations of unassessed risk of harm for too long."] == "priority"

    # the trainer's regression separates what it is shown
    weights, bias = fit_binary([({"w:harm": 1.0}, True), ({"w:plans": 1.0}, False)] * 20, c=1.0, iterations=100)
    fitted = FailingPriorityModel(weights, bias, 0.5)
    assert fitted.is_priority({"w:harm": 1.0}) and not fitted.is_priority({"w:plans": 1.0})


def test_a_failing_weakness_is_weighed_beside_the_reports_own_areas_for_priority_action() -> None:
    """The priority model reads what a failing service's weakness shares with the inspectors' own areas for
    priority action (the most telling words it shares with one of them, and whether it is nearer one of those
    than any area for improvement); a report that lists none says so, and the shipped model was trained with it."""
    from reviewer.core.reading.readings import readings
    from reviewer.core.reading.model_inputs import failing_priority_model, listed_overlap, listed_words

    pa = [listed_words("Ensure that return home interviews are offered to every missing child.")]
    ia = [listed_words("Improve the recording of supervision.")]
    near = listed_overlap("Return home interviews are not offered to missing children.", pa, ia)
    assert near == {"pa:3": 1.0, "ia:0": 1.0, "pa:nearer": 1.0}
    far = listed_overlap("Supervision records are brief and rarely reflective.", pa, ia)
    assert far == {"pa:0": 1.0, "ia:1": 1.0}  # ("children", "ensure" tell nothing: every finding has them)
    assert listed_overlap("Return home interviews are late.", [], ia) == {"pa:none": 1.0}
    assert any(name.startswith("pa:") for name in failing_priority_model().weights)

    report = ("Inspection of Westmoor local authority children's services\n\n"
              "The experiences and progress of children who need help and protection: inadequate\n\n"
              "What needs to improve\n\n"
              "Areas for priority action\n\n"
              "Ensure that return home interviews are offered to every child who goes missing.\n\n"
              "Areas for improvement\n\n"
              "Improve the recording of supervision.\n\n"
              "Help and protection\n\n"
              "Too many children who go missing are not offered return home interviews.\n")
    read = {r.flat: r.features for r in readings(report)}
    feats = read["Too many children who go missing are not offered return home interviews."]
    assert feats.get("pa:3") == 1.0 and feats.get("pa:nearer") == 1.0


def test_a_failing_weakness_is_weighed_with_what_the_rules_read_of_the_sentence_after_it(monkeypatch) -> None:
    """The priority model is given, beside a failing service's weakness, the rules' own reading of the unit
    after it ("nx:r:priority", "nx:f:atrisk" ...; "nx:none" for the last), as bench/train_priority.py gives it:
    the rules' features, before either model has spoken."""
    from reviewer.core.reading import readings as sg
    from reviewer.core.reading.model_inputs import failing_priority_model, next_unit_features

    assert next_unit_features(None) == {"nx:none": 1.0}
    assert next_unit_features({"r:priority": 1.0, "rc:priority": 0.7, "f:atrisk": 1.0, "sw:-2": 1.0, "wk:2": 1.0,
                               "w:harm": 1.0, "pa:none": 1.0}) == \
        {"nx:r:priority": 1.0, "nx:f:atrisk": 1.0, "nx:sw:-2": 1.0, "nx:wk:2": 1.0}
    shipped = failing_priority_model()
    assert any(name.startswith("nx:") for name in shipped.weights)

    report = ("Inspection of Westmoor local authority children's services\n\n"
              "The experiences and progress of children who need help and protection: inadequate\n\n"
              "Strategy meetings are not held when risks to children escalate. As a result, children are left at "
              "risk of significant harm. However, leaders have a strong and effective plan that staff understand "
              "well. Assessments of children's needs are too often late.\n")
    monkeypatch.setattr(sg, "FAILING_MODEL", False)
    monkeypatch.setattr(sg, "REVIEW_MODEL", False)
    rules = sg.readings(report)
    monkeypatch.undo()
    given: list[dict[str, float]] = []

    class Watched:  # the shipped model, what it is given written down
        threshold, weights = shipped.threshold, shipped.weights

        def is_priority(self, feats: dict[str, float], flat: str = "") -> bool:
            given.append(feats)
            return shipped.is_priority(feats, flat)

    monkeypatch.setattr(sg, "failing_priority_model", lambda: Watched())
    monkeypatch.setattr(sg, "REVIEW_MODEL", False)
    decided = sg.readings(report)
    held = [i for i, r in enumerate(rules) if sg.failing_weakness(r.severity, r.section, "inadequate")]
    assert len(held) >= 2 and len(given) == len(held)
    for i, feats in zip(held, given):
        following = rules[i + 1].features if i + 1 < len(rules) else None
        assert {k: v for k, v in feats.items() if k.startswith("nx:")} == next_unit_features(following)
    assert given[-1].get("nx:none") == 1.0  # the last sentence: nothing after it
    assert [r.flat for r in decided] == [r.flat for r in rules]


def test_a_damaged_shipped_model_means_the_rules_alone(monkeypatch) -> None:
    from reviewer import resources
    from reviewer.core.reading import model_inputs as sv

    sv.failing_priority_model.cache_clear()
    monkeypatch.setattr(resources, "read_text", lambda name: "{not json")
    try:
        assert sv.failing_priority_model() is None
    finally:
        sv.failing_priority_model.cache_clear()


def test_ofsteds_own_words_for_a_grade_are_not_a_finding() -> None:
    """A 2015 report prints the inadequate grade's descriptor under its overall judgement ("There are
    widespread or serious failures that create or leave children being harmed ..."): Ofsted's boilerplate,
    not a finding, so never suggested (it was the strongest priority action of such a report)."""
    report = ("Westmoor Borough Council\n\nChildren's services in Westmoor Borough Council are\ninadequate\n\n"
              "There are widespread or serious failures that create or leave children being harmed\n"
              "or at risk of harm.\n\n"
              "Leaders have failed to act on serious weaknesses, leaving children at risk of harm.\n")
    quotes = [x.quote for x in suggest(report, default_themes())]
    assert not any("create or leave children being harmed" in q for q in quotes)
    assert any(q.startswith("Leaders have failed") for q in quotes)


def test_a_summary_that_says_not_yet_good_is_not_read_as_good() -> None:
    """2014 single-inspection-framework reports head their list of failings "This local authority has
    serious weaknesses and is not yet good because": a failing service's summary, not a good judgement's."""
    text = """Inspection of services for children in need of help and protection, children looked after and care leavers

Summary of key findings

This local authority has serious weaknesses and is not yet good because

Children at risk of harm wait too long for an assessment of their needs and many are left at risk.

The quality of social work practice is not consistently good

Children's plans are not always reviewed on time.
"""
    found = {x.quote: x for x in suggest(text, default_themes())}
    weak = found["Children at risk of harm wait too long for an assessment of their needs and many are left at risk."]
    assert weak.severity == "priority" and "'good'" not in " ".join(weak.why)
    assert all("under a 'good' judgement" not in " ".join(x.why) for x in found.values())


def test_children_left_at_risk_are_a_priority_action_whatever_the_grade() -> None:
    """DOMAIN.md's priority action is "children left at risk": said outright under a requires-improvement
    or good judgement it is one too, while a weakness that merely names risk stays an area for improvement,
    and so does the inspectors' listed item."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    for sentence in ("This leaves a small number of children in situations of unassessed risk.",
                     "Some children remain at risk of significant harm for too long before proceedings start.",
                     "A small number of children experience continued harm as opportunities to safeguard them are missed."):
        severity, _, why, _ = verdict(sentence, *ri)
        assert severity == "priority" and "children left at risk" in why, sentence
    assert verdict("Risk assessments are not always updated when circumstances change.", *ri)[0] == "improvement"
    assert verdict("Ensure that no children are left at risk because of delay in court applications.",
                   "improvement", "requires improvement", "improve")[0] == "improvement"


def test_what_is_not_children_left_at_risk_is_no_priority_action() -> None:
    """Read on held-out reports (stop 52): a safety statement with more words before "risk", one denying that a
    weakness leaves children at risk, and a service "at risk of decline" were cards of priority actions."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    assert verdict("No children were found at immediate, unassessed risk of serious harm and no serious failures "
                   "were seen in any service.", *ri)[0] != "priority"
    assert verdict("While this does not result in children being left at risk of harm, reviews of their plans "
                   "are less effective.", "grade:good", "good", "judgement")[0] == "improvement"
    failing = ("grade:inadequate", "inadequate", "judgement")
    severity, _, why, _ = verdict("The service remains fragile and at risk of decline if leaders do not act.", *failing)
    assert "children left at risk" not in why
    # and children left at risk still are
    assert verdict("Some children remain in situations of unassessed risk for too long.", *ri)[0] == "priority"
    assert verdict("Delays in assessments leave children at risk of decline in their health and at risk of harm.",
                   *failing)[0] == "priority"


def test_a_councils_rating_of_itself_is_no_strength() -> None:
    """"Most services are self-assessed as good" in a failing report was a strength card (a new user on a 51-page
    report, stop 52): the council's word of itself, context; the inspectors' finding about it still reads."""
    from reviewer.core.reading.severity import verdict

    failing = ("grade:inadequate", "inadequate", "judgement")
    assert verdict("Most services are self-assessed as good.", *failing)[0] is None
    assert verdict("The council rates its own services as outstanding in its annual review.", *failing)[0] is None
    assert verdict("Leaders did not have an accurate self-assessment of the quality of services.", *failing)[0] \
        in ("improvement", "priority")


def test_too_few_not_always_and_more_words_of_shortfall() -> None:
    """"Too few X are supported" and "do not always make sure that ... good" deny what follows; what most
    receive is no strength when the sentence denies it; "infrequently", "partially", "intermittent" are
    shortfall, as are "confusion", "much remains to be done" and an older letter's "We have asked the council
    to ...". A plain "few children experience delay" stays good news, and "awaiting a match" a status."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    for sentence in ("Too few care leavers aged over 21 are actively supported by the local authority.",
                     "Managers do not always make sure that children and families receive a good social work service.",
                     "Most care leavers are not allocated a personal adviser soon enough to build a meaningful relationship.",
                     "Tools to support direct work are infrequently used by social workers.",
                     "Progress in improving services has been intermittent since the last inspection.",
                     "There is some confusion among workers about the standards for care planning meetings.",
                     "Much work remains to be done to embed the new practice model.",
                     "We have asked the council to improve personal education plans."):
        assert verdict(sentence, *ri)[0] == "improvement", sentence
    for sentence in ("Most care leavers are allocated a personal adviser in good time.",
                     "Few children experience delay in their plans."):
        assert verdict(sentence, *ri)[0] == "strength", sentence
    assert verdict("Six adoptive families have been approved and are awaiting a match.", *ri)[0] != "improvement"


def test_work_begun_or_planned_with_no_judgement_of_it_is_context() -> None:
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    for sentence in ("A joint housing protocol is under development for young people across the county.",
                     "Links with housing are being further strengthened.",
                     "The local authority plans to re-launch its pledge with the children in care council."):
        assert verdict(sentence, *ri)[0] is None, sentence
    assert verdict("The fostering service is effective in its support to carers and work is under way to recruit "
                   "more carers.", *ri)[0] == "strength"


STORY = """Ofsted rates Northmoor children's services inadequate

Latest news

Northmoor County Council's children's services have been rated 'inadequate' by Ofsted after an inspection in March.
Inspectors found that too many children were left at risk of harm because assessments were delayed.
The report states: "Leaders do not know the quality of social work practice."
"Caseloads are too high in the assessment teams and managers do not check plans."
Councillor Ann Reed, cabinet member for children, said: "We are deeply disappointed and we will not rest until services are good."
"Our staff work tirelessly for children and we are proud of them."
Members thanked officers for the report and agreed to receive an update at the next meeting.
Follow Northmoor News on Facebook for the latest stories.
"""


def test_a_story_of_an_inspection_suggests_its_findings_not_what_people_said() -> None:
    """In a news story or a committee's papers (metadata.document_kind) a councillor's own words, the
    meeting's business and the page's furniture are not findings; the inspection's judgement and the
    report's words, quoted, are."""
    found = _by_quote(suggest(STORY, default_themes()))
    rated = next(x for q, x in found.items() if q.startswith("Northmoor County Council's children's services"))
    assert rated.severity == "priority"
    assert any(q.startswith("Inspectors found that too many children") for q in found)
    assert any("Leaders do not know the quality" in q for q in found)
    assert any(q.startswith('"Caseloads are too high') for q in found)  # the report's words, quoted on
    assert not any("disappointed" in q or "tirelessly" in q for q in found)  # the councillor's
    assert not any(q.startswith("Members thanked") or "Facebook" in q for q in found)
    # the letter relayed as "Their letter says that …" (a helper's news item, stop 46: dropped as someone's words)
    told = STORY.replace("Inspectors found that too many", "Their letter, published in May, says that too many")
    assert any(q.startswith("Their letter, published in May, says that too many") for q in _by_quote(
        suggest(told, default_themes())))


MINUTES = """Ofsted monitoring visit feedback

To share the feedback letter from Ofsted after its third monitoring visit.

The cabinet member read out the headline findings as detailed in Appendix A of the report.

Inspectors had noted that the pace of change was not swift enough and plans were too often out of date.

The Director explained that an added difficulty in recruiting social workers was the cost of housing.

Services were no longer judged to be inadequate, which marked a key point in the journey.

The Director said: "We are pleased with what inspectors saw. We have put a plan in place to recruit more managers."

The inspection report identified two recommendation for improvement:

1. Ensure that managers check that plans for children in care are carried out.

2. Improve the timeliness of pathway plans for care leavers.
"""


def test_a_meetings_page_suggests_the_inspectors_findings_and_items() -> None:
    """A meeting's page of an agenda item (stop 26, from real pages read against the suggester): the
    inspectors' findings and items are suggested; an appendix "as detailed", an officer's explanation,
    a council's words carrying on after its first sentence ("We have put a plan in place"), and its news
    that a failure is behind it are not."""
    found = _by_quote(suggest(MINUTES, default_themes()))
    assert found["Inspectors had noted that the pace of change was not swift enough and plans were too often out of "
                 "date."].severity == "improvement"
    ensure = "Ensure that managers check that plans for children in care are carried out."
    assert found[ensure].severity == "improvement"
    assert found["Improve the timeliness of pathway plans for care leavers."].severity == "improvement"
    for words in ("as detailed", "explained", "no longer", "put a plan in place", "recommendation for"):
        assert not any(words in q for q in found), words


def test_a_meetings_page_on_a_good_outcome_reads_its_findings_not_its_frame() -> None:
    """From a held-out check on five more real council pages (stop 26): the inspection's own manner ("a
    rigorous examination"), the report spoken of as a document, and a rating said of nothing ("no areas
    were judged to be inadequate") are not findings; the findings the page relays are."""
    page = ("Ofsted inspection outcome\n\nTo inform the Panel of the outcome of the inspection.\n\n"
            "The inspection followed an unannounced, rigorous examination of the council's children's services.\n\n"
            "The report set out the strengths of the service and areas for improvement.\n\n"
            "There were no areas that were judged to be inadequate.\n\n"
            "Inspectors found that care leavers are well supported by personal advisers who know them well.\n")
    found = _by_quote(suggest(page, default_themes()))
    assert found["Inspectors found that care leavers are well supported by personal advisers who know them "
                 "well."].severity == "strength"
    for words in ("rigorous", "set out the strengths", "no areas"):
        assert not any(words in q for q in found), words


def test_a_papers_judgement_stated_at_length_is_read() -> None:
    """"Ofsted judged the overall effectiveness of children's services in Ashcombe to be inadequate": the
    judgement stated with its subject between, as council papers write it."""
    paper = ("Report to: Cabinet\n\nDate of meeting: 3 March 2025\n\n2.1 Ofsted judged the overall effectiveness "
             "of children's services in Ashcombe to be inadequate.\n")
    found = _by_quote(suggest(paper, default_themes()))
    assert next(x for q, x in found.items() if "Ofsted judged" in q).severity == "priority"


def test_a_page_relays_what_the_inspection_said_needed_doing() -> None:
    """From the held-out council pages (stop 26): "The inspection identified that the service needed to
    build ..." is the inspection's area for improvement, relayed; not where it is an earlier inspection's,
    nor where leaders "know what they need to do"."""
    page = ("Ofsted focused visit\n\nTo update the Committee on the focused visit.\n\n"
            "The Ofsted inspection identified that the service needed to build longer relationships with young "
            "people.\n\nAt the last inspection, inspectors found that the service needed to build relationships "
            "with schools.\n\nInspectors found that leaders know what they need to do to improve.\n")
    found = _by_quote(suggest(page, default_themes()))
    needed = next(x for q, x in found.items() if q.startswith("The Ofsted inspection identified"))
    assert (needed.severity, needed.why) == ("improvement", "still to do, as the inspection said")
    assert not any(q.startswith("At the last inspection") for q in found)
    assert not any("know what they need" in q and x.severity == "improvement" for q, x in found.items())


def test_an_inspectors_item_says_the_heading_it_sits_under() -> None:
    """A new user (stop 26) read "under What needs to improve" on the cards of a report whose list is headed
    "Recommendations": the card now says the heading the letter prints, where it says more and is short."""
    report = ("Inspection of Westmoor local authority children's services\n\nRecommendations\n\n"
              "1. Ensure that plans for children in care say what will happen and by when.\n\n"
              "2. Improve the timeliness of initial health assessments for children in care.\n")
    found = _by_quote(suggest(report, default_themes()))
    item = next(x for q, x in found.items() if "initial health assessments" in q)
    assert item.severity == "improvement" and item.why.startswith("under “Recommendations”")
    letter = report.replace("Recommendations", "What needs to improve in this area of social work practice?")
    found = _by_quote(suggest(letter, default_themes()))
    item = next(x for q, x in found.items() if "initial health assessments" in q)
    assert item.why.startswith("under What needs to improve")  # (the long heading says no more)
    # an item's own words are no reason: "wording: swiftly, quickly" on a priority action (a new user, stop 40)
    quick = report.replace("Improve the timeliness of", "Ensure that children are seen swiftly and quickly for")
    item = next(x for q, x in _by_quote(suggest(quick, default_themes())).items() if "swiftly" in q)
    assert item.severity == "improvement" and "wording" not in item.why, item.why


def test_a_story_reads_a_judgement_stated_but_not_a_comparison() -> None:
    story = ("Latest news\n\nInspectors rated the city council as inadequate across a range of services.\n"
             "Leaders said services for care leavers are not as good as they should be in the county.\n")
    found = _by_quote(suggest(story, default_themes()))
    assert found["Inspectors rated the city council as inadequate across a range of services."].severity == "priority"
    assert not any(x.severity == "strength" for x in found.values())


def _westfold(rating: str, when: str = "have been rated") -> str:
    return ("Council told to improve after inspection\n\nLatest news\n\n"
            f"Westfold Council's children's services {when} '{rating}' by Ofsted following an inspection in May.\n"
            "Ofsted inspectors found caseloads in the assessment teams were much too high, which meant staff were "
            "unable to provide the right help to children.\n"
            "Inspectors said managers did not check that plans for children in care were carried out.\n")


def test_a_story_of_a_failing_service_reads_its_weaknesses_as_priority_actions() -> None:
    """The judgement a story states is the document's, as a report's table is: the weaknesses of a service
    rated inadequate are weighed as a failing service's (a report's own rules), and the rating stated is
    suggested at its level whatever the models make of its wording; an earlier inspection's rating is not
    the document's."""
    assert story_grade(_westfold("inadequate")) == "inadequate"
    assert story_grade(_westfold("requires improvement")) == "requires improvement"
    assert story_grade("At the last inspection, when services were judged to be inadequate, leaders left. "
                       "Ofsted now says the council's services are judged to be good.") == "good"
    assert story_grade("The department's 'inadequate' rating was discussed at a meeting of the full Council.") \
        == "inadequate"
    failing = [x.severity for x in suggest(_westfold("inadequate"), default_themes())]
    assert failing == ["priority"] * 3
    improving = [x.severity for x in suggest(_westfold("requires improvement"), default_themes())]
    assert improving == ["improvement"] * 3


def test_as_well_as_is_a_conjunction_not_praise() -> None:
    from reviewer.core.reading.wording import tone

    assert tone("Meetings took place with the leaders of local councils as well as with housing providers.")[0] == 0
    assert tone("Children are seen alone as well as with their families, and plans are well written.")[3] == ["well"]


PAPER = """REPORT TO: Children and Young People Scrutiny Committee
DATE: 4th January 2016
SUBJECT: Ofsted inspection of services for children in need of help and protection

1.0 PURPOSE OF THE REPORT
1.1 To inform the Committee of the outcome of the Ofsted inspection of children's services.

2.0 SUPPORTING INFORMATION
2.1 Inspectors found that the quality of plans is too variable and that management oversight is not consistently recorded.
2.2 Care leavers are well supported by personal advisers who know them well.

3.0 POLICY IMPLICATIONS
3.1 There are no policy implications arising from this report.

4.0 RISK ANALYSIS
4.1 Failure to deliver the action plan could result in a poorer judgement and risk to the Council's reputation.

## 5. Equality and diversity issues

5.1 None identified.

Legal implications: the Council does not have a statutory duty to publish an action plan.

6.0 LIST OF BACKGROUND PAPERS UNDER SECTION 100D OF THE LOCAL GOVERNMENT ACT 1972
6.1 None under the meaning of the Act.

7.0 WORKFORCE
7.1 Caseloads are too high in the assessment teams.
"""


def test_a_committee_papers_implications_and_risks_are_not_findings() -> None:
    """A committee paper's sections of form (implications, risk analysis, equality, background papers),
    headed in capitals, in Markdown or leading their paragraph, are never suggested; the sections around
    them are read."""
    found = _by_quote(suggest(PAPER, default_themes()))
    assert any("quality of plans is too variable" in q for q in found)
    assert any("Care leavers are well supported" in q for q in found)
    assert any("Caseloads are too high" in q for q in found)  # after the forms: the paper's findings again
    for words in ("policy implications", "poorer judgement", "None identified", "statutory duty", "meaning of the Act"):
        assert not any(words in q for q in found), words
    wrapped = PAPER.replace("3.0 POLICY IMPLICATIONS", "3.0 FINANCIAL AND LEGAL IMPLICATIONS FOR THE\nCOUNCIL AND ITS PARTNERS")
    found = _by_quote(suggest(wrapped, default_themes()))  # a heading wrapped as Word's text wraps it
    assert not any("policy implications" in q for q in found)
    assert any("Caseloads are too high" in q for q in found)
    parts = PAPER.replace("3.0 POLICY IMPLICATIONS", "Part III: Policy implications").replace(
        "4.0 RISK ANALYSIS", "Part IV - Risk analysis").replace("7.0 WORKFORCE", "Part VII: Workforce")
    found = _by_quote(suggest(parts, default_themes()))  # a paper that numbers its parts in words
    assert not any("policy implications" in q or "poorer judgement" in q for q in found)
    assert any("Caseloads are too high" in q for q in found)


CABINET = """Ashcombe District Council (fictional)

CABINET

Date: 3 March 2025

1. Purpose

1.1 To tell Cabinet what the inspection found and seek approval of the improvement plan.

2. Areas for priority action

2.1 Ofsted identified the following areas for priority action:
- The speed of the response to children who may be at risk of significant harm.
- How well managers oversee the work of social workers.

3. Progress against the areas for priority action

3.1 Social workers now meet within a day to plan the response to every referral of a child at risk.

3.2 The council has appointed four permanent team managers.
"""


def test_a_cabinet_papers_list_of_priority_actions_and_its_progress() -> None:
    """The sentence that brings the inspectors' list on is not an item; what the council says it has done
    since, under "Progress against the areas for priority action", is not a priority action."""
    found = _by_quote(suggest(CABINET, default_themes()))
    assert not any("the following" in q for q in found)
    assert found["How well managers oversee the work of social workers."].severity == "priority"
    assert not any(s.severity == "priority" for q, s in found.items() if "3." in q or "council has" in q)
    assert not any("permanent team managers" in q for q in found)


def test_what_would_make_the_work_better_is_still_to_do() -> None:
    """Seen by a new user on a report from outside the corpus: "these plans would be improved if they
    stated ..." was a strength (on "improved"), "This impedes ..." one (on "effective")."""
    from reviewer.core.reading.severity import verdict

    for sentence in ("However, these plans would be improved if they stated what everyone involved needs to do.",
                     "Plans would benefit from clearer timescales.",
                     "For a few children, the record of why a decision was made could be clearer.",
                     "Leaders have made some progress since the last visit, but it has been slow.",
                     "This impedes the establishment of effective plans.",
                     "The support given by the leaving care team to care leavers is unsatisfactory."):
        assert verdict(sentence, None, None, None)[0] == "improvement", sentence
    assert verdict("Plans have improved and are well written.", None, None, None)[0] == "strength"
    assert verdict("Progress has been good, and it is not slow.", None, None, None)[0] == "strength"


def test_a_finding_that_cites_the_children_act_is_read() -> None:
    """"under section 20 of the Children Act 1989" was taken for a committee paper's background-papers
    boilerplate (section 100D of the Local Government Act 1972), and a report's recommendation on homeless
    16- and 17-year-olds was never suggested."""
    text = ("What needs to improve\n\n"
            "Ensure that homeless 16- and 17-year-olds are offered support under section 20 of the Children Act 1989.\n\n"
            "Background papers under section 100D of the Local Government Act 1972 are available.\n")
    found = _by_quote(suggest(text, default_themes()))
    assert found["Ensure that homeless 16- and 17-year-olds are offered support under section 20 of the Children "
                 "Act 1989."].severity == "improvement"
    assert not any("100D" in q for q in found)


def test_family_members_invited_to_meetings_is_not_a_committee_paper() -> None:
    found = _by_quote(suggest("Family members are invited to attend key meetings, enabling their involvement to be "
                              "purposeful and well supported.\n\nMembers are asked to note the report.\n",
                              default_themes()))
    assert any(q.startswith("Family members are invited") for q in found)
    assert not any(q.startswith("Members are asked") for q in found)


def test_words_of_weakness_in_plain_names_and_more_words_of_shortfall() -> None:
    """Found by reading every suggestion on three development reports outside the gold: a weakness word in
    a name ("minority ethnic groups", "serious case reviews", "just below the threshold") judges nothing;
    "needs to be improved", "under developed", "overwhelmed", "deteriorating" are shortfalls."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    for sentence in ("Practice in this area needs to be improved so that plans are effective.",
                     "They must quickly do much better for children.",
                     "The coordination of early help services is under developed.",
                     "The contact service is under-resourced and social workers are overwhelmed.",
                     "Placement stability is deteriorating.",
                     "This compromises the ability of leaders to make the right decisions."):
        assert verdict(sentence, None, None, None)[0] == "improvement", (sentence, tone(sentence))
    for sentence in ("There is an unusually high number of serious case reviews.",
                     "Parents from ethnic minority groups take part in the forum.",
                     "A service for children just below the threshold is offered.",
                     "Services for children not known to children's services are offered."):
        assert tone(sentence)[1:3] == (0, 0), sentence
    assert tone("Some children are not known to their independent reviewing officer.")[1] == 1  # a weakness still


def test_a_problem_that_touches_no_child_is_good_news() -> None:
    from reviewer.core.reading.severity import verdict

    for sentence in ("No looked after child has been permanently excluded for the last two years.",
                     "There were no sibling groups placed apart.", "No child was left unallocated."):
        assert verdict(sentence, None, None, None)[0] == "strength", sentence
    assert verdict("Too many children have been excluded from school.", None, None, None)[0] == "improvement"
    for sentence in ("Panel members are determined not to lose sight of the child's needs.",
                     "Care leavers do not face a cliff edge of support at 21."):
        assert verdict(sentence, None, None, None)[0] == "strength", sentence


def test_an_inspectors_item_is_suggested_whatever_its_wording() -> None:
    """"Review the cases ... to ensure that robust plans are in place" was read as work under way and dropped
    from the inspectors' own list (Sunderland 2015, development): everything under What needs to improve is
    at least an area for improvement (DOMAIN.md)."""
    text = ("What needs to improve\n\n"
            "Review the cases of children subject to child protection plans to ensure that robust plans are in place.\n")
    found = _by_quote(suggest(text, default_themes()))
    assert [x.severity for x in found.values()] == ["improvement"]


def test_more_words_of_shortfall_and_the_safety_statement_said_with_not() -> None:
    """From a second reading of every suggestion on three development reports outside the gold."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    for sentence in ("Leaders are aware of inconsistencies in the quality of tracking systems.",
                     "Some children are having to wait for their needs to be fully assessed.",
                     "Children are subject to pre-proceedings for an extended period.",
                     "The local authority also needs to ensure that children placed at a distance receive a good service."):
        assert verdict(sentence, *good)[0] == "improvement", sentence
    assert verdict("Children receive a good-quality service.", None, None, None)[0] == "strength"
    # a need an audit found is the audit working, not the letter's shortfall (Warrington 2022's letter)
    assert verdict("Audits identified the need to address parental engagement, which has led to training being "
                   "commissioned.", None, None, None)[0] != "improvement"
    for sentence in ("Children were not found to be in situations of unassessed or unmanaged risk.",
                     "Inspectors did not find any evidence that children are at immediate risk of harm."):
        assert verdict(sentence, *good)[0] is None, sentence  # the standard safety statement: context
    # led in by a clause or two, or said by the inspectors, under an inadequate judgement too: never a priority
    failing = ("grade:inadequate", "inadequate", "paragraph")
    for sentence in ("However, in the cases inspectors sampled, no children were found to be left at potential risk.",
                     "Inspectors found no children left at risk."):
        assert verdict(sentence, *failing)[0] is None, sentence
    assert verdict("However, no children were seen by a social worker and many were at risk.", *failing)[0] == "priority"


def test_a_finding_denied_after_its_purpose_is_read_and_seriously_is_not_serious() -> None:
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    assert verdict("Stability for these children in order to give them a sense of belonging is not being achieved "
                   "in a timely way.", *good)[0] == "improvement"
    assert verdict("While considerable effort is being made to ensure that children are seen, this is not always "
                   "the case.", *good)[0] == "improvement"
    failing = ("grade:inadequate", "inadequate", "paragraph")
    assert verdict("Complaints are taken seriously and responded to well.", *failing)[0] == "strength"


def test_however_after_a_plain_sentence_turns_to_a_shortfall() -> None:
    """"However, legacy issues continue to have an impact on performance." after a statement of figures
    (no severity to turn from): in the development gold 16 of 22 such sentences are areas for improvement."""
    from reviewer.core.reading.severity import verdict

    assert verdict("However, legacy issues continue to have an impact on performance.", "grade:good", "good",
                   "paragraph", None, True)[0] == "improvement"


def test_a_third_readers_words_of_shortfall() -> None:
    """From a third helper's reading of three development reports outside the gold."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    for sentence in ("Further development is needed in some areas of practice to secure consistently strong outcomes.",
                     "Evaluation of training courses requires further strengthening.",
                     "Plans are of mixed quality.", "The front door is under pressure.",
                     "Some plans have been out of date for some time.", "Social workers have high case loads.",
                     "However, the take-up of advocacy support by children involved in the child protection process "
                     "is low."):
        assert verdict(sentence, *good)[0] == "improvement", sentence
    for sentence in ("Interpreters are provided for children for whom English is not their first language.",
                     "Carers are asked whether or not they match.", "Staff turnover is low."):
        assert verdict(sentence, *good)[0] != "improvement", sentence


def test_stop_23_words_of_what_is_still_to_do_and_of_shortfall() -> None:
    """From readings of twelve development reports outside the gold (stop 23): wording of our own."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    for sentence in ("There is more to be done to make sure that every child has a stable home.",
                     "Placement sufficiency remains an ongoing challenge.",
                     "The service is over-reliant on agency staff.",
                     "It is taking too long to provide a promised space for young people.",
                     "The quality of supervision is mixed.",
                     "The strategy remains in draft.",
                     "Managers need to support social workers better.",
                     "There is a need to clarify who is accountable for the plans.",
                     "Case audits need updating.",
                     "Some children have experienced several changes of social worker.",
                     "Their caseloads are too high.",
                     "Legal planning should have taken place sooner for a few children.",
                     "The independent visitor scheme is underperforming.",
                     "Progress in this area has been too slow since the previous inspection."):
        assert verdict(sentence, *good)[0] == "improvement", sentence
    for sentence in ("No care leaver lives in unsuitable accommodation.",
                     "Care leavers rarely wait for somewhere to live.",
                     "Young people told inspectors they had not experienced bullying.",
                     "Children do not become looked after unnecessarily.",
                     "Significant progress has been made in the timeliness of assessments."):
        assert verdict(sentence, *good)[0] == "strength", sentence
    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    # what cannot be judged yet, and a council that knows its shortfalls and acts on them: context
    for sentence in ("These changes are too recent to demonstrate impact.",
                     "Leaders are aware of these shortfalls and have a plan to address them.",
                     "No children have been found in situations of unassessed risk."):
        assert verdict(sentence, *ri)[0] is None, sentence
    # a safety statement conceded before a weakness leaves the weakness
    assert verdict("While inspectors did not find any children at risk of immediate harm, initial responses are "
                   "inconsistent.", *ri)[0] == "improvement"
    # "good X, but Y" with nothing good in Y: the finding is what follows the turn
    assert verdict("Decisions to accommodate children are appropriate, but some children enter care in an unplanned "
                   "way.", *ri)[0] == "improvement"
    # numbers that name rather than count leave a sentence to be read ("section 47", "16- and 17-year-olds")
    assert verdict("Section 47 enquiries are thorough and well recorded.", *ri)[0] == "strength"
    # a weakness said not to have left children at risk is no priority action, whatever the grade
    assert verdict("Case progress is not always monitored, although this has not left children at risk.",
                   *ri)[0] == "improvement"
    # the areas leaders know need improving are what they know, not something still to do
    assert verdict("Senior managers are well sighted on the areas of practice that require improvement.",
                   *good)[0] == "strength"


def test_the_second_reading_never_overturns_what_is_still_to_do() -> None:
    """The shipped second reading weighs the rules' strengths and weaknesses, but "there is more to do" is
    DOMAIN's amber whatever the judgement around it: a verdict flagged as still to do is not reviewable."""
    from reviewer.core.reading.model_inputs import reviewable
    from reviewer.core.reading.severity import verdict

    severity, _, _, feats = verdict("Leaders know there is more to do to ensure oversight of all children.",
                                    "grade:good", "good", "paragraph")
    assert severity == "improvement" and not reviewable(severity, "grade:good", "good", feats)


def test_inspectors_items_under_sub_headings_and_what_is_never_suggested() -> None:
    """Older reports group their recommendations under sub-headings; the items stay areas for improvement
    (or priority actions) as the outline reads them. The grade definitions, "(page 13, paragraphs 31, 106)"
    and "The inspection did not find any areas for priority and immediate action." are never suggested."""
    text = ("What does the local authority need to improve?\n\n"
            "Priority and immediate action\n\n"
            "Care Leavers\n\n"
            "1. Take action to reduce the number of care leavers living in unsuitable accommodation.\n\n"
            "Areas for improvement\n\n"
            "Care Leavers\n\n"
            "2. Increase the number of care leavers successfully attending higher education.\n\n"
            "3. Ensure that pathway plans are clear and regularly reviewed.\n\n"
            "(page 13, paragraphs 31, 106)\n\n"
            "Adoption\n\n"
            "4. Accelerate the recruitment of adopters so that children are matched quickly.\n\n"
            "Summary for the board\n\n"
            "The inspection did not find any areas for priority and immediate action.\n\n"
            "What the inspection judgements mean\n\n"
            "The local authority\n\n"
            "A good local authority leads effective services that help, protect and care for children.\n\n"
            "In a local authority that requires improvement, there are no widespread or serious failures.\n")
    found = _by_quote(suggest(text, default_themes()))
    assert found["Take action to reduce the number of care leavers living in unsuitable accommodation."].severity \
        == "priority"
    for item in ("Increase the number of care leavers successfully attending higher education.",
                 "Ensure that pathway plans are clear and regularly reviewed.",
                 "Accelerate the recruitment of adopters so that children are matched quickly."):
        assert found[item].severity == "improvement", item
    quotes = " ".join(found)
    assert "page 13" not in quotes and "did not find any areas" not in quotes
    assert "A good local authority" not in quotes and "In a local authority that requires" not in quotes


def test_a_judgement_heading_in_the_plural_is_read_with_its_grade() -> None:
    from reviewer.core.reading.outline import analyse

    text = ("The experiences and progress of children who need help and protection require improvement to be good\n\n"
            "Some plans are not specific enough.\n")
    grades = [p.grade for p in analyse(text).parts if p.kind == "judgement"]
    assert grades == ["requires improvement"]


def test_a_cohort_named_by_its_circumstances_and_the_grade_definitions_under_their_sub_headings() -> None:
    """"Children who cannot return home", "who do not meet the threshold" name a cohort and judge nothing; an
    older report's "What the inspection judgements mean" goes on under "The local authority" and "The LSCB"."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    assert verdict("Adoption is considered early for children who cannot return home.", *good)[0] == "strength"
    assert verdict("Appropriate decisions are made for children whose circumstances do not meet the threshold.",
                   *good)[0] == "strength"
    assert verdict("There is no waiting list for independent visitors.", *good)[0] != "improvement"
    assert verdict("Adoption is not considered for all children who cannot return home.", *good)[0] == "improvement"
    text = ("Northmoor children's services\n\n"
            "Information about this inspection\n\n"
            "What the inspection judgements mean\n\n"
            "The local authority\n\n"
            "An outstanding local authority leads highly effective services for children.\n\n"
            "Minimum requirements are in place, however, the authority is not yet delivering good protection.\n\n"
            "The LSCB\n\n"
            "Its evaluation of performance is weak and does not drive improvement.\n")
    assert suggest(text, default_themes()) == []


def test_stop_23_later_readers_words() -> None:
    """From the last helpers' readings (stop 23): wording of our own."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    for sentence in ("However, placement stability is still an issue.",
                     "Sufficiency of placements continues to be a challenge.",
                     "Leaders show a degree of over-optimism about the consistency of practice.",
                     "Care planning requires more detail.",
                     "The range of voices heard needs broadening.",
                     "Progress has been slower than planned.",
                     "Targets in plans are generic."):
        assert verdict(sentence, *good)[0] == "improvement", sentence
    for sentence in ("There is no evidence of significant drift or delay.",
                     "There have been no placement breakdowns in the past two years.",
                     "Cases are not allowed to drift."):
        assert verdict(sentence, *good)[0] == "strength", sentence


def test_stop_24_words_of_shortfall_and_of_what_is_still_to_do() -> None:
    """From stop 24's reading of development errors and helpers' readings: wording of our own."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    for sentence in ("The council needs to make sure that every care leaver has a personal adviser.",
                     "Managers also need to check that plans are updated after each review.",
                     "Some young people miss out on the support of a personal adviser.",
                     "It is hard for children to keep in touch with their brothers and sisters.",
                     "Referrals to the panel are very late.",
                     "Return home interviews are improving slowly.",
                     "A few young people told inspectors they feel unsafe in their accommodation."):
        assert verdict(sentence, *good)[0] == "improvement", sentence
    # what children need to do, or a figure that grows slowly, is no shortfall of the service
    assert verdict("Plans help parents understand what they need to do to keep their children safe.",
                   *good)[0] != "improvement"
    # a problem said to touch only a few is good news, as "no ..." is; a plain "only" is still a shortfall
    for sentence in ("There has been only one placement breakdown this year.",
                     "Only two care leavers live in unsuitable accommodation."):
        assert verdict(sentence, *good)[0] == "strength", sentence
    assert verdict("Only a third of reviews are held on time.", *good)[0] == "improvement"


def test_stop_24_helpers_readings() -> None:
    """From helpers' readings of eighteen more development reports (stop 24): wording of our own."""
    from reviewer.core.reading.severity import verdict

    inadequate = ("grade:inadequate", "inadequate", "paragraph")
    for sentence in ("Parents face waiting times of up to four months for a parenting course.",
                     "Recruitment of foster carers has been put on hold.",
                     "The council has lost the confidence of the local courts.",
                     "Nor have leaders made sure that plans are reviewed."):
        assert verdict(sentence, *inadequate)[0] in ("improvement", "priority"), sentence
    good = ("grade:good", "good", "paragraph")
    for sentence in ("Delays are mitigated by the persistence of the family-finding team.",
                     "Workers are proud of what care leavers achieve, and the young people feel it, too.",
                     "Support is flexible and continues outside office hours."):
        assert verdict(sentence, *good)[0] == "strength", sentence
    # a problem denied after "lead to", a wait that is not needed, the safety statement as feedback, what
    # cannot be identified yet; and what more can be done
    assert verdict("Moves between teams do not lead to delay for children.", *good)[0] == "strength"
    assert verdict("Families do not have to wait for an assessment before they get help.", *good)[0] == "strength"
    for sentence in ("It is too early to identify the impact of the new team.",
                     "Feedback from the review was that no children had been left at risk of harm."):
        assert verdict(sentence, *good)[0] is None, sentence
    assert verdict("More can still be done to support children's education.", *good)[0] == "improvement"


def test_items_under_long_sub_headings_stay_the_inspectors_items() -> None:
    """A sub-heading longer than a word or two ("Looked After Children", "Early help and protection") bounds
    its own part and does not end the inspectors' list; an item whose words praise ("appropriate support") is
    still an area for improvement; an item's note that it was asked before is not suggested."""
    text = ("What does the local authority need to improve?\n\n"
            "Priority and immediate action\n\n"
            "Looked After Children\n\n"
            "1.\nEnsure that the aspirations of looked after children are raised by concerted effort from partners.\n\n"
            "Areas for improvement\n\n"
            "Early help and protection\n\n"
            "2.\nEnsure that appropriate support is provided.\n\n"
            "3.\nComplete the roll-out of the new assessment framework across every locality team.\n"
            "(This was a recommendation at the last inspection.)\n\n"
            "Summary of findings\n\n"
            "Children are seen quickly and their views are recorded well.\n")
    found = _by_quote(suggest(text, default_themes()))
    assert found["Ensure that the aspirations of looked after children are raised by concerted effort from "
                 "partners."].severity == "priority"
    for item in ("Ensure that appropriate support is provided.",
                 "Complete the roll-out of the new assessment framework across every locality team."):
        assert found[item].severity == "improvement", item
    assert not any("recommendation at the last inspection" in q for q in found)


def test_risk_named_in_a_when_clause_leaves_no_child_at_risk() -> None:
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    assert verdict("When risk of significant harm is established, the response is swift, but strategy meetings "
                   "do not always include the police.", *ri)[0] == "improvement"
    assert verdict("Delays in legal planning leave some children at risk of significant harm for too long.",
                   *ri)[0] == "priority"


def test_what_an_earlier_inspection_found_said_in_passing_judges_nothing_now() -> None:
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    assert verdict("Practice has changed completely since the inspection in 2017, when too many children were "
                   "left unprotected.", *good)[0] not in ("improvement", "priority")
    assert verdict("Supervision has not improved since the last inspection, when it was judged to be weak.",
                   *good)[0] == "improvement"
    # (stop 24, later helpers) "considered at an early stage" praises; "is at an early stage" is a shortfall
    assert verdict("Permanence is considered at an early stage for every child.", *good)[0] == "strength"
    for sentence in ("The new audit programme is at an early stage.",
                     "It is important that partners share information earlier.",
                     "Some work is required to align the two recording systems.",
                     "Opportunities are sometimes missed to support foster carers."):
        assert verdict(sentence, *good)[0] == "improvement", sentence


def test_a_grade_told_as_history_is_context_in_a_report_a_paper_or_a_story() -> None:
    """Held-out pages (stop 38): a grade an earlier report gave, told in passing, was suggested as today's
    weakness, or in a news story as a priority action: "… was rated as inadequate in the report Ofsted
    published in February", "following a judgement of inadequate … in 2014", "upgraded from inadequate (in
    2016)". Each is context; a story's news of the judgement itself still reads as one."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    for sentence in ("This is a re-inspection of services for children in Westfold, following a judgement of "
                     "inadequate for overall effectiveness in 2014.",
                     "Services were last inspected in October 2019 and upgraded from inadequate (in 2016) to "
                     "requires improvement to be good."):
        assert verdict(sentence, *ri)[0] is None, sentence
    story = ("Latest news\n\nOfsted praises progress at Westfold\n\n"
             "As reported, Westfold Council's children's services were rated as inadequate in the report Ofsted "
             "published in February.\n\n"
             "Inspectors found that too many children wait too long for an assessment of their needs.\n")
    found = _by_quote(suggest(story, default_themes()))
    assert not any("As reported" in q for q in found)
    assert found["Inspectors found that too many children wait too long for an assessment of their needs."]
    assert _by_quote(suggest(_westfold("inadequate"), default_themes()))[
        "Westfold Council's children's services have been rated 'inadequate' by Ofsted following an inspection "
        "in May."].severity == "priority"


def test_a_councils_own_words_for_what_is_still_to_do_are_weaknesses() -> None:
    """Held-out pages (stop 38): a safeguarding partnership's news and a scrutiny panel's minutes say what is
    still to do in words of their own. "… remain areas for action" was a strength; "Areas for development: …",
    "We must ensure greater consistency …" went unsuggested; "the most significant challenge to the
    authority's ability to provide consistently good services has been …" was a strength, its "good" the aim's."""
    from reviewer.core.reading.severity import verdict

    for sentence in ("Staff recruitment and retention remain areas for action.",
                     "Areas for development: visits to children after they return from going missing, and the "
                     "local offer for care leavers over 21.",
                     "We must ensure greater consistency of practice across the teams.",
                     "The most significant challenge to the local authority's ability to provide consistently "
                     "good services has been the size of caseloads."):
        for where in ((None, None, "paragraph"), ("grade:good", "good", "paragraph")):
            assert verdict(sentence, *where)[0] == "improvement", (sentence, where)
    assert verdict("Leaders know their strengths and areas for development well.", None, None,
                   "paragraph")[0] == "strength"


def test_the_areas_need_is_context_and_a_language_named_is_no_negation() -> None:
    """A new user's 50-page report (stop 38): "There is a high prevalence of child neglect in …" was a strength
    ("high"), "Families whose first language is not English have good access to interpreters" an area for
    improvement ("not good")."""
    from reviewer.core.reading.severity import verdict

    text = ("Help and protection: requires improvement to be good\n\n"
            "There is a high prevalence of child neglect in Westfold.\n\n"
            "The prevalence of domestic abuse in the city is high.\n")
    assert suggest(text, default_themes()) == []
    # a finding that names it is one (stop 45: a new user's weakness was never suggested)
    collated = ("Information on the prevalence of parental substance misuse is not routinely collated in open cases, "
                "so leaders cannot be sure that the right support is offered.")
    assert [x.severity for x in suggest(text + "\n" + collated + "\n", default_themes())] == ["improvement"]
    assert verdict("Families whose first language is not English have good access to interpreters.",
                   "grade:requires improvement", "requires improvement", "paragraph")[0] == "strength"


def test_a_partnerships_aims_and_the_inspectors_methods_are_no_findings() -> None:
    """Held-out pages (stop 38): a partnership's news led its suggestions with its own aim ("a key area for
    our partnership right now, as we work together to transform …, the right help at the right time"), a
    strength at 85%; a committee's minutes listed what the inspectors did under "It was reported that the
    inspectors:", each a strength."""
    from reviewer.core.reading.severity import verdict

    assert verdict("Early help is a key area for our partnership right now, as we work together to transform "
                   "services and offer families the right help at the right time.", None, None,
                   "paragraph")[0] is None
    minutes = ("Ofsted inspection of children's services\n\nThe inspection judged services to require improvement "
               "to be good.\n\nIt was reported that the inspectors:\n\n"
               "• Focused on social workers' direct practice by discussing a sample of children's records.\n"
               "• Met with children, young people, care leavers, parents and carers.\n")
    assert not any(x.quote.startswith(("Focused", "Met with")) for x in suggest(minutes, default_themes()))


def test_a_sentence_that_leans_on_the_one_before_is_shown_with_it() -> None:
    """A new user's 2026 report (stop 38): four of its strongest 30 said nothing alone ("These delays leave
    children at risk of unassessed significant harm.", "As a result, some children have been left at risk of
    harm."). The card shows the sentence such a passage follows; a sentence with a subject of its own, or the
    first of a paragraph, leans on nothing."""
    from reviewer.core.reading.outline import analyse
    from reviewer.core.reading.suggest import leans_on

    text = ("Westfold focused visit\n\nHelp and protection\n\n"
            "Decisions to start care proceedings for babies are delayed for months. "
            "These delays leave children at risk of harm.\n\nThis paragraph starts afresh and is about "
            "supervision, which is regular and reflective.\n")
    st = analyse(text)
    found = {x.quote: x for x in suggest(text, default_themes(), structure=st)}
    leaning = found["These delays leave children at risk of harm."]
    assert leans_on(text, st, leaning) == "Decisions to start care proceedings for babies are delayed for months."
    assert leans_on(text, st, found["Decisions to start care proceedings for babies are delayed for months."]) is None
    first = next(x for q, x in found.items() if q.startswith("This paragraph"))
    assert leans_on(text, st, first) is None  # (a new paragraph: the sentence before is another's)


def test_a_sentence_opened_by_a_pronoun_shows_the_sentence_it_stands_for() -> None:
    """A new user's 55-page report (stop 53): "It is supported well by …" said nothing alone of what "it" was.
    A sentence opened by "It", "They", "Their" or "Its" leans on the one before, but not an "it" that looks
    ahead to what it stands for ("It is too early to …", "It is not clear whether …")."""
    from reviewer.core.reading.outline import analyse
    from reviewer.core.reading.suggest import Suggestion, leans_on

    first = "The fostering service has grown its pool of carers for older children."
    text = ("Greyfold report\n\nChildren in care\n\n" + first + " It is supported well by a dedicated recruitment "
            "team. They receive training that is valued. It is not yet clear whether the new panel is effective. "
            "It is too early to judge the impact of the new offer. Its panel is chaired well.\n")
    st = analyse(text)

    def after(sentence: str) -> str | None:
        at = text.index(sentence)
        return leans_on(text, st, Suggestion(at, at + len(sentence), sentence, "strength", (), 0.5, ""))
    assert after("It is supported well by a dedicated recruitment team.") == first
    assert after("They receive training that is valued.") == "It is supported well by a dedicated recruitment team."
    assert after("Its panel is chaired well.") is not None
    assert after("It is not yet clear whether the new panel is effective.") is None
    assert after("It is too early to judge the impact of the new offer.") is None


def test_stop_24_later_helpers_good_news_and_boilerplate() -> None:
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    for sentence in ("The council has not had an adoption breakdown for three years.",
                     "The council does not use bed and breakfast for any young person.",
                     "There have not been any permanent exclusions of children in care this year."):
        assert verdict(sentence, *good)[0] == "strength", sentence
    for sentence in ("Consistency is still required in how plans are recorded.",
                     "There are still young people waiting for an independent visitor."):
        assert verdict(sentence, *good)[0] == "improvement", sentence
    text = ("Areas for priority action\n\nThere are no priority actions.\n\n"
            "Summary\n\nThere are no areas for priority or immediate action.\n\n"
            "Children are seen promptly by social workers who know them well.\n")
    quotes = " ".join(_by_quote(suggest(text, default_themes())))
    assert "no priority actions" not in quotes and "no areas for priority" not in quotes
    for sentence in ("Of particular concern is the number of children waiting for a health assessment.",
                     "Caseloads have increased in the assessment teams.",
                     "Support for disabled children is less well developed."):
        assert verdict(sentence, *good)[0] == "improvement", sentence


def test_stop_24_last_helpers_words() -> None:
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    for sentence in ("Arrangements for privately fostered children are inadequate.",
                     "In two cases raised during the inspection, children had suffered significant harm.",
                     "There are still areas for improvement.",
                     "Recruitment of foster carers continues to be problematic.",
                     "Evidence of impact in the reviews is scant.",
                     "Oversight is less effective in the long-term teams.",
                     "Staff changes have slowed the pace of improvement.",
                     "The new protocol still needs work."):
        assert verdict(sentence, *ri)[0] == "improvement", sentence
    assert verdict("Young people are proud of the care leavers' service.", *ri)[0] == "strength"
    # "widespread" and "serious" alone judge only where the service is failing
    good = ("grade:good", "good", "paragraph")
    assert verdict("Children's participation is widespread and influential.", *good)[0] == "strength"


def test_stop_24_final_helpers_words() -> None:
    from reviewer.core.reading.sentences import _CROSS_REFERENCE
    from reviewer.core.reading.severity import verdict

    assert _CROSS_REFERENCE.search("(Outcome four, National Framework)")  # numbers in words, as 2025 prints them
    assert _CROSS_REFERENCE.search("(National Framework outcome two)")  # (held-out, stop 39: no comma)
    good = ("grade:good", "good", "paragraph")
    for sentence in ("The quality of supervision is mixed.",
                     "There are challenges in recruiting foster carers for teenagers.",
                     "Sufficiency remains a known service challenge.",
                     "More could be done to involve fathers in plans.",
                     "Direct work with children is less evident in records.",
                     "Poor-quality legal preparation has delayed decisions for some children.",
                     "Some young people have been without an allocated personal adviser.",
                     "The new protocol is still to be embedded."):
        assert verdict(sentence, *good)[0] == "improvement", sentence
    assert verdict("Children are seen quickly and are not at risk of significant harm.", *good)[0] == "strength"
    assert verdict("Children of mixed heritage are well supported.", *good)[0] == "strength"
    assert verdict("Leaders have worked tirelessly for care leavers.", *good)[0] == "strength"
    # a need named, not a need to act: "children who need more support", "areas of most urgent need",
    # "learning needs to ensure"
    for sentence in ("Children who need more specialised support benefit from swift access to therapy.",
                     "Leaders responded swiftly to prioritise areas of most urgent need.",
                     "Care leavers with learning needs get help to ensure that adjustments are made at college."):
        assert verdict(sentence, *good)[0] != "improvement", sentence
    for sentence in ("The council's data requires further refinement.",
                     "The service has experienced significant workforce challenges.",
                     "It is difficult to see how plans are reviewed."):
        assert verdict(sentence, *good)[0] == "improvement", sentence


def test_sub_headed_recommendations_opening_further_or_together_with_stay_the_inspectors_list() -> None:
    """An older report's recommendations under sub-headings, some opening "Further improve ...",
    "Consolidate ...", "Carry out ..." or "Together with the police, review ...": the list goes on under
    every sub-heading; its priority actions stay priority actions."""
    text = ("What does the local authority need to improve?\n\n"
            "Priority and immediate action\n\n"
            "Help and protection\n\n"
            "1.\nEnsure that assessments of homeless 16-year-olds are completed.\n\n"
            "2.\nInitiate training for duty managers in this area.\n\n"
            "3.\nTogether with the police, review how strategy meetings are convened.\n\n"
            "Areas for improvement\n\n"
            "Adoption\n\n"
            "4.\nFurther improve the timeliness of matching.\n\n"
            "5.\nAccelerate the recruitment of adopters.\n\n"
            "Performance management\n\n"
            "6.\nConsolidate the use of audit findings in planning.\n\n"
            "7.\nCarry out regular audits of supervision.\n\n"
            "Summary of findings\n\n"
            "Children are seen quickly and their views are recorded well.\n")
    found = _by_quote(suggest(text, default_themes()))
    for item in ("Ensure that assessments of homeless 16-year-olds are completed.",
                 "Initiate training for duty managers in this area.",
                 "Together with the police, review how strategy meetings are convened."):
        assert found[item].severity == "priority", item
    for item in ("Further improve the timeliness of matching.", "Accelerate the recruitment of adopters.",
                 "Consolidate the use of audit findings in planning.", "Carry out regular audits of supervision."):
        assert found[item].severity == "improvement", item


def test_stop_25_a_failing_services_mention_of_harm_and_the_helpers_words() -> None:
    from reviewer.core.reading.severity import still_to_do, verdict
    from reviewer.core.reading.wording import tone

    failing = (None, "inadequate", "paragraph")
    # a risk and a service named, no failure said: no priority action; a harm said to go on is one
    assert verdict("Young people identified as at risk of exploitation are referred to the panel.", *failing)[0] \
        != "priority"
    assert verdict("The board's themes this year are neglect and self-harm.", *failing)[0] != "priority"
    assert verdict("This leaves some children in potentially harmful situations.", *failing)[0] == "priority"
    assert verdict("This is leading to further harm for some children.", *failing)[0] == "priority"
    # the area named as the one that needs strengthening, against the areas someone knows of
    assert still_to_do("Support for young people over 21 is an area that requires strengthening.")
    assert still_to_do("There are some areas of practice that need strengthening further.")
    assert not still_to_do("Managers are well sighted on the areas of practice that need strengthening.")
    good = ("grade:good", "good", "paragraph")
    for sentence in ("High caseloads limit workers' ability to visit often.",
                     "Frequent changes of chair give false assurance to the board.",
                     "The impact of the new model is modest.",
                     "Timeliness of health assessments is well short of the target.",
                     "Managers still rely on paper records.",
                     "It is too early to see the impact of the new team, and currently referrals are not screened "
                     "promptly.",
                     "Further development is also needed in planning for permanence.",
                     "The council needs to develop a clear sufficiency strategy."):
        assert verdict(sentence, *good)[0] == "improvement", sentence
    for sentence in ("Social workers do not give up on young people.",
                     "Leaders took decisive action to reduce caseloads.",
                     "Bed and breakfast is only used as a last resort.",
                     "Adoption is considered at an early stage for every child who cannot return home."):
        assert verdict(sentence, *good)[0] == "strength", sentence
    # names and intensifiers that judge nothing
    assert tone("Attainment is well below that of their peers.")[0] == 0
    assert tone("Social workers use a systemic practice model.")[2] == 0
    assert tone("Three young people live in supported lodgings.")[0] == 0


def test_units_go_on_past_an_abbreviation_and_the_grade_descriptors_are_never_suggested() -> None:
    from reviewer.core.text.units import sentence_at

    text = "Pathways are not clear (e.g. into the family teams), nor are thresholds. Staff know this."
    assert text[slice(*sentence_at(text, 5))] == ("Pathways are not clear (e.g. into the family teams), nor are "
                                                  "thresholds.")
    body = ("Summary\n\n"
            "The board requires improvement if it does not yet demonstrate the characteristics of good.\n\n"
            "As a result, there are no widespread or serious failures that leave children at risk of harm.\n\n"
            "Strategy meetings are not always timely.\n")
    found = _by_quote(suggest(body, default_themes()))
    assert not any("characteristics of good" in q or "widespread or serious" in q for q in found)
    assert found["Strategy meetings are not always timely."].severity == "improvement"


def test_stop_25_words_from_the_development_golds_remaining_errors() -> None:
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    for sentence in ("This is an outstanding recommendation from the last inspection.",
                     "There has been a significant reduction in placement stability.",
                     "Despite a recent improvement in supervision, its quality remains low.",
                     "Staff shortages are significantly impacting on the ability of workers to visit.",
                     "A fuller assessment would have been appropriate.",
                     "There are low levels of attendance at core groups.",
                     "A high proportion of care leavers are not in education, employment or training.",
                     "The council is still in the process of strengthening its audit programme.",
                     "Planning for some children has been affected by changes of worker."):
        assert verdict(sentence, *ri)[0] == "improvement", sentence
    for sentence in ("As a result, staff morale is high and turnover of staff is low.",
                     "Care leavers said that they would not hesitate to contact their adviser.",
                     "The service is outstanding."):
        assert verdict(sentence, *ri)[0] == "strength", sentence
    assert verdict("Domestic abuse features highly in referrals.", *ri)[2] == ["under a 'requires improvement' judgement"]
    assert "not delay" in tone("The lack of local carers is not causing delay for children.")[3]


RANKED = """Focused visit to Eastmere children's services

## What needs to improve in this area of social work practice?

- The quality of plans for children in need.
- The timeliness of strategy meetings.

## Main findings

""" + "".join(f"Too many children wait for help with {x}, and delay is not always addressed.\n" for x in (
    "housing", "schooling", "health", "contact", "transport", "money", "their teeth", "their eyes")) + \
    "Social workers visit children regularly and know them well.\n"


def test_what_is_learnt_moves_suggestions_among_the_rest_without_lifting_them_all() -> None:
    """Seen by a new user on a 49-page report: after one accept, every suggestion the learner weighed jumped
    to 89-99% and the inspectors' recommendations (which it does not weigh) fell from the strongest 30 to
    rank ~560. What was learnt is now said on the rules' own scale: a suggestion the lesson does not touch
    keeps its confidence, and the inspectors' items keep their place above what the lesson lifted least."""
    from reviewer.core.reading.learning import SeverityLearner, rules_confidence, rules_logits

    for rc in (0.35, 0.5, 0.72, 0.9):
        feats = {"r:improvement": 1.0, "rc:improvement": rc}
        assert abs(rules_confidence(rules_logits(feats), "improvement") - rc) < 1e-9
        assert SeverityLearner().decide(feats) == ("improvement", rules_confidence(rules_logits(feats), "improvement"))
    cold = {x.quote: x for x in suggest(RANKED, default_themes())}
    first = next(x for x in cold.values() if "housing" in x.quote)
    mine = [replace(_tagged(0, first.quote, "improvement", letter="this"), start=first.start, end=first.end)]
    learnt = {x.quote: x for x in suggest(RANKED, default_themes(), mine, existing=[(first.start, first.end)],
                                          letter_id="this")}
    items = [learnt[q] for q in ("The quality of plans for children in need.", "The timeliness of strategy meetings.")]
    assert all(x.score == cold[x.quote].score for x in items)
    body = [x for q, x in learnt.items() if q.startswith("Too many children wait")]
    assert all(0.2 <= x.score <= 0.99 for x in body)
    assert all(x.score > cold[x.quote].score for x in body)  # the lesson lifts what is worded like it
    good = "Social workers visit children regularly and know them well."  # and leaves the rest where it was
    assert learnt[good].severity == "strength" and learnt[good].score <= cold[good].score + 0.05
    assert learnt[good].score < min(x.score for x in items)  # (it had jumped from 69% to 90%, above the list)
    assert all(x.score < 0.99 for x in body)  # one tag makes cards like it surer, not certain (after ten
    # accepts on a 2025 report, most of the strongest 30 said 99%)


def test_what_a_shortfall_hampers_and_cases_sent_back_are_weaknesses() -> None:
    """Seen by a new user on a 49-page inadequate report, each suggested as a strength or not at all: what a
    shortfall hampers is not praise ("impacted on their ability to secure a permanent family"), nor is what
    was placed "without ... being assessed", nor "only the first steps" towards something robust; a council
    that "needs to reassure itself" has something still to do; and cases inspectors referred back to the
    council are a finding of their own."""
    from reviewer.core.reading.severity import verdict

    def read(s: str, section: str | None = "grade:inadequate") -> str | None:
        return verdict(s, section, "inadequate", "paragraph")[0]

    assert read("This has seriously impacted on their ability to secure a stable and loving home.") in (
        "improvement", "priority")
    assert read("Frequent moves affect children's ability to build stable and supportive relationships.") in (
        "improvement", "priority")
    assert read("Children were placed with relatives without their capacity to care safely being assessed or "
                "monitored.") in ("improvement", "priority")
    assert read("Although welcome, these are only the first steps in ensuring a robust and effective "
                "system.") in ("improvement", "priority")
    assert read("The council needs to reassure itself that the new tool is effective.") == "improvement"
    assert read("During the inspection, nine cases were referred back to the council by inspectors.") in (
        "improvement", "priority")
    assert verdict("Strong leadership has positively impacted on their ability to build stable homes.",
                   "grade:good", "good", "paragraph")[0] == "strength"


def test_every_suggestion_says_why() -> None:
    """Seen in the window: a card for "This leaves some children potentially at risk of harm." had an empty line
    where it says why (818 of the development side's suggestions said nothing)."""
    from reviewer.core.reading.severity import verdict

    sev, _, why, _ = verdict("This leaves some children potentially at risk of harm.", None, "inadequate", "paragraph",
                             "improvement", True)
    assert sev == "priority" and "children left at risk" in why
    sev, _, why, _ = verdict("Children are visited by their social workers.", None, "requires improvement", "paragraph")
    assert sev is None or why


def test_what_anothers_review_found_is_context() -> None:
    """A review the council commissioned, or an external or peer review, reported in the inspection: what it
    found is context, not the inspectors' finding (development gold: four such sentences, each context, were
    suggested as weaknesses); the independent reviewing service (the IROs) is no such review."""
    from reviewer.core.reading.severity import verdict

    assert verdict("A March 2015 review of services commissioned by the local authority identified significant "
                   "weaknesses in the strategy.", "grade:inadequate", "inadequate", "paragraph")[0] is None
    assert verdict("Following a peer review, shortfalls were identified in the board's work.", "grade:inadequate",
                   "inadequate", "paragraph")[0] is None
    assert verdict("Capacity issues in the independent review service have limited IROs' ability to challenge "
                   "plans.", "grade:requires improvement", "requires improvement", "paragraph")[0] == "improvement"


def test_what_is_needed_to_support_good_work_is_no_praise_and_some_progress_is() -> None:
    """Seen by a new user: "does not provide the strength of leadership or scrutiny necessary to support a robust
    and effective response" was a strength at 88% (what is needed to support good work is not praise of it);
    and "has made some progress" is headway (development gold: three such strengths went unsuggested)."""
    from reviewer.core.reading.severity import verdict

    assert verdict("The sub-committee does not provide the leadership or scrutiny necessary to support a robust and "
                   "effective response to missing children.", "grade:inadequate", "inadequate",
                   "paragraph")[0] in ("improvement", "priority")
    assert verdict("Social workers have the skills necessary to build strong relationships with children.",
                   "grade:good", "good", "paragraph")[0] == "strength"
    assert verdict("The council has made some progress in the support it gives care leavers.", None,
                   "requires improvement", "paragraph")[0] == "strength"


def test_a_practice_named_by_a_problem_and_little_work_are_read_as_such() -> None:
    """Development gold misses: "are not risk focused" names a practice not done (no risk said absent); "Little
    direct work is carried out", "has started to deteriorate", conferences that "had to be rearranged" and
    "risks and strengths" (what an assessment weighs, no praise) read as written."""
    from reviewer.core.reading.wording import tone

    assert tone("Assessments often lack analysis and are not risk focused.")[:2] == (0.0, 2.0)
    assert tone("Children do not experience harm.")[:2] == (1.0, 0.0)  # a problem absent is still good news
    assert tone("Little direct work is carried out with children.")[1] == 1.0
    assert tone("Senior managers recognised that attendance has started to deteriorate.")[1] == 1.0
    assert tone("Over the year, 98 conferences had to be rearranged.")[1] == 1.0
    assert tone("Risks and strengths are described rather than analysed.")[0] == 0.0


def test_a_number_that_ends_a_sentence_across_a_line_is_no_paragraph_number() -> None:
    """Seen by a new user on a 2025 report: "... when they turn" / "21. A significant number ..." was cut at
    the line, the card said "... when they turn" and the cut quote went into every export. A number at a
    line's start opens an item only after a list's heading or a finished sentence, never after prose cut
    mid-sentence; a graded heading ("...: good" / "17.") still ends before its paragraph's number."""
    from reviewer.core.text.units import sentence_at

    text = ("40. Since the last inspection the support provided to care leavers has deteriorated, and it is now\n"
            "inadequate. There are serious failures in keeping in touch with some young people when they turn\n"
            "21. A significant number of young people have been closed to the service.\n\n"
            "The experiences and progress of children in care: good\n17. Children are well supported.\n\n"
            "Areas for priority action\n1. Ensure that children are safe.\n2. Improve plans.\n")
    s, e = sentence_at(text, text.index("serious"))
    assert text[s:e].endswith("when they turn\n21.")
    s, e = sentence_at(text, text.index("A significant"))
    assert text[s:e].startswith("A significant")
    s, e = sentence_at(text, text.index("Children are well"))
    assert text[s:e] == "Children are well supported."
    s, e = sentence_at(text, text.index("Ensure"))
    assert text[s:e] == "Ensure that children are safe."


def test_a_judgement_opening_a_paragraph_is_a_finding_and_one_standing_alone_is_furniture() -> None:
    """An older report prints each judgement as a line of its own and then, under "Summary", opens the
    section's first paragraph with the same judgement in a sentence: that sentence is the inspectors' own
    finding, the line is furniture."""
    text = """Inspection of services for children in need of help and protection, children looked after and care leavers

Leadership, management and governance
Inadequate

Summary

Leadership, management and governance are inadequate. Senior leaders have not understood the scale of the weaknesses in frontline practice.

The graded judgement for adoption performance is that it is good

Adoption performance is good. Children are matched with their adopters without delay.
"""
    found = _by_quote(suggest(text, default_themes()))
    assert found["Leadership, management and governance are inadequate."].severity == "priority"
    assert found["Adoption performance is good."].severity == "strength"
    assert not any(q.startswith("The graded judgement") for q in found)
    assert "Leadership, management and governance" not in found and "Inadequate" not in found


def test_praise_in_a_teams_name_praises_nothing() -> None:
    """Words of praise in a name written in capitals mid-sentence (a team, a programme) say nothing of how
    well the work is done: the rest of the sentence does."""
    from reviewer.core.reading.wording import tone

    strong, weak, _, cues = tone("Screening of contacts in the Integrated Front Door Team is ineffective.")
    assert (strong, weak) == (0.0, 1.0) and cues == ["ineffective"]
    strong, weak, _, _ = tone("Parents are referred to the Strong Families programme.")
    assert strong == 0.0
    strong, _, _, cues = tone("Integrated working between health and social care is strong.")
    assert strong == 2.0 and "integrated" in cues  # at a sentence's start, a capital names nothing


def test_a_library_full_of_tags_never_lifts_the_body_above_the_inspectors_items() -> None:
    """A new user's library held two reports' 48 tags: a third report's body sentences came "99% sure" and its
    17 recommendations fell below them. What was learnt lifts a card to 84% at most (unless the rules were
    surer on their own), under the inspectors' own items."""
    from reviewer.core.reading.learning import LEARNT_CEILING

    cold = {x.start: x for x in suggest(RANKED, default_themes())}
    body = [x for x in cold.values() if not x.listed]
    library = [_tagged(i, x.quote, "improvement") for i, x in enumerate(body * 10)]  # taught hard, every way
    learnt = suggest(RANKED, default_themes(), library, letter_id="this")
    listed = [x for x in learnt if x.listed]
    assert listed
    for x in learnt:
        if not x.listed:
            assert x.score <= max(LEARNT_CEILING, cold[x.start].score if x.start in cold else 0.0), x.quote
    assert min(x.score for x in listed) > max(x.score for x in learnt if not x.listed and
                                              (x.start not in cold or cold[x.start].score < 0.85))


def test_the_last_inspections_judgement_told_in_the_next_sentence_is_context() -> None:
    """Seen by a new user in a 2015 report's "Progress since the last inspection": the 2012 judgement, told in
    the sentence after the one naming that inspection, was suggested as a strength, four times over. A judgement stated in the past right after the sentence naming that inspection is its
    context; a judgement stated on its own, or today's findings after it, are read as before."""
    text = ("Inspection of Westmoor local authority children's services\n\nProgress since the last inspection\n\n"
            "29. The previous inspection of Westmoor's help for children was in May\n2012. The council "
            "was judged to be outstanding. Inspectors now find that help has seen significant "
            "deterioration in every team.\n\n30. The fostering service was judged to be good by inspectors this week.\n")
    found = _by_quote(suggest(text, default_themes()))
    assert not any("judged to be outstanding" in q for q in found)
    assert any("significant deterioration" in q for q in found)
    assert any("judged to be good by inspectors this week" in q for q in found)


def test_held_out_news_a_past_grade_a_visit_that_gives_none_and_a_last_bullet_run_on() -> None:
    """Held-out news items (stop 39): a 2022 grade retold ("… presented with a report in July that year which
    graded the overall service as 'Inadequate'") was a priority action; "This visit doesn't lead to a graded
    Ofsted judgement" an area for improvement for its "doesn't"; and the last of a web page's one-line
    bullets ran on into the paragraph after it, hiding it inside a strength."""
    story = ("Westfold continues to make progress\n\n"
             "The authority was visited by Ofsted early in 2022 and presented with a report in July that year which "
             "graded the overall service as 'Inadequate'.\n\n"
             "This visit doesn't lead to a graded Ofsted judgement like some other inspections.\n\n"
             "Inspectors noted in a letter to the council:\n"
             "- Personal advisers build strong, positive relationships with young people\n"
             "- The council has developed effective working arrangements with its housing team\n"
             "Too many care leavers still live in unsuitable accommodation, and this is not improving.\n")
    found = _by_quote(suggest(story, default_themes()))
    assert not any(q.startswith(("The authority was visited", "This visit doesn")) for q in found)
    assert found["The council has developed effective working arrangements with its housing team"].severity == \
        "strength"
    assert found["Too many care leavers still live in unsuitable accommodation, and this is not improving."
                 ].severity == "improvement"


def test_a_web_pages_headline_on_the_line_above_its_first_sentence_is_no_part_of_it() -> None:
    """Held-out news (stop 39): "Positive feedback from Ofsted following recent focused visit" on the line
    above a plain first sentence made one sentence of the two, suggested as a strength for the headline's word."""
    page = ("Positive feedback from Ofsted following recent children's services focused visit\n"
            "Ofsted published the outcome of our latest focused visit on 16 and 17 April 2024, which looked at "
            "children in need of help and protection.\n")
    from reviewer.core.reading.outline import analyse

    assert not suggest(page, default_themes())
    assert analyse(page).units[0] == (0, page.index("\n"))


def test_a_word_on_what_care_leavers_are_called_is_no_strength() -> None:
    """Held-out short inspection (stop 39): "… care leavers prefer to be known as care-experienced young people,
    and this term is used throughout this report" was a strength for the good judgement it sat under."""
    report = ("The experiences and progress of care leavers: good\n\n"
              "In Westfold, care leavers prefer to be known as care-experienced young people, and this term is used "
              "throughout this report.\n\n"
              "Care-experienced young people are well supported by personal advisers who know them well.\n")
    found = _by_quote(suggest(report, default_themes()))
    assert not any("prefer to be known" in q for q in found)
    assert found["Care-experienced young people are well supported by personal advisers who know them well."
                 ].severity == "strength"


def test_a_list_heading_run_into_the_paragraph_before_it_is_no_suggestion() -> None:
    """Held-out 2025 report (stop 39): its PDF ran the heading "What needs to improve?" into the summary's last
    line, and it was suggested as an area for improvement."""
    report = ("Care leavers are generally well supported, though this could be improved by providing more assistance "
              "to help them into employment. What needs to\nimprove?\n\nWhat Needs to Improve\n\n◼ Support for care "
              "leavers not in employment, education or training.\n")
    assert not any("improve?" in q for q in _by_quote(suggest(report, default_themes())))


def test_a_foster_carers_supervision_is_fostering_not_managers_oversight() -> None:
    """A new user (stop 40): "Foster carers are well supported by their supervising social workers and receive
    regular supervision" was themed management oversight and supervision, the social workers' own."""
    report = ("Inspection of Westmoor local authority children's services\n\nThe experiences and progress of children "
              "in care\nGood\n\nFoster carers are well supported by their supervising social workers and receive "
              "regular supervision and virtual support.\n\nSocial workers receive regular supervision from their "
              "managers, who know their children well.\n")
    found = _by_quote(suggest(report, default_themes()))
    carers = next(x for q, x in found.items() if q.startswith("Foster carers"))
    staff = next(x for q, x in found.items() if q.startswith("Social workers receive"))
    assert "oversight" not in carers.themes and "oversight" in staff.themes, (carers.themes, staff.themes)


def test_what_follows_a_conceded_good_is_the_finding() -> None:
    """"While most children benefit from X, a small number of children move several times": the good is
    conceded and what follows, in plain words, is the finding (development gold: 11 of the 13 sentences the
    rule reads were areas for improvement, the other two context). A condition ("When …") is no concession."""
    report = ("Inspection of Westmoor local authority children's services\n\nThe experiences and progress of children "
              "in care\nGood\n\nWhile most children in care benefit from stable homes that meet their needs, a small "
              "number of children move several times before they settle.\n\nWhen children benefit from stable homes "
              "that meet their needs, they go on to do well at school.\n")
    found = _by_quote(suggest(report, default_themes()))
    conceded = next(x for q, x in found.items() if q.startswith("While most"))
    assert conceded.severity == "improvement" and "a turn from what is good" in conceded.why
    assert next(x for q, x in found.items() if q.startswith("When children")).severity == "strength"


def test_the_reports_own_strengths_are_strengths_among_the_strongest() -> None:
    """A new user's look at a 2015 report (stop 40): its list "The local authority's strengths" was read
    from each item's wording alone (54-69%), so few reached the 30 strongest. Listed there, an item read as
    a strength is one as sure as an inspectors' item. One with a word of weakness is a strength too, as the
    development gold has both such items (stop 43: a held-out report's "support to placements vulnerable to
    breakdown" was suggested as a weakness), but is not lifted among the strongest."""
    text = """## Children's services in Westfold are inadequate

Too many children wait too long for help and some are left at risk of harm.

## The local authority's strengths

23. The multi-agency hub responds to referrals promptly and thoroughly.

24. Children benefit from timely and effective support from the virtual school.

25. Care leavers are well supported and most live in suitable homes.

26. Senior managers are aware of significant deficits in practice.

## Quality of practice

Assessments are not always completed on time.
"""
    found = _by_quote(suggest(text, default_themes(), []))
    items = {k: v for k, v in found.items() if "hub responds" in k or "virtual school" in k or "Care leavers" in k}
    assert len(items) == 3, list(found)
    assert all(s.severity == "strength" and s.score >= 0.85 for s in items.values()), items
    assert all("listed among the report's strengths" in s.why for s in items.values())
    weak = next(s for k, s in found.items() if "deficits" in k)
    assert weak.severity == "strength" and weak.score < 0.85 and weak.why == "listed among the report's strengths"


def test_a_card_under_an_outstanding_judgement_says_outstanding() -> None:
    """A new user's session on a held-out 2026 report graded outstanding throughout (stop 41): every card
    said "under a 'good' judgement". An outstanding judgement sets a good one's tone, but the card names it
    as the report grades it."""
    text = """## The experiences and progress of children in care: outstanding

1. Children in care benefit from stable homes and strong relationships with their carers.

## The experiences and progress of care leavers: good

2. Care leavers are well supported by personal advisers who know them well.
"""
    found = _by_quote(suggest(text, default_themes(), []))
    in_care = next(s for q, s in found.items() if q.startswith("Children in care benefit"))
    leavers = next(s for q, s in found.items() if q.startswith("Care leavers are well"))
    assert "under an 'outstanding' judgement" in in_care.why and "'good'" not in in_care.why
    assert "under a 'good' judgement" in leavers.why


def test_a_problem_said_not_to_happen_is_good_news_however_it_is_put() -> None:
    """A new user's session on a held-out report graded outstanding (stop 41): praise read as weakness because of
    "not" or "minimal": "care leavers do not have to retell their stories", "social workers do not miss
    opportunities", "with minimal disruption". ("Minimal impact" and missed appointments stay weaknesses.)"""
    from reviewer.core.reading.wording import tone

    for good in ("Care leavers do not have to retell their stories to each new worker.",
                 "Social workers do not miss opportunities to spend time with children.",
                 "Moves are managed carefully, with minimal disruption to children's schooling.",
                 "Young people rarely have to repeat their histories."):
        strong, weak, _, cues = tone(good)
        assert strong > weak, (good, cues)
    for weak_one in ("The changes have had minimal impact on children.", "Some children missed appointments.",
                     "Social workers miss opportunities to help."):
        strong, weak, _, cues = tone(weak_one)
        assert weak > strong, (weak_one, cues)


def test_a_card_says_something_still_to_do_once_not_beside_the_praise_it_concedes() -> None:
    """"While long-term stability is improving, further improvements are required" is an area for improvement
    because something is still to do; its praise words ("stability, improving") are not the reason, and the
    card's line for why names one wording, not two."""
    from reviewer.core.reading.severity import verdict

    severity, _conf, why, _feats = verdict(
        "While long-term placement stability is improving, further improvements are required to embed it.",
        "grade:inadequate", "inadequate", "judgement")
    assert severity in ("improvement", "priority")
    assert why.count("wording: something still to do") == 1 and sum(w.startswith("wording") for w in why) == 1


def test_weakness_said_without_a_usual_word_of_weakness() -> None:
    """Development misses read once more (stop 42): placement breakdowns, records duplicated, histories
    repeated unnecessarily, letters that differ, long waits, few children placed, a real challenge. Each is an
    area for improvement; the praise beside them is not read as their verdict."""
    from reviewer.core.reading.severity import verdict

    for sentence in ("Some children have experienced multiple placement breakdowns.",
                     "Day-to-day case records are duplicated across all children in the family.",
                     "This can result in families having to repeat their histories unnecessarily.",
                     "The quality of letters to parents differ.",
                     "Care leavers experience long waits to access appropriate mental health services.",
                     "Comparatively few children looked after in Westfold are placed for adoption.",
                     "The sufficiency of suitable homes for children is a real challenge.",
                     "Neither had formed a working relationship with their independent reviewing officer.",
                     "Addressing this has diverted senior managers' attention from planned improvement work.",
                     "Care leavers have asked for improvements in the timeliness of financial payments.",
                     "Both groups expressed concerns about these arrangements.",
                     "Approximately half of young people aged 19 to 21 are not in education, employment or training."):
        assert verdict(sentence, "grade:requires improvement", "requires improvement", "judgement")[0] == \
            "improvement", sentence
    assert verdict("A few children who need it have access to a very effective therapeutic service.",
                   "grade:good", "good", "judgement")[0] == "strength"
    assert verdict("Children expressed their concerns through the council's campaign, and their voice has "
                   "influenced services well.", "grade:good", "good", "judgement")[0] == "strength"


def test_a_verdict_after_what_the_subject_is_for_and_contact_lost_are_weaknesses() -> None:
    """A held-out 2015 report's executive summary (stop 42): "Contingency arrangements to ensure children are
    safeguarded while ... enquiries are underway are weak" was read as an aim and work under way, and "had lost
    contact with 25% of its care leavers" as a figure; neither was suggested. What follows an aim is still an
    aim where a verb came before it ("Leaders work ... to ensure that plans are effective")."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    failing = (None, "inadequate", "heading")
    for sentence in ("Contingency arrangements to ensure children are safeguarded while child protection enquiries "
                     "are underway are weak.",
                     "At the time of the inspection the local authority had lost contact with 25% of its care leavers, "
                     "including 26 of its most vulnerable children aged 16 and 17."):
        assert verdict(sentence, *failing)[0] in ("improvement", "priority"), sentence
    assert tone("Systems to make sure that children are seen are not effective.")[1] >= 1
    assert tone("Leaders are working to ensure that plans are effective.")[:2] == (0, 0)
    assert tone("Leaders work with partners to ensure that no practice is weak.")[1] == 0


def test_a_letter_worked_over_again_reads_as_a_fresh_one() -> None:
    """The window works a letter's suggestions out again after every decision, with its structure kept: what
    is kept from the last time (the rules' readings, what the cues and the prior read in each sentence) gives
    exactly what reading it afresh gives, as the library grows, and under codebook cues the auditor edits."""
    from reviewer.core.reading.outline import analyse

    themes = default_themes()
    st = analyse(LETTER, [])
    first = suggest(LETTER, themes, [], structure=st)
    assert first == suggest(LETTER, themes, [], structure=analyse(LETTER, []))
    library: list = []  # type: ignore[type-arg]
    for s in first[:4]:  # decisions, one by one, each followed by the re-work on the same structure
        library.append(new_annotation(LETTER, [0], "this", s.start, s.end, ["leadership"], "priority", "", "Ann"))
        again = suggest(LETTER, themes, library, existing=[(a.start, a.end) for a in library], structure=st,
                        letter_id="this")
        assert again == suggest(LETTER, themes, library, existing=[(a.start, a.end) for a in library],
                                structure=analyse(LETTER, []), letter_id="this")
    from reviewer.core.reading.theming import ThemeModel

    cued = [replace(t, cues=(*t.cues, "screened")) if t.id == "partnership" else t for t in themes]
    sentence = next(s.quote for s in first if "screened promptly" in s.quote)
    before = {tid: own for tid, _, own in ThemeModel(themes).evidence(sentence)}
    after = {tid: own for tid, _, own in ThemeModel(cued).evidence(sentence)}  # read under the cue added
    assert before.get("partnership", 0.0) == 0.0 and after["partnership"] == 1.0
    assert suggest(LETTER, cued, [], structure=st) == suggest(LETTER, cued, [], structure=analyse(LETTER, []))


def test_the_last_inspection_told_and_work_still_to_come_are_not_findings() -> None:
    """A new user's session on a held-out 2014 report (stop 43): under "Progress since the last inspection",
    the earlier inspection's grade ("was judged to be inadequate", after "… was undertaken in November 2012")
    was suggested as a weakness of today's; "actions that require ongoing focus" as a strength (from "secure
    improved outcomes"); a system "due to go live" in January as a strength; "Inspectors did not see any
    cases where adoption should have been considered …, but had not been" as a weakness."""
    text = """## Children's services in Westfold require improvement

## Progress since the last inspection

31. The last Ofsted inspection of Westfold Council's arrangements for the protection of children was undertaken in November 2012. The local authority was judged to be inadequate.

32. The council has addressed most of the required actions. However, there are some actions that require ongoing focus from the local authority to further embed and secure improved outcomes.

## Children who need help and protection require improvement

40. A new electronic recording system has been commissioned. This is due to go live at the end of January 2015.

41. Inspectors did not see any cases where adoption should have been considered for a child, but had not been. However, inspectors did not see any evidence of detriment to children placed.
"""
    found = _by_quote(suggest(text, default_themes(), []))
    assert not any("judged to be inadequate" in k for k in found), list(found)
    focus = next(s for k, s in found.items() if "ongoing focus" in k)
    assert focus.severity == "improvement", focus
    assert not any("go live" in k for k in found), list(found)
    assert not any("did not see any" in k for k in found), list(found)  # what inspectors looked for and did not find


def test_a_cards_reason_names_what_a_bare_negation_denies() -> None:
    """A held-out session (stop 43): a card's reason read "wording: not benefit, not timely, not", another
    "wording: not, not routinely". A negation with no word of praise in reach is named with the word it denies."""
    from reviewer.core.reading.wording import tone

    assert tone("Officers are not delivering their full role: they are not routinely visiting children.")[3] == [
        "not delivering", "not routinely"]
    assert tone("Children do not all benefit from timely health assessments, and one in five are not registered "
                "with a dentist.")[3] == ["not benefit", "not timely", "not registered"]


def test_progress_that_still_needs_to_reach_every_service_is_still_to_do() -> None:
    """A second held-out 2014 report (stop 43): "There has been good progress and improvement in key service
    areas but this needs to be achieved across the range of services" was a strength at 81%; and "caseloads
    have not increased" was read as caseloads that have risen."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    said = ("There has been good progress and improvement in key service areas but this needs to be achieved "
            "across the range of services to children.")
    assert verdict(said, None, None, None)[0] == "improvement"
    assert not any("caseloads" in c for c in tone("As a result, caseloads have not increased for existing staff.")[3])
    assert any("caseloads" in c for c in tone("Caseloads have increased for existing staff.")[3])


def test_just_so_many_higher_caseloads_and_what_needs_consolidating_are_shortfalls() -> None:
    """A new user's session on a held-out 46-page 2015 report (stop 44): "just seven have successfully returned
    home" and "just 8% achieved five GCSEs" were strengths (from "successfully", "achieved"); "Independent
    reviewing officers have much higher caseloads than the level recommended" a strength; "While the Board
    receives reports …, this needs to be consolidated" went unsuggested. "just" before a count says "only",
    but not a count that ends the sentence (a development unit: "… when there was just one.")."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    for said in ("The review found 35 children whom it would be appropriate to reunite with their parents, but just "
                 "seven have successfully returned home so far.",
                 "In 2013/14, just 8% achieved five GCSEs including English and mathematics, compared with 12% in "
                 "England.",
                 "Independent reviewing officers have much higher caseloads than the level recommended in guidance."):
        assert verdict(said, "grade:requires improvement", None, "heading")[0] == "improvement", (said, tone(said))
    assert "just" in tone("In 2013/14, just 8% achieved five GCSEs.")[3]  # the card names the word the text uses
    assert not tone("This was a significant improvement from 2015/16, when there was just one.")[1]
    assert not tone("The panel has met for just over a year.")[1]
    assert tone("Just two care leavers are in unsuitable accommodation.")[0]  # a problem touching few: good news
    board = ("While the Board receives reports on children missing from home and care, this needs to be "
             "consolidated to ensure a more joined-up approach across the partnership.")
    assert verdict(board, None, None, "heading")[0] == "improvement"


def test_what_needs_to_be_done_named_as_content_is_not_something_still_to_do() -> None:
    """A held-out 2015 report (stop 44): "The overall quality of the vast majority of health assessments … was
    inadequate, with … plans not specific about what needs to be done" was read as something still to do (an
    area for improvement at 70%), from "needs to be done": the clause names what a plan should say. So did a
    development unit, "Managers … know what is working well and what needs to improve" (a strength)."""
    from reviewer.core.reading.severity import still_to_do

    assert not still_to_do("The quality of health assessments was inadequate, with plans not specific about what "
                           "needs to be done, by when or by whom.")
    assert not still_to_do("Managers know what is working well and what needs to improve.")
    assert still_to_do("Plans need to be more specific about what is to be done.")
    assert still_to_do("The local authority recognises that the quality of plans needs to improve.")


def test_posts_not_left_uncovered_is_a_problem_absent() -> None:
    """Left from a held-out session (stop 43): under a 'requires improvement' judgement, "The local authority
    effectively plans recruitment to ensure that key safeguarding posts are not left uncovered" was an area for
    improvement, "not left" counted as a weakness against "effectively"."""
    from reviewer.core.reading.severity import verdict

    said = "The local authority effectively plans recruitment to ensure that key safeguarding posts are not left uncovered."
    assert verdict(said, "grade:requires improvement", None, "heading")[0] == "strength"


def test_a_held_out_failing_reports_misreadings() -> None:
    """A new user's session on a held-out 2024 report judged inadequate (stop 44), in sentences of the same
    shape: the top card was a priority action at 85%, "… the shortfalls the earlier joint inspection found have
    been addressed effectively"; "judged to be requires improvement to be good" was praise ("good");
    "management oversight is not fully embedded" a priority action in the summary; "outcomes … are low" and
    "finding suitable housing is challenging and some wait for extended periods" strengths; "A few care leavers
    are homeless." no finding at all."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    addressed = ("Following the joint targeted area inspection in 2022, when areas for priority action were "
                 "identified for children at risk of exploitation, practice shortfalls have been addressed effectively.")
    assert verdict(addressed, "grade:inadequate", "inadequate", "judgements")[0] != "priority"
    assert not tone("Practice shortfalls have been addressed effectively.")[1]
    grade = ("Since the last inspection of Westfold in 2019, when services were judged to be requires improvement to "
             "be good, changes have been made in some areas of practice.")
    assert not tone(grade)[0]
    assert verdict("Furthermore, management oversight is not fully embedded across all service areas.",
                   "grade:inadequate", "inadequate", "judgements")[0] == "improvement"
    for said in ("Education plans hold the required information, but outcomes for children in care are low.",
                 "For care leavers out of the area, finding suitable housing is challenging and some wait for "
                 "extended periods in supported accommodation."):
        assert verdict(said, "grade:requires improvement", None, "heading")[0] == "improvement", (said, tone(said))
    assert tone("A few care leavers are homeless.")[1] and not tone("Care leavers who are homeless get help.")[1]
    assert tone("No care leavers are homeless or in bed and breakfast accommodation.")[:2] == (1.0, 0.0)


def test_two_held_out_failing_reports_misreadings() -> None:
    """An auditor's reading of two held-out reports judged inadequate (stop 45), in sentences of the same
    shape: "making children at risk of exploitation safer" was a priority action ("children left at risk");
    "closed with no evidence that lasting progress has been achieved" and "impede full and accurate oversight"
    were strengths (their praise was what is denied); "Early help is stronger." was no finding; a programme's
    name in brackets ("(Better Lives)") was read as praise."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    failing = ("grade:inadequate", "inadequate", "judgement")
    assert verdict("This work is making some children at risk of exploitation safer.", *failing)[0] == "strength"
    closed = "Plans are closed without any evidence that sustainable progress has been achieved."
    assert verdict(closed, *failing)[0] in ("improvement", "priority"), tone(closed)
    impede = "Gaps in the case recording system impede comprehensive and accurate oversight of practice."
    assert verdict(impede, *failing)[0] in ("improvement", "priority")
    assert "impede comprehensive" in tone(impede)[3]
    assert verdict("Early help and the work of the front door are stronger.", *failing)[0] == "strength"
    assert not tone("A new multi-agency service (Better Lives) is due to start in April.")[0]
    assert tone("There is no evidence that plans are effective.")[1]
    assert tone("More staff at the front door has not led to a rise in timely and effective responses to risk.")[:2] \
        == (0.0, 2.0)
    for said in ("Specialist services for children who go missing are overstretched.",
                 "Most of the young people were disappointed with the help they had received."):
        assert verdict(said, *failing)[0] in ("improvement", "priority"), said
    for said in ("The self-assessment accurately identifies most areas for improvement.",
                 "Matches are thoughtfully considered.", "Some children are enjoying a range of hobbies."):
        assert verdict(said, *failing)[0] == "strength", said
    placements = ("With no edge of care service, intensive work cannot be done to support placements that are at "
                  "risk of breaking down.")
    assert "children left at risk" not in verdict(placements, *failing)[2]


def test_the_grades_own_descriptor_in_any_wording_is_no_finding() -> None:
    """A 2014 report prints the 'requires improvement' descriptor as "… good protection and help and/or care …":
    a new user saw it suggested as an area for improvement under Early help (stop 45); "protection, help and
    care" never was."""
    text = ("Northmoor children's services\n\n"
            "The overall judgement is requires improvement\n\n"
            "There are no widespread or serious failures that create or leave children being harmed or at risk of "
            "harm. The welfare of looked after children is safeguarded and promoted. However, the authority is not "
            "yet delivering good protection and help and/or care for children, young people and families.\n")
    assert not [s.quote for s in suggest(text, default_themes()) if "delivering" in s.quote]


def test_a_tag_that_catches_a_scrap_of_the_next_sentence_leaves_its_suggestion() -> None:
    """A new user's drag over one sentence caught the "I" of the next ("… improvements made. I"): the quote
    kept the scrap, and the next sentence's suggestion was gone without a word (stop 45). The tag is the
    sentence dragged over; the next one is still suggested; a tag over a clause of a sentence still stands for
    its suggestion."""
    from reviewer.core.annotations.tagging import new_annotation, trim_range

    first = "Although officers know their services well, plans are not always of good quality and some children wait too long."
    second = "In addition, management oversight of frontline practice is weak."
    text = f"Leadership\n\n{first} {second}\n"
    a, c = text.index(first), text.index(second)
    assert {first, second} <= {s.quote for s in suggest(text, default_themes())}
    ann = new_annotation(text, [], "l1", a, c + 1, [], "improvement")
    assert ann.quote == first
    assert trim_range(text, text.index("long.") + 2, c + len(second)) == (c, c + len(second))  # "ng. In …"
    assert trim_range(text, a, c + 2) == (a, c + 2)  # a whole word ("In") is what the drag took on purpose
    found = {s.quote for s in suggest(text, default_themes(), existing=[(ann.start, ann.end)])}
    assert second in found and first not in found
    found = {s.quote for s in suggest(text, default_themes(), existing=[(a, c + 1)])}  # (a scrap left in a tag)
    assert second in found
    clause = text.index("some children wait too long")
    assert first not in {s.quote for s in suggest(text, default_themes(), existing=[(clause, clause + 27)])}


def test_a_tag_never_makes_what_domain_calls_context_a_finding() -> None:
    """A new user tagged "However, a detailed improvement plan is in place …" as a strength; the next run
    suggested "… however, this did not reflect the areas for improvement the last inspection identified" as
    a strength, "as you have tagged passages like it" (stop 45). What an earlier inspection found, and what is
    planned or under way, stay context whatever the library has learnt."""
    from dataclasses import replace

    plan = ("However, a thorough and comprehensive improvement plan is in place that is consistent with most of the "
            "areas for improvement identified.")
    earlier = ("A report was presented to the board in May; however, it did not reflect the areas for improvement "
               "identified at the last inspection.")
    text = f"Leadership\n\n{plan}\n\n{earlier}\n"
    cold = {x.quote for x in suggest(text, default_themes())}
    assert earlier not in cold
    tag = replace(_tagged(1, plan, "strength", letter="this"), start=text.index(plan), end=text.index(plan) + len(plan))
    learnt = {x.quote: x.severity for x in suggest(text, default_themes(), [tag], existing=[(tag.start, tag.end)],
                                                   letter_id="this")}
    assert earlier not in learnt, learnt


def test_good_news_a_new_user_saw_read_as_weakness() -> None:
    """A new user's reading of a 2014 report (stop 45), in sentences of the same shape: each was an area for
    improvement ("no wait", "no reported … disruptions", a parent's praise ending "but they still meet with me",
    a group that helps children "with complex needs to achieve better outcomes"); "no serious case reviews" is a
    plain fact; "persistent absence" is a record kept of pupils, no denial."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    ri = ("grade:requires improvement", "requires improvement", "heading")
    for said in ("A dedicated worker supports young people, and there is no wait for access to treatment.",
                 "There have been no reported placement disruptions in the last two years, showing that matching works.",
                 "One parent spoke very positively about the support: “it has been brilliant… the social worker stepped "
                 "back, which I liked, but they still visit to see that all is well”.",
                 "An effective joint commissioning group effectively finds funding to support children with complex "
                 "needs to achieve better outcomes."):
        assert verdict(said, *ri)[0] == "strength", (said, verdict(said, *ri))
    assert verdict("There have been no serious case reviews in Northmoor since June 2012.", *ri)[0] is None
    assert verdict("A serious case review found that agencies did not share information.", *ri)[0] == "improvement"
    assert not tone("Pupils at risk of persistent absence are identified quickly.")[1]


def test_misreadings_from_two_more_held_out_readings() -> None:
    """An auditor's reading of two held-out failing reports and a new user's of a 2014 one (stop 45), in
    sentences of the same shape."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    failing = ("grade:inadequate", "inadequate", "judgement")
    weak = ("Overall, there remains much to do to improve services for children.",
            "The response to children identified at lower risk is mostly weak.",
            "The service is heavily reliant on agency staff.",
            "Caseloads in the duty team are exceptionally high, with some workers holding 45 children.",
            "Although many services for families on the edge of care exist, they are fragmented.",
            "Health provision for care leavers is a significant concern.",
            "Several children would have benefited from coming into care sooner.",
            "There is a significant disparity between auditors about what good practice looks like.",
            "Despite the progress seen at a monitoring visit in March 2022, leaders have failed to understand the "
            "quality of practice.",
            "However, there is little engagement from most elected members in their role as corporate parents.",
            "Although care leavers have good access to dentists, it can be difficult to secure help for their "
            "emotional health.",
            "Committed workers and managers strive to give children a good service, but several reported concerns "
            "about their ability to complete good-quality assessments.")
    for said in weak:
        assert verdict(said, *failing)[0] in ("improvement", "priority"), (said, tone(said))
    for said in ("The council has mitigated this delay for most children, and this has worked well.",
                 "Very few children (two out of 80) returned to care after adoption or special guardianship."):
        assert verdict(said, "grade:good", "good", "judgement")[0] == "strength", (said, tone(said))
    for said in ("Previously, foster carers had not been told about children's plans.",
                 "The improvement team and children's services are working together to identify areas to improve.",
                 "When Ofsted last inspected the council, inspectors said that help was not quick enough."):
        assert verdict(said, *failing)[0] is None, (said, verdict(said, *failing))
    assert verdict("Despite the recently accelerated pace of change, the continued scale required to strengthen the "
                   "quality of social work is significant.", *failing)[0] != "strength"
    assert verdict("Historically, court work has not been robust and tracking is weak.", *failing)[0] is not None
    assert verdict("As a result, should children wish to read their records later, they will not understand them.",
                   *failing)[0] is not None  # ("wish to": no aim of the work's)


def test_a_held_out_good_reports_misreadings() -> None:
    """An auditor's reading of two held-out 2025 reports, good and requires improvement (stop 45), in sentences
    of the same shape: "not mistaken for neglect" and "Here, too, … a clear rationale" were areas for
    improvement; "unlawful unregistered provision", "unapproved connected care" and "without the necessary
    interventions" were no weakness."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    for said in ("Workers understand poverty, so that financial hardship is not mistaken for neglect.",
                 "Here, too, managers' oversight gives a clear rationale for decisions."):
        assert verdict(said, *ri)[0] == "strength", said
    for said in ("Leaders have often used unlawful unregistered homes for some children in care.",
                 "A small number of children live in unapproved family arrangements.",
                 "Some children came into care in an emergency, without the necessary help having been given."):
        assert verdict(said, *ri)[0] in ("improvement", "priority"), said


def test_weaknesses_the_development_gold_saw_missed() -> None:
    """Development units the rules read as praise or not at all (stop 46), in sentences of the same shape:
    "inconsistency in how well" praised ("how well" names a measure); "the once strong links … have
    deteriorated" weighed the praise against the decline; "interrupted", "a lottery", "closed prematurely"
    said nothing; "ineffective in improving" and "cannot be assured that … are safeguarded effectively"
    denied nothing; "without support" was no shortfall; inspectors escalating cases for immediate action
    were not children left at risk."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    failing = ("grade:inadequate", "inadequate", "judgement")
    for said in ("There is inconsistency in how well young people are supported when they move on.",
                 "The once strong links with health partners have deteriorated.",
                 "Progress has been interrupted by the need to manage high demand.",
                 "Whether a family gets help early is a lottery.",
                 "Leaders have been ineffective in prioritising and improving the quality of practice.",
                 "Newly qualified staff carry complex cases without support."):
        assert verdict(said, None, None, None)[0] == "improvement", (said, tone(said))
    unsure = "The council cannot be assured that these young people are being safeguarded effectively."
    assert tone(unsure)[:2] == (0.0, 1.0)  # (the praise, eight words on, is what is in doubt)
    assert verdict("Some cases are closed prematurely, before the work is done.", *failing)[0] in (
        "improvement", "priority")
    escalated = "Inspectors asked senior managers to take immediate action to ensure the safety of several children."
    assert verdict(escalated, *failing)[0] == "priority"
    assert "children left at risk" in verdict(escalated, "grade:requires improvement", "requires improvement",
                                              "judgement")[2]
    # leaders' own immediate action is their response, no finding; "how well" alone praises nothing
    assert verdict("Senior leaders took immediate action when this was raised.", *failing)[0] is None
    assert tone("Leaders know how well children are doing.")[:2] == (0.0, 0.0)
    assert verdict("The self-evaluation is less evaluative about the difference made.", None, None, None)[0] \
        == "improvement"


def test_two_more_held_out_failing_reports_misreadings() -> None:
    """Two auditors' readings of four held-out reports judged inadequate (stop 46), in sentences of the same
    shape: a decline "since the last inspection of X, in June 2018, when all services were judged to be good"
    weighed the old grade against it; "not afraid to have difficult conversations" was a weakness; highly
    dependent on agency staff, done in isolation from, focused on completing tasks, neglected their duties,
    blaming language, Ofsted's "inconsistences", "inadequate progress" since an earlier inspection; the areas
    in which improvement is needed, named as where a leader's focus is, were something still to do; children
    "exposed to uncertainty" or a service "for children who are at risk of exploitation" were children left at
    risk."""
    from reviewer.core.reading.severity import still_to_do, verdict

    failing = ("grade:inadequate", "inadequate", "judgement")
    since = ("Since the last inspection of Elmford, in June 2018, when all services were judged to be good, there "
             "has been a deterioration in the quality of practice.")
    assert verdict(since, *failing)[0] in ("improvement", "priority")
    assert verdict("Social workers are not afraid to have difficult conversations with parents.", *failing)[0] \
        == "strength"
    for said in ("The council is highly dependent on agency staff.",
                 "Planning is done in isolation from the people who know the child.",
                 "Most visits are focused on completing tasks.", "Leaders have neglected their duties as corporate parents.",
                 "There are inconsistences in how meetings are progressed.", "Blaming language is used in some records.",
                 "Inadequate progress has been made on the areas for improvement identified at the last inspection."):
        assert verdict(said, *failing)[0] in ("improvement", "priority"), said
    assert not still_to_do("The new director has brought stability and focus to the areas in which improvement is needed.")
    assert not still_to_do("Performance meetings are starting to identify areas requiring further scrutiny.")
    uncertain = verdict("This leaves children exposed to uncertainty and to unnecessary statutory processes.", *failing)
    assert uncertain[0] == "improvement" and "children left at risk" not in uncertain[2]
    assert verdict("This leaves children exposed to harmful situations for too long.", *failing)[0] == "priority"
    cohort = "This includes new edge of care services and dedicated support for children who are at risk of exploitation."
    assert "children left at risk" not in verdict(cohort, *failing)[2]


def test_a_requires_improvement_and_a_2026_reports_misreadings() -> None:
    """An auditor's reading of two held-out reports, one requires improvement (2025), one under the 2026
    framework (stop 46), in sentences of the same shape: disjointed, advisers who "support high numbers of
    young people", "impacts their ability", "without having the legal authority" were praise under a
    requires-improvement judgement; "remained in touch even when they no longer receive a service" and "for
    only a limited period" were weaknesses; "remarkable progress in addressing the areas identified at previous
    inspections" was an earlier inspection's finding; "concrete plans" was praise; a quoted motto's "the need to
    deliver better outcomes" was something still to do. (A plain statement naming an age, "after they turn 21",
    stays a plain figure: a blind judgement of the development units it changed found it context 6 times.)"""
    from reviewer.core.reading.severity import still_to_do, verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    for said in ("Arrangements to oversee children in private fostering arrangements are disjointed.",
                 "Advisers support high numbers of young people.",
                 "This impacts their ability to complete all the required tasks.",
                 "Decisions placed restrictions on parents without having the legal authority to do so."):
        assert verdict(said, *ri)[0] == "improvement", said
    for said in ("Many young people have remained in touch with their advisers even when they no longer receive a "
                 "service.", "These placements are used in emergencies and for only a limited period.",
                 "Leaders have made remarkable progress in addressing the areas to improve identified at previous "
                 "inspections."):
        assert verdict(said, *ri)[0] == "strength", said
    assert verdict("The council has concrete plans to develop more homes.", *ri)[0] is None
    assert not still_to_do("The director’s motto is ‘context is not an excuse but reinforces the need to deliver "
                           "better outcomes’.")
    assert still_to_do("Leaders know there is a need to deliver better outcomes, and more work is needed.")
    # a shortfall said in the "even when" clause is still one
    assert verdict("Information is kept for three months, even when consent is not secured.", *ri)[0] == "improvement"


def test_what_there_is_instead_denies_the_praise_after_it() -> None:
    """Council documents written by a helper (stop 46): "Care plans are often lists of tasks rather than clear plans
    with timescales" was a strength, on "clear". What there is instead of something denies its praise; it is no
    weakness itself ("based on need rather than on age"), nor is the weakness it is not ("rather than generic")."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    assert verdict("Care plans are often lists of tasks rather than clear plans with timescales.", *ri)[0] \
        == "improvement"
    assert verdict("Work is often done instead of a thorough assessment.", *ri)[0] == "improvement"
    for said in ("Plans are clear and specific rather than generic.", "Support is based on need rather than on age."):
        assert verdict(said, *ri)[0] == "strength", said


def test_a_paragraphs_topic_is_carried_from_a_sentence_not_suggested() -> None:
    """An auditor's audit of themes on two held-out reports (stop 46): a paragraph on exploitation opened with
    context, never suggested, and its next sentence, "A small number of the most vulnerable children receive
    effective support from the highly skilled complex safeguarding team", was filed under children in care's
    health and education; the carry had come only from a suggested sentence. Words in another sense name no
    theme: "a family group conference" is no child protection conference, "This is a serious oversight" no
    managers' oversight."""
    text = ("Inspection of Westfold children's services\n\nChildren in need of help and protection\n\n"
            "In 2024, 45 children were referred to the child sexual and criminal exploitation panel. A small number "
            "of the most vulnerable children receive effective support from the highly skilled specialist team.\n")
    found = {x.quote[:20]: x for x in suggest(text, default_themes())}
    assert "In 2024, 45 children" not in found  # (context: a figure)
    assert "exploitation" in found["A small number of th"].themes
    from reviewer.core.reading.theming import ThemeModel

    model = ThemeModel(default_themes(), [])
    for said, not_it in (("Family group conferences are routinely offered to families.", "cp-conferences"),
                         ("This is a serious oversight.", "oversight")):
        assert not_it not in model.choose(model.evidence(said), "improvement", said), said
    said = "Management oversight of plans is strong."
    assert "oversight" in model.choose(model.evidence(said), "strength", said)
    # adults' views are not the child's voice; the EDT is the out-of-hours service
    for said in ("This initiative empowers parents to share their views in protection planning.",
                 "Kinship carers have access to support groups where the voice of carers is embraced."):
        assert "voice" not in model.choose(model.evidence(said), "strength", said), said
    for said in ("Children's views are captured well in plans.", "The voice of the child is evident in assessments."):
        assert "voice" in model.choose(model.evidence(said), "strength", said), said
    said = "The EDT responds quickly to children at risk at night."
    assert "out-of-hours" in model.choose(model.evidence(said), "strength", said)


def test_an_area_stated_as_requiring_scrutiny_is_still_to_do() -> None:
    """A blind judgement of the development units this stop's rules changed (stop 46): "… are particular areas
    requiring greater scrutiny" had become praise when an area named as the object of a leader's work ("starting to
    identify areas requiring further scrutiny") stopped counting as something still to do. An area stated as the
    one requiring it still is."""
    from reviewer.core.reading.severity import still_to_do

    assert still_to_do("The disabled children's service and the designated officer's work are particular areas "
                       "requiring greater scrutiny.")
    assert still_to_do("However, planning for children in need is an area requiring improvement.")
    assert not still_to_do("Performance meetings are starting to identify areas requiring further scrutiny.")


def test_a_summary_sentence_about_one_judgement_is_weighed_by_its_grade() -> None:
    """An auditor's reading of a held-out failing report (stop 46): "Children in need of help and protection …
    receive services which range in quality from … to poor" was a priority action, weighed by the report's
    overall grade (inadequate) where the report grades help and protection as requiring improvement. A
    summary sentence about one judgement is weighed by that judgement's grade; one about none, by the report's."""
    from reviewer.core.reading.outline import analyse
    from reviewer.core.reading.readings import readings

    text = ("Inspection of Northmoor local authority children's services\n\nJudgement\nGrade\n"
            "The impact of leaders on social work practice with children and families\nInadequate\n"
            "The experiences and progress of children who need help and protection\nRequires improvement\n"
            "The experiences and progress of children in care\nInadequate\n"
            "The experiences and progress of care leavers\nInadequate\nOverall effectiveness\nInadequate\n\n"
            "Children in need of help and protection receive services which are too often poor.\n"
            "Too many children in care live in homes that do not meet their needs and are poor.\n"
            "Leaders have not acted on poor practice.\n")
    got = {r.flat[:12]: r.section for r in readings(text, analyse(text))}
    assert got["Children in "] == "grade:requires improvement"
    assert got["Too many chi"] == "grade:inadequate" and got["Leaders have"] == "grade:inadequate"


def test_sofa_surfing_is_a_shortfall_and_none_is_good_news() -> None:
    """An auditor's reading of a held-out failing report (stop 46): "Some young people sofa surf for short
    periods" was not suggested."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    failing = ("grade:inadequate", "inadequate", "judgement")
    assert verdict("Some young people sofa surf for short periods.", *failing)[0] in ("improvement", "priority")
    assert verdict("No care leavers are sofa surfing.", *failing)[0] == "strength"
    assert "none sofa surfing" in tone("No care leavers are sofa surfing.")[3]
    # and praise in words it had not known (the same reading): a generous offer, informative histories
    for said in ("A generous local offer is provided to care leavers.", "Informative health histories are provided."):
        assert verdict(said, *failing)[0] == "strength", said


def test_praise_conceded_before_a_failing_verdict_counts_for_nothing() -> None:
    """An auditor's exhaustive labels of a held-out failing report (stop 46): "Despite the positive experiences of
    many children in care, the judgement … is inadequate" was a strength, on "positive". Where the main clause
    after a leading concession is only a weakness, the praise conceded counts for nothing; praise after a
    conceded difficulty is still praise."""
    from reviewer.core.reading.severity import verdict

    failing = ("grade:inadequate", "inadequate", "judgement")
    assert verdict("Despite the positive experiences of many children in care, the judgement for children in care "
                   "is inadequate.", *failing)[0] in ("improvement", "priority")
    assert verdict("Although leaders are committed and visible, too many plans are not reviewed.", *failing)[0] \
        in ("improvement", "priority")
    assert verdict("Despite experiencing increasing workloads, passionate and committed social workers report "
                   "feeling well supported.", *failing)[0] == "strength"
    # the good a high number of children get is no shortfall, as a high number of referrals is
    assert verdict("After thorough assessments of carers, a high number of children achieve permanence.", *failing)[0] \
        == "strength"
    assert verdict("There is a high number of referrals to the front door.", None, None, None)[0] == "improvement"


def test_what_agrees_with_the_reading_moves_no_card() -> None:
    """A new user's morning on a held-out 43-page report (stop 46): after seven of the inspectors' items were
    accepted as suggested, the report's own listed strengths fell from 85% to 20-37%: the learner started again
    from their wording's confidence, not from where the reading had put them. Decisions that agree with what was
    suggested leave the other cards as sure as they were."""
    text = ("Inspection of Westfold children's services\n\nThe local authority's strengths\n\n"
            "Children are seen regularly by their social workers.\n\nFoster carers are well supported.\n\n"
            "Areas for improvement\n\nEnsure that plans for children are specific and timely.\n\n"
            "Ensure that supervision is recorded.\n")
    cold = {x.quote: x for x in suggest(text, default_themes(), letter_id="w")}
    listed = "Children are seen regularly by their social workers."
    assert cold[listed].score == 0.85
    item = "Ensure that plans for children are specific and timely."
    s = text.index(item)
    accepted = new_annotation(text, (), "w", s, s + len(item), ("planning",), "improvement", "", "Sam")
    learnt = {x.quote: x for x in suggest(text, default_themes(), [accepted], letter_id="w")}
    assert learnt[listed].severity == "strength" and learnt[listed].score >= 0.8


def test_no_child_needing_action_is_no_escalation() -> None:
    """Two auditors' readings of held-out failing reports (stop 47): a statement that inspectors were assured no
    child needed immediate action was a priority action at 0.85, the negation read as its opposite. Inspectors
    asking for immediate action stays one."""
    from reviewer.core.reading.severity import verdict

    failing = ("grade:inadequate", "inadequate", "judgement")
    assert verdict("Managers were assured that no children needed immediate action to keep them from harmful "
                   "situations.", *failing)[0] is None
    assert verdict("Inspectors referred two children and asked managers to take immediate action to protect "
                   "them.", *failing)[0] == "priority"


def test_shortfalls_in_words_the_reader_had_not_known() -> None:
    """The same readings: findings missed or read as praise. Each is a weakness now; the good news beside them is
    still good news."""
    from reviewer.core.reading.severity import verdict

    failing = ("grade:inadequate", "inadequate", "judgement")
    for said in ("Key facts about families are often missing from records.",
                 "Senior managers allowed the fostering panel to lapse.",
                 "Some contacts are closed without evidence of any discussion with the family.",
                 "Partners describe a loss of confidence in the service.",
                 "Procedures for allegations against staff are overcomplicated.",
                 "The needs of older siblings are overlooked.",
                 "This keeps the focus on one carer at the expense of wider family options.",
                 "Young people must find help from other agencies without the support of an adviser.",
                 "Work to recruit more adopters has been slow.",
                 "The pace of change needs to quicken for all parts of the service to provide consistently good "
                 "help.",
                 "This prevents managers from gaining a clear picture of risk.",
                 "The systems to secure timely permanence are still in development."):
        assert verdict(said, *failing)[0] in ("improvement", "priority"), said
    for said in ("The workforce is stable, with minimal use of agency staff.",
                 "Mentoring helps children say what they think when they otherwise might not feel able to."):
        assert verdict(said, *failing)[0] != "improvement" and verdict(said, *failing)[0] != "priority", said
    for said in ("There has been an improvement in staff turnover and sickness rates.",
                 "Leaders are open and honest about the weaknesses in practice.",
                 "Strong early help prevents families from needing statutory services.",
                 "Although, at times, children enter care in an emergency, matching decisions are effective for "
                 "most children."):
        assert verdict(said, *failing)[0] == "strength", said


def test_a_count_of_none_is_a_fact_unless_it_names_a_problem() -> None:
    """An auditor's reading of a held-out report of a very small authority (stop 47): "there have been no adopters
    assessed" was an area for improvement on "no", and in the development gold "there are no children looked after
    out of area in alternative provision" was a priority action. A count of none is a plain fact; none of a
    problem is still good news."""
    from reviewer.core.reading.severity import verdict

    failing = ("grade:inadequate", "inadequate", "judgement")
    for said in ("There have been no adopters approved or children placed for adoption this year.",
                 "There are no young people living in houses of multiple occupation.",
                 "There are no care leavers identified as at risk of exploitation."):
        assert verdict(said, *failing)[0] is None, said
    for said in ("There are no children waiting for a long-term foster home.",
                 "There are no children living in unregistered children's homes."):
        assert verdict(said, *failing)[0] == "strength", said
    assert verdict("There is no strategy for children missing from care.", *failing)[0] in ("improvement",
                                                                                            "priority")


def test_a_good_reports_few_weaknesses_and_numbers_that_name() -> None:
    """An auditor's reading of two held-out reports judged requires improvement and good (stop 47): weaknesses said
    plainly were read as plain statements under a good judgement, and "aged 16 and 17" or "sections 20 and 17 of
    the Children Act 1989" as figures, which left praise around them unsuggested."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "judgement")
    for said in ("Some young people met their new adviser very late, causing them anxiety.",
                 "Frequent moves of school have affected the continuity of their learning.",
                 "It is harder for parents to understand what is expected of them."):
        assert verdict(said, *good)[0] == "improvement", said
    assert verdict("Clear targets have positively affected the quality of plans.", *good)[0] == "strength"
    for said in ("Young people aged 16 and 17 who present as homeless are helped to stay with their families.",
                 "Workers explain duties under sections 17 and 47 of the Children Act 1989 to families."):
        assert verdict(said, *good)[0] == "strength", said
    assert verdict("In the last year, 31 children were adopted.", *good)[0] is None


def test_earlier_visits_findings_and_demanding_work_are_no_finding() -> None:
    """An auditor's reading of a held-out failing report (stop 47): "This was despite focused visits in … 2019
    identifying recurring themes of poor practice" was a priority action, and "the work is highly demanding" a
    strength on "highly". The first retells earlier visits' findings; the second praises nothing."""
    from reviewer.core.reading.severity import verdict

    failing = ("grade:inadequate", "inadequate", "judgement")
    assert verdict("This followed monitoring visits in March and July 2021 highlighting weak management "
                   "oversight.", *failing)[0] is None
    assert verdict("Although caseloads have fallen, the work is highly demanding.", *failing)[0] is None
    assert verdict("Systems for identifying children missing from education in 2023 are effective.",
                   *failing)[0] == "strength"


def test_what_should_be_better_is_a_shortfall() -> None:
    """A new user's morning on a 49-page report (stop 47): "There should be a better range of accommodation" and
    "schools need to make sure that they support children better" were strengths on "better"; "makes it less likely
    that … effective safety plans are put in place" a strength on "effective"; "under-identified" and "lower than
    might be expected" were not suggested; and "not developing quickly enough despite this being identified … in the
    last inspection" was read as the last inspection's finding."""
    from reviewer.core.reading.severity import verdict

    failing = ("grade:inadequate", "inadequate", "judgement")
    for said in ("There should be a wider choice of homes for young people leaving care.",
                 "Schools need to make sure that they support children better and that they are "
                 "well prepared for exams.",
                 "High caseloads make it less likely that thorough, effective plans are written.",
                 "Children at risk of exploitation are under-identified.",
                 "Referrals remain lower than might be expected for an authority of this size.",
                 "Early help is not developing quickly enough, despite this being raised at the last inspection."):
        assert verdict(said, *failing)[0] in ("improvement", "priority"), said
    assert verdict("The last inspection found that early help was not developing quickly enough.", *failing)[0] is None


def test_a_stray_stop_before_a_sentence_is_no_part_of_it() -> None:
    """The same report prints ". .It also does not …": the card's quote began ".It"."""
    from reviewer.core.reading.sentences import split_units

    text = "Plans are not put in place. .It also does not help. Other work is good."
    assert [text[s:e] for s, e in split_units(text)] == ["Plans are not put in place.", "It also does not help.",
                                                         "Other work is good."]


def test_harm_that_goes_on_and_shortfalls_said_in_passing() -> None:
    """An auditor's reading of two held-out reports (stop 47): children who "remain in circumstances that are
    harmful for too long" or are "left for too long in situations of potential harm" were areas for improvement
    under a requires-improvement judgement; concerns "downgraded", "inequality in children's access", "dilutes the
    focus", "insufficient time to … build meaningful relationships" and "made it harder to" were missed or read as
    praise; a challenge "when things are not going well" and "a national shortage" were read as weaknesses."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    for said in ("Some children remain in homes that are harmful for too long.",
                 "A few children are left for too long in situations of potential harm."):
        assert verdict(said, *ri)[0] == "priority", said
    for said in ("For some children, concerns that meet the threshold are downgraded.",
                 "There is inequality in children's access to advocacy.",
                 "Two plans for one child dilutes the focus of professionals.",
                 "Advisers are allocated late, which gives insufficient time to build meaningful relationships.",
                 "A small management team has made it harder to oversee the work."):
        assert verdict(said, *ri)[0] in ("improvement", "priority"), said
    for said in ("Reviewing officers provide rigorous challenge when things are not going well.",
                 "Despite a national shortage of social workers, recruitment has been strong."):
        assert verdict(said, *ri)[0] == "strength", said


def test_a_problems_falling_figures_are_good_news_and_the_publics_enquiries_no_section_47() -> None:
    """An auditor's reading of two held-out reports (stop 47): "the number of moves children experience is
    reducing" took the weakness of the sentence before it; "an increase in the number of enquiries" after a
    fostering campaign was themed as section 47 enquiries."""
    from reviewer.core.annotations.codebook import default_themes
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.theming import ThemeModel

    failing = ("grade:inadequate", "inadequate", "judgement")
    assert verdict("Leaders have focused on this, and the number of placement moves is falling.", *failing)[0] == \
        "strength"
    assert verdict("The number of placement moves has not reduced.", *failing)[0] in ("improvement", "priority")
    model = ThemeModel(default_themes(), [])
    said = "A local radio appeal brought a rise in the number of enquiries."
    assert "strategy-s47" not in model.choose(model.evidence(said), "strength", said)
    said = "Child protection enquiries are thorough."
    assert "strategy-s47" in model.choose(model.evidence(said), "strength", said)


def test_what_a_shortfall_includes_is_work_still_needed() -> None:
    """An auditor's reading of a held-out failing report (stop 47): after "… has led to a lack of progress to improve
    important areas", "This includes improving the sufficiency of placements, achieving timely permanence …" was a
    strength on "improving, timely, stability": what it includes is the work not done, and it follows the
    sentence before."""
    from reviewer.core.reading.severity import verdict

    said = "This includes improving the range of homes, achieving timely permanence and securing stability."
    assert verdict(said, "grade:inadequate", "inadequate", "judgement", "improvement", True)[0] == "improvement"
    assert verdict(said, "grade:good", "good", "judgement", "strength", True)[0] == "strength"


def test_optimism_partial_information_and_what_work_is_begun_for() -> None:
    """An auditor's reading of two held-out reports (stop 47): leaders who "have had an optimistic view … and have
    under-estimated the impact on children" and "this was based on partial information" were not suggested; "an
    unnecessary risk" was a strength under requires improvement; a review "underway due to the concerns about risk,
    drift and poor management oversight" a priority action; "When contact is lost …, advisers are remarkably
    persistent" and "they mitigate the risks of less effective support" weaknesses."""
    from reviewer.core.reading.severity import verdict

    failing = ("grade:inadequate", "inadequate", "judgement")
    good = ("grade:good", "good", "judgement")
    for said in ("Leaders have had an optimistic view of progress and have under-estimated the impact on families.",
                 "However, this judgement was based on partial information.",
                 "Placing a young person in a hostel is an unnecessary risk."):
        assert verdict(said, *failing)[0] in ("improvement", "priority"), said
    assert verdict("An audit of cases is underway due to concerns about delay, drift and weak oversight.",
                   *failing)[0] is None
    assert verdict("An audit is underway due to concerns about delay, but plans remain poor.", *failing)[0] in (
        "improvement", "priority")
    for said in ("When contact is lost with young people, advisers keep trying to reach them.",
                 "In this way, they reduce the risk of less effective help being given."):
        assert verdict(said, *good)[0] not in ("improvement", "priority"), said


def test_a_list_that_says_it_has_none_has_no_item_and_good_news_reads_so() -> None:
    """A new user's 46-page report (stop 47): "There are no priority or immediate actions." under the list's
    heading was the third card, an area for improvement 85% sure; "… so they do not enter the child protection
    system unnecessarily" and "Inspectors saw no recent cases where an inappropriate category was used" were
    areas for improvement."""
    from reviewer.core.reading.severity import verdict

    assert verdict("There are no priority or immediate actions.", "priority", None, "priority")[0] is None
    assert verdict("None.", "improvement", None, "improve")[0] is None
    assert verdict("There is no clear strategy for care leavers.", "improvement", None, "improve")[0] == "improvement"
    good = ("grade:good", "good", "judgement")
    for said in ("Needs are met early, so children do not enter the care system unnecessarily.",
                 "Inspectors found no cases where an inappropriate plan was in place."):
        assert verdict(said, *good)[0] == "strength", said


def test_a_problem_said_not_to_happen_however_many_words_it_takes() -> None:
    """A new user's 46-page report (stop 47): "Children … do not experience a large number of moves once they are
    placed" was an area for improvement. How many of the problem ("a large number of") is stepped over to it."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "judgement")
    assert verdict("Young people do not experience a large number of moves once placed.", *good)[0] == "strength"
    assert verdict("Young people are not offered a high number of visits.", *good)[0] == "improvement"


def test_a_good_reports_plain_words_of_both_kinds() -> None:
    """An auditor's reading of two held-out reports (stop 47): "not forgotten about", "challenge issues and delays to
    good effect" and a high turnover that "ha(s) significantly reduced" were areas for improvement; "some way to
    go", "pockets of poorer practice", "working additional hours" and "progress in this area is slow" after the
    last inspection's finding were missed or praise; children who "have experienced further incidents of harm"
    were an area for improvement under requires improvement."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "judgement")
    for said in ("Care leavers in custody are not forgotten about.",
                 "Reviewing officers challenge drift and delays to good effect.",
                 "The use of agency staff and a previously high turnover of staff have greatly reduced."):
        assert verdict(said, *good)[0] == "strength", said
    for said in ("There is some way to go, however.",
                 "There remain pockets of poorer practice for some children.",
                 "Managers are routinely working additional hours.",
                 "This was raised at the last inspection, but progress in this area is slow."):
        assert verdict(said, *good)[0] == "improvement", said
    assert verdict("Some children do not get help soon enough and have experienced further incidents of harm.",
                   "grade:requires improvement", "requires improvement", "judgement")[0] == "priority"


def test_a_2026_reports_words_read_as_they_are_meant() -> None:
    """An auditor's reading of two held-out 2026 reports (stop 47): "a vulnerability around the stability of this
    arrangement", "a culture of low expectations" and "dependent on the practice of one single agency worker" were
    praise or nothing; "oversight of children living in unregistered, illegal placements" and "the same sufficiency
    challenges seen nationally" weaknesses; "alongside their individual needs to ensure …" and "insight into how
    services could be improved" something still to do; "the plan, while in its infancy, is coherent" a weakness;
    areas "purposefully and meaningfully addressed" since the last inspection dropped as its finding."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    good = ("grade:good", "good", "judgement")
    for said in ("There is a vulnerability around the stability of this team.",
                 "Workers described a culture of low expectations for some children.",
                 "However, the service is dependent on the work of one single manager."):
        assert verdict(said, *ri)[0] == "improvement", said
    for said in ("Leaders have introduced a tracker to keep oversight of children living in unregistered homes.",
                 "The council faces the same recruitment pressures seen nationally."):
        assert verdict(said, *ri)[0] not in ("improvement", "priority"), said
    for said in ("Workers weigh children's views alongside their individual needs to ensure that plans are safe.",
                 "Parents give leaders real insight into how services could be improved.",
                 "The new plan, while in its infancy, is coherent and well supported.",
                 "Areas for improvement found at the last inspection have been purposefully and thoroughly "
                 "addressed."):
        assert verdict(said, *good)[0] == "strength", said


def test_an_outstanding_reports_praise_said_through_a_negation() -> None:
    """A new user's morning on a held-out 2026 report judged outstanding (stop 47): "Leaders have not stood still
    since the last inspection", "support does not lessen as they move on" and meetings where relatives "consider
    what practical help is needed" were areas for improvement."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "judgement")
    for said in ("Senior leaders have not stood still since the last inspection.",
                 "Leaders make sure that support does not lessen as young people grow older.",
                 "Family meetings help relatives to consider what practical help is needed and to plan well."):
        assert verdict(said, *good)[0] == "strength", said


def test_a_requires_improvement_reports_harm_and_hindrance_said_plainly() -> None:
    """An auditor's reading of two held-out reports (stop 47): referral delays "leaving them potentially at further
    harm" were an area for improvement under requires improvement; police "hindering the efficient and timely
    response" a strength; "a positive impact; however, this is less so for pupils with SEND" a strength; "prior to
    becoming 18 years old" a plain figure; children who "have plans to live in their forever homes" the council's
    plans."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    assert verdict("There are delays in referrals from partners, leaving children potentially at further harm.",
                   *ri)[0] == "priority"
    for said in ("Gaps in the information shared are hindering an efficient and timely response.",
                 "This is having a positive impact; however, this is less so for disabled children."):
        assert verdict(said, *ri)[0] == "improvement", said
    good = ("grade:good", "good", "judgement")
    for said in ("Young people meet their adviser well before they are 18 years old.",
                 "Most children in care have plans to live in their permanent homes quickly and securely."):
        assert verdict(said, *good)[0] == "strength", said


def test_an_outstanding_reports_good_news_about_problems_and_its_one_weakness() -> None:
    """An auditor's reading of a held-out 2026 report judged outstanding (stop 47): referrals "not closed
    prematurely", practitioners "reviewing repeat referrals", "Few children are out of school for a long time" and
    "escalating cases when children's needs are not being met" were areas for improvement, and health assessments
    "completed outside of timescales" for some children, after "has improved, but", a strength."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "judgement")
    for said in ("Managers make sure that referrals are not closed prematurely.",
                 "Practitioners show curiosity when reviewing repeat referrals.",
                 "Few children are out of school for long, and staff know them well.",
                 "Workers are confident in escalating cases when children's needs are not being met."):
        assert verdict(said, *good)[0] == "strength", said
    assert verdict("Timeliness has improved, but for some children assessments are completed outside of "
                   "timescales.", *good)[0] == "improvement"


def test_leaders_own_finding_with_what_they_did_about_it_is_context() -> None:
    """An auditor's reading of two held-out failing reports (stop 48), then the development gold: what leaders
    "have recognised …, and have secured funding" or "recognised that this is an area for development" is their
    response, context; but where the same sentence says they made good progress it is praise, and a leader who has
    not recognised something is a finding."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    for said in ("Senior managers have recognised that the case recording system does not help social workers, "
                 "and have secured funding to buy a new one.",
                 "The new chair of the board has recognised that this is an area for development.",
                 "Leaders recognised that the model of practice was not working for families, and work has started "
                 "on a new one.",
                 "Leaders have recognised that some managers held too many teams, and extra management posts have "
                 "been created.",
                 "Recognition of this area of weakness led the council to set up a second assessment team."):
        assert verdict(said, *ri)[0] is None, said
    assert verdict("Leaders have recognised that tracking needed strengthening, and they have made good progress.",
                   *ri)[0] == "strength"
    assert verdict("Leaders have not recognised that too many children wait for a plan.", *ri)[0] == "improvement"


def test_a_cost_denied_is_balance_and_most_but_not_all_stays_amber() -> None:
    """The same reading: "not focused on parents at the expense of children" praises the balance kept (it was an
    area for improvement, 0.70), as "a balanced focus on risks and strengths" does; work "focused on compliance at
    the expense of" children is still a shortfall. In a failing service, what "most, but not all" children receive
    is an area for improvement, not a priority action, unless children are left at risk by it."""
    from reviewer.core.reading.severity import mostly_so, verdict

    failing = ("grade:inadequate", "inadequate", "judgement")
    assert verdict("Relationships are not focused on parents at the expense of the children.", *failing)[0] == "strength"
    assert verdict("Most conferences keep a balanced focus on risks and strengths.", *failing)[0] == "strength"
    assert verdict("Visits are focused on compliance at the expense of what children say.", *failing)[0] == "improvement"

    assert mostly_so("When children go missing, most, but not all, are offered a return home interview.")
    assert mostly_so("Strategy meetings are generally timely, but not always attended by the police.")
    assert not mostly_so("Most children, but not all, are left at risk of harm for too long.")
    assert not mostly_so("Too many children wait for a plan.")
    report = ("Inspection of Westmoor local authority children's services\n\n"
              "The experiences and progress of children who need help and protection: inadequate\n\n"
              "1. Too many children are left in situations of unassessed risk of harm for too long.\n\n"
              "2. When children go missing from home, most, but not all, are offered a return home interview.\n")
    got = {x.quote: x.severity for x in suggest(report, default_themes())}
    assert got["Too many children are left in situations of unassessed risk of harm for too long."] == "priority"
    assert got["When children go missing from home, most, but not all, are offered a return home interview."] \
        == "improvement"


def test_a_requires_improvement_reports_reliance_pressure_and_children_left_vulnerable() -> None:
    """An auditor's reading of two held-out requires-improvement reports (stop 48): systems "to ensure that …" that
    "are underdeveloped, and a worker is being recruited" were a strength (the aim had swallowed the verdict after
    it); "there continues to be a reliance on agency teams" and "pressures are likely to impact on retention" had no
    word of weakness; "This leaves some children in vulnerable circumstances" was a plain strength. A reliance
    denied is no weakness."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    for said in ("Systems to ensure that children are helped back into school are underdeveloped, and a new worker "
                 "is being recruited.",
                 "There continues to be a reliance on agency staff in two teams while permanent staff are found.",
                 "The model is reliant on social workers having lower caseloads to be effective.",
                 "Current pressures are likely to impact on how long staff stay."):
        assert verdict(said, *ri)[0] == "improvement", said
    said = verdict("This leaves some children in vulnerable circumstances.", *ri)
    assert said[0] == "priority" and "children left at risk" in said[2]
    assert verdict("When children are at risk of significant harm, strategy meetings are held.", *ri)[0] != "priority"
    good = ("grade:good", "good", "judgement")
    assert verdict("The service is not reliant on agency staff.", *good)[0] == "strength"
    assert verdict("Leaders are not overly reliant on agency staff, and caseloads are manageable.", *good)[0] \
        == "strength"


def test_what_is_sought_or_soon_to_happen_is_context() -> None:
    """The same reading: "A suitable communal venue is being sought" was a strength (on "suitable") and "training is
    soon to take place" an area for improvement; both say what is not yet had or done: context."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    for said in ("A suitable place for the group to meet is being sought.",
                 "Training in professional curiosity is soon to take place for every team."):
        assert verdict(said, *ri)[0] is None, said


def test_the_councils_findings_come_before_the_safeguarding_boards_among_the_strongest() -> None:
    """A new user's first 30 of a 50-page 2015 report (stop 48) held the praise of the report's review of its
    safeguarding board, a different body, at 0.78, while the council's own findings waited. Of each kind, the
    council's come first; the board's fill places only where the council's run short."""
    from reviewer.core.reading.suggest import Suggestion, ranked, strongest

    council = [Suggestion(i * 10, i * 10 + 5, f"council {i}", "strength", ("voice",), 0.6, "") for i in range(20)]
    board = [Suggestion(5000 + i * 10, 5005 + i * 10, f"board {i}", "strength", ("leadership",), 0.8, "", board=True)
             for i in range(20)]
    shown = strongest(council + board, 10)
    assert shown == council[:10] and shown == ranked(shown)
    assert strongest(council[:4] + board, 10) == ranked(council[:4] + board[:6])

    report = ("Inspection of services for children in need of help and protection, children looked after and care "
              "leavers\n\nand\n\nReview of the effectiveness of the Local Safeguarding Children Board\n\n"
              "Areas for improvement\n\n1. Improve the quality of plans for children in need.\n\n"
              "The experiences and progress of children who need help and protection\n\n"
              "2. Social workers know their children well and visit them often.\n\n"
              "The Local Safeguarding Children Board is good\n\n"
              "Scrutiny and assurance\n\n"
              "3. The board's training programme is excellent and well attended.\n")
    found = {x.quote: x for x in suggest(report, default_themes())}
    assert found["The board's training programme is excellent and well attended."].board
    assert not found["Social workers know their children well and visit them often."].board


def test_a_problem_ended_and_pressure_denied_are_good_news() -> None:
    """A new user's cards on a held-out good report (stop 48): "Children are no longer left in situations where they
    are known to be at immediate risk" was an area for improvement, 84% sure, and "There is no pressure to end care
    leavers' engagement" another. What is no longer so has improved; pressure denied is no weakness; pressure there
    still is."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "judgement")
    for said in ("Children are no longer left in situations where they are known to be at immediate risk of harm.",
                 "There is no pressure to end young people's contact with their personal adviser."):
        assert verdict(said, *good)[0] == "strength", said
    assert verdict("Young people are under pressure to leave care early.", *good)[0] == "improvement"
    failing = ("grade:inadequate", "inadequate", "judgement")
    assert verdict("Children are left in situations of unassessed risk for too long.", *failing)[0] == "priority"


def test_a_good_reports_weaknesses_said_without_a_word_of_weakness() -> None:
    """An auditor's reading of two held-out reports (stop 48): a rate that "still remains relatively high", what
    "impacts on how well" circumstances are understood, what "heightens their vulnerability", and work "under way,
    but there is more to do" were praise or context; children "left in situations in which their needs and risks have
    not been fully assessed" an area for improvement. What remains high by choice is still praise."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    for said in ("The number of children on a second plan has fallen slightly but still remains relatively high.",
                 "This impacts on how well their needs are understood.",
                 "Delays in assessment heighten their vulnerability.",
                 "Work to improve education plans is under way, but there is more to do."):
        assert verdict(said, *ri)[0] == "improvement", said
    said = verdict("Some children are left in situations in which the risks to them have not been fully assessed.", *ri)
    assert said[0] == "priority" and "children left at risk" in said[2]
    assert verdict("Morale remains high and staff are proud to work here.", *ri)[0] == "strength"
    assert verdict("Plans are in place to recruit more foster carers.", *ri)[0] is None


def test_plans_and_talks_under_way_are_context_whatever_their_aims_words() -> None:
    """The same reading of a held-out good report: plans "to further strengthen" a "skilled" workforce, a journey
    "embarked on" to "benefit" education, processes being "refined" to work "more effectively" and "active
    discussions" with the police were strengths, on the words of their aims: what is planned or under way is
    context; what is had is praise."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "judgement")
    for said in ("Leaders are moving forward with plans to further strengthen their skilled workforce.",
                 "The virtual school has embarked on a journey with schools to benefit children's learning.",
                 "Managers are refining processes to track visits more effectively.",
                 "Leaders are involved in active discussions with the police about joint visits."):
        assert verdict(said, *good)[0] is None, said
    assert verdict("Leaders have a skilled and stable workforce.", *good)[0] == "strength"


def test_what_the_law_does_not_require_is_no_denial_of_practice() -> None:
    """A held-out failing report (stop 48): "Given that parents are not legally required to notify …, this makes
    identifying these children more difficult" was a priority action at 0.80, first on "not legally". The law's
    silence is a fact, not a shortfall; the difficulty it makes is still one."""
    from reviewer.core.reading.severity import verdict

    failing = ("grade:inadequate", "inadequate", "judgement")
    said = verdict("Parents are not legally required to tell the council when they educate a child at home.", *failing)
    assert said[0] is None
    said = verdict("Given that parents are not legally required to tell the council, this makes finding these "
                   "children more difficult.", *failing)
    assert said[0] == "improvement" and "not legally" not in " ".join(said[2])


def test_a_cohort_named_a_record_of_what_else_is_needed_and_praise_after_a_concession() -> None:
    """An auditor's reading of a held-out good report (stop 48): the response to young people "who are at risk of
    becoming homeless is generally strong", IROs who "record what else needs to be done", and "While not all
    appointments are permanent, the new team has had a palpable impact" were areas for improvement: a cohort named,
    what a record holds, and praise after a concession. Young people at risk of becoming homeless because of a
    failing are still a weakness."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "judgement")
    for said in ("The response to 16- and 17-year-olds who are at risk of becoming homeless is generally strong.",
                 "Independent reviewing officers record what else needs to be done at each review.",
                 "While not all appointments are permanent, the new leadership team has had a palpable impact."):
        assert verdict(said, *good)[0] == "strength", said
    assert verdict("Some young people are at risk of becoming homeless because tenancies break down.", *good)[0] \
        == "improvement"


def test_what_a_remedy_avoids_is_no_shortfall_unless_it_was_not_avoided() -> None:
    """A held-out good report (stop 48): "This avoids several changes in worker" was an area for improvement on
    "several changes in". What is avoided is no shortfall; what leaders have not prevented, or failed to, still is."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "judgement")
    assert verdict("This avoids several changes in worker for children.", *good)[0] == "strength"
    assert verdict("Leaders have not prevented several changes in worker.", *good)[0] == "improvement"
    assert verdict("Leaders failed to prevent several changes in worker.", *good)[0] == "improvement"


def test_not_least_denies_nothing() -> None:
    """A held-out outstanding report (stop 48): "an impressive array of support, not least the emotional health
    provision" was an area for improvement on "not"; "not least", like "not only", denies nothing."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "judgement")
    assert verdict("There is an impressive array of support for children, not least the emotional health "
                   "provision.", *good)[0] == "strength"


def test_a_short_sentence_is_read() -> None:
    """A held-out report (stop 48): "Morale is good." was never suggested, under the length a unit had to reach
    (the development gold has two such strengths). A short whole sentence is read; a fragment is not."""
    report = ("Inspection of Westmoor local authority children's services\n\n"
              "The impact of leaders on social work practice with children and families: good\n\n"
              "Leaders know their services well and act on what they find.\n\nMorale is good.\n\n"
              "Of this number:\n\n10 adoptions\n")
    got = {x.quote: x.severity for x in suggest(report, default_themes())}
    assert got.get("Morale is good.") == "strength"
    assert "Of this number:" not in got and "10 adoptions" not in got


def test_what_the_council_can_improve_is_still_to_do() -> None:
    """A held-out outstanding report (stop 48): its one weakness in the body, "the local authority can improve its
    line of sight by seeking the views of children", was a strength; what children can improve is not the council's
    to do."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "judgement")
    assert verdict("However, the local authority can improve its line of sight by seeking the views of parents.",
                   *good)[0] == "improvement"
    assert verdict("Children can improve their confidence through the music project.", *good)[0] == "strength"


def test_a_cohort_named_by_what_is_not_so_of_them_is_no_denial() -> None:
    """A held-out outstanding report (stop 48): "The small number of children whose experiences do not improve with
    early help are referred … in a timely way" was an area for improvement on "do not improve": who the children
    are, before the sentence's own verb. Where the denial is the sentence's own finding, it stays one."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "judgement")
    for said in ("The few children whose circumstances do not improve with early help are referred on in a timely way.",
                 "Children who are not in education are helped back quickly."):
        assert verdict(said, *good)[0] == "strength", said
    assert verdict("There are children who are not seen by a social worker for months.", *good)[0] == "improvement"
    assert verdict("Children who need help are not seen quickly enough.", *good)[0] == "improvement"


def test_variation_said_first_is_the_finding_not_its_better_end() -> None:
    """"The quality of X is variable; some are thorough …" and "X vary: stronger ones are timely …" report the
    variation; what the better ones do only shows it (two development areas for improvement had been read as
    strengths). Variation that is not said first, or praise with no colon after it, is read as before."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    for said in ("The quality of care plans is variable; some are detailed, clear and written well for the child.",
                 "The quality of return home interviews varies: the best are timely, thorough and sensitive."):
        assert verdict(said, *ri)[0] == "improvement", said
    assert verdict("Visits are timely, thorough and purposeful, and their quality is good.", *ri)[0] == "strength"


def test_what_does_not_stop_someone_is_no_hindrance() -> None:
    """"X does not prevent managers from providing regular supervision": two negations that cancel, so the
    finding is the regular supervision (a held-out reader's strength had been read as a weakness). What does
    prevent someone from acting, and what leaders have not prevented, stay weaknesses."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    assert verdict("Busy duty rotas do not prevent managers from giving regular, reflective supervision.",
                   *ri)[0] == "strength"
    assert verdict("Unclear records prevent workers from understanding the history of the family.",
                   *ri)[0] == "improvement"
    assert verdict("Senior leaders have not prevented a decline in the quality of practice.", *ri)[0] == "improvement"


def test_what_inspectors_did_is_read_where_it_carries_a_finding() -> None:
    """"Inspectors met with …" says what the inspection did and is never suggested, unless the sentence also
    carries a finding ("… care leavers who are very positive about the help they get", a development strength
    that had been left out)."""
    text = ("Care leavers\n\n"
            "Inspectors met with six care leavers who are very positive about the help their advisers give them. "
            "Inspectors spoke to managers and practitioners across the service.\n")
    found = {s.quote.split()[3]: s.severity for s in suggest(text, default_themes(), [])}
    assert found == {"six": "strength"}


def test_an_earlier_visits_account_told_on_in_the_past_is_context() -> None:
    """A paragraph that opens with an earlier visit and goes on in the past tense tells what was found then
    (a held-out reader's context, suggested as today's priority actions and among the first 30). The account
    ends at the first sentence that speaks of now; a new paragraph is today's finding."""
    text = ("Inspection of Northmere local authority children's services\n\n"
            "Overall effectiveness: Inadequate\n\n"
            "In 2021, Ofsted conducted a focused visit that found serious weaknesses at the front door. "
            "Children at risk of harm were not seen quickly enough. Managers had not checked the quality of "
            "decisions. Too many children are still not seen quickly enough when risks increase.\n\n"
            "Managers did not check the quality of decisions made by the duty team.\n")
    found = {s.quote: s.severity for s in suggest(text, default_themes(), [])}
    assert "Children at risk of harm were not seen quickly enough." not in found
    assert "Managers had not checked the quality of decisions." not in found
    assert found["Too many children are still not seen quickly enough when risks increase."] in (
        "priority", "improvement")
    assert "Managers did not check the quality of decisions made by the duty team." in found


def test_the_problems_a_remedy_answered_are_its_history() -> None:
    """"… now gives an effective response, after weaknesses were identified": when the remedy began, not a
    finding (a held-out reader's strength had been read as a weakness). Weaknesses found in the work itself
    still count."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "judgement")
    assert verdict("The duty team now gives an effective response to most families, after weaknesses were "
                   "identified last year.", *ri)[0] == "strength"
    assert verdict("The duty team is not effective, and weaknesses were identified in its records.",
                   *ri)[0] == "improvement"


def test_a_new_users_misreadings_of_a_good_report() -> None:
    """What a new user met in the window (stop 50), each in words of our own: a "do not" that has lost its verb
    denies nothing after it; a problem said not to reach many is none; what "would help" is still to do;
    "issues with the quality" of something is a fault in it; children "who require more" support are who is
    helped, not what is still to do."""
    from reviewer.core.reading.severity import still_to_do, verdict
    from reviewer.core.reading.wording import tone

    good = ("grade:good", "good", "judgement")
    assert verdict("Nearly all attend school full time, and those who do not are closely tracked and helped.",
                   *good)[0] == "strength"
    assert tone("Children who do not attend school are not followed up.")[1] > 0  # (a verb kept: it denies)
    assert tone("Children do not receive timely help.")[:2] == (0.0, 1.0)
    assert verdict("A few children change social worker when staff leave, but this does not affect too many "
                   "children.", *good)[0] != "improvement"
    assert tone("Children do not experience too many moves.")[:2] == (1.0, 0.0)
    assert still_to_do("Clearer recording of the reasons for decisions would help managers to check them more "
                       "quickly and consistently.")
    assert verdict("Clearer recording of the reasons for decisions would help managers to check them more "
                   "quickly and consistently.", *good)[0] == "improvement"
    assert tone("The audit identified issues with the quality of return home interviews.")[1] > 0
    assert tone("Children with complex issues are supported well.")[:2] == (2.0, 0.0)
    assert not still_to_do("Families who require more intensive help are supported well by a specialist team.")
    assert verdict("Families who require more intensive help are supported well by a specialist team, who are "
                   "persistent in building trust.", *good)[0] == "strength"


def test_a_sentence_that_only_says_not_of_the_one_before_is_suggested_with_it() -> None:
    """"Many do not." alone was a priority action's card in a new user's report (stop 51): accepted, it would have
    quoted three words. It is suggested with the sentence it answers, in our own words here; dismissed, neither
    comes back; where that sentence is tagged already, the fragment is left as it was."""
    from reviewer.core.annotations.codebook import default_themes

    text = ("The experiences and progress of care leavers: inadequate\n\n"
            "The service expects young people to ask for help when they need it. Many do not. As a result, some care "
            "leavers are left without support at times of crisis.\n")
    found = suggest(text, default_themes())
    asked = text.index("The service expects")
    fragment = text.index("Many do not.")
    card = next(x for x in found if x.end == fragment + len("Many do not."))
    assert card.start == asked and card.quote.endswith("when they need it. Many do not.")
    assert card.severity in ("improvement", "priority")
    assert not any(x.start == fragment for x in found) and sum(x.start == asked for x in found) == 1
    assert not any(x.start <= fragment < x.end for x in suggest(text, default_themes(), dismissed=[(card.start, card.end)]))
    own = suggest(text, default_themes(), existing=[(asked, fragment - 1)])
    assert not any(x.start == asked for x in own)


def test_tags_of_whole_reports_elsewhere_keep_suggestions_quick():
    """A library whose tags elsewhere are whole documents (a project's codings of whole reports, or dismissed
    passages as long) is read in a moment: each was read as one sentence, a report's length each time, and a
    library of 400 such tags kept the suggestions minutes away. What they teach of a sentence is nothing."""
    import time

    report = LEARNING * 100
    library = [_tagged(i, f"{i} {report}", "improvement") for i in range(100)]
    gone = [f"{i} {report}" for i in range(100, 200)]
    began = time.perf_counter()
    found = suggest(LEARNING, default_themes(), library, dismissed_quotes=gone)
    assert time.perf_counter() - began < 3.0  # (16 s before, on this machine)
    assert {x.quote: x.severity for x in found} == {x.quote: x.severity for x in suggest(LEARNING, default_themes())}


def test_reading_a_letter_is_given_up_when_no_longer_wanted() -> None:
    """The window asks now and then whether a letter's suggestions are still wanted (another letter opened):
    a 500-page letter's reading went on for 9 s after the auditor had moved on. Given up, nothing is kept."""
    import pytest

    from reviewer.core.reading.readings import STOP_EVERY, Stopped, readings
    from reviewer.core.reading.suggest import forget_readings

    text = "\n\n".join(f"Plan {i} for the child is not always reviewed on time." for i in range(3 * STOP_EVERY))
    asked: list[int] = []

    def after(n: int):  # type: ignore[no-untyped-def]
        return lambda: asked.append(1) or len(asked) > n

    with pytest.raises(Stopped):
        readings(text, stop=after(1))
    assert len(asked) == 2  # (asked every STOP_EVERY units, given up at once when told)
    forget_readings()
    with pytest.raises(Stopped):
        suggest(text, default_themes(), stop=after(0))
    full = suggest(text, default_themes(), stop=lambda: False)
    assert len(full) == 3 * STOP_EVERY and full == suggest(text, default_themes())


def test_the_common_assessment_framework_is_early_help() -> None:
    """The common assessment framework is the early help assessment of 2010-18 reports: a new user's card on it
    (a 2015 report's strength) named partnership alone (stop 52)."""
    from reviewer.core.reading.theming import ThemeModel

    ranked = [tid for tid, _ in ThemeModel(default_themes()).score(
        "The common assessment framework is well established, with wide engagement from partner agencies.")]
    assert "early-help" in ranked[:2]


def test_a_letters_courtesies_are_no_finding_and_a_stall_or_the_areas_to_improve_are_weaknesses() -> None:
    """Council papers nobody here had seen (stop 53): an email to members closing 'please do not hesitate to contact
    me' was a strength (its 'not hesitate' read as tenacity), progress that 'has stalled' a strength, and the areas
    the inspectors 'identified … to improve' a strength carried from the sentence before."""
    letter = """From: Director of Children's Services
To: All members
Subject: Focused visit to Westmarch children's services

Dear colleagues

Inspectors visited our front door service last month and their letter is now published. The inspectors found
that children receive a timely and proportionate response when concerns are first raised.
They also identified two areas to improve: the recording of management decisions and the timeliness of return
home interviews.
Progress on the recruitment of permanent social workers has stalled since the summer.
I will bring the action plan to the next meeting of the scrutiny panel.
In the meantime, please do not hesitate to contact me.

Yours sincerely
"""
    found = _by_quote(suggest(letter, default_themes()))
    assert found["They also identified two areas to improve: the recording of management decisions and the "
                 "timeliness of return home interviews."].severity == "improvement"
    assert found["Progress on the recruitment of permanent social workers has stalled since the summer."
                 ].severity == "improvement"
    assert not any("hesitate" in q for q in found)


def test_a_51_page_reports_misreadings_a_new_user_met() -> None:
    """A new user's 51-page 2015 report (stop 53): 'Neither the council nor the board has …' was a strength (no word
    of weakness: the denial was missed); the safety statement 'No children were found to be unsafe and not being
    supported' an area for improvement (its second half read as a finding of its own); 'no recently published
    serious case reviews' a weakness; and the last inspection's judgement, retold under 'Progress since the last
    inspection', today's area for improvement."""
    letter = """Inspection of services for children in Westmarch

The experiences and progress of children who need help and protection Requires improvement

1. Neither the council nor the safeguarding board has taken the necessary steps to understand why more children are
taken into police protection.
2. No children were found to be unsafe and not being supported during the course of this inspection.
3. There are no recently published serious case reviews, though one is currently underway.

Progress since the last inspection

4. The council's arrangements were inspected in the spring of 2010. The council was judged to be inadequate.
"""
    found = _by_quote(suggest(letter, default_themes()))
    denied = next(s for q, s in found.items() if q.startswith("Neither the council"))
    assert denied.severity == "improvement"
    assert not any(q.startswith(("No children were found", "There are no recently", "The council was judged"))
                   for q in found)


def test_a_denials_coordinate_adjectives_are_one_clause() -> None:
    """'There is not a single, comprehensive record or an integrated response to children who go missing' was a
    strength (a new user's 47-page report, stop 53): the comma between the denied adjectives ended the denial's
    clause, and what followed it read as praise."""
    found = suggest("There is not a single, comprehensive record or a joined-up response to children in Westmarch "
                    "who are missing from school.", default_themes())
    assert [s.severity for s in found] == ["improvement"]


def test_a_claim_made_without_its_evidence_is_a_weakness() -> None:
    """'Some respondents maintained that they listened to the voices of children without providing specific evidence
    of …' was a strength on 'listened' (a new user's 51-page report, stop 53): the evidence missing is the finding."""
    found = suggest("Some partners said that they listened to children in Westmarch without providing any evidence "
                    "of how their views had changed the service.", default_themes())
    assert [s.severity for s in found] == ["improvement"]


def test_a_risk_said_to_be_possible_is_no_child_left_at_risk_and_a_gap_in_months_is_a_weakness() -> None:
    """A new user's 55-page report (stop 53): a consequence hedged ('which potentially leaves children at risk'), in a
    report that requires improvement, was a priority action above the finding it follows from; and 'pupils are at
    least 32 months behind pupils nationally' a strength."""
    text = """Inspection of services for children in Westmarch

The experiences and progress of children who need help and protection Requires improvement

1. Practitioners do not have an up-to-date guide to thresholds, which potentially leaves some children at risk.
2. On average, children in care at Key Stage 4 are at least 20 months behind pupils nationally.
"""
    found = _by_quote(suggest(text, default_themes()))
    hedged = next(s for q, s in found.items() if q.startswith("Practitioners do not"))
    behind = next(s for q, s in found.items() if q.startswith("On average"))
    assert (hedged.severity, behind.severity) == ("improvement", "improvement")


def test_a_council_that_places_no_child_in_poor_care_is_a_strength() -> None:
    """Stop 53's 47-page session: "does not place children in … less than good" read as an area for improvement,
    the weakness words being what the council avoids. So are none placed, a placement never made where care is
    judged inadequate, and only a few providers judged less than good; too many children there stays a weakness."""
    text = ("Westfold report\n\nChildren in care\n\n"
            "The local authority does not place children in homes that are judged less than good. "
            "The council never places children in settings rated inadequate by Ofsted. "
            "No children are placed in provision judged to be less than good. "
            "Only two of the providers the council uses were judged to be less than good. "
            "Too many children live in homes judged less than good. "
            "The council does not know how many children live in homes judged inadequate.\n")
    said = {x.quote: x for x in suggest(text, default_themes())}
    for good in ("The local authority does not place", "The council never places", "No children are placed",
                 "Only two of the providers"):
        x = next(x for q, x in said.items() if q.startswith(good))
        assert x.severity == "strength", (good, x.why)
        assert "no poor placements" in x.why
    for weak in ("Too many children live", "The council does not know"):
        assert next(x for q, x in said.items() if q.startswith(weak)).severity == "improvement", weak


def test_an_aim_ends_where_the_sentence_turns() -> None:
    """'Some good work was seen, such as one-to-one work to build confidence, but there is a lack of …' was a
    strength (a new user's 49-page 2015 report, h23): the aim ('work to build …') swallowed the rest of the
    sentence, the weakness after its 'but' with it."""
    found = suggest("Some good work was seen with young people in Westmarch, such as life story books and one-to-one "
                    "work to develop their confidence, but there is a lack of any plan or shared approach.",
                    default_themes())
    assert [s.severity for s in found] == ["improvement"]


def test_a_turn_after_however_is_the_finding_but_however_with_an_adjective_is_no_turn() -> None:
    """'Two young people … say they feel safe and happy where they live, however six … felt worried and unsafe' was a
    strength (a new user's 49-page 2015 report, h23): a mid-sentence 'however' was no turn. 'determined to keep the
    child in mind, however complex these may be' still is no turn."""
    found = suggest("Three young people in foster homes told us they are happy where they live, however five living in "
                    "hostels in Westmarch said they felt frightened and unsafe.", default_themes())
    assert [s.severity for s in found] == ["improvement"]
    found = suggest("Skilled panel members in Westmarch are determined to keep each child in mind, however complex "
                    "this might be.", default_themes())
    assert [s.severity for s in found] == ["strength"]


def test_what_there_will_need_to_be_is_still_to_do() -> None:
    """'… there will need to be effective liaison with partner agencies to ensure …' was a strength on 'effective'
    (a new user's 49-page 2015 report, h23): what there will need to be is not yet there."""
    found = suggest("As several reviews in Westmarch will soon be published, there will need to be effective joint "
                    "work with partners so that their lessons shape the board's plans.", default_themes())
    assert [s.severity for s in found] == ["improvement"]


def test_what_is_due_to_take_place_is_context() -> None:
    """'A scoping exercise is due to take place to consider … while also ensuring value for money' was a strength on
    'value' (a new user's 49-page 2015 report, h23): what is scheduled is no judgement of practice yet. People who
    are due to leave somewhere are no plan."""
    assert suggest("A review of support for adoptive families in Westmarch is due to take place this autumn, to find "
                   "the most effective way to help them.", default_themes()) == []
    found = suggest("Effective arrangements are in place for young people who are due to be released from custody.",
                    default_themes())
    assert [s.severity for s in found] == ["strength"]


def test_a_childs_contact_with_family_is_no_front_door() -> None:
    """'The contact service is under-resourced …', 'Revise the arrangements for supervised contact …' were themed the
    front door (a new user's 49-page 2015 report, h23): the cue 'contact' there is a child's time with their family,
    not a contact made with children's services. A contact from the police still is."""
    from reviewer.core.reading.theming import ThemeModel

    model = ThemeModel(default_themes())
    for sentence in ("The contact service in Westmarch is short of staff, so supervised contact is often arranged at "
                     "the last minute.",
                     "Arrangements for children's contact with their birth parents are not reviewed as their needs "
                     "change."):
        assert "front-door" not in [tid for tid, _ in model.score(sentence)][:2], sentence
    assert [tid for tid, _ in model.score("Most contacts from the police in Westmarch are passed on without any "
                                          "triage.")][0] == "front-door"
    # a front door's own name (a 2016 report's "First Contact service") keeps the front door's cue
    cues = {tid: own for tid, _, own in model.evidence("The First Contact service in Westmarch is well staffed.")}
    assert cues.get("front-door", 0) > 0


def test_needs_below_a_services_threshold_and_what_is_left_as_the_object_of_a_report_judge_nothing() -> None:
    """A new user's 2016 and 2015 reports (h25): a team that helps "when children's needs do not meet the
    threshold" of another service was an area for improvement on "not meet", as "who do not meet the threshold"
    no longer is; and a board's yearly report written to "show progress and identify what remains to be done"
    was one on "remains to be done", as "know what needs to be done" no longer is. What is said to remain is
    still to do."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    assert verdict("A counselling team helps young people when their needs do not meet the threshold of the "
                   "specialist service.", *ri)[0] != "improvement"
    assert verdict("Many contacts from partner agencies do not meet the threshold for a statutory service.",
                   *ri)[0] == "improvement"
    assert verdict("The board publishes a yearly account of its work to show progress and identify what remains "
                   "to be done.", *ri)[0] != "improvement"
    assert verdict("Much remains to be done to make plans specific.", *ri)[0] == "improvement"


def test_help_ended_too_soon_or_before_it_has_worked_is_a_weakness() -> None:
    """A new user's 2015 report (h25): its summary for children said workers "sometimes reduce help too soon",
    read as a plain strength ("reduce" is a remedy's word, and settled the "too" after it), and its finding that
    families are stepped down "before enough progress has been made" had no word of weakness at all. The timing is
    the fault, whatever the verb; what is ended before the change it was for is one too. A remedy's own words still
    settle a weakness ("This reduces delay"), and "quickly" alone is still praise."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    for said in ("Workers help families well, but sometimes they reduce support too soon.",
                 "Help for some families is withdrawn too early.",
                 "Some families are moved to universal services before enough progress has been made.",
                 "Support plans are closed before the intended change has been achieved."):
        assert verdict(said, *ri)[0] == "improvement", said
    assert tone("This reduces delay for families.")[1] == 0
    assert verdict("Social workers respond quickly.", *ri)[0] == "strength"


def test_what_an_unmet_issue_is_by_example_is_no_praise() -> None:
    """A new user's 2016 report (h25): leaders "recognise that some issues have not been tackled quickly enough,
    such as ensuring that ... leads to good and timely work" was a strength on the example's "good" and "timely".
    What follows "such as ensuring" says what the issue is, as "to ensure" says what work is for."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    said = ("Leaders accept that several matters have not been dealt with quickly enough, such as ensuring that "
            "supervision is regular and that plans are clear, specific and effective.")
    assert verdict(said, *ri)[0] == "improvement"
    assert verdict("Leaders act quickly on audits, such as ensuring that plans are reviewed.", *ri)[0] == "strength"


def test_a_services_own_significant_challenge_is_a_weakness_a_cohorts_is_not() -> None:
    """A new user's 2015 report (h25): the council "drives the improvement agenda, but has significant challenges in
    securing the partnership support it needs" was a plain strength. A challenge the service has is a shortfall; the
    difficulties of the families it serves name whom it helps."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    assert verdict("The council leads its improvement work, but has major challenges in gaining the support of its "
                   "partners.", *ri)[0] == "improvement"
    assert verdict("Skilled workers support parents who have considerable challenges in managing money.",
                   *ri)[0] == "strength"


def test_a_condition_after_a_joining_word_and_children_hard_to_place_judge_nothing() -> None:
    """A new user's 2016 report (h25): "Consequently, if a parent cannot ..., children are placed in a permanent
    family swiftly" was a weakness on the condition's "cannot", as "If a parent cannot ..." alone no longer was; and
    "children considered difficult to match are adopted" one on "difficult", where it names the children a good
    service finds families for."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    assert verdict("As a result, if parents cannot make the changes needed, children move to their permanent "
                   "families swiftly.", *good)[0] == "strength"
    assert verdict("Children considered difficult to match are placed quickly with adopters.", *good)[0] == "strength"
    assert verdict("As a result, when plans change, reviews are not held.", *good)[0] == "improvement"


def test_high_caseloads_said_at_length_and_what_audits_found_wrong_are_weaknesses() -> None:
    """A new user's 2016 and 2015 reports (h25): "Caseloads of social workers in the assessment service are high"
    was a plain strength (its subject longer than the rule's reach), and so was "case file audits have identified
    key issues in the functioning of core groups". A chair who finds the issues to work on is no weakness."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    assert verdict("Caseloads of the social workers in the duty and assessment team are high.", *ri)[0] == \
        "improvement"
    assert verdict("The service's own audits have identified key issues in how core groups are run.", *ri)[0] == \
        "improvement"
    assert verdict("The chair has identified key issues in the board's work and set clear priorities.",
                   "grade:good", "good", "paragraph")[0] == "strength"


def test_not_doing_something_well_enough_far_from_the_not_is_a_weakness() -> None:
    """A new user's 2015 report (h25): "Frontline managers do not oversee and manage practice well enough to
    deliver consistently good standards" was left to the review model, and a sentence like it with more words
    between the "not" and "well enough" was a strength on "well" and "consistently". A "not" that has denied
    nothing yet reaches its clause's "well enough", and what that falls short of; not another clause's."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    said = ("Team managers do not check the plans of the children in their teams well enough to keep them "
            "consistently good.")
    assert verdict(said, *ri)[0] == "improvement"
    assert verdict("Managers do not hesitate to act, and they know their teams well enough to spot problems early.",
                   *ri)[0] == "strength"  # (its "not" denied in a clause of its own)


def test_a_problems_figures_set_against_others_read_by_which_way_they_go() -> None:
    """A new user's 2016 report: "Offending rates of children looked after … below average" was an area for
    improvement, on "below". A problem's rate below others' is good news, above others' bad; a good thing's rate
    below average stays a shortfall, and a rate granted in passing ("although …") is no finding of its own."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    assert verdict("Offending by children in care is at 5%, which is below average.", *ri)[0] == "strength"
    assert verdict("The rate of re-referrals is lower than that of statistical neighbours.", *ri)[0] == "strength"
    assert verdict("Staff turnover is now less than the regional average.", *ri)[0] == "strength"
    assert verdict("The proportion of re-referrals (41%) is higher than that of comparator authorities.", *ri)[0] == \
        "improvement"
    assert verdict("The rate of repeat child protection plans is above that of similar authorities.", *ri)[0] == \
        "improvement"
    assert verdict("Attainment of children in care at key stage 4 is below the national average.", *ri)[0] == \
        "improvement"
    assert tone("Vacancy rates are high, although overall vacancy rates are lower than the London average.")[3] == []


def test_which_way_a_figure_goes_says_the_finding() -> None:
    """A new user's 2023 report: "The timeliness with which health assessments … are completed has dropped" was a
    strength, and "Staff turnover has dropped" or "Caseloads have declined" read as weaknesses on "turnover" and
    "declined". A problem's figures falling is good news, rising bad; a good thing's falling is bad news."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    for said in ("Turnover among social workers has dropped sharply this year.",
                 "Caseloads in the assessment teams have declined since the spring.",
                 "The number of young people going missing has fallen.",
                 "The number of moves children in care experience is reducing."):
        assert verdict(said, *ri)[0] == "strength", (said, tone(said))
    for said in ("Re-referrals to the service have risen to 28%.",
                 "As a result, caseloads in the early help teams have increased.",
                 "The timeliness with which reviews of children's plans are held has dropped over the past year.",
                 "School attendance of children in care has fallen this year."):
        assert verdict(said, *ri)[0] == "improvement", (said, tone(said))
    assert tone("The number of children in care has increased.")[:2] == (0, 0)  # (a count, no finding)


def test_what_a_check_is_to_find_out_is_no_praise() -> None:
    """A new user's 2016 report (h27): a council's plan to repeat its audits "to assess whether change has been
    achieved and sustained" was among the 30 strongest, a strength on "achieved, sustained": what a check asks is
    not what it found. What the sentence says outside the question still counts."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    asked = verdict("The council will audit the same cases next spring to check whether the gains have been "
                    "achieved and sustained.", *ri)
    assert "sustained" not in " ".join(asked[2]) and asked[1] < 0.5
    seen = verdict("Team leaders read every file to see if plans are effective and consistently good.", *ri)
    assert "effective" not in " ".join(seen[2]) and seen[1] < 0.5
    assert verdict("Audits are not used to test whether plans are effective.", *ri)[0] == "improvement"
    assert verdict("Plans are effective and consistently good.", *ri)[0] == "strength"


def test_few_of_a_described_group_taking_part_is_a_weakness() -> None:
    """A new user's 2014 report (h27): "Few older children participate in child protection conferences" was a
    faint strength, where "Few care leavers ..." is a weakness: the group may be described ("older", "disabled",
    "looked after") before it is named. Few of a group meeting harm stays good news."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    assert verdict("Few older young people attend their own reviews.", *ri)[0] == "improvement"
    assert verdict("Very few disabled children are helped to take part in planning.", *ri)[0] == "improvement"
    assert verdict("Few looked after children experience placement moves.", *ri)[0] != "improvement"


def test_two_groups_found_alike_is_no_shortfall() -> None:
    """A new user's 2014 report (h27): "There are no significant differences in outcomes between looked after
    children placed within or outside the city" was an area for improvement on "no". A comparison that finds no
    difference is parity; work that "made no difference" is still a weakness."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    alike = verdict("There is no significant difference between the results of children placed near home and "
                    "those placed further away.", *ri)
    assert alike[0] != "improvement" and "no" not in " ".join(alike[2])
    assert verdict("There are no differences in attainment between girls and boys in care.", *ri)[0] != "improvement"
    assert verdict("The new panel has made no difference to how quickly plans progress.", *ri)[0] == "improvement"


def test_the_cases_a_piece_of_work_takes_up_name_no_shortfall_of_it() -> None:
    """A new user's 2014 report (h27): a council "actively reviewing cases where children have been waiting too long"
    was an area for improvement on "too"; the cases are named by the problem the review deals with. A development
    strength said alike ("reviewed all cases of children waiting too long and ...") had been read the same way.
    Work not done on such cases, or done poorly, is still a weakness."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    assert verdict("Leaders are actively tracking every case where a child has waited too long for a decision.",
                   *ri)[0] == "strength"
    assert verdict("The service has audited the files of children whose plans drifted and has acted on what it "
                   "found.", *ri)[0] != "improvement"
    assert verdict("Managers are not tracking cases where children wait too long.", *ri)[0] == "improvement"
    assert verdict("Reviews of cases where children wait too long are poor.", *ri)[0] == "improvement"


def test_a_problems_figure_falling_and_an_absence_rate_are_no_weakness() -> None:
    """A new user's 2016 report (h27): "The authorised absence rate was down by 1% on the previous year" and "The
    authorised absence rate fell by 1.2% ..." were areas for improvement on "absence", a school's measure named, as
    "persistent absence" already was; and a problem's figure that "fell", "dropped" or "was down by" is dealt with, as
    one "reduced" or "declined" was. "Down to" says why, and "in the absence of" still denies."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    for said in ("The unauthorised absence rate fell by 0.4% last year.",
                 "The overall absence rate was down by 2% on the year before.",
                 "Vacancies in the teams have dropped this year.",
                 "Delays in adoption were down by a third on the previous year."):
        assert verdict(said, *ri)[0] != "improvement", said
    assert verdict("Delays in assessments are down to staff shortages.", *ri)[0] == "improvement"
    assert verdict("In the absence of a plan, children drift.", *ri)[0] == "improvement"


def test_a_finding_corroborated_is_no_praise() -> None:
    """A new user's 2014 report (h27): "This analysis was supported by leaders ... and by findings from serious case
    reviews", of the council's own finding that children were unsafe, was a strength on "supported". A finding
    confirmed by others says nothing good of the work; people supported by others still do."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    for said in ("This analysis was supported by senior leaders and by the findings of case reviews.",
                 "The council's self-assessment was confirmed by the audits the board commissioned."):
        found = verdict(said, *ri)
        assert found[1] < 0.5 and not any(w in " ".join(found[2]) for w in ("supported", "confirmed")), found
    assert verdict("Foster carers are well supported by their supervising social workers.", *ri)[0] == "strength"


def test_a_subjects_check_ends_at_the_verb_that_judges_it() -> None:
    """Merging h27's check aim ("to determine whether …" asks, and says nothing) made "The quality of assessments to
    determine whether siblings should live together or separately varies across teams" a strength: the aim ran on
    over the sentence's own verb. A subject's aim ends at a verb that judges it on its own ("varies", "differs")."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    good = ("grade:good", "good", "paragraph")
    assert verdict("The quality of reviews to establish whether brothers and sisters can live together varies "
                   "between teams.", *good)[0] == "improvement"
    assert tone("Audits are repeated to assess whether change has been achieved and sustained.")[:2] == (0, 0)


def test_a_harm_said_not_to_happen_and_a_problem_eased_by_a_service_are_good_news() -> None:
    """A new user's 2025 report (h28): "children do not experience abrupt changes of worker", "inspectors did not
    find any detriment to children" and "leaders are not afraid of taking decisive steps" were areas for
    improvement on their "not", and "long waits for therapy are mitigated by the in-house psychologist" one on its
    long wait; a problem said to be eased by something, in its own clause, is no finding."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:outstanding", "outstanding", "paragraph")
    for said in ("As a result, families do not experience abrupt changes of worker when they move between teams.",
                 "Inspectors did not find any detriment to the children concerned.",
                 "Leaders are not afraid of taking bold steps to keep brothers and sisters together."):
        assert verdict(said, *good)[0] == "strength", said
    for said in ("Long waiting times for the mental health service are mitigated by the council's own therapists.",
                 "Long delays for specialist assessments are largely offset by a drop-in clinic."):
        assert verdict(said, *good)[0] != "improvement", said  # (a plain statement: context under this grade)
    for said in ("Delays in assessments are not mitigated by any other support.",
                 "Social workers do not see children alone."):
        assert verdict(said, *good)[0] == "improvement", said


def test_what_is_done_instead_of_good_practice_is_a_weakness_to_its_clauses_end() -> None:
    """A new user's 2025 report (h28): a policy "to close cases at 21 rather than base this on a needs-led decision
    agreed collaboratively with young people" was a strength on "collaboratively", beyond a negation's six words.
    "Rather than" denies its clause to the end; never an excess avoided ("rather than being overly focused on
    targets that give a positive scorecard"), whose praise words praise nothing."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    assert verdict("The practice is to end support at 21 rather than base the decision on an assessment agreed "
                   "collaboratively with each young person.", *ri)[0] == "improvement"
    assert verdict("Managers put each child's interests first rather than being overly concerned with targets that "
                   "make a positive impression.", "grade:good", "good", "paragraph")[0] == "strength"


def test_work_nearing_completion_and_repeated_assessments() -> None:
    """A new user's 2025 report (h28): "work is nearing completion on a new, supportive hub home" and "there is
    ongoing work to develop apprenticeships" were strengths (what is under way is context, not suggested); "a
    few responses feature repeated assessments over short periods" was not suggested at all; an improvement "since
    the last visit, which found that neglect was not recognised early enough" was an area for improvement on what
    the last visit found."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    assert verdict("Work is nearing completion on a new and supportive hub home for foster carers.", *good)[0] is None
    assert verdict("There is ongoing work within the council to develop apprenticeships.", *good)[0] is None
    assert verdict("A few responses to domestic abuse feature repeated assessments over short periods.",
                   *good)[0] == "improvement"
    assert verdict("This is an improvement since the last visit, which found that neglect was not recognised "
                   "early enough.", *good)[0] == "strength"


def test_no_longer_than_needed_a_process_s_trigger_and_what_needed_improving() -> None:
    """A new user's 2025 reports (h28): "This ensures that families do not have statutory input for longer than
    is necessary" was an area for improvement on "longer than is necessary" (so were like sentences in five
    development reports); "processes are started when circumstances fail to improve or worsen" one on "fail"; and
    "leaders found that this area of practice needed improving" a strength on "improving"."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    for said in ("Tracking ensures that children are not subject to plans for longer than is necessary.",
                 "Every child is tracked closely so that they do not wait longer than necessary to be adopted."):
        assert verdict(said, *good)[0] == "strength", said
    assert verdict("Some children remain on plans for longer than necessary.", *good)[0] == "improvement"
    assert verdict("Legal planning meetings are held when a family's circumstances fail to improve or worsen.",
                   *good)[0] != "improvement"
    assert verdict("Some children stay in situations where their lives do not improve quickly enough.",
                   *good)[0] == "improvement"
    assert verdict("Managers had found through audits that this area of practice needed improving.",
                   "grade:outstanding", "outstanding", "paragraph")[0] != "strength"


def test_jargon_is_a_weakness_and_jargon_free_is_none() -> None:
    """A new user's 2018 report (h28): "However, there are examples of social workers using professional jargon in
    letters without explaining it" had no word of weakness, and under a good judgement was suggested as a
    strength. Jargon is a weakness; "without jargon" good news; "jargon free" neither."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    assert verdict("There are examples of social workers using professional jargon in letters to parents.",
                   *good)[0] == "improvement"
    assert verdict("Letters are written without jargon and are easy to understand.", *good)[0] == "strength"
    assert verdict("The booklet is bright and jargon free, with children's own drawings.", *good)[0] != "improvement"
    assert verdict("The children's council has challenged senior leaders about the use of jargon in letters.",
                   *good)[0] != "improvement"  # (what they challenge: a remedy's object, as "challenges delay")


def test_what_remains_a_priority_after_a_turn_is_still_to_do() -> None:
    """A new user's 2018 report (h28): "Outcomes at key stages 1 and 2 are improving ..., but improving progress at
    key stages 3 and 4 remains a priority for the local authority" was among the 30 strongest strengths, on
    "improving"; the inspectors' own list asks for it. After a turn, what remains a priority is still to do; a
    priority kept, with no turn, is no weakness."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    assert verdict("Results at primary school are improving, but improving progress at secondary school remains a "
                   "priority for the council.", *good)[0] == "improvement"
    assert verdict("Keeping children safe at home remains a priority for leaders.", *good)[0] != "improvement"


def test_leaders_response_to_shortfalls_found_is_context() -> None:
    """A new user's 2025 report (h28): "During the inspection, senior leaders fully accepted these shortfalls and
    commissioned an immediate review of contact with all care leavers" and "they commissioned a review ... and
    intended to allocate a named adviser" were areas for improvement: the council's response, under way, is
    context (not suggested), as "acknowledged the delays and ..." was. Accepting the findings with a resolve to
    improve stays the strength an auditor reads it as."""
    from reviewer.core.reading.severity import verdict

    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    assert verdict("During the visit, managers accepted these shortfalls and commissioned an urgent review of every "
                   "closed case.", *ri)[0] is None
    assert verdict("In addition, they commissioned a review of young people's plans, and intended to appoint a "
                   "named adviser for each.", *ri)[0] is None
    assert verdict("The council intends to review its housing offer for care leavers.", *ri)[0] is None
    assert verdict("Leaders have accepted the inspection findings and are determined to improve services.",
                   "grade:good", "good", "paragraph")[0] == "strength"


def test_no_one_in_b_and_b_and_a_few_before_is_good_news() -> None:
    """A new user's 2016 report (h30): "There are currently no young people in B&B accommodation ... although there
    were a small number of episodes prior to this time" was an area for improvement: "B&B" was not known as bed and
    breakfast, and the turn to what happened before read as the finding. None in B&B is good news, as none in bed
    and breakfast was; a turn to what went before is history, and the good stays the finding."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    good = ("grade:good", "good", "paragraph")
    assert tone("No care leaver is living in B&B accommodation.")[:2] == (1.0, 0.0)
    said = ("At present no young people are in B & B accommodation, although a handful were placed there prior to "
            "this time.")
    assert verdict(said, *good)[0] == "strength"
    assert verdict("Plans are clear and reviewed regularly, although previously some children waited for a review.",
                   *good)[0] == "strength"
    # a turn to what is so now is still the finding
    assert verdict("Decisions to look after children are appropriate, but some children enter care in a crisis.",
                   *good)[0] == "improvement"


def test_basic_skills_are_what_a_course_teaches() -> None:
    """A new user's 2016 report (h30): care leavers offered training "through a period of focused basic skills
    training" read as an area for improvement on "basic". Basic or functional skills name what a course teaches;
    a basic plan is still thin."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    said = "Care leavers are offered basic skills training and a tailored traineeship with local employers."
    assert verdict(said, *good)[0] != "improvement"
    assert verdict("Pathway plans are basic and do not set out what young people need.", *good)[0] == "improvement"
    # and basic standards name the floor a service is held to (a new user's 2022 report, h30: "Compliance with basic
    # practice standards is now in place ..." an area for improvement on "basic")
    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    assert verdict("Basic practice standards are now met across the teams.", *ri)[0] != "improvement"
    assert verdict("Too many visits do not meet basic standards.", *ri)[0] == "improvement"


def test_needless_delay_and_problems_growing_said_not_to_happen_are_good_news() -> None:
    """A new user's 2016 report (h30): "Children do not experience needless delay through care proceedings" and "...
    the difficulties they have do not become more serious" were areas for improvement, the "not" read as a denial of
    nothing good. A problem said not to happen is good news, whatever word says it is needless or grows."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    for said in ("Families do not face needless delay when their cases go to court.",
                 "Early support means that the problems families face do not become more serious.",
                 "Concerns about young people do not escalate because help arrives early."):
        assert verdict(said, *good)[0] == "strength", said
    assert verdict("Plans do not set out what needs to change.", *good)[0] == "improvement"


def test_few_as_the_subject_and_help_conceded_after_the_finding() -> None:
    """A new user's 2016 report (h30): "Few gain a good range of GCSEs ..., despite a range of appropriate
    interventions from the virtual school" was a strength on "good, appropriate": "few" stood for the group named
    in the sentence before, and the help conceded after the finding counted as praise. Few, as a subject, doing
    what is wanted is a shortfall; a concession after a comma ("..., despite ...") is no finding."""
    from reviewer.core.reading.severity import verdict
    from reviewer.core.reading.wording import tone

    good = ("grade:good", "good", "paragraph")
    assert verdict("Few achieve good exam results, despite appropriate help from their designated teachers.",
                   *good)[0] == "improvement"
    assert verdict("Few go on to higher education.", *good)[0] == "improvement"
    assert verdict("Outcomes for children are good, despite rising demand.", *good)[0] == "strength"
    assert tone("Few experience a placement move.")[1] == 0.0  # few meeting harm stays good news
    assert verdict("Children are well supported to take part in their reviews, although few attend them in person.",
                   *good)[0] == "improvement"


def test_not_taken_for_granted_and_not_placed_inappropriately_are_good_news() -> None:
    """A new user's 2016 report (h30): "The local authority does not take the work of young people for granted" and
    managers who "monitor these children closely to ensure that they are not subject to voluntary arrangements
    inappropriately" were areas for improvement on "not". Both say a problem does not happen. A quoted phrase with
    its own "not", used inappropriately, is still a shortfall."""
    from reviewer.core.reading.severity import verdict

    good = ("grade:good", "good", "paragraph")
    assert verdict("The council does not take the contribution of its care leavers for granted.", *good)[0] == \
        "strength"
    assert verdict("Managers check closely that children are not placed out of area inappropriately.", *good)[0] \
        == "strength"
    ri = ("grade:requires improvement", "requires improvement", "paragraph")
    assert verdict("The phrase 'does not cooperate' is used inappropriately in some records.", *ri)[0] == \
        "improvement"


def test_what_inspectors_did_not_find_is_good_news_what_workers_do_not_see_is_not() -> None:
    """Merging h28 and h30: "did not find any detriment" (inspectors) is good news, but the same step over "see"
    or "find" made "Managers do not see the serious risks some children face" a strength. Only the inspectors'
    (or an audit's) not finding a problem says it is absent."""
    from reviewer.core.reading.wording import tone

    assert tone("Inspectors did not find any detriment to children.")[:2] == (1, 0)
    assert tone("We did not see any drift in the plans we read.")[:2] == (1, 0)
    for said in ("Managers do not see the serious risks some children face.",
                 "Social workers do not find the harm that neglect causes."):
        strong, weak = tone(said)[:2]
        assert weak > strong, said
