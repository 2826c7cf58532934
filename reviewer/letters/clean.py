"""Copies of letters safe to hand a manager: no JavaScript, no action that runs, opens, submits or
plays anything, no attached or embedded files, and nothing that opens the attachments pane.

A letter is whatever PDF the auditor was sent; the copies a pack shows (letters/ and the sources of
project.qdpx) are made safe here. What stays: the pages, their text and drawings, annotations that
are notes or highlights, links within the letter and web links (http, https, mailto). The original
file is never changed: its SHA-256 is the letter's id, and packs keep it apart, named as the original.

PyMuPDF's own ``Document.scrub`` empties JavaScript actions kept as objects of their own and drops
the embedded files; the rest (the catalog's open action, additional actions on every object,
launch and other actions inline in links and outlines, attachment annotations, the attachments
page mode, XFA forms) is removed key by key, and what no longer has a reference is left out when
the copy is saved.
"""

from __future__ import annotations

from collections.abc import Iterator

import pymupdf

from reviewer.core.text.documents import DocumentError
from reviewer.letters import guard
from reviewer.letters.pdf_writer import opens_whole, page_by_page, pdf_bytes

SAFE_ACTIONS = {"/GoTo", "/URI"}  # moving within the letter; a web link (its scheme checked)
SAFE_SCHEMES = ("http://", "https://", "mailto:")
UNSAFE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/ResetForm", "/GoToR", "/GoToE",
                  "/Rendition", "/RichMediaExecute", "/Sound", "/Movie", "/Hide", "/SetOCGState", "/GoTo3DView",
                  "/Trans", "/Thread", "/Named"}  # an action object of its own with one of these /S is emptied
CATALOG_KEYS = ("OpenAction", "AA", "Collection")  # run on opening; a portfolio of attached files
REMOVED_ANNOTS = {pymupdf.PDF_ANNOT_FILE_ATTACHMENT, pymupdf.PDF_ANNOT_SOUND, pymupdf.PDF_ANNOT_MOVIE,
                  pymupdf.PDF_ANNOT_SCREEN, pymupdf.PDF_ANNOT_3D, getattr(pymupdf, "PDF_ANNOT_RICH_MEDIA", -99)}


def _drop(doc: pymupdf.Document, xref: int, *path: str) -> None:
    """Remove the key ``path[-1]`` from the dictionary at ``path[:-1]`` of object ``xref`` (through
    objects of their own on the way): removed, not set to null, so nothing of it is left to find."""
    m = pymupdf.mupdf
    try:
        obj = m.pdf_load_object(m.pdf_specifics(doc.this), xref)
        for key in path[:-1]:
            obj = m.pdf_dict_gets(obj, key)
            if not m.pdf_is_dict(obj):
                return
        m.pdf_dict_dels(obj, path[-1])
    except Exception:  # noqa: BLE001 - MuPDF's bindings differ: null means absent to every reader
        if doc.xref_get_key(xref, "/".join(path))[0] != "null":
            doc.xref_set_key(xref, "/".join(path), "null")


def _safe_link(doc: pymupdf.Document, xref: int) -> bool:
    """Whether the action in ``xref``'s /A key only moves within the letter or opens a web page."""
    kind, value = doc.xref_get_key(xref, "A/S")
    if kind != "name" or value not in SAFE_ACTIONS:
        return False
    if value == "/URI":
        uri = doc.xref_get_key(xref, "A/URI")[1].strip().lower()
        return uri.startswith(SAFE_SCHEMES)
    return True


def make_safe(doc: pymupdf.Document) -> None:
    """Remove from ``doc`` everything that runs, opens or carries a file (see the module's note)."""
    guard.check()
    if not doc.is_pdf:  # MuPDF read it as something else (a web page saved as .pdf): nothing of PDF's to remove
        return
    try:  # PyMuPDF's own scrubbing, for what it covers; nothing else of the letter is touched
        # (its JavaScript pass, which reads every object as text, is done in the one pass below)
        doc.scrub(attached_files=True, clean_pages=False, embedded_files=True, hidden_text=False, javascript=False,
                  metadata=False, redactions=False, remove_links=False, reset_fields=False, reset_responses=False,
                  thumbnails=False, xml_metadata=False)
    except Exception:  # noqa: BLE001 - a damaged object stops scrub half-way; the removals below still hold
        pass
    cat = doc.pdf_catalog()
    for key in CATALOG_KEYS:
        _drop(doc, cat, key)
    _drop(doc, cat, "Names", "JavaScript")
    _drop(doc, cat, "Names", "EmbeddedFiles")
    _drop(doc, cat, "AcroForm", "XFA")
    if doc.xref_get_key(cat, "PageMode")[1] == "/UseAttachments":
        doc.xref_set_key(cat, "PageMode", "/UseNone")
    for page in doc:  # attachments, sounds, movies, screens and 3D: gone with what they carry
        doomed = [a for a in page.annots() if a.type[0] in REMOVED_ANNOTS]
        for annot in doomed:
            page.delete_annot(annot)
    for xref, keys, s, kind in _objects(doc):
        for key in ("AA", "JS", "Next"):  # additional actions (on open, close, focus...), scripts, chains
            if key in keys:
                _drop(doc, xref, key)
        if "A" in keys and not _safe_link(doc, xref):
            _drop(doc, xref, "A")
        if s == "/JavaScript" or (s in UNSAFE_ACTIONS and kind in ("/Action", "null")):
            doc.update_object(xref, "<<>>")  # an action kept as an object of its own (any script): emptied
        elif kind in ("/EmbeddedFile", "/Filespec") and "EF" in keys:
            _drop(doc, xref, "EF")


