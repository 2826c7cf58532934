import dataclasses

from reviewer.core.annotations.codebook import LookupFailed, default_themes, find_theme, severity
from reviewer.core.annotations.commands import AddAnnotation, DeleteAnnotations, EditAnnotation, PutTheme, UndoStack, edited
from reviewer.core.annotations.library import Library
from reviewer.core.annotations.tagging import new_annotation

import pytest

TEXT = "One sentence here. Another sentence there."


def _lib():
    lib = Library()
    lib.load([], [], default_themes())
    return lib


def test_add_edit_delete_undo_redo():
    lib = _lib()
    stack = UndoStack(lib)
    a = new_annotation(TEXT, [0], "L", 0, 18, ["planning"], "improvement", "n", "me")
    stack.push(AddAnnotation(a))
    b = edited(a, severity="priority")
    stack.push(EditAnnotation(a, b))
    assert lib.annotations[a.id].severity == "priority"
    stack.push(DeleteAnnotations([b]))
    assert not lib.annotations
    stack.undo()
    assert lib.annotations[a.id].severity == "priority"
    stack.undo()
    assert lib.annotations[a.id].severity == "improvement"
    stack.redo()
    assert lib.annotations[a.id].severity == "priority"
    assert stack.undo_label() == "Edit annotation"


def test_retiring_a_theme_keeps_annotations():
    lib = _lib()
    stack = UndoStack(lib)
    a = new_annotation(TEXT, [0], "L", 0, 18, ["neglect"], "context")
    stack.push(AddAnnotation(a))
    t = lib.themes["neglect"]
    stack.push(PutTheme(t, dataclasses.replace(t, retired=True)))
    assert lib.annotations[a.id].themes == ("neglect",)
    assert lib.theme_label("neglect") == "Neglect"
    with pytest.raises(LookupFailed):
        find_theme(lib.themes.values(), "neglect", include_retired=False)
    stack.undo()
    assert not lib.themes["neglect"].retired


def test_lookups():
    themes = default_themes()
    assert find_theme(themes, "care leavers").id == "care-leavers"
    assert find_theme(themes, "Timeliness").id == "timeliness"
    with pytest.raises(LookupFailed, match="ambiguous"):
        find_theme(themes, "p")
    assert severity("Area for improvement").id == "improvement"
    assert severity("priority").id == "priority"
    with pytest.raises(LookupFailed):
        severity("urgent")
    assert len({t.colour for t in themes}) == len(themes)


def test_a_step_says_what_was_done():
    """Issue 16, item 10: the status bar said "Redone: Tag passage" for an accepted suggestion. Each
    command's label names the step; its past tense says what was done, for the status bar."""
    from reviewer.core.annotations.commands import Batch, past_tense

    for label, done in (("Accept suggestion", "Accepted suggestion"), ("Accept 4 suggestions", "Accepted 4 suggestions"),
                        ("Tag passage", "Tagged passage"), ("Dismiss suggestion", "Dismissed suggestion"),
                        ("Restore dismissed suggestions", "Restored dismissed suggestions"),
                        ("Sign off 2 letters", "Signed off 2 letters"), ("Withdraw sign-off of letter",
                                                                          "Withdrew sign-off of letter"),
                        ("Mark agreed", "Marked agreed"), ("Set 3 annotations to Strength", "Set 3 annotations to Strength"),
                        ("Open audit pack", "Opened audit pack"), ("Recolour “Risk”", "Recoloured “Risk”")):
        assert past_tense(label) == done
    assert Batch([], "Accept suggestion").done == "Accepted suggestion"


def test_the_passages_a_step_acts_on_in_the_letter_on_screen():
    """Where an undo or a redo is seen: the passages of the letter on screen whose annotations the step adds,
    edits or deletes, in reading order, one batch's of several letters only this letter's."""
    from reviewer.core.annotations.commands import Batch, PutSetting, passages_of

    a = new_annotation(TEXT, [0], "L", 19, 42, ["planning"], "improvement", "n", "me")
    b = new_annotation(TEXT, [0], "L", 0, 18, ["planning"], "strength", "", "me")
    elsewhere = new_annotation(TEXT, [0], "M", 0, 18, ["planning"], "strength", "", "me")
    assert passages_of(AddAnnotation(a), "L") == [(19, 42)]
    assert passages_of(EditAnnotation(a, edited(a, severity="priority")), "L") == [(19, 42)]
    assert passages_of(Batch([AddAnnotation(a), DeleteAnnotations([b, elsewhere])], "Accept"), "L") == [(0, 18), (19, 42)]
    assert passages_of(AddAnnotation(elsewhere), "L") == []
    assert passages_of(AddAnnotation(dataclasses.replace(a, orphaned=True)), "L") == []
    assert passages_of(PutSetting("dismissed:L", "[]", "[\"x\"]", "Dismiss suggestion", "L"), "L") == []
