"""Issue 14, items 9 and 16 in the window: a letter of nested drawings opened in the window is
stopped by the reading process's limit and said in the import's message, the worker (which draws
the pages) answering meanwhile; a codebook nested too deep is refused in a message, never "unexpected RecursionError"."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from hostile_docs import nested_codes, nested_pdf  # type: ignore[import-not-found]  # noqa: E402
from hostile_kit import THORNBURY  # type: ignore[import-not-found]  # noqa: E402

from reviewer.letters import reading  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from reviewer.store.repository import LibraryStore
    from reviewer.ui.shell.main_window import MainWindow
    from reviewer.workspace import Workspace

    ws = Workspace(LibraryStore(tmp_path / "lib.json"))
    ws.set_auditor("Ann Auditor")
    w = MainWindow(ws, QSettings(str(tmp_path / "lib.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def test_the_window_stops_a_letter_of_nested_drawings_and_says_why(window, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(reading, "LIMITS", reading.Limits(60, 300 * 1024 * 1024))
    hostile = tmp_path / "nested.pdf"
    hostile.write_bytes(nested_pdf(30))
    finished: list[tuple[int, int]] = []
    window.host.worker.import_finished.connect(lambda added, failed: finished.append((added, failed)))
    window.importer.open_paths([hostile, THORNBURY], open_single=False)
    answered: list[bool] = []
    window.host.call(lambda: 1, lambda _: answered.append(bool(finished)))  # the worker, while the file is read
    qtbot.waitUntil(lambda: bool(answered), timeout=2000)
    assert answered == [False]  # answered at once, the hostile letter still being read in its process
    qtbot.waitUntil(lambda: bool(finished), timeout=30000)
    assert finished == [(1, 1)]  # the good letter added, the hostile one not
    errors = window.importer._import_errors
    assert len(errors) == 1 and "nested.pdf needs more than 300 MB of memory to read and was stopped" in errors[0]
    assert [x.source for x in window.lib.letters.values()] == [THORNBURY.name]


def test_the_window_refuses_a_codebook_nested_too_deep(window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a, **k: shown.append(f"{title}: {text}"))
    deep = tmp_path / "deep.qdc"
    deep.write_bytes(nested_codes(100_000))
    themes = dict(window.lib.themes)
    window.packs.import_codebook(deep)
    assert shown == ["Codebook not imported: deep.qdc: the codebook file nests its elements more than 64 deep "
                     "(REFI-QDA files nest a few levels): refused"]
    assert window.lib.themes == themes


def test_closing_with_changes_the_disk_refused_asks_and_keeps_them_by_default(window, qtbot, tmp_path: Path,
                                                                              monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An attack found it: with the disk full, the window warned "Do not quit until this is resolved", yet
    closing it threw the tag away without asking. Closing now tries the write once more and, where it still
    fails, asks; the default keeps the window (and the tag) open; once there is space, closing saves it."""
    import errno

    from PySide6.QtWidgets import QMessageBox

    from reviewer.store.journal import Journal
    from reviewer.store.repository import LibraryStore

    letter, _, _ = window.ws.add_file(THORNBURY)
    real = Journal.append_encoded
    monkeypatch.setattr(Journal, "append_encoded",
                        lambda self, ops: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device")))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)  # the live warning
    window.ws.tag_quote(letter, "drift and delay mean", ["timeliness"], "priority")
    asked: list[str] = []

    def answer(box: QMessageBox, choice: str) -> int:
        asked.append(box.text() + " " + box.informativeText())
        box.setProperty("chosen", choice)
        pick = next(b for b in box.buttons() if b.text() == choice)
        box.setDefaultButton(pick)
        pick.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "Keep Reviewer Open"))
    window.close()
    assert window.isVisible() and asked and "No space left on device" in asked[0]
    assert "this command" not in asked[0]  # (the command line's words: the window had said them too)
    assert "The changes made since the last save are in memory only" in asked[0]
    assert len(window.lib.annotations) == 1  # still in memory
    monkeypatch.setattr(Journal, "append_encoded", real)  # space again
    asked.clear()
    window.close()
    assert not window.isVisible() and not asked  # written as it closed: nothing to ask
    store = LibraryStore(tmp_path / "lib.json")
    try:
        assert [a.severity for a in store.library.annotations.values()] == ["priority"]
    finally:
        store.close()


def test_a_change_made_while_the_disk_is_full_is_shown_not_saved_not_saving(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An attack on a real full disk: once told the library could not be saved, the auditor tagged again and the
    status bar said "Saving…" for as long as the disk stayed full (the refusal, the same one, is not said twice),
    as if the tag were on its way to disk. It says "⚠ Not saved" until the changes are written."""
    import errno

    from PySide6.QtWidgets import QMessageBox

    from reviewer.store.journal import Journal

    letter, _, _ = window.ws.add_file(THORNBURY)
    real = Journal.append_encoded
    monkeypatch.setattr(Journal, "append_encoded",
                        lambda self, ops: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device")))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warned.append(text))
    try:
        window.ws.tag_quote(letter, "drift and delay mean", ["timeliness"], "priority")
        qtbot.waitUntil(lambda: window.save_label.text() == "⚠ Not saved", timeout=5000)
        window.ws.tag_quote(letter, "Yours sincerely", ["timeliness"], "strength")
        qtbot.wait(800)  # (the writer has tried it, and the disk refused it again)
        assert window.save_label.text() == "⚠ Not saved" and len(warned) == 1
    finally:
        monkeypatch.setattr(Journal, "append_encoded", real)  # space again: written within the retry's few seconds
    qtbot.waitUntil(lambda: window.save_label.text() == "All changes saved", timeout=8000)
