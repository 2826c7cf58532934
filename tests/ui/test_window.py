"""The window with pytest-qt: open a letter, select text, tag, edit, undo, filter, find, export."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPointF, QSettings, Qt  # noqa: E402

from reviewer.core.annotations.tagging import locate_quote  # noqa: E402
from reviewer.core.text.textsearch import collapse_ws  # noqa: E402
from reviewer.ui.annotate import annotating  # noqa: E402
from reviewer.ui.annotate.tag_dialog import TagDialog  # noqa: E402


@pytest.fixture
def window(make_window, tmp_path: Path, samples: Path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return make_window([samples / "thornbury_vale_2025_focused_visit.pdf"])


class ScriptedTagDialog(TagDialog):
    """Drives the real dialog by keyboard instead of waiting for a person."""

    script: dict = {}

    def exec(self) -> int:  # noqa: A003
        from PySide6.QtTest import QTest

        for theme in self.script.get("themes", []):
            QTest.keyClicks(self.theme_input, theme)
            QTest.keyClick(self.theme_input, Qt.Key.Key_Return)
        if "severity" in self.script:
            self.set_severity(self.script["severity"])
        if "note" in self.script:
            self.note.setPlainText(self.script["note"])
        self._accept()
        # the theme pop-up (now that type-ahead works) took the offscreen platform's activation; a window
        # manager gives it back to the main window when the dialog closes
        self.parentWidget().activateWindow()
        return self.result()


def test_editing_an_annotation_keeps_a_theme_no_longer_in_the_codebook(window, monkeypatch):
    """A theme gone from the codebook (its adding undone, a library edited elsewhere) is shown by its name in the
    edit dialog and kept: changing the severity took it off the annotation without a word (stop 52)."""
    monkeypatch.setattr(annotating, "TagDialog", ScriptedTagDialog)
    text = window.onscreen.layout.text
    window.view.set_selection(*locate_quote(text, "Too many plans are lists of services"))
    ScriptedTagDialog.script = {"themes": ["plann", "drift"], "severity": "improvement"}
    window.annotating.tag_selection()
    (a,) = window.lib.annotations_for(window.onscreen.letter_id)
    gone = window.lib.themes["timeliness"].label
    window.lib.remove_theme("timeliness")
    shown = []
    real_exec = ScriptedTagDialog.exec

    def exec_and_look(dlg) -> int:  # type: ignore[no-untyped-def]
        shown.extend(dlg.chosen.item(i).text() for i in range(dlg.chosen.count()))
        return real_exec(dlg)

    monkeypatch.setattr(ScriptedTagDialog, "exec", exec_and_look)
    ScriptedTagDialog.script = {"severity": "priority"}
    window.annotating.edit_annotation(a.id)
    assert window.lib.annotations[a.id].severity == "priority"
    assert window.lib.annotations[a.id].themes == ("planning", "timeliness")
    assert shown[1] == f"{gone} (deleted theme)"


def test_title_and_pages(window):
    assert window.windowTitle() == "Thornbury Vale — focused visit — March 2025 — Reviewer"
    assert window.view.page_count() == 3 and window.pages.page_total.text().strip() == "of 3"


def test_mouse_drag_selects_text(window, qtbot):
    view = window.view
    text = window.onscreen.layout.text
    s = text.index("Too many plans")
    view.scroll_to_range(s, s + 10)
    qtbot.wait(50)
    rects = window.onscreen.layout.rects(s, s + len("Too many plans"))
    page, (x0, y0, x1, y1) = rects[0]
    r = view._page_rect(page)
    start = QPointF(r.left() + (x0 + 0.5) * view.zoom, r.top() + (y0 + y1) / 2 * view.zoom)
    end = QPointF(r.left() + (x1 - 0.5) * view.zoom, start.y())
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start.toPoint())
    qtbot.mouseMove(vp, end.toPoint())
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    move = QMouseEvent(QEvent.Type.MouseMove, end, vp.mapToGlobal(end), Qt.MouseButton.NoButton,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, move)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end.toPoint())
    assert view.selected_text().startswith("Too many plan")
    qtbot.mouseDClick(vp, Qt.MouseButton.LeftButton, pos=start.toPoint())
    assert view.selected_text() == "Too"


def test_tag_edit_undo_redo_filter(window, qtbot, monkeypatch):
    monkeypatch.setattr(annotating, "TagDialog", ScriptedTagDialog)
    text = window.onscreen.layout.text
    window.view.set_selection(*locate_quote(text, "Too many plans are lists of services"))
    ScriptedTagDialog.script = {"themes": ["plann", "drift"], "severity": "improvement", "note": "Seen in 3 of 5 audits"}
    window.annotating.tag_selection()
    (a,) = window.lib.annotations_for(window.onscreen.letter_id)
    assert a.themes == ("planning", "timeliness") and a.severity == "improvement" and a.author == "Ann Auditor"
    # said, as accepting a suggestion is (a new user tagging by mouse saw nothing say it was done)
    assert window.statusBar().currentMessage().startswith("Tagged: Area for improvement · Planning and reviews; ")
    assert window.statusBar().currentMessage().endswith("— Ctrl+Z undoes it.")
    assert collapse_ws(a.quote) == "Too many plans are lists of services" and a.pages == (2,)
    qtbot.waitUntil(lambda: window.panel.model.rowCount() == 1)
    assert [h.id for h in window.view.marks.highlights] == [a.id]

    ScriptedTagDialog.script = {"severity": "priority"}
    window.annotating.edit_annotation(a.id)
    assert window.lib.annotations[a.id].severity == "priority"
    window.history.undo()
    assert window.lib.annotations[a.id].severity == "improvement"
    window.history.redo()
    assert window.lib.annotations[a.id].severity == "priority"

    window.panel.severity.setCurrentIndex(window.panel.severity.findData("strength"))
    assert window.panel.model.rowCount() == 0 and window.panel.count.text() == "0 of 1"
    window.panel.severity.setCurrentIndex(0)
    window.panel.search.setText("3 of 5")
    assert window.panel.model.rowCount() == 1
    window.panel.search.clear()

    window.annotating.delete_annotations([a.id])
    assert not window.lib.annotations
    window.history.undo()
    assert a.id in window.lib.annotations
    window.store.flush()
    import json  # on disk: the file plus its journal (a second LibraryStore would be refused: the lock)

    from reviewer.store.journal import Journal

    saved = json.loads(window.store.path.read_text(encoding="utf-8")).get("annotations", {})
    on_disk = {d["id"]: d for d in saved.values()}
    on_disk.update({k: d for t, k, d in Journal(window.store.journal.path).read() if t == "annotations"})
    assert on_disk[a.id]["severity"] == "priority"


def test_clicking_annotation_scrolls_and_flashes(window, qtbot, monkeypatch):
    monkeypatch.setattr(annotating, "TagDialog", ScriptedTagDialog)
    text = window.onscreen.layout.text
    s = text.index("Yours sincerely")
    window.view.set_selection(s, s + 15)
    ScriptedTagDialog.script = {"themes": ["leadership"], "severity": "context"}
    window.annotating.tag_selection()
    window.view.verticalScrollBar().setValue(0)
    (a,) = window.lib.annotations_for(window.onscreen.letter_id)
    window.panel.activated.emit(a.id)
    assert a.pages[-1] - 1 in window.view.visible_pages()
    assert window.view.verticalScrollBar().value() > 0
    assert window.view.marks.flash_id == a.id


def test_find_matches_ligatures_across_lines(window, qtbot):
    window.pages.show_find()
    window.find_bar.edit.setText("findings")
    assert window.find_bar.hits and "match" not in window.find_bar.count.text().lower()
    s, e = window.find_bar.hits[0]
    assert window.onscreen.layout.text[s:e].lower() == "findings"


def test_find_starts_from_where_the_auditor_reads(window, qtbot):
    """A new user on page 30 pressed Ctrl+F and was taken to the first match, on page 2: the first match is
    the next one from the page in view, as in a PDF reader; F3 goes on, and past the last, round."""
    layout, view = window.onscreen.layout, window.view
    text = layout.text
    last_page = layout.page_count - 1
    view.go_to_page(last_page)
    qtbot.waitUntil(lambda: view.current_page() == last_page)
    top = window.pages._reading_at()
    assert top >= layout.page_first_offset(last_page)
    word = next(w for w in ("children", "plans", "the ")
                if text.lower().find(w) < top <= text.lower().rfind(w))  # on an earlier page, and from here
    window.pages.show_find()
    window.find_bar.edit.setText(word)
    s, _e = window.find_bar.hits[window.find_bar.current]
    assert s >= top and window.find_bar.current > 0, (s, top)
    found = window.find_bar.current
    window.find_bar.next()  # Enter after typing: the match the words found, not the one after it
    assert window.find_bar.current == found
    window.find_bar.next()  # then on
    assert window.find_bar.current == (found + 1) % len(window.find_bar.hits)


def test_find_says_when_it_goes_round(window, qtbot):
    """Past the last match the first, past the first the last, and said so as a PDF reader says it (a new user
    went from 3 of 3 to 1 of 3 without a word, stop 51)."""
    bar = window.find_bar
    window.pages.show_find()
    bar.edit.setText("children")
    n = len(bar.hits)
    assert n > 2
    bar.next()  # (the match the words found)
    while bar.current != n - 1:
        bar.next()
        assert "from the" not in bar.count.text()
    bar.next()
    assert bar.current == 0 and bar.count.text() == f"1 of {n} · from the top"
    bar.next()
    assert bar.count.text() == f"2 of {n}"
    bar.previous()
    bar.previous()
    assert bar.current == n - 1 and bar.count.text() == f"{n} of {n} · from the end"
    qtbot.waitUntil(lambda: bar.count.width() >= bar.count.sizeHint().width())  # (said whole)


def test_export_summary_from_window(window, qtbot, tmp_path: Path):
    target = tmp_path / "out.html"
    done = []
    window.exporter.signals.done.connect(lambda p, err: done.append((p, err)))
    window.exporter.start([window.onscreen.letter_id], "html", target)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    assert done[0][1] == "" and "Thornbury Vale" in target.read_text(encoding="utf-8")
    pdf = tmp_path / "out.pdf"
    window.exporter.start([window.onscreen.letter_id], "pdf", pdf)
    qtbot.waitUntil(lambda: pdf.exists(), timeout=15000)


def test_import_folder_keeps_window_responsive(window, qtbot, samples: Path, bad_pdfs):
    with qtbot.waitSignal(window.host.worker.import_finished, timeout=20000) as blocker:
        window.importer.open_paths([samples, bad_pdfs["garbage"]], open_single=False)
    added, failed = blocker.args
    files = [p for p in samples.iterdir() if p.suffix in (".pdf", ".txt", ".docx")]  # each a letter of its own
    assert added >= len(files) - 1 and failed == 1
    qtbot.waitUntil(lambda: len(window.lib.letters) == len(files))
    window.library_panel.filter.setText("eastmere")
    assert window.library_panel.proxy.rowCount() == 2


def test_tag_dialog_by_keyboard(qtbot):
    from reviewer.core.annotations.codebook import default_themes
    from PySide6.QtTest import QTest

    dlg = TagDialog("A quote", default_themes())
    qtbot.addWidget(dlg)
    dlg.show()
    QTest.keyClicks(dlg.theme_input, "care leav")
    QTest.keyClick(dlg.theme_input, Qt.Key.Key_Return)
    QTest.keyClick(dlg, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    themes, sev, _ = dlg.result_values()
    assert themes == ["care-leavers"] and sev == "priority"


def test_severity_keys_and_stepping_through_annotations(window, qtbot, monkeypatch):
    """Alt+1…4 tag a selection at that severity or re-grade selected annotations (one undo step);
    Alt+Shift+Down / Up walk the letter's annotations in reading order, wrapping at the ends."""
    from PySide6.QtTest import QTest

    monkeypatch.setattr(annotating, "TagDialog", ScriptedTagDialog)
    text = window.onscreen.layout.text
    quotes = ["Too many plans are lists of services", "Yours sincerely"]
    window.activateWindow()
    window.view.setFocus()
    for quote in quotes:
        window.view.set_selection(*locate_quote(text, quote))
        ScriptedTagDialog.script = {"themes": ["plann"]}  # the severity comes from the key
        QTest.keyClick(window.view, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    anns = sorted(window.lib.annotations_for(window.onscreen.letter_id), key=lambda a: a.start)
    assert [a.severity for a in anns] == ["improvement", "improvement"]
    qtbot.waitUntil(lambda: window.panel.model.rowCount() == 2)

    window.activateWindow()  # the theme pop-up the scripted dialog opened took the window's activation
    qtbot.waitUntil(window.isActiveWindow)
    window.panel.view.setFocus()
    window.panel.view.selectAll()
    QTest.keyClick(window.panel.view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert {a.severity for a in window.lib.annotations.values()} == {"strength"}
    window.history.undo()  # both together
    assert {a.severity for a in window.lib.annotations.values()} == {"improvement"}
    # a passage left selected in the letter, then a card clicked: Alt+4 is for the card (a manager's journey
    # found it opened the tag dialog on the leftover passage, which would have made a third annotation)
    window.view.set_selection(*locate_quote(text, "Yours sincerely"))
    window.panel.view.setFocus()
    window.panel.select(anns[0].id)
    QTest.keyClick(window.panel.view, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert len(window.lib.annotations) == 2 and window.lib.annotations[anns[0].id].severity == "priority"
    window.history.undo()

    window.panel.view.clearSelection()
    window.view.go_to_page(0)
    QTest.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.panel.selected_ids() == [anns[0].id]
    QTest.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.panel.selected_ids() == [anns[1].id]
    QTest.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.panel.selected_ids() == [anns[0].id]  # wrapped
    QTest.keyClick(window.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.panel.selected_ids() == [anns[1].id]


def test_selecting_and_tagging_by_keyboard_alone(window, qtbot, monkeypatch):
    """Ctrl+Down picks a sentence, Shift+Down/Up take one more or give it back, Ctrl+Shift+Right/Left
    a word; Alt+3 then tags it: no mouse anywhere."""
    from PySide6.QtTest import QTest

    monkeypatch.setattr(annotating, "TagDialog", ScriptedTagDialog)
    text = window.onscreen.layout.text
    view = window.view
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    start = text.index("Too many plans")
    view.scroll_to_range(start, start + 10)
    view.set_selection(*view.unit_at(start))
    first = view.selection()
    assert text[first[0]:first[1]].startswith("Too many plans")

    def key(k, mods):
        QTest.keyClick(view, k, mods)
        return view.selection()

    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    second = key(Qt.Key.Key_Down, ctrl)  # the next sentence alone
    assert second[0] > first[1] and second == view.unit_at(second[0])
    assert key(Qt.Key.Key_Up, ctrl) == first
    two = key(Qt.Key.Key_Down, shift)  # one more sentence
    assert two == (first[0], second[1])
    assert key(Qt.Key.Key_Up, shift) == first  # and back
    assert key(Qt.Key.Key_Up, shift) == first  # never less than one sentence
    longer = key(Qt.Key.Key_Right, ctrl | shift)
    assert longer[0] == first[0] and text[first[1]:longer[1]].strip().count(" ") == 0 and longer[1] > first[1]
    assert key(Qt.Key.Key_Left, ctrl | shift)[1] < longer[1]

    view.set_selection(*first)
    ScriptedTagDialog.script = {"themes": ["plann"]}
    QTest.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    (a,) = window.lib.annotations_for(window.onscreen.letter_id)
    assert a.severity == "improvement" and collapse_ws(a.quote).startswith("Too many plans")

    view.clear_selection()
    view.verticalScrollBar().setValue(0)
    top = key(Qt.Key.Key_Down, ctrl)  # nothing selected: the first sentence in view
    assert top is not None and top[0] < 400


def _tag_by_keys(window, qtbot, monkeypatch, phrase: str, theme: str, key: Qt.Key) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The sentence holding ``phrase`` selected and tagged by Alt+``key`` (the dialog typing ``theme``);
    returns the sentence's range."""
    from PySide6.QtTest import QTest

    monkeypatch.setattr(annotating, "TagDialog", ScriptedTagDialog)
    view = window.view
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    first = view.unit_at(window.onscreen.layout.text.index(phrase))
    view.set_selection(*first)
    ScriptedTagDialog.script = {"themes": [theme]}
    QTest.keyClick(view, key, Qt.KeyboardModifier.AltModifier)
    return first


def test_ctrl_down_goes_on_after_the_passage_just_tagged_or_from_a_click(window, qtbot, monkeypatch):
    """Issue 16, item 6: after tagging, Ctrl+Down jumped back to the first line in view (the address
    block); it goes on after the sentence just tagged, and after a click from the sentence clicked."""
    from PySide6.QtTest import QTest

    text, view = window.onscreen.layout.text, window.view
    ctrl = Qt.KeyboardModifier.ControlModifier
    _tag_by_keys(window, qtbot, monkeypatch, "Since the last inspection", "workforce", Qt.Key.Key_3)
    assert len(window.lib.annotations_for(window.onscreen.letter_id)) == 1 and view.selection() is None
    QTest.keyClick(view, Qt.Key.Key_Down, ctrl)
    after = view.selection()
    assert after is not None and collapse_ws(text[after[0]:after[1]]).startswith("Most children in need of help")
    # a click in a later sentence: Ctrl+Down takes that sentence
    later = text.index("drift and delay mean")
    rects = window.onscreen.layout.rects(later, later + 5)
    page, (x0, y0, x1, y1) = rects[0]
    r = view._page_rect(page)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPointF(r.left() + (x0 + 2) * view.zoom, r.top() + (y0 + y1) / 2 * view.zoom).toPoint())
    assert view.selection() is None and view.caret() is not None
    QTest.keyClick(view, Qt.Key.Key_Down, ctrl)
    clicked = view.selection()
    assert clicked is not None and clicked[0] <= later < clicked[1]
    assert collapse_ws(text[clicked[0]:clicked[1]]).startswith("However, the quality of plans")


@pytest.mark.parametrize("zoom", ["nan", "inf", "-inf", "1e5"])
def test_a_zoom_in_the_settings_that_is_no_number_starts_at_a_real_one(make_window, tmp_path: Path, zoom: str) -> None:
    """An attack found it: "view/zoom=nan" in the settings crashed the window at every start (settings are
    only written at a clean close, so it never healed)."""
    from PySide6.QtCore import QSettings

    from reviewer.ui.reader.page_view import MAX_ZOOM

    s = QSettings(str(tmp_path / "lib.ini"), QSettings.Format.IniFormat)
    s.setValue("view/zoom", zoom)
    s.setValue("view/fit_width", False)
    s.sync()
    w = make_window()
    assert w.view.zoom == (MAX_ZOOM if zoom == "1e5" else 1.0)


def _said_opening(monkeypatch, failure: Exception) -> list[str]:  # type: ignore[no-untyped-def]
    """What the window says, in its box, where opening the library raises ``failure``."""
    from PySide6.QtWidgets import QMessageBox

    from reviewer.ui.shell import app
    from reviewer.workspace import Workspace

    def fail(_db):  # type: ignore[no-untyped-def]
        raise failure

    said: list[str] = []

    def close(box: QMessageBox) -> int:
        said.append(box.text())
        box.button(QMessageBox.StandardButton.Close).click()
        return 0

    monkeypatch.setattr(Workspace, "open", staticmethod(fail))
    monkeypatch.setattr(QMessageBox, "exec", close)
    assert app.open_library_interactively(None) is None
    return said


def test_a_library_that_cannot_be_opened_for_want_of_space_is_said_in_a_window(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An attack found it: started on a full disk, the window showed no window and no dialog, only a Python
    traceback on stderr."""
    import errno

    said = _said_opening(monkeypatch, OSError(errno.ENOSPC, "No space left on device", "/data/reviewer/library.json"))
    assert said == ["The library could not be opened: No space left on device (/data/reviewer/library.json).\n\n"
                    "Nothing has been changed. You can open or create another library file."]


def test_a_library_in_a_folder_the_user_cannot_write_says_why_and_what_still_reads_it(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An attack run as a user with read permission only: the window said "Cannot create the lock file …: Permission
    denied" and no more. It says the folder must be one the user can write to, and that the command line reads the
    library meanwhile."""
    from reviewer.store.repository import LibraryUnwritable

    said = _said_opening(monkeypatch, LibraryUnwritable("cannot create the lock file /shared/library.json.lock: "
                                                        "Permission denied"))
    assert said == ["Cannot create the lock file /shared/library.json.lock: Permission denied.\n\n"
                    "The window changes the library, so it needs a folder you can write to: ask for write permission, "
                    "or copy the library's folder somewhere you can write. Meanwhile the command line reads it as "
                    "last saved (reviewer list, reviewer export).\n\nNothing has been changed. You can open or create "
                    "another library file."]


def test_a_lock_file_that_cannot_be_written_still_locks(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Who holds a library is written into its lock file for another program's message; on a full disk that
    write fails, and the library still opens, locked by the operating system."""
    import errno

    from reviewer.store import lock
    from reviewer.store.lock import LibraryLock, LibraryLocked

    class Full:
        @staticmethod
        def dumps(_info):  # type: ignore[no-untyped-def]
            raise OSError(errno.ENOSPC, "No space left on device")

        loads = staticmethod(__import__("json").loads)

    first = LibraryLock(tmp_path / "lib.json")
    monkeypatch.setattr(lock, "json", Full)
    first.acquire()
    monkeypatch.undo()
    try:
        assert first.held
        with pytest.raises(LibraryLocked, match="is in use"):
            LibraryLock(tmp_path / "lib.json").acquire()
    finally:
        first.release()


def test_tagging_a_passage_already_tagged_asks_first(window, qtbot, monkeypatch):
    """A new user, the sentence still selected after tagging it, pressed Alt+3: a second tag contradicted the
    first and nothing said so. Now they are asked: edit the tag that is there, or tag it again (a second
    reading); Cancel changes nothing."""
    from PySide6.QtTest import QTest
    from message_boxes import answer_message_box  # type: ignore[import-not-found]

    view = window.view
    first = _tag_by_keys(window, qtbot, monkeypatch, "Too many plans", "plann", Qt.Key.Key_1)
    (a,) = window.lib.annotations_for(window.onscreen.letter_id)
    assert a.severity == "strength"

    seen: list[str] = []

    for label, count in ((None, 1), ("Edit Tag…", 1), ("Tag Again…", 2)):
        window.activateWindow()  # (the question's box took the offscreen platform's activation)
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        view.set_selection(*first)
        ScriptedTagDialog.script = {"severity": "improvement"} if label != "Tag Again…" else \
            {"themes": ["assess"], "severity": "improvement"}
        answer_message_box(label, seen)
        QTest.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda count=count: len(window.lib.annotations_for(window.onscreen.letter_id)) == count)
        if label == "Edit Tag…":  # the tag there, edited: one tag, now an area for improvement
            qtbot.waitUntil(lambda: window.lib.annotations[a.id].severity == "improvement")
        if label is None:
            assert window.lib.annotations[a.id].severity == "strength"
    assert seen[0] == "This passage is already tagged: Strength — Planning and reviews (Ann Auditor)."
    assert seen[2].startswith("This passage is already tagged: Area for improvement")


def test_a_letter_opens_again_where_it_was_left(make_window, samples: Path, qtbot):
    """A new user left one report at page 6, read another, and came back to page 1."""
    w = make_window([samples / "thornbury_vale_2025_focused_visit.pdf", samples / "eastmere_2024_monitoring_visit.pdf"])
    ids = {w.lib.letters[i].source: i for i in w.lib.letters}
    first, second = ids["thornbury_vale_2025_focused_visit.pdf"], ids["eastmere_2024_monitoring_visit.pdf"]
    w.onscreen.open(first)
    qtbot.waitUntil(lambda: w.onscreen.is_laid_out(first))
    w.view.go_to_page(2)
    qtbot.waitUntil(lambda: w.view.current_page() == 2)
    w.onscreen.open(second)
    qtbot.waitUntil(lambda: w.onscreen.is_laid_out(second))
    qtbot.waitUntil(lambda: w.view.current_page() == 0)
    w.onscreen.open(first)
    qtbot.waitUntil(lambda: w.onscreen.is_laid_out(first))
    qtbot.waitUntil(lambda: w.view.current_page() == 2)
    w.desk.settings.setValue(w.onscreen.PLACES, "{not json")  # a damaged value: the letter still opens
    w.onscreen.open(second)
    qtbot.waitUntil(lambda: w.onscreen.is_laid_out(second))


def test_the_arrow_keys_in_the_annotations_list_bring_each_passage_into_view(window, qtbot):
    """A manager's helper moved from card to card with the arrow keys and the letter stayed where it was."""
    from PySide6.QtTest import QTest

    text = window.onscreen.layout.text
    letter = window.lib.letters[window.onscreen.letter_id]
    near = window.ws.tag_quote(letter, "Since the last inspection", ["workforce"], "strength", author="Ann")
    far = window.ws.tag_quote(letter, text[text.rindex(".", 0, len(text) - 20) + 1:][:40].strip(), ["planning"],
                              "context", author="Ann")
    panel, view = window.panel, window.view
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    view.verticalScrollBar().setValue(0)
    qtbot.wait(50)
    assert view.in_view(near.start, near.end) and not view.in_view(far.start, far.end)
    window.activateWindow()
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    panel.select(near.id)
    QTest.keyClick(panel.view, Qt.Key.Key_Down)
    assert panel.selected_ids() == [far.id]
    qtbot.waitUntil(lambda: view.in_view(far.start, far.end))


def test_undo_of_work_on_another_letter_is_seen_where_it_acts(make_window, samples: Path, qtbot):
    """Found by a helper's attack: tags accepted on one letter, another opened, Ctrl+Z: the tags went from the
    letter out of sight with only a line in the status bar, and the next tag made the loss for good. The
    letter the step changes is now opened first, and the status bar names it; a redo does the same."""
    w = make_window([samples / "thornbury_vale_2025_focused_visit.pdf", samples / "eastmere_2024_monitoring_visit.pdf"])
    ids = {w.lib.letters[i].source: i for i in w.lib.letters}
    first, second = ids["thornbury_vale_2025_focused_visit.pdf"], ids["eastmere_2024_monitoring_visit.pdf"]
    w.onscreen.open(first)
    qtbot.waitUntil(lambda: w.onscreen.is_laid_out(first))
    ann = w.ws.tag_quote(w.lib.letters[first], "drift and delay mean", ["planning"], "improvement", author="Ann")
    w.onscreen.open(second)
    qtbot.waitUntil(lambda: w.onscreen.is_laid_out(second))
    w.actions_["undo"].trigger()
    assert ann.id not in w.lib.annotations
    qtbot.waitUntil(lambda: w.onscreen.letter_id == first)
    assert "Thornbury Vale" in w.statusBar().currentMessage() and "Undone on" in w.statusBar().currentMessage()
    w.onscreen.open(second)
    qtbot.waitUntil(lambda: w.onscreen.is_laid_out(second))
    w.actions_["redo"].trigger()
    assert ann.id in w.lib.annotations
    qtbot.waitUntil(lambda: w.onscreen.letter_id == first)
    # a step on the letter on screen stays where it is
    w.actions_["undo"].trigger()
    assert w.onscreen.letter_id == first and "Undone: " in w.statusBar().currentMessage()


def test_a_closed_find_leaves_the_next_letter_alone(make_window, samples: Path, qtbot):
    """A helper searched "drift", pressed Esc, and the next letters opened at their first "drift", highlighted,
    with no find bar showing. A closed bar searches nothing; Ctrl+F again searches its words in this letter."""
    w = make_window([samples / "thornbury_vale_2025_focused_visit.pdf", samples / "eastmere_2024_monitoring_visit.pdf"])
    ids = {w.lib.letters[i].source: i for i in w.lib.letters}
    first, second = ids["thornbury_vale_2025_focused_visit.pdf"], ids["eastmere_2024_monitoring_visit.pdf"]
    w.onscreen.open(first)
    qtbot.waitUntil(lambda: w.onscreen.is_laid_out(first))
    w.pages.show_find()
    w.find_bar.edit.setText("children")
    assert w.find_bar.hits
    w.find_bar.close_bar()
    w.onscreen.open(second)
    qtbot.waitUntil(lambda: w.onscreen.is_laid_out(second))
    qtbot.wait(200)
    assert not w.find_bar.hits and not w.find_bar.isVisible() and w.view.current_page() == 0
    w.pages.show_find()
    assert w.find_bar.edit.text() == "children" and w.find_bar.hits  # searched again, in this letter


def test_the_tag_dialog_quotes_a_passage_across_a_page_break_as_it_reads(letter_window, qtbot, monkeypatch):
    """A helper's Ctrl+Down to a sentence across a page break: the tag dialog quoted "... where it is 1
    overridden ...", the page's number inside it (the suggestion's card had it right)."""
    w = letter_window
    text = w.onscreen.layout.text
    start = text.index("Consent is sought")
    end = text.index("rationale is clear.") + len("rationale is clear.")
    assert "\n1\n" in text[start:end]  # (the sample letter's page break)
    quoted: list[str] = []

    def capture(quote, *_a, **_k):  # type: ignore[no-untyped-def]
        quoted.append(quote)
        raise RuntimeError("seen")  # no dialog needed

    monkeypatch.setattr(annotating, "TagDialog", capture)
    w.view.set_selection(start, end)
    with pytest.raises(RuntimeError, match="seen"):
        w.annotating.tag_selection()
    assert quoted == ["Consent is sought and recorded appropriately, and where it is overridden the rationale is clear."]


def test_a_damaged_pdf_read_with_a_warning_says_so_when_the_import_ends(make_window, bad_pdfs, qtbot):
    """Found by a helper's attack: a truncated report opened as a normal letter (its text half wrong), and its
    warning went to the status bar, where the import's own line replaced it before anyone could read it."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    w = make_window(size=(1300, 850))
    w.importer.open_paths([bad_pdfs["truncated"]])

    def box() -> QMessageBox | None:
        return next((b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()), None)

    qtbot.waitUntil(lambda: box() is not None, timeout=15000)
    shown = box()
    assert shown is not None and shown.windowTitle() == "Opened with a warning"
    assert "truncated.pdf" in shown.text() and "damaged" in shown.text()
    shown.accept()


def test_an_annotation_card_quotes_a_passage_across_a_page_break_as_it_reads(letter_window, qtbot):
    """The tag dialog and the summary quoted a sentence across a page break without the page's number; its
    card still showed "... where it is 1 overridden ...". The card now quotes as the letter reads."""
    w = letter_window
    text = w.onscreen.layout.text
    start = text.index("Consent is sought")
    end = text.index("rationale is clear.") + len("rationale is clear.")
    ann = w.ws.tag(w.onscreen.letter_id, text, [0], start, end, ["front-door"], "strength", "", "Ann")
    qtbot.waitUntil(lambda: ann.id in w.panel.delegate.shown)
    assert w.panel.delegate.quote(ann) == ("Consent is sought and recorded appropriately, and where it is overridden "
                                           "the rationale is clear.")
    assert "\n1\n" in w.lib.annotations[ann.id].quote  # (the stored quote, which anchors it, is the text's own)


def test_the_window_says_what_opening_a_damaged_library_recovered(make_window, qtbot, tmp_path) -> None:
    """A bad-input session (stop 44): the app killed, a line of the library's journal damaged, and the window
    opened on "All changes saved" with one accepted annotation gone and not a word; only the command line
    said what was recovered and where the damaged journal was kept. The window says it too."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hostile"))
    from hostile_kit import crashed, journal, journal_lines  # type: ignore[import-not-found]

    path, ids = crashed(tmp_path, lines=3)
    lines = journal_lines(path)
    lines[0] = lines[0][:40] + b"#####" + lines[0][45:]  # five bytes overwritten, as the session did
    journal(path).write_bytes(b"\n".join(lines) + b"\n")
    w = make_window(library=path.name, open_first=False)
    qtbot.waitUntil(lambda: getattr(w, "notice_box", None) is not None and w.notice_box.isVisible(), timeout=5000)
    said = w.notice_box.informativeText()
    assert "Not recovered" in said and f"{path.name}.journal.damaged-" in said, said
    assert w.notice_box.windowTitle() == "Reviewer — library recovered"
    assert len(w.lib.annotations) == len(ids) - 1  # the damaged line's change, and only it, is gone


def test_the_window_works_behind_what_opening_the_library_says(make_window, qtbot, tmp_path, samples) -> None:
    """A new user opened a library he had copied, its journal damaged: the welcome page showed with the box saying
    what was recovered beside it, and a double-click on a letter in the library opened nothing (the box, opened
    modal to the window, held every click until OK). The box stays up; the window behind it works."""
    from PySide6.QtCore import Qt

    from reviewer.store.repository import LibraryStore
    from reviewer.workspace import Workspace

    path = tmp_path / "lib.json"
    ws = Workspace(LibraryStore(path))
    letter_id = ws.add_file(samples / "eastmere_2024_monitoring_visit.pdf")[0].id
    ws.store.close()
    (tmp_path / "lib.json.journal").write_bytes(b'deadbeef ["not a change"]\n')  # a line that does not verify
    w = make_window(open_first=False)
    w.panes.show_welcome()
    qtbot.waitUntil(lambda: getattr(w, "notice_box", None) is not None and w.notice_box.isVisible(), timeout=5000)
    assert w.notice_box.windowModality() == Qt.WindowModality.NonModal
    table = w.library_panel.table
    at = table.visualRect(table.model().index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: w.onscreen.letter_id == letter_id and w.centre.currentWidget() is not w.welcome)
    assert w.notice_box.isVisible()  # (what it says is still there to read)


def test_a_library_file_copied_without_its_letters_says_so_as_it_opens(make_window, qtbot, tmp_path, samples) -> None:
    """A new user's library file copied alone (its letters folder left behind): the window opened on every letter
    listed, and each said at its double-click that its copy was missing. The window says it once, as it opens, in
    sentences."""
    import shutil

    from reviewer.store.repository import LibraryStore
    from reviewer.workspace import Workspace

    ws = Workspace(LibraryStore(tmp_path / "lib.json"))
    ws.add_file(samples / "eastmere_2024_monitoring_visit.pdf")
    ws.store.close()
    shutil.rmtree(tmp_path / "lib-letters")
    w = make_window(open_first=False)
    qtbot.waitUntil(lambda: getattr(w, "notice_box", None) is not None and w.notice_box.isVisible(), timeout=5000)
    said = w.notice_box.informativeText()
    assert said.startswith("The folder lib-letters, where this library keeps its letters, is not beside lib.json")
    assert said.endswith("the folder renamed to match."), said


def test_a_library_opened_whole_says_nothing(make_window, qtbot) -> None:
    w = make_window(open_first=False)
    qtbot.wait(50)
    assert getattr(w, "notice_box", None) is None


def test_select_sentence_after_a_single_click_takes_the_sentence_clicked_in(window, qtbot):
    """A new user clicked into a sentence and pressed Ctrl+Shift+S: nothing happened, with no word why
    (stop 45). A click leaves a caret, and Select Sentence takes the sentence around it."""
    view = window.view
    text = window.onscreen.layout.text
    s = text.index("Too many plans")
    view.scroll_to_range(s, s + 10)
    qtbot.wait(50)
    page, (x0, y0, x1, y1) = window.onscreen.layout.rects(s + 4, s + 8)[0]
    r = view._page_rect(page)
    at = QPointF(r.left() + (x0 + 1) * view.zoom, r.top() + (y0 + y1) / 2 * view.zoom)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at.toPoint())
    assert view.selection() is None and view.caret() is not None
    window.actions_["select_sentence"].trigger()
    said = collapse_ws(view.selected_text())
    assert said.startswith("Too many plans") and said.endswith(".")


def test_the_find_bar_opening_and_closing_leaves_the_page_where_it_is(window, qtbot):
    """A new user closed the Find bar and dragged to select: the page had moved up by the bar's height, and the
    drag took the wrong lines (stop 47). The bar sits below the letter: the text under the pointer stays put."""
    view = window.view
    view.go_to_page(1)
    qtbot.waitUntil(lambda: view.current_page() == 1)
    top = view.mapToGlobal(view.viewport().pos()).y()
    value = view.verticalScrollBar().value()
    window.pages.show_find()
    qtbot.waitUntil(window.find_bar.isVisible)
    qtbot.wait(50)
    assert view.mapToGlobal(view.viewport().pos()).y() == top and view.verticalScrollBar().value() == value
    window.find_bar.close_bar()
    qtbot.wait(50)
    assert view.mapToGlobal(view.viewport().pos()).y() == top and view.verticalScrollBar().value() == value


def test_a_windows_1252_letter_read_in_full_is_said_plainly_not_as_a_warning(make_window, qtbot, tmp_path):
    """A new user's Windows-1252 letter, read right to its last character, was told it "may be missing some of its
    text" (stop 47). How its characters were read is said, with no warning."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    letter = tmp_path / "fernbrook_letter.txt"
    letter.write_bytes("Monitoring visit to Fernbrook\n\nThe council’s £2m plan is “on track”.\n".encode("cp1252"))
    w = make_window(size=(1300, 850))
    w.importer.open_paths([letter])

    def box() -> QMessageBox | None:
        return next((b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()), None)

    qtbot.waitUntil(lambda: box() is not None, timeout=15000)
    shown = box()
    assert shown is not None and shown.windowTitle() == "Opened" and "Windows-1252" in shown.text()
    assert shown.icon() == QMessageBox.Icon.Information and "missing" not in shown.informativeText().replace(
        "nothing is missing", "")
    shown.accept()


def test_a_letter_opened_again_is_said_to_be_in_the_library_already(make_window, qtbot, samples):
    """A new user opened a letter already in the library and was told "Imported 1 letter", as if it were now there
    twice (stop 47). It is said to be there already, and the library still holds it once."""
    w = make_window(size=(1300, 850))
    path = samples / "thornbury_vale_2025_focused_visit.txt"
    w.importer.open_paths([path])
    qtbot.waitUntil(lambda: w.desk.told().startswith("Imported 1 letter"), timeout=15000)
    count = len(w.lib.letters)
    w.importer.open_paths([path])
    qtbot.waitUntil(lambda: "already in the library" in w.desk.told(), timeout=15000)
    assert w.desk.told().startswith("1 letter already in the library") and len(w.lib.letters) == count


def test_undo_of_a_dismissal_on_another_letter_is_seen_where_it_acts(make_window, samples: Path, qtbot):
    """A new user (stop 48): a suggestion dismissed on one letter, another opened from the library, Ctrl+Z: the
    status bar said "Undone: Dismiss suggestion" over the other letter and the card came back out of sight. A
    dismissal is one letter's step like a tag: that letter is opened first and named."""
    w = make_window([samples / "thornbury_vale_2025_focused_visit.pdf", samples / "eastmere_2024_monitoring_visit.pdf"])
    ids = {w.lib.letters[i].source: i for i in w.lib.letters}
    first, second = ids["thornbury_vale_2025_focused_visit.pdf"], ids["eastmere_2024_monitoring_visit.pdf"]
    w.onscreen.open(first)
    qtbot.waitUntil(lambda: w.onscreen.is_laid_out(first))
    w.ws.dismiss_suggestions(first, [(100, 180)])
    w.onscreen.open(second)
    qtbot.waitUntil(lambda: w.onscreen.is_laid_out(second))
    w.actions_["undo"].trigger()
    assert w.lib.settings.get(f"dismissed:{first}", "") in ("", "[]")
    qtbot.waitUntil(lambda: w.onscreen.letter_id == first)
    message = w.statusBar().currentMessage()
    assert "Undone on" in message and "Thornbury Vale" in message and "Dismiss suggestion" in message


def test_words_that_match_nothing_take_the_view_back_where_the_auditor_was(window, qtbot):
    """A new user on page 25 typed "emotional health": "emotional" took the view to page 45, and "No matches" left
    it there. While typing, each key finds the first match from where the auditor was when the words began; when
    the words match nothing the view goes back there, as in a PDF reader."""
    from PySide6.QtTest import QTest

    layout, view = window.onscreen.layout, window.view
    text = layout.text.lower()
    qtbot.waitUntil(lambda: view.current_page() == 0)
    here = view.position()
    later = layout.page_first_offset(layout.page_count - 1)
    word = next(w for w in re.findall(r"[a-z]{9,}", text[later:]) if text.find(w) >= later)  # first on the last page
    window.pages.show_find()
    QTest.keyClicks(window.find_bar.edit, word)
    qtbot.waitUntil(lambda: view.current_page() >= 1)
    QTest.keyClicks(window.find_bar.edit, " qqzx")
    assert window.find_bar.count.text() == "No matches"
    assert view.position() == here
    # after the words are put right, the match is again the first from where the auditor was
    for _ in range(5):
        QTest.keyClick(window.find_bar.edit, Qt.Key.Key_Backspace)
    assert window.find_bar.hits[window.find_bar.current][0] == text.find(word)


def test_find_finds_words_a_page_break_splits(window, qtbot):
    """A new user (stop 48): a phrase across a page's foot was never found, the page number between its halves. The
    letter is searched with its running footers and page numbers blanked; the match is marked without them."""
    layout = window.onscreen.layout
    window.pages.show_find()
    window.find_bar.edit.setText("where it is overridden")
    assert len(window.find_bar.hits) == 1, window.find_bar.count.text()
    s, e = window.find_bar.hits[0]
    assert layout.page_of(s) < layout.page_of(e - 1)  # across the page break
    assert window.find_bar.count.text() == "1 of 1"


def test_enter_in_the_page_box_goes_to_the_page_and_back_to_the_letter(window, qtbot):
    """A new user typed a page in the page box (Ctrl+G), pressed Enter and then Page Down to read on: the box
    still had the focus, and Page Down took ten pages off it (page 13 of 49 went to page 3). As in a PDF reader,
    Enter goes to the page and gives the keys back to the letter."""
    from PySide6.QtTest import QTest

    view, box = window.view, window.pages.page_box
    window.activateWindow()
    window.pages.focus_page_box()
    qtbot.waitUntil(box.hasFocus)
    QTest.keyClicks(box, "3")
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.current_page() == 2)
    qtbot.waitUntil(view.hasFocus)
    QTest.keyClick(view, Qt.Key.Key_PageUp)  # the letter reads the key, not the box
    assert box.value() == view.current_page() + 1 and view.current_page() >= 1


def test_undo_of_a_tag_out_of_sight_brings_its_passage_into_view(window, qtbot):
    """A new user tagged a passage on page 3, read on to page 16 and pressed Ctrl+Z: the tag went, out of sight,
    and nothing on screen changed. An undo is seen where it acts, as it is on another letter."""
    text = window.onscreen.layout.text
    letter = window.lib.letters[window.onscreen.letter_id]
    far = window.ws.tag_quote(letter, text[text.rindex(".", 0, len(text) - 20) + 1:][:40].strip(), ["planning"],
                              "context", author="Ann")
    view = window.view
    view.verticalScrollBar().setValue(0)
    qtbot.wait(50)
    assert not view.in_view(far.start, far.end)
    window.history.undo()
    assert far.id not in window.lib.annotations
    qtbot.waitUntil(lambda: view.in_view(far.start, far.end))
    window.history.redo()
    assert far.id in window.lib.annotations
    near = window.ws.tag_quote(letter, "Since the last inspection", ["workforce"], "strength", author="Ann")
    view.verticalScrollBar().setValue(0)
    qtbot.wait(50)
    assert view.in_view(near.start, near.end)
    place = view.verticalScrollBar().value()
    window.history.undo()
    assert view.verticalScrollBar().value() == place  # (in view already: the letter stays where it is read)


def test_find_finds_words_only_a_running_header_prints(qtbot):
    """The letter is searched with its running headers and footers blanked, so that a phrase a page break splits is
    found; but words only the header prints ("Inspection of Westfold") then found nothing, where a PDF reader finds
    them on every page. Where the letter's own words have no match, the headers and footers are searched, and the
    count says where the matches are."""
    from reviewer.ui.reader.find_bar import FindBar

    header = "Inspection of Westfold children's services\n"
    pages = [header + "1\nChildren are seen often and their plans are reviewed.\n",
             header + "2\nLeaders know their services well.\n"]
    whole = "".join(pages)
    blanked = whole.replace(header, " " * (len(header) - 1) + "\n").replace("\n1\n", "\n \n").replace("\n2\n", "\n \n")
    bar = FindBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.set_text(blanked, whole)
    bar.edit.setText("plans are reviewed")
    assert len(bar.hits) == 1 and bar.count.text() == "1 of 1"  # the letter's own words: as before
    bar.edit.setText("inspection of westfold")
    assert [whole[s:e] for s, e in bar.hits] == ["Inspection of Westfold"] * 2
    assert bar.count.text() == "1 of 2 · in page headers and footers"
    bar.edit.setText("no such words")
    assert bar.hits == [] and bar.count.text() == "No matches"
