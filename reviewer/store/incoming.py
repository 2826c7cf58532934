"""A letter's files kept before its record is added: written (on the window's worker, or by the command line)
into the letters folder's ``incoming/`` under the names they will have, and *adopted* (renamed into the letters
folder) when the letter's record is put in the library. Files a letter never came to name (an import quit
half-way, a letter already in the library, an import undone) stay there and are removed: by the store that wrote
them as it closes, and, where a process was killed first, when the library is next opened and they are older
than ``GRACE``. Only names the store itself writes there are ever removed; nothing in the letters folder itself
is (a letter's copy no record names may be named by a backup or a library kept aside)."""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from pathlib import Path

INCOMING = "incoming"
GRACE = 3600.0  # seconds: a file left in incoming/ this long by a killed process is nobody's (adoption takes a moment)

# What the store writes for a letter (its id is the SHA-256 of its file): its copy, text, layout and folded text,
# and the temporary file ``write_atomic`` writes each through
_OWN = re.compile(r"(?P<id>[0-9a-f]{64})\.(?:pdf|txt|docx|text\.json|layout|fold)")
_PART = re.compile(r"\.(?P<id>[0-9a-f]{64})\.(?:pdf|txt|docx|text\.json|layout|fold)\.[A-Za-z0-9_]+\.part")


def incoming_dir(files_dir: Path) -> Path:
    return files_dir / INCOMING


def staged(final: Path) -> Path:
    """Where ``final`` (a file of the letters folder) is written before its letter is adopted; incoming/ made
    where missing, an OSError where it is not a folder of its own (``ready``). A link standing there under that
    name is removed, never written through (``write_atomic`` writes to the file a link names: a letter's copy
    written over a file elsewhere, and the link, never adopted, left the letter without its copy)."""
    path = ready(final.parent) / final.name
    if os.path.islink(path):
        os.unlink(path)  # (the link alone: what it names is neither written nor removed)
    return path


def _is_folder(folder: Path) -> bool:
    """Whether ``folder`` is a folder of its own: never a link (to a folder elsewhere, whose files are not the
    library's to write or remove), never a file."""
    try:
        return stat.S_ISDIR(os.lstat(folder).st_mode)
    except OSError:
        return False


def ready(files_dir: Path) -> Path:
    """incoming/, made where it is missing; an OSError saying so where something else stands there (a file, or a
    link to a folder elsewhere: nothing is ever written through it)."""
    folder = incoming_dir(files_dir)
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        pass
    if not _is_folder(folder):
        raise OSError(errno.ENOTDIR, f"{folder} is not a folder (a file or a link stands there: move it aside)")
    return folder


def _entries(files_dir: Path) -> list[os.DirEntry[str]]:
    if not _is_folder(incoming_dir(files_dir)):
        return []  # (a link: what it points to is not the library's)
    try:
        with os.scandir(incoming_dir(files_dir)) as it:
            return [e for e in it if e.is_file(follow_symlinks=False)]
    except OSError:
        return []


def adopt(files_dir: Path, letter_id: str) -> list[str]:
    """Move the letter's staged files into the letters folder; returns the names moved."""
    moved = []
    for e in _entries(files_dir):
        m = _OWN.fullmatch(e.name)
        if m and m["id"] == letter_id:
            os.replace(e.path, files_dir / e.name)
            moved.append(e.name)
    return moved


def unadopt(files_dir: Path, names: list[str]) -> None:
    """Put files ``adopt`` moved back in incoming/ (the letter's record was removed again: an import undone), where
    closing removes them, and a redo adopts them again."""
    for name in names:
        try:
            os.replace(files_dir / name, ready(files_dir) / name)
        except OSError:
            pass  # (left as a letter's file: never lost, only not tidied)


def discard(files_dir: Path, letter_id: str, keep_copy_as: Path | None = None) -> None:
    """Remove the letter's staged files: a letter the library has already. ``keep_copy_as``: its staged copy is
    moved there first (the library's copy was lost or changed, and is mended from it)."""
    for e in _entries(files_dir):
        m = _OWN.fullmatch(e.name)
        if not m or m["id"] != letter_id:
            continue
        try:
            if keep_copy_as is not None and e.name == keep_copy_as.name:
                os.replace(e.path, keep_copy_as)
            else:
                os.unlink(e.path)
        except OSError:
            pass


def sweep(files_dir: Path, letters: set[str] | dict[str, object], *, older_than: float | None = GRACE,
          only: set[str] | None = None) -> None:
    """Tidy incoming/: a staged file of a letter the library holds is adopted where the letter's own file is
    missing (a process killed between the two), else removed; a staged file (or a temporary one) of no letter is
    removed when older than ``older_than`` seconds (None: whatever its age); ``only``: those names alone (the files
    this store wrote). Anything else there is left as it is."""
    now = time.time()
    for e in _entries(files_dir):
        if only is not None and e.name not in only:
            continue
        m = _OWN.fullmatch(e.name) or _PART.fullmatch(e.name)
        if m is None:
            continue
        try:
            if m["id"] in letters and m.re is _OWN:
                final = files_dir / e.name
                if final.exists():
                    os.unlink(e.path)
                else:
                    os.replace(e.path, final)
            elif m["id"] not in letters and (older_than is None or now - e.stat().st_mtime > older_than):
                os.unlink(e.path)
        except OSError:
            pass
    try:
        incoming_dir(files_dir).rmdir()  # (only where empty)
    except OSError:
        pass
