"""A TinyDB storage that never leaves a half-written library.

TinyDB's own JSONStorage truncates and rewrites the file in place, so a crash mid-write can leave
it corrupt. This storage writes a temporary file, fsyncs it and atomically replaces the library.
A library file that cannot be parsed raises ``LibraryDamaged`` and is never written over.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from reviewer.core.atomic import write_atomic
from reviewer.store.schema import Damaged, loads, structure


class LibraryDamaged(Exception):
    """The library file exists but cannot be read; it has been left untouched."""


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | Path, **_: Any) -> None:
        self.path = Path(path)
        self.damaged: str | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise LibraryDamaged(f"the library {self.path} cannot be read: {exc.strerror or exc}") from None
        if not stat.S_ISREG(st.st_mode):
            self.damaged = "not a plain file"
            raise LibraryDamaged(f"the library {self.path} is not a plain file; it has been left untouched")
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            raise LibraryDamaged(f"the library {self.path} cannot be read: {exc.strerror or exc}") from None
        if not raw.strip():
            return None
        try:
            return structure(loads(raw, "it"))
        except Damaged as exc:
            self.damaged = str(exc)
            raise LibraryDamaged(f"the library {self.path} is damaged ({exc}); it has been left untouched") from None

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.damaged:
            raise LibraryDamaged(f"refusing to overwrite the damaged library {self.path}")
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        write_atomic(self.path, payload)

    def close(self) -> None:
        pass
