"""Reading an audit pack safely: every check is made before anything is imported.

A pack is refused, with a message saying why, when it is not a readable zip, when a member's path
could escape the folder it is unpacked into, when a member is encrypted, a link, or would inflate
beyond a sane size, when the manifest is missing, of an unknown format version, or does not list
exactly the members present with their SHA-256, or when the records are not what they claim.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewer.core.annotations.model import Annotation, Letter, Theme, Tombstone
from reviewer.export.pack import DATA, MANIFEST, PACK_FORMAT, PACK_VERSION, original_name

MAX_MEMBERS = 20_000
MAX_MEMBER_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
MAX_RATIO = 200  # uncompressed : compressed, for members over 1 MB
_DRIVE = re.compile(r"^[A-Za-z]:")


class PackError(Exception):
    """A pack that is refused; the message says why and is meant for the user."""


@dataclass
class PackContents:
    path: Path
    manifest: dict[str, Any]
    letters: list[Letter]
    annotations: list[Annotation]
    themes: list[Theme]
    originals: dict[str, bytes] = field(default_factory=dict)  # letter id -> original file
    deleted: list[Tombstone] = field(default_factory=list)  # annotations deleted by their author

    @property
    def auditor(self) -> str:
        return str(self.manifest.get("auditor") or "")


def _check_name(info: zipfile.ZipInfo, what: str = "pack") -> None:
    name = info.filename
    parts = name.replace("\\", "/").split("/")
    if (not name or "\\" in name or name.startswith("/") or _DRIVE.match(name) or "\x00" in name
            or any(p in ("..", ".") for p in parts)):
        raise PackError(f"the member {name!r} has a path that would escape the {what}'s folder")
    mode = info.external_attr >> 16
    if mode and stat.S_ISLNK(mode):
        raise PackError(f"the member {name!r} is a symbolic link, which {what}s never contain")
    if info.flag_bits & 0x1:
        raise PackError(f"the member {name!r} is encrypted, which {what}s never are")


def _check_size(info: zipfile.ZipInfo, what: str = "pack") -> None:
    if info.file_size > MAX_MEMBER_BYTES:
        raise PackError(f"the member {info.filename!r} would inflate to {info.file_size // 2**20} MB, beyond the "
                        f"{MAX_MEMBER_BYTES // 2**20} MB a {what} member may have")
    if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise PackError(f"the member {info.filename!r} inflates {info.file_size // max(info.compress_size, 1)} "
                        "times its packed size: refused as a zip bomb")


def _read(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, never more than its declared size (a lying header cannot inflate us)."""
    with z.open(info) as fh:
        data = fh.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise PackError(f"the member {info.filename!r} is larger than its header says: refused")
    return data


def _json(data: bytes, what: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackError(f"{what} is not valid JSON ({exc})") from None


def read_members(path: Path, what: str = "audit pack", required: str | None = None) -> dict[str, bytes]:
    """Every member of the zip at ``path`` by name, each checked before any is read: a path that
    escapes the folder, a link, an encrypted member, one that inflates beyond a sane size (or beyond
    what its header says), too many members, a damaged zip: ``PackError`` saying which."""
    short = what.split()[-1]
    try:
        z = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise PackError(f"{path.name}: no such file") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise PackError(f"{path.name} is not a readable {what} (a damaged, truncated or non-zip file: {exc})") from None
    with z:
        infos = z.infolist()
        if len(infos) > MAX_MEMBERS:
            raise PackError(f"{path.name} has {len(infos)} members, more than a {short} can have")
        seen: set[str] = set()
        total = 0
        for info in infos:
            _check_name(info, short)
            if info.filename in seen:
                raise PackError(f"the member {info.filename!r} appears twice")
            seen.add(info.filename)
            if not info.is_dir():
                _check_size(info, short)
                total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise PackError(f"{path.name} would inflate to {total // 2**20} MB in all: refused")
        if required is not None and required not in seen:
            raise PackError(f"{path.name} has no {required}: it is not an audit pack, or it has been altered")
        members: dict[str, bytes] = {}
        try:
            for info in infos:
                if not info.is_dir():
                    members[info.filename] = _read(z, info)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
            raise PackError(f"{path.name} is damaged: {exc}") from None
    return members


def verify(path: Path | str) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest and every member's bytes, or ``PackError`` saying what is wrong."""
    path = Path(path)
    members = read_members(path, "audit pack", MANIFEST)
    manifest = _json(members.pop(MANIFEST), "the manifest")
    if not isinstance(manifest, dict) or manifest.get("format") != PACK_FORMAT:
        raise PackError(f"{path.name} is not a Reviewer audit pack (its manifest names no pack format)")
    version = manifest.get("format_version")
    if version != PACK_VERSION:
        raise PackError(f"{path.name} uses pack format version {version!r}; this Reviewer reads version "
                        f"{PACK_VERSION} — update Reviewer to open it" if isinstance(version, int) and version > PACK_VERSION
                        else f"{path.name} has an unknown pack format version {version!r}")
    listed = manifest.get("files")
    if not isinstance(listed, dict) or not all(isinstance(v, str) for v in listed.values()):
        raise PackError(f"{path.name}: the manifest's list of files is missing or damaged")
    for name in sorted(members):
        if name not in listed:
            raise PackError(f"{path.name}: {name} is not listed in the manifest (added after the pack was made)")
    for name, digest in sorted(listed.items()):
        if name not in members:
            raise PackError(f"{path.name}: {name} is listed in the manifest but missing")
        if hashlib.sha256(members[name]).hexdigest() != digest.lower():
            raise PackError(f"{path.name}: {name} has been changed since the pack was made (its SHA-256 differs)")
    return manifest, members


def read_pack(path: Path | str) -> PackContents:
    """A verified pack's records and original letters."""
    path = Path(path)
    manifest, members = verify(path)
    if DATA not in members:
        raise PackError(f"{path.name} has no {DATA}: it cannot be opened in Reviewer")
    data = _json(members[DATA], DATA)
    try:
        letters = [Letter.from_dict(d) for d in data["letters"]]
        annotations = [Annotation.from_dict(d) for d in data["annotations"]]
        themes = [Theme.from_dict(d) for d in data.get("themes") or []]
        deleted = [Tombstone.from_dict(d) for d in data.get("deleted") or []]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PackError(f"{path.name}: a record in {DATA} is damaged ({exc})") from None
    ids = {x.id for x in letters}
    originals: dict[str, bytes] = {}
    for x in letters:
        name = original_name(x)
        blob = members.get(name)
        if blob is None:
            raise PackError(f"{path.name}: the letter {x.title} has no original file ({name})")
        if hashlib.sha256(blob).hexdigest() != x.id:
            raise PackError(f"{path.name}: the original file of {x.title} does not match its id")
        originals[x.id] = blob
    seen: set[str] = set()
    for a in annotations:
        if a.letter_id not in ids:
            raise PackError(f"{path.name}: annotation {a.id[:12]} belongs to no letter in the pack")
        if a.id in seen:
            raise PackError(f"{path.name}: annotation {a.id[:12]} appears twice")
        if not (0 <= a.start <= a.end):
            raise PackError(f"{path.name}: annotation {a.id[:12]} has impossible offsets")
        seen.add(a.id)
    for t in deleted:
        if t.letter_id not in ids:
            raise PackError(f"{path.name}: the deletion of annotation {t.id[:12]} belongs to no letter in the pack")
        if t.id in seen:
            raise PackError(f"{path.name}: annotation {t.id[:12]} is both in the pack and deleted by it")
    return PackContents(path, manifest, letters, annotations, themes, originals, deleted)
