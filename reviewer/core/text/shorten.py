"""Cutting text to a length for a table, a list or a file name, always saying so with "…"."""

from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """``text`` at most ``limit`` characters long; a cut one ends at a word where it can, and in "…"."""
    if len(text) <= limit:
        return text
    if limit <= 1:
        return "…"[:limit]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:—–-") + "…"
