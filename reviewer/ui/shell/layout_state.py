"""The window's layout remembered between runs (Qt settings: UI state only, never domain data)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from reviewer.ui.kit.window import AppWindow


def restore_layout(w: AppWindow) -> None:
    """Window geometry, docks, splitter, library pane and zoom as they were left."""
    geo = w.settings.value("window/geometry")
    if isinstance(geo, QByteArray):
        w.restoreGeometry(geo)
    st = w.settings.value("window/state")
    if isinstance(st, QByteArray):
        w.restoreState(st)
    sp = w.settings.value("window/splitter")
    if isinstance(sp, QByteArray):
        w.splitter.restoreState(sp)
    if w.settings.value("view/library_visible", True) in (False, "false"):
        w.panes.toggle_library()
    for tabs, key in ((w.left_tabs, "view/left_tab"), (w.right_tabs, "view/right_tab")):
        try:
            tabs.setCurrentIndex(int(w.settings.value(key, 0)))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            pass
    try:
        columns = [int(c) for c in _as_list(w.settings.value("library/columns", []))]
        w.library_panel.set_view_state(int(w.settings.value("library/sort_column", 0)),  # type: ignore[arg-type]
                                       int(w.settings.value("library/sort_order", 0)), columns)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        pass
    zoom = w.settings.value("view/zoom")
    fit = w.settings.value("view/fit_width", True) not in (False, "false")
    if zoom and not fit:
        try:
            w.view.zoom, w.view.fit_width = float(zoom), False
        except (TypeError, ValueError):
            pass


def save_layout(w: AppWindow) -> None:
    """Kept as the window closes, with the letter that was open."""
    s = w.settings
    s.setValue("window/geometry", w.saveGeometry())
    s.setValue("window/state", w.saveState())
    s.setValue("window/splitter", w.splitter.saveState())
    s.setValue("view/library_visible", w.left_tabs.isVisible())
    s.setValue("view/left_tab", w.left_tabs.currentIndex())
    s.setValue("view/right_tab", w.right_tabs.currentIndex())
    library = w.library_panel.view_state()
    s.setValue("library/sort_column", library["sort_column"])
    s.setValue("library/sort_order", library["sort_order"])
    s.setValue("library/columns", [str(c) for c in library["columns"]])  # type: ignore[attr-defined]
    s.setValue("view/zoom", w.view.zoom)
    s.setValue("view/fit_width", w.view.fit_width)
    if w.letter_id:
        s.setValue("session/last_letter", w.letter_id)
        if w.view.page_count():  # its pages are shown (the text may still be on its way): where the auditor was
            page, fraction = w.view.position()
            s.setValue("session/last_page", page)
            s.setValue("session/last_page_fraction", round(fraction, 6))
    s.sync()


def _as_list(value: object) -> list[object]:
    """A list kept in settings: INI files give one entry back as a plain string."""
    if isinstance(value, str):
        return [value] if value else []
    return list(value) if isinstance(value, (list, tuple)) else []


def saved_position(settings: QSettings) -> tuple[int, float]:
    """The page and the place on it (``PageView.position``) the last letter was left at."""
    try:
        return int(settings.value("session/last_page", 0)), float(settings.value("session/last_page_fraction", 0.0))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0, 0.0
