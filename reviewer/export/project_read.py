"""Reading a REFI-QDA project (.qdpx) from NVivo, ATLAS.ti, MAXQDA or QualCoder into a library's records.

The archive is checked as a pack is (``pack_read.read_members``: no path escaping its folder, no
member inflating beyond a sane size, no damaged zip) and its one ``.qde`` at the root, whatever it is
called, is parsed refusing any DOCTYPE or entity; a refused archive imports nothing. Then: PDF
sources become PDF letters and text sources text letters; codes become themes (matched by GUID, then
by name, the rest added; our severities recognised); each coding becomes an annotation, placed by
its positions and checked against the text the tool coded (a selection whose text is elsewhere in
our reading of the letter is placed there; one whose text is nowhere is kept, flagged "needs
attention"); a selection's memo and notes become the note; users become authors. What cannot come
in (pictures, audio, video, regions of a PDF, a source whose file is missing) is listed, never
dropped silently.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from reviewer.core.annotations.codebook import severities
from reviewer.core.annotations.model import Annotation, Letter, PreparedLetter, Theme, parse_time
from reviewer.core.annotations.tagging import new_annotation
from reviewer.core.text.documents import DocumentError
from reviewer.core.text.textsearch import collapse_ws, find_all
from reviewer.export.pack_read import PackContents, PackError, read_members
from reviewer.export.refiqda import CodebookError, QdcCode, codes_in, safe_xml, severity_of, themes_from_qdc
from reviewer.letters.importing import prepare_letter
from reviewer.core.text.words import counted

DEFAULT_SEVERITY = "context"  # a coding with no severity code: context, the scale's neutral step
MAX_SOURCE_BYTES = 200 * 1024 * 1024


@dataclass
class ProjectRead:
    """A project read and checked: the records to merge, the letters prepared, and what stayed out."""

    contents: PackContents
    prepared: dict[str, PreparedLetter]
    notes: list[str] = field(default_factory=list)


def _local(el: ET.Element) -> str:
    return el.tag.split("}")[-1]


def _text_of(el: ET.Element | None) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


def _stamp(value: str | None, undated: str) -> str:
    t = parse_time(value)
    return t.isoformat(timespec="milliseconds") if t.year > 1 else undated


def _undated(root: ET.Element) -> str:
    """The time an undated coding is given: the project's own (its modified or creation time), else none
    ("": older than any edit). Never the time of the import, nor of the file (a copy or a download is
    new): a project imported again would then be newer than every edit made to its codings since, and
    put them back."""
    own = parse_time(root.get("modifiedDateTime") or root.get("creationDateTime"))
    return own.isoformat(timespec="milliseconds") if own.year > 1 else ""


class _Sources:
    """Source files by the URIs a project names them with: internal:// (in sources/ or Sources/ of the
    archive), relative:// (beside the project's basePath, or in the archive) and absolute://."""

    def __init__(self, members: dict[str, bytes], base: str, folder: Path) -> None:
        self.members = {name.casefold(): data for name, data in members.items()}
        self.base = base
        self.folder = folder.resolve()  # where the auditor keeps the project: the only place read from disk
        self.read_from_disk: list[Path] = []  # the sources read from that folder, not from the archive: named

    def get(self, uri: str | None) -> bytes | None:
        if not uri:
            return None
        scheme, _, rest = uri.partition("://")
        scheme = scheme.casefold()
        rest = rest.lstrip("/") if scheme == "internal" else rest
        if scheme == "internal":
            for folder in ("sources/", ""):
                found = self.members.get((folder + rest).casefold())
                if found is not None:
                    return found
            return None
        if scheme == "relative":
            inside = self.members.get(("sources/" + rest.lstrip("/")).casefold())
            if inside is not None:
                return inside
            return self._disk(Path(self.base.replace("\\", "/")) / rest.lstrip("/")) if self.base else None
        if scheme in ("absolute", "file"):
            path = rest[1:] if re.match(r"^/[A-Za-z]:", rest) else rest  # absolute:///C:/x on Windows
            return self._disk(Path(path))
        return None

    def _disk(self, path: Path) -> bytes | None:
        """A source kept outside the archive, read only from the project's own folder (or below it): a
        project names any path it likes, and must not pull other files of this computer into the library
        (and from there into packs)."""
        try:
            path = path.resolve()
            if not path.is_relative_to(self.folder):
                return None
            if path.is_file() and path.stat().st_size <= MAX_SOURCE_BYTES:
                data = path.read_bytes()
                self.read_from_disk.append(path)
                return data
        except OSError:
            return None
        return None


