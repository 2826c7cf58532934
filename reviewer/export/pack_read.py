"""Reading an audit pack safely: every check is made before anything is imported.

A pack is refused, with a message saying why, when it is not a readable zip, when a member's path
could escape the folder it is unpacked into, when a member is encrypted, a link, or would inflate
beyond a sane size, when the manifest is missing, of an unknown format version, or does not list
exactly the members present with their SHA-256, or when the records are not what they claim.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from reviewer.core.annotations.actions import Action, ActionTombstone
from reviewer.core.annotations.model import Annotation, Letter, RecordError, Theme, Tombstone
from reviewer.core.files import FileRefused, open_regular
from reviewer.export.pack import DATA, MANIFEST, ORIGINALS, PACK_FORMAT, PACK_VERSION, READABLE_VERSIONS, original_name

# Bounds, checked from the zip's directory before a byte is inflated. A pack of all 243 corpus
# reports, each highlighted, would have 493 members and about 250 MB; its JSON records a few MB.
MAX_MEMBERS = 10_000  # seven members and two per letter: about 5,000 letters
MAX_MEMBER_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # four times a pack of the whole corpus
MAX_RECORDS_BYTES = 64 * 1024 * 1024  # manifest.json and data/pack.json: some 90,000 annotations
MAX_RATIO = 200  # uncompressed : compressed, for every member over RATIO_FLOOR, and for the whole pack
RATIO_FLOOR = 64 * 1024  # a member this small cannot inflate to anything that matters
MAX_JSON_DEPTH = 32  # a pack's records nest six deep
_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 1024 * 1024


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
    actions: list[Action] = field(default_factory=list)  # the action plan for the pack's annotations
    deleted_actions: list[ActionTombstone] = field(default_factory=list)  # actions deleted by their author
    dismissed: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # letter id -> suggestions dismissed

    @property
    def auditor(self) -> str:
        return str(self.manifest.get("auditor") or "")

    @property
    def sender(self) -> str:
        """Who made the pack: its auditor, or the manager who reviewed it and sent it back."""
        return str(self.manifest.get("exported_by") or self.manifest.get("auditor") or "")


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


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB" if n >= 2**20 else f"{n / 1024:,.0f} KB"


def _check_size(info: zipfile.ZipInfo, what: str = "pack") -> None:
    records = what == "pack" and info.filename in (MANIFEST, DATA)
    limit = MAX_RECORDS_BYTES if records else MAX_MEMBER_BYTES
    if info.file_size > limit:
        raise PackError(f"the member {info.filename!r} would inflate to {_mb(info.file_size)}, beyond the "
                        f"{_mb(limit)} {'it' if records else f'a {what} member'} may have")
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise PackError(f"the member {info.filename!r} inflates {info.file_size // max(info.compress_size, 1)} "
                        "times its packed size: refused as a zip bomb")


def _check_all(name: str, infos: list[zipfile.ZipInfo], packed: int, what: str = "pack",
               required: str | None = MANIFEST) -> None:
    """The zip's directory, before anything is inflated: names, member count, sizes and ratios."""
    if len(infos) > MAX_MEMBERS:
        raise PackError(f"{name} has {len(infos):,} members, more than a {what} can have ({MAX_MEMBERS:,})")
    seen: set[str] = set()
    total = 0
    for info in infos:
        _check_name(info, what)
        if info.filename in seen:
            raise PackError(f"the member {info.filename!r} appears twice")
        seen.add(info.filename)
        if not info.is_dir():
            _check_size(info, what)
            total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise PackError(f"{name} would inflate to {_mb(total)} in all, beyond the {_mb(MAX_TOTAL_BYTES)} a {what} may "
                        "have: refused")
    if total > RATIO_FLOOR and total > MAX_RATIO * max(packed, 1):
        raise PackError(f"{name} would inflate to {_mb(total)}, {total // max(packed, 1)} times its size: refused as a "
                        "zip bomb")
    if required is not None and required not in seen:
        raise PackError(f"{name} has no {required}: it is not an audit pack, or it has been altered")


def _stream(z: zipfile.ZipFile, info: zipfile.ZipInfo, keep: bool) -> tuple[str, bytes | None]:
    """A member's SHA-256, and its bytes when ``keep``; never more than its declared size (a lying
    header cannot inflate us) and never all of it in memory unless kept."""
    digest = hashlib.sha256()
    parts: list[bytes] = []
    got = 0
    with z.open(info) as fh:
        while chunk := fh.read(min(_CHUNK, info.file_size + 1 - got)):
            got += len(chunk)
            if got > info.file_size:
                raise PackError(f"the member {info.filename!r} is larger than its header says: refused")
            digest.update(chunk)
            if keep:
                parts.append(chunk)
    return digest.hexdigest(), b"".join(parts) if keep else None


