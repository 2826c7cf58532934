"""Issue 18, item 1: actions travel in packs and merge like annotations (one id, the newer edit wins, the
older kept in a history); a pack with a damaged action or one on an annotation it lacks is refused."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from pack_desks import THORNBURY, Desk  # type: ignore[import-not-found]
from reviewer.core.annotations import actions
from reviewer.export.pack_read import PackError, read_pack


def _pack(desk: Desk, path: Path) -> Path:
    desk.ws.export_pack(list(desk.lib.letters), path, desk.name)
    return path


def _edit_records(src: Path, dst: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """Copy a pack with its records changed by ``change(dict)``, the manifest re-signed to match."""
    with zipfile.ZipFile(src) as zin:
        members = {i.filename: zin.read(i) for i in zin.infolist()}
    data = json.loads(members["data/pack.json"])
    change(data)
    members["data/pack.json"] = json.dumps(data).encode()
    manifest = json.loads(members["manifest.json"])
    manifest["files"]["data/pack.json"] = hashlib.sha256(members["data/pack.json"]).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, blob in members.items():
            zout.writestr(name, blob)
    return dst


def test_actions_travel_and_merge(tmp_path: Path) -> None:
    ann, meg = Desk(tmp_path / "ann", "Ann Auditor"), Desk(tmp_path / "meg", "Meg Manager")
    try:
        lid = ann.add(THORNBURY)
        a = ann.tag(lid, "Too many plans", ["planning"], "priority")
        act = ann.ws.add_action(a.id, "Review every plan", "Sam Owner", "2026-03-31", "red")
        pack1 = _pack(ann, tmp_path / "one.zip")
        assert [x.id for x in read_pack(pack1).actions] == [act.id]
        report = meg.open_pack(pack1)
        assert report.actions_added == 1 and meg.ws.action(act.id) == act
        assert any("1 new action" in line for line in report.lines())

        # the manager updates it; an older copy from Ann changes nothing
        mine = meg.ws.update_action(act.id, status="amber", progress="Plans sampled")
        report = meg.open_pack(pack1)
        assert report.actions_older == 1 and meg.ws.action(act.id) == mine

        # Ann's newer edit wins; the manager's version is kept in its history, its progress note too
        theirs = ann.ws.update_action(act.id, status="green", due="2026-05-01", progress="All plans reviewed")
        report = meg.open_pack(_pack(ann, tmp_path / "two.zip"))
        got = meg.ws.action(act.id)
        assert got.status == "green" and got.due == "2026-05-01" and got.modified == theirs.modified
        assert {p.text for p in got.progress} == {"Plans sampled", "All plans reviewed"}
        assert mine.modified in {h.modified for h in got.history}
        assert any("status amber -> green" in u for u in report.actions_updated)

        # sent back: Ann takes the merged version (history and notes) and it goes no further
        report = ann.open_pack(_pack(meg, tmp_path / "back.zip"))
        assert {p.text for p in ann.ws.action(act.id).progress} == {"Plans sampled", "All plans reviewed"}
        report = meg.open_pack(_pack(ann, tmp_path / "again.zip"))
        assert report.actions_same == 1 and not report.actions_updated

        # undoing the pack puts the manager's own version back
        meg.undo.undo()
        assert meg.ws.action(act.id) == mine
    finally:
        ann.store.close()
        meg.store.close()


def test_an_older_copy_is_ignored(tmp_path: Path) -> None:
    ann, meg = Desk(tmp_path / "ann", "Ann Auditor"), Desk(tmp_path / "meg", "Meg Manager")
    try:
        lid = ann.add(THORNBURY)
        a = ann.tag(lid, "Too many plans", ["planning"], "priority")
        act = ann.ws.add_action(a.id, "Review every plan", "Sam", "2026-03-31", "red")
        old = _pack(ann, tmp_path / "old.zip")
        newer = ann.ws.update_action(act.id, status="complete")
        meg.open_pack(_pack(ann, tmp_path / "new.zip"))
        report = meg.open_pack(old)
        assert report.actions_older == 1 and meg.ws.action(act.id) == newer
    finally:
        ann.store.close()
        meg.store.close()


@pytest.mark.parametrize("change,words", [
    (lambda d: d["actions"][0].update(due="2026-02-30"), "not a date"),
    (lambda d: d["actions"][0].update(status="purple"), "must be one of"),
    (lambda d: d["actions"][0].update(annotation_id="f" * 32), "which is not in the pack"),
    (lambda d: d["actions"].append(dict(d["actions"][0])), "appears twice"),
    (lambda d: d.update(actions="lots"), "not a list"),
    (lambda d: d["actions"].append(7), "must be an object"),
])
def test_bad_actions_are_refused(tmp_path: Path, change, words: str) -> None:  # type: ignore[no-untyped-def]
    ann, meg = Desk(tmp_path / "ann", "Ann Auditor"), Desk(tmp_path / "meg", "Meg Manager")
    try:
        lid = ann.add(THORNBURY)
        a = ann.tag(lid, "Too many plans", ["planning"], "priority")
        ann.ws.add_action(a.id, "Review every plan", "Sam", "2026-03-31", "red")
        bad = _edit_records(_pack(ann, tmp_path / "good.zip"), tmp_path / "bad.zip", change)
        with pytest.raises(PackError, match=words):
            read_pack(bad)
        with pytest.raises(PackError):
            meg.open_pack(bad)
        assert not meg.lib.annotations and actions.read_all(meg.lib.settings) == {}  # nothing else taken
    finally:
        ann.store.close()
        meg.store.close()


def test_a_pack_without_actions_still_opens(tmp_path: Path) -> None:
    ann, meg = Desk(tmp_path / "ann", "Ann Auditor"), Desk(tmp_path / "meg", "Meg Manager")
    try:
        lid = ann.add(THORNBURY)
        ann.tag(lid, "Too many plans", ["planning"], "priority")
        pack = _edit_records(_pack(ann, tmp_path / "good.zip"), tmp_path / "old.zip", lambda d: d.pop("actions"))
        report = meg.open_pack(pack)
        assert report.added == 1 and meg.ws.actions() == {}
    finally:
        ann.store.close()
        meg.store.close()


def test_a_reworded_action_merges_newest_edit_wins(tmp_path: Path) -> None:
    """A new text or owner travels like a status: the newer edit wins both ways, the older wording kept."""
    ann, meg = Desk(tmp_path / "ann", "Ann Auditor"), Desk(tmp_path / "meg", "Meg Manager")
    try:
        lid = ann.add(THORNBURY)
        a = ann.tag(lid, "Too many plans", ["planning"], "priority")
        act = ann.ws.add_action(a.id, "Review every plan", "Sam Owner", "2026-03-31", "red")
        meg.open_pack(_pack(ann, tmp_path / "one.zip"))
        mine = meg.ws.update_action(act.id, text="Audit a sample of plans", owner="Kim Lead")
        report = meg.open_pack(_pack(ann, tmp_path / "again.zip"))  # Ann's older wording changes nothing
        assert report.actions_older == 1 and meg.ws.action(act.id) == mine
        report = ann.open_pack(_pack(meg, tmp_path / "back.zip"))  # sent back: the manager's wording wins
        got = ann.ws.action(act.id)
        assert (got.text, got.owner) == ("Audit a sample of plans", "Kim Lead")
        assert [(h.text, h.owner) for h in got.history] == [("Review every plan", "Sam Owner")]
        assert any("text or owner changed" in u for u in report.actions_updated)
        theirs = ann.ws.update_action(act.id, owner="Lee Deputy", status="amber")
        meg.open_pack(_pack(ann, tmp_path / "three.zip"))
        got = meg.ws.action(act.id)
        assert (got.text, got.owner, got.status, got.modified) == (
            "Audit a sample of plans", "Lee Deputy", "amber", theirs.modified)
        assert [h.owner for h in got.history] == ["Sam Owner", "Kim Lead"]
    finally:
        ann.store.close()
        meg.store.close()
