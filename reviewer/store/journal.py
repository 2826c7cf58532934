"""The library's journal: each batch of changes appended as one checksummed line and fsynced.

Rewriting the whole library file on every change costs time in proportion to the library (and
holds Python's GIL while the JSON is encoded, which would stall the window). Instead each batch is
appended here, which is small and quick, and the library file is rewritten only now and then
(compaction). On open the journal is replayed over the library file. Replaying is idempotent (each
operation puts a whole record or removes one), so a crash between rewriting the library and
emptying the journal loses nothing.

A line is ``<crc32 as 8 hex digits> <JSON list of [table, key, record or null]>\\n``. Reading never
stops at a bad line: every later line that verifies is recovered. A line whose line ending was
changed to CRLF still verifies; a line with one flipped bit is repaired when exactly one bit flip
makes it verify (CRC-32 finds and corrects a single-bit error in a line this short); a line cut
short and glued to the next (a torn write followed by another) gives back the whole line inside
it. What cannot be read is described, for the user, in ``Scan.damaged``. A last line with no
newline was being written when the process stopped: it was never acknowledged, and is dropped
quietly unless it verifies.
"""

from __future__ import annotations

import os
import re
import stat
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from reviewer.core.atomic import fsync_folder
from reviewer.store.schema import Damaged, check_op, encode_op, loads

Op = tuple[str, str, Any]  # table, key, record (None: removed)
REPAIR_LIMIT = 11_000  # bytes: a single flipped bit is repaired in lines up to this long
GLUED_BUDGET = 64 * 1024 * 1024  # bytes checksummed looking for whole lines inside a damaged one (~0.05 s)
_HEADER = re.compile(rb"[0-9a-f]{8} \[")
_HEX = re.compile(rb"[0-9a-f]{8}")


@dataclass
class Scan:
    """What reading the journal found."""

    ops: list[Op] = field(default_factory=list)
    lines: int = 0  # whole lines
    damaged: list[str] = field(default_factory=list)  # what could not be read, for the user
    repaired: list[str] = field(default_factory=list)  # what was damaged but recovered whole
    lost_ops: int = 0  # changes known to be lost (in damaged lines whose content could be counted)
    after_damage: int = 0  # changes recovered from lines after the first damaged one
    torn: bool = False  # the last line was cut short by a crash (never acknowledged)

    @property
    def needs_keeping(self) -> bool:
        return bool(self.damaged or self.repaired)


def _verifies(line: bytes) -> bytes | None:
    """The payload of a line whose checksum matches, else None."""
    if len(line) < 10 or line[8:9] != b" " or not _HEX.fullmatch(line[:8]):
        return None
    payload = line[9:]
    return payload if zlib.crc32(payload) == int(line[:8], 16) else None


_T = [zlib.crc32(bytes((v,))) ^ zlib.crc32(b"\0") for v in range(256)]  # CRC-32's table: linear part of a byte


def _repair(line: bytes) -> bytes | None:
    """The payload of ``line`` if one flipped bit (in the checksum or the payload) explains why it
    does not verify. Below ~11 KB CRC-32 has a Hamming distance of 4, so a single-bit error is
    found exactly and two flipped bits are never mistaken for one."""
    if len(line) < 10 or len(line) > REPAIR_LIMIT:
        return None
    for i in range(9):  # a bit of the checksum, or of the space after it
        for bit in range(8):
            head = bytearray(line[:9])
            head[i] ^= 1 << bit
            payload = _verifies(bytes(head) + line[9:])
            if payload is not None:
                return payload
    if line[8:9] != b" " or not _HEX.fullmatch(line[:8]):
        return None
    payload = line[9:]
    syndrome = zlib.crc32(payload) ^ int(line[:8], 16)  # CRC is affine: a bit error adds its own term
    regs = [_T[1 << bit] for bit in range(8)]  # the term of each bit of the last byte
    for pos in range(len(payload) - 1, -1, -1):
        for bit, r in enumerate(regs):
            if r == syndrome:
                fixed = bytearray(payload)
                fixed[pos] ^= 1 << bit
                return bytes(fixed)
        regs = [(r >> 8) ^ _T[r & 0xFF] for r in regs]  # one byte earlier: one more byte after it
    return None


def _glued(line: bytes) -> list[bytes]:
    """Whole lines inside ``line``: one glued to the stub of a torn line before it, or two lines
    whose newline was changed by a flipped bit. Their payloads, when they verify. The rest of the line is checksummed
    at each place that looks like a line's start, up to ``GLUED_BUDGET`` bytes in all: a long line that looks like one
    every few bytes had taken minutes."""
    budget = GLUED_BUDGET
    for m in _HEADER.finditer(line, 10):
        budget -= len(line) - m.start()
        if budget < 0:
            break  # (the line is said to be damaged, as any other that cannot be read)
        payload = _verifies(line[m.start():])
        if payload is not None:
            first = _verifies(line[:m.start() - 1])
            return [first, payload] if first is not None else [payload]
    return []


