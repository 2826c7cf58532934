"""The window's layout remembered between runs (Qt settings: UI state only, never domain data)."""

from __future__ import annotations

import struct
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget

from reviewer.ui.kit.desk import OnScreen
from reviewer.ui.library.library_panel import LibraryPanel
from reviewer.ui.reader.page_view import PageView, allowed_zoom


FIRST_SIZE = (1400, 900)
LETTER_SHARE = 0.5  # of the splitter's width, at the least, when the window is shown
SAME_WIDTH = 8  # pixels: the splitter's width as it was left (a frame's difference), where its panes are kept as set
SIDE_MIN = (180, 300)  # the library's list and the cards (their quotes wrap) need no less
# The letter's least width beside both panes: an A4 page fitted to it at about 75%, a report's body text as large as
# the panes' (at 1024 pixels, the three panes left it 490 pixels, the page at 58%, its text tiny)
LETTER_LEAST = 600
_FURTHEST = 1 << 24  # pixels: no screen's edge is further (Qt's largest widget is a pixel less)


class LayoutState:
    """Restores and keeps the window's geometry and docks, the splitter, the side panes and their tabs,
    the library's columns and sort, the zoom, and the letter on screen with the place it was left at."""

    def __init__(self, settings: QSettings, window: QMainWindow, splitter: QSplitter, left: QTabWidget,
                 right: QTabWidget, library_panel: LibraryPanel, view: PageView, onscreen: OnScreen,
                 toggle_library: Callable[[], None]) -> None:
        self.settings, self.window, self.splitter, self.left, self.right = settings, window, splitter, left, right
        self.library_panel, self.view, self.onscreen, self.toggle_library = library_panel, view, onscreen, toggle_library
        self.same_screen = True  # the panes were left on this screen at this scale (``restore``)
        self.folded = False  # the library pane folded away for want of room, not by the auditor (``balance``)
        self._last_width: int | None = None  # the splitter's width when last balanced

    def restore(self) -> None:
        """Window geometry, docks, splitter, library pane and zoom as they were left."""
        s = self.settings
        geo = s.value("window/geometry")
        kept = saved_rect(geo) if isinstance(geo, QByteArray) else None
        screen = self.window.screen() or QGuiApplication.primaryScreen()
        fitted = fit_to_screen(kept, screen.availableGeometry()) if kept is not None and screen is not None else kept
        if isinstance(geo, QByteArray) and (kept is None or fitted is not None) and self.window.restoreGeometry(geo):
            if fitted is not None and kept is not None and fitted != kept:
                self.window.move(self.window.pos() + fitted.topLeft() - kept.topLeft())  # onto the screen
        else:
            self.first_size()
        st = s.value("window/state")
        if isinstance(st, QByteArray):
            self.window.restoreState(st)
        sp = s.value("window/splitter")
        self.same_screen = s.value("window/splitter_screen") in (None, screen_key(self.window))
        if isinstance(sp, QByteArray) and self.same_screen:
            self.splitter.restoreState(sp)  # (on another scale or screen the panes start as on a first run: kept
            # at QT_SCALE_FACTOR=2, on a screen half as wide, the library came back at 1 a third of its width,
            # its tabs "Libr… / Outl… / Sea…")
        if s.value("view/library_visible", True) in (False, "false"):
            self.toggle_library()
        for tabs, key in ((self.left, "view/left_tab"), (self.right, "view/right_tab")):
            try:
                index = int(s.value(key, 0))  # type: ignore[arg-type]
            except (TypeError, ValueError, OverflowError):
                continue
            if 0 <= index < tabs.count():  # (a number past Qt's int stopped the window opening: OverflowError)
                tabs.setCurrentIndex(index)
        try:
            columns = [int(c) for c in _as_list(s.value("library/columns", []))]
            self.library_panel.set_view_state(int(s.value("library/sort_column", 0)),  # type: ignore[arg-type]
                                              int(s.value("library/sort_order", 0)), columns)  # type: ignore[arg-type]
        except (TypeError, ValueError, OverflowError):
            pass
        zoom = s.value("view/zoom")
        fit = s.value("view/fit_width", True) not in (False, "false")
        if zoom and not fit:
            try:
                self.view.zoom, self.view.fit_width = allowed_zoom(float(zoom)), False  # (never "nan" as it is)
            except (TypeError, ValueError):
                pass

    def first_size(self) -> None:
        """The window's size on its first run: 1400 by 900 where the screen has room (the letter and both panes
        at their ease), else the whole of a laptop's screen (1366 by 768, or 125% scaling: 1093 by 614),
        never larger than the screen, its buttons and status bar out of sight."""
        screen = self.window.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        if room is None or room.width() >= FIRST_SIZE[0] + 40 and room.height() >= FIRST_SIZE[1] + 60:
            self.window.resize(*FIRST_SIZE)
        else:
            self.window.resize(min(FIRST_SIZE[0], room.width()), min(FIRST_SIZE[1], room.height()))
            self.window.setWindowState(self.window.windowState() | Qt.WindowState.WindowMaximized)

    def balance(self) -> None:
        """The letter keeps at least LETTER_SHARE of the width beside the panes (on a small or scaled screen,
        panes laid out for a wider one left it 43%, a report's body text a few pixels high): the panes give
        way in proportion, down to what their contents need. Called once the window is shown."""
        sizes = self.splitter.sizes()
        if len(sizes) != 3 or sum(sizes) <= 0:
            return
        left, centre, right = sizes
        total = sum(sizes)
        try:
            kept = int(self.settings.value("window/splitter_width", 0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            kept = 0
        was, self._last_width = self._last_width, total
        if kept and abs(kept - total) <= SAME_WIDTH and self.same_screen:
            return  # the panes as the auditor left them, on the width they left them at (a new user's widened
            # outline came back narrower after a restart, and the letter's zoom with it, stop 46)
        if left and self.left.isVisible() and total < self.three_panes() and (was is None or was >= self.three_panes()):
            # too narrow for three panes to each be usable (shown so, or made so): the library pane folds away
            # and the letter and the cards share the width, as a PDF reader gives the page the room (View >
            # Library Pane, Ctrl+L, and Ctrl+1, Ctrl+2, Ctrl+Shift+F bring it back; not folded again at this width)
            self.toggle_library()
            self.folded = True
            left, centre = 0, centre + left
            self.splitter.setSizes([0, centre, right])
        if centre >= LETTER_SHARE * total or left + right <= 0:
            return
        room = total - int(LETTER_SHARE * total)
        least = [max(need, self.splitter.widget(i).minimumSizeHint().width()) for i, need in ((0, SIDE_MIN[0]),
                                                                                               (2, SIDE_MIN[1]))]
        new_right = min(right, max(least[1], int(right * room / (left + right)))) if right else 0
        new_left = min(left, max(least[0], room - new_right)) if left else 0  # (what the cards cannot give)
        self.splitter.setSizes([new_left, total - new_left - new_right, new_right])

    def three_panes(self) -> int:
        """The splitter's least width at which the library (its tabs' names whole), the letter (LETTER_LEAST) and the
        cards (SIDE_MIN) are each usable side by side: 1,160 pixels or so at the usual text size, more at a larger;
        a window of 1366 pixels has it, 1024 (and 1366 at 125%, 1093) not."""
        bar = self.left.tabBar()
        tabs = sum(bar.tabSizeHint(i).width() for i in range(bar.count())) + 8  # (the pane's frame)
        right = max(SIDE_MIN[1], self.right.minimumSizeHint().width())
        return max(SIDE_MIN[0], tabs) + LETTER_LEAST + right + 2 * self.splitter.handleWidth()

    def save(self) -> None:
        """Kept as the window closes, with the letter that was open."""
        s, view = self.settings, self.view
        s.setValue("window/geometry", self.window.saveGeometry())
        s.setValue("window/state", self.window.saveState())
        folded = self.folded and not self.left.isVisible()  # (folded for want of room, the auditor's choice is
        # still to see it: on a wider window it is there, on this one folded again; no width is kept as theirs, nor
        # the folded splitter, which would bring the pane back at no width)
        if not folded:
            s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/splitter_width", 0 if folded else sum(self.splitter.sizes()))
        s.setValue("window/splitter_screen", screen_key(self.window))
        s.setValue("view/library_visible", folded or self.left.isVisible())
        s.setValue("view/left_tab", self.left.currentIndex())
        s.setValue("view/right_tab", self.right.currentIndex())
        library = self.library_panel.view_state()
        s.setValue("library/sort_column", library["sort_column"])
        s.setValue("library/sort_order", library["sort_order"])
        s.setValue("library/columns", [str(c) for c in library["columns"]])  # type: ignore[attr-defined]
        s.setValue("view/zoom", view.zoom)
        s.setValue("view/fit_width", view.fit_width)
        if self.onscreen.letter_id:
            s.setValue(self.onscreen.last_key(), self.onscreen.letter_id)
            if view.page_count():  # its pages are shown (the text may still be on its way): where the auditor was
                self.onscreen.keep_place(self.onscreen.letter_id, *view.position())
        s.sync()


def screen_key(window: QMainWindow) -> str:
    """The scale and the room of the screen the window is on ("2|800x500": Qt's device pixel ratio, the available
    size in its logical pixels): panes laid out on one are not kept as they were on another."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return ""
    room = screen.availableGeometry()
    return f"{screen.devicePixelRatio():g}|{room.width()}x{room.height()}"


def saved_rect(geo: QByteArray) -> QRect | None:
    """The window's normal rectangle in Qt's saved geometry (a magic number, a version, the frame's rectangle, then
    the normal one's, each as left, top, right, bottom); None where the bytes are not that; an empty rectangle where
    it is no window's (no size, or past what Qt can place: settings made by hand stopped the window opening)."""
    raw = bytes(geo.data())
    if len(raw) < 40 or raw[:4] != b"\x01\xd9\xd0\xcb":
        return None
    left, top, right, bottom = struct.unpack(">iiii", raw[24:40])
    if not (left <= right and top <= bottom and all(abs(v) <= _FURTHEST for v in (left, top, right, bottom))):
        return QRect()
    return QRect(left, top, right - left + 1, bottom - top + 1)


def fit_to_screen(kept: QRect, room: QRect) -> QRect | None:
    """Where a window kept at ``kept`` opens on a screen whose available rectangle is ``room``: None where it is
    larger than the room either way (the window then opens maximised, as on a first run there: kept at 1600 pixels
    wide, Qt reopened it on a 1024-pixel screen small, not maximised); else as kept, moved only as far as it takes to
    be wholly on the screen."""
    if kept.isEmpty() or kept.width() > room.width() or kept.height() > room.height():
        return None
    x = min(max(kept.x(), room.x()), room.x() + room.width() - kept.width())
    y = min(max(kept.y(), room.y()), room.y() + room.height() - kept.height())
    return QRect(x, y, kept.width(), kept.height())


def _as_list(value: object) -> list[object]:
    """A list kept in settings: INI files give one entry back as a plain string."""
    if isinstance(value, str):
        return [value] if value else []
    return list(value) if isinstance(value, (list, tuple)) else []
