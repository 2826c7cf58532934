"""Kill -9 while writing never loses an acknowledged change nor the file; one writer per library."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from crash_writer import run_and_kill  # type: ignore[import-not-found]

from reviewer.cli.main import main as cli
from reviewer.letters.importing import prepare_path
from reviewer.store.lock import lock_path
from reviewer.store.repository import LibraryInUse, LibraryStore

WRITER = Path(__file__).with_name("crash_writer.py")
posix_only = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and fork semantics are POSIX")


def _library(tmp_path: Path, samples: Path) -> Path:
    path = tmp_path / "lib.json"
    store = LibraryStore(path)
    store.add_prepared(prepare_path(samples / "thornbury_vale_2025_focused_visit.pdf"))
    store.close()
    return path


def _start(path: Path, *extra: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, str(WRITER), str(path), *extra], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, bufsize=1)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "ready", proc.stderr.read() if proc.stderr else line
    return proc


@posix_only
def test_kill_storm_never_loses_acknowledged_work(tmp_path: Path, samples: Path) -> None:
    path = _library(tmp_path, samples)
    rng = random.Random(20261122)
    acked: dict[str, str] = {}
    for _round in range(12):
        acked.update(run_and_kill(_start(path), rng.uniform(0.05, 0.6)))
        store = LibraryStore(path)  # opens every time: the lock left by the kill is no obstacle
        try:
            for aid, note in acked.items():
                assert aid in store.library.annotations, f"acknowledged annotation {aid} lost"
                assert store.library.annotations[aid].note == note
        finally:
            store.close()
    assert len(acked) > 12  # the writers did get work acknowledged between kills


@posix_only
def test_killing_the_window_while_tagging_loses_nothing_acknowledged(tmp_path: Path, samples: Path) -> None:
    pytest.importorskip("PySide6")
    path = _library(tmp_path, samples)
    rng = random.Random(7)
    acked: dict[str, str] = {}
    for _round in range(3):  # bench/kill_storm.py --target window runs hundreds
        acked.update(run_and_kill(_start(path, "--window"), rng.uniform(0.3, 1.0)))
        store = LibraryStore(path)
        try:
            assert all(store.library.annotations[a].note == n for a, n in acked.items() if a in store.library.annotations)
            assert set(acked) <= set(store.library.annotations)
        finally:
            store.close()
    assert acked


def test_a_second_store_on_the_same_library_is_refused(tmp_path: Path, samples: Path) -> None:
    path = _library(tmp_path, samples)
    first = LibraryStore(path)
    try:
        before = path.read_bytes()
        with pytest.raises(LibraryInUse) as err:
            LibraryStore(path)
        assert "in use" in str(err.value) and "this computer" in str(err.value)
        assert path.read_bytes() == before  # the refused copy wrote nothing
    finally:
        first.close()
    assert not lock_path(path).exists()
    LibraryStore(path).close()  # free again once the first is closed


def test_the_command_line_is_told_the_library_is_in_use(tmp_path: Path, samples: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _library(tmp_path, samples)
    held = LibraryStore(path)
    try:
        code = cli(["tag", "--db", str(path), "thornbury", "--quote", "Too many plans", "--theme", "planning",
                    "--severity", "improvement"])
        err = capsys.readouterr().err
        assert code == 1 and "in use" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    finally:
        held.close()


@posix_only
def test_a_lock_left_by_a_killed_process_is_recovered(tmp_path: Path, samples: Path) -> None:
    path = _library(tmp_path, samples)
    proc = _start(path)
    try:
        with pytest.raises(LibraryInUse) as err:
            LibraryStore(path)
        assert f"process {proc.pid}" in str(err.value)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert lock_path(path).exists()  # the dead writer's lock file is still there...
    store = LibraryStore(path)  # ...and is taken over
    store.close()


def test_backups_rotate_and_a_damaged_library_is_restored(tmp_path: Path, samples: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from reviewer.store.backups import KEEP, all_backups, take_backup
    from reviewer.store.repository import LibraryDamagedError

    path = _library(tmp_path, samples)
    store = LibraryStore(path)  # opening a changed library takes a backup
    store.close()
    assert len(all_backups(path)) == 1
    for i in range(KEEP + 5):  # bounded: only the newest KEEP are kept
        path.write_bytes(path.read_bytes().replace(b'"themes"', b'"themes"', 1) + b" " * (i + 1))
        take_backup(path)
    assert len(all_backups(path)) == KEEP
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2])  # damaged: half a file
    damaged = path.read_bytes()
    with pytest.raises(LibraryDamagedError) as err:
        LibraryStore(path)
    assert "newest good backup" in str(err.value) and err.value.backups
    assert path.read_bytes() == damaged  # never written over
    code = cli(["tag", "--db", str(path), "thornbury", "--quote", "x", "--theme", "planning", "--severity", "context"])
    assert code == 1 and "reviewer backups --restore" in capsys.readouterr().err
    assert cli(["backups", "--db", str(path)]) == 0 and "(1 letter, 0 annotations)" in capsys.readouterr().out
    assert cli(["backups", "--db", str(path), "--restore"]) == 0
    assert "kept as" in capsys.readouterr().out
    assert list(tmp_path.glob("lib.json.damaged-*"))[0].read_bytes() == damaged  # kept aside, not deleted
    store = LibraryStore(path)
    assert len(store.library.letters) == 1
    store.close()


@posix_only
def test_a_lock_file_removed_between_opening_and_locking_it_is_not_taken(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Found by a deliberate attack: the holder's release unlocks, closes and removes the lock file; a program
    that had just opened the file then locked the removed one, and every later program made a new file and
    took that too: two writers, each saving its own view, and acknowledged tags lost. The second program now
    sees its file is no longer the lock file and takes the new one, so the third is refused."""
    from reviewer.store import lock as lockmod

    library = tmp_path / "lib.json"
    first = lockmod.LibraryLock(library, program="cli")
    first.acquire()
    real, raced = lockmod._os_lock, []

    def holder_lets_go_meanwhile(fh):  # type: ignore[no-untyped-def]
        if not raced:
            raced.append(True)
            first.release()  # between the second program's opening the file and its locking it
        real(fh)

    monkeypatch.setattr(lockmod, "_os_lock", holder_lets_go_meanwhile)
    second = lockmod.LibraryLock(library)
    second.acquire()
    try:
        assert raced and lock_path(library).exists()
        with pytest.raises(lockmod.LibraryLocked, match="in use"):
            lockmod.LibraryLock(library).acquire()
    finally:
        second.release()


