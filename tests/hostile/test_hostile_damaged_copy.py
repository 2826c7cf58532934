"""A letter cut off half-way opens (with a warning) and its pages read blank; a pack's copy of it had kept its
broken page tree, and opened in no reader, MuPDF's or Poppler's, though `pack verify` said OK (a bad-input
session, stop 44). The copies handed on hold its pages, one by one, and open in a reader that is not ours."""

from __future__ import annotations

import io
from pathlib import Path

import pymupdf
from pypdf import PdfReader

from reviewer.letters.clean import safe_copy
from reviewer.letters.pdf_writer import opens_whole

ROOT = Path(__file__).resolve().parents[2]


def _cut_off(tmp_path: Path) -> bytes:
    """A three-page PDF written without object streams, then cut off half-way through its bytes."""
    doc = pymupdf.open()
    for i in range(3):
        doc.new_page().insert_text((72, 72), f"Page {i + 1} of a letter about Westfold (fictional).")
    whole = doc.tobytes(garbage=0, deflate=False)
    doc.close()
    return whole[: len(whole) // 2]


def test_a_copy_of_a_letter_cut_off_half_way_opens_in_other_readers(tmp_path: Path) -> None:
    cut = _cut_off(tmp_path)
    copy = safe_copy(cut, "westfold.pdf")
    assert opens_whole(copy)
    reader = PdfReader(io.BytesIO(copy))  # (not MuPDF)
    assert len(reader.pages) >= 1 and all(page.mediabox.width > 0 for page in reader.pages)


def test_a_whole_letters_copy_keeps_its_text() -> None:
    data = (ROOT / "sample_docs" / "thornbury_vale_2025_focused_visit.pdf").read_bytes()
    copy = safe_copy(data, "thornbury.pdf")
    with pymupdf.open(stream=copy, filetype="pdf") as doc, pymupdf.open(stream=data, filetype="pdf") as src:
        assert [p.get_text() for p in doc] == [p.get_text() for p in src]
