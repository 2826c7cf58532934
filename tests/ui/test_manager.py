"""The manager's screens with pytest-qt: packs in and out of the window, review, sign-off, overview."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QInputDialog, QMessageBox  # noqa: E402

from reviewer.core.annotations.commands import AddAnnotation, UndoStack  # noqa: E402
from reviewer.workspace import Workspace  # noqa: E402
from reviewer.letters.importing import prepare_path  # noqa: E402
from reviewer.core.annotations.tagging import locate_quote, new_annotation  # noqa: E402
from reviewer.export.pack import export_pack  # noqa: E402
from reviewer.export.pack_read import read_pack  # noqa: E402
from reviewer.store.repository import LibraryStore  # noqa: E402

QUOTES = {"Ann Auditor": [("the quality of plans is too variable", ["planning"], "improvement"),
                          ("drift and delay mean", ["timeliness"], "priority")],
          "Bob Auditor": [("the quality of plans is too variable", ["planning"], "improvement"),
                          ("drift and delay mean", ["timeliness"], "improvement")]}


def auditor_pack(folder: Path, name: str, samples: Path) -> Path:
    """An auditor's pack made on their own machine."""
    store = LibraryStore(folder / f"{name.split()[0]}.json")
    try:
        letter, _ = store.add_prepared(prepare_path(samples / "thornbury_vale_2025_focused_visit.pdf"))
        ex = Workspace(store).text(letter.id)
        undo = UndoStack(store.library)
        for quote, themes, sev in QUOTES[name]:
            s, e = locate_quote(ex.text, quote)
            undo.push(AddAnnotation(new_annotation(ex.text, ex.page_starts, letter.id, s, e, themes, sev, "", name)))
        return export_pack(Workspace(store), [letter.id], folder / f"{name.split()[0]}.zip", name)
    finally:
        store.close()


@pytest.fixture
def manager(make_window):
    return make_window(auditor="Meg Manager", library="meg.json")


@pytest.fixture
def packs(tmp_path: Path, samples: Path) -> list[Path]:
    return [auditor_pack(tmp_path, "Ann Auditor", samples), auditor_pack(tmp_path, "Bob Auditor", samples)]


def _open(w, qtbot, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    w.packs.open_packs(paths)
    qtbot.waitUntil(lambda: not w.packs.busy, timeout=15000)


def test_opening_two_auditors_packs_shows_both_with_names(manager, qtbot, packs) -> None:  # type: ignore[no-untyped-def]
    _open(manager, qtbot, packs)
    lib = manager.lib
    assert len(lib.letters) == 1 and len(lib.annotations) == 4
    report = manager.packs.last_report
    assert "Ann.zip" in report.text() and "Bob.zip" in report.text()
    assert "Two auditors read 1 sentence of these letters differently" in report.text()  # where to moderate
    from PySide6.QtWidgets import QMessageBox

    details = next(b for b in report.buttons() if b.text().startswith("Show Details"))
    details.click()  # the details shown, Enter is still OK's (on a real display it toggled the details)
    assert not details.autoDefault() and report.defaultButton() is report.button(QMessageBox.StandardButton.Ok)
    report.close()
    qtbot.waitUntil(lambda: manager.onscreen.layout is not None, timeout=10000)  # the letter opened
    assert manager.panel.model.rowCount() == 4
    authors = {manager.panel.model.rows[i].author for i in range(4)}
    assert authors == {"Ann Auditor", "Bob Auditor"}
    _open(manager, qtbot, packs)  # again: nothing doubles, and it is said so (a manager read it as a merge)
    again = manager.packs.last_report.text()
    assert "nothing new, everything in them is already in the library" in again and "Undo" not in again
    manager.packs.last_report.close()
    assert len(lib.annotations) == 4
    assert manager.undo_stack.undo_label() == "Open 2 audit packs"  # the second opening changed nothing
    manager.history.undo()  # one step takes both packs back
    assert len(lib.annotations) == 0 and len(lib.letters) == 0


def test_a_tampered_pack_is_refused_in_the_window(manager, qtbot, packs, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(packs[0]) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info.filename, data.replace(b"Ann Auditor", b"Eve Forger") if info.filename == "data/pack.json" else data)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a, **k: shown.append(f"{title}: {text}"))
    _open(manager, qtbot, [packs[1], bad])
    assert shown and "refused" in shown[0] and "changed" in shown[0] and "Nothing was imported" in shown[0]
    assert len(manager.lib.annotations) == 0 and len(manager.lib.letters) == 0


