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
