"""A letter's files are the letter's only once its record is in the library: an import quit half-way, a letter
the library already had, or an import undone leaves no copy or text that no letter names (the window's worker
saves each letter's files before the window adds its record: quitting during an import of 40 letters left the
copies and texts of 5-26 of them in the letters folder, nobody's, for ever)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.conftest import make_pdf

from reviewer.letters.importing import prepare_path
from reviewer.store.incoming import GRACE, INCOMING
from reviewer.store.repository import LibraryError, LibraryStore


def _letters(tmp_path: Path, n: int) -> list[Path]:
    out = []
    for i in range(n):
        p = tmp_path / f"letter{i}.pdf"
        p.write_bytes(make_pdf([f"Focused visit to Northwold, letter {i}", "Plans for care leavers are lists."]))
        out.append(p)
    return out


def _kept(store: LibraryStore) -> set[str]:
    """Every file in the letters folder and below it."""
    return {str(p.relative_to(store.files_dir)) for p in store.files_dir.rglob("*") if p.is_file()}


def _own(store: LibraryStore) -> set[str]:
    """The names the library's letters give their files (copy, text, layout)."""
    return {n for x in store.library.letters.values()
            for n in (store.letter_file(x).name, f"{x.id}.text.json", f"{x.id}.layout")}


def test_files_saved_for_letters_never_added_are_gone_when_the_library_closes(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "lib.json")
    preps = [prepare_path(p) for p in _letters(tmp_path, 4)]
    for prep in preps:  # the worker, ahead of the window
        store.save_files(prep)
    for prep in preps[:2]:  # the window added two, then was closed
        store.add_prepared(prep, saved=True)
    assert not (store.files_dir / preps[3].letter.id).with_suffix(".pdf").exists()  # not a letter's file yet
    store.close()
    again = LibraryStore(tmp_path / "lib.json")
    assert set(again.library.letters) == {p.letter.id for p in preps[:2]}
    assert _kept(again) <= _own(again) and {f"{p.letter.id}.pdf" for p in preps[:2]} <= _kept(again)
    for prep in preps[:2]:
        assert again.letter_bytes(again.library.letters[prep.letter.id]) == prep.data
        assert again.saved_text(prep.letter.id).text == prep.extracted.text
    again.close()


def test_a_letter_already_there_leaves_nothing_and_mends_its_lost_copy(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "lib.json")
    (path,) = _letters(tmp_path, 1)
    letter, _ = store.add_prepared(prepare_path(path))
    store.letter_file(letter).unlink()  # its copy lost
    prep = prepare_path(path)
    store.save_files(prep)
    assert store.add_prepared(prep, saved=True) == (letter, False)
    assert store.letter_bytes(letter) == path.read_bytes()
    assert not list((store.files_dir / INCOMING).iterdir())
    store.save_files(prep)  # again, its copy good: nothing waits, nothing is left
    store.add_prepared(prep, saved=True)
    assert _kept(store) <= _own(store)
    store.close()


def test_an_import_undone_takes_its_files_with_it_and_a_redo_brings_them_back(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "lib.json")
    a, b = (prepare_path(p) for p in _letters(tmp_path, 2))
    store.add_prepared(a)
    store.add_prepared(b)
    store.library.remove_letter(b.letter.id)  # (an opened pack undone)
    store.library.remove_letter(a.letter.id)
    store.library.put_letter(a.letter)  # redone
    assert store.letter_bytes(store.library.letters[a.letter.id]) == a.data
    store.close()
    again = LibraryStore(tmp_path / "lib.json")
    assert set(again.library.letters) == {a.letter.id}
    assert _kept(again) <= _own(again) and again.saved_text(a.letter.id) is not None
    again.close()


def test_what_a_killed_import_left_is_swept_on_opening_and_nothing_else(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "lib.json")
    a, b, c, d = (prepare_path(p) for p in _letters(tmp_path, 4))
    store.add_prepared(a)
    store.close()
    incoming, files = store.files_dir / INCOMING, store.files_dir
    old = time.time() - GRACE - 60
    staged_old = incoming / f"{b.letter.id}.pdf"  # written by a process killed before it added the letter
    part_old = incoming / f".{b.letter.id}.text.json.abc123xy.part"  # ... killed while writing
    staged_new = incoming / f"{c.letter.id}.pdf"  # written a moment ago (a lock a network share did not keep)
    foreign = incoming / "my notes.txt"  # not the store's
    stray = files / f"{d.letter.id}.pdf"  # a letter's copy in the folder itself: a backup may name it
    letters_own = incoming / f"{a.letter.id}.text.json"  # a letter's text, its move into the folder not made
    incoming.mkdir()
    (files / f"{a.letter.id}.text.json").rename(letters_own)
    for p, data in ((staged_old, b.data), (part_old, b"{"), (staged_new, c.data), (foreign, b"mine"),
                    (stray, d.data)):
        p.write_bytes(data)
    for p in (staged_old, part_old, foreign, stray):
        os.utime(p, (old, old))
    again = LibraryStore(tmp_path / "lib.json")
    assert not staged_old.exists() and not part_old.exists()
    assert staged_new.exists() and foreign.read_bytes() == b"mine" and stray.read_bytes() == d.data
    assert not letters_own.exists() and again.saved_text(a.letter.id).text == a.extracted.text
    again.close()


