"""REFI-QDA exchange: the pack as a .qdpx project and the codebook as a .qdc file.

A .qdpx is a zip holding ``project.qde`` (QDA-XML, urn:QDA-XML:project:1.0) and the sources under
``sources/``. Each letter is a PDFSource whose Representation is the canonical text, so codings are
PlainTextSelections with the same code-point offsets the app uses. Themes are codes under a
"Themes" category, severities codes under "Severity"; each annotation is coded with its themes and
its severity by its auditor, its note is the selection's description, and a manager's review is a
note attached to it. GUIDs are derived from our ids, so the same pack always gives the same GUIDs.
"""

from __future__ import annotations

import functools
import io
import re
import uuid
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from reviewer import __version__
from reviewer.core.annotations.codebook import severities, slug_for
from reviewer.core.annotations.library import Library
from reviewer.core.annotations.model import Letter, Theme, parse_time
from reviewer.core.team.summary import distinct_titles
from reviewer.core.text.guarded_xml import XmlRefused, guarded_xml
from reviewer.export.common import zip_member

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
_NS = uuid.UUID("6a1d3c2e-4b7f-5e9a-8c0d-2f1e3b4a5c6d")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
MAX_QDC_BYTES = 5 * 1024 * 1024
# Codebooks people exchange have tens to a few hundred codes, nested a few levels (Reviewer's own has
# 36 themes in one level): 5,000 codes and 64 levels of elements leave a wide margin.
MAX_CODES = 5_000
MAX_XML_DEPTH = 64


class CodebookError(ValueError):
    """A .qdc file that cannot be read; the message is for the user."""


@functools.lru_cache(maxsize=65536)  # a project names each theme, auditor and letter once per coding
def guid(kind: str, key: str) -> str:
    return str(uuid.uuid5(_NS, f"{kind}:{key}"))


def theme_guid(theme_id: str) -> str:
    return guid("theme", theme_id)


def _x(text: object) -> str:
    """Text XML 1.0 can carry: control characters and lone surrogates dropped."""
    return _XML_BAD.sub("", str(text))


def _when(iso: str) -> str | None:
    t = parse_time(iso)
    return t.isoformat(timespec="seconds") if t.year > 1 else None


def _sub(parent: ET.Element, ns: str, tag: str, text: str | None = None, **attrs: str | None) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ns}}}{tag}", {k: _x(v) for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = _x(text)
    return el


def _colour(c: str) -> str | None:
    return c if re.fullmatch(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})", c or "") else None


def _theme_codes(parent: ET.Element, ns: str, themes: Sequence[Theme]) -> None:
    for t in themes:
        code = _sub(parent, ns, "Code", guid=theme_guid(t.id), name=t.label, isCodable="true", color=_colour(t.colour))
        if t.description:
            _sub(code, ns, "Description", t.description)


@dataclass(frozen=True)
class SourceText:
    letter: Letter
    text: str  # canonical text the offsets refer to
    pdf: bytes  # the letter as a PDF Reviewer wrote (a safe copy; text letters typeset): stored, not deflated again


