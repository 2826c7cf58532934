"""`reviewer add` stopped by Ctrl+C leaves no letter's copy or text that no letter names (each letter's files were
written before its record was added: a Ctrl+C between the two left them, nobody's, in the letters folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_pdf

from reviewer.cli.main import main
from reviewer.core.annotations.library import Library
from reviewer.store.repository import LibraryStore


def test_ctrl_c_during_add_leaves_only_the_letters_added(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = []
    for i in range(5):
        p = tmp_path / f"letter{i}.pdf"
        p.write_bytes(make_pdf([f"Focused visit to Northwold, letter {i}", "Plans for care leavers are lists."]))
        files.append(str(p))
    put, calls = Library.put_letter, []

    def interrupted(self, letter, initiator=None):  # type: ignore[no-untyped-def]
        if len(calls) == 2:  # the third letter's files kept, then Ctrl+C before its record is added
            raise KeyboardInterrupt
        calls.append(letter.id)
        put(self, letter, initiator)

    monkeypatch.setattr(Library, "put_letter", interrupted)
    db = tmp_path / "lib.json"
    assert main(["--db", str(db), "add", *files]) == 130
    monkeypatch.setattr(Library, "put_letter", put)
    store = LibraryStore(db)
    try:
        assert set(store.library.letters) == set(calls)
        named = {n for x in store.library.letters.values()
                 for n in (store.letter_file(x).name, f"{x.id}.text.json", f"{x.id}.layout")}
        kept = {str(p.relative_to(store.files_dir)) for p in store.files_dir.rglob("*") if p.is_file()}
        assert kept <= named, sorted(kept - named)
    finally:
        store.close()
