"""Quitting the window during an import leaves no letter's copy or text that no letter names: the worker keeps
each letter's files before the window adds its record, and quitting during an import of 40 letters had left those
of 5-26 letters in the letters folder, nobody's."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import make_pdf

from reviewer.store.repository import LibraryStore


def test_quitting_during_an_import_leaves_no_letter_files_nobody_names(make_window, qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    for i in range(16):
        (folder / f"letter{i:02d}.pdf").write_bytes(
            make_pdf([f"Focused visit to Northwold, letter {i}", "Plans for care leavers are lists."], pages=3))
    w = make_window()
    store_path = w.store.path
    with qtbot.waitSignal(w.host.worker.imported, timeout=20000):
        w.importer.open_paths([folder], open_single=False)
    qtbot.wait(50)  # (a few more read and kept by the worker, not yet added by the window)
    w.close()
    store = LibraryStore(store_path)
    try:
        named = {n for x in store.library.letters.values()
                 for n in (store.letter_file(x).name, f"{x.id}.text.json", f"{x.id}.layout")}
        kept = {str(p.relative_to(store.files_dir)) for p in store.files_dir.rglob("*") if p.is_file()}
        assert len(store.library.letters) > 0  # (how many were read before the close is the machine's to say)
        assert kept <= named, sorted(kept - named)[:3]
        for x in store.library.letters.values():
            assert store.letter_bytes(x) and store.saved_text(x.id) is not None
    finally:
        store.close()


def test_a_letter_imported_in_the_window_opens_from_its_kept_copy(make_window, qtbot, tmp_path: Path) -> None:
    p = tmp_path / "one.pdf"
    p.write_bytes(make_pdf(["Focused visit to Northwold", "Plans for care leavers are lists."], pages=2))
    w = make_window()
    with qtbot.waitSignal(w.host.worker.loaded, timeout=20000) as blocker:
        w.importer.open_paths([p])
    assert blocker.args[2] == ""
    assert w.onscreen.layout is not None or qtbot.waitUntil(lambda: w.onscreen.layout is not None) is None
    assert w.store.letter_file(next(iter(w.lib.letters.values()))).read_bytes() == p.read_bytes()


def test_a_folder_is_looked_through_off_the_window_with_the_progress_bar_busy(make_window, qtbot, tmp_path: Path,
                                                                               monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A folder dropped on the window was looked through (every file under it) on the window's thread: a folder on
    a slow network drive froze the window until it was done."""
    import threading
    import time

    from reviewer.workspace import Workspace

    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "one.pdf").write_bytes(make_pdf(["Focused visit to Northwold", "Plans are lists."]))
    slow = threading.Event()
    files_in = Workspace.files_in

    def slowly(paths):  # type: ignore[no-untyped-def]
        slow.wait(10)  # a network drive
        return files_in(paths)

    monkeypatch.setattr(Workspace, "files_in", staticmethod(slowly))
    w = make_window()
    started = time.perf_counter()
    w.importer.open_paths([folder], open_single=False)
    assert time.perf_counter() - started < 1.0
    assert w.progress.isVisible() and w.progress.maximum() == 0 and "Looking for letters" in w.statusBar().currentMessage()
    slow.set()
    qtbot.waitUntil(lambda: len(w.lib.letters) == 1 or bool(w.importer._import_errors), timeout=20000)
    assert len(w.lib.letters) == 1, w.importer._import_errors
