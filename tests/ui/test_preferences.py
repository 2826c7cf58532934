"""Preferences: what the auditor chooses is kept, shown at once, and (for theme colours) undoable."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reviewer.core.importing import prepare_path  # noqa: E402
from reviewer.store.repository import LibraryStore  # noqa: E402
from reviewer.ui import main_window as mw  # noqa: E402
from reviewer.ui import preferences  # noqa: E402
from reviewer.ui.style import apply_style  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path: Path, samples: Path):
    store = LibraryStore(tmp_path / "lib.json")
    store.library.set_setting("auditor", "Ann Auditor")
    letter, _ = store.add_prepared(prepare_path(samples / "thornbury_vale_2025_focused_visit.pdf"))
    w = mw.MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.host.worker.loaded, timeout=10000):
        w.open_letter(letter.id)
    yield w
    w.close()
    apply_style(QApplication.instance())  # type: ignore[arg-type]  # back to the light default for other tests


def test_preferences_are_kept_and_shown(window, qtbot, monkeypatch):
    app = QApplication.instance()
    theme = next(t for t in window.lib.themes.values() if not t.retired)
    monkeypatch.setattr(preferences.QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#123456")))
    dlg = preferences.PreferencesDialog(window)
    dlg.name.setText("  Sam Patel ")
    dlg.severity.setCurrentIndex(dlg.severity.findData("priority"))
    dlg.appearance.setCurrentIndex(dlg.appearance.findData("dark"))
    dlg.text_size.setValue(13)
    dlg.opacity.setValue(60)
    dlg.highlight_by.setCurrentIndex(dlg.highlight_by.findData("theme"))
    dlg._recolour(dlg.themes.item(0))
    dlg.accept()

    assert window.lib.settings["auditor"] == "Sam Patel"
    assert window.annotating.default_severity() == "priority"
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80  # dark
    assert app.font().pointSize() == 13
    assert window.view.highlight_alpha == round(60 * 255 / 100)
    assert window.lib.themes[theme.id].colour == "#123456"
    window.undo()  # theme colours are codebook changes: undoable
    assert window.lib.themes[theme.id].colour == theme.colour

    # kept between runs: a new dialog reads back what was chosen
    again = preferences.PreferencesDialog(window)
    assert again.appearance.currentData() == "dark" and again.text_size.value() == 13
    assert again.opacity.value() == 60 and again.highlight_by.currentData() == "theme"
    assert again.severity.currentData() == "priority" and again.name.text() == "Sam Patel"
