"""A main window on a fresh library with the Thornbury Vale sample letter open."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def letter_window(qtbot, tmp_path: Path, samples: Path):
    from PySide6.QtCore import QSettings

    from reviewer.letters.importing import prepare_path
    from reviewer.workspace import Workspace
    from reviewer.store.repository import LibraryStore
    from reviewer.ui.shell.main_window import MainWindow

    store = LibraryStore(tmp_path / "lib.json")
    store.library.set_setting("auditor", "Ann Auditor")
    letter, _ = store.add_prepared(prepare_path(samples / "thornbury_vale_2025_focused_visit.pdf"))
    w = MainWindow(Workspace(store), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.host.worker.loaded, timeout=10000):
        w.open_letter(letter.id)
    yield w
    w.close()
