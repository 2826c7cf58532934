"""Help > Keyboard Shortcuts: every action's keys, read from the actions themselves (so the list
cannot fall out of date), and the single keys the panels and the tag dialog take."""

from __future__ import annotations

import re

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reviewer.ui.shell.actions import ACTIONS

PANEL_KEYS = (
    ("Suggestions list", (("Enter or A", "Accept the suggestion"), ("E or F2", "Edit it, then accept"),
                          ("Delete or D", "Dismiss it (remembered; Ctrl+Z undoes)"),
                          ("M", "Show every suggestion, in reading order, or only the strongest"),
                          ("Escape", "Back to the letter, at the suggestion"))),
    ("Action plan panel", (("Enter or F2", "Update the action: what, who, due date, status, a progress note"),
                           ("Delete", "Delete the action (Ctrl+Z undoes)"))),
    ("Action dialog", (("Tab", "Next field (the due date: type day, month, year)"),
                       ("Ctrl+Enter", "Add or update, from any field"))),
    ("Overview", (("Escape or Ctrl+W", "Close it"),)),
    ("Tag dialog", (("Enter", "Add the highlighted theme"), ("Alt+1 … Alt+4", "Pick the severity"),
                    ("Ctrl+Enter", "Save"))),
    ("Letter", (("Page Down / Page Up, Space / Shift+Space", "A screen down / up"),
                ("Home / End", "The first / the last page"),
                ("Ctrl+wheel", "Zoom, about the pointer"),
                ("Ctrl+Down / Ctrl+Up", "Select the next / previous sentence or bullet"),
                ("Shift+Down / Shift+Up", "Take one more sentence / give the last one back"),
                ("Ctrl+Shift+Right / Left", "Take one more word / give one back"),
                ("Triple-click", "Select the whole sentence or bullet"),
                ("Click a highlight", "Choose its annotation (in Annotations and the Plan)"),
                ("Double-click a highlight", "Edit its annotation"),
                ("Escape", "Clear the selection"))),
    ("Welcome page", (("Enter", "Open the chosen letter"), ("Escape", "Back to the letter"))),
    ("Search", (("Down", "From the search box to the results"), ("Enter", "Open the letter at the passage"))),
)


def plain(text: str) -> str:
    """An action's text as read: its mnemonic's "&" gone, "&&" a plain "&"."""
    return re.sub(r"&(&?)", r"\1", text)


def shortcut_rows(actions: dict[str, QAction]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu, [(keys, what it does)]) for every action with a shortcut, in menu order, each named as its menu
    names it now (Accept All is named as the open letter heads its inspectors' list: "Accept All
    “Recommendations”")."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for spec in ACTIONS:
        keys = [k for k in (q.toString(QKeySequence.SequenceFormat.NativeText) for q in actions[spec.id].shortcuts())
                if "+" in k or re.fullmatch(r"F\d+|Del|Delete|Esc|Return|Enter", k)]  # not media keys ("Open")
        if keys:
            groups.setdefault(spec.menu.replace("&", ""), []).append((", ".join(keys), plain(actions[spec.id].text())))
    return list(groups.items()) + [(name, list(rows)) for name, rows in PANEL_KEYS]


def show_shortcuts(parent: QWidget, actions: dict[str, QAction]) -> None:
    dlg = QDialog(parent)
    dlg.setWindowTitle("Keyboard Shortcuts — Reviewer")
    tree = QTreeWidget()
    tree.setAccessibleName("Keyboard shortcuts")
    tree.setHeaderLabels(["Keys", "Does"])
    tree.setRootIsDecorated(False)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    for menu, rows in shortcut_rows(actions):
        head = QTreeWidgetItem([menu])
        font = head.font(0)
        font.setBold(True)
        head.setFont(0, font)
        tree.addTopLevelItem(head)
        for keys, what in rows:
            head.addChild(QTreeWidgetItem([keys, what]))
    tree.expandAll()
    tree.resizeColumnToContents(1)  # every description whole: the dialog as wide as the longest, within the screen
    wide = tree.header().length() + tree.verticalScrollBar().sizeHint().width() + 40
    room = parent.screen().availableGeometry() if parent is not None and parent.screen() else None
    width, height = (room.width(), room.height()) if room is not None else (1200, 800)
    # within the screen both ways (on a 125% laptop, 620 high put the Close button below the screen's edge)
    dlg.resize(max(min(560, int(width * 0.9)), min(wide, int(width * 0.9))), min(620, int(height * 0.85)))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dlg.reject)
    lay = QVBoxLayout(dlg)
    lay.addWidget(tree)
    lay.addWidget(buttons)
    dlg.exec()
