"""The library's files beside it, as read: its copy of each letter (checked against the letter's id), the
text its annotations were made on and the layout kept for it. ``LibraryStore`` (which also writes them)
and ``ReadOnlyStore`` (which never does) both read them through ``LetterFiles``."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Letter
from reviewer.core.text.documents import FILE_SUFFIX, DocumentError, Extracted, content_id, text_sha
from reviewer.core.text.layout import Layout
from reviewer.core.text.layout_file import load_layout
from reviewer.core.files import FileRefused, read_regular
from reviewer.store.paths import backup_dir, letters_dir


class LetterFiles:
    """The library at ``path`` in memory (``library``) and the files kept for its letters."""

    read_only = False  # True: nothing is ever written (``ReadOnlyStore``)

    def __init__(self, path: Path | str) -> None:
        try:
            self.path = Path(path).expanduser().resolve()
        except (OSError, RuntimeError):  # a link to itself (Python 3.11 says RuntimeError): left as named, so that
            self.path = Path(path).expanduser().absolute()  # opening or reading it says why it cannot be read
        self.files_dir = letters_dir(self.path)
        self.library = Library()
        self._texts: dict[str, Extracted] = {}

    def own_file(self, path: Path) -> bool:
        """Whether ``path`` (followed where it is a link) is one of the library's own files: the library, its journal,
        lock or a copy of it kept aside, or anything in its letters or backups folder. Nothing but the store writes
        there: an export named so would destroy what it names (a letter's copy, a backup)."""
        try:
            p = Path(path).expanduser().resolve()
        except (OSError, RuntimeError):
            return False
        if self.files_dir in p.parents or backup_dir(self.path) in p.parents:
            return True
        return p.parent == self.path.parent and (p.name == self.path.name or p.name.startswith(
            tuple(f"{self.path.name}.{what}" for what in ("journal", "lock", "damaged-", "before-restore-")))
            or p.name.startswith(f"{self.path.stem}.replaced-"))

    def letter_file(self, letter: Letter) -> Path:
        return self.files_dir / f"{letter.id}.{FILE_SUFFIX.get(letter.kind, 'txt')}"

    def _text_file(self, letter_id: str) -> Path:
        return self.files_dir / f"{letter_id}.text.json"

    def layout_file(self, letter_id: str) -> Path:
        return self.files_dir / f"{letter_id}.layout"

    def saved_layout(self, letter_id: str, extractor: str) -> Layout | None:
        """The letter's layout as saved, if it is of its current text by ``extractor`` (the current one).
        Reads one file and no shared state beyond the letter's record: safe from a worker thread."""
        letter = self.library.letters.get(letter_id)
        if letter is None:
            return None
        try:
            data = read_kept(self.layout_file(letter_id))
        except OSError:
            return None
        return load_layout(data, letter.text_sha, extractor)

    def letter_bytes(self, letter: Letter) -> bytes:
        return read_letter_copy(self.letter_file(letter), letter)

    def saved_text(self, letter_id: str) -> Extracted | None:
        """The letter's text as last saved, if it is the text its annotations refer to; never runs
        PyMuPDF, so the GUI thread may call it while the worker owns PyMuPDF."""
        if letter_id in self._texts:
            return self._texts[letter_id]
        letter = self.library.letters.get(letter_id)
        if letter is None:
            return None
        try:
            d = json.loads(read_kept(self._text_file(letter_id)).decode("utf-8"))
            saved = Extracted(d["text"], list(d["page_starts"]), int(d["pages"]), str(d["extractor"]))
        except (OSError, ValueError, KeyError, TypeError, RecursionError):  # (nested past json's depth)
            return None
        return saved if text_sha(saved.text) == letter.text_sha else None

    def remember_text(self, letter_id: str, ex: Extracted) -> None:
        """Hold ``ex`` as the letter's text for this session (the workspace has just made it so)."""
        self._texts[letter_id] = dataclasses.replace(ex, layout=None)


def read_kept(path: Path) -> bytes:
    """A file of the letters' folder, where it is a file: a pipe put there under a letter's or its text's name
    hung `reviewer suggest`, `search` and `export` for ever (OSError, as a missing file, where it is not one)."""
    try:
        return read_regular(path, what="read as the library's copy")
    except FileRefused as exc:
        try:
            os.lstat(path)
        except FileNotFoundError:  # (gone: said as a missing copy is, not as one that cannot be read)
            raise FileNotFoundError(str(exc)) from None
        except OSError as why:  # (there, but its folder may not be looked into: never said to be missing)
            raise OSError(why.errno, why.strerror) from None
        raise OSError(str(exc)) from None


def read_letter_copy(path: Path, letter: Letter) -> bytes:
    """The library's copy of ``letter``, checked against its id (the SHA-256 of the file as added):
    a copy changed on disk since is refused, never trusted, so nothing is re-read, re-anchored or
    exported from it."""
    try:
        data = read_kept(path)
    except FileNotFoundError:
        if not os.path.lexists(path.parent):  # the whole folder: a library file copied, moved or renamed alone
            raise DocumentError(
                f"the library's copy of {letter.source} is missing: its letters are kept in a folder "
                f"{path.parent.name} beside the library file, and there is none in {path.parent.parent}. A library "
                "copied or moved takes that folder with it; a library file renamed, the folder renamed to match") from None
        raise DocumentError(f"the library's copy of {letter.source} is missing from {path.parent}") from None
    except OSError as exc:
        raise DocumentError(f"the library's copy of {letter.source} cannot be read: {exc.strerror or exc}") from None
    if content_id(data) != letter.id:
        raise DocumentError(
            f"the library's copy of {letter.source} ({path.name}) has been changed since it was added: it no "
            "longer matches the letter its annotations were made on, so it is not used. Put the original "
            f"file back there, or add {letter.source} again from where you keep it")
    return data
