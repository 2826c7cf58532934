"""A library another program holds, read for work that only reads it (``Workspace.open_to_read``): as last
saved, journal included, nothing written; opened as ever while nobody holds it."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.store import readonly
from reviewer.store.lock import lock_path
from reviewer.store.readonly import ReadOnlyStore, read_library_readonly
from reviewer.store.repository import LibraryError, LibraryInUse, LibraryMissingError, LibraryStore
from reviewer.store.search_cache import keep_fold
from reviewer.workspace import Workspace, WorkspaceError
from reviewer.workspace.search import build_index

THORNBURY = "thornbury_vale_2025_focused_visit.pdf"


def on_disk(folder: Path) -> dict[str, tuple[str, int]]:
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def holder(tmp_path: Path, samples: Path) -> Iterator[Workspace]:
    """The window's workspace on a library of one letter: one annotation folded into the file, one in the journal."""
    path = tmp_path / "lib.json"
    first = Workspace(LibraryStore(path))
    letter = first.add_file(samples / THORNBURY)[0]
    first.tag_quote(letter, "Too many plans", ["planning"], "improvement", author="Ann")
    first.close()
    ws = Workspace(LibraryStore(path))
    ws.tag_quote(letter, "Strategy meetings are held promptly", ["risk"], "priority", author="Bea")
    ws.flush()
    yield ws
    ws.close()


def test_open_to_read_reads_what_the_holder_saved_and_writes_nothing(holder: Workspace) -> None:
    path = holder.store.path
    before = on_disk(path.parent)
    ws = Workspace.open_to_read(str(path))
    assert ws.read_only and isinstance(ws.store, ReadOnlyStore)
    assert "has it open" in ws.store.note and "as of its last save" in ws.store.note
    assert {a.author for a in ws.library.annotations.values()} == {"Ann", "Bea"}  # the journal's one too
    (letter,) = ws.library.letters.values()
    assert ws.text(letter.id) is not None and ws.letter_bytes(letter)[:4] == b"%PDF"
    index = build_index(ws)  # folds the text, and keeps no fold
    assert index.search("strategy meetings", ws.library).total
    keep_fold(ws.store, letter.id, "0" * 64, b"x")
    ws.store.save_layout(letter.id, None, "pdf")  # type: ignore[arg-type]
    with pytest.raises(LibraryInUse, match="is in use"):  # a change refuses, with the holder's message
        ws.tag_quote(letter, "Consent is sought", ["risk"], "strength", author="Cat")
    with pytest.raises(LibraryInUse):
        ws.store.add_prepared(None)  # type: ignore[arg-type]
    ws.flush()
    ws.close()
    assert on_disk(path.parent) == before
    assert len(holder.library.annotations) == 2  # the holder's library is its own


def test_open_to_read_opens_as_ever_when_nobody_holds_the_library(tmp_path: Path, samples: Path) -> None:
    path = tmp_path / "lib.json"
    Workspace(LibraryStore(path)).close()
    ws = Workspace.open_to_read(str(path))
    try:
        assert not ws.read_only and isinstance(ws.store, LibraryStore) and lock_path(path).exists()
    finally:
        ws.close()
    assert not lock_path(path).exists()


def test_a_journal_folded_in_while_it_is_read_is_read_again(holder: Workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The writer folds its journal into a new library file and empties it between a reader's reading the file
    and its reading the journal: read once, the journal's changes were in neither."""
    path = holder.store.path
    real = readonly.Journal
    folded: list[bool] = []

    class FoldedMeanwhile(real):  # type: ignore[misc, valid-type]
        def scan(self):  # type: ignore[no-untyped-def]
            if not folded:
                folded.append(True)
                holder.store._compact()  # the writer's own folding: a new file, an empty journal
            return super().scan()

    monkeypatch.setattr(readonly, "Journal", FoldedMeanwhile)
    lib = read_library_readonly(path)
    assert folded and {a.author for a in lib.annotations.values()} == {"Ann", "Bea"}


def test_a_damaged_journal_line_is_said_and_the_rest_read(holder: Workspace) -> None:
    journal = holder.store.path.with_name("lib.json.journal")
    journal.write_bytes(journal.read_bytes() + b"deadbeef [garbage]\n")
    ws = Workspace.open_to_read(str(holder.store.path))
    assert ws.read_only and {a.author for a in ws.library.annotations.values()} == {"Ann", "Bea"}
    (notice,) = ws.store.take_notices()
    assert "journal could not be read" in notice and "line" in notice


def test_a_library_file_emptied_under_the_holder_is_not_read_as_an_empty_library(holder: Workspace) -> None:
    """Zero bytes where the window's library was (a sync client, a disk that lost it): read as an empty library, the
    command line said "The library is empty" and `reviewer dataset` wrote an empty dataset, exit 0. The writer refuses
    such a file when its journal, letters or backups show it held a library; so does a reader."""
    path = holder.store.path
    path.write_bytes(b"")
    before = on_disk(path.parent)
    for read in (lambda: Workspace.open_to_read(str(path)), lambda: read_library_readonly(path)):
        with pytest.raises(LibraryMissingError, match="is empty, but") as caught:
            read()
        assert "lib.json.journal" in str(caught.value) and "backup" in str(caught.value)
    assert on_disk(path.parent) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="a FIFO is a POSIX thing")
