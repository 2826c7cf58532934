"""Colours, icons and small visual helpers shared by the widgets (severity swatches and badges)."""

from __future__ import annotations

from functools import lru_cache

from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QFont, QFontMetrics, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QPushButton

from reviewer.core.annotations.codebook import severities

SEVERITY = {s.id: s for s in severities()}
SEVERITY_LETTER = {"strength": "S", "context": "C", "improvement": "I", "priority": "P"}


def severity_colour(sid: str, alpha: int = 255) -> QColor:
    s = SEVERITY.get(sid)
    c = QColor(s.colour if s else "#888888")
    c.setAlpha(alpha)
    return c


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
    p.setPen(QColor("white"))
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


def wrapped_height(fm: QFontMetrics, width: int, text: str, max_lines: int) -> int:
    """The height ``text`` takes wrapped to ``width``, at most ``max_lines`` lines."""
    return min(fm.boundingRect(QRect(0, 0, width, 10000), Qt.TextFlag.TextWordWrap, text).height(),
               fm.lineSpacing() * max_lines)


def draw_wrapped(p: QPainter, fm: QFontMetrics, x: int, y: int, width: int, text: str, max_lines: int) -> int:
    """Draw ``text`` wrapped in at most ``max_lines`` lines, elided with "…" when longer; returns its height."""
    h = wrapped_height(fm, width, text, max_lines)
    if fm.boundingRect(QRect(0, 0, width, 10000), Qt.TextFlag.TextWordWrap, text).height() > h:
        text = fm.elidedText(text, Qt.TextElideMode.ElideRight, width * max_lines - fm.horizontalAdvance("……"))
    p.drawText(QRect(x, y, width, h), Qt.TextFlag.TextWordWrap, text)
    return h


def show_folder_button(folder: Path) -> QPushButton:
    """"Show Folder": opens ``folder`` (where the library lives) in the system's file manager."""
    button = QPushButton("Show Folder", toolTip="Open the folder that holds the library in the file manager")
    button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
    return button
