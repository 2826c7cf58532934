"""Edit > Preferences: who you are, how tagging starts, and how Reviewer looks.

The auditor's name is domain data (the author of annotations) and lives in the library; everything
else is how this person likes the window and lives in Qt's settings. Theme colours are the codebook's,
changed by one undoable command.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.annotations.commands import Batch, PutTheme
from reviewer.ui.kit.look import SEVERITY, highlight_opacity, severity_icon, show_folder_button, swatch_icon
from reviewer.ui.kit.desk import Desk
from reviewer.ui.kit.style import APPEARANCES, LARGEST_TEXT, apply_saved_style, saved_text_size

HIGHLIGHT_BY = {"severity": "Severity", "theme": "First theme"}


def choice(name: str, tip: str, items: list[tuple[str, str, QIcon | None]], current: object) -> QComboBox:
    """A named, explained combo box of (value, label, icon) with ``current`` chosen (the first if unknown)."""
    box = QComboBox()
    box.setAccessibleName(name)
    box.setToolTip(tip)
    for value, label, icon in items:
        if icon is None:
            box.addItem(label, value)
        else:
            box.addItem(icon, label, value)
    box.setCurrentIndex(max(0, box.findData(str(current or ""))))
    return box


class PreferencesDialog(QDialog):
    """``applied``: called once the choices are kept, to show them (the highlights' strength and colours)."""

    def __init__(self, desk: Desk, applied: Callable[[], None]) -> None:
        super().__init__(desk.parent)
        self.desk, self.applied = desk, applied
        s = desk.settings
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(640)

        self.name = QLineEdit(desk.lib.settings.get("auditor", ""))
        self.name.setPlaceholderText("e.g. Sam Patel")
        self.name.setAccessibleName("Your name")
        self.name.setToolTip("Shown as the author of your annotations, in exports and audit packs")
        where = QLabel(f"<code>{desk.store.path}</code>")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        where.setAccessibleName("Library file")
        show = show_folder_button(desk.store.path.parent)
        lib_row = QHBoxLayout()
        lib_row.addWidget(where, 1)
        lib_row.addWidget(show)

        self.severity = choice("Default severity", "The severity a new tag starts with",
                               [("", "The last one I used", None)]
                               + [(sid, sev.label, severity_icon(sid)) for sid, sev in SEVERITY.items()],
                               s.value("prefs/default_severity", ""))
        self.appearance = choice("Appearance", "Light or dark; “Follow the system” changes with the system's setting",
                                 [(k, label, None) for k, label in APPEARANCES.items()], s.value("prefs/appearance", "system"))

        self.text_size = QSpinBox()
        self.text_size.setRange(0, LARGEST_TEXT)
        self.text_size.setSpecialValueText("System default")
        self.text_size.setSuffix(" pt")
        self.text_size.setAccessibleName("Text size")
        self.text_size.setToolTip("Size of the text in the panels, cards, menus and dialogs (letters zoom with Ctrl+=)")
        self.text_size.setValue(saved_text_size(s))

        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(10, 90)
        self.opacity.setValue(highlight_opacity(s))
        self.opacity.setAccessibleName("Highlight opacity")
        self.opacity.setToolTip("How strongly annotations are coloured over the letter's text")
        self.opacity_label = QLabel()
        self.opacity_label.setMinimumWidth(40)
        self.opacity.valueChanged.connect(lambda v: self.opacity_label.setText(f"{v}%"))
        self.opacity_label.setText(f"{self.opacity.value()}%")
        opacity_row = QHBoxLayout()
        opacity_row.addWidget(self.opacity, 1)
        opacity_row.addWidget(self.opacity_label)

        self.highlight_by = choice("Colour highlights by",
                                   "Colour each highlight by its severity (as in exports) or by its first theme",
                                   [(k, label, None) for k, label in HIGHLIGHT_BY.items()],
                                   s.value("prefs/highlight_by", "severity"))

        self.themes = QListWidget()
        self.themes.setAccessibleName("Theme colours")
        self.themes.setToolTip("Double-click or press Enter to change a theme's colour")
        self.themes.setMaximumHeight(150)
        self.themes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.themes.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._colours = {t.id: t.colour for t in desk.lib.themes.values()}
        for t in desk.lib.themes.values():
            if not t.retired:
                item = QListWidgetItem(swatch_icon(t.colour), t.label)
                item.setData(Qt.ItemDataRole.UserRole, t.id)
                self.themes.addItem(item)
        self.themes.itemActivated.connect(self._recolour)
        recolour = QPushButton("Change Colour…", toolTip="Choose the selected theme's colour")
        recolour.clicked.connect(lambda: self._recolour(self.themes.currentItem()))
        themes_row = QHBoxLayout()
        themes_row.addWidget(self.themes, 1)
        themes_row.addWidget(recolour, 0, Qt.AlignmentFlag.AlignTop)

        you = QGroupBox("You")
        f = QFormLayout(you)
        f.addRow("&Name:", self.name)
        f.addRow(self._label("Library:", where), lib_row)
        tagging = QGroupBox("Tagging")
        f = QFormLayout(tagging)
        f.addRow("&Start new tags as:", self.severity)
        look = QGroupBox("Appearance")
        f = QFormLayout(look)
        f.addRow("&Appearance:", self.appearance)
        f.addRow("&Text size:", self.text_size)
        f.addRow(self._label("Highlight &opacity:", self.opacity), opacity_row)
        f.addRow("Colour &highlights by:", self.highlight_by)
        f.addRow(self._label("Theme &colours:", self.themes), themes_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for box in (you, tagging, look):
            lay.addWidget(box)
        lay.addWidget(buttons)
        self.name.setFocus()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _recolour(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        tid = item.data(Qt.ItemDataRole.UserRole)
        c = QColorDialog.getColor(QColor(self._colours[tid]), self, f"Colour for {item.text()}")
        if c.isValid():
            self._colours[tid] = c.name()
            item.setIcon(swatch_icon(c.name()))

    def accept(self) -> None:
        """Keep everything chosen and show it at once."""
        ws, lib, s = self.desk.ws, self.desk.lib, self.desk.settings
        name = self.name.text().strip()
        if name and name != lib.settings.get("auditor", ""):
            ws.set_auditor(name, initiator=self)
        s.setValue("prefs/default_severity", self.severity.currentData())
        s.setValue("prefs/appearance", self.appearance.currentData())
        s.setValue("prefs/text_size", self.text_size.value())
        s.setValue("prefs/highlight_opacity", self.opacity.value())
        s.setValue("prefs/highlight_by", self.highlight_by.currentData())
        changed = [PutTheme(t, dataclasses.replace(t, colour=self._colours[t.id]), f"Recolour “{t.label}”")
                   for t in lib.themes.values() if self._colours.get(t.id, t.colour) != t.colour]
        if changed:
            ws.do(changed[0] if len(changed) == 1 else Batch(list(changed), "Change theme colours"), initiator=self)
        s.sync()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_saved_style(app, s)
        self.applied()
        super().accept()


def open_preferences(desk: Desk, applied: Callable[[], None]) -> None:
    PreferencesDialog(desk, applied).exec()