def test_keeping_a_letters_files_reads_nothing_the_window_changes(tmp_path: Path) -> None:
    """``save_files`` runs on the window's worker while the GUI thread adds letters: it read the library's letters
    (whether the letter was known) as they changed. It now reads nothing of the library."""

    class Watched(dict):  # type: ignore[type-arg]
        def __getattribute__(self, name):  # type: ignore[no-untyped-def]
            raise AssertionError(f"the library's letters read: {name}")

        def __contains__(self, key):  # type: ignore[no-untyped-def]
            raise AssertionError("the library's letters read")

    store = LibraryStore(tmp_path / "lib.json")
    (path,) = _letters(tmp_path, 1)
    prep = prepare_path(path)
    held, store.library.letters = store.library.letters, Watched()
    try:
        store.save_files(prep)
    finally:
        store.library.letters = held
    assert store.add_prepared(prep, saved=True)[1]
    store.close()


def test_an_incoming_folder_that_is_a_link_elsewhere_is_never_written_or_tidied_through(tmp_path: Path) -> None:
    """incoming/ a symbolic link to a folder outside the library: opening the library deleted the files there
    under the store's names (an hour old), and an import wrote the letter's files there. It is left alone, and an
    import says why it cannot keep the letter."""
    lib = tmp_path / "lib" / "lib.json"
    lib.parent.mkdir()
    store = LibraryStore(lib)
    files_dir = store.files_dir
    store.close()
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / ("ab" * 32 + ".pdf")
    victim.write_bytes(b"someone else's")
    os.utime(victim, (time.time() - 2 * GRACE,) * 2)
    files_dir.mkdir(exist_ok=True)
    (files_dir / INCOMING).symlink_to(outside)
    store = LibraryStore(lib)
    try:
        (path,) = _letters(tmp_path, 1)
        try:
            store.add_prepared(prepare_path(path))
        except LibraryError as exc:
            assert "is not a folder" in str(exc) and INCOMING in str(exc), exc
        else:
            raise AssertionError("a letter kept through a link out of the library")
    finally:
        store.close()
    assert victim.read_bytes() == b"someone else's"
    assert [p.name for p in outside.iterdir()] == [victim.name]


def test_an_incoming_that_is_a_file_is_said_as_such(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "lib.json")
    try:
        store.files_dir.mkdir(exist_ok=True)
        (store.files_dir / INCOMING).write_text("not a folder")
        (path,) = _letters(tmp_path, 1)
        try:
            store.add_prepared(prepare_path(path))
        except LibraryError as exc:  # ('File exists', before)
            assert "is not a folder" in str(exc), exc
        else:
            raise AssertionError("kept")
    finally:
        store.close()
    assert (store.files_dir / INCOMING).read_text() == "not a folder"


def test_a_link_in_incoming_under_a_letters_name_is_never_written_through(tmp_path: Path) -> None:
    """A link put in incoming/ under the name the letter's copy will have, to a file elsewhere: the import wrote
    the letter into that file (write_atomic writes through a link), and, the link never adopted, the letter was
    added without its copy. The link itself is replaced; what it named is left as it was."""
    store = LibraryStore(tmp_path / "lib.json")
    (path,) = _letters(tmp_path, 1)
    prep = prepare_path(path)
    elsewhere = tmp_path / "precious.pdf"
    elsewhere.write_bytes(b"someone else's")
    (store.files_dir / INCOMING).mkdir(parents=True, exist_ok=True)
    for name in (f"{prep.letter.id}.pdf", f"{prep.letter.id}.text.json"):
        (store.files_dir / INCOMING / name).symlink_to(elsewhere)
    try:
        letter, new = store.add_prepared(prep)
        assert new and store.letter_bytes(letter) == prep.data
        assert not store.letter_file(letter).is_symlink()
    finally:
        store.close()
    assert elsewhere.read_bytes() == b"someone else's"


def test_a_letters_folder_that_refuses_the_copy_is_named(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """'reviewer add' as a user who may write the library's folder but not its incoming/ (made by another user)
    said 'cannot copy a.pdf into the library: Permission denied', the folder that refused never named (the
    library's own folder, writable, was where the auditor looked). Run as root here, the folder refuses the
    temporary file instead."""
    import errno
    import tempfile

    store = LibraryStore(tmp_path / "lib.json")
    (path,) = _letters(tmp_path, 1)
    refused = store.files_dir / INCOMING
    real = tempfile.mkstemp

    def mkstemp(*a, dir=None, **k):  # type: ignore[no-untyped-def]
        if dir is not None and Path(dir) == refused:
            raise PermissionError(errno.EACCES, "Permission denied", str(Path(dir) / ".x.part"))
        return real(*a, dir=dir, **k)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    try:
        try:
            store.add_prepared(prepare_path(path))
        except LibraryError as exc:
            assert "Permission denied" in str(exc) and str(refused) in str(exc), exc
        else:
            raise AssertionError("kept")
    finally:
        monkeypatch.undo()
        store.close()
