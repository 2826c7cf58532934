"""A report's own list of reasons for a grade short of good: every item a weakness."""

from __future__ import annotations

from reviewer.core.annotations.codebook import default_themes
from reviewer.core.reading.suggest import suggest

REPORT = """## Children's services in Eastmarsh require improvement

## Summary of findings

## Children's services in Eastmarsh require improvement because:

## Help and protection

- Families helped under child in need plans are moved on to universal services before their difficulties have eased.
- Managers do not check the work of their teams often enough.

## Children looked after and care leavers

- Few carers are available for teenagers, unlike younger children, most of whom find good homes quickly.

## What does the local authority need to improve?

## Areas for improvement

- Review how cases are closed so that help ends only once needs are met.

## The local authority's strengths

- The director is a determined leader who knows the service well.
"""


def _found(text: str) -> dict[str, object]:
    return {x.quote: x for x in suggest(text, default_themes(), [])}


def test_each_reason_for_a_grade_short_of_good_is_a_weakness() -> None:
    """A new user's 2015 report (h25): the first reason its summary gave for requiring improvement, with no word
    of weakness in it, was suggested as a strength ("in a 'requires improvement' report"), and another was left
    to the review model at 24%. Under "... require improvement because:", and the judgement-named sub-headings
    that divide the list, each item is a weakness at least as sure as the rules' plainest; a word of praise an
    item sets beside its weakness stays what it is, and the strengths the report lists after stay strengths."""
    found = _found(REPORT)
    moved_on = next(x for q, x in found.items() if q.startswith("Families helped"))
    assert moved_on.severity == "improvement", moved_on
    assert "one of the reasons the report gives for its grade" in moved_on.why
    oversee = next(x for q, x in found.items() if q.startswith("Managers do not check"))
    assert oversee.severity == "improvement" and oversee.score >= 0.5, oversee
    assert next(x for q, x in found.items() if q.startswith("The director")).severity == "strength"


def test_a_list_of_reasons_ends_at_a_heading_that_names_no_judgement() -> None:
    """The sub-headings carried on are those naming a judgement; a section of another kind ends the list."""
    text = REPORT.replace("## Children looked after and care leavers\n",
                          "## Children looked after and care leavers\n\n## Information about this area\n\n"
                          "Eastmarsh has a population of children that is growing slowly.\n")
    found = _found(text)
    assert not any(q.startswith("Eastmarsh has a population") and x.severity == "improvement"
                   for q, x in found.items())
