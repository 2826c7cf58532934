from reviewer.core.annotations.anchor import make_anchor, reanchor
from reviewer.core.annotations.tagging import QuoteError, locate_quote, new_annotation, reanchor_all

import pytest

TEXT = "Intro paragraph.\nPlans are not consistently outcome-focused. Later text follows here."


def test_anchor_keeps_quote_and_context():
    s = TEXT.index("Plans")
    a = make_anchor(TEXT, s, s + 5)
    assert a.quote == "Plans" and a.prefix.endswith("paragraph.\n") and a.suffix.startswith(" are not")


def test_reanchor_after_text_shifts():
    s = TEXT.index("not consistently")
    a = make_anchor(TEXT, s, s + len("not consistently"))
    shifted = "New heading inserted by a newer extractor\n\n" + TEXT
    b = reanchor(shifted, a)
    assert b is not None and shifted[b.start : b.end] == "not consistently"


def test_reanchor_prefers_matching_context():
    text = "Strong practice. Plans drift. Weak practice. Plans drift. End."
    second = text.index("Plans drift", 20)
    a = make_anchor(text, second, second + len("Plans drift"))
    moved = "xx " + text.replace("Strong practice.", "Strong practice indeed.")
    b = reanchor(moved, a)
    assert b is not None and moved[b.start - len("Weak practice. ") : b.start] == "Weak practice. "


def test_unplaceable_annotation_is_kept_as_needing_attention():
    s = TEXT.index("Plans")
    ann = new_annotation(TEXT, [0], "L", s, s + 5, ["planning"], "improvement")
    changed = reanchor_all("Entirely different text now.", [0], [ann])
    assert len(changed) == 1 and changed[0].orphaned and changed[0].quote == "Plans"


def test_locate_quote_rules():
    assert locate_quote(TEXT, "outcome-\nfocused") == (TEXT.index("outcome"), TEXT.index("focused") + 7)
    with pytest.raises(QuoteError, match="not found"):
        locate_quote(TEXT, "nowhere in the letter")
    with pytest.raises(QuoteError, match="2 times"):
        locate_quote("plan a. plan b.", "plan")
