"""Application style: Fusion with a calm palette, light or dark (following the system unless the auditor
chose), the text size chosen in Preferences, and a little stylesheet for panel titles."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSettings, Qt
from PySide6.QtGui import (QColor, QFont, QGuiApplication, QIcon, QIconEngine, QPainter, QPainterPath, QPalette, QPen,
                           QPixmap)
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

STYLESHEET = """
QLabel#panelTitle { font-weight: 600; font-size: 11pt; padding: 2px 0 4px 0; }
QLabel#panelCount { color: palette(placeholder-text); }
QLabel#errorText { color: %(error)s; }
QLabel#hint { color: palette(placeholder-text); }
QLabel#quotePreview { background: palette(alternate-base); border-left: 4px solid #8a94a6; padding: 8px; }
QWidget#findBar { background: palette(window); border-bottom: 1px solid palette(mid); }
QToolBar { spacing: 4px; padding: 3px; }
QSplitter::handle { background: palette(mid); }
QSplitter::handle:horizontal { width: 1px; }
"""

APPEARANCES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
_system_font: QFont | None = None


def dark_palette() -> QPalette:
    """A dark Fusion palette with enough contrast for a day's reading (text on base is about 13:1)."""
    p = QPalette()
    window, base, alt, text = QColor("#2b2d31"), QColor("#1f2023"), QColor("#26282c"), QColor("#e6e7ea")
    # every text colour here reaches 4.5:1 on every background it is drawn on (tests/ui/test_contrast.py)
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text, QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: alt, QPalette.ColorRole.ToolTipBase: QColor("#3a3d42"),
        QPalette.ColorRole.ToolTipText: text, QPalette.ColorRole.Text: text, QPalette.ColorRole.Button: QColor("#35383d"),
        QPalette.ColorRole.ButtonText: text, QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Highlight: QColor("#2f6ac4"), QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#7fb0ff"), QPalette.ColorRole.LinkVisited: QColor("#b99cff"),
        QPalette.ColorRole.PlaceholderText: QColor("#9a9ea6"), QPalette.ColorRole.Light: QColor("#45484e"),
        QPalette.ColorRole.Midlight: QColor("#3a3d42"), QPalette.ColorRole.Mid: QColor("#303236"),
        QPalette.ColorRole.Dark: QColor("#1a1b1e"), QPalette.ColorRole.Shadow: QColor("#000000"),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d8188"))
    return p


def light_palette(standard: QPalette) -> QPalette:
    """Fusion's light palette, with the two colours that read below 4.5:1 put right: its placeholder
    and secondary text (half-transparent black: 4:1 on white, 3.5:1 on the window) and white text on
    its selection blue (3.7:1)."""
    p = QPalette(standard)
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#5f6368"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#1f6fb2"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    return p


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def is_dark(appearance: str) -> bool:
    return appearance == "dark" or (appearance not in ("light", "dark") and system_is_dark())


# The ring of a radio button and the box of a check box (Fusion draws them a shade darker than the window:
# on the dark palette next to invisible, so the tag dialog's chosen severity could not be seen; on the light
# one 2:1); at least 3:1 on the window and on the field, as WCAG asks of a control's parts
# (tests/ui/test_contrast.py)
DARK_INDICATOR = "#9aa0a8"
LIGHT_INDICATOR = "#767676"


class _Chevrons(QIconEngine):
    """The toolbar's "more" button (what does not fit behind it), drawn in the window's text colour as it is
    painted: Fusion's own arrow was dark on the dark palette (1.2:1), and hid Search, Tag and Overview."""

    def __init__(self, vertical: bool) -> None:
        super().__init__()
        self.vertical = vertical

    def paint(self, painter: QPainter, rect, mode, state) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        palette = QApplication.palette()
        group = QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Normal
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.color(group, QPalette.ColorRole.WindowText), max(1.4, rect.width() / 9),
                            Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        r = QRectF(rect).adjusted(rect.width() * 0.25, rect.height() * 0.3, -rect.width() * 0.25, -rect.height() * 0.3)
        for shift in (0.0, 0.45):
            if self.vertical:
                y = r.top() + r.height() * shift
                painter.drawPolyline([QPointF(r.left(), y), QPointF(r.center().x(), y + r.height() * 0.5),
                                      QPointF(r.right(), y)])
            else:
                x = r.left() + r.width() * shift
                painter.drawPolyline([QPointF(x, r.top()), QPointF(x + r.width() * 0.5, r.center().y()),
                                      QPointF(x, r.bottom())])
        painter.restore()

    def pixmap(self, size, mode, state):  # type: ignore[no-untyped-def]
        image = QPixmap(size)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.paint(painter, image.rect(), mode, state)
        painter.end()
        return image

    def clone(self) -> QIconEngine:
        return _Chevrons(self.vertical)


