"""A manager's change to an auditor's finding is the manager's (a manager's journey found the regrade
credited to the auditor, everywhere, with no history): the auditor's version is kept in the finding's
history, the summary and the card say who changed it, and the report the auditor reads when the pack
comes back says by whom."""

from __future__ import annotations

from pathlib import Path

from pack_desks import THORNBURY  # type: ignore[import-not-found]


def test_a_managers_regrade_keeps_the_auditors_version_and_says_who_changed_it(desks, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ann, meg = desks["ann"], desks["meg"]
    lid = ann.add(THORNBURY)
    first = ann.tag(lid, "drift and delay mean", ["timeliness"], "improvement", note="as I read it")
    ann.ws.edit_annotation(first.id, note="as I read it, on reflection")  # the author's own edit: no history
    assert ann.lib.annotations[first.id].history == () and ann.lib.annotations[first.id].changed_by == ""
    ann.ws.export_pack([lid], tmp_path / "ann.zip", "Ann Auditor")
    meg.open_pack(tmp_path / "ann.zip")
    meg.ws.regrade([first.id], "priority", "Priority action")
    mine = meg.lib.annotations[first.id]
    assert mine.severity == "priority" and mine.author == "Ann Auditor" and mine.changed_by == "Meg Manager"
    (kept,) = mine.history
    assert (kept.author, kept.severity, kept.note, kept.by) == ("Ann Auditor", "improvement",
                                                               "as I read it, on reflection", "Meg Manager")
    meg.ws.export_summary([lid], tmp_path / "s.md")
    assert "Ann Auditor, changed by Meg Manager" in (tmp_path / "s.md").read_text(encoding="utf-8")
    meg.ws.export_pack([lid], tmp_path / "back.zip", "Meg Manager")
    report = "\n".join(ann.open_pack(tmp_path / "back.zip").lines())
    assert "Area for improvement → Priority action (by Meg Manager)" in report
    back = ann.lib.annotations[first.id]
    assert back.changed_by == "Meg Manager" and back.history[-1].severity == "improvement"
    ann.ws.edit_annotation(first.id, note="agreed: a priority")  # the author takes it up again: hers once more
    again = ann.lib.annotations[first.id]
    assert again.changed_by == "" and again.history[-1].by == "Ann Auditor" and again.history[-1].author == "Meg Manager"


def test_a_review_cleared_or_a_sign_off_withdrawn_stays_so_when_an_older_pack_comes_in(desks, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An attack found it: the manager challenged a finding and signed the letter off, sent the pack back,
    then cleared the review and withdrew the sign-off; the auditor's next pack (nothing changed) brought
    both back, silently. A clearing is recorded with its time, and an older review or sign-off stays out."""
    ann, meg = desks["ann"], desks["meg"]
    lid = ann.add(THORNBURY)
    first = ann.tag(lid, "drift and delay mean", ["timeliness"], "improvement")
    ann.ws.export_pack([lid], tmp_path / "ann1.zip", "Ann Auditor")
    meg.open_pack(tmp_path / "ann1.zip")
    meg.ws.review([first.id], "challenged", "Why not a priority?", "Meg Manager")
    meg.ws.sign_off([lid], "Meg Manager", "Seen")
    meg.ws.export_pack([lid], tmp_path / "meg1.zip", "Meg Manager")
    ann.open_pack(tmp_path / "meg1.zip")
    meg.ws.review([first.id], None, "", "")
    meg.ws.sign_off([lid], "", withdraw=True)
    ann.ws.export_pack([lid], tmp_path / "ann2.zip", "Ann Auditor")
    report = meg.open_pack(tmp_path / "ann2.zip")
    assert meg.lib.annotations[first.id].review is None and meg.lib.letters[lid].signoff is None
    assert report.reviews == 0 and report.signoffs == 0
    meg.ws.review([first.id], "agreed", "", "Meg Manager")  # a new review after the clearing counts
    assert meg.lib.annotations[first.id].review.status == "agreed"
    meg.undo.undo()  # the new review
    meg.undo.undo()  # the sign-off's withdrawal
    assert meg.lib.annotations[first.id].review is None and meg.lib.letters[lid].signoff is not None
    meg.undo.undo()  # the clearing: the challenge is back, and so is the record that it was cleared gone
    assert meg.lib.annotations[first.id].review.status == "challenged"
    assert "withdrawn:review:" + first.id not in {k for k, v in meg.lib.settings.items() if v}
