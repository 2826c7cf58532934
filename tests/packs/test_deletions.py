"""Issue 18, item 3: deletions travel. An annotation its author deletes is deleted in the manager's copy
when the next pack is opened (kept as a tombstone: who and when), unless the manager reviewed it since,
which is a conflict to settle; undo brings it back; an older copy never resurrects a deletion."""

from __future__ import annotations

import json
from pathlib import Path

from pack_desks import THORNBURY, Desk  # type: ignore[import-not-found]
from reviewer.cli.main import main as cli_main
from reviewer.core.annotations import deletions


def _pack(desk: Desk, path: Path) -> Path:
    desk.ws.export_pack(list(desk.lib.letters), path, desk.name)
    return path


def test_a_deletion_travels_and_undo_brings_it_back(tmp_path: Path) -> None:
    ann, meg = Desk(tmp_path / "ann", "Ann Auditor"), Desk(tmp_path / "meg", "Meg Manager")
    lid = ann.add(THORNBURY)
    kept = ann.tag(lid, "Too many plans", ["planning"], "improvement")
    gone = ann.tag(lid, "drift and delay mean", ["timeliness"], "improvement")
    meg.open_pack(_pack(ann, tmp_path / "first.zip"))
    assert set(meg.lib.annotations) == {kept.id, gone.id}

    assert ann.ws.delete([gone.id]) == 1
    tomb = deletions.read_all(ann.lib.settings)[gone.id]
    assert (tomb.by, tomb.letter_id) == ("Ann Auditor", lid)
    report = meg.open_pack(_pack(ann, tmp_path / "second.zip"))
    assert gone.id not in meg.lib.annotations and kept.id in meg.lib.annotations
    assert any("deleted by their author" in line for line in report.lines())
    assert deletions.read_all(meg.lib.settings)[gone.id].by == "Ann Auditor"  # kept with who and when
    meg.undo.undo()
    assert gone.id in meg.lib.annotations  # undo of opening the pack brings it back


def test_a_reviewed_annotation_is_a_conflict_not_a_deletion(tmp_path: Path) -> None:
    ann, meg = Desk(tmp_path / "ann", "Ann Auditor"), Desk(tmp_path / "meg", "Meg Manager")
    lid = ann.add(THORNBURY)
    a = ann.tag(lid, "drift and delay mean", ["timeliness"], "improvement")
    meg.open_pack(_pack(ann, tmp_path / "first.zip"))
    ann.ws.delete([a.id])
    pack = _pack(ann, tmp_path / "second.zip")
    meg.ws.review([a.id], "agreed", "", "Meg Manager")  # reviewed after Ann deleted it
    report = meg.open_pack(pack)
    assert a.id in meg.lib.annotations
    assert any("reviewed here since" in c for c in report.conflicts)


def test_an_older_copy_does_not_bring_back_what_was_deleted(tmp_path: Path) -> None:
    ann, meg = Desk(tmp_path / "ann", "Ann Auditor"), Desk(tmp_path / "meg", "Meg Manager")
    lid = ann.add(THORNBURY)
    a = ann.tag(lid, "drift and delay mean", ["timeliness"], "improvement")
    old = _pack(ann, tmp_path / "old.zip")
    meg.open_pack(old)
    meg.ws.delete([a.id])  # the manager deletes it
    report = meg.open_pack(old)  # the same old pack opened again
    assert a.id not in meg.lib.annotations and report.deleted_here == 1