_WATCHED = {"AA", "JS", "Next", "A", "S", "EF"}


def _objects(doc: pymupdf.Document) -> Iterator[tuple[int, set[str], str, str]]:
    """Every object holding a key ``make_safe`` looks at: its xref, its keys, and its /S and /Type
    as ``Document.xref_get_key`` names them ("/Name", "null" where absent; "" for a reference or
    anything else). Each object is loaded once, through MuPDF's own calls: PyMuPDF's ``xref_get_key``
    loads it again for every key asked, which for a report's thousands of objects took most of the
    time a pack spends on its letters."""
    m = pymupdf.mupdf
    try:
        pdf = m.pdf_specifics(doc.this)
    except Exception:  # noqa: BLE001 - MuPDF's bindings differ: ask PyMuPDF for each key, as before
        yield from _objects_slowly(doc)
        return
    for xref in range(1, doc.xref_length()):
        try:
            obj = m.pdf_load_object(pdf, xref)
            keys = {m.pdf_to_name(m.pdf_dict_get_key(obj, i)) for i in range(m.pdf_dict_len(obj))}
        except Exception:  # noqa: BLE001 - a free or damaged object holds nothing to remove
            continue
        if keys & _WATCHED:
            yield xref, keys, _name(m, obj, "S") if "S" in keys else "null", _name(m, obj, "Type")


def _name(m: object, obj: object, key: str) -> str:
    """``obj``'s value at ``key`` as ``xref_get_key(...)[1]`` gives a name: "/Name", "null", or "" for the rest."""
    v = m.pdf_dict_gets(obj, key)  # type: ignore[attr-defined]
    if not v.m_internal:
        return "null"
    if m.pdf_is_indirect(v):  # type: ignore[attr-defined]
        return ""
    if m.pdf_is_null(v):  # type: ignore[attr-defined]
        return "null"
    return "/" + m.pdf_to_name(v) if m.pdf_is_name(v) else ""  # type: ignore[attr-defined]


def _objects_slowly(doc: pymupdf.Document) -> Iterator[tuple[int, set[str], str, str]]:
    for xref in range(1, doc.xref_length()):
        try:
            keys = set(doc.xref_get_keys(xref))
        except Exception:  # noqa: BLE001 - a free or damaged object holds nothing to remove
            continue
        if keys & _WATCHED:
            s = doc.xref_get_key(xref, "S")[1] if "S" in keys else "null"
            yield xref, keys, s, doc.xref_get_key(xref, "Type")[1]


def safe_copy(data: bytes, name: str = "letter") -> bytes:
    """A copy of the PDF ``data`` without scripts, actions or attached files (a top-level function,
    so a process pool can run it)."""
    guard.check()
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # noqa: BLE001 - MuPDF raises several types for broken files
        raise DocumentError(f"{name} is not a readable PDF: {exc}") from None
    try:
        if not doc.is_pdf:  # MuPDF read it as something else (a web page saved as .pdf): its pages as PDF
            return doc.convert_to_pdf()
        make_safe(doc)
        out = pdf_bytes(doc)
        if not opens_whole(out):  # a damaged letter (cut off half-way): its pages, without its broken page tree
            whole = page_by_page(doc)
            try:
                make_safe(whole)
                out = pdf_bytes(whole)
            finally:
                whole.close()
        return out
    except DocumentError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise DocumentError(f"a safe copy of {name} could not be made: {exc}") from None
    finally:
        doc.close()


def safe_copy_of(job: tuple[bytes, str]) -> bytes:
    """``safe_copy(data, name)`` for a process pool, which hands each call one argument."""
    return safe_copy(*job)
