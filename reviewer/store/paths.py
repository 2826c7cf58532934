"""Where the library lives: --db, then REVIEWER_DB, then the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from reviewer.store.repository import LibraryStore


def default_library_path() -> Path:
    return user_data_path("Reviewer", appauthor=False) / "library.json"


def resolve_library_path(db: str | None) -> tuple[Path, bool]:
    """The library path to use, and whether it is the default one."""
    if db:
        return Path(db).expanduser(), False
    env = os.environ.get("REVIEWER_DB")
    if env:
        return Path(env).expanduser(), False
    return default_library_path(), True


def seed_samples(store: LibraryStore) -> list[str]:
    """Import the sample letters that ship with the app; returns problems met (normally none)."""
    from reviewer.core.documents import DocumentError
    from reviewer.core.importing import prepare_path
    from reviewer.resources import sample_letters

    problems = []
    for path in sample_letters():
        try:
            store.add_prepared(prepare_path(path))
        except DocumentError as exc:
            problems.append(str(exc))
    return problems


def open_store(db: str | None, program: str = "app") -> LibraryStore:
    path, is_default = resolve_library_path(db)
    store = LibraryStore(path, program)
    if store.created and is_default:
        seed_samples(store)
    return store
