"""An encrypted PDF in the window: the password is asked for, a wrong one asked again."""

from __future__ import annotations


import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QInputDialog  # noqa: E402



def test_password_is_asked_and_the_letter_opens(qtbot, make_window, bad_pdfs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w = make_window(auditor=None, size=(1400, 900))
    store = w.store
    answers = iter([("wrong", True), ("secret", True)])
    prompts: list[str] = []

    def answer(_parent, _title, prompt, *_a, **_k):  # type: ignore[no-untyped-def]
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", answer)
    w.importer.open_paths([bad_pdfs["encrypted"]])
    qtbot.waitUntil(lambda: len(store.library.letters) == 1, timeout=15000)
    qtbot.waitUntil(lambda: w.onscreen.layout is not None, timeout=10000)
    assert len(prompts) == 2 and "not right" in prompts[1]
    assert "Focused visit to Nowhere" in w.onscreen.layout.text
    letter = next(iter(store.library.letters.values()))
    import pymupdf

    assert not pymupdf.open(store.letter_file(letter)).needs_pass  # the library keeps it decrypted
    w.close()
