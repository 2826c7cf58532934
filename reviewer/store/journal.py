"""The library's journal: each batch of changes appended as one checksummed line and fsynced.

Rewriting the whole library file on every change costs time in proportion to the library (and
holds Python's GIL while the JSON is encoded, which would stall the window). Instead each batch is
appended here, which is small and quick, and the library file is rewritten only now and then
(compaction). On open the journal is replayed over the library file. A line torn by a crash fails
its checksum and ends the replay; every line before it is a whole, acknowledged batch. Replaying is
idempotent (each operation puts a whole record or removes one), so a crash between rewriting the
library and emptying the journal loses nothing.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

Op = tuple[str, str, Any]  # table, key, record (None: removed)


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.size = path.stat().st_size
        except OSError:
            self.size = 0

    def append(self, ops: list[Op]) -> None:
        payload = json.dumps([list(op) for op in ops], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        line = b"%08x " % zlib.crc32(payload) + payload + b"\n"
        before = self.size
        try:
            with open(self.path, "ab") as fh:
                fh.write(line)
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            try:  # never leave a torn line for later batches to sit behind
                os.truncate(self.path, before)
            except OSError:
                pass
            raise
        self.size = before + len(line)

    def read(self) -> list[Op]:
        """Every whole batch in order; reading stops at the first damaged or torn line."""
        try:
            raw = self.path.read_bytes()
        except OSError:
            return []
        ops: list[Op] = []
        for line in raw.split(b"\n"):
            if len(line) < 10 or line[8:9] != b" ":
                break
            payload = line[9:]
            try:
                if int(line[:8], 16) != zlib.crc32(payload):
                    break
                batch = json.loads(payload.decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                break
            ops.extend((str(t), str(k), d) for t, k, d in batch)
        return ops

    def clear(self) -> None:
        with open(self.path, "wb") as fh:
            fh.flush()
            os.fsync(fh.fileno())
        self.size = 0
