"""Issue 14, items 1 and 2: a command exits non-zero unless its change is durable; text that
cannot be stored is cleaned before it is accepted; one bad record never stops the saves after it."""

from __future__ import annotations

import errno
import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile_kit import QUOTES, annotations_in_file, files_beside, journal, library, resign_pack, run, tag  # type: ignore[import-not-found]

from reviewer.core.annotations.model import Annotation, clean_text
from reviewer.store.journal import Journal
from reviewer.store.repository import LibraryError, LibraryStore, NotSaved

posix_only = pytest.mark.skipif(os.name != "posix", reason="file size limits and surrogate-escaped argv are POSIX")


def _on_disk(path: Path) -> dict[str, dict]:
    """Annotations as a fresh open would see them: the file plus its journal."""
    records = annotations_in_file(path)
    for table, key, doc in Journal(journal(path)).read():
        if table == "annotations":
            if doc is None:
                records.pop(key, None)
            else:
                records[key] = doc
    return records


def _full_disk() -> None:  # in the child: room for the lock file and little else
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (400, 400))


@posix_only
@pytest.mark.parametrize("command", ["tag", "note-only"])
def test_a_command_whose_change_cannot_be_saved_exits_non_zero(command: str, tmp_path: Path) -> None:
    """Before: "could not save … No space left on device" came after the new id, with exit 0."""
    path = library(tmp_path, tags=2)
    before, count = files_beside(path), len(_on_disk(path))
    args = ["tag", "--db", str(path), "thornbury", "--quote", QUOTES[1], "--theme", "planning",
            "--severity", "improvement", "--author", "Ann"] + (["--note", "x" * 500] if command == "note-only" else [])
    proc = subprocess.run([sys.executable, "-m", "reviewer", *args], capture_output=True, text=True,
                          preexec_fn=_full_disk, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "could not save the library" in proc.stderr and "Nothing this command changed has been saved" in proc.stderr
    assert "unexpected" not in proc.stderr
    assert files_beside(path) == before  # the library, its journal and letters exactly as they were
    assert len(_on_disk(path)) == count
    assert run_ok(path)


def run_ok(path: Path) -> bool:
    proc = subprocess.run([sys.executable, "-m", "reviewer", "list", "--db", str(path)], capture_output=True, text=True,
                          timeout=120)
    return proc.returncode == 0


def test_a_failed_write_fails_the_command_in_process(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = library(tmp_path, tags=1)
    before = files_beside(path)

    def full(self, ops):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Journal, "append_encoded", full)
    code, out, err = run(capsys, "tag", "--db", str(path), "thornbury", "--quote", QUOTES[1], "--theme", "planning",
                         "--severity", "strength", "--author", "Ann")
    assert code == 1 and "No space left on device" in err and "Nothing this command changed has been saved" in err
    assert out == ""  # the new annotation's line is said once it is saved (an attack found it said before)
    assert err.count("No space left") == 1  # said once, not again as the library closes
    monkeypatch.undo()
    assert files_beside(path) == before
    gc.collect()  # the failed command's store keeps the lock (as its process would until it ended) until collected
    code, out, _ = run(capsys, "annotations", "--db", str(path), "--format", "json")
    assert code == 0 and len(json.loads(out)) == 1


def _fill_the_disk(monkeypatch):  # type: ignore[no-untyped-def]
    """Every journal write fails as on a full disk; returns the real write, to give the room back."""
    real = Journal.append_encoded
    monkeypatch.setattr(Journal, "append_encoded", lambda self, ops: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    return real


def test_a_write_that_fails_then_succeeds_is_saved_and_commit_says_so(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = library(tmp_path, tags=0)
    store = LibraryStore(path)
    told: list[str] = []
    store.on_write_error = told.append
    real = _fill_the_disk(monkeypatch)
    first = tag(store, "while the disk is full")
    with pytest.raises(NotSaved, match="full"):
        store.commit()
    assert told and store.write_error
    monkeypatch.setattr(Journal, "append_encoded", real)  # space again: the change is written with the next
    second = tag(store, "after space was freed")
    store.commit()
    assert store.write_error is None and {first, second} <= set(_on_disk(path))
    store.close()


def _refused(tmp_path: Path, monkeypatch, retry_every: float):  # type: ignore[no-untyped-def]
    """A library whose writes the disk refuses, retried every ``retry_every`` seconds: its path, its store, what the
    store told of failures, an event set when it is saved again, and the journal's real append."""
    import threading

    from reviewer.store import repository

    monkeypatch.setattr(repository, "RETRY_EVERY", retry_every)
    path = library(tmp_path, tags=0)
    store = LibraryStore(path)
    told: list[str] = []
    saved = threading.Event()
    store.on_write_error = told.append
    store.on_saved_again = saved.set
    return path, store, told, saved, _fill_the_disk(monkeypatch)


def test_changes_a_full_disk_refused_are_written_once_there_is_room_without_another_change(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An attack (stop 48): with space freed, the window's "Not saved" stayed, and the changes waited in memory until
    the auditor changed something else. The writer tries them again every few seconds, and says when they are saved."""
    path, store, told, saved, real = _refused(tmp_path, monkeypatch, retry_every=0.2)
    first = tag(store, "while the disk is full")
    with pytest.raises(NotSaved, match="full"):
        store.commit()
    assert told and store.write_error and not saved.is_set()
    monkeypatch.setattr(Journal, "append_encoded", real)  # room again, and no other change
    assert saved.wait(10)
    assert store.write_error is None and first in _on_disk(path)
    store.close()


def test_a_write_refused_again_and_again_is_said_once_until_it_is_saved(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An attack: with the library's folder read-only for a while, the window's "changes not saved" warning came back
    every three seconds, one box over another, as each retry failed the same way. A failure is said once; saved again,
    a later failure is said again."""
    import time

    path, store, told, saved, real = _refused(tmp_path, monkeypatch, retry_every=0.05)
    first = tag(store, "while the folder is read-only")
    time.sleep(0.6)  # a dozen retries, each refused
    second = tag(store, "another, refused the same way")
    time.sleep(0.3)
    assert len(told) == 1 and "full" in told[0]
    monkeypatch.setattr(Journal, "append_encoded", real)
    assert saved.wait(10) and {first, second} <= set(_on_disk(path))
    _fill_the_disk(monkeypatch)  # refused again, after it was saved: said again
    tag(store, "a new failure")
    with pytest.raises(NotSaved):
        store.commit()
    assert len(told) == 2
    monkeypatch.setattr(Journal, "append_encoded", real)
    store.close()


@posix_only
def test_a_latin1_note_is_stored_as_the_text_it_meant(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`--note $'caf\\xe9'` reaches Python as 'caf\\udce9', which UTF-8 cannot hold. Before: accepted,
    exit 0, never saved."""
    path = library(tmp_path, tags=0)
    note = os.fsdecode(b"caf\xe9")
    assert note == "caf\udce9"
    code, out, err = run(capsys, "tag", "--db", str(path), "thornbury", "--quote", QUOTES[0], "--theme", "planning",
                         "--severity", "improvement", "--note", note, "--author", os.fsdecode(b"Ren\xe9e"))
    assert code == 0 and "café" in err and "not UTF-8" in err
    saved = list(_on_disk(path).values())
    assert [(a["note"], a["author"]) for a in saved] == [("café", "Renée")]
    assert b"caf\xc3\xa9" in path.read_bytes()  # folded into the library file as UTF-8


@posix_only
def test_a_latin1_file_name_is_added_and_shown(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = library(tmp_path / "lib", tags=0)
    letter = tmp_path / os.fsdecode(b"r\xe9sum\xe9.txt")
    letter.write_text("Focused visit to Nowhere children's services.\n\nA sentence about findings.\n", encoding="utf-8")
    code, out, err = run(capsys, "add", "--db", str(path), str(letter))
    assert code == 0 and "résumé" in out
    code, out, _ = run(capsys, "list", "--db", str(path), "--json")
    assert code == 0 and {x["source"] for x in json.loads(out)} >= {"résumé.txt"}


def test_clean_text_keeps_good_text_and_mends_what_cannot_be_stored() -> None:
    assert clean_text("café — “quoted” 😀") == "café — “quoted” 😀"
    assert clean_text("caf\udce9") == "café"
    assert clean_text("\udca3 5") == "£ 5"
    assert clean_text("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    assert clean_text("\udc81") == "\ufffd"  # a byte Windows-1252 leaves undefined


def test_a_record_that_cannot_be_stored_is_left_out_and_never_stops_the_next(tmp_path: Path) -> None:
    """Before: the failed batch was retried with every later change, so nothing after it was saved
    until the window closed."""
    path = library(tmp_path, tags=0)
    store = LibraryStore(path)
    told: list[str] = []
    store.on_write_error = told.append
    good = tag(store, "good before")
    template = store.library.annotations[good]
    bad = Annotation(**{**template.__dict__, "id": "bad-record", "letter_id": "not a letter id"})
    store.library.put_annotation(bad)  # a record no library could read back (made by a bug, say)
    later = tag(store, "good in the same batch")
    with pytest.raises(NotSaved, match="bad-record.*left out.*every other change was saved"):
        store.commit()
    assert len(told) == 1 and store.write_error is None
    after = tag(store, "good after")
    store.commit()  # nothing retried, nothing failing: the bad record is not tried again
    assert len(told) == 1
    on_disk = _on_disk(path)
    assert {good, later, after} <= set(on_disk) and "bad-record" not in on_disk
    store.close()
    again = LibraryStore(path)
    assert {good, later, after} <= set(again.library.annotations)
    again.close()


def test_a_pack_with_a_lone_surrogate_imports_and_the_next_tag_is_saved(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Before: the pack's string could not be written to the journal; `pack import` said "could not
    save" with exit 0 and every later change was stuck behind it."""
    source = library(tmp_path / "ann", tags=2)
    assert run(capsys, "pack", "export", "--db", str(source), "-o", str(tmp_path / "ann.zip"))[0] == 0

    def poison(records):  # type: ignore[no-untyped-def]
        records["annotations"][0]["note"] = "bad \ud800 text"
        records["annotations"][1]["author"] = "\udce9ric"

    pack = resign_pack(tmp_path / "ann.zip", tmp_path / "poison.zip", poison)
    manager = library(tmp_path / "meg", tags=0)
    code, out, err = run(capsys, "pack", "import", "--db", str(manager), str(pack))
    assert code == 0 and "could not save" not in err, err
    notes = {a["note"] for a in _on_disk(manager).values()}
    assert "bad \ufffd text" in notes and len(_on_disk(manager)) == 2
    code, _, err = run(capsys, "tag", "--db", str(manager), "thornbury", "--quote", QUOTES[1], "--theme", "planning",
                       "--severity", "strength", "--note", "after the pack", "--author", "Meg")
    assert code == 0 and err == ""
    assert len(_on_disk(manager)) == 3 and "after the pack" in {a["note"] for a in _on_disk(manager).values()}


def test_commit_after_close_is_not_a_silent_success(tmp_path: Path) -> None:
    path = library(tmp_path, tags=0)
    store = LibraryStore(path)
    store.close()
    with pytest.raises(LibraryError):
        store.commit()


def test_a_library_file_replaced_while_open_is_kept_aside_before_it_is_written_over(tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An attack (stop 48): with the window open, another program replaced the library file (as a sync client
    would); the next tag and quitting wrote the window's library over it without a word, and no copy of the other
    file was kept. It is kept aside, and the user told, before it is written over."""
    import shutil

    path = library(tmp_path, tags=0)
    other = library(tmp_path / "other", tags=1)
    store = LibraryStore(path)
    told: list[str] = []
    store.on_notice = told.append
    mine = tag(store, "before the file was replaced")
    store.commit()
    theirs = other.read_bytes()
    shutil.copy2(other, path.with_name("incoming.json"))
    os.replace(path.with_name("incoming.json"), path)  # replaced from outside, as a sync tool does
    later = tag(store, "after the file was replaced")
    store.commit()
    store.close()
    kept = sorted(path.parent.glob(f"{path.stem}.replaced-*{path.suffix}"))
    assert len(kept) == 1 and kept[0].read_bytes() == theirs
    assert len(told) == 1 and kept[0].name in told[0] and "replaced by another program" in told[0]
    assert {mine, later} <= set(_on_disk(path))
    again = LibraryStore(path)  # the library opens as this store held it, and nothing more is told
    assert {mine, later} <= set(again.library.annotations) and not again.notices
    again.close()
