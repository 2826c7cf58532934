"""A library read as it is on disk, never written: for commands that only read it while another program
(the window) holds it, or where this user cannot write (``ReadOnlyStore``), and for ``reviewer dataset``
(``read_library_readonly``).

No lock is taken (the library may be open in a window meanwhile), nothing is folded, repaired, backed
up, cached or kept aside: the library file is read and checked as opening it would
(``schema.read_library``), and the changes its journal holds beyond it are applied in memory. The
library file is replaced atomically by its writer, so what is read is always a whole library; a file
replaced while its journal was being read (the writer folding the journal in) is read again, so no
change is missed between the two.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Letter, PreparedLetter
from reviewer.core.files import FileRefused, read_regular
from reviewer.core.text.documents import Extracted
from reviewer.core.text.layout import Layout
from reviewer.core.text.words import counted
from reviewer.store import schema
from reviewer.store.journal import Journal, Scan
from reviewer.store.letter_files import LetterFiles
from reviewer.store.repository import (LibraryDamagedError, LibraryError, LibraryInUse, LibraryMissingError,
                                       traces_of_library)
from reviewer.store.schema import SCHEMA_VERSION, Damaged

_TRIES = 5  # reads of a library whose file was replaced meanwhile (each a fraction of a second apart at most)


def read_library_readonly(path: Path | str) -> Library:
    """The library at ``path`` (its file and its journal), in memory; ``LibraryError`` saying why not."""
    return _read(Path(path).expanduser())[0]


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def _read(path: Path) -> tuple[Library, Scan]:
    for _attempt in range(_TRIES):
        before = _signature(path)
        rows, scan = _read_once(path)
        if _signature(path) == before:  # not replaced meanwhile: the journal read is the one that follows it
            break
    lib = Library()
    lib.load(rows["letters"].values(), rows["annotations"].values(), rows["themes"].values(), dict(rows["settings"]))
    return lib, scan


def _read_once(path: Path) -> tuple[dict[str, dict[str, Any]], Scan]:
    try:
        os.stat(path)
    except FileNotFoundError:
        raise LibraryError(f"{path}: no such library") from None
    except OSError as exc:
        raise LibraryError(f"the library {path} cannot be read: {exc.strerror or exc}") from None
    try:  # a plain file only: a pipe put in its place would keep the command waiting for a writer for ever
        raw = read_regular(path, what="read as a library")
    except FileRefused as exc:  # (its own words name the file: said once, not "… cannot be read: lib.json cannot be …")
        raise LibraryError(f"the library {path} cannot be read: "
                           f"{str(exc).removeprefix(f'{path.name} cannot be read: ')}") from None
    if not raw.strip() and (traces := traces_of_library(path)):  # as the writer refuses it: never an empty library
        raise LibraryMissingError(
            f"the library {path} is empty, but {', '.join(traces)} beside it show{'s' if len(traces) == 1 else ''} "
            "that it held a library; it is not read as an empty one", path)
    try:
        contents = schema.read_library_bytes(raw) if raw.strip() else schema.read_library({})
    except Damaged as exc:
        raise LibraryDamagedError(f"the library {path} is damaged: {exc}", path) from None
    if contents.schema > SCHEMA_VERSION:
        raise LibraryError(f"the library {path} was written by a newer Reviewer (schema {contents.schema})")
    rows = {t: {key: rec for key, (_, rec) in contents.rows.get(t, {}).items()} for t in schema.KNOWN}
    try:
        scan = Journal(path.with_name(path.name + ".journal")).scan()
    except Damaged as exc:
        raise LibraryError(f"{exc}") from None
    for table, key, doc in scan.ops:  # changes made durable since the file was last written
        if table == "meta":
            continue
        if doc is None:
            rows[table].pop(key, None)
        else:
            rows[table][key] = schema.record(table, doc)[1]
    return rows, scan


class ReadOnlyStore(LetterFiles):
    """The library another program holds (``holder``: who, as its lock says), or one in a folder this user cannot
    write (``LibraryUnwritable``), read as last saved for a command that only reads it. It has a store's reading
    side; its caches are kept in memory only (a letter's text read again, a layout, a search fold), and anything that
    would change the library raises ``refusal()``: the error that kept the lock from being taken."""

    read_only = True
    created = False

    def __init__(self, path: Path | str, in_use: LibraryError) -> None:
        super().__init__(path)
        self.in_use = in_use  # what refuses a change: the message a writing command is given
        self.holder = (in_use.holder if isinstance(in_use, LibraryInUse) else "") or "another program has it open"
        self.library, scan = _read(self.path)
        self.notices: list[str] = []
        if scan.damaged:
            self.notices.append(
                f"{counted(len(scan.damaged), 'line')} of the library's journal could not be read ("
                + "; ".join(scan.damaged[:2]) + "): what they held is not shown; the program that has the "
                "library open recovers what can be when it next opens it")

    @property
    def note(self) -> str:
        """The line a command says before it shows the library read so."""
        if not isinstance(self.in_use, LibraryInUse):
            return f"{self.in_use}; the library is shown as of its last save, read only"
        return f"the library is in use: {self.holder}; shown as of its last save, read only"

    # ------------------------------------------------------------ never written
    def refusal(self) -> LibraryError:
        """What refuses a change here: the message a writing command is given while the holder has the library (or
        while no lock can be taken)."""
        if not isinstance(self.in_use, LibraryInUse):
            return LibraryError(str(self.in_use))
        return LibraryInUse(str(self.in_use), self.in_use.holder)

    def add_prepared(self, prep: PreparedLetter, initiator: object | None = None,
                     saved: bool = False) -> tuple[Letter, bool]:
        raise self.refusal()

    def save_files(self, prep: PreparedLetter) -> None:
        raise self.refusal()

    def save_text(self, letter_id: str, ex: Extracted) -> None:
        self.remember_text(letter_id, ex)  # (for this command only: the letter's kept text is the holder's)

    def save_layout(self, letter_id: str, layout: Layout, extractor: str) -> None:
        pass

    def commit(self, unsaved: str = "") -> None:
        pass  # nothing to make durable: nothing is written

    def flush(self, timeout: float = 10.0) -> bool:
        return True

    def close(self) -> None:
        pass  # no lock, no writer, no backup

    def take_notices(self) -> list[str]:
        out = [f"note: {n}" for n in self.notices]
        self.notices = []
        return out