def test_a_library_that_is_not_a_plain_file_is_refused_at_once(holder: Workspace) -> None:
    """A pipe where the library was: reading it waited for a writer for ever (the command hung)."""
    path = holder.store.path
    path.unlink()
    os.mkfifo(path)
    done: list[BaseException] = []

    def read() -> None:
        try:
            Workspace.open_to_read(str(path))
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            done.append(exc)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(20)
    if not done:
        with open(path, "wb"):  # let the stuck reader go
            pass
        pytest.fail("reading a library that is a pipe never finished")
    assert isinstance(done[0], LibraryError) and "not a regular file" in str(done[0]), done[0]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_library_named_by_a_symlink_loop_is_said_plainly(tmp_path: Path) -> None:
    """``--db`` naming a link to itself: an "unexpected RuntimeError: Symlink loop", not a library error."""
    loop = tmp_path / "lib.json"
    loop.symlink_to(loop)
    with pytest.raises(LibraryError, match="lib.json"):
        Workspace.open_to_read(str(loop))
    with pytest.raises(LibraryError, match="lib.json"):
        read_library_readonly(loop)


@pytest.mark.parametrize("held", [True, False])
def test_an_export_never_writes_over_the_library_s_own_files(holder: Workspace, held: bool, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    """`reviewer export -o LIBRARY-letters/<id>.pdf` (a file chooser opened in the letters folder, a path pasted from
    `ls`) wrote the summary over the library's copy of the letter: "read only", it destroyed the letter its annotations
    were made on (a later pack export: "the library's copy ... has been changed"). Summaries, packs and codebooks are
    refused in the library's own files, held or not, and nothing is written."""
    path = holder.store.path
    if not held:
        holder.close()
    ws = Workspace.open_to_read(str(path))
    try:
        assert ws.read_only is held
        (letter,) = ws.library.letters.values()
        copy = ws.store.letter_file(letter)
        before = on_disk(path.parent)
        for out in (copy, copy.with_name("summary.pdf"), path.with_name("lib-backups") / "s.md"):
            with pytest.raises(WorkspaceError, match="library's own files"):
                ws.export_summary([letter.id], out)
        with pytest.raises(WorkspaceError, match="library's own files"):
            ws.export_pack([letter.id], copy.with_name("pack.zip"), "Ann")
        with pytest.raises(WorkspaceError, match="library's own files"):
            ws.export_codebook(copy.with_name("team.qdc"))
        link = tmp_path_factory.mktemp("out") / "elsewhere.pdf"  # a link to the copy, outside the library's folder
        link.symlink_to(copy)
        with pytest.raises(WorkspaceError, match="library's own files"):
            ws.export_summary([letter.id], link)
        assert on_disk(path.parent) == before
        ws.export_summary([letter.id], path.with_name("summary.pdf"))  # beside the library: the user's own folder
        assert path.with_name("summary.pdf").read_bytes()[:4] == b"%PDF"
    finally:
        ws.close()


def test_a_library_in_a_folder_this_user_cannot_write_is_read_for_work_that_only_reads_it(
        holder: Workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An attack run as a user with read permission only (a library on a shared folder kept read-only): `reviewer
    list` said "cannot create the lock file …: Permission denied" and showed nothing. Work that only reads it reads it
    as saved, says why it is read only, and a change is refused with the reason. (Run as root here: the lock file's
    refusal is made for it.)"""
    from reviewer.store.lock import LibraryLock, LibraryLocked

    path = holder.store.path
    holder.close()
    before = on_disk(path.parent)

    def refuse(self) -> None:  # type: ignore[no-untyped-def]
        raise LibraryLocked(f"cannot create the lock file {lock_path(path)}: Permission denied", held=False)

    monkeypatch.setattr(LibraryLock, "acquire", refuse)
    ws = Workspace.open_to_read(str(path))
    assert ws.read_only and len(ws.library.annotations) == 2
    assert ws.store.note == (f"cannot create the lock file {lock_path(path)}: Permission denied; the library is shown "
                             "as of its last save, read only")
    letter = next(iter(ws.library.letters.values()))
    with pytest.raises(LibraryError, match="^cannot create the lock file .*: Permission denied$"):
        ws.tag_quote(letter, "Too many plans", ["planning"], "improvement", author="Ann", again=True)
    ws.close()
    assert on_disk(path.parent) == before
    with pytest.raises(LibraryError, match="cannot create the lock file"):  # a change is refused as ever
        Workspace.open(str(path))