def _names(payload: bytes) -> str:
    """What a damaged line seems to hold, when its JSON still parses: for the message."""
    try:
        batch = loads(payload, "the line")
    except Damaged:
        return ""
    if not isinstance(batch, list):
        return ""
    names = []
    for op in batch[:5]:
        if isinstance(op, list) and len(op) == 3 and isinstance(op[0], str) and isinstance(op[1], str):
            names.append(f"{op[0].rstrip('s')} {op[1][:12]}" + (" (removed)" if op[2] is None else ""))
    more = f" and {len(batch) - 5} more" if len(batch) > 5 else ""
    return f"; it seems to hold {len(batch)} change{'s' if len(batch) != 1 else ''}: {', '.join(names)}{more}" \
        if names else ""


def _count(payload: bytes) -> int:
    try:
        batch = loads(payload, "the line")
    except Damaged:
        return 0
    return len(batch) if isinstance(batch, list) else 0


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.size = path.stat().st_size
        except OSError:
            self.size = 0

    def append(self, ops: list[Op]) -> None:
        """Append changes as one line (each change checked and encoded first)."""
        self.append_encoded([encode_op(*op) for op in ops])

    def append_encoded(self, ops: list[bytes]) -> None:
        """Append changes already encoded by ``schema.encode_op`` as one fsynced line."""
        payload = b"[" + b",".join(ops) + b"]"
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

    def raw(self) -> bytes:
        """The journal's bytes (empty when there is none); ``Damaged`` if it is not a plain file."""
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return b""
        except OSError as exc:
            raise Damaged(f"the journal {self.path} cannot be read: {exc.strerror or exc}") from None
        if not stat.S_ISREG(st.st_mode):
            raise Damaged(f"the journal {self.path} is not a plain file")
        try:
            return self.path.read_bytes()
        except OSError as exc:
            raise Damaged(f"the journal {self.path} cannot be read: {exc.strerror or exc}") from None

    def read(self) -> list[Op]:
        """Every change that can be recovered, in order."""
        return self.scan().ops

    def scan(self) -> Scan:
        """Read every line, recovering all that verify; say what could not be read."""
        return scan_bytes(self.raw())

    def keep_aside(self) -> Path:
        """Copy the journal, as it is, to ``<journal>.damaged-<time>`` (fsynced) and return its path."""
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        data = self.raw()
        with open(aside, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        fsync_folder(aside.parent)
        return aside

    def drop_torn(self) -> None:
        """Cut off a last line left unfinished by a crash (never acknowledged), so that the next
        line is not glued to it."""
        try:
            raw = self.raw()
            keep = raw.rfind(b"\n") + 1
            if keep < len(raw):
                os.truncate(self.path, keep)
                self.size = keep
        except (OSError, Damaged):
            pass

    def clear(self) -> None:
        with open(self.path, "wb") as fh:
            fh.flush()
            os.fsync(fh.fileno())
        self.size = 0


def scan_bytes(raw: bytes) -> Scan:
    out = Scan()
    if not raw:
        return out
    segments = raw.split(b"\n")
    tail = segments.pop()  # after the last newline: empty, or a line whose writing was cut short
    if tail:
        if _verifies(tail.rstrip(b"\r")) is not None:
            segments.append(tail)  # whole but for its newline: keep it
        else:
            out.torn = True
    segments = [x[:-1] if x.endswith(b"\r") else x for x in segments]  # CRLF (a copy through a text tool)
    offset = 0
    skip = False
    for number, line in enumerate(segments, start=1):
        at, offset = offset, offset + len(line) + 1
        if skip or not line.strip():
            skip = False
            continue
        out.lines += 1
        where = f"line {number} (byte {at})"
        payloads = [p] if (p := _verifies(line)) is not None else []
        if not payloads and (p := _repair(line)) is not None:
            payloads = [p]
            out.repaired.append(f"{where} had a changed bit and was repaired")
        if not payloads and number < len(segments) and _verifies(segments[number]) is None \
                and (p := _repair(line + b"\n" + segments[number])) is not None:
            payloads, skip = [p], True
            out.repaired.append(f"{where} had a changed bit that split it in two, and was repaired")
        if not payloads and (found := _glued(line)):
            payloads = found
            out.repaired.append(f"{where} held " + ("two lines joined by a changed bit; both were kept"
                                                   if len(found) == 2 else
                                                   "the stub of a line cut short; the whole line after it was kept"))
        if not payloads:
            body = line[9:] if len(line) > 9 else line
            out.damaged.append(f"{where} does not match its checksum{_names(body)}")
            out.lost_ops += _count(body)
            continue
        for payload in payloads:
            _read_batch(out, payload, where)
    return out


def _read_batch(out: Scan, payload: bytes, where: str) -> None:
    try:
        batch = loads(payload, where)
    except Damaged as exc:
        out.damaged.append(str(exc))
        return
    if not isinstance(batch, list):
        out.damaged.append(f"{where} verifies but holds no list of changes")
        return
    for i, op in enumerate(batch, start=1):
        try:
            good = check_op(op)
        except Damaged as exc:
            out.damaged.append(f"{where}, change {i} of {len(batch)}: {exc}")
            out.lost_ops += 1
            continue
        out.ops.append(good)
        if out.damaged:
            out.after_damage += 1
