"""Turning a file into a library letter: identify it, extract its canonical text, read its metadata.

``prepare_letter`` does all the slow work and touches nothing shared, so it can run in a worker.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from reviewer.core.files import FileRefused, read_regular
from reviewer.core.text.documents import (
    MAX_PAGES,
    DocumentError,
    Extracted,
    content_id,
    decode_text,
    kind_for,
    text_sha,
)
from reviewer.core.text.markup import as_written, has_markup, to_plain
from reviewer.letters import reading
from reviewer.letters.parallel import workers_for
from reviewer.letters.pdf import decrypt_pdf, docx_as_pdf, extractor_version, open_pdf
from reviewer.letters.typeset import text_pages
from reviewer.core.text.layout import Layout, page_starts
from reviewer.core.reading.metadata import read_metadata
from reviewer.letters.pdf_text import pdf_layout, pdf_text
from reviewer.core.annotations.model import Letter, PreparedLetter, now_iso

MAX_FILE_BYTES = 200 * 1024 * 1024


def read_file(path: Path) -> bytes:
    """A letter file's bytes: a regular file (a FIFO or a device is refused at once, never waited
    on) of at most ``MAX_FILE_BYTES``."""
    try:
        return read_regular(path, MAX_FILE_BYTES, "a letter")
    except FileRefused as exc:
        raise DocumentError(str(exc)) from None


def _check_pages(doc: object, name: str) -> None:
    pages = getattr(doc, "page_count", 0)
    if pages > MAX_PAGES:
        raise DocumentError(f"{name} has {pages:,} pages, more than a letter may have ({MAX_PAGES:,}; the longest "
                            "inspection report has 55): refused")


def layout_for(data: bytes, kind: str, name: str) -> tuple[Layout, bytes | None, list[str]]:
    """Layout of a letter; for a text letter also the PDF its pages are drawn from."""
    if kind == "pdf":
        doc = open_pdf(data, name)
        try:
            _check_pages(doc, name)
        except DocumentError:
            doc.close()
            raise
        notes = repair_notes(doc)
        try:
            return pdf_layout(doc, name), None, notes
        finally:
            doc.close()
    if kind == "docx":
        pdf = docx_as_pdf(data, name)
        doc = open_pdf(pdf, name)
        try:
            _check_pages(doc, name)
            return pdf_layout(doc, name), pdf, []
        finally:
            doc.close()
    decoded = decode_text(data, name)
    if has_markup(decoded.text, name):
        plain = to_plain(decoded.text)
        if not plain.text.strip():  # (it was added as a "scanned or image-only PDF" that could not be tagged)
            raise DocumentError(f"{name} has no text in it once its Markdown or HTML marks are read")
        layout, pdf = text_pages(plain.text, plain.headings, plain.bold, plain.italic)
        return layout, pdf, decoded.notes
    layout, pdf = text_pages(as_written(decoded.text))
    return layout, pdf, decoded.notes


def extract(data: bytes, kind: str, name: str, with_layout: bool = False) -> Extracted:
    """The letter's canonical text. A PDF's character boxes (its layout) are read only when
    ``with_layout``: they are needed to show the letter, not to import it."""
    if kind == "pdf" and not with_layout:
        doc = open_pdf(data, name)
        try:
            _check_pages(doc, name)
            notes = repair_notes(doc)
            text, starts = pdf_text(doc, name)
            ex = Extracted(text, starts, doc.page_count, extractor_version(kind), notes, created=pdf_created(doc))
        finally:
            doc.close()
    else:
        layout, _, notes = layout_for(data, kind, name)
        ex = Extracted(layout.text, page_starts(layout), layout.page_count, extractor_version(kind), notes, layout)
    if not ex.text.strip():
        ex.notes = ex.notes + ["it has no text to select (" + ("a Word document that is empty or only pictures"
                                                               if kind == "docx" else "scanned or image-only PDF")
                               + "): it can be read but not tagged"]
    return ex


def pdf_created(doc: object) -> str | None:
    """The PDF's creation date as an ISO date, if it states a plausible one."""
    raw = str((getattr(doc, "metadata", None) or {}).get("creationDate") or "")
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})", raw)
    if not m or not 1990 <= int(m.group(1)) <= 2100:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def created_date(data: bytes, name: str = "file") -> str | None:
    """A PDF's creation date (ISO) from its bytes, or None; for re-reading letters imported earlier."""
    try:
        doc = open_pdf(data, name)
    except DocumentError:
        return None
    try:
        return pdf_created(doc)
    finally:
        doc.close()


def repair_notes(doc: object) -> list[str]:
    if getattr(doc, "is_repaired", False):
        return ["the PDF is damaged (perhaps truncated) and was repaired: some of it may be missing"]
    return []


def prepare_here(data: bytes, name: str) -> PreparedLetter:
    """Read a letter in this process, without time or memory limits: ``prepare_letter`` is the
    bounded way; this is what its reading process runs."""
    kind = kind_for(name, data)
    ex = extract(data, kind, name)
    meta = read_metadata(ex.text, ex.created, name)
    letter = Letter(
        id=content_id(data),
        title=Path(name).stem,
        source=Path(name).name,
        kind=kind,
        pages=ex.pages,
        meta=meta,
        added=now_iso(),
        text_sha=text_sha(ex.text),
        extractor=ex.extractor,
        has_text=bool(ex.text.strip()),
    )
    return PreparedLetter(letter, data, ex)


# ---------------------------------------------------------------- bounded: in a reading process
def _prepare(job: tuple[bytes, str]) -> PreparedLetter:
    return prepare_here(*job)


def _prepare_file(path: str) -> PreparedLetter:
    return prepare_here(read_file(Path(path)), Path(path).name)


def _decrypt_and_prepare(job: tuple[bytes, str, str]) -> PreparedLetter:
    data, password, name = job
    return prepare_here(decrypt_pdf(data, password, name), name)


def _extract(job: tuple[bytes, str, str]) -> Extracted:
    return extract(*job)


def prepare_letter(data: bytes, name: str) -> PreparedLetter:
    """Identify a letter, extract its text and read its details, in a reading process within its
    time and memory limits (``reading.LIMITS``); a letter that exceeds them is a ``DocumentError``."""
    return reading.run(_prepare, (data, name), name)


def prepare_path(path: Path) -> PreparedLetter:
    """``prepare_letter`` of a file: only a regular file is read (``read_file``)."""
    return prepare_letter(read_file(path), path.name)


def prepare_encrypted(data: bytes, password: str, name: str) -> PreparedLetter:
    """``prepare_letter`` of an encrypted PDF with its password (``EncryptedPdf`` if it is not right)."""
    return reading.run(_decrypt_and_prepare, (data, password, name), name)


def read_text(data: bytes, kind: str, name: str) -> Extracted:
    """``extract`` (the text alone) in a reading process within its limits."""
    return reading.run(_extract, (data, kind, name), name)


def prepare_paths(paths: list[Path]) -> reading.ReadingJobs:
    """Read many files at once, each in a reading process within its limits: ``get(i)`` gives the
    ``PreparedLetter`` of ``paths[i]`` or raises what reading it raised."""
    return reading.ReadingJobs([(_prepare_file, str(p), p.name) for p in paths], max(1, workers_for(len(paths))))
