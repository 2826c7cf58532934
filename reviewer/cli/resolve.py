"""Finding the letter a command-line argument names: id, unique id prefix, file path or file name."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.documents import content_id
from reviewer.core.importing import prepare_path, read_file
from reviewer.core.model import Letter
from reviewer.store.repository import LibraryStore


class CliError(Exception):
    """An error to print as one line, with exit status ``code``."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def resolve_letter(store: LibraryStore, key: str, *, add_missing: bool = True) -> Letter:
    letters = store.library.letters
    if key in letters:
        return letters[key]
    path = Path(key).expanduser()
    if path.is_file():
        lid = content_id(read_file(path))
        if lid in letters:
            return letters[lid]
        if not add_missing:
            raise CliError(f"{path.name} is not in the library; add it with `reviewer add {key}`")
        letter, _ = store.add_prepared(prepare_path(path))
        return letter
    low = key.casefold()
    hits = [x for x in letters.values() if len(key) >= 4 and x.id.startswith(low)]
    if not hits:
        hits = [x for x in letters.values() if low in (x.source.casefold(), x.title.casefold())]
    if not hits:
        hits = [x for x in letters.values() if x.title.casefold().startswith(low)]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        named = ", ".join(f"{x.id[:12]} ({x.source})" for x in hits[:4])
        raise CliError(f"{key!r} matches {len(hits)} letters: {named}; give the id or the file name")
    raise CliError(f"no letter matches {key!r} (see `reviewer list`)")