class _Indicators(QProxyStyle):
    """Fusion, with radio buttons and check boxes a person can see on either palette, and a toolbar's "more"
    button drawn in the text's colour."""

    def standardIcon(self, icon: QStyle.StandardPixmap, option: QStyleOption | None = None,  # noqa: N802
                     widget: QWidget | None = None) -> QIcon:
        if icon in (QStyle.StandardPixmap.SP_ToolBarHorizontalExtensionButton,
                    QStyle.StandardPixmap.SP_ToolBarVerticalExtensionButton):
            return QIcon(_Chevrons(icon == QStyle.StandardPixmap.SP_ToolBarVerticalExtensionButton))
        return super().standardIcon(icon, option, widget)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802 - Qt's name
                      painter: QPainter, widget: QWidget | None = None) -> None:
        kinds = (QStyle.PrimitiveElement.PE_IndicatorRadioButton, QStyle.PrimitiveElement.PE_IndicatorCheckBox)
        if element not in kinds:
            super().drawPrimitive(element, option, painter, widget)
            return
        dark = option.palette.color(QPalette.ColorRole.Window).lightness() < 128
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        on = bool(option.state & QStyle.StateFlag.State_On)
        partly = bool(option.state & QStyle.StateFlag.State_NoChange)
        ring = QColor(DARK_INDICATOR if dark else LIGHT_INDICATOR)
        mark = option.palette.color(QPalette.ColorRole.Link if dark else QPalette.ColorRole.Highlight)
        if not enabled:
            ring = mark = option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        elif option.state & QStyle.StateFlag.State_HasFocus:
            ring = mark
        r = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        side = min(r.width(), r.height())
        r = QRectF(r.center().x() - side / 2, r.center().y() - side / 2, side, side)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(ring, 1.2))
        painter.setBrush(option.palette.color(QPalette.ColorRole.Base))
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(r)
            if on:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(mark)
                painter.drawEllipse(r.center(), side * 0.27, side * 0.27)
        else:
            painter.drawRoundedRect(r, 2, 2)
            if partly:
                painter.fillRect(QRectF(r.left() + side * 0.25, r.center().y() - 1, side * 0.5, 2), mark)
            elif on:
                tick = QPainterPath(QPointF(r.left() + side * 0.22, r.top() + side * 0.52))
                tick.lineTo(QPointF(r.left() + side * 0.42, r.top() + side * 0.72))
                tick.lineTo(QPointF(r.left() + side * 0.78, r.top() + side * 0.28))
                painter.setPen(QPen(mark, max(1.6, side * 0.14), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                    Qt.PenJoinStyle.RoundJoin))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(tick)
        painter.restore()


def apply_style(app: QApplication, appearance: str = "system", text_size: int = 0) -> None:
    """Fusion, light or dark palette, and the panels' text size in points (0: the system's)."""
    global _system_font
    if not isinstance(app.style(), _Indicators):
        app.setStyle(_Indicators("Fusion"))
    dark = is_dark(appearance)
    app.setPalette(dark_palette() if dark else light_palette(app.style().standardPalette()))
    if _system_font is None:
        _system_font = QFont(app.font())
    font = QFont(_system_font)
    if text_size > 0:
        font.setPointSize(text_size)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET % {"error": error_colour(dark)})


def error_colour(dark: bool) -> str:
    """The colour of an error said in a dialog (on the window's background)."""
    return "#ff8a80" if dark else "#b00020"


def apply_saved_style(app: QApplication, settings: QSettings) -> None:
    """The appearance and text size kept in Preferences; re-applied when the system turns dark or light."""
    appearance = str(settings.value("prefs/appearance", "system") or "system")
    apply_style(app, appearance, saved_text_size(settings))


LARGEST_TEXT = 24  # points: the largest text size Preferences offers


def saved_text_size(settings: QSettings) -> int:
    """The panels' text size chosen in Preferences, in points (0: the system's); one Preferences never offers is
    forgotten (a size past Qt's int stopped Reviewer starting: OverflowError)."""
    try:
        size = int(settings.value("prefs/text_size", 0) or 0)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return 0
    return size if 0 <= size <= LARGEST_TEXT else 0
