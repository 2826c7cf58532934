"""Opening PDFs: the one place that decides how PyMuPDF opens, decrypts and versions a letter."""

from __future__ import annotations

import pymupdf

from reviewer.core.text.word import WORD_CSS, WordError, word_html
from reviewer.letters import guard
from reviewer.letters.pdf_writer import story_pdf
from reviewer.core.text.documents import DOCX_EXTRACTOR, PDF_EXTRACTOR, TEXT_EXTRACTOR, DocumentError, EncryptedPdf

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
    try:
        return story_pdf(word_html(data), WORD_CSS, name, footer=False)
    except WordError:
        pass
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
        raise DocumentError(f"{name} is not a readable Word document (damaged, or not .docx): {exc}") from None



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
