"""The library's folded texts for searching, kept beside each letter as ``<id>.fold`` with the hash
of the text it was folded from; a stale or damaged file is never trusted (it is folded again)."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.atomic import write_atomic
from reviewer.core.text.textsearch import CompactFold
from reviewer.store.letter_files import LetterFiles, read_kept


def _fold_path(store: LetterFiles, letter_id: str) -> Path:
    return store.files_dir / f"{letter_id}.fold"


def saved_fold(store: LetterFiles, letter_id: str, text_sha: str) -> CompactFold | None:
    try:
        data = read_kept(_fold_path(store, letter_id))
    except OSError:
        return None
    if data[:65] != (text_sha + "\n").encode("ascii"):
        return None
    return CompactFold.from_bytes(data[65:])


def keep_fold(store: LetterFiles, letter_id: str, text_sha: str, data: bytes) -> None:
    """Keep a letter's folded text; a failure only costs folding it again next time. A library read only
    (``ReadOnlyStore``) keeps nothing."""
    if store.read_only:
        return
    try:
        write_atomic(_fold_path(store, letter_id), (text_sha + "\n").encode("ascii") + data)
    except OSError:
        pass