def test_a_healthy_library_replaced_by_a_backup_is_kept_for_what_it_is(tmp_path: Path, samples: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """An auditor went back to yesterday's library with `reviewer backups --restore`: the library it replaced was
    healthy and was kept as "lib.json.damaged-<time>", and they took it for broken. A healthy library is kept as
    "lib.json.before-restore-<time>", and the message says where; a damaged one keeps its damaged name."""
    from reviewer.store.backups import good_backups, kept_aside, restore

    path = _library(tmp_path, samples)
    LibraryStore(path).close()  # a backup of the library as it is
    store = LibraryStore(path)
    store.add_prepared(prepare_path(samples / "eastmere_2024_monitoring_visit.pdf"))  # a change since: healthy
    store.close()
    healthy = path.read_bytes()
    assert cli(["backups", "--db", str(path), "--restore"]) == 0
    said = capsys.readouterr().out
    kept = list(tmp_path.glob("lib.json.before-restore-*"))
    assert [k.read_bytes() for k in kept] == [healthy] and not list(tmp_path.glob("lib.json.damaged-*"))
    assert str(kept[0]) in said and "damaged" not in said.replace("not damaged", ""), said
    store = LibraryStore(path)
    assert store.own_file(kept[0]) and len(store.library.letters) == 1  # the backup's; the copy is the library's own
    store.close()

    path.write_bytes(healthy[: len(healthy) // 2])  # now damaged: half a file
    aside = restore(path, good_backups(path)[0].path)
    assert aside is not None and aside.name.startswith("lib.json.damaged-") and aside.read_bytes() == healthy[: len(healthy) // 2]
    assert kept_aside(aside) == f"The damaged library is kept as {aside}"


def test_restoring_never_writes_over_or_through_a_file_at_the_kept_name(tmp_path: Path, samples: Path,
                                                                        monkeypatch) -> None:
    """A file (or a link) already where the replaced library is to be kept (the same microsecond's name): it was
    written over, or the file the link named was (an attack, stop 52). The library is kept under another name."""
    from datetime import datetime as real_datetime

    from reviewer.store import backups

    class Frozen(real_datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
            return real_datetime(2026, 11, 30, 9, 0, 0, 1, tzinfo=tz)

    path = _library(tmp_path, samples)
    LibraryStore(path).close()
    monkeypatch.setattr(backups, "datetime", Frozen)
    taken = path.with_name(f"{path.name}.before-restore-20261130T090000000001Z")
    target = tmp_path / "someone-elses.txt"
    target.write_text("keep me")
    taken.symlink_to(target)
    library = path.read_bytes()
    for no_links in (False, True):
        if no_links:  # (a shared folder without hard links: the copy is made, never through the link either)
            monkeypatch.setattr(backups.os, "link", lambda *a: (_ for _ in ()).throw(PermissionError("no links")))
        aside = backups.restore(path, backups.good_backups(path)[0].path)
        assert aside is not None and aside != taken and aside.read_bytes() == library
        assert target.read_text() == "keep me" and taken.is_symlink()
    damaged = path.with_name(f"{path.name}.damaged-20261130T090000000001Z-2")  # told for what it is, under any name
    assert backups.kept_aside(damaged).startswith("The damaged library is kept as")
    assert "not damaged" in backups.kept_aside(aside)


@pytest.mark.skipif(os.name == "nt", reason="flock")
def test_a_lock_file_whose_words_nest_past_json_depth_still_says_the_library_is_in_use(tmp_path: Path) -> None:
    """The lock's holder's words, read for the message, nested 4,000 lists deep: json raised RecursionError (no
    ValueError) and opening the library ended in it, not in 'in use'."""
    import fcntl

    path = tmp_path / "lib.json"
    LibraryStore(path).close()
    with open(lock_path(path), "wb") as held:
        held.write(b"[" * 4000)
        held.flush()
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(LibraryInUse) as caught:
            LibraryStore(path)
        assert "is in use" in str(caught.value)
