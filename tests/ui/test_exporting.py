"""File > Export Audit Summary offers a name that says what it is (issue 16, item 10): for one letter,
"<its title> — audit summary.pdf", not the letter's own file name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog


def test_a_one_letter_summary_is_offered_under_a_name_of_its_own(letter_window, monkeypatch, tmp_path: Path):
    offered: list[str] = []

    def save_dialog(_parent, _caption, start, _filters, _chosen=""):  # type: ignore[no-untyped-def]
        offered.append(start)
        return "", ""  # the auditor cancels

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    letter_window.settings.setValue("paths/last_export", str(tmp_path))
    letter_window.actions_["export_summary"].trigger()  # File > Export Audit Summary
    assert [Path(p).name for p in offered] == ["Thornbury Vale — focused visit — March 2025 — audit summary.pdf"]


def test_a_name_typed_without_its_suffix_never_replaces_a_file_unasked(letter_window, monkeypatch, qtbot,
                                                                      tmp_path: Path):
    """A bad-input session (stop 44): "summary" typed in Export Audit Summary replaced "summary.pdf" with no
    question (the dialog asks about the name as typed; the suffix was added after); so did "mypack" over
    "mypack.zip" and "team" over "team.qdc". The auditor is asked, and "No" keeps the file."""
    from PySide6.QtWidgets import QMessageBox

    w = letter_window
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    for name, body in (("summary.pdf", b"mine"), ("mypack.zip", b"mine too"), ("team.qdc", b"and mine")):
        (tmp_path / name).write_bytes(body)
    typed = iter([str(tmp_path / "summary"), str(tmp_path / "mypack"), str(tmp_path / "team")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (next(typed), "")))
    asked: list[str] = []

    def answer(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    w.actions_["export_summary"].trigger()
    w.actions_["export_pack"].trigger()
    w.actions_["export_codebook"].trigger()
    assert [a.split(" already exists")[0] for a in asked] == ["summary.pdf", "mypack.zip", "team.qdc"]
    assert (tmp_path / "summary.pdf").read_bytes() == b"mine" and (tmp_path / "mypack.zip").read_bytes() == b"mine too"
    assert (tmp_path / "team.qdc").read_bytes() == b"and mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mypack.zip", "summary.pdf", "team.qdc"]
    # a name with no file of its full name there is written as before, unasked
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "fresh"), "")))
    w.actions_["export_codebook"].trigger()
    assert (tmp_path / "fresh.qdc").exists() and len(asked) == 3


def test_the_window_never_exports_over_the_library_s_own_files(letter_window, monkeypatch):  # type: ignore[no-untyped-def]
    """A save dialog opened in the library's letters folder, the letter's copy chosen (its name is its id): the summary
    was written over the copy the annotations were made on. The window says why, and writes nothing there."""
    from PySide6.QtWidgets import QMessageBox

    w = letter_window
    store = w.ws.store
    (letter,) = store.library.letters.values()
    copy = store.letter_file(letter)
    before = copy.read_bytes()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: warned.append(text)))
    for action, name in (("export_summary", copy.name), ("export_pack", "pack.zip"), ("export_codebook", "team.qdc")):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, n=name, **k: (str(copy.with_name(n)), "")))
        w.actions_[action].trigger()
    assert len(warned) == 3 and all("library's own files" in t for t in warned), warned
    assert copy.read_bytes() == before and sorted(p.name for p in copy.parent.iterdir() if p.suffix in (".zip", ".qdc")) == []


def test_a_summary_is_written_as_the_library_was_when_asked_whatever_is_tagged_meanwhile(letter_window, monkeypatch, qtbot,
                                                                                          tmp_path: Path):
    """An attack: the workbook (and CSV, PDF) was written on another thread from the live library, so a passage tagged
    while it was being written appeared on its Annotations sheet but not in its counts, and a change made at the wrong
    moment could stop it ("dictionary changed size during iteration"). The writer is given the library as it was."""
    import threading

    import openpyxl

    from reviewer.export import summary_files

    w = letter_window
    ws, lid = w.ws, w.onscreen.letter_id
    ex = ws.text(lid)
    theme = next(iter(ws.library.themes))
    ws.tag(lid, ex.text, ex.page_starts, 0, 40, [theme], "strength", "before the export")
    go, writing = threading.Event(), threading.Event()
    real = summary_files.render

    def slow(*a, **k):  # type: ignore[no-untyped-def]
        writing.set()
        go.wait(10)
        return real(*a, **k)

    monkeypatch.setattr(summary_files, "render", slow)
    out = tmp_path / "summary.xlsx"
    said: list[str] = []
    monkeypatch.setattr(w.exporter.desk, "tell", lambda text, *_a: said.append(text))
    w.exporter.start([lid], "xlsx", out)
    qtbot.waitUntil(writing.is_set, timeout=5000)
    ws.tag(lid, ex.text, ex.page_starts, 100, 160, [theme], "context", "while it was written")
    go.set()
    qtbot.waitUntil(lambda: any(s.startswith("Exported") for s in said), timeout=10000)
    sheet = openpyxl.load_workbook(out)["Annotations"]
    header = [str(c.value).lower() for c in sheet[1]]
    notes = [r[header.index("note")] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert notes == ["before the export"]


def test_closing_the_window_while_a_pack_is_written_stops_it_and_leaves_no_file(letter_window, monkeypatch, qtbot,
                                                                              tmp_path: Path):
    """An attack: Quit while a pack of 120 letters was being written closed the window, and the program went on
    writing for as long again, unseen (8 s there; a manager's library, minutes), then left the pack. Closing stops the
    export as its Cancel button does: no pack, nothing half-written beside it, and the program ends at once."""
    import threading
    import time

    from reviewer.export import pack

    w = letter_window
    real = pack.build_pack
    building = threading.Event()

    def slow(source, letter_ids, auditor, title, progress, cancelled, put):  # type: ignore[no-untyped-def]
        building.set()
        end = time.monotonic() + 20  # a long pack, letter after letter
        while time.monotonic() < end:
            if cancelled():
                raise pack.PackCancelled("cancelled")
            time.sleep(0.01)
        return real(source, letter_ids, auditor, title, progress, cancelled, put)

    monkeypatch.setattr(pack, "build_pack", slow)
    out = tmp_path / "packs"
    out.mkdir()
    w.packs.export_to([w.onscreen.letter_id], out / "team.zip", "Ann Auditor")
    qtbot.waitUntil(building.is_set, timeout=5000)
    began = time.monotonic()
    w.close()
    assert time.monotonic() - began < 2
    assert not w.host.thread.isRunning()
    assert list(out.iterdir()) == []