def test_delete_on_the_command_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    ann = Desk(tmp_path / "ann", "Ann Auditor")
    lid = ann.add(THORNBURY)
    a = ann.tag(lid, "drift and delay mean", ["timeliness"], "improvement")
    path = ann.store.path
    ann.ws.close()
    assert cli_main(["delete", "--db", str(path), a.id[:8]]) == 0
    assert "deleted" in capsys.readouterr().out
    assert cli_main(["annotations", "--db", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert cli_main(["delete", "--db", str(path), "nothing-like-it"]) == 1


def test_a_deletion_of_the_version_before_a_review_keeps_the_review_whatever_the_clocks(tmp_path: Path) -> None:
    """An attack (stop 48): the manager challenged a finding, then the auditor, who had not seen the challenge,
    deleted it a second later; opening her pack deleted the finding with the challenge and its comment ("deleted
    here too"), the clocks deciding. A deletion says which version it deleted; a review or an edit made here to a
    version it did not know is a conflict, and the finding is kept, even where the deletion's clock is later."""
    ann, meg = Desk(tmp_path / "ann", "Ann Auditor"), Desk(tmp_path / "meg", "Meg Manager")
    lid = ann.add(THORNBURY)
    a = ann.tag(lid, "drift and delay mean", ["timeliness"], "improvement")
    edited = ann.tag(lid, "Too many plans", ["planning"], "improvement")
    meg.open_pack(_pack(ann, tmp_path / "first.zip"))
    meg.ws.review([a.id], "challenged", "The quote does not carry the severity", "Meg Manager")
    meg.ws.edit_annotation(edited.id, note="Seen in supervision too")
    ann.ws.delete([a.id, edited.id])  # later, by every clock, than the manager's review and edit
    tomb = deletions.read_all(ann.lib.settings)[a.id]
    assert tomb.version == (a.modified or a.created) and tomb.reviewed == ""
    report = meg.open_pack(_pack(ann, tmp_path / "second.zip"))
    assert a.id in meg.lib.annotations and meg.lib.annotations[a.id].review.comment.startswith("The quote")
    assert edited.id in meg.lib.annotations and meg.lib.annotations[edited.id].note == "Seen in supervision too"
    assert any("reviewed here since the version they deleted (challenged)" in c for c in report.conflicts)
    assert any("edited here since the version they deleted" in c for c in report.conflicts)
    # a deletion of the version the manager has is a deletion, as before
    plain = ann.tag(lid, "Core groups meet regularly", ["planning"], "strength")
    meg.open_pack(_pack(ann, tmp_path / "third.zip"))
    ann.ws.delete([plain.id])
    meg.open_pack(_pack(ann, tmp_path / "fourth.zip"))
    assert plain.id not in meg.lib.annotations


def test_a_deletion_read_from_an_older_pack_still_travels() -> None:
    """A deletion kept before deletions said their version (no "version" nor "reviewed") reads as before, and a
    damaged version is refused as any damaged time is."""
    import pytest

    from reviewer.core.annotations.model import RecordError, Tombstone

    old = Tombstone.from_dict({"id": "a1", "letter_id": "l1", "by": "Ann", "at": "2026-01-02T03:04:05+00:00"})
    assert (old.version, old.reviewed) == ("", "") and "version" not in old.to_dict()
    new = Tombstone("a1", "l1", "Ann", "2026-01-02T03:04:05+00:00", "2026-01-01T00:00:00+00:00")
    assert Tombstone.from_dict(new.to_dict()) == new
    with pytest.raises(RecordError):
        Tombstone.from_dict({**new.to_dict(), "version": "yesterday"})


def _challenged_then_deleted(tmp_path: Path, comment: str):  # type: ignore[no-untyped-def]
    """Meg challenges Ann's finding from Ann's first pack; Ann, not having seen it, deletes the finding."""
    ann, meg = Desk(tmp_path / "ann", "Ann Auditor"), Desk(tmp_path / "meg", "Meg Manager")
    lid = ann.add(THORNBURY)
    a = ann.tag(lid, "drift and delay mean", ["timeliness"], "improvement")
    meg.open_pack(_pack(ann, tmp_path / "first.zip"))
    meg.ws.review([a.id], "challenged", comment, "Meg Manager")
    ann.ws.delete([a.id])
    return ann, meg, a


def test_a_challenge_of_a_finding_deleted_unseen_reaches_its_auditor(tmp_path: Path) -> None:
    """A manager (stop 48): her challenge of a finding its auditor had deleted unseen was kept on her side, but the
    pack she sent back told the auditor only that it "stays deleted". The finding comes back to its auditor with
    the challenge, said as a conflict; deleted again, knowing the challenge, it goes on both sides."""
    ann, meg, a = _challenged_then_deleted(tmp_path, "Not what the letter says")
    meg.open_pack(_pack(ann, tmp_path / "second.zip"))
    assert a.id in meg.lib.annotations
    report = ann.open_pack(_pack(meg, tmp_path / "back.zip"))
    assert a.id in ann.lib.annotations and ann.lib.annotations[a.id].review.comment == "Not what the letter says"
    assert any("deleted here, but reviewed by Meg Manager since the version deleted (challenged: Not what the letter "
               "says): brought back" in c for c in report.conflicts), report.conflicts
    assert a.id not in deletions.read_all(ann.lib.settings)
    ann.ws.delete([a.id])  # knowing the challenge now
    meg.open_pack(_pack(ann, tmp_path / "third.zip"))
    assert a.id not in meg.lib.annotations


def test_a_conflict_names_the_letter_as_the_auditor_reads_it(tmp_path: Path) -> None:
    """A manager (stop 48): a conflict named its letter by the file ("somerset_2015-03-27 p.1")."""
    ann, meg, a = _challenged_then_deleted(tmp_path, "")
    lid = a.letter_id
    report = meg.open_pack(_pack(ann, tmp_path / "second.zip"))
    (said,) = report.conflicts
    assert said.startswith(f"{meg.lib.display_title(lid)} p.") and meg.lib.display_title(lid) != meg.lib.letters[lid].title
