"""Contrast as WCAG 2 measures it, and the colours text is drawn in so that it always reaches 4.5:1.

Colours are "#rrggbb" strings (no Qt needed): the widgets ask here for the colour of a severity's
header on a card, the letter on a badge, a number on a heatmap cell, how strongly a highlight may
colour the letter's paper, and a test checks every one of them against the palettes.
"""

from __future__ import annotations

from functools import lru_cache

AA = 4.5  # WCAG 2 AA for text
RGB = tuple[int, int, int]


def rgb(colour: str) -> RGB:
    c = colour.lstrip("#")
    if len(c) == 8:  # #aarrggbb, as Qt names colours with alpha
        c = c[2:]
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def hex_of(c: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, round(v))) for v in c))


def luminance(colour: str) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = rgb(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(a: str, b: str) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def blend(colour: str, over: str, alpha: float) -> str:
    """``colour`` laid over ``over`` at ``alpha`` (0 to 1): the colour the eye sees."""
    a, b = rgb(colour), rgb(over)
    return hex_of(tuple(x * alpha + y * (1 - alpha) for x, y in zip(a, b)))  # type: ignore[arg-type]


def readable(colour: str, background: str, minimum: float = AA) -> str:
    """``colour`` as text on ``background``: itself when it reaches ``minimum``, else darkened (on a
    light background) or lightened (on a dark one) just enough, so it keeps its hue."""
    if ratio(colour, background) >= minimum:
        return colour
    toward = "#000000" if luminance(background) > 0.18 else "#ffffff"
    for step in range(1, 101):
        mixed = blend(toward, colour, step / 100)
        if ratio(mixed, background) >= minimum:
            return mixed
    return toward


def text_on(fill: str) -> str:
    """White or near-black, whichever reads better on ``fill`` (a badge, a heatmap cell)."""
    dark = "#1d2329"
    return "#ffffff" if ratio("#ffffff", fill) >= ratio(dark, fill) else dark


def legible_fill(fill: str) -> tuple[str, str]:
    """A coloured cell and the colour of its text (white or dark): where neither reaches 4.5:1 on the
    mid-tone ``fill``, the fill is deepened (under white) or lightened (under dark) just enough."""
    text = text_on(fill)
    away = "#000000" if text == "#ffffff" else "#ffffff"
    for step in range(0, 101):
        shaded = blend(away, fill, step / 100)
        if ratio(text, shaded) >= AA:
            return shaded, text
    return away, text


@lru_cache(maxsize=512)
def highlight_alpha(colour: str, wanted: int, paper: str = "#ffffff", ink: str = "#000000") -> int:
    """How strongly (0 to 255) a highlight of ``colour`` may tint the letter's paper, at most ``wanted``,
    so that its black print keeps 4.5:1 (the highlight multiplies: print stays black, paper takes the tint)."""
    alpha = wanted
    while alpha > 0 and ratio(ink, blend(colour, paper, alpha / 255)) < AA:
        alpha -= 5
    return max(0, alpha)
