"""Shared fixtures: sample and shared letters, a temporary library, and generated bad PDFs."""

from __future__ import annotations

import os
from pathlib import Path

import pymupdf
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_docs"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def shared_letters() -> Path:
    folder = SHARED / "letters"
    if not folder.is_dir():
        pytest.skip("../shared/letters is not available in this checkout")
    return folder


@pytest.fixture
def shared_reports() -> Path:
    folder = SHARED / "reports"
    if not folder.is_dir():
        pytest.skip("../shared/reports is not available in this checkout")
    return folder


@pytest.fixture
def ws(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A workspace on a new library in a temporary folder."""
    from reviewer.store.repository import LibraryStore
    from reviewer.workspace import Workspace

    w = Workspace(LibraryStore(tmp_path / "lib.json"))
    yield w
    w.close()


@pytest.fixture
def store(ws):  # type: ignore[no-untyped-def]
    """The store under the ``ws`` fixture's workspace."""
    return ws.store


def make_pdf(text_lines: list[str], pages: int = 1) -> bytes:
    doc = pymupdf.open()
    for p in range(pages):
        page = doc.new_page()
        y = 72
        for line in text_lines:
            page.insert_text((72, y), line, fontsize=11)
            y += 16
    return doc.tobytes()


@pytest.fixture
def bad_pdfs(tmp_path: Path) -> dict[str, Path]:
    out = {}
    good = make_pdf(["Focused visit to Nowhere children's services", "A sentence about findings."], pages=2)
    out["empty"] = tmp_path / "empty.pdf"
    out["empty"].write_bytes(b"")
    out["garbage"] = tmp_path / "garbage.pdf"
    out["garbage"].write_bytes(os.urandom(3000))
    out["truncated"] = tmp_path / "truncated.pdf"
    out["truncated"].write_bytes(good[: len(good) // 3])
    doc = pymupdf.open("pdf", good)
    enc = tmp_path / "encrypted.pdf"
    doc.save(enc, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    out["encrypted"] = enc
    img = pymupdf.open()
    page = img.new_page()
    page.draw_rect(pymupdf.Rect(72, 72, 300, 300), color=(0, 0, 0), fill=(0.5, 0.5, 0.5))
    out["image_only"] = tmp_path / "scan.pdf"
    img.save(out["image_only"])
    return out
