"""The library's search index, built from each letter's folded text kept beside it on disk.

Folding a letter for searching is slow (pure Python, ~10 ms per report), so it is done once, in
other processes when many letters need it, and kept as ``<id>.fold`` with the hash of the text it
was folded from; a stale or damaged file is folded again, never trusted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from reviewer.core.library_search import SearchIndex, fold_letter
from reviewer.core.parallel import Jobs
from reviewer.core.textsearch import CompactFold
from reviewer.store.files import atomic_write_bytes
from reviewer.store.repository import LibraryStore

Progress = Callable[[int, int], None]


def _fold_path(store: LibraryStore, letter_id: str) -> Path:
    return store.files_dir / f"{letter_id}.fold"


def saved_fold(store: LibraryStore, letter_id: str, text_sha: str) -> CompactFold | None:
    try:
        data = _fold_path(store, letter_id).read_bytes()
    except OSError:
        return None
    if data[:65] != (text_sha + "\n").encode("ascii"):
        return None
    return CompactFold.from_bytes(data[65:])


def build_index(store: LibraryStore, letter_ids: Sequence[str] | None = None,
                progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                index: SearchIndex | None = None, extract_stale: bool = True) -> SearchIndex:
    """An index of the letters' texts (all letters by default); letters whose text cannot be read
    are left out. A letter whose saved text is out of date is read again with PyMuPDF when
    ``extract_stale`` (that changes the library: the window leaves it to opening the letter).
    ``cancelled()`` ends it with ``JobsCancelled``."""
    index = index if index is not None else SearchIndex()
    lib = store.library
    ids = [i for i in (letter_ids if letter_ids is not None else list(lib.letters)) if i in lib.letters]
    todo = []
    for n, lid in enumerate(ids):
        if cancelled is not None and cancelled():
            return index
        try:
            ex = store.saved_text(lid) or (store.extracted(lid) if extract_stale else None)
        except Exception:  # an unreadable letter is simply not searchable
            continue
        if ex is None:
            continue
        sha = lib.letters[lid].text_sha
        folded = saved_fold(store, lid, sha)
        if folded is None:
            todo.append((lid, sha, ex))
        else:
            index.add(lid, ex.text, ex.page_starts, folded)
        if progress is not None:
            progress(n, len(ids) + len(todo))
    jobs = Jobs([(fold_letter, ex.text) for _, _, ex in todo])
    try:
        for k, (lid, sha, ex) in enumerate(todo):
            data = jobs.get(k, cancelled)
            folded = CompactFold.from_bytes(data)
            if folded is not None:
                index.add(lid, ex.text, ex.page_starts, folded)
                try:
                    atomic_write_bytes(_fold_path(store, lid), (sha + "\n").encode("ascii") + data)
                except OSError:
                    pass  # folded again next time
            if progress is not None:
                progress(len(ids) + k, len(ids) + len(todo))
    finally:
        jobs.close()
    return index
