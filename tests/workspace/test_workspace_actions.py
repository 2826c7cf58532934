"""The action plan in the workspace: add and update are one undo step each; bad input is typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.store.repository import LibraryStore
from reviewer.workspace import USER_ERRORS, ActionError, NotFound, Workspace


def _ann(ws: Workspace, samples: Path):
    ws.set_auditor(ws.auditor or "Ann Auditor")
    letter, _new, _notes = ws.add_file(samples / "thornbury_vale_2025_focused_visit.pdf")
    return letter, ws.tag_quote(letter, "Too many plans", ["planning"], "priority action")


def test_add_update_undo(ws: Workspace, samples: Path) -> None:
    ws.set_auditor("Mo Manager")
    letter, ann = _ann(ws, samples)
    a = ws.add_action(ann.id[:8], "Review every plan", "Sam Owner", "2026-03-31", "red")
    assert a.annotation_id == ann.id and a.by == "Mo Manager" and a.status == "red"
    assert [x.id for x in ws.actions_for([letter.id])] == [a.id]
    b = ws.update_action(a.id[:6], status="amber", progress="Half the plans reviewed")
    assert b.status == "amber" and b.progress[0].text == "Half the plans reviewed" and b.progress[0].by == "Mo Manager"
    c = ws.update_action(a.id, due="2026-04-30")
    assert c.due == "2026-04-30" and c.status == "amber" and len(c.progress) == 1
    ws.undo_last()
    assert ws.action(a.id) == b
    ws.undo_last()
    assert ws.action(a.id) == a
    ws.undo_last()
    assert ws.actions() == {}


def test_bad_input_is_typed(ws: Workspace, samples: Path) -> None:
    _letter, ann = _ann(ws, samples)
    with pytest.raises(NotFound):
        ws.add_action("nope-nope", "x", "Sam", "2026-01-01", "red")
    with pytest.raises(ActionError, match="not a date"):
        ws.add_action(ann.id, "x", "Sam", "2026-02-30", "red")
    with pytest.raises(ActionError, match="must be one of"):
        ws.add_action(ann.id, "x", "Sam", "2026-02-03", "purple")
    with pytest.raises(ActionError, match="needs a text"):
        ws.add_action(ann.id, "  ", "Sam", "2026-02-03", "red")
    a = ws.add_action(ann.id, "x", "Sam", "2026-02-03", "green")
    with pytest.raises(NotFound):
        ws.update_action("zzzzzz", status="red")
    with pytest.raises(ActionError):
        ws.update_action(a.id, due="tomorrow")
    with pytest.raises(ActionError):
        ws.update_action(a.id, status="blue")
    assert ws.action(a.id) == a
    assert issubclass(ActionError, USER_ERRORS)


def test_actions_are_kept_on_disk(tmp_path: Path, samples: Path) -> None:
    w = Workspace(LibraryStore(tmp_path / "lib.json"))
    _letter, ann = _ann(w, samples)
    a = w.add_action(ann.id, "Review every plan", "Sam", "2026-03-31", "red")
    w.flush()
    w.close()
    w2 = Workspace(LibraryStore(tmp_path / "lib.json"))
    try:
        assert w2.action(a.id) == a
    finally:
        w2.close()


def test_delete_action_leaves_a_tombstone_and_undoes(ws: Workspace, samples: Path) -> None:
    from reviewer.core.annotations.actions import read_gone

    ws.set_auditor("Mo Manager")
    letter, ann = _ann(ws, samples)
    a = ws.add_action(ann.id, "Review every plan", "Sam Owner", "2026-03-31", "red")
    ws.set_auditor("Di Deleter")
    gone = ws.delete_action(a.id[:8])
    assert gone == a and ws.actions() == {} and ws.actions_for([letter.id]) == []
    t = read_gone(ws.library.settings)[a.id]
    assert (t.by, t.annotation_id, t.letter_id) == ("Di Deleter", ann.id, letter.id) and t.at
    assert ws.undo.undo_label() == "Delete action"
    ws.undo_last()
    assert ws.action(a.id) == a and a.id not in read_gone(ws.library.settings)
    with pytest.raises(NotFound):
        ws.delete_action("zzzzzz")


def test_deleting_a_finding_deletes_its_actions_in_the_same_step(ws: Workspace, samples: Path) -> None:
    from reviewer.core.annotations.actions import read_gone

    letter, ann = _ann(ws, samples)
    other = ws.tag_quote(letter, "reduced caseloads", ["workforce"], "area for improvement")
    a = ws.add_action(ann.id, "Review every plan", "Sam", "2026-03-31", "red")
    b = ws.add_action(ann.id, "Audit ten plans", "Sam", "2026-04-30", "amber")
    c = ws.add_action(other.id, "Train leaders", "Kim", "2026-05-31", "green")
    assert ws.delete([ann.id]) == 1
    assert set(ws.actions()) == {c.id}, "an action was left without its finding"
    assert {a.id, b.id} <= set(read_gone(ws.library.settings))
    ws.undo_last()  # one step brings back the finding and both its actions
    assert ann.id in ws.library.annotations and set(ws.actions()) == {a.id, b.id, c.id}
    assert not read_gone(ws.library.settings)


def test_deletions_of_actions_survive_a_reopen(tmp_path: Path, samples: Path) -> None:
    from reviewer.core.annotations.actions import read_gone

    ws = Workspace(LibraryStore(tmp_path / "lib.json"))
    _letter, ann = _ann(ws, samples)
    a = ws.add_action(ann.id, "Review every plan", "Sam", "2026-03-31", "red")
    ws.delete_action(a.id)
    ws.close()
    again = Workspace(LibraryStore(tmp_path / "lib.json"))
    assert again.actions() == {} and a.id in read_gone(again.library.settings)
    again.close()


def test_edit_text_and_owner_is_one_step_and_keeps_the_old_wording(ws: Workspace, samples: Path) -> None:
    ws.set_auditor("Mo Manager")
    _letter, ann = _ann(ws, samples)
    a = ws.add_action(ann.id, "Review every plan", "Sam Owner", "2026-03-31", "red")
    b = ws.update_action(a.id[:8], text="  Review every plan with the IRO  ", owner="Kim Lead", status="amber",
                         progress="Agreed at the meeting")
    assert (b.text, b.owner, b.status, b.due) == ("Review every plan with the IRO", "Kim Lead", "amber", "2026-03-31")
    assert [p.text for p in b.progress] == ["Agreed at the meeting"] and b.by == "Mo Manager"
    assert [(h.text, h.owner, h.status) for h in b.history] == [("Review every plan", "Sam Owner", "red")]
    assert ws.undo.undo_label() == "Update action"
    ws.undo_last()  # one step takes all of it back
    assert ws.action(a.id) == a
    ws.redo_last()
    assert ws.action(a.id) == b
    # a status change alone keeps no version; a second rewording keeps both earlier ones
    c = ws.update_action(a.id, status="green")
    assert c.history == b.history
    d = ws.update_action(a.id, owner="Lee")
    assert [h.owner for h in d.history] == ["Sam Owner", "Kim Lead"]


def test_edit_checks_and_nothing_new_is_no_step(ws: Workspace, samples: Path) -> None:
    _letter, ann = _ann(ws, samples)
    a = ws.add_action(ann.id, "Review every plan", "Sam", "2026-03-31", "red")
    with pytest.raises(ActionError, match="needs a text"):
        ws.update_action(a.id, text="   ")
    with pytest.raises(ActionError):
        ws.update_action(a.id, owner="x" * 200_000)  # could not be read back: refused now, not lost later
    label = ws.undo.undo_label()
    same = ws.update_action(a.id, text="Review every plan ", owner="Sam", status="red", due="2026-03-31")
    assert same == a and ws.undo.undo_label() == label, "an update that changes nothing made a step"
    assert ws.update_action(a.id, owner="").owner == ""  # an owner may be cleared
