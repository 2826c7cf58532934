"""What a letter file is, before any PDF library looks at it: its id (the SHA-256 of its bytes), its
kind, a text file decoded from whatever encoding it came in, and the extracted text a letter is
annotated against (``Extracted``, ``PreparedLetter``).

Everything that can go wrong with a file the auditor picked ends in ``DocumentError`` with a
sentence fit to show them; nothing here raises anything else for bad input.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core.text.layout import Layout

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES
PDF_EXTRACTOR = "pdf/1"
DOCX_EXTRACTOR = "docx/2"  # 2: laid out as Word shows it (core.text.word), numbers, bullets and tables
TEXT_EXTRACTOR = "text/5"  # 2: Markdown and simple HTML read as the text they stand for; 3: a link with its address;
# 4: a plain letter's line without the white space after its last tab (markup.as_written), a Markdown table's empty
# cell kept, an HTML letter's address in angle brackets kept; 5: an HTML page's <head> (its <title>), scripts and
# styles no text
FILE_SUFFIX = {"pdf": "pdf", "text": "txt", "docx": "docx"}  # a letter's kind -> its file's suffix
# A ligature glyph and the letters it stands for: a PDF's text is read with them spelled out, and Copy spells them
# so wherever a letter's text still holds one (letters.pdf_text, core.text.copying)
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
             "\ufb06": "st"}

# Bounds on what a letter may be, from the 243 reports of the corpus (../shared/corpus/reports) and
# the two letters: the longest report has 133,271 characters of text on 51 pages, the most pages
# are 55, the median report 33,500 characters. A letter may have 7.5 times that text and 18 times
# those pages; beyond, it is refused before the slow work (typesetting, searching, suggesting).
MAX_TEXT_CHARS = 1_000_000
MAX_PAGES = 1_000


class DocumentError(Exception):
    """A letter file that cannot be read; the message is meant for the auditor."""


class EncryptedPdf(DocumentError):
    """A PDF that needs a password to be read."""


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
    if suffix in DOCX_SUFFIXES or data[:4] == b"PK\x03\x04" and b"word/" in data[:4000]:
        return "docx"
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise DocumentError(f"{name}: not a letter Reviewer can open (PDF, Word .docx, .txt or .md)")


# ---------------------------------------------------------------- text files


def check_text_length(length: int, name: str = "file", *, at_least: bool = False) -> None:
    """Refuse a letter whose text is longer than any letter may be (``MAX_TEXT_CHARS``)."""
    if length > MAX_TEXT_CHARS:
        raise DocumentError(
            f"{name} has {'at least ' if at_least else ''}{length:,} characters of text, more than a letter may have "
            f"({MAX_TEXT_CHARS:,}; the longest inspection report has about 133,000): refused")


def decode_text(data: bytes, name: str = "file") -> Decoded:
    if not data:
        raise DocumentError(f"{name} is empty (0 bytes): there is no letter in it")
    if len(data) > 4 * MAX_TEXT_CHARS + 4:  # at least one character in every four bytes: too long, unread
        check_text_length(len(data) // 4, name, at_least=True)
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


READ_AS = ("read as ", "not UTF-8: read as ")  # notes that say how a text letter's characters were read


def tells_how_read(note: str) -> bool:
    """Whether a letter's note only says how its characters were read ("not UTF-8: read as Windows-1252"): nothing
    is missing, unlike a damaged PDF's ("repaired: …")."""
    return note.startswith(READ_AS)


def _clean(text: str, encoding: str, name: str, notes: list[str] | None = None) -> Decoded:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_text_length(len(text), name)
    if "\x00" in text:
        raise DocumentError(f"{name} contains NUL characters: it is not a plain-text letter")
    controls = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\n\t\f")
    if controls > max(8, len(text[:20000]) // 50):
        raise DocumentError(f"{name} looks like a binary file, not a text letter")
    if not text.strip():
        raise DocumentError(f"{name} has no text in it")
    return Decoded(text, encoding, list(notes or []))


@dataclass
class Extracted:
    """A letter's canonical text (what annotations anchor to), where its pages start, and by which extractor."""

    text: str
    page_starts: list[int]
    pages: int
    extractor: str
    notes: list[str] = field(default_factory=list)
    layout: Layout | None = field(default=None, repr=False, compare=False)  # kept to save beside the text
    created: str | None = None  # a PDF's own creation date (ISO), for metadata the text does not give

