"""A letter whose copy is gone from the library's letters folder is said to be missing, in one sentence: 'reviewer
pack export' of such a letter said '… cannot be read: <id>.pdf cannot be read: No such file or directory' (an
attack, stop 53), the message for a missing copy never reached."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_pdf

from reviewer.core.text.documents import DocumentError
from reviewer.letters.importing import prepare_path
from reviewer.store.repository import LibraryStore


def test_a_copy_deleted_from_the_letters_folder_is_said_to_be_missing(tmp_path: Path) -> None:
    src = tmp_path / "westfold.pdf"
    src.write_bytes(make_pdf(["Focused visit to Westfold (fictional)", "Plans are reviewed on time."]))
    store = LibraryStore(tmp_path / "lib.json")
    try:
        letter, _ = store.add_prepared(prepare_path(src))
        store.letter_file(letter).unlink()
        with pytest.raises(DocumentError) as caught:
            store.letter_bytes(letter)
        said = str(caught.value)
        assert "westfold.pdf is missing from" in said and said.count("cannot be read") == 0
    finally:
        store.close()


def test_a_copy_in_a_letters_folder_this_user_cannot_look_into_is_not_said_to_be_missing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A shared library whose letters folder its reader may not open (no x permission): 'reviewer suggest' and
    'pack export' said 'the library's copy of visit.pdf is missing from …', though it is there (os.path.lexists is
    False where lstat is refused); an auditor told the copies are missing may add them again, or give up on them
    (found by an attack run as a user without permission; run as root here, the folder refuses lstat and stat)."""
    import errno
    import os

    src = tmp_path / "westfold.pdf"
    src.write_bytes(make_pdf(["Focused visit to Westfold (fictional)", "Plans are reviewed on time."]))
    store = LibraryStore(tmp_path / "lib.json")
    try:
        letter, _ = store.add_prepared(prepare_path(src))
        shut = os.fspath(store.files_dir)
        for name in ("stat", "lstat"):
            real = getattr(os, name)

            def refused(path, *a, _real=real, **k):  # type: ignore[no-untyped-def]
                if os.fspath(path).startswith(shut + os.sep):
                    raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
                return _real(path, *a, **k)

            monkeypatch.setattr(os, name, refused)
        with pytest.raises(DocumentError) as caught:
            store.letter_bytes(letter)
        monkeypatch.undo()
        said = str(caught.value)
        assert "missing" not in said and "Permission denied" in said and said.count("cannot be read") == 1, said
    finally:
        store.close()


def test_a_library_file_copied_without_its_letters_folder_says_where_the_folder_should_be(tmp_path: Path) -> None:
    """A new user copied (or renamed) the library file alone: a letter double-clicked said only 'the library's copy of
    … is missing from …/mine-letters', nothing of what to copy or rename. It says which folder, and where; and the
    library says it as it opens (the window shows its notices), not only at each letter."""
    import shutil

    src = tmp_path / "westfold.pdf"
    src.write_bytes(make_pdf(["Focused visit to Westfold (fictional)", "Plans are reviewed on time."]))
    store = LibraryStore(tmp_path / "lib.json")
    try:
        store.add_prepared(prepare_path(src))
    finally:
        store.close()
    (tmp_path / "copy").mkdir()
    shutil.copy(tmp_path / "lib.json", tmp_path / "copy" / "mine.json")
    store = LibraryStore(tmp_path / "copy" / "mine.json")
    try:
        assert len(store.notices) == 1 and store.notices[0].startswith(  # said as it opens, once for all its letters
            "the folder mine-letters, where this library keeps its letters, is not beside mine.json in "
            f"{tmp_path / 'copy'}: none of its 1 letter can be opened"), store.notices
        letter = next(iter(store.library.letters.values()))
        with pytest.raises(DocumentError) as caught:
            store.letter_bytes(letter)
        said = str(caught.value)
        assert said.startswith("the library's copy of westfold.pdf is missing: ")
        assert "a folder mine-letters beside the library file" in said and str(tmp_path / "copy") in said, said
    finally:
        store.close()
