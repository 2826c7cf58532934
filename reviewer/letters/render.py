"""Showing a letter: its pages as pixels, for the window's worker thread."""

from __future__ import annotations

import pymupdf

from reviewer.letters import guard


def page_image(doc: pymupdf.Document, page: int, scale: float) -> tuple[bytes, int, int, int]:
    """Page ``page`` rendered at ``scale`` as RGB: (samples, width, height, bytes per line)."""
    guard.check()
    with guard.LOCK:
        pix = doc[page].get_pixmap(matrix=pymupdf.Matrix(scale, scale), alpha=False)
        return pix.samples, pix.width, pix.height, pix.stride


def close(doc: pymupdf.Document) -> None:
    with guard.LOCK:
        doc.close()
