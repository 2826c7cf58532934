from pathlib import Path

import pytest

from reviewer.core.text.documents import DocumentError, decode_text, kind_for
from reviewer.letters.pdf import open_pdf
from reviewer.letters.typeset import text_pages
from reviewer.letters.pdf_text import pdf_layout
from reviewer.letters.importing import prepare_path


def test_cp1252_and_utf16_are_read():
    text = "Children\u2019s services \u2013 caf\u00e9"
    assert decode_text(text.encode("cp1252")).text == text
    assert decode_text(text.encode("utf-16")).text == text
    assert decode_text(text.encode("utf-16-le")).text == text
    assert "Windows-1252" in decode_text(text.encode("cp1252")).notes[0]


@pytest.mark.parametrize("data,message", [(b"", "empty"), (b"abc\x00def" * 3, "NUL"), (b"   \n ", "no text")])
def test_bad_text_files_give_clear_messages(data, message):
    with pytest.raises(DocumentError, match=message):
        decode_text(data, "letter.txt")


@pytest.mark.parametrize("name,message", [("empty", "empty"), ("garbage", "not a readable PDF"),
                                          ("encrypted", "encrypted")])
def test_bad_pdfs_give_clear_messages(bad_pdfs, name, message):
    with pytest.raises(DocumentError, match=message):
        prepare_path(bad_pdfs[name])


def test_image_only_pdf_opens_without_text(bad_pdfs):
    prep = prepare_path(bad_pdfs["image_only"])
    assert prep.letter.pages == 1 and not prep.letter.has_text
    assert any("no text to select" in n for n in prep.notes)


def test_unknown_file_type_is_refused(tmp_path: Path):
    with pytest.raises(DocumentError, match="not a letter"):
        kind_for("notes.xlsx", b"PK\x03\x04")


def test_text_layout_covers_text_exactly():
    text = "# Heading\n\nA paragraph " + "that wraps across lines " * 40 + "\n\n- bullet \u2265 \u4e2d\n"
    layout, pdf = text_pages(text)
    assert layout.text == text
    assert pdf.startswith(b"%PDF")
    s = text.index("paragraph")
    rects = layout.rects(s, s + len("paragraph"))
    assert len(rects) == 1 and rects[0][0] == 0
    x0, y0, x1, y1 = rects[0][1]
    assert layout.hit(0, (x0 + x1) / 2 - 1, (y0 + y1) / 2) in range(s, s + 10)


def test_pdf_layout_expands_ligatures_with_boxes(samples: Path):
    doc = open_pdf((samples / "thornbury_vale_2025_focused_visit.pdf").read_bytes())
    layout = pdf_layout(doc)
    assert "\ufb01" not in layout.text and "findings" in layout.text
    s = layout.text.index("findings")
    assert layout.rects(s, s + 8)
    assert layout.pages_of(s, s + 8) == (1,)


def test_truncated_pdf_is_refused_or_repaired_with_a_note(bad_pdfs):
    try:
        prep = prepare_path(bad_pdfs["truncated"])
    except DocumentError as exc:
        assert "PDF" in str(exc)
    else:
        assert any("damaged" in n for n in prep.notes)
