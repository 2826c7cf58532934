"""Application style: Fusion with a calm palette and a little stylesheet for panel titles."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

STYLESHEET = """
QLabel#panelTitle { font-weight: 600; font-size: 11pt; padding: 2px 0 4px 0; }
QLabel#panelCount { color: palette(placeholder-text); }
QLabel#errorText { color: #b00020; }
QLabel#hint { color: palette(placeholder-text); }
QLabel#quotePreview { background: palette(alternate-base); border-left: 4px solid #8a94a6; padding: 8px; }
QWidget#findBar { background: palette(window); border-bottom: 1px solid palette(mid); }
QToolBar { spacing: 4px; padding: 3px; }
QSplitter::handle { background: palette(mid); }
QSplitter::handle:horizontal { width: 1px; }
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(STYLESHEET)
