"""Opening packs on another machine: verification, refusal of bad packs, merging, and the review round trip."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest

from reviewer.core.annotations.commands import EditAnnotation, edited
from reviewer.core.annotations.review import review_command, signoff_command
from reviewer.export.pack import export_pack
from reviewer.export.pack_read import PackError, read_pack

from pack_desks import EASTMERE, THORNBURY, Desk  # type: ignore[import-not-found]


def _export(desk: Desk, path: Path) -> Path:
    return export_pack(desk.ws, list(desk.lib.letters), path, desk.name)


def _rewrite(src: Path, dst: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """Copy a pack member by member, letting ``change(name, data)`` alter, drop (None) or keep each."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info.filename, data)
    return dst


def _state(desk: Desk) -> tuple[int, int, int]:
    return len(desk.lib.letters), len(desk.lib.annotations), len(desk.lib.themes)


def test_pack_opens_in_a_fresh_library_elsewhere(ann_with_work, desks, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = _export(ann_with_work, tmp_path / "ann.zip")
    meg = desks["meg"]
    report = meg.open_pack(pack)
    assert len(report.letters_added) == 2 and report.added == 3
    assert set(meg.lib.letters) == set(ann_with_work.lib.letters)
    for aid, a in ann_with_work.lib.annotations.items():
        b = meg.lib.annotations[aid]
        assert (b.start, b.end, b.quote, b.themes, b.severity, b.note, b.author) == \
               (a.start, a.end, a.quote, a.themes, a.severity, a.note, a.author)
        text = meg.ws.text_of(b.letter_id)
        assert text is not None and text[b.start:b.end] == b.quote
    for letter in meg.lib.letters.values():
        assert meg.store.letter_file(letter).exists()
    meg.store.close()
    # the manager's library, reopened from disk, has them too
    from reviewer.store.repository import LibraryStore

    reopened = LibraryStore(meg.store.path)
    try:
        assert len(reopened.library.annotations) == 3 and len(reopened.library.letters) == 2
        assert reopened.saved_text(next(iter(reopened.library.letters)))
    finally:
        reopened.close()


BAD = {
    "tampered member": lambda n, d: d.replace(b"Ann Auditor", b"Eve Forger") if n == "data/pack.json" else d,
    "missing member": lambda n, d: None if n == "annotations.xlsx" else d,
    "unknown version": lambda n, d: d.replace(b'"format_version": 2', b'"format_version": 7') if n == "manifest.json" else d,
    "no manifest": lambda n, d: None if n == "manifest.json" else d,
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_altered_packs_are_refused_and_nothing_is_imported(case, ann_with_work, desks, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = _export(ann_with_work, tmp_path / "good.zip")
    bad = _rewrite(good, tmp_path / "bad.zip", BAD[case])
    meg = desks["meg"]
    before = _state(meg)
    with pytest.raises(PackError) as err:
        meg.open_pack(bad)
    assert _state(meg) == before
    words = {"tampered member": "changed", "missing member": "missing", "unknown version": "version",
             "no manifest": "manifest"}[case]
    assert words in str(err.value)


def test_unlisted_escaping_truncated_and_inflating_packs(ann_with_work, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = _export(ann_with_work, tmp_path / "good.zip")
    with zipfile.ZipFile(good, "a") as z:
        z.writestr("extra.txt", b"hello")
    with pytest.raises(PackError, match="not listed"):
        read_pack(good)

    good = _export(ann_with_work, tmp_path / "good2.zip")
    escaping = tmp_path / "escape.zip"
    _rewrite(good, escaping, lambda n, d: d)
    with zipfile.ZipFile(escaping, "a") as z:
        z.writestr("../../outside.txt", b"x")
    with pytest.raises(PackError, match="escape"):
        read_pack(escaping)
    for name in ("/etc/passwd", "C:/Windows/evil.dll", "letters\\..\\..\\x.pdf"):
        p = tmp_path / "esc2.zip"
        with zipfile.ZipFile(p, "w") as z:
            z.writestr(zipfile.ZipInfo(name), b"x")
        with pytest.raises(PackError, match="escape"):
            read_pack(p)

    raw = good.read_bytes()
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(PackError, match="damaged|truncated"):
        read_pack(truncated)

    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", b"{}")
        z.writestr("data/pack.json", b"\0" * (30 * 1024 * 1024))
    with pytest.raises(PackError, match="inflate|bomb"):
        read_pack(bomb)

    not_zip = tmp_path / "notes.zip"
    not_zip.write_bytes(b"these are not the packs you are looking for")
    with pytest.raises(PackError, match="is not an audit pack: it is not a zip file at all") as said:
        read_pack(not_zip)
    # in plain words, with what to do: never the zip library's "File is not a zip file" (a manager read it, stop 47);
    # a file of another kind named .zip is not told to be sent again, as a pack cut short is (a manager, stop 48)
    assert "zip file:" not in str(said.value) and "sent again" not in str(said.value)
    cut = tmp_path / "cut.zip"
    cut.write_bytes(b"PK\x03\x04" + b"\0" * 40)
    with pytest.raises(PackError, match="not a readable audit pack: it is damaged or cut short") as said:
        read_pack(cut)
    assert "sent again" in str(said.value)


def test_two_auditors_merge_without_duplicates(ann_with_work, desks, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bob = desks["bob"]
    t = bob.add(THORNBURY)
    bob.add(EASTMERE)
    bob.tag(t, "drift and delay mean", ["timeliness"], "priority", "Children left in drift")
    renamed = dataclasses.replace(bob.lib.themes["neglect"], label="Neglect (incl. chronic)")
    bob.lib.put_theme(renamed)
    a_pack, b_pack = _export(ann_with_work, tmp_path / "ann.zip"), _export(bob, tmp_path / "bob.zip")
    meg = desks["meg"]
    meg.open_pack(a_pack)
    report = meg.open_pack(b_pack)
    assert report.letters_added == [] and report.letters_known == 2  # the same letter is one letter
    assert report.added == 1
    assert any("neglect" in d and "Neglect (incl. chronic)" in d for d in report.theme_differences)
    assert len(meg.lib.letters) == 2 and len(meg.lib.annotations) == 4
    on_drift = [a for a in meg.lib.annotations.values() if a.quote == "drift and delay mean"]
    assert {a.author for a in on_drift} == {"Ann Auditor", "Bob Auditor"}  # side by side, with names
    # opening both again changes nothing
    again_a, again_b = meg.open_pack(a_pack), meg.open_pack(b_pack)
    assert again_a.duplicates == 3 and again_b.duplicates == 1 and not again_a.changed and not again_b.changed
    assert len(meg.lib.annotations) == 4


def test_newer_edit_replaces_older_and_shows_what_changed(ann_with_work, desks, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ann, meg = ann_with_work, desks["meg"]
    first = _export(ann, tmp_path / "v1.zip")
    meg.open_pack(first)
    target = next(a for a in ann.lib.annotations.values() if a.severity == "improvement" and "Plans drift" in a.note)
    ann.undo.push(EditAnnotation(target, edited(target, severity="priority", note="Escalate: drift")))
    second = _export(ann, tmp_path / "v2.zip")
    report = meg.open_pack(second)
    assert len(report.updated) == 1
    assert "Area for improvement → Priority action" in report.updated[0]
    now = meg.lib.annotations[target.id]
    assert now.severity == "priority" and now.note == "Escalate: drift"
    assert len(now.history) == 1 and now.history[0].severity == "improvement"
    assert len(meg.lib.annotations) == 3
    # the older pack arriving late does not undo the newer edit
    late = meg.open_pack(first)
    assert late.older_ignored == 1 and meg.lib.annotations[target.id].severity == "priority"


def test_a_regrade_made_from_the_auditors_version_wins_whatever_the_clocks_say(ann_with_work, desks, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Found by a deliberate attack: an auditor's laptop clock an hour fast, the manager's regrade (made ten
    minutes later, on a right clock) came back "older" and was silently dropped; and the auditor's first pack
    arriving late at the manager's overwrote the regrade. A version made from another (the other is in its
    history) is the newer one, whatever its time."""
    from datetime import datetime, timedelta

    ann, meg = ann_with_work, desks["meg"]
    target = next(a for a in ann.lib.annotations.values() if a.severity == "improvement")
    ahead = (datetime.fromisoformat(target.modified or target.created) + timedelta(hours=1)).isoformat(timespec="milliseconds")
    ann.undo.push(EditAnnotation(target, dataclasses.replace(target, created=ahead, modified=ahead)))
    first = _export(ann, tmp_path / "to-manager.zip")
    meg.open_pack(first)
    mine = meg.lib.annotations[target.id]
    meg.undo.push(EditAnnotation(mine, edited(mine, by="Meg Manager", severity="priority", note="Escalate")))
    assert meg.lib.annotations[target.id].modified < ahead  # the manager's edit is "earlier" by the clocks
    report = ann.open_pack(export_pack(meg.ws, list(meg.lib.letters), tmp_path / "back.zip", "Meg Manager"))
    assert len(report.updated) == 1 and report.older_ignored == 0
    assert ann.lib.annotations[target.id].severity == "priority" and ann.lib.annotations[target.id].note == "Escalate"
    late = meg.open_pack(first)  # the auditor's first pack again, arriving late
    assert late.older_ignored == 1 and meg.lib.annotations[target.id].severity == "priority"


def test_review_round_trip_manager_and_auditor(ann_with_work, desks, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ann, meg = ann_with_work, desks["meg"]
    meg.open_pack(_export(ann, tmp_path / "to-manager.zip"))
    ids = sorted(meg.lib.annotations)
    meg.undo.push(review_command(meg.lib, ids[:1], "challenged", "Evidence is thin", "Meg Manager"))
    meg.undo.push(review_command(meg.lib, ids[1:], "agreed", "", "Meg Manager"))
    meg.undo.push(signoff_command(meg.lib, list(meg.lib.letters), "Meg Manager", "Pack reviewed"))
    back = export_pack(meg.ws, list(meg.lib.letters), tmp_path / "to-auditor.zip", "Meg Manager")
    report = ann.open_pack(back)
    assert report.reviews == 3 and report.signoffs == 2 and report.added == 0
    mine = ann.lib.annotations[ids[0]]
    assert mine.review is not None and mine.review.status == "challenged"
    assert mine.review.comment == "Evidence is thin" and mine.review.reviewer == "Meg Manager"
    assert mine.author == "Ann Auditor"  # the auditor's own annotation, with the manager's comment on it
    assert all(x.signoff and x.signoff.name == "Meg Manager" for x in ann.lib.letters.values())
    # the auditor then resolves the challenge; the manager sees it on the next pack
    ann.undo.push(review_command(ann.lib, ids[:1], "resolved", "Added evidence from p.2", "Ann Auditor"))
    meg.open_pack(export_pack(ann.ws, list(ann.lib.letters), tmp_path / "again.zip", "Ann Auditor"))
    assert meg.lib.annotations[ids[0]].review.status == "resolved"  # type: ignore[union-attr]


def test_undo_of_opening_a_pack(ann_with_work, desks, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    meg = desks["meg"]
    before = _state(meg)
    meg.open_pack(_export(ann_with_work, tmp_path / "ann.zip"))
    assert _state(meg) != before
    meg.undo.undo()
    assert _state(meg) == before
