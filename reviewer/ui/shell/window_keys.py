"""The window's shortcuts before a text box's Emacs keys.

On Linux, Qt's text boxes take Ctrl+E for "end of line" (and a few more Emacs keys), as a shortcut
override: with the cursor in the Search box or the Annotations filter, Ctrl+E (Export Audit Summary) did
nothing. End still ends the line; so where one of the window's own actions has such a key, the action
has it. The box keeps every key it edits with (copy, paste, undo, Ctrl+Backspace for a word), and a
dialog's boxes keep them all: the window's actions do not reach into dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QWidget

# The keys a text box moves or deletes a line with, which Linux also binds to Ctrl+letters (Ctrl+E, Ctrl+U)
# besides Home, End and the Delete keys
_LINE_KEYS = (QKeySequence.StandardKey.MoveToEndOfLine, QKeySequence.StandardKey.MoveToStartOfLine,
              QKeySequence.StandardKey.DeleteEndOfLine, QKeySequence.StandardKey.DeleteCompleteLine)


class WindowKeysFirst(QObject):
    """An application event filter: a shortcut override from a text box of ``window`` for a line key
    that is also one of ``actions``' shortcuts is turned down, so the action runs."""

    def __init__(self, window: QWidget, actions: dict[str, QAction]) -> None:
        super().__init__(window)
        self.window = window
        self.actions = actions

    def taken(self, e: QKeyEvent) -> bool:
        """Whether the key is a line key the window's actions also have."""
        if not any(e.matches(k) for k in _LINE_KEYS):
            return False
        pressed = QKeySequence(e.keyCombination())
        return any(pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch
                   for a in self.actions.values() if a.isEnabled() for k in a.shortcuts())

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:  # noqa: N802 - Qt's name
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(obj, (QLineEdit, QAbstractSpinBox)) \
                and obj.window() is self.window and isinstance(e, QKeyEvent) and self.taken(e):
            e.ignore()
            return True  # not the box's: the window's shortcut runs
        return False
