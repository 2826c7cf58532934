"""Rotating backups of the library, kept beside it, and restoring the newest good one.

A backup is taken when a library is opened and when it is closed, only when the file changed
since the newest backup; the newest ``KEEP`` are kept. A backup is "good" when it parses and
every record in it can be read, the same integrity check a library passes when it is opened.
Restoring never deletes anything: the damaged file is renamed aside first.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from reviewer.core.annotations.model import Annotation, Letter, Theme
from reviewer.core.atomic import write_atomic

KEEP = 10


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    letters: int
    annotations: int

    def describe(self) -> str:
        return (f"{self.taken.strftime('%d %b %Y %H:%M')} UTC ({self.letters} letters, "
                f"{self.annotations} annotations)")


def backup_dir(library: Path) -> Path:
    return library.with_name(library.stem + "-backups")


def check(data: bytes) -> tuple[int, int]:
    """Letters and annotations in a library file's content; ``ValueError`` when it is damaged."""
    try:
        doc: Any = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not readable JSON ({exc})") from None
    if not isinstance(doc, dict) or not all(isinstance(v, dict) for v in doc.values()):
        raise ValueError("unexpected structure")
    try:
        letters = [Letter.from_dict(d) for d in doc.get("letters", {}).values()]
        anns = [Annotation.from_dict(d) for d in doc.get("annotations", {}).values()]
        for d in doc.get("themes", {}).values():
            Theme.from_dict(d)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"a damaged record ({exc})") from None
    return len(letters), len(anns)


def _stamp(p: Path) -> datetime:
    try:
        return datetime.strptime(p.stem.rsplit("-", 1)[-1], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return datetime.fromtimestamp(p.stat().st_mtime, timezone.utc)


def all_backups(library: Path) -> list[Path]:
    folder = backup_dir(library)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{library.stem}-*.json"), key=_stamp, reverse=True)


def take_backup(library: Path, keep: int = KEEP, min_age: float = 0) -> Path | None:
    """Copy the library into its backups folder when it changed since the newest backup
    (and, with ``min_age``, only when that backup is at least so many seconds old)."""
    try:
        data = library.read_bytes()
    except OSError:
        return None
    if not data.strip():
        return None
    existing = all_backups(library)
    if existing and min_age and (datetime.now(timezone.utc) - _stamp(existing[0])).total_seconds() < min_age:
        return None
    digest = hashlib.sha256(data).digest()
    if existing:
        try:
            if hashlib.sha256(existing[0].read_bytes()).digest() == digest:
                return None
        except OSError:
            pass
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir(library) / f"{library.stem}-{stamp}.json"
    write_atomic(target, data)
    for old in all_backups(library)[keep:]:
        try:
            old.unlink()
        except OSError:
            pass
    return target


def good_backups(library: Path) -> list[Backup]:
    """Backups that pass the integrity check, newest first."""
    out = []
    for p in all_backups(library):
        try:
            letters, anns = check(p.read_bytes())
        except (OSError, ValueError):
            continue
        out.append(Backup(p, _stamp(p), letters, anns))
    return out


def restore(library: Path, backup: Path) -> Path:
    """Put ``backup`` in place of the library; the file it replaces is kept as ``*.damaged-<time>``."""
    check(backup.read_bytes())
    aside = library.with_name(f"{library.name}.damaged-{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}")
    if library.exists():
        library.replace(aside)
    write_atomic(library, backup.read_bytes())
    return aside
