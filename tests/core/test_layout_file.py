"""A letter's layout kept on disk reads back exactly, and a stale or damaged file is refused."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.text.documents import text_sha
from reviewer.letters.pdf import extractor_version, open_pdf
from reviewer.letters.pdf_text import pdf_layout
from reviewer.letters.importing import prepare_path
from reviewer.core.text.layout_file import dump_layout, load_layout
from reviewer.store.repository import LibraryStore

ROOT = Path(__file__).resolve().parents[2]
LETTER = ROOT / "sample_docs" / "thornbury_vale_2025_focused_visit.pdf"


def _layout():  # type: ignore[no-untyped-def]
    doc = open_pdf(LETTER.read_bytes(), LETTER.name)
    try:
        return pdf_layout(doc)
    finally:
        doc.close()


def test_round_trip_gives_the_same_boxes_and_hits() -> None:
    layout = _layout()
    version = extractor_version("pdf")
    back = load_layout(dump_layout(layout, version), text_sha(layout.text), version)
    assert back is not None
    assert back.text == layout.text and back.page_sizes == layout.page_sizes
    assert back.lines == layout.lines and back.x0.tobytes() == layout.x0.tobytes() and back.x1.tobytes() == layout.x1.tobytes()
    mid = len(layout.text) // 2
    assert back.rects(mid, mid + 200) == layout.rects(mid, mid + 200)
    page = layout.page_of(mid)
    assert back.hit(page, 200.0, 300.0) == layout.hit(page, 200.0, 300.0)


def test_stale_or_damaged_files_are_refused() -> None:
    layout = _layout()
    version = extractor_version("pdf")
    data = dump_layout(layout, version)
    sha = text_sha(layout.text)
    assert load_layout(data, sha, "pdf/0/older") is None  # another extractor
    assert load_layout(data, "0" * 64, version) is None  # another text
    assert load_layout(data[:-10], sha, version) is None  # truncated
    flipped = bytearray(data)
    flipped[-5] ^= 0x20  # one character of the text changed
    assert load_layout(bytes(flipped), sha, version) is None
    assert load_layout(b"garbage", sha, version) is None
    assert load_layout(b"", sha, version) is None


def test_library_keeps_a_letters_layout_once_read(tmp_path: Path) -> None:
    store = LibraryStore(tmp_path / "library.json")
    try:
        letter, _ = store.add_prepared(prepare_path(LETTER))
        assert store.saved_layout(letter.id, extractor_version("pdf")) is None  # importing reads the text only
        store.save_layout(letter.id, _layout(), extractor_version("pdf"))  # as the window does on first opening
        saved = store.saved_layout(letter.id, extractor_version("pdf"))
        assert saved is not None and saved.lines == _layout().lines
        store.layout_file(letter.id).write_bytes(b"damaged")
        assert store.saved_layout(letter.id, extractor_version("pdf")) is None  # the caller extracts again
    finally:
        store.close()


def _pdfs() -> list[Path]:
    shared = ROOT.parent / "shared"
    return sorted(ROOT.glob("sample_docs/*.pdf")) + sorted(shared.glob("letters/*.pdf")) + sorted(shared.glob("reports/*.pdf"))


def test_text_read_for_import_is_the_text_the_layout_shows() -> None:
    from reviewer.core.text.layout import page_starts
    from reviewer.letters.pdf_text import pdf_text

    for path in _pdfs():
        doc = open_pdf(path.read_bytes(), path.name)
        try:
            layout = pdf_layout(doc)
            text, starts = pdf_text(doc)
        finally:
            doc.close()
        assert text == layout.text, path.name
        assert starts == page_starts(layout), path.name
