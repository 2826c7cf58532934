"""Preferences: what the auditor chooses is kept, shown at once, and (for theme colours) undoable."""

from __future__ import annotations


import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reviewer.ui.shell import preferences  # noqa: E402
from reviewer.ui.kit.style import apply_style  # noqa: E402


@pytest.fixture
def window(letter_window):
    yield letter_window
    apply_style(QApplication.instance())  # type: ignore[arg-type]  # back to the light default for other tests


def test_preferences_are_kept_and_shown(window, qtbot, monkeypatch):
    app = QApplication.instance()
    theme = next(t for t in window.lib.themes.values() if not t.retired)
    monkeypatch.setattr(preferences.QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#123456")))
    dlg = preferences.PreferencesDialog(window.desk, window.annotating.apply_preferences)
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
    assert window.view.marks.alpha == round(60 * 255 / 100)
    assert window.lib.themes[theme.id].colour == "#123456"
    window.history.undo()  # theme colours are codebook changes: undoable
    assert window.lib.themes[theme.id].colour == theme.colour

    # kept between runs: a new dialog reads back what was chosen
    again = preferences.PreferencesDialog(window.desk, window.annotating.apply_preferences)
    assert again.appearance.currentData() == "dark" and again.text_size.value() == 13
    assert again.opacity.value() == 60 and again.highlight_by.currentData() == "theme"
    assert again.severity.currentData() == "priority" and again.name.text() == "Sam Patel"


def test_a_first_pack_goes_beside_the_summary_just_exported(make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Seen by a new user: the first Export Pack dialog opened in the home folder, though the summary had
    just been saved elsewhere. A file dialog starts where that kind of file last went, else where the
    auditor last saved or opened one of its kind, else Documents (a folder since removed is passed over); a
    summary or pack never starts in the folder letters were opened from."""
    from pathlib import Path

    from PySide6.QtCore import QStandardPaths

    w = make_window()
    desk = w.desk
    for key in (*desk._SAVED, *desk._OPENED):
        desk.settings.remove(key)
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    assert desk.folder("paths/last_pack") == (documents if documents.is_dir() else Path.home())
    letters = tmp_path / "shared-letters"
    letters.mkdir()
    desk.settings.setValue("paths/last_open", str(letters))  # letters opened from a shared folder: a
    assert desk.folder("paths/last_folder") == letters  # folder of letters starts there,
    assert desk.folder("paths/last_export") != letters  # a first summary does not
    summaries = tmp_path / "summaries"
    summaries.mkdir()
    desk.settings.setValue("paths/last_export", str(summaries))
    assert desk.folder("paths/last_pack") == summaries
    packs = tmp_path / "packs"
    packs.mkdir()
    desk.settings.setValue("paths/last_pack", str(packs))
    assert desk.folder("paths/last_pack") == packs and desk.folder("paths/last_export") == summaries
    packs.rmdir()
    assert desk.folder("paths/last_pack") == summaries
