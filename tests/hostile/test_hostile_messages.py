"""Issue 14, item 17's minor messages: `search` with the letters folder gone says the letters'
text is missing (not a bare "No match"), and `list` shows newlines and bidi overrides in titles
escaped, one line per letter."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from hostile_kit import library, run  # type: ignore[import-not-found]

from reviewer.store.repository import LibraryStore


def test_search_with_the_letters_folder_gone_says_the_text_is_missing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = library(tmp_path, tags=1)  # one annotation, quoting "drift and delay mean"
    folder = path.with_name("lib-letters")
    shutil.move(folder, tmp_path / "moved-away")
    code, out, err = run(capsys, "search", "--db", str(path), "Leaders in Thornbury")  # only in the letter's text
    assert code == 1 and not out.startswith("No match")
    assert out.startswith(f"The text of every letter could not be searched: the library's letters folder {folder} "
                          "is missing (moved or deleted?). No match for “Leaders in Thornbury” in what could be "
                          "searched (annotations).")
    code, out, err = run(capsys, "search", "--db", str(path), "drift and delay")  # in an annotation's quote
    assert code == 0 and "[quote]" in out
    assert "note: the text of every letter could not be searched" in err
    shutil.move(tmp_path / "moved-away", folder)
    code, out, err = run(capsys, "search", "--db", str(path), "Leaders in Thornbury")
    assert code == 0 and "could not be searched" not in out + err


def test_list_shows_newlines_and_bidi_overrides_in_titles_escaped(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = library(tmp_path, tags=0)
    store = LibraryStore(path)
    letter = next(iter(store.library.letters.values()))
    store.library.put_letter(dataclasses.replace(
        letter, title="Thornbury\nd101f0076ebc  Fake letter\u202efdp.exe", source="thorn\u2066bury\r.pdf"))
    store.close()
    code, out, _ = run(capsys, "list", "--db", str(path))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2  # the header and one letter: a newline in a title cannot forge a row
    assert "Thornbury\\nd101f0076ebc  Fake letter\\u202efdp" in lines[1] and "\u202e" not in out
    assert "thorn\\u2066bury\\r.pdf" in lines[1]
