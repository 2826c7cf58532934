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
