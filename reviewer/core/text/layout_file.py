"""A letter's ``Layout`` kept on disk, so a letter opens and exports without re-reading its PDF.

The file is binary and compact: a JSON header (format, extractor, the SHA-256 of the text, page
sizes and counts), then the lines' numbers and the characters' edges as little-endian arrays,
then the text. The pages' links are in the header (a report has tens). Reading checks every length and the text's hash, and answers ``None`` for
anything that does not match: the caller then extracts the layout again, so a stale or damaged
file can cost time but never a wrong highlight.
"""

from __future__ import annotations

import hashlib
import json
import sys
from array import array

from reviewer.core.text.layout import Layout, Line
from reviewer.core.text.links import MAX_ADDRESS, MAX_POINTS, Link

MAGIC = b"RVLAYOUT2\n"  # 2: with the pages' links (a layout kept as 1 has none: it is read again)


def _le(a: array) -> bytes:
    if sys.byteorder != "little":
        a = array(a.typecode, a)
        a.byteswap()
    return a.tobytes()


def _read(typecode: str, data: bytes) -> array:
    a = array(typecode)
    a.frombytes(data)
    if sys.byteorder != "little":
        a.byteswap()
    return a


def dump_layout(layout: Layout, extractor: str) -> bytes:
    text = layout.text.encode("utf-8", "surrogatepass")
    ints = array("i")
    boxes = array("f")
    for ln in layout.lines:
        ints.extend((ln.page, ln.start, ln.end))
        boxes.extend(ln.box)
    x0 = array("f", layout.x0)
    x1 = array("f", layout.x1)
    header = {
        "extractor": extractor,
        "text_sha": hashlib.sha256(text).hexdigest(),
        "page_sizes": [list(s) for s in layout.page_sizes],
        "lines": len(layout.lines),
        "chars": len(layout.text),
        "text_bytes": len(text),
        "links": [[ln.page, *ln.box, ln.to_page, ln.to_y, ln.uri] for ln in layout.links],
    }
    head = json.dumps(header).encode("utf-8")
    return b"".join([MAGIC, len(head).to_bytes(4, "little"), head,
                     _le(ints), _le(boxes), _le(x0), _le(x1), text])


def load_layout(data: bytes, text_sha: str, extractor: str) -> Layout | None:
    """The layout in ``data`` if it is whole and is of the text with ``text_sha`` by ``extractor``."""
    try:
        if not data.startswith(MAGIC):
            return None
        pos = len(MAGIC)
        n_head = int.from_bytes(data[pos : pos + 4], "little")
        pos += 4
        header = json.loads(data[pos : pos + n_head])
        pos += n_head
        if header["extractor"] != extractor or header["text_sha"] != text_sha:
            return None
        n_lines, n_chars, n_text = int(header["lines"]), int(header["chars"]), int(header["text_bytes"])
        sizes = [4 * 3 * n_lines, 4 * 4 * n_lines, 4 * n_chars, 4 * n_chars, n_text]
        if len(data) != pos + sum(sizes):
            return None
        parts = []
        for size in sizes:
            parts.append(data[pos : pos + size])
            pos += size
        raw_text = parts[4]
        if hashlib.sha256(raw_text).hexdigest() != text_sha:
            return None
        text = raw_text.decode("utf-8", "surrogatepass")
        if len(text) != n_chars:
            return None
        ints, boxes = _read("i", parts[0]), _read("f", parts[1])
        page_sizes = [(float(w), float(h)) for w, h in header["page_sizes"]]
        lines = []
        for i in range(n_lines):
            page, start, end = ints[3 * i : 3 * i + 3]
            if not (0 <= page < len(page_sizes) and 0 <= start <= end <= n_chars):
                return None
            lines.append(Line(page, start, end, tuple(boxes[4 * i : 4 * i + 4])))  # type: ignore[arg-type]
        links = _links(header.get("links"), len(page_sizes))
        if links is None:
            return None
        return Layout(text, page_sizes, lines, _read("f", parts[2]), _read("f", parts[3]), links)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, OverflowError, RecursionError):
        return None  # (RecursionError: a header nested past json's depth)


def _links(rows: object, pages: int) -> list[Link] | None:
    """The links kept in a header, or None where they are not whole."""
    if not isinstance(rows, list):
        return None
    out = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 8 and isinstance(row[7], str)):
            return None
        page, x0, y0, x1, y1, to_page, to_y = row[:7]
        if not (type(page) is int and 0 <= page < pages and type(to_page) is int and -1 <= to_page < pages
                and all(type(v) in (int, float) and 0 <= abs(v) < MAX_POINTS for v in (x0, y0, x1, y1, to_y))
                and x0 < x1 and y0 < y1 and to_y >= 0 and len(row[7]) <= MAX_ADDRESS):
            return None  # (as no reader writes it: NaN fails 0 <= abs; a jump to an infinite height is an OverflowError)
        out.append(Link(page, (float(x0), float(y0), float(x1), float(y1)), to_page, float(to_y), row[7]))
    return out