def _open_zip(path: Path, what: str) -> tuple[BinaryIO, zipfile.ZipFile, int]:
    """The zip at ``path`` (a regular file: a FIFO is refused at once), open, and its size."""
    try:
        fh = open_regular(path, what=f"an {what}" if what[0] in "aeiou" else f"a {what}")
    except FileRefused as exc:
        raise PackError(str(exc).replace(": No such file or directory", ": no such file")) from None
    try:
        return fh, zipfile.ZipFile(fh), os.fstat(fh.fileno()).st_size
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        try:
            fh.seek(0)
            head = fh.read(4)
        except OSError:
            head = b""
        fh.close()  # (said in plain words, never the zip library's: "File is not a zip file", a manager read)
        if not head.startswith(b"PK"):  # no zip at all (a text file renamed, a manager tried): no use asking again
            raise PackError(f"{path.name} is not {'an' if what[0] in 'aeiou' else 'a'} {what}: it is not a zip file "
                            "at all (a file of another kind, named .zip?). Open the file the sender exported.") from None
        raise PackError(f"{path.name} is not a readable {what}: it is damaged or cut short. Ask "
                        "for it to be sent again (a download or an email attachment can arrive incomplete).") from None


def read_members(path: Path, what: str = "audit pack", required: str | None = None) -> dict[str, bytes]:
    """Every member of the zip at ``path`` by name, each checked before any is read (``_check_all``:
    a path that escapes the folder, a link, an encrypted member, too many members, one that inflates
    beyond a sane size or ratio, or beyond what its header says, a damaged zip): ``PackError``
    saying which. For a REFI-QDA project, whose members are all needed."""
    path = Path(path)
    short = what.split()[-1]
    fh, z, packed = _open_zip(path, what)
    with fh, z:
        infos = z.infolist()
        _check_all(path.name, infos, packed, short, required)
        members: dict[str, bytes] = {}
        try:
            for info in infos:
                if not info.is_dir():
                    members[info.filename] = _stream(z, info, True)[1] or b""
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as exc:
            raise PackError(f"{path.name} is damaged: {exc}") from None
    return members


def _depth_over(value: Any, limit: int) -> bool:
    """Whether ``value`` nests lists and objects deeper than ``limit`` (looked at without recursion)."""
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, (dict, list)):
            if d > limit:
                return True
            stack.extend((x, d + 1) for x in (v.values() if isinstance(v, dict) else v))
    return False


def _json(data: bytes, what: str) -> Any:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackError(f"{what} is not valid JSON ({exc})") from None
    except RecursionError:
        value = None
        deep = True
    else:
        deep = _depth_over(value, MAX_JSON_DEPTH)
    if deep:
        raise PackError(f"{what} nests its values more than {MAX_JSON_DEPTH} deep (a pack's records nest six): "
                        "it has been altered; refused")
    return value


def _version(name: str, manifest: dict[str, Any]) -> int:
    version = manifest.get("format_version")
    if type(version) is int and version in READABLE_VERSIONS:  # not True, not 1.0: the format writes an integer
        return version
    if type(version) is int and version > PACK_VERSION:
        raise PackError(f"{name} uses pack format version {version}; this Reviewer reads versions up to "
                        f"{PACK_VERSION} — update Reviewer to open it")
    raise PackError(f"{name} has an unknown pack format version {version!r}")


