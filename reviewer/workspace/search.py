"""Searching the library: its index built from the kept folds, folding in other processes the
letters that have none yet (slow: pure Python, ~10 ms per report, so done once and kept)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from reviewer.core.reading.furniture import find_furniture
from reviewer.core.reading.library_search import FOLDED_AS, SearchIndex, fold_job
from reviewer.core.text.documents import MAX_TEXT_CHARS
from reviewer.core.text.textsearch import CompactFold
from reviewer.letters.parallel import Jobs
from reviewer.store.search_cache import keep_fold, saved_fold
from reviewer.workspace.workspace import Workspace

Progress = Callable[[int, int], None]


def build_index(ws: Workspace, letter_ids: Sequence[str] | None = None,
                progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                index: SearchIndex | None = None, extract_stale: bool = True,
                unreadable: dict[str, str] | None = None) -> SearchIndex:
    """An index of the letters' texts (all letters by default); letters whose text cannot be read
    (or is longer than a letter may be) are left out, and said in ``unreadable`` (id: why). A letter whose saved text is out of date is read again with PyMuPDF when
    ``extract_stale`` (that changes the library: the window leaves it to opening the letter).
    ``cancelled()`` ends it with ``JobsCancelled``."""
    index = index if index is not None else SearchIndex()
    lib, store = ws.library, ws.store
    ids = [i for i in (letter_ids if letter_ids is not None else list(lib.letters)) if i in lib.letters]
    todo = []
    for n, lid in enumerate(ids):
        if cancelled is not None and cancelled():
            return index
        try:
            ex = ws.saved_text(lid) or (ws.text(lid) if extract_stale else None)
        except Exception as exc:  # noqa: BLE001 - an unreadable letter is not searchable, and said so
            if unreadable is not None:
                unreadable[lid] = str(exc)
            continue
        if ex is None:
            if unreadable is not None:
                unreadable[lid] = "its text is not kept in the library's letters folder"
            continue
        if len(ex.text) > MAX_TEXT_CHARS:  # never folded or scanned: no letter is that long
            if unreadable is not None:
                unreadable[lid] = f"its text has {len(ex.text):,} characters, more than a letter may have"
            continue
        sha = hashlib.sha256(f"{lib.letters[lid].text_sha}:{FOLDED_AS}".encode()).hexdigest()  # (the text, and how)
        folded = saved_fold(store, lid, sha)
        if folded is None:
            todo.append((lid, sha, ex))
        else:
            index.add(lid, ex.text, ex.page_starts, folded, find_furniture(ex.text, ex.page_starts))
        if progress is not None:
            progress(n, len(ids) + len(todo))
    jobs = Jobs([(fold_job, (ex.text, list(ex.page_starts))) for _, _, ex in todo])
    try:
        for k, (lid, sha, ex) in enumerate(todo):
            data = jobs.get(k, cancelled)
            folded = CompactFold.from_bytes(data)
            if folded is not None:
                index.add(lid, ex.text, ex.page_starts, folded, find_furniture(ex.text, ex.page_starts))  # (here, on
                # the worker: a search's snippets never read a letter's furniture on the window's thread)
                keep_fold(store, lid, sha, data)
            if progress is not None:
                progress(len(ids) + k, len(ids) + len(todo))
    finally:
        jobs.close()
    return index
