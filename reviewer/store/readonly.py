"""A library read as it is on disk, never written: for tools that only read it (``reviewer dataset``).

No lock is taken (the library may be open in a window meanwhile), nothing is folded, repaired, backed
up or kept aside: the library file is read and checked as opening it would (``schema.read_library``),
and the changes its journal holds beyond it are applied in memory. The library file is replaced
atomically by its writer, so what is read is always a whole library.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.core.annotations.library import Library
from reviewer.store import schema
from reviewer.store.journal import Journal
from reviewer.store.repository import LibraryDamagedError, LibraryError
from reviewer.store.schema import SCHEMA_VERSION, Damaged


def read_library_readonly(path: Path | str) -> Library:
    """The library at ``path`` (its file and its journal), in memory; ``LibraryError`` saying why not."""
    path = Path(path).expanduser()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LibraryError(f"{path}: no such library") from None
    except OSError as exc:
        raise LibraryError(f"the library {path} cannot be read: {exc.strerror or exc}") from None
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
    lib = Library()
    lib.load(rows["letters"].values(), rows["annotations"].values(), rows["themes"].values(), dict(rows["settings"]))
    return lib
