"""Issue 18: deleting an action travels in packs as an annotation's deletion does. The manager's copy
is deleted unless it was updated there since (then a conflict is reported and it is kept); a deletion of
an action never seen is said and harmless; deleting a finding takes its actions with it, everywhere."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pack_desks import THORNBURY, Desk  # type: ignore[import-not-found]
from reviewer.core.annotations.actions import read_gone
from reviewer.export.pack_read import PackError, read_pack
from test_actions_travel import _edit_records  # type: ignore[import-not-found]


def _pack(desk: Desk, path: Path) -> Path:
    desk.ws.export_pack(list(desk.lib.letters), path, desk.name)
    return path


@pytest.fixture
def desks(tmp_path: Path):  # type: ignore[no-untyped-def]
    ann, meg = Desk(tmp_path / "ann", "Ann Auditor"), Desk(tmp_path / "meg", "Meg Manager")
    yield ann, meg
    ann.store.close()
    meg.store.close()


def test_a_deleted_action_is_deleted_in_the_managers_copy(desks, tmp_path: Path) -> None:
    ann, meg = desks
    lid = ann.add(THORNBURY)
    a = ann.tag(lid, "Too many plans", ["planning"], "priority")
    keep = ann.ws.add_action(a.id, "Train managers", "Kim", "2026-06-30", "green")
    go = ann.ws.add_action(a.id, "Review every plan", "Sam", "2026-03-31", "red")
    meg.open_pack(_pack(ann, tmp_path / "one.zip"))
    assert set(meg.ws.actions()) == {keep.id, go.id}
    time.sleep(0.01)
    ann.ws.delete_action(go.id)
    pack = _pack(ann, tmp_path / "two.zip")
    (t,) = read_pack(pack).deleted_actions
    assert (t.id, t.by, t.annotation_id, t.letter_id) == (go.id, "Ann Auditor", a.id, lid)
    report = meg.open_pack(pack)
    assert set(meg.ws.actions()) == {keep.id}
    assert read_gone(meg.lib.settings)[go.id].by == "Ann Auditor"  # remembered here too, who and when
    assert len(report.actions_deleted) == 1 and "Review every plan" in report.actions_deleted[0]
    assert any("1 action deleted by their author" in line for line in report.lines())
    # the older pack brings nothing back
    report = meg.open_pack(tmp_path / "one.zip")
    assert set(meg.ws.actions()) == {keep.id} and report.actions_deleted_here == 1
    meg.undo.undo()  # undoing the pack puts the action back (the older pack changed nothing: no step)
    assert set(meg.ws.actions()) == {keep.id, go.id}


def test_an_action_updated_here_since_is_kept_as_a_conflict(desks, tmp_path: Path) -> None:
    ann, meg = desks
    lid = ann.add(THORNBURY)
    a = ann.tag(lid, "Too many plans", ["planning"], "priority")
    act = ann.ws.add_action(a.id, "Review every plan", "Sam", "2026-03-31", "red")
    meg.open_pack(_pack(ann, tmp_path / "one.zip"))
    ann.ws.delete_action(act.id)
    time.sleep(0.01)
    mine = meg.ws.update_action(act.id, status="amber", progress="Half the plans reviewed")
    report = meg.open_pack(_pack(ann, tmp_path / "two.zip"))
    assert meg.ws.action(act.id) == mine and not report.actions_deleted
    assert any("deleted by Ann Auditor" in c and "updated here since: kept" in c for c in report.conflicts)


def test_a_deletion_of_an_action_never_seen_is_harmless(desks, tmp_path: Path) -> None:
    ann, meg = desks
    lid = ann.add(THORNBURY)
    a = ann.tag(lid, "Too many plans", ["planning"], "priority")
    mine_ann = meg.add(THORNBURY)
    b = meg.tag(mine_ann, "reduced caseloads", ["workforce"], "strength")
    ours = meg.ws.add_action(b.id, "Keep caseloads down", "Kim", "2026-09-30", "green")
    never = ann.ws.add_action(a.id, "A second thought", "Sam", "2026-03-31", "red")
    ann.ws.delete_action(never.id)
    report = meg.open_pack(_pack(ann, tmp_path / "one.zip"))
    assert report.action_deletions_unknown == 1
    assert any("1 deletion of actions never seen here: nothing to do" in line for line in report.lines())
    assert set(meg.ws.actions()) == {ours.id} and a.id in meg.lib.annotations and b.id in meg.lib.annotations
    assert never.id not in read_gone(meg.lib.settings)


def test_deleting_a_finding_takes_its_actions_in_the_managers_copy(desks, tmp_path: Path) -> None:
    ann, meg = desks
    lid = ann.add(THORNBURY)
    a = ann.tag(lid, "Too many plans", ["planning"], "priority")
    b = ann.tag(lid, "reduced caseloads", ["workforce"], "improvement")
    act = ann.ws.add_action(a.id, "Review every plan", "Sam", "2026-03-31", "red")
    other = ann.ws.add_action(b.id, "Keep caseloads down", "Kim", "2026-09-30", "green")
    meg.open_pack(_pack(ann, tmp_path / "one.zip"))
    time.sleep(0.01)
    ann.ws.delete([a.id])
    assert set(ann.ws.actions()) == {other.id}
    pack = _pack(ann, tmp_path / "two.zip")
    contents = read_pack(pack)
    assert [t.id for t in contents.deleted] == [a.id] and [t.id for t in contents.deleted_actions] == [act.id]
    report = meg.open_pack(pack)
    assert a.id not in meg.lib.annotations and set(meg.ws.actions()) == {other.id}
    assert not report.conflicts and len(report.deleted) == 1
    assert all(x.annotation_id in meg.lib.annotations for x in meg.ws.actions().values()), "an orphan action"


def test_a_finding_whose_action_was_updated_here_is_kept(desks, tmp_path: Path) -> None:
    ann, meg = desks
    lid = ann.add(THORNBURY)
    a = ann.tag(lid, "Too many plans", ["planning"], "priority")
    act = ann.ws.add_action(a.id, "Review every plan", "Sam", "2026-03-31", "red")
    meg.open_pack(_pack(ann, tmp_path / "one.zip"))
    ann.ws.delete([a.id])
    time.sleep(0.01)
    meg.ws.update_action(act.id, progress="Started")
    report = meg.open_pack(_pack(ann, tmp_path / "two.zip"))
    assert a.id in meg.lib.annotations and act.id in meg.ws.actions()
    assert any("an action answering it was updated here since: kept" in c for c in report.conflicts)


def test_a_pack_both_carrying_and_deleting_an_action_is_refused(desks, tmp_path: Path) -> None:
    ann, _meg = desks
    lid = ann.add(THORNBURY)
    a = ann.tag(lid, "Too many plans", ["planning"], "priority")
    act = ann.ws.add_action(a.id, "Review every plan", "Sam", "2026-03-31", "red")
    pack = _pack(ann, tmp_path / "one.zip")
    gone = {"id": act.id, "annotation_id": a.id, "letter_id": lid, "by": "X", "at": "2026-01-01T00:00:00+00:00"}

    def both(data: dict) -> None:
        data["deleted_actions"] = [gone]

    with pytest.raises(PackError, match="both in the pack and deleted by it"):
        read_pack(_edit_records(pack, tmp_path / "both.zip", both))

    def damaged(data: dict) -> None:
        data["deleted_actions"] = [{"id": "x" * 20, "annotation_id": a.id, "letter_id": lid, "at": "yesterday"}]

    with pytest.raises(PackError, match="deleted action number 1 is damaged"):
        read_pack(_edit_records(pack, tmp_path / "damaged.zip", damaged))

    def elsewhere(data: dict) -> None:
        data["deleted_actions"] = [dict(gone, id="y" * 20, letter_id="0" * 64)]

    with pytest.raises(PackError, match="belongs to no letter in the pack"):
        read_pack(_edit_records(pack, tmp_path / "elsewhere.zip", elsewhere))
