"""A TinyDB storage that never leaves a half-written library.

TinyDB's own JSONStorage truncates and rewrites the file in place, so a crash mid-write can leave
it corrupt. This storage writes a temporary file, fsyncs it and atomically replaces the library.
A library file that cannot be parsed raises ``LibraryDamaged`` and is never written over.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from reviewer.core.atomic import write_atomic


class LibraryDamaged(Exception):
    """The library file exists but cannot be read; it has been left untouched."""


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | Path, **_: Any) -> None:
        self.path = Path(path)
        self.damaged: str | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        if not self.path.exists():
            return None
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            raise LibraryDamaged(f"the library {self.path} cannot be read: {exc.strerror or exc}") from None
        if not raw.strip():
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            self.damaged = str(exc)
            raise LibraryDamaged(
                f"the library {self.path} is damaged ({exc}); it has been left untouched"
            ) from None
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            self.damaged = "unexpected structure"
            raise LibraryDamaged(
                f"the library {self.path} is not a Reviewer library (unexpected structure); it has been left untouched"
            )
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.damaged:
            raise LibraryDamaged(f"refusing to overwrite the damaged library {self.path}")
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        write_atomic(self.path, payload)

    def close(self) -> None:
        pass
