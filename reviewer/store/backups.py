"""Rotating backups of the library, kept beside it, and restoring the newest good one.

A backup is taken when a library is opened and when it is closed, only when the file changed
since the newest backup; the newest ``KEEP`` are kept. "Newest" is by the order they were taken in (a
number in each name), never by the computer's clock alone: a clock that ran ahead and was put right
would otherwise make every new backup the oldest, deleted as soon as written, and offer a stale one to
restore. A backup is "good" when it passes the very
check a library passes when it is opened (``schema.read_library_bytes``: every table, row and
record by type and range), so a poisoned backup is never offered.

Restoring never deletes anything and never leaves the library missing, whenever it is stopped:
the current file is first linked (or copied) aside, as ``*.damaged-<time>`` where it is damaged and
``*.before-restore-<time>`` where it is not (an auditor going back to yesterday's library), then the
backup is written beside the library and put in its place with one atomic rename.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from reviewer.core.atomic import fsync_folder, write_atomic
from reviewer.core.files import FileRefused, read_regular
from reviewer.core.text.words import counted
from reviewer.store.paths import backup_dir
from reviewer.store.schema import Damaged, read_library_bytes

KEEP = 10
DAMAGED, BEFORE_RESTORE = "damaged", "before-restore"  # what a library kept aside by a restore is named for


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    letters: int
    annotations: int

    def describe(self) -> str:
        return (f"{self.taken.strftime('%d %b %Y %H:%M')} UTC ({counted(self.letters, 'letter')}, "
                f"{counted(self.annotations, 'annotation')})")


def check(data: bytes) -> tuple[int, int]:
    """Letters and annotations in a library file's content; ``ValueError`` when it is damaged."""
    try:
        return read_library_bytes(data).counts
    except Damaged as exc:
        raise ValueError(str(exc)) from None


def _stamp(p: Path) -> datetime:
    try:
        return datetime.strptime(p.stem.rsplit("-", 1)[-1], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return datetime.fromtimestamp(p.stat().st_mtime, timezone.utc)


def _taken_as(library: Path, p: Path) -> int:
    """A backup's place in the order backups were taken ("lib-000012-20261128T...Z.json"); 0 for one named
    before backups were numbered (those are older than any numbered one)."""
    rest = p.stem[len(library.stem) + 1:]
    number = rest.split("-", 1)[0]
    return int(number) if "-" in rest and number.isdigit() else 0


def all_backups(library: Path) -> list[Path]:
    """The library's backups, newest first: by the order they were taken, then by their time."""
    folder = backup_dir(library)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{library.stem}-*.json"), key=lambda p: (_taken_as(library, p), _stamp(p)),
                  reverse=True)


def take_backup(library: Path, keep: int = KEEP, min_age: float = 0) -> Path | None:
    """Copy the library into its backups folder when it changed since the newest backup
    (and, with ``min_age``, only when that backup is at least so many seconds old)."""
    try:
        data = library.read_bytes()
    except OSError:
        return None
    if not data.strip():
        return None
    existing = all_backups(library)
    if existing and min_age and 0 <= (datetime.now(timezone.utc) - _stamp(existing[0])).total_seconds() < min_age:
        return None  # (one stamped ahead of the clock, as when the clock has been put back, blocks nothing)
    if existing:  # unchanged since the newest backup: none taken (compared byte for byte, where the sizes agree: a
        # 10 MB library's two hashes took 30 ms of every start)
        try:
            if existing[0].stat().st_size == len(data) and _read(existing[0]) == data:
                return None
        except (OSError, FileRefused):
            pass
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    number = max((_taken_as(library, p) for p in existing), default=0) + 1
    target = backup_dir(library) / f"{library.stem}-{number:06d}-{stamp}.json"
    write_atomic(target, data)
    for old in all_backups(library)[keep:]:
        try:
            old.unlink()
        except OSError:
            pass
    return target


def _read(backup: Path) -> bytes:
    """A backup's bytes, where it is a file: a pipe or a device put in the backups folder under a backup's name
    (a link to /dev/zero) hung every start of the window and `reviewer backups`, or read memory away."""
    return read_regular(backup, what="read as a backup")


def good_backups(library: Path) -> list[Backup]:
    """Backups that pass the integrity check, newest first."""
    out = []
    for p in all_backups(library):
        try:
            letters, anns = check(_read(p))
        except (OSError, ValueError, FileRefused):
            continue
        out.append(Backup(p, _stamp(p), letters, anns))
    return out


def restore(library: Path, backup: Path) -> Path | None:
    """Put ``backup`` in place of the library; the file it replaces is kept as ``*.damaged-<time>`` where it is
    damaged, ``*.before-restore-<time>`` where it is not (returned; None when there was no library file).
    Atomic: killed at any moment, the library path holds either the file it had or the whole backup."""
    try:
        data = _read(backup)
    except FileRefused as exc:
        raise OSError(str(exc)) from None
    check(data)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    kind = _what_it_is(library)
    aside = library.with_name(f"{library.name}.{kind}-{stamp}")
    for n in range(2, 100):  # (a name already taken, a file or a link: never written over nor through)
        if not os.path.lexists(aside):
            break
        aside = library.with_name(f"{library.name}.{kind}-{stamp}-{n}")
    try:
        os.link(library, aside)  # the old file stays where it is, and is also kept under the new name
    except FileNotFoundError:
        aside = None  # type: ignore[assignment]
    except FileExistsError:
        raise OSError(f"cannot keep the library aside: {aside.name} is taken; nothing has been changed") from None
    except OSError:  # no hard links here (some shared folders): a copy, made durable, never over another file
        with open(library, "rb") as src, open(aside, "xb") as dst:
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        shutil.copystat(library, aside)
    if aside is not None:
        fsync_folder(aside.parent)
    write_atomic(library, data)  # written beside, fsynced, then renamed over the library
    return aside


def _what_it_is(library: Path) -> str:
    """The name a library about to be replaced by a backup is kept under: damaged only where it is (or cannot be
    read). A healthy library an auditor replaced with yesterday's was kept as "lib.json.damaged-...", and they
    took it for broken."""
    try:
        check(read_regular(library, what="read as the library"))
    except (OSError, ValueError, FileRefused):
        return DAMAGED
    return BEFORE_RESTORE


def kept_aside(aside: Path) -> str:
    """Where a restore kept the library it replaced, said for what it is ("The damaged library is kept as ...")."""
    damaged = f".{DAMAGED}-" in aside.name  # (also under a second name: "….damaged-<time>-2")
    what = "damaged library" if damaged else "library as it was before the restore (it was not damaged)"
    return f"The {what} is kept as {aside}"
