"""Colours, icons and small visual helpers shared by the widgets (severity swatches and badges)."""

from __future__ import annotations

import re
from functools import lru_cache

from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QRectF, QSettings, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QFont, QFontMetrics, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QPushButton, QStyle, QStyleOptionViewItem

from reviewer.core.annotations.codebook import severities
from reviewer.ui.kit.contrast import legible_fill, readable, text_on

SEVERITY = {s.id: s for s in severities()}
SEVERITY_LETTER = {"strength": "S", "context": "C", "improvement": "I", "priority": "P"}
DEFAULT_OPACITY = 35  # % of the severity colour over the text


def highlight_opacity(settings: QSettings) -> int:
    """How strongly annotations are coloured over the text (Preferences), in per cent."""
    try:
        return max(10, min(90, int(settings.value("prefs/highlight_opacity", DEFAULT_OPACITY))))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_OPACITY


def severity_colour(sid: str, alpha: int = 255) -> QColor:
    s = SEVERITY.get(sid)
    c = QColor(s.colour if s else "#888888")
    c.setAlpha(alpha)
    return c


def severity_text(sid: str, background: QColor) -> QColor:
    """The severity's colour for text on ``background`` (a card's header): darkened or lightened until it
    reads at 4.5:1, so a Priority action header on a dark card is as legible as on a light one."""
    s = SEVERITY.get(sid)
    return QColor(readable(s.colour if s else "#888888", background.name()))


def readable_on(colour: str | QColor, background: QColor) -> QColor:
    """Any accent colour (a review's, a grade's) as text on ``background``, at 4.5:1 or better."""
    return QColor(readable(QColor(colour).name(), background.name()))


def _icon(size: int, draw) -> QIcon:  # type: ignore[no-untyped-def]
    """A 2x pixmap icon painted by ``draw(painter)`` on a transparent background."""
    pm = QPixmap(size * 2, size * 2)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw(p)
    p.end()
    pm.setDevicePixelRatio(2.0)
    return QIcon(pm)


@lru_cache(maxsize=64)
def severity_icon(sid: str, size: int = 16) -> QIcon:
    """A coloured badge carrying the severity's initial, so colour is never the only cue."""
    return _icon(size, lambda p: _badge(p, sid, size))


def _badge(p: QPainter, sid: str, size: int) -> None:
    p.setBrush(severity_colour(sid))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(2, 2, size * 2 - 4, size * 2 - 4), 6, 6)
    f = QFont()
    f.setBold(True)
    f.setPixelSize(int(size * 1.2))
    p.setFont(f)
    p.setPen(QColor(text_on(severity_colour(sid).name())))  # white on green and red, dark on amber and grey
    p.drawText(QRectF(0, 0, size * 2, size * 2), Qt.AlignmentFlag.AlignCenter, SEVERITY_LETTER.get(sid, "?"))


@lru_cache(maxsize=256)
def swatch_icon(colour: str, size: int = 14) -> QIcon:
    def draw(p: QPainter) -> None:
        p.setBrush(QColor(colour))
        p.setPen(QColor(0, 0, 0, 60))
        p.drawEllipse(QRectF(3, 3, size * 2 - 6, size * 2 - 6))

    return _icon(size, draw)


@lru_cache(maxsize=1)
def signed_off_icon(size: int = 14) -> QIcon:
    """A green tick in a circle: the letter's audit is signed off."""

    def draw(p: QPainter) -> None:
        p.setBrush(QColor("#2e7d32"))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawEllipse(QRectF(2, 2, size * 2 - 4, size * 2 - 4))
        pen = p.pen()
        pen.setStyle(Qt.PenStyle.SolidLine)
        pen.setColor(QColor("white"))
        pen.setWidthF(size * 0.28)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        s = size * 2
        p.drawPolyline([QPointF(s * 0.28, s * 0.52), QPointF(s * 0.44, s * 0.68), QPointF(s * 0.73, s * 0.34)])

    return _icon(size, draw)


def _wrap(fm: QFontMetrics, width: int, text: str, limit: int) -> list[tuple[int, int]]:
    """Where ``text`` breaks into lines of at most ``width`` pixels (start, end), at spaces where it can;
    at most ``limit`` lines. Each word is measured once and a line's width summed from its words; only a
    line near the edge is measured whole (a card list of 700 quotes is wrapped again at every width)."""
    lines: list[tuple[int, int]] = []
    space = fm.horizontalAdvance(" ")
    start = end = -1
    run = 0  # the width of text[start:end], summed
    for m in re.finditer(r"\S+", text):
        s, e = m.span()
        word = fm.horizontalAdvance(m.group())
        if start < 0:
            start = end = s
            wide = word
        else:
            gap = text[end:s]
            wide = run + (space * len(gap) if gap.strip(" ") == "" else fm.horizontalAdvance(gap)) + word
        if wide <= width - 2 or (wide <= width + 8 and fm.horizontalAdvance(text[start:e]) <= width):
            end, run = e, wide
            continue
        if end > start:  # the line so far; this word starts the next
            lines.append((start, end))
            if len(lines) >= limit:
                return lines
        start = s
        while fm.horizontalAdvance(text[start:e]) > width and e - start > 1:  # a word longer than a line
            cut = start + 1
            while cut < e and fm.horizontalAdvance(text[start:cut + 1]) <= width:
                cut += 1
            lines.append((start, cut))
            if len(lines) >= limit:
                return lines
            start = cut
        end, run = e, fm.horizontalAdvance(text[start:e])
    if start >= 0 and end > start:
        lines.append((start, end))
    return lines[:limit]


