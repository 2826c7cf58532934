"""Where the library lives: --db, then REVIEWER_DB, then the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path



def letters_dir(library: Path) -> Path:
    """The folder of a library's copies of its letters, their texts and caches."""
    return library.with_name(library.stem + "-letters")


def backup_dir(library: Path) -> Path:
    """The folder of a library's backups."""
    return library.with_name(library.stem + "-backups")


def library_keeping(folder: Path) -> Path | None:
    """The library whose own folder (its letters or its backups) ``folder`` is or lies in, else None: the
    library's keeping, where nothing else is put."""
    try:
        folder = Path(folder).expanduser().resolve()
    except (OSError, RuntimeError):
        folder = Path(folder).expanduser().absolute()
    for f in (folder, *folder.parents):
        for suffix in ("-letters", "-backups"):
            if f.name.endswith(suffix) and len(f.name) > len(suffix):
                library = f.with_name(f.name[:-len(suffix)] + ".json")
                if f in (letters_dir(library), backup_dir(library)) and library.is_file():
                    return library
    return None


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
