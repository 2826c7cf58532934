"""Windows for the widget tests, all built one way: a workspace on a library in the test's folder,
settings in the same folder, and (when asked) letters added and the first one opened."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _typed_text_may_go(monkeypatch):  # type: ignore[no-untyped-def]
    """A dialog closed with a note typed asks first (``ui.kit.typed``); a test's widgets left open are closed
    after it, where that question would wait for an answer nobody gives. A test of the question itself puts
    the real one back (``typed.ask``)."""
    from reviewer.ui.kit import typed

    monkeypatch.setattr(typed, "may_discard", lambda *_a, **_k: True)


@pytest.fixture(autouse=True)
def _no_box_outlives_its_test() -> Iterator[None]:
    """A box a test left open (a warning shown with ``open()``, not waited on) is closed after it: left, the next
    test looking for its own box found this one."""
    yield
    from PySide6.QtWidgets import QApplication, QDialog

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    app.processEvents()


@pytest.fixture
def make_window(qtbot, tmp_path: Path) -> Iterator[Callable[..., object]]:
    """``make_window(letters=(), auditor="Ann Auditor", library="lib.json", samples=False, open_first=True,
    size=(1300, 850))``: the main window on a workspace. Every window made is closed at the end."""
    from PySide6.QtCore import QSettings, Qt

    from reviewer.store.repository import LibraryStore
    from reviewer.ui.shell.main_window import MainWindow
    from reviewer.workspace import Workspace

    made: list[MainWindow] = []

    def make(letters: Sequence[Path] = (), auditor: str | None = "Ann Auditor", library: str = "lib.json",
             samples: bool = False, open_first: bool = True, size: tuple[int, int] | None = (1300, 850),
             show: bool = True) -> MainWindow:
        ws = Workspace(LibraryStore(tmp_path / library))
        if auditor:
            ws.set_auditor(auditor)
            ws.undo.clear()  # the window starts with nothing to undo, as after a restart
        if samples and not ws.library.letters:
            ws.add_samples()
        ids = [ws.add_file(Path(p))[0].id for p in letters]
        w = MainWindow(ws, QSettings(str(tmp_path / f"{Path(library).stem}.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(w)
        made.append(w)
        if size:  # (the window on a test's own size, not its first run's on the 800-pixel offscreen screen)
            w.setWindowState(w.windowState() & ~Qt.WindowState.WindowMaximized)
            w.resize(*size)
        if show:
            w.show()
            w.activateWindow()
        if ids and open_first:
            with qtbot.waitSignal(w.host.worker.loaded, timeout=15000):
                w.onscreen.open(ids[0])
            qtbot.waitUntil(lambda: w.onscreen.layout is not None)
        return w

    yield make
    for w in made:
        if w.isVisible():
            w.close()


@pytest.fixture
def letter_window(make_window, samples: Path):  # type: ignore[no-untyped-def]
    """A main window with the Thornbury Vale sample letter open."""
    return make_window([samples / "thornbury_vale_2025_focused_visit.pdf"], size=(1400, 900))