def test_review_sign_off_and_export_back(manager, qtbot, packs, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _open(manager, qtbot, packs[:1])
    manager.packs.last_report.close()
    qtbot.waitUntil(lambda: manager.onscreen.layout is not None, timeout=10000)
    panel = manager.panel
    panel.select(panel.model.rows[0].id)
    manager.actions_["agree"].trigger()
    first = panel.model.rows[0]
    assert manager.lib.annotations[first.id].review.status == "agreed"
    assert manager.lib.annotations[first.id].review.reviewer == "Meg Manager"
    panel.select(panel.model.rows[1].id)
    asked: list[str] = []

    def typed(text):  # type: ignore[no-untyped-def]
        def exec_(dlg):  # type: ignore[no-untyped-def]
            asked.append(dlg.labelText())
            dlg.setTextValue(text)
            return QInputDialog.DialogCode.Accepted
        return exec_

    monkeypatch.setattr(QInputDialog, "exec", typed("Evidence is thin"))
    manager.actions_["challenge"].trigger()
    # the dialog says whose annotation it judges, of what severity, where, and what it says
    challenged = manager.lib.annotations[panel.model.rows[1].id]
    assert asked[-1].startswith(f"{challenged.author}’s ") and f"p.{challenged.page}: “" in asked[-1]
    second = manager.lib.annotations[panel.model.rows[1].id]
    assert second.review.status == "challenged" and second.review.comment == "Evidence is thin"
    qtbot.waitUntil(lambda: any(a.review for a in panel._all), timeout=2000)  # the panel refreshes after the change
    panel.review.setCurrentIndex(panel.review.findData("challenged"))
    assert panel.model.rowCount() == 1  # the review filter
    panel.review.setCurrentIndex(0)
    assert not manager.actions_["withdraw_sign_off"].isEnabled()  # nothing signed off yet
    monkeypatch.setattr(QInputDialog, "exec", typed("All seen"))
    manager.actions_["sign_off"].trigger()
    assert asked[-1].startswith("Still open: 1 challenge not yet resolved.\n\nSigned off by Meg Manager")  # both
    # reviewed, but the challenge not yet answered
    letter = manager.lib.letters[manager.onscreen.letter_id]
    assert letter.signoff and letter.signoff.name == "Meg Manager" and letter.signoff.comment == "All seen"
    qtbot.waitUntil(lambda: "Signed off by Meg Manager" in manager.counts_label.text(), timeout=2000)
    from reviewer.core.text.words import short_date

    assert f"Signed off by Meg Manager on {short_date(letter.signoff.date)} ·" in manager.counts_label.text()  # as
    # the cards and the plan say a date ("on 29 Nov 2026", not "on 2026-11-29")
    assert manager.actions_["withdraw_sign_off"].isEnabled()
    manager.actions_["sign_off"].trigger()  # again: the sign-off it replaces is said
    assert f"Already signed off by Meg Manager on {short_date(letter.signoff.date)}; this replaces it." in asked[-1]
    manager.history.undo()  # (the second sign-off)
    manager.history.undo()
    assert manager.lib.letters[manager.onscreen.letter_id].signoff is None
    manager.history.redo()
    out = tmp_path / "back.zip"
    manager.packs.export_to(list(manager.lib.letters), out, "Meg Manager")
    qtbot.waitUntil(lambda: not manager.packs.busy and out.exists(), timeout=20000)
    back = read_pack(out)
    reviews = {a.id: a.review.status for a in back.annotations if a.review}
    assert sorted(reviews.values()) == ["agreed", "challenged"]
    assert back.letters[0].signoff.name == "Meg Manager"


def test_overview_heatmap_lists_passages_and_moderation(manager, qtbot, packs) -> None:  # type: ignore[no-untyped-def]
    _open(manager, qtbot, packs)
    manager.packs.last_report.close()
    qtbot.waitUntil(lambda: manager.onscreen.layout is not None, timeout=10000)
    manager.actions_["overview"].trigger()
    ov = manager.reviews.overview
    qtbot.waitExposed(ov)
    screen = manager.screen().availableGeometry()  # issue 16, item 9: it opened at the screen's edge
    qtbot.waitUntil(lambda: screen.contains(ov.frameGeometry()), timeout=2000)
    heat = ov.maps["theme"]
    row = heat.tab.rows.index(manager.lib.theme_label("planning"))
    col = heat.tab.column_ids.index("improvement")
    assert heat.table.item(row, col).text() == "2"
    heat.table.setCurrentCell(row, col)
    assert heat.passages.count() == 2
    texts = [heat.passages.item(i).text() for i in range(2)]
    assert any("Ann Auditor" in t for t in texts) and any("Bob Auditor" in t for t in texts)
    # double-clicking a passage shows it in its letter
    heat.passages.itemDoubleClicked.emit(heat.passages.item(0))
    qtbot.waitUntil(lambda: bool(manager.panel.selected_ids()), timeout=5000)
    assert manager.panel.selected_ids()[0] == heat.passages.item(0).data(Qt.ItemDataRole.UserRole + 1)
    # moderation: one letter, one pair, timeliness agreed on the sentence, severity not
    tree = ov.moderation.tree
    assert tree.topLevelItemCount() == 1
    top = tree.topLevelItem(0)
    assert "Ann Auditor" in top.text(0) and "Bob Auditor" in top.text(0)
    rows = {top.child(i).text(0): top.child(i) for i in range(top.childCount())}
    assert rows["Timeliness, drift and delay"].text(1) == "1"
    assert rows["Timeliness, drift and delay"].text(4).startswith("1.00")
    differ = next(v for k, v in rows.items() if k.startswith("Where they differ (1 sentence, 0 reviewed)"))
    # each difference spans the row, each auditor's reading on a line of its own (it had been cut off at the
    # first column's edge) and whether the manager has reviewed it; the list stays open across a refresh
    differ.setExpanded(True)
    (sentence,) = [differ.child(i) for i in range(differ.childCount())]
    assert sentence.isFirstColumnSpanned() and sentence.text(0).startswith("p.1  “")
    lines = [sentence.child(i).text(0).strip() for i in range(sentence.childCount())]
    assert lines[0].startswith("Ann Auditor: ") and lines[1].startswith("Bob Auditor: ") and lines[2] == "Not yet reviewed"
    assert "Bob Auditor: " in sentence.toolTip(0)
    # a reading double-clicked selects that auditor's annotation, so F6 / F7 review it (the letter went to the
    # passage while the card selected before took the manager's review)
    bobs = sentence.child(1)
    bob = bobs.data(0, Qt.ItemDataRole.UserRole + 3)
    assert manager.lib.annotations[bob].author == "Bob Auditor"
    tree.itemDoubleClicked.emit(bobs, 0)
    qtbot.waitUntil(lambda: manager.panel.selected_ids() == [bob], timeout=5000)
    mine = next(a for a in manager.lib.annotations.values() if a.author == "Ann Auditor" and
                sentence.data(0, Qt.ItemDataRole.UserRole + 1)[1] < a.end and a.start < sentence.data(0, Qt.ItemDataRole.UserRole + 1)[2])
    manager.ws.review([mine.id], "agreed", reviewer="Meg Manager")
    qtbot.waitUntil(lambda: tree.topLevelItemCount() and any(
        tree.topLevelItem(0).child(i).text(0).endswith("1 reviewed)") for i in range(tree.topLevelItem(0).childCount())),
        timeout=5000)
    top = tree.topLevelItem(0)
    differ = next(top.child(i) for i in range(top.childCount()) if top.child(i).text(0).startswith("Where they differ"))
    assert differ.isExpanded() and differ.child(0).text(0).startswith("✓ p.1")
    assert differ.child(0).child(2).text(0).strip() == "Review: Ann Auditor’s: Agreed (Meg Manager)"
    ov.close()


def test_a_pack_dropped_or_named_on_the_command_line_opens(manager, qtbot, packs) -> None:  # type: ignore[no-untyped-def]
    manager.importer.open_paths([packs[1]])  # what a drop or `reviewer PACK.zip` does
    qtbot.waitUntil(lambda: not manager.packs.busy and len(manager.lib.annotations) == 2, timeout=15000)
    manager.packs.last_report.close()
    assert {a.author for a in manager.lib.annotations.values()} == {"Bob Auditor"}


def test_window_offers_the_newest_backup_of_a_damaged_library(qtbot, tmp_path: Path, samples: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from reviewer.ui.shell.app import open_library_interactively

    path = tmp_path / "lib.json"
    store = LibraryStore(path)
    store.add_prepared(prepare_path(samples / "thornbury_vale_2025_focused_visit.pdf"))
    store.close()
    LibraryStore(path).close()  # opened again: a backup of the good state
    path.write_bytes(b'{"letters": {"1": {"id": ')  # damaged
    offered: list[str] = []

    def click_restore(box):  # type: ignore[no-untyped-def]
        offered.extend(b.text() for b in box.buttons())
        next(b for b in box.buttons() if b.text().startswith("Restore Backup")).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    restored = open_library_interactively(str(path))
    assert restored is not None
    try:
        assert any(t.startswith("Restore Backup from") for t in offered)
        assert len(restored.library.letters) == 1
        assert list(tmp_path.glob("lib.json.damaged-*"))
    finally:
        restored.close()


def test_import_project_in_the_window_is_one_undoable_step(manager, qtbot, packs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """File > Import Project: the window reads the project on its worker and merges it as one step;
    a hostile archive is refused with nothing imported."""
    import zipfile

    qdpx = tmp_path / "ann.qdpx"
    qdpx.write_bytes(zipfile.ZipFile(packs[0]).read("project.qdpx"))
    w = manager
    w.packs.import_project(qdpx)
    qtbot.waitUntil(lambda: not w.packs.busy, timeout=15000)
    report = w.packs.last_report
    assert report.objectName() == "projectReport" and "ann.qdpx" in report.text()
    report.close()
    assert len(w.lib.letters) == 1 and len(w.lib.annotations) == 2
    assert w.undo_stack.undo_label() == "Import project ann.qdpx"
    w.history.undo()
    assert not w.lib.annotations and not w.lib.letters
    evil = tmp_path / "evil.qdpx"
    with zipfile.ZipFile(evil, "w") as z:
        z.writestr("project.qde", zipfile.ZipFile(qdpx).read("project.qde"))
        z.writestr("../escape.txt", b"x")
    warned: list[str] = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
        w.packs.import_project(evil)
        qtbot.waitUntil(lambda: not w.packs.busy, timeout=15000)
    assert warned and "Nothing was imported" in warned[0] and not w.lib.letters


def _auditor_cli(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The auditor's command line, on their own library, in its own process."""
    import os
    import subprocess
    import sys

    def cli(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "reviewer", "--db", str(tmp_path / "ann.json"), *args],
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        assert done.returncode == 0, done.stderr
        return done.stdout

    return cli


def _pack_with_an_action(cli, samples: Path, tmp_path: Path) -> dict:  # type: ignore[no-untyped-def]
    """The auditor tags a passage, adds an action to it and exports one.zip: the annotation."""
    import json

    cli("add", str(samples / "thornbury_vale_2025_focused_visit.pdf"))
    cli("tag", "thornbury", "--quote", "Too many plans", "--theme", "planning", "--severity", "priority action",
        "--author", "Ann Auditor")
    (ann,) = json.loads(cli("annotations", "--format", "json"))
    cli("action", "add", ann["id"], "--text", "Review every plan", "--owner", "Sam", "--due", "2999-01-01",
        "--status", "red")
    cli("pack", "export", "-o", str(tmp_path / "one.zip"), "--auditor", "Ann Auditor")
    return ann


def test_the_report_of_a_pack_names_its_actions(manager, qtbot, tmp_path: Path, samples: Path) -> None:  # type: ignore[no-untyped-def]
    """A pack that brings actions, or deletes one, says so in the report's lines, not only in its details.
    (The auditor's packs are made by the command line, in its own process.)"""
    import json

    cli = _auditor_cli(tmp_path)
    _pack_with_an_action(cli, samples, tmp_path)
    _open(manager, qtbot, [tmp_path / "one.zip"])
    assert "1 new action" in manager.packs.last_report.text()
    manager.packs.last_report.close()
    (act,) = json.loads(cli("action", "list", "--json"))
    cli("action", "delete", act["id"])
    cli("pack", "export", "-o", str(tmp_path / "two.zip"), "--auditor", "Ann Auditor")
    _open(manager, qtbot, [tmp_path / "two.zip"])
    assert "1 action deleted" in manager.packs.last_report.text() and manager.ws.actions() == {}
    manager.packs.last_report.close()


def test_an_action_kept_against_a_packs_deletion_can_be_deleted_from_the_report(manager, qtbot, tmp_path: Path,
                                                                              samples: Path) -> None:  # type: ignore[no-untyped-def]
    """The auditor deleted an action; the manager updated it since, so opening the pack keeps it and
    reports a conflict. The report offers to delete it after all, as one step Ctrl+Z undoes."""
    import json

    cli = _auditor_cli(tmp_path)
    _pack_with_an_action(cli, samples, tmp_path)
    _open(manager, qtbot, [tmp_path / "one.zip"])
    manager.packs.last_report.close()
    (act,) = json.loads(cli("action", "list", "--json"))
    cli("action", "delete", act["id"])
    cli("pack", "export", "-o", str(tmp_path / "two.zip"), "--auditor", "Ann Auditor")
    qtbot.wait(20)  # the manager's update comes after the auditor's deletion
    manager.ws.update_action(act["id"], status="amber", progress="Half the plans reviewed")
    _open(manager, qtbot, [tmp_path / "two.zip"])
    box = manager.packs.last_report
    assert "1 conflict to settle" in box.text() and act["id"] in manager.ws.actions()
    (settle,) = [b for b in box.buttons() if "as the Pack Asks" in b.text()]
    assert settle.text() == "Delete 1 Kept Action as the Pack Asks"
    settle.click()
    assert act["id"] not in manager.ws.actions()
    assert manager.statusBar().currentMessage().startswith("Deleted 1 action as the pack asked")
    manager.history.undo()
    assert act["id"] in manager.ws.actions() and manager.ws.action(act["id"]).status == "amber"


def test_undoing_the_pack_that_brought_the_open_letter_puts_the_letter_away(manager, qtbot, packs) -> None:  # type: ignore[no-untyped-def]
    """A manager's journey found it: Ctrl+Z after opening two packs emptied the library, yet the letter
    stayed on screen with its suggestions, a letter no longer in the library."""
    _open(manager, qtbot, packs)
    manager.packs.last_report.close()
    qtbot.waitUntil(lambda: manager.onscreen.layout is not None, timeout=10000)
    manager.history.undo()
    qtbot.waitUntil(lambda: manager.onscreen.letter_id is None, timeout=5000)
    assert not manager.lib.letters and manager.view.layout_ is None
    assert manager.windowTitle() == "Reviewer" and manager.centre.currentWidget() is manager.welcome
    assert manager.panel.model.rowCount() == 0 and manager.suggester.suggestions == []
    tabs = manager.suggester.tabs
    assert tabs.tabText(tabs.indexOf(manager.suggester.panel)) == "Suggestions"
    manager.history.redo()
    qtbot.waitUntil(lambda: len(manager.lib.letters) == 1, timeout=5000)


def test_a_comment_on_a_finding_not_yet_reviewed_asks_which_review_it_goes_with(manager, qtbot, packs) -> None:  # type: ignore[no-untyped-def]
    """A manager's helper typed a comment on an unreviewed finding (Shift+F7) and it silently recorded
    "Agreed". The manager now says which review the comment goes with; Cancel records nothing."""
    from message_boxes import answer_message_box  # type: ignore[import-not-found]
    from PySide6.QtWidgets import QApplication, QInputDialog

    _open(manager, qtbot, packs)
    manager.packs.last_report.close()
    qtbot.waitUntil(lambda: manager.onscreen.layout is not None, timeout=10000)
    target = next(a for a in manager.lib.annotations.values() if a.review is None)
    manager.panel.select(target.id)
    qtbot.waitUntil(lambda: manager.panel.selected_ids() == [target.id])

    def write() -> None:
        dlg = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
        dlg.setTextValue("Please both look at the quality of s47 enquiries")
        dlg.accept()

    answer_message_box(None)
    manager.actions_["review_comment"].trigger()
    assert manager.lib.annotations[target.id].review is None
    answer_message_box("Challenge, with a Comment…", then=write)
    manager.actions_["review_comment"].trigger()
    review = manager.lib.annotations[target.id].review
    assert review is not None and review.status == "challenged"
    assert review.comment == "Please both look at the quality of s47 enquiries"


def test_agreeing_both_readings_of_a_difference_warns_first(manager, qtbot, packs) -> None:  # type: ignore[no-untyped-def]
    """A manager's helper agreed both auditors' conflicting readings of one sentence, and the moderation showed
    the difference as reviewed. Agreeing the second now warns (agree one, challenge the other); Cancel keeps it
    unreviewed, Agree Anyway agrees it."""
    from message_boxes import answer_message_box  # type: ignore[import-not-found]

    from reviewer.core.team.moderation import moderate

    _open(manager, qtbot, packs)
    manager.packs.last_report.close()
    qtbot.waitUntil(lambda: manager.onscreen.layout is not None, timeout=10000)
    lib = manager.lib
    (pm,) = moderate(lib, list(lib.letters), manager.ws.text_of)
    d = next(x for x in pm.disagreements if x.a_ids and x.b_ids)
    ann, bob = d.a_ids[0], d.b_ids[0]
    if lib.annotations[ann].severity == lib.annotations[bob].severity:
        pytest.skip("the sample packs differ in themes here, not severity")
    manager.panel.select(ann)
    qtbot.waitUntil(lambda: manager.panel.selected_ids() == [ann])
    manager.reviews.agree()  # the first reading: no question
    assert lib.annotations[ann].review.status == "agreed"
    seen: list[str] = []

    manager.panel.select(bob)
    qtbot.waitUntil(lambda: manager.panel.selected_ids() == [bob])
    answer_message_box(None, seen)
    manager.reviews.agree()
    assert lib.annotations[bob].review is None and "already agreed" in seen[0]
    answer_message_box("Agree Anyway", seen)
    manager.reviews.agree()
    assert lib.annotations[bob].review.status == "agreed"


def test_a_pack_that_changes_a_letter_signed_off_says_so(manager, qtbot, packs) -> None:  # type: ignore[no-untyped-def]
    """A manager's helper signed a letter off, then opened a pack that deleted a finding: the report said only
    "1 new annotation, 12 already here" and the letter still read "Signed off". A pack that changes a letter
    signed off here says so in its report, and the deletions it makes are counted there."""
    from PySide6.QtWidgets import QMessageBox

    _open(manager, qtbot, packs[:1])
    manager.packs.last_report.close()
    qtbot.waitUntil(lambda: manager.onscreen.layout is not None, timeout=10000)
    (lid,) = list(manager.lib.letters)
    manager.ws.sign_off([lid], "Meg Manager")
    _open(manager, qtbot, packs[1:])  # Bob's findings on the letter signed off
    report = manager.packs.last_report
    assert report.icon() == QMessageBox.Icon.Warning
    assert "Signed off before these changes: Thornbury Vale" in report.text()
    report.close()
    _open(manager, qtbot, packs[1:])  # the same pack again: nothing changes, nothing to say
    assert "Signed off before" not in manager.packs.last_report.text()
    manager.packs.last_report.close()


def test_a_finding_the_pack_deletes_but_reviewed_here_is_kept_and_can_be_deleted_as_asked(manager, qtbot, packs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A manager (stop 48): her challenged finding, deleted by its auditor who had not seen the challenge, was kept
    as a conflict; but the box said "nothing new" above "1 conflict to settle", told her to "delete it or keep it"
    with no way to delete it, and counted sentences one auditor alone tagged as read differently."""
    _open(manager, qtbot, packs[:1])
    manager.packs.last_report.close()
    challenged = next(a for a in manager.lib.annotations.values() if a.severity == "priority")
    manager.ws.review([challenged.id], "challenged", "The quote does not carry it", "Meg Manager")
    store = LibraryStore(tmp_path / "Ann.json")
    try:
        ws = Workspace(store)
        assert ws.delete([challenged.id], by="Ann Auditor") == 1
        again = export_pack(ws, list(store.library.letters), tmp_path / "Ann-2.zip", "Ann Auditor")
    finally:
        store.close()
    _open(manager, qtbot, [again])
    report = manager.packs.last_report
    assert "nothing merged; 1 conflict to settle" in report.text() and "nothing new" not in report.text()
    assert challenged.id in manager.lib.annotations
    button = next(b for b in report.buttons() if b.text() == "Delete 1 Kept Finding as the Pack Asks")
    button.click()
    assert challenged.id not in manager.lib.annotations
    manager.history.undo()
    assert challenged.id in manager.lib.annotations  # one step, undone


def test_the_pack_box_counts_only_sentences_read_differently_as_such(manager, qtbot, packs, tmp_path: Path, samples: Path) -> None:  # type: ignore[no-untyped-def]
    """The same manager: "Two auditors read 37 sentences differently" where six were, the rest tagged by one only."""
    QUOTES["Cat Auditor"] = [("the quality of plans is too variable", ["planning"], "improvement"),
                             ("drift and delay mean", ["timeliness"], "improvement"),
                             ("Strategy meetings are held promptly", ["strategy-s47"], "strength")]
    try:
        cat = auditor_pack(tmp_path, "Cat Auditor", samples)
    finally:
        del QUOTES["Cat Auditor"]
    _open(manager, qtbot, [packs[0], cat])
    said = manager.packs.last_report.text()
    assert "Two auditors read 1 sentence of these letters differently, and 1 sentence only one of them tagged" in said
