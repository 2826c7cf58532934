"""Hostile documents, codebooks and packs built by code (issue 14, items 9-13, 16, 17): small files
that would make a careless reader take minutes, gigabytes or a pane of attachments."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import pymupdf

from reviewer.core.annotations.model import Letter, now_iso
from reviewer.core.text.documents import content_id
from reviewer.export.pack import DATA, MANIFEST, PACK_FORMAT, PACK_VERSION

LEAF = b"Leaf text here"  # 14 characters: 2**(depth - 1) copies of it, one per line


def nested_pdf(depth: int) -> bytes:
    """A one-page PDF of a few KB whose form XObject i draws XObject i+1 twice, ``depth`` deep: the
    last draws one line of text, so the page holds 2**(depth-1) lines (depth 30: half a billion)."""
    objs: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X0 10 0 R >> "
           b"/Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }

    def stream(head: bytes, body: bytes) -> bytes:
        return head + b" /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"

    objs[5] = stream(b"<<", b"q /X0 Do Q")
    for i in range(depth):
        if i == depth - 1:
            body, res = b"BT /F1 10 Tf 72 700 Td (" + LEAF + b") Tj ET", b"<< /Font << /F1 4 0 R >> >>"
        else:
            body, res = b"q /X Do Q q /X Do Q", b"<< /XObject << /X %d 0 R >> >>" % (11 + i)
        objs[10 + i] = stream(b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources " + res, body)
    out = bytearray(b"%PDF-1.7\n")
    offsets = {}
    for k in sorted(objs):
        offsets[k] = len(out)
        out += b"%d 0 obj\n" % k + objs[k] + b"\nendobj\n"
    size = max(objs) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for k in range(1, size):
        out += b"%010d 00000 n \n" % offsets[k] if k in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def nested_chars(depth: int) -> int:
    """How many characters of text ``nested_pdf(depth)`` reads as: its lines joined by newlines."""
    lines = 2 ** (depth - 1)
    return lines * len(LEAF) + lines - 1


PAYLOAD = b"MZ-HOSTILE-PAYLOAD" * 8


def hostile_pdf() -> bytes:
    """A readable letter that carries everything a pack must not pass on: a JavaScript open action,
    a JavaScript name tree, a Launch link, a launch on opening the page, an outline entry that
    launches a program, an embedded executable, an attached one, a javascript: link, and
    /PageMode /UseAttachments. One web link, which may stay."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Inspection of Nowhere children's services.", fontsize=11)
    page.insert_text((72, 100), "Too many plans are lists of actions rather than plans.", fontsize=11)
    doc.embfile_add("payload.exe", PAYLOAD, filename="payload.exe")
    page.add_file_annot(pymupdf.Point(300, 300), PAYLOAD, "attached.exe")
    page.insert_link({"kind": pymupdf.LINK_LAUNCH, "from": pymupdf.Rect(72, 60, 200, 80), "file": "calc.exe"})
    page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 90, 200, 110), "uri": "https://www.gov.uk/"})
    page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 120, 200, 140),
                      "uri": "javascript:app.alert('HOSTILE')"})
    cat = doc.pdf_catalog()
    doc.xref_set_key(cat, "OpenAction", "<</S/JavaScript/JS(app.alert\\('HOSTILE-OPEN'\\))>>")
    js = doc.get_new_xref()
    doc.update_object(js, "<</S/JavaScript/JS(app.alert\\('HOSTILE-NAMES'\\))>>")
    doc.xref_set_key(cat, "Names/JavaScript", f"<</Names[(x) {js} 0 R]>>")
    doc.xref_set_key(cat, "PageMode", "/UseAttachments")
    doc.xref_set_key(page.xref, "AA", "<</O<</S/Launch/F(HOSTILE-ON-OPEN.exe)>>>>")
    launch, outline, outlines = doc.get_new_xref(), doc.get_new_xref(), doc.get_new_xref()
    doc.update_object(launch, "<</Type/Action/S/Launch/F(HOSTILE-OUTLINE.exe)>>")
    doc.update_object(outline, f"<</Title(Read me)/Parent {outlines} 0 R/A {launch} 0 R>>")
    doc.update_object(outlines, f"<</Type/Outlines/First {outline} 0 R/Last {outline} 0 R/Count 1>>")
    doc.xref_set_key(cat, "Outlines", f"{outlines} 0 R")
    return doc.tobytes()


DANGERS = ("/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/FileAttachment", "/OpenAction", "/UseAttachments",
           "/AA", "HOSTILE", "javascript:")


def dangers_in(data: bytes) -> list[str]:
    """What of ``DANGERS`` a PDF holds, object by object, streams inflated; and its embedded files."""
    doc = pymupdf.open("pdf", data)
    found = []
    for xref in range(1, doc.xref_length()):
        text = doc.xref_object(xref, compressed=False)
        if doc.xref_is_stream(xref):
            text += (doc.xref_stream(xref) or b"").decode("latin-1")
        found += [f"object {xref}: {d}" for d in DANGERS if d in text]
    found += [f"embedded file {n}" for n in doc.embfile_names()]
    if doc.pdf_catalog() and doc.xref_get_key(doc.pdf_catalog(), "PageMode")[1] == "/UseAttachments":
        found.append("catalog: /UseAttachments")
    return found


def letter_record(data: bytes, name: str, kind: str = "pdf") -> dict[str, Any]:
    lid = content_id(data)
    return Letter(id=lid, title=Path(name).stem, source=name, kind=kind, pages=1, added=now_iso(),
                  text_sha="0" * 64, extractor="pdf/1", has_text=True).to_dict()


def hand_pack(path: Path, files: dict[str, bytes], records: Any = None, manifest: dict[str, Any] | None = None,
              extra: dict[str, bytes] | None = None, version: int = PACK_VERSION, method: int = zipfile.ZIP_DEFLATED) -> Path:
    """A pack made by hand, as someone who knows the format would: ``files`` are letters (name ->
    bytes) kept as originals, ``records`` replaces data/pack.json, ``extra`` are more members, all
    listed in a manifest with their SHA-256; ``manifest`` entries override the manifest's."""
    folder = {1: "data/letters/", 2: "data/originals/"}[version]
    letters = [letter_record(data, name) for name, data in files.items()]
    members = {f"{folder}{content_id(data)}.pdf": data for data in files.values()}
    if records is None:
        records = {"format": PACK_FORMAT, "format_version": version, "auditor": "Eve", "letters": letters,
                   "annotations": [], "themes": []}
    members[DATA] = records if isinstance(records, bytes) else json.dumps(records).encode("utf-8")
    members.update(extra or {})
    man = {"format": PACK_FORMAT, "format_version": version, "auditor": "Eve",
           "files": {n: hashlib.sha256(b).hexdigest() for n, b in members.items()}}
    man.update(manifest or {})
    with zipfile.ZipFile(path, "w", method) as z:
        for n, b in members.items():
            z.writestr(n, b)
        z.writestr(MANIFEST, man if isinstance(man, bytes) else json.dumps(man).encode("utf-8"))
    return path


def deep_json(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def qdc(codes: int = 0, name=lambda i: "Same", body: str | None = None) -> bytes:  # type: ignore[no-untyped-def]
    inner = body if body is not None else "".join(
        f'<Code guid="{i:x}" name="{name(i)}"/>' for i in range(codes))
    return ('<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
            f"{inner}</Codes></CodeBook>").encode("utf-8")


def nested_codes(depth: int) -> bytes:
    return qdc(body='<Code name="c" isCodable="true">' * depth + "</Code>" * depth)
