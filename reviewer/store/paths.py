"""Where the library lives: --db, then REVIEWER_DB, then the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path



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
