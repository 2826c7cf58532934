"""By keyboard and screen reader: every control is named and explained, Tab moves left to right
through the panes, and severity is shown by letter and label as well as colour."""

from __future__ import annotations


import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QSlider,
    QTabBar,
    QWidget,
)

from reviewer.ui.shell.preferences import PreferencesDialog  # noqa: E402

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView, QSlider, QTabBar,
            QAbstractScrollArea)


@pytest.fixture
def window(letter_window):
    yield letter_window


def unexplained(root: QWidget) -> list[str]:
    """Controls a screen reader could not name, or a sighted user could not hover for an explanation."""
    out = []
    for wd in root.findChildren(QWidget):
        if not isinstance(wd, CONTROLS) or wd.window() is not root.window():
            continue  # combo box pop-ups are their own windows
        parent = wd.parent()
        if wd.objectName().startswith("qt_") or isinstance(parent, (QLineEdit, QTabBar, QComboBox, QAbstractSpinBox,
                                                                      QAbstractItemView)):
            continue  # Qt's own parts: clear buttons, scroll arrows, headers, editors inside spin boxes
        if isinstance(wd, QAbstractScrollArea) and not isinstance(wd, QAbstractItemView):
            explained = bool(wd.accessibleName() and (wd.toolTip() or wd.accessibleDescription()))
        else:
            named = wd.accessibleName() or (wd.text() if isinstance(wd, QAbstractButton) else "")
            standard = isinstance(parent, QDialogButtonBox)  # OK, Cancel, Close say what they do
            explained = bool(named and (wd.toolTip() or standard))
        if not explained:
            out.append(f"{type(wd).__name__} {wd.objectName()!r} {wd.accessibleName()!r} in {type(parent).__name__}")
    return out


def test_every_control_has_a_name_and_a_tooltip(window):
    assert unexplained(window) == []
    window.panes.show_welcome()
    assert unexplained(window.welcome) == []
    assert unexplained(PreferencesDialog(window.desk, window.annotating.apply_preferences)) == []
    from reviewer.ui.shell.about import AboutDialog
    from reviewer.ui.annotate.dialogs import CodebookDialog, LetterDetailsDialog
    from reviewer.ui.annotate.tag_dialog import TagDialog

    letter = window.lib.letters[window.onscreen.letter_id]
    for dlg in (TagDialog("A quote", list(window.lib.themes.values()), parent=window),
                CodebookDialog(window.ws, window), LetterDetailsDialog(letter, window),
                AboutDialog(str(window.store.path), window)):
        assert unexplained(dlg) == [], type(dlg).__name__
    for act in window.actions_.values():
        assert act.toolTip() and act.statusTip(), act.objectName()


def test_tab_moves_left_to_right_through_the_panes(window, qtbot):
    window.activateWindow()
    window.right_tabs.setCurrentWidget(window.panel)  # (an untagged letter opens on its suggestions)
    window.library_panel.filter.setFocus()
    qtbot.waitUntil(window.library_panel.filter.hasFocus)
    order = []
    for _ in range(25):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    ix = {w: i for i, w in reversed(list(enumerate(order)))}
    assert window.library_panel.table in ix and window.view in ix and window.panel.view in ix
    assert ix[window.library_panel.table] < ix[window.view] < ix[window.panel.search] < ix[window.panel.view]


def test_severity_is_never_colour_alone(window):
    from reviewer.ui.annotate.annotation_panel import AnnotationPanel  # the cards draw a letter badge and the label
    from reviewer.ui.kit.look import SEVERITY_LETTER, severity_icon

    assert set(SEVERITY_LETTER) == {"strength", "context", "improvement", "priority"}
    assert len(set(SEVERITY_LETTER.values())) == 4
    for sid in SEVERITY_LETTER:
        assert not severity_icon(sid).isNull()
        assert window.actions_[f"sev_{sid}"].icon().cacheKey() == severity_icon(sid).cacheKey()
    sev = window.panel.severity
    labels = [sev.itemText(i) for i in range(sev.count())]
    assert {"Strength", "Context", "Area for improvement", "Priority action"} <= set(labels)
    assert isinstance(window.panel, AnnotationPanel)
