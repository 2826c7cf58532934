"""The fonts of a PDF Reviewer wrote, made right for every reader: subset, and mapped back to text.

MuPDF embeds each font whole (an emoji or symbol font it falls back to weighs hundreds of KB for one
glyph) and writes each font's ToUnicode map from the font's whole character map, with a code point
beyond the Basic Multilingual Plane as five hex digits (``<1f4c9>``) where the PDF format wants its
UTF-16 surrogate pair (``<d83ddcc9>``): pdftotext then reads an emoji as a wrong character and pypdf
drops it with "Odd-length string". ``tidy_fonts`` subsets every font to the glyphs the pages use
(MuPDF's own subsetter) and rewrites each ToUnicode map with just those glyphs, each as UTF-16.
"""

from __future__ import annotations

import re
import struct

import pymupdf

_BLOCK = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)
_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_SHOW = re.compile(rb"/([^\s/<>\[\]()]+)\s+[-+\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>|\(((?:\\.|[^\\)])*)\)", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _text(dest: bytes) -> str:
    """A ToUnicode destination as text: UTF-16BE as the format says, or (as MuPDF writes a code point
    above U+FFFF) a bare code point in hex."""
    digits = dest.decode("ascii")
    if len(digits) % 4 == 0:
        try:
            return bytes.fromhex(digits).decode("utf-16-be")
        except UnicodeDecodeError:
            pass
    value = int(digits, 16)
    return chr(value) if value <= 0x10FFFF else "\ufffd"


def read_to_unicode(cmap: bytes) -> dict[int, str]:
    """Code -> text of a ToUnicode CMap's bfchar and bfrange entries (the forms MuPDF writes)."""
    out: dict[int, str] = {}
    for kind, body in _BLOCK.findall(cmap):
        if kind == b"bfchar":
            out.update((int(a, 16), _text(b)) for a, b in _CHAR.findall(body))
            continue
        for a, b, c in _RANGE.findall(body):
            lo, hi, first = int(a, 16), int(b, 16), _text(c)
            for i in range(min(hi - lo, 0xFFFF) + 1):
                out[lo + i] = first[:-1] + chr(min(ord(first[-1]) + i, 0x10FFFF))
    return out


def write_to_unicode(mapping: dict[int, str]) -> bytes:
    """A ToUnicode CMap of two-byte codes, each mapped to its text in UTF-16BE (at most 100 a block)."""
    lines = [b"/CIDInit /ProcSet findresource begin", b"12 dict begin", b"begincmap",
             b"/CIDSystemInfo <</Registry(Adobe)/Ordering(UCS)/Supplement 0>> def",
             b"/CMapName /Adobe-Identity-UCS def", b"/CMapType 2 def",
             b"1 begincodespacerange", b"<0000> <FFFF>", b"endcodespacerange"]
    items = sorted((code, text) for code, text in mapping.items() if 0 <= code <= 0xFFFF and text)
    for at in range(0, len(items), 100):
        block = items[at:at + 100]
        lines.append(b"%d beginbfchar" % len(block))
        lines += [b"<%04x> <%s>" % (code, text.encode("utf-16-be").hex().encode()) for code, text in block]
        lines.append(b"endbfchar")
    lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]
    return b"\n".join(lines) + b"\n"


def _literal(body: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(body):
        ch = body[i:i + 1]
        if ch != b"\\":
            out += ch
            i += 1
            continue
        nxt = body[i + 1:i + 2]
        octal = re.match(rb"[0-7]{1,3}", body[i + 1:i + 4])
        if octal:
            out.append(int(octal.group(), 8) & 0xFF)
            i += 1 + len(octal.group())
        else:
            out += _ESCAPES.get(nxt, nxt)
            i += 2
    return bytes(out)


_FONT_REF = re.compile(r"/([^\s/<>\[\]()]+)\s*(\d+)\s+0\s+R")


def _page_resources(doc: pymupdf.Document, page: pymupdf.Page, encodings: dict[int, str]
                    ) -> tuple[bool, dict[str, int]] | None:
    """Whether the page draws form XObjects, and its Identity-H fonts (resource name -> xref), read from its own
    /Resources (PyMuPDF's ``get_fonts`` gathers far more, a millisecond a page: 0.75 s of a 739-page summary);
    None where the page's resources are not its own dictionary of references (inherited, or written otherwise)."""
    kind, _ = doc.xref_get_key(page.xref, "Resources")
    if kind not in ("dict", "xref"):
        return None
    xkind, xobjects = doc.xref_get_key(page.xref, "Resources/XObject")
    if xkind not in ("null", "dict") or xkind == "dict" and xobjects.strip("<> "):
        return True, {}
    fkind, fonts = doc.xref_get_key(page.xref, "Resources/Font")
    if fkind == "xref":
        fonts = doc.xref_object(int(fonts.split()[0]), compressed=True)
    elif fkind != "dict":
        return (False, {}) if fkind == "null" else None
    names = {}
    for name, ref in _FONT_REF.findall(fonts):
        xref = int(ref)
        if xref not in encodings:
            encodings[xref] = doc.xref_get_key(xref, "Encoding")[1]
        if encodings[xref] == "/Identity-H":
            names[name] = xref
    return False, names


def used_codes(doc: pymupdf.Document) -> dict[int, set[int]] | None:
    """For each Identity-H font (by xref), the two-byte codes its pages show; None when a page shows
    text in a way this reading does not follow (a form XObject), so nothing may be left out."""
    used: dict[int, set[int]] = {}
    encodings: dict[int, str] = {}
    for page in doc:
        read = _page_resources(doc, page, encodings)
        if read is None:  # (resources of another shape: asked of PyMuPDF)
            if page.get_xobjects():
                return None
            names = {f[4]: f[0] for f in page.get_fonts(full=True) if f[5] == "Identity-H"}
        elif read[0]:
            return None
        else:
            names = read[1]
        current: int | None = None
        for m in _SHOW.finditer(page.read_contents()):
            name, hexed, literal = m.groups()
            if name is not None:
                current = names.get(name.decode("latin-1"))
                continue
            if current is None:
                continue
            raw = bytes.fromhex(re.sub(rb"\s+", b"", hexed).decode()) if hexed is not None else _literal(literal)
            pairs = len(raw) // 2  # two-byte codes, big-endian; an odd last byte is no code
            used.setdefault(current, set()).update(struct.unpack(f">{pairs}H", raw[:2 * pairs]))
    return used


def tidy_fonts(doc: pymupdf.Document) -> None:
    """Subset every font to the glyphs shown and give each Identity-H font a ToUnicode map of just
    those glyphs, every one as UTF-16 (so emoji and symbols extract as what they show)."""
    doc.subset_fonts()
    used = used_codes(doc)
    for xref in range(1, doc.xref_length()):
        if doc.xref_get_key(xref, "Type")[1] != "/Font" or doc.xref_get_key(xref, "Encoding")[1] != "/Identity-H":
            continue
        kind, ref = doc.xref_get_key(xref, "ToUnicode")
        if kind != "xref":
            continue
        cmap_xref = int(ref.split()[0])
        mapping = read_to_unicode(doc.xref_stream(cmap_xref) or b"")
        if used is not None:
            shown = used.get(xref, set())
            mapping = {code: text for code, text in mapping.items() if code in shown}
        doc.update_stream(cmap_xref, write_to_unicode(mapping))
