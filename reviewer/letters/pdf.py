"""Opening PDFs: the one place that decides how PyMuPDF opens, decrypts and versions a letter."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pymupdf

from reviewer.core.text.word import WORD_CSS, WordError, html_words, word_html
from reviewer.letters import guard
from reviewer.letters.pdf_writer import story_pdf
from reviewer.core.text.documents import (DOCX_EXTRACTOR, PDF_EXTRACTOR, TEXT_EXTRACTOR, DocumentError, EncryptedPdf,
                                          check_text_length)

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


def extractor_version(kind: str) -> str:
    """Names the extraction a letter's text came from: a change of PyMuPDF may change the text."""
    if kind == "pdf":
        return f"{PDF_EXTRACTOR}/pymupdf-{pymupdf.__version__}"
    if kind == "docx":
        return f"{DOCX_EXTRACTOR}/pymupdf-{pymupdf.__version__}"
    return TEXT_EXTRACTOR


def docx_as_pdf(data: bytes, name: str = "file") -> bytes:
    """A Word document laid out on A4 pages as Word shows it (``core.text.word``: its paragraphs'
    numbers, bullets and tables), to be read and shown like any PDF letter; where that reading cannot
    follow the document, as MuPDF lays it out."""
    guard.check()
    reason = ""
    try:
        for flat in (False, True):
            chunks = word_html(data, flat)
            words = [w for c in chunks for w in html_words(c)]
            check_text_length(sum(len(w) + 1 for w in words), name)
            pdf = story_pdf(chunks, WORD_CSS, name, footer=False)
            if _shows_all(pdf, words):
                return pdf
            # a table the layout could not fit (a row taller than a page, a landscape table wider than A4)
            # drops what did not fit: laid out again with tables as their cells' paragraphs, nothing lost
        reason = "its layout could not show all its text"
    except WordError as exc:
        reason = str(exc)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # an OLE container: Word's password protection
        raise DocumentError(f"{name} is protected by a password in Word: open it in Word and save it without "
                            "one (File > Info > Protect Document), then add it again")
    try:
        with guard.LOCK:
            doc = pymupdf.open(stream=data, filetype="docx")
            try:
                if doc.page_count == 0:
                    raise DocumentError(f"{name} is a Word document with no pages")
                return doc.convert_to_pdf()
            finally:
                doc.close()
    except DocumentError:
        raise
    except Exception as exc:  # noqa: BLE001 - MuPDF raises several types for broken files
        raise DocumentError(f"{name} is not a readable Word document (damaged, or not .docx): "
                            f"{reason or exc}") from None



def _shows_all(pdf: bytes, words: list[str]) -> bool:
    """Whether the laid-out pages show every letter of the HTML's words (counted: order, spaces and line
    breaks do not matter; a table the layout could not fit loses whole rows). Letters as Unicode compares
    them (NFKC: Urdu or Arabic shaped into its joined forms is the same text) and without the characters
    that are never seen (a soft hyphen, a zero-width space or joiner, a direction mark, a byte-order mark)."""
    with pymupdf.open("pdf", pdf) as doc:
        shown = _letters("".join(page.get_text() for page in doc))
    return not _letters("".join(words)) - shown


def _letters(text: str) -> Counter[str]:
    return Counter(c for c in unicodedata.normalize("NFKC", text) if not c.isspace() and unicodedata.category(c) != "Cf")


def decrypt_pdf(data: bytes, password: str, name: str = "file") -> bytes:
    """The PDF without its encryption, given its password; the library keeps this copy."""
    guard.check()
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
    guard.check()
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