def fit_lines(fm: QFontMetrics, width: int, text: str, max_lines: int, close: str = "") -> list[str]:
    """``text`` + ``close`` wrapped in at most ``max_lines`` lines; when it is longer, the last line is cut
    and ends in "…" (then ``close``, the closing quotation mark), so a cut quote always says so."""
    full = text + close
    spans = _wrap(fm, width, full, max_lines + 1)
    if len(spans) <= max_lines:
        return [full[s:e] for s, e in spans]
    lines = [full[s:e] for s, e in spans[: max_lines - 1]]
    rest = text[spans[max_lines - 1][0]:]
    last = fm.elidedText(rest, Qt.TextElideMode.ElideRight, width - fm.horizontalAdvance(close))
    if not last.endswith("…"):
        last = last.rstrip() + "…"
    return [*lines, last + close]


def wrapped_height(fm: QFontMetrics, width: int, text: str, max_lines: int, close: str = "") -> int:
    """The height ``text`` takes drawn by ``draw_wrapped``."""
    full = text + close
    # far longer than the lines can hold (even after the spaces dropped at the breaks): it takes them all,
    # found with one measure rather than by wrapping it (a list of 700 cards is measured at every width)
    if fm.horizontalAdvance(full) > max_lines * (width + fm.horizontalAdvance(" ") + 2):
        return fm.lineSpacing() * max_lines
    return fm.lineSpacing() * max(1, min(max_lines, len(_wrap(fm, width, full, max_lines))))


def draw_wrapped(p: QPainter, fm: QFontMetrics, x: int, y: int, width: int, text: str, max_lines: int,
                 close: str = "") -> int:
    """Draw ``text`` + ``close`` wrapped in at most ``max_lines`` lines, cut with "…" when longer; returns
    its height."""
    lines = fit_lines(fm, width, text, max_lines, close)
    for i, line in enumerate(lines):
        p.drawText(QRect(x, y + i * fm.lineSpacing(), width, fm.lineSpacing()),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
    return fm.lineSpacing() * max(1, len(lines))


def show_folder_button(folder: Path) -> QPushButton:
    """"Show Folder": opens ``folder`` (where the library lives) in the system's file manager."""
    button = QPushButton("Show Folder", toolTip="Open the folder that holds the library in the file manager")
    button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
    return button


# The action plan's RAG statuses: the severities' red, amber and green, and a slate for complete.
RAG_COLOURS = {"red": "#c62828", "amber": "#ef9a00", "green": "#2e7d32", "complete": "#546e7a"}
OVERDUE_COLOUR = "#b00020"


def rag_chip(status: str) -> tuple[QColor, QColor]:
    """A status chip's fill and the colour of its word on it, at 4.5:1 or better."""
    fill, text = legible_fill(RAG_COLOURS.get(status, "#888888"))
    return QColor(fill), QColor(text)


def draw_chip(p: QPainter, x: int, y: int, height: int, word: str, status: str, font: QFont) -> int:
    """A RAG status as a rounded chip carrying its word (colour is never the only cue); returns its width."""
    fill, ink = rag_chip(status)
    fm = QFontMetrics(font)
    width = fm.horizontalAdvance(word) + 14
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fill)
    p.drawRoundedRect(QRectF(x, y, width, height), height / 2, height / 2)
    p.setFont(font)
    p.setPen(ink)
    p.drawText(QRect(x, y, width, height), Qt.AlignmentFlag.AlignCenter, word)
    p.restore()
    return width


@lru_cache(maxsize=8)
def rag_icon(status: str, size: int = 14) -> QIcon:
    """A round swatch of a RAG status, for lists and menus (beside the status's word)."""
    return swatch_icon(RAG_COLOURS.get(status, "#888888"), size)


def draw_card(p: QPainter, option: QStyleOptionViewItem) -> tuple[QRect, bool, QColor]:
    """A list item's card (the annotations', the plan's): clipped to its row, a rounded frame, the
    highlight's edge when selected. Returns the card's rectangle, whether it is selected and its ground.
    The caller has saved the painter and restores it when its card is drawn."""
    p.setClipRect(option.rect)  # nothing of a card is ever drawn over its neighbour
    r = option.rect.adjusted(3, 3, -3, -3)
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    pal = option.palette
    ground = pal.color(QPalette.ColorRole.AlternateBase if selected else QPalette.ColorRole.Base)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    edge = 2.0 if selected else 1.0
    p.setPen(QPen(pal.color(QPalette.ColorRole.Highlight) if selected else QColor(0, 0, 0, 35), edge))
    p.setBrush(ground)
    p.drawRoundedRect(QRectF(r).adjusted(edge / 2, edge / 2, -edge / 2, -edge / 2), 5, 5)  # the stroke inside r
    return r, selected, ground