def _place(canonical: str, coded: str | None, start: int, end: int) -> tuple[int, int] | None:
    """Where a coding's passage is in our reading of the letter: at its positions if the text there is
    the text the tool coded; else where that text is (the occurrence nearest the positions)."""
    if coded is None:
        return (start, end) if 0 <= start < end <= len(canonical) else None
    if canonical[start:end] == coded:
        return start, end
    if not coded.strip():
        return None
    hits = find_all(canonical, coded)
    if not hits:
        return None
    return min(hits, key=lambda h: abs(h[0] - start))


def read_project(path: Path | str, current: Sequence[Theme]) -> ProjectRead:
    """Check and read the project at ``path`` against the library's themes ``current``: slow (every
    letter is read) and touching no shared state. ``PackError`` refuses the archive, saying why."""
    path = Path(path)
    members = read_members(path, "REFI-QDA project")
    qdes = [n for n in members if "/" not in n and n.casefold().endswith(".qde")]
    if len(qdes) != 1:
        raise PackError(f"{path.name} is not a REFI-QDA project: it has {len(qdes) or 'no'} .qde file"
                        f"{'s' if len(qdes) > 1 else ''} at its root, where a project has one")
    try:
        root = safe_xml(members[qdes[0]], "project file")
    except CodebookError as exc:
        raise PackError(f"{path.name}: {exc}") from None
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if _local(root) != "Project" or (ns and not ns.startswith("urn:QDA-XML:")):
        raise PackError(f"{path.name}: its .qde is not a REFI-QDA project (the root element is not Project)")
    q = f"{{{ns}}}" if ns else ""
    notes: list[str] = []
    users = {(u.get("guid") or "").strip("{}").casefold(): (u.get("name") or "").strip()
             for u in root.iter(f"{q}User")}
    memos = {(n.get("guid") or "").strip("{}").casefold(): _text_of(n.find(f"{q}PlainTextContent")) or _text_of(n.find(f"{q}Description"))
             for n in root.iter(f"{q}Note")}
    codes_el = root.find(f"{q}CodeBook/{q}Codes")
    codes: list[QdcCode] = codes_in(codes_el, q) if codes_el is not None else []

    # codes -> themes (matched by GUID, then name, the rest added) or severities
    themes_now = list(current)
    theme_of: dict[str, str] = {}
    severity_by_code: dict[str, str] = {}
    incoming: dict[str, Theme] = {}
    for c in codes:
        key = c.guid.strip("{}").casefold()
        pairs = themes_from_qdc([c], themes_now)
        if not pairs:
            sev = severity_of(c)
            if sev is not None:
                severity_by_code[key] = sev
            continue
        before, after = pairs[0]
        chosen = before or after
        theme_of[key] = chosen.id
        if before is None:
            themes_now.append(after)
        incoming.setdefault(chosen.id, chosen)
    sev_ids = {s.id for s in severities()}

    letters: dict[str, Letter] = {}
    prepared: dict[str, PreparedLetter] = {}
    originals: dict[str, bytes] = {}
    annotations: list[Annotation] = []
    files = _Sources(members, root.get("basePath") or "", path.parent)
    undated = _undated(root)
    sources_el = root.find(f"{q}Sources")
    for src in list(sources_el) if sources_el is not None else []:
        kind = _local(src)
        name = (src.get("name") or kind).strip()
        if kind not in ("TextSource", "PDFSource"):
            notes.append(f"not imported: {name} ({kind.removesuffix('Source').lower()} sources are not letters)")
            continue
        stem = re.sub(r"\.(pdf|txt|docx?|rtf|odt)$", "", name, flags=re.I) or "source"
        coded_text: str | None = None
        if kind == "PDFSource":
            data = files.get(src.get("path"))
            rep = src.find(f"{q}Representation")
            holder = rep if rep is not None else src
            if rep is not None:
                raw = files.get(rep.get("plainTextPath"))
                coded_text = raw.decode("utf-8-sig", "replace") if raw is not None else (
                    _text_of(rep.find(f"{q}PlainTextContent")) or None)
            regions = len(src.findall(f".//{q}PDFSelection"))
            if regions:
                notes.append(f"not imported: {counted(regions, 'coding')} of regions of {name} (only text can be tagged)")
            filename = f"{stem}.pdf"
        else:
            raw = files.get(src.get("plainTextPath"))
            content = src.find(f"{q}PlainTextContent")
            coded_text = raw.decode("utf-8-sig", "replace") if raw is not None else (
                "".join(content.itertext()) if content is not None else None)
            data = coded_text.encode("utf-8") if coded_text is not None else None
            holder = src
            filename = f"{stem}.txt"
        if data is None:
            notes.append(f"not imported: {name} (its file is not in the project, nor where the project says it is)")
            continue
        try:
            prep = prepare_letter(data, filename)
        except DocumentError as exc:
            notes.append(f"not imported: {name} ({exc})")
            continue
        letter = prep.letter
        if letter.id not in letters:
            letters[letter.id], prepared[letter.id], originals[letter.id] = letter, prep, data
        canonical, starts = prep.extracted.text, prep.extracted.page_starts
        for sel in holder.findall(f"{q}PlainTextSelection"):
            try:
                start, end = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
            except ValueError:
                notes.append(f"not imported: a coding of {name} without positions")
                continue
            coded = coded_text[start:end] if coded_text is not None and 0 <= start <= end <= len(coded_text) else None
            themes: list[str] = []
            sev = ""
            for ref in sel.iter(f"{q}CodeRef"):
                target = (ref.get("targetGUID") or "").strip("{}").casefold()
                if target in theme_of:
                    themes.append(theme_of[target])
                elif target in severity_by_code and not sev:
                    sev = severity_by_code[target]
            note = "\n\n".join(t for t in [_text_of(sel.find(f"{q}Description"))]
                               + [memos.get((n.get("targetGUID") or "").strip("{}").casefold(), "")
                                  for n in sel.findall(f"{q}NoteRef")] if t)
            author = users.get((sel.get("creatingUser") or "").strip("{}").casefold(), "")
            ann_id = hashlib.sha256(f"refi:{letter.id}:{sel.get('guid') or (start, end)}".encode()).hexdigest()[:32]
            where = _place(canonical, coded, start, end)
            level = sev if sev in sev_ids else DEFAULT_SEVERITY
            stamps = {"created": _stamp(sel.get("creationDateTime"), undated),
                      "modified": _stamp(sel.get("modifiedDateTime") or sel.get("creationDateTime"), undated)}
            if where is None:  # kept with the tool's text, flagged: never dropped silently
                shown = collapse_ws(coded or "")
                notes.append(f"needs attention: a coding of {name} whose text is not in the letter as Reviewer "
                             f"reads it: “{shown[:80]}{'…' if len(shown) > 80 else ''}”")
                annotations.append(Annotation(ann_id, letter.id, 0, 0, coded or "", "", "", (1,),
                                              tuple(dict.fromkeys(themes)), level, note, author, orphaned=True,
                                              **stamps))
                continue
            base = new_annotation(canonical, starts, letter.id, *where, themes, level, note, author)
            annotations.append(dataclasses.replace(base, id=ann_id, **stamps))
    if not letters:
        raise PackError(f"{path.name}: none of its sources can be a letter (a PDF or text source whose file it holds)")
    origin = root.get("origin") or "another QDA tool"
    manifest = {"format": "refi-qda", "auditor": "", "origin": origin, "name": root.get("name") or path.stem}
    contents = PackContents(path, manifest, list(letters.values()), annotations, list(incoming.values()), originals)
    # (a project names files of this computer beside it, read only from its own folder; each is named, as it joins the
    # library and from there goes into packs: an attack had a hand-written project pull in a private file unseen)
    notes += [f"read from this computer, not from the project file: {p}" for p in dict.fromkeys(files.read_from_disk)]
    return ProjectRead(contents, prepared, notes)
