"""An encrypted PDF in the window: the password is asked for, a wrong one asked again."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QInputDialog  # noqa: E402

from reviewer.store.repository import LibraryStore  # noqa: E402
from reviewer.workspace import Workspace  # noqa: E402
from reviewer.ui.shell import main_window as mw  # noqa: E402


def test_password_is_asked_and_the_letter_opens(qtbot, tmp_path: Path, bad_pdfs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = LibraryStore(tmp_path / "lib.json")
    w = mw.MainWindow(Workspace(store), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    answers = iter([("wrong", True), ("secret", True)])
    prompts: list[str] = []

    def answer(_parent, _title, prompt, *_a, **_k):  # type: ignore[no-untyped-def]
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", answer)
    w.open_paths([bad_pdfs["encrypted"]])
    qtbot.waitUntil(lambda: len(store.library.letters) == 1, timeout=15000)
    qtbot.waitUntil(lambda: w.layout_ is not None, timeout=10000)
    assert len(prompts) == 2 and "not right" in prompts[1]
    assert "Focused visit to Nowhere" in w.layout_.text
    letter = next(iter(store.library.letters.values()))
    import pymupdf

    assert not pymupdf.open(store.letter_file(letter)).needs_pass  # the library keeps it decrypted
    w.close()
