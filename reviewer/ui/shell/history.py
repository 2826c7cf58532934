"""Edit > Undo and Redo: the workspace's undo stack, with what each would do in the menu's text."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from reviewer.ui.kit.desk import Desk


class History(QObject):
    def __init__(self, desk: Desk, undo_action: QAction, redo_action: QAction) -> None:
        super().__init__(desk.parent)
        self.desk, self.undo_action, self.redo_action = desk, undo_action, redo_action
        desk.ws.undo.subscribe(self.update)
        self.update()

    def undo(self) -> None:
        cmd = self.desk.ws.undo_last(initiator=self)
        if cmd:
            self.desk.tell(f"Undone: {cmd.label} — Ctrl+Shift+Z does it again", 4000)

    def redo(self) -> None:
        cmd = self.desk.ws.redo_last(initiator=self)
        if cmd:
            self.desk.tell(f"{cmd.done} — Ctrl+Z undoes it", 4000)  # what was done, again

    def update(self, *_: object) -> None:
        stack = self.desk.ws.undo
        self.undo_action.setEnabled(stack.can_undo())
        self.redo_action.setEnabled(stack.can_redo())
        self.undo_action.setText(f"&Undo {stack.undo_label()}".rstrip())
        self.redo_action.setText(f"&Redo {stack.redo_label()}".rstrip())
