"""Edit > Undo and Redo: the workspace's undo stack, with what each would do in the menu's text."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from reviewer.core.annotations.commands import Command, letters_of
from reviewer.ui.kit.desk import Desk, OnScreen


class History(QObject):
    def __init__(self, desk: Desk, onscreen: OnScreen, undo_action: QAction, redo_action: QAction) -> None:
        super().__init__(desk.parent)
        self.desk, self.onscreen, self.undo_action, self.redo_action = desk, onscreen, undo_action, redo_action
        desk.ws.undo.subscribe(self.update)
        self.update()

    def undo(self) -> None:
        where = self._go_to(self.desk.ws.undo.next_undo())
        cmd = self.desk.ws.undo_last(initiator=self)
        if cmd:
            self.desk.tell(f"Undone{where}: {cmd.label} — Ctrl+Shift+Z does it again", 6000)

    def redo(self) -> None:
        where = self._go_to(self.desk.ws.undo.next_redo())
        cmd = self.desk.ws.redo_last(initiator=self)
        if cmd:
            self.desk.tell(f"{cmd.done}{where} — Ctrl+Z undoes it", 6000)  # what was done, again

    def _go_to(self, cmd: Command | None) -> str:
        """Where ``cmd`` changes another letter's annotations than the one on screen, that letter is opened
        first, so the undo is seen where it acts (a helper's Ctrl+Z on one letter took away the tags accepted
        on another, out of sight, and the next tag made it for good): " on <letter>" for the status bar."""
        if cmd is None:
            return ""
        letters = [x for x in letters_of(cmd) if x in self.desk.ws.library.letters]
        if not letters or self.onscreen.letter_id in letters:
            return ""
        if len(letters) > 1:
            return f" on {len(letters)} letters"
        self.onscreen.open(letters[0])
        return f" on {self.desk.ws.library.display_title(letters[0])}"

    def update(self, *_: object) -> None:
        stack = self.desk.ws.undo
        self.undo_action.setEnabled(stack.can_undo())
        self.redo_action.setEnabled(stack.can_redo())
        self.undo_action.setText(f"&Undo {stack.undo_label()}".rstrip())
        self.redo_action.setText(f"&Redo {stack.redo_label()}".rstrip())
