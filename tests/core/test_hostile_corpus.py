"""The rest of the hostile-input corpus: very long PDFs and lines, truncated text, and hostile theme names
carried safely through every export."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pymupdf
import pytest

from reviewer.core.text.documents import DocumentError
from reviewer.workspace import Workspace
from reviewer.letters.pdf import decrypt_pdf
from reviewer.letters.importing import prepare_letter, prepare_path
from reviewer.core.annotations.model import Theme

HOSTILE_NAME = "<img src=x onerror=alert(1)>\u202eevil\x00 =HYPERLINK(\"http://x\") " + "n" * 10_000


def test_a_500_page_pdf_is_read_whole() -> None:
    doc = pymupdf.open()
    for i in range(500):
        doc.new_page().insert_text((72, 72), f"Page {i + 1}: children are seen and helped.", fontsize=11)
    prep = prepare_letter(doc.tobytes(), "long.pdf")
    assert prep.letter.pages == 500 and prep.extracted.page_starts[-1] > 0
    assert "Page 500:" in prep.extracted.text


def test_a_single_megabyte_line_of_text_is_laid_out() -> None:
    prep = prepare_letter(("word " * 200_000).encode(), "one-line.txt")
    assert prep.letter.pages > 100 and len(prep.extracted.text) >= 999_999


def test_binary_and_truncated_utf16_text_files(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(DocumentError):
        prepare_path(binary)
    odd = tmp_path / "cut.txt"
    odd.write_bytes("Children\u2019s services".encode("utf-16")[:-1])  # truncated mid-character
    prep = prepare_path(odd)  # read with what is there, never a traceback
    assert prep.extracted.text.startswith("Children")


def test_wrong_password_is_a_clear_error(bad_pdfs) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DocumentError, match="password"):
        decrypt_pdf(bad_pdfs["encrypted"].read_bytes(), "not it", "encrypted.pdf")
    assert decrypt_pdf(bad_pdfs["encrypted"].read_bytes(), "secret").startswith(b"%PDF")


def test_hostile_theme_names_stay_inert_in_every_export(store, samples: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from reviewer.core.annotations.commands import AddAnnotation, UndoStack
    from reviewer.core.team.summary import build_summary
    from reviewer.core.annotations.tagging import locate_quote, new_annotation
    from reviewer.export.html import to_html
    from reviewer.export.pack import export_pack
    from reviewer.export.refiqda import read_qdc, to_qdc

    store.library.put_theme(Theme("hostile", HOSTILE_NAME, "#123456"))
    letter, _ = store.add_prepared(prepare_path(samples / "thornbury_vale_2025_focused_visit.pdf"))
    ex = Workspace(store).text(letter.id)
    s, e = locate_quote(ex.text, "Too many plans")
    UndoStack(store.library).push(AddAnnotation(new_annotation(ex.text, ex.page_starts, letter.id, s, e,
                                                               ["hostile"], "priority", HOSTILE_NAME, "A")))
    html = to_html(build_summary(store.library, [letter.id], Workspace(store).text_of))
    assert "<img" not in html and "\u202e" not in html and "\x00" not in html and "&lt;img" in html
    pack = zipfile.ZipFile(export_pack(Workspace(store), [letter.id], tmp_path / "p.zip", "A"))
    rows = list(csv.reader(io.StringIO(pack.read("annotations.csv").decode("utf-8-sig"))))
    assert all(not c.startswith(("=", "+", "-", "@")) for r in rows for c in r)
    qde = zipfile.ZipFile(io.BytesIO(pack.read("project.qdpx"))).read("project.qde")
    from xml.etree import ElementTree

    ElementTree.fromstring(qde)  # well-formed despite NUL and markup in names
    codes = read_qdc(to_qdc(list(store.library.themes.values())))
    assert any(c.name.startswith("<img") for c in codes)  # kept as text, length-capped
    assert all(len(c.name) <= 200 for c in codes)
