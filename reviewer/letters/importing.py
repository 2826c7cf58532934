"""Turning a file into a library letter: identify it, extract its canonical text, read its metadata.

``prepare_letter`` does all the slow work and touches nothing shared, so it can run in a worker.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from reviewer.core.text.documents import (
    DocumentError,
    Extracted,
    content_id,
    decode_text,
    kind_for,
    text_sha,
)
from reviewer.core.text.markup import has_markup, to_plain
from reviewer.letters.pdf import docx_as_pdf, extractor_version, open_pdf
from reviewer.letters.typeset import text_pages
from reviewer.core.text.layout import Layout, page_starts
from reviewer.core.reading.metadata import read_metadata
from reviewer.letters.pdf_text import pdf_layout, pdf_text
from reviewer.core.annotations.model import Letter, PreparedLetter, now_iso

MAX_FILE_BYTES = 200 * 1024 * 1024


def read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentError(f"{path.name} is {size // (1024 * 1024)} MB: too large for a letter")
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path.name} cannot be read: {exc.strerror or exc}") from None


def layout_for(data: bytes, kind: str, name: str) -> tuple[Layout, bytes | None, list[str]]:
    """Layout of a letter; for a text letter also the PDF its pages are drawn from."""
    if kind == "pdf":
        doc = open_pdf(data, name)
        notes = repair_notes(doc)
        try:
            return pdf_layout(doc, name), None, notes
        finally:
            doc.close()
    if kind == "docx":
        pdf = docx_as_pdf(data, name)
        doc = open_pdf(pdf, name)
        try:
            return pdf_layout(doc, name), pdf, []
        finally:
            doc.close()
    decoded = decode_text(data, name)
    if has_markup(decoded.text, name):
        plain = to_plain(decoded.text)
        layout, pdf = text_pages(plain.text, plain.headings)
        return layout, pdf, decoded.notes
    layout, pdf = text_pages(decoded.text)
    return layout, pdf, decoded.notes


def extract(data: bytes, kind: str, name: str, with_layout: bool = False) -> Extracted:
    """The letter's canonical text. A PDF's character boxes (its layout) are read only when
    ``with_layout``: they are needed to show the letter, not to import it."""
    if kind == "pdf" and not with_layout:
        doc = open_pdf(data, name)
        try:
            notes = repair_notes(doc)
            text, starts = pdf_text(doc, name)
            ex = Extracted(text, starts, doc.page_count, extractor_version(kind), notes, created=pdf_created(doc))
        finally:
            doc.close()
    else:
        layout, _, notes = layout_for(data, kind, name)
        ex = Extracted(layout.text, page_starts(layout), layout.page_count, extractor_version(kind), notes, layout)
    if not ex.text.strip():
        ex.notes = ex.notes + ["it has no text to select (scanned or image-only PDF): it can be read but not tagged"]
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


def prepare_letter(data: bytes, name: str) -> PreparedLetter:
    kind = kind_for(name, data)
    ex = extract(data, kind, name)
    meta = read_metadata(ex.text, ex.created)
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


def prepare_path(path: Path) -> PreparedLetter:
    return prepare_letter(read_file(path), path.name)
