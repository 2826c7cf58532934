"""Reading letter files: PDF through PyMuPDF, plain text in whatever encoding it came in.

Everything that can go wrong with a file the auditor picked ends in ``DocumentError`` with a
sentence fit to show them; nothing here raises anything else for bad input.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from reviewer.core.layout import Layout, LayoutBuilder

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES
PDF_EXTRACTOR = "pdf/1"
TEXT_EXTRACTOR = "text/1"


pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


class DocumentError(Exception):
    """A letter file that cannot be read; the message is meant for the auditor."""


def extractor_version(kind: str) -> str:
    if kind == "pdf":
        return f"{PDF_EXTRACTOR}/pymupdf-{pymupdf.__version__}"
    return TEXT_EXTRACTOR


@dataclass
class Decoded:
    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


def content_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def kind_for(name: str, data: bytes) -> str:
    if data[:5] == b"%PDF-" or data[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    suffix = Path(name).suffix.lower()
    if suffix in PDF_SUFFIXES:
        return "pdf"  # named .pdf but not one: opening it will say so
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise DocumentError(f"{name}: not a letter Reviewer can open (PDF, .txt or .md)")


# ---------------------------------------------------------------- text files


def decode_text(data: bytes, name: str = "file") -> Decoded:
    if not data:
        raise DocumentError(f"{name} is empty (0 bytes): there is no letter in it")
    if data.startswith(b"\xef\xbb\xbf"):
        return _clean(data[3:].decode("utf-8", "replace"), "UTF-8", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _clean(data.decode("utf-16", "replace"), "UTF-16", name, ["read as UTF-16"])
    sample = data[:4096]
    if len(sample) >= 4 and sample.count(b"\x00") >= len(sample) // 3:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        enc = "utf-16-le" if odd > even else "utf-16-be"
        return _clean(data.decode(enc, "replace"), "UTF-16", name, ["read as UTF-16 (no byte-order mark)"])
    if b"\x00" in data:
        raise DocumentError(
            f"{name} contains NUL bytes: it looks like a binary file, not a text letter"
        )
    try:
        return _clean(data.decode("utf-8"), "UTF-8", name)
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return _clean(text, "Windows-1252", name, ["not UTF-8: read as Windows-1252"])


def _clean(text: str, encoding: str, name: str, notes: list[str] | None = None) -> Decoded:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise DocumentError(f"{name} contains NUL characters: it is not a plain-text letter")
    controls = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\n\t\f")
    if controls > max(8, len(text[:20000]) // 50):
        raise DocumentError(f"{name} looks like a binary file, not a text letter")
    if not text.strip():
        raise DocumentError(f"{name} has no text in it")
    return Decoded(text, encoding, list(notes or []))


# ---------------------------------------------------------------- PDF files


class EncryptedPdf(DocumentError):
    """A PDF that needs a password to be read."""


def decrypt_pdf(data: bytes, password: str, name: str = "file") -> bytes:
    """The PDF without its encryption, given its password; the library keeps this copy."""
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # noqa: BLE001
        raise DocumentError(f"{name} is not a readable PDF: {exc}") from None
    try:
        if doc.needs_pass and not doc.authenticate(password):
            raise EncryptedPdf(f"the password for {name} is not right")
        # no_new_id: the same file and password always give the same bytes, so the same letter id
        return doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_NONE, garbage=1, deflate=True, no_new_id=True)
    finally:
        doc.close()


def open_pdf(data: bytes, name: str = "file") -> pymupdf.Document:
    if not data:
        raise DocumentError(f"{name} is empty (0 bytes): there is no letter in it")
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises several types for broken files
        raise DocumentError(f"{name} is not a readable PDF (damaged or not a PDF): {exc}") from None
    if doc.needs_pass:
        doc.close()
        raise EncryptedPdf(f"{name} is encrypted: it needs its password to be opened "
                           "(in the window you are asked for it; the command line cannot ask)")
    if doc.page_count == 0:
        doc.close()
        raise DocumentError(f"{name} is a PDF with no pages (it may be truncated)")
    return doc


# ---------------------------------------------------------------- text files rendered as pages

PAGE_W, PAGE_H, MARGIN = 595.0, 842.0, 62.0
BODY_SIZE, HEAD_SIZE = 10.5, 13.0


class _Fonts:
    def __init__(self) -> None:
        self.body = pymupdf.Font("helv")
        self.bold = pymupdf.Font("hebo")
        self.fallback = pymupdf.Font("cjk")

        self._covered: dict[tuple[str, bool], bool] = {}
        self._widths: dict[tuple[bool, float], dict[str, float]] = {}

    def pick(self, ch: str, bold: bool) -> pymupdf.Font:
        f = self.bold if bold else self.body
        if ch.isascii():
            return f
        key = (ch, bold)
        if key not in self._covered:
            self._covered[key] = bool(f.has_glyph(ord(ch)))
        return f if self._covered[key] else self.fallback

    def widths(self, para: str, bold: bool, size: float) -> list[float]:
        cache = self._widths.setdefault((bold, size), {})
        out = []
        for ch in para:
            w = cache.get(ch)
            if w is None:
                w = cache[ch] = self.pick(ch, bold).text_length(ch, fontsize=size)
            out.append(w)
        return out


def text_pages(text: str) -> tuple[Layout, bytes]:
    """Lay a plain-text letter out on A4 pages; return its layout and the PDF that shows it."""
    fonts = _Fonts()
    b = LayoutBuilder()
    doc = pymupdf.open()
    width = PAGE_W - 2 * MARGIN
    page = None
    writers: dict[tuple[int, bool], pymupdf.TextWriter] = {}
    y = PAGE_H  # force a new page
    pno = -1

    def new_page() -> None:
        nonlocal page, y, pno
        flush()
        page = doc.new_page(width=PAGE_W, height=PAGE_H)
        b.page_sizes.append((PAGE_W, PAGE_H))
        pno += 1
        y = MARGIN

    def flush() -> None:
        if page is None:
            return
        for (grey, _), tw in writers.items():
            tw.write_text(page, color=(0.55, 0.55, 0.6) if grey else (0.1, 0.1, 0.12))
        writers.clear()

    def writer(grey: bool) -> pymupdf.TextWriter:
        key = (int(grey), False)
        if key not in writers:
            writers[key] = pymupdf.TextWriter(pymupdf.Rect(0, 0, PAGE_W, PAGE_H))
        return writers[key]

    offset = 0
    paragraphs = text.split("\n")
    for para in paragraphs:
        heading = para.lstrip().startswith("#")
        size = HEAD_SIZE if heading else BODY_SIZE
        lead = size * 1.45
        markup = len(para) - len(para.lstrip("# *")) if heading else 0
        if not para.strip():
            if b.length or offset:
                y += lead * 0.6
            if y + lead > PAGE_H - MARGIN:
                y = PAGE_H  # next text starts a page
        else:
            widths = fonts.widths(para, heading, size)
            pos = 0
            while pos < len(para):
                # take as many characters as fit, breaking after a space where possible
                acc, end, last_space = 0.0, pos, -1
                while end < len(para) and (acc + widths[end] <= width or end == pos):
                    if para[end] == " ":
                        last_space = end
                    acc += widths[end]
                    end += 1
                if end < len(para) and last_space >= pos and para[end] != " ":
                    end = last_space + 1
                while end < len(para) and para[end] == " ":
                    end += 1  # trailing spaces stay on this line
                if y + lead > PAGE_H - MARGIN:
                    new_page()
                x = MARGIN
                chars: list[tuple[str, float, float]] = []
                run_start, run_x, run_key = pos, x, None
                for k in range(pos, end + 1):
                    key = (k < markup, fonts.pick(para[k], heading)) if k < end else None
                    if key != run_key:
                        if run_key is not None and para[run_start:k].strip():
                            writer(run_key[0]).append(
                                (run_x, y + size), para[run_start:k], font=run_key[1], fontsize=size
                            )
                        run_start, run_x, run_key = k, x, key
                    if k < end:
                        chars.append((para[k], x, x + widths[k]))
                        x += widths[k]
                b.separator(text[b.length : offset + pos])
                b.line(pno, chars, y, y + size * 1.25)
                pos = end
                y += lead
        offset += len(para) + 1
    if page is None:
        new_page()
    flush()
    b.separator(text[b.length :])
    layout = b.build()
    assert layout.text == text, "text layout must cover the text exactly"
    return layout, doc.tobytes(garbage=3, deflate=True)