def verify(path: Path | str) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest and the members Reviewer reads (the records and the original letters), once
    every member is checked against the manifest's SHA-256; or ``PackError`` saying what is wrong.
    Other members are hashed as they stream by, never held."""
    path = Path(path)
    fh, z, packed = _open_zip(path, "audit pack")
    with fh:
        with z:
            infos = z.infolist()
            _check_all(path.name, infos, packed)
            try:
                manifest = _json(_stream(z, z.getinfo(MANIFEST), True)[1] or b"", "the manifest")
                if not isinstance(manifest, dict) or manifest.get("format") != PACK_FORMAT:
                    raise PackError(f"{path.name} is not a Reviewer audit pack (its manifest names no pack format)")
                version = _version(path.name, manifest)
                listed = manifest.get("files")
                if not isinstance(listed, dict) or not all(isinstance(v, str) for v in listed.values()):
                    raise PackError(f"{path.name}: the manifest's list of files is missing or damaged")
                names = sorted(i.filename for i in infos if not i.is_dir() and i.filename != MANIFEST)
                for name in names:
                    if name not in listed:
                        raise PackError(f"{path.name}: {name} is not listed in the manifest (added after the pack was made)")
                for name in sorted(listed):
                    if name not in names:
                        raise PackError(f"{path.name}: {name} is listed in the manifest but missing")
                members: dict[str, bytes] = {}
                for name in names:
                    keep = name == DATA or name.startswith(ORIGINALS[version])
                    digest, data = _stream(z, z.getinfo(name), keep)
                    if digest != listed[name].lower():
                        raise PackError(f"{path.name}: {name} has been changed since the pack was made (its SHA-256 differs)")
                    if data is not None:
                        members[name] = data
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as exc:
                raise PackError(f"{path.name} is damaged: {exc}") from None
    return manifest, members


def read_pack(path: Path | str) -> PackContents:
    """A verified pack's records and original letters."""
    path = Path(path)
    manifest, members = verify(path)
    if DATA not in members:
        raise PackError(f"{path.name} has no {DATA}: it cannot be opened in Reviewer")
    data = _json(members[DATA], DATA)
    if not isinstance(data, dict):
        raise PackError(f"{path.name}: {DATA} holds no records")
    try:
        letters = [Letter.from_dict(d) for d in data["letters"]]
        annotations = [Annotation.from_dict(d) for d in data["annotations"]]
        themes = [Theme.from_dict(d) for d in data.get("themes") or []]
        deleted = [Tombstone.from_dict(d) for d in data.get("deleted") or []]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PackError(f"{path.name}: a record in {DATA} is damaged ({exc})") from None
    raw_actions = data.get("actions") or []
    if not isinstance(raw_actions, list):
        raise PackError(f"{path.name}: the actions in {DATA} are not a list")
    actions: list[Action] = []
    for i, d in enumerate(raw_actions):
        try:
            actions.append(Action.from_dict(d))
        except RecordError as exc:
            aid = d.get("id") if isinstance(d, dict) and isinstance(d.get("id"), str) else f"number {i + 1}"
            raise PackError(f"{path.name}: action {str(aid)[:12]} is damaged ({exc})") from None
    raw_gone = data.get("deleted_actions") or []
    if not isinstance(raw_gone, list):
        raise PackError(f"{path.name}: the deleted actions in {DATA} are not a list")
    deleted_actions: list[ActionTombstone] = []
    for i, d in enumerate(raw_gone):
        try:
            deleted_actions.append(ActionTombstone.from_dict(d))
        except RecordError as exc:
            raise PackError(f"{path.name}: deleted action number {i + 1} is damaged ({exc})") from None
    ids = {x.id for x in letters}
    originals: dict[str, bytes] = {}
    version = _version(path.name, manifest)
    for x in letters:
        name = original_name(x, version)
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
    acts: set[str] = set()
    for act in actions:
        if act.annotation_id not in seen:
            raise PackError(f"{path.name}: action {act.id[:12]} answers annotation {act.annotation_id[:12]}, "
                            "which is not in the pack")
        if act.id in acts:
            raise PackError(f"{path.name}: action {act.id[:12]} appears twice")
        acts.add(act.id)
    for t in deleted_actions:
        if t.letter_id not in ids:
            raise PackError(f"{path.name}: the deletion of action {t.id[:12]} belongs to no letter in the pack")
        if t.id in acts:
            raise PackError(f"{path.name}: action {t.id[:12]} is both in the pack and deleted by it")
    dismissed = _dismissed(path.name, data.get("dismissed"), ids)
    return PackContents(path, manifest, letters, annotations, themes, originals, deleted, actions, deleted_actions,
                        dismissed)


MAX_DISMISSED = 100_000  # dismissed passages a pack may carry, across its letters


def _dismissed(name: str, raw: object, ids: set[str]) -> dict[str, list[tuple[int, int]]]:
    """The pack's dismissed suggestions (absent in packs before stop 27), each letter's a list of
    [start, end] offsets; refused whole where anything in it is not that."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise PackError(f"{name}: the dismissed suggestions in {DATA} are not a table of letters")
    out: dict[str, list[tuple[int, int]]] = {}
    count = 0
    for letter_id, ranges in raw.items():
        if letter_id not in ids:
            raise PackError(f"{name}: dismissed suggestions belong to no letter in the pack")
        if not isinstance(ranges, list):
            raise PackError(f"{name}: the dismissed suggestions of a letter are not a list")
        count += len(ranges)
        if count > MAX_DISMISSED:
            raise PackError(f"{name}: more than {MAX_DISMISSED:,} dismissed suggestions")
        pairs = []
        for r in ranges:
            if not (isinstance(r, list) and len(r) == 2 and all(type(v) is int for v in r) and 0 <= r[0] < r[1]):
                raise PackError(f"{name}: a dismissed suggestion has impossible offsets")
            pairs.append((r[0], r[1]))
        out[letter_id] = pairs
    return out
