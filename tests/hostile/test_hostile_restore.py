"""Issue 14, item 4: `backups --restore` killed at any step leaves a library; a library that had
a library file and now has none is never silently re-created empty."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile_kit import ROOT, files_beside, journal, library, run, tag  # type: ignore[import-not-found]

from reviewer.store.backups import good_backups
from reviewer.store.repository import LibraryDamagedError, LibraryMissingError, LibraryStore

posix_only = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")

# The restore in a child that SIGKILLs itself just before (or just after) its N-th file-system step.
CHILD = r"""
import os, shutil, signal, sys
sys.path.insert(0, sys.argv[1])
n, when, steps = int(sys.argv[3]), sys.argv[4], [0]
def wrap(mod, name):
    real = getattr(mod, name)
    def step(*a, **k):
        steps[0] += 1
        if when == "before" and steps[0] == n:
            os.kill(os.getpid(), signal.SIGKILL)
        out = real(*a, **k)
        if when == "after" and steps[0] == n:
            os.kill(os.getpid(), signal.SIGKILL)
        return out
    setattr(mod, name, step)
for name in ("link", "replace", "rename", "fsync", "unlink", "truncate", "write"):
    wrap(os, name)
wrap(shutil, "copy2")
from reviewer.cli.main import main
sys.exit(main(["backups", "--db", sys.argv[2], "--restore"]))
"""


@pytest.fixture
def damaged_with_backup(tmp_path: Path) -> tuple[Path, bytes, bytes]:
    path = library(tmp_path, tags=3)
    LibraryStore(path).close()
    backup = good_backups(path)[0].path.read_bytes()
    damaged = path.read_bytes()[:-40]
    path.write_bytes(damaged)
    return path, damaged, backup


@posix_only
@pytest.mark.parametrize("when", ["before", "after"])
def test_kill_at_every_step_of_restore_leaves_a_library(when: str, damaged_with_backup, capsys) -> None:  # type: ignore[no-untyped-def]
    """Before: a kill right after the library was renamed aside left no library, and the next
    command silently made an empty one."""
    path, damaged, backup = damaged_with_backup
    finished = False
    for n in range(1, 60):
        path.write_bytes(damaged)
        proc = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(path), str(n), when],
                              capture_output=True, text=True, timeout=60)
        assert path.exists(), f"no library after a kill at step {n} ({when})"
        assert path.read_bytes() in (damaged, backup)  # the old file or the whole backup, never a part
        if path.read_bytes() == damaged:
            with pytest.raises(LibraryDamagedError):
                LibraryStore(path)
        else:
            store = LibraryStore(path)
            assert not store.created and len(store.library.annotations) == 3
            store.close()
        for aside in path.parent.glob("lib.json.damaged-*"):
            assert aside.read_bytes() in (damaged, b"")  # a copy cut short by the kill is at worst empty...
        assert any(a.read_bytes() == damaged for a in path.parent.glob("lib.json.damaged-*")) or \
            path.read_bytes() == damaged  # ...and the damaged file is always somewhere, whole
        if proc.returncode == 0:
            finished = True
            break
        assert proc.returncode == -9, proc.stderr
    assert finished and n > 3  # every step was interrupted once before the restore ran to its end


@pytest.mark.parametrize("left", ["journal", "letters", "backups", "all"])
def test_a_missing_library_is_not_recreated_empty(left: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = library(tmp_path, tags=3)
    LibraryStore(path).close()  # a backup
    path.unlink()
    if left != "journal" and left != "all":
        journal(path).unlink()
    if left not in ("letters", "all"):
        for f in (tmp_path / "lib-letters").iterdir():
            f.unlink()
    if left not in ("backups", "all"):
        for f in (tmp_path / "lib-backups").iterdir():
            f.unlink()
    before = files_beside(path)

    code, out, err = run(capsys, "tag", "--db", str(path), "thornbury", "--quote", "x", "--theme", "planning",
                         "--severity", "context")

    assert code == 1 and out == "" and "is missing" in err and "nothing has been created" in err
    assert not path.exists() and files_beside(path) == before
    if left in ("backups", "all"):
        assert "reviewer backups --restore" in err
        assert run(capsys, "backups", "--db", str(path), "--restore")[0] == 0
        code, out, _ = run(capsys, "annotations", "--db", str(path), "--format", "json")
        assert code == 0 and len(json.loads(out)) == 3
    else:
        assert "move those aside" in err
    with pytest.raises(LibraryMissingError) if not path.exists() else _nothing():
        LibraryStore(path).close()


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False


def test_an_emptied_library_file_is_not_taken_for_a_new_library(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = library(tmp_path, tags=2)
    path.write_bytes(b"")
    code, _, err = run(capsys, "list", "--db", str(path))
    assert code == 1 and "is empty" in err
    assert path.read_bytes() == b""


def test_a_new_library_is_created_at_once_and_still_opens_freely(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "fresh" / "lib.json"
    store = LibraryStore(path)
    assert store.created and path.exists() and path.stat().st_size > 0  # before any change is written
    store.close()
    code, out, _ = run(capsys, "list", "--db", str(path))
    assert code == 0 and "empty" in out


def test_backups_taken_while_the_clock_ran_ahead_do_not_push_out_new_ones(tmp_path: Path) -> None:
    """An attack found it: ten backups stamped 2030 (the clock ran ahead, and was put right) made every
    new backup the oldest, deleted as soon as it was written, and a restore offered the stale 2030 copy.
    Backups are ordered by the order they were taken in; a stamp ahead of the clock blocks none."""
    from reviewer.store.backups import KEEP, all_backups, backup_dir, good_backups, take_backup

    path = library(tmp_path, tags=1)
    folder = backup_dir(path)
    folder.mkdir(exist_ok=True)
    stale = path.read_bytes()
    for i in range(KEEP):  # named as backups were before they were numbered, stamped in the future
        (folder / f"{path.stem}-2030010{i % 10}T120000000000Z.json").write_bytes(stale)
    for n in range(2):
        store = LibraryStore(path)
        tag(store, f"after the clock was put right {n}")
        store.close()
        newest = take_backup(path)
        assert newest is not None and all_backups(path)[0] == newest and newest.exists()  # kept, the newest
    assert len(all_backups(path)) == KEEP
    assert good_backups(path)[0].annotations == 3  # the newest offered first is the newest taken


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("thing", ["a pipe", "a link to an endless device"])
def test_a_pipe_or_device_named_as_the_newest_backup_is_passed_over(thing: str, tmp_path: Path) -> None:
    """A pipe under a backup's name hung `reviewer backups` (and every opening of the library, which compares the
    newest backup) for ever, waiting for a writer; a link to /dev/zero read memory away (12 GB in 30 s). Each is
    passed over as no good backup; the good ones are listed, the library opens, a good one is restored."""
    path = library(tmp_path, tags=2)
    LibraryStore(path).close()
    (good,) = good_backups(path)
    odd = good.path.with_name(f"{path.stem}-999999-20991231T000000000000Z.json")
    if thing == "a pipe":
        os.mkfifo(odd)
    else:
        odd.symlink_to("/dev/zero")
    script = ("import sys; sys.path.insert(0, sys.argv[1]); from reviewer.cli.main import main; "
              "from reviewer.store.repository import LibraryStore; "
              "LibraryStore(sys.argv[2]).close(); sys.exit(main(sys.argv[3:]))")
    for args in (["backups"], ["backups", "--restore"]):
        done = subprocess.run([sys.executable, "-c", script, str(ROOT), str(path), *args, "--db", str(path)],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    assert good.path.name in subprocess.run(
        [sys.executable, "-c", script, str(ROOT), str(path), "backups", "--db", str(path)],
        capture_output=True, text=True, timeout=60).stdout
