"""A settings file made by hand or damaged never stops Reviewer starting: every key the window reads at start holds
a number past Qt's int, a list, bytes or nonsense, and the window opens (README: a damaged value is forgotten)."""

from __future__ import annotations

import struct

import pytest
from PySide6.QtCore import QByteArray, QRect, QSettings

KEYS = ["prefs/text_size", "prefs/highlight_opacity", "prefs/highlight_by", "prefs/appearance",
        "prefs/default_severity", "prefs/show_welcome", "welcome/seen", "view/suggestions", "tag/last_severity",
        "view/show_all_suggestions", "view/suggestions_severity", "session/recent", "session/last_letter",
        "reading/places", "reading/shown", "export/national", "view/left_tab", "view/right_tab", "library/columns",
        "library/sort_column", "library/sort_order", "view/zoom", "view/fit_width", "window/splitter_width",
        "view/library_visible", "window/state", "window/splitter"]


def _geometry(left: int, top: int, right: int, bottom: int) -> QByteArray:
    """Qt's saved geometry (magic, version 3.0, the frame's rectangle and the normal one's) around a rectangle."""
    rect = struct.pack(">iiii", left, top, right, bottom)
    return QByteArray(b"\x01\xd9\xd0\xcb" + struct.pack(">HH", 3, 0) + rect + rect + bytes(40))


def test_a_rectangle_no_window_has_fits_no_screen():
    from reviewer.ui.shell.layout_state import fit_to_screen, saved_rect

    screen = QRect(0, 0, 1024, 610)
    for geo in (_geometry(-2**31, -2**31, 2**31 - 1, 2**31 - 1), _geometry(500, 500, 100, 100),
                _geometry(2**31 - 10, 0, 2**31 - 1, 300)):
        kept = saved_rect(geo)  # (was OverflowError: the window never opened)
        assert kept is not None and fit_to_screen(kept, screen) is None  # opened as on a first run
    assert saved_rect(_geometry(10, 20, 909, 579)) == QRect(10, 20, 900, 560)


@pytest.mark.parametrize("value", [10**12, 3.5, "nan", ["x", 10**12], QByteArray(b"\xff\x00" * 10)],
                         ids=["huge", "float", "nan", "list", "bytes"])
def test_the_window_opens_whatever_its_settings_hold(make_window, tmp_path, qapp, value):
    from reviewer.ui.kit.style import apply_saved_style

    s = QSettings(str(tmp_path / "lib.ini"), QSettings.Format.IniFormat)
    s.setValue("window/geometry", _geometry(-2**31, -2**31, 2**31 - 1, 2**31 - 1))
    for key in KEYS:
        s.setValue(key, value)
    s.sync()
    apply_saved_style(qapp, s)  # as the app does before the window (a text size of 10**12: OverflowError)
    w = make_window(size=None)  # (tabs at 10**12, the recent letters a number: the window never opened)
    assert w.isVisible() and 0 < w.width() < 2**24
    apply_saved_style(qapp, QSettings(str(tmp_path / "plain.ini"), QSettings.Format.IniFormat))
