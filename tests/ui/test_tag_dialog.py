"""The tag dialog by keyboard: Enter on the completion pop-up adds a theme, and only Enter on the
empty field saves (seen on a real display: one Enter both chose the theme and saved the dialog)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from reviewer.core.annotations.codebook import default_themes  # noqa: E402
from reviewer.ui.annotate.tag_dialog import TagDialog  # noqa: E402


def choose_from_popup(dlg: TagDialog, typed: str, label: str) -> None:
    """What Qt does on Enter in the completion pop-up: `activated`, then the same Enter reaches the field."""
    QTest.keyClicks(dlg.theme_input, typed)
    dlg.completer.activated.emit(label)
    QTest.keyClick(dlg.theme_input, Qt.Key.Key_Return)


def test_enter_on_the_popup_adds_a_theme_and_enter_on_the_empty_field_saves(qtbot):
    themes = default_themes()
    dlg = TagDialog("Too many plans are lists of services", themes, severity="improvement")
    qtbot.addWidget(dlg)
    dlg.show()
    label = {t.id: t.label for t in themes}
    choose_from_popup(dlg, "plann", label["planning"])
    assert dlg.chosen.count() == 1 and dlg.result() == 0 and dlg.isVisible()
    qtbot.wait(20)
    choose_from_popup(dlg, "drift", label["timeliness"])
    assert dlg.chosen.count() == 2 and dlg.isVisible()
    qtbot.wait(20)
    QTest.keyClick(dlg.theme_input, Qt.Key.Key_Return)  # Enter on the empty field saves
    assert dlg.result() == TagDialog.DialogCode.Accepted
    chosen, severity, _note = dlg.result_values()
    assert chosen == ["planning", "timeliness"] and severity == "improvement"