def project_xml(lib: Library, sources: Sequence[SourceText], name: str, created: str) -> bytes:
    ns = PROJECT_NS
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}Project", {"name": _x(name), "origin": f"Reviewer {__version__}"})
    if (w := _when(created)) is not None:
        root.set("creationDateTime", w)
    anns = [a for s in sources for a in lib.annotations_for(s.letter.id)]
    people = sorted({a.author or "Unknown auditor" for a in anns}
                    | {a.review.reviewer for a in anns if a.review and a.review.reviewer})
    if people:
        users = _sub(root, ns, "Users")
        for p in people:
            _sub(users, ns, "User", guid=guid("user", p), name=p)
    codes = _sub(_sub(root, ns, "CodeBook"), ns, "Codes")
    used = {t for a in anns for t in a.themes}
    themes = [t for t in lib.themes.values() if not t.retired or t.id in used]
    cat = _sub(codes, ns, "Code", guid=guid("category", "themes"), name="Themes", isCodable="false")
    _sub(cat, ns, "Description", "Themes of the Reviewer codebook")
    _theme_codes(cat, ns, themes)
    sev = _sub(codes, ns, "Code", guid=guid("category", "severity"), name="Severity", isCodable="false")
    _sub(sev, ns, "Description", "The audit's severity scale")
    for s in severities():
        c = _sub(sev, ns, "Code", guid=guid("severity", s.id), name=s.label, isCodable="true", color=s.colour)
        _sub(c, ns, "Description", s.description)
    known_codes = {t.id for t in themes}
    notes: list[tuple[str, str, str, str]] = []  # guid, reviewer, when, text
    srcs = _sub(root, ns, "Sources")
    names = distinct_titles([s.letter for s in sources], lib)  # QualCoder keys sources by name: no two alike
    for s in sources:
        x = s.letter
        sg = guid("letter", x.id)
        src = _sub(srcs, ns, "PDFSource", guid=sg, name=names[x.id], path=f"internal://{sg}.pdf",
                   creationDateTime=_when(x.added))
        m = x.meta
        desc = "; ".join(v for v in (m.authority, m.doc_type, m.published and f"letter {m.published}") if v)
        if desc:
            _sub(src, ns, "Description", desc)
        rep = _sub(src, ns, "Representation", guid=guid("text", x.id), name=names[x.id],
                   plainTextPath=f"internal://{sg}.txt")
        for a in lib.annotations_for(x.id):
            if a.orphaned:
                continue
            user = guid("user", a.author or "Unknown auditor")
            sel = _sub(rep, ns, "PlainTextSelection", guid=guid("annotation", a.id), name=a.quote[:60],
                       startPosition=str(a.start), endPosition=str(a.end), creatingUser=user,
                       creationDateTime=_when(a.created), modifyingUser=user,
                       modifiedDateTime=_when(a.modified))
            if a.note:
                _sub(sel, ns, "Description", a.note)
            targets = [theme_guid(t) for t in a.themes if t in known_codes] + [guid("severity", a.severity)]
            for target in targets:
                coding = _sub(sel, ns, "Coding", guid=guid("coding", f"{a.id}:{target}"), creatingUser=user,
                              creationDateTime=_when(a.created))
                _sub(coding, ns, "CodeRef", targetGUID=target)
            if a.review:
                ng = guid("review", a.id)
                text = f"{a.review.label}" + (f": {a.review.comment}" if a.review.comment else "")
                notes.append((ng, a.review.reviewer, a.review.at, text))
                _sub(sel, ns, "NoteRef", targetGUID=ng)
    if not len(srcs):
        root.remove(srcs)
    if notes:
        holder = _sub(root, ns, "Notes")
        for ng, reviewer, at, text in notes:
            note = _sub(holder, ns, "Note", guid=ng, name="Manager's review",
                        creatingUser=guid("user", reviewer) if reviewer else None, creationDateTime=_when(at))
            _sub(note, ns, "PlainTextContent", text)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def to_qdpx(lib: Library, sources: Sequence[SourceText], name: str, created: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", project_xml(lib, sources, name, created))
        for s in sources:
            sg = guid("letter", s.letter.id)
            zip_member(z, f"sources/{sg}.pdf", s.pdf, written_here=True)
            z.writestr(f"sources/{sg}.txt", s.text.encode("utf-8"))
    return buf.getvalue()


# ---------------------------------------------------------------- codebook alone (.qdc)
def to_qdc(themes: Sequence[Theme]) -> bytes:
    ET.register_namespace("", CODEBOOK_NS)
    root = ET.Element(f"{{{CODEBOOK_NS}}}CodeBook", {"origin": f"Reviewer {__version__}"})
    _theme_codes(_sub(root, CODEBOOK_NS, "Codes"), CODEBOOK_NS, [t for t in themes if not t.retired])
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


@dataclass(frozen=True)
class QdcCode:
    guid: str
    name: str
    colour: str | None
    description: str
    path: tuple[str, ...] = ()  # names of the codes (or categories) it sits in, outermost first
    parent: bool = False  # it holds codes of its own


def safe_xml(data: bytes, what: str) -> ET.Element:
    """``data`` parsed (``core.text.guarded_xml``): no DOCTYPE or entity (REFI-QDA never needs one), at most
    ``MAX_CODES`` codes, nested at most ``MAX_XML_DEPTH`` deep."""
    try:
        return guarded_xml(
            data, max_depth=MAX_XML_DEPTH, counted="Code", max_count=MAX_CODES,
            too_deep=f"the {what} nests its elements more than {MAX_XML_DEPTH} deep (REFI-QDA files nest a few "
                     "levels): refused",
            too_many=f"the {what} has more than {MAX_CODES:,} codes (codebooks have tens to a few hundred): refused",
            has_doctype=f"the {what} declares a DOCTYPE or entities, which REFI-QDA never needs; refused",
            invalid=lambda reason: f"the {what} is not valid XML ({reason})")
    except XmlRefused as exc:
        raise CodebookError(str(exc)) from None


def _local(tag: str) -> tuple[str, str]:
    """(namespace, local name) of an element's tag."""
    return (tag[1:].split("}")[0], tag.split("}")[1]) if tag.startswith("{") else ("", tag)


def read_qdc(data: bytes) -> list[QdcCode]:
    """The codable codes of a REFI-QDA codebook (nested categories flattened, each code with the
    names of those it sits in). Takes what the tools write: a byte-order mark (QualCoder), the
    namespace as "codebook:1:0" (older QualCoder), codes with descriptions and "Group::Code" names
    (ATLAS.ti), and a project's codebook."""
    if len(data) > MAX_QDC_BYTES:
        raise CodebookError("the codebook file is too large to be a codebook")
    root = safe_xml(data, "codebook file")
    ns, local = _local(root.tag)
    if local not in ("CodeBook", "Project") or (ns and not ns.startswith("urn:QDA-XML:")):
        raise CodebookError("not a REFI-QDA codebook (.qdc): its root element is not CodeBook")
    q = f"{{{ns}}}" if ns else ""
    codes = root.find(f"{q}Codes") if local == "CodeBook" else root.find(f"{q}CodeBook/{q}Codes")
    if codes is None:
        raise CodebookError("the codebook file has no codes")
    return codes_in(codes, q)


def codes_in(codes: ET.Element, q: str) -> list[QdcCode]:
    """The codable codes under a ``Codes`` element (``q``: its namespace as "{...}"), flattened in
    document order (walked without recursion, however deep)."""
    out: list[QdcCode] = []
    stack: list[tuple[Iterator[ET.Element], tuple[str, ...]]] = [(iter(codes.findall(f"{q}Code")), ())]
    while stack:
        level, path = stack[-1]
        code = next(level, None)
        if code is None:
            stack.pop()
            continue
        name = (code.get("name") or "").strip()
        children = code.findall(f"{q}Code")
        if code.get("isCodable", "true").strip().lower() in ("true", "1") and name:
            desc = code.find(f"{q}Description")
            text = "".join(desc.itertext()).strip() if desc is not None else ""
            out.append(QdcCode(code.get("guid") or "", name[:200], _colour(code.get("color") or ""),
                               text, path, bool(children)))
        stack.append((iter(children), path + (name,)))
    return out


# Colour: ours stands. A tool with its own palette shows our colour as its nearest (QualCoder snaps
# every colour to one of its 120, up to 42 away per channel on average for our codebook) and gives
# every code a new GUID on each export; a colour far from ours on a code that kept our GUID is an
# auditor's choice, made on purpose in a tool that keeps identities, and is taken.
PALETTE_DRIFT = 48  # mean difference per channel (of 255) within which a colour is ours as another tool shows it


def _far(a: str, b: str) -> bool:
    def rgb(c: str) -> list[int]:
        h = c.lstrip("#")
        h = "".join(ch * 2 for ch in h) if len(h) == 3 else h
        return [int(h[i:i + 2], 16) for i in (0, 2, 4)]

    try:
        return sum(abs(x - y) for x, y in zip(rgb(a), rgb(b))) / 3 > PALETTE_DRIFT
    except ValueError:
        return False


_OUR_CATEGORIES = {"themes", "severity"}


def severity_of(code: QdcCode) -> str | None:
    """The id of the severity a code stands for: one under our "Severity" category, named
    "Severity::…" (a tool that flattens groups), carrying our severity GUID, or named as one."""
    by_label = {s.label.casefold(): s.id for s in severities()}
    by_guid = {guid("severity", s.id): s.id for s in severities()}
    found = by_guid.get(code.guid.strip("{}").lower())
    if found:
        return found
    name = code.name.casefold()
    if "::" in name:
        group, _, leaf = name.rpartition("::")
        return by_label.get(leaf.strip()) if group.strip() == "severity" else None
    in_severity = any(p.casefold() == "severity" for p in code.path)
    if in_severity or name in by_label:
        return by_label.get(name)
    return None


def is_our_category(code: QdcCode) -> bool:
    """Our own "Themes" or "Severity" holder, which a tool exported as a codable code."""
    ours = (guid("category", "themes"), guid("category", "severity"))
    return (code.parent and not code.path and code.name.casefold() in _OUR_CATEGORIES) or \
        code.guid.strip("{}").lower() in ours


def themes_from_qdc(codes: Sequence[QdcCode], current: Sequence[Theme],
                    take_colours: bool = False) -> list[tuple[Theme | None, Theme]]:
    """(local theme or None, theme as the codebook has it) for every code that is a theme, matched
    by GUID then name. Our severities and our own categories are not themes (``severity_of``,
    ``is_our_category``), unless the library has a theme of that name. A matched theme keeps its
    colour unless ``take_colours`` or the file changed it on purpose (see ``PALETTE_DRIFT``)."""
    by_guid = {theme_guid(t.id): t for t in current}
    by_name = {t.label.casefold(): t for t in current}
    taken = {t.id for t in current}
    counters: dict[str, int] = {}  # naming stays linear however many codes share a name
    out: list[tuple[Theme | None, Theme]] = []
    for c in codes:
        mine_by_guid = by_guid.get(c.guid.strip("{}").lower())
        mine = mine_by_guid or by_name.get(c.name.casefold())
        if mine is None and (is_our_category(c) or severity_of(c) is not None):
            continue
        if mine is not None:
            colour = mine.colour
            if c.colour and (take_colours or mine_by_guid is not None and _far(c.colour, mine.colour)):
                colour = c.colour
            new = Theme(mine.id, c.name, colour, c.description or mine.description, False, mine.cues)
        else:
            tid = slug_for(c.name, taken, counters)
            taken.add(tid)
            new = Theme(tid, c.name, c.colour or "#888888", c.description)
        out.append((mine, new))
    return out
